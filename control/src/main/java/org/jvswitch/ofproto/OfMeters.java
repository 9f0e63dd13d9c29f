package org.jvswitch.ofproto;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jvswitch.dataplane.meter.DpMeter;
import org.jvswitch.dataplane.meter.DpMeters;

/**
 * A bridge's OpenFlow meter table, with OpenFlow's meter_mod rules and errors. Each meter is
 * enforced by a datapath meter ({@link DpMeter}) with an id from a switch-wide pool, since every
 * bridge shares the one datapath. The datapath's meters drop; DSCP remark bands are kept,
 * reported and counted as configured but do not remark (Open vSwitch's userspace datapath does
 * the same).
 *
 * <p>Threads: meter_mods on OpenFlow threads; translation reads {@link #datapathId} from any.
 */
public final class OfMeters {
    /** OFPM_MAX: the largest meter id. */
    public static final int MAX = 0xffff0000;
    public static final int ALL = 0xffffffff;
    /** The meters the datapath can hold across every bridge. */
    public static final int DP_METERS = DpMeters.MAX_METERS;
    private static final BitSet DP_IDS = new BitSet(DP_METERS);

    private final Map<Integer, OfMeter> meters = new ConcurrentHashMap<>();
    private volatile DpMeters datapath = new DpMeters();

    /** Where the meters are enforced (the datapath's table); meters already defined move there. */
    public synchronized void setDatapath(DpMeters dp) {
        datapath = dp;
        for (OfMeter m : meters.values()) {
            install(m);
        }
    }

    public OfMeter get(int id) {
        return meters.get(id);
    }

    public List<OfMeter> all() {
        List<OfMeter> l = new ArrayList<>(meters.values());
        l.sort((a, b) -> Integer.compareUnsigned(a.id(), b.id()));
        return l;
    }

    /** The datapath meter of OpenFlow meter {@code id}, or -1 when there is none. */
    public int datapathId(int id) {
        OfMeter m = meters.get(id);
        return m == null ? -1 : m.dpId();
    }

    /** The datapath meter that enforces a meter (for its statistics); null if none. */
    public DpMeter datapathMeter(OfMeter m) {
        return datapath.get(m.dpId());
    }

    public synchronized OfMeter add(int id, int flags, List<OfMeter.Band> bands, long nowMillis) {
        check(id, flags, bands);
        if (meters.containsKey(id)) {
            throw new OfError(OfError.Type.METER_MOD_FAILED, "METER_EXISTS", "meter " + Integer.toUnsignedString(id));
        }
        int dp = allocate();
        OfMeter m = new OfMeter(id, flags, bands, dp, nowMillis);
        meters.put(id, m);
        install(m);
        return m;
    }

    public synchronized OfMeter modify(int id, int flags, List<OfMeter.Band> bands, long nowMillis) {
        check(id, flags, bands);
        OfMeter old = meters.get(id);
        if (old == null) {
            throw new OfError(OfError.Type.METER_MOD_FAILED, "UNKNOWN_METER", "meter " + Integer.toUnsignedString(id));
        }
        OfMeter m = new OfMeter(id, flags, bands, old.dpId(), old.createdMillis());
        meters.put(id, m);
        install(m);
        return m;
    }

    /** Deletes a meter, or all with {@link #ALL}; returns the ids deleted (unknown ones are no error). */
    public synchronized List<Integer> delete(int id) {
        List<Integer> gone = new ArrayList<>();
        for (OfMeter m : id == ALL ? List.copyOf(meters.values()) : List.<OfMeter>of()) {
            remove(m);
            gone.add(m.id());
        }
        if (id != ALL) {
            OfMeter m = meters.get(id);
            if (m != null) {
                remove(m);
                gone.add(id);
            }
        }
        return gone;
    }

    /** Frees every meter (the bridge is going away). */
    public synchronized void clear() {
        delete(ALL);
    }

    private void remove(OfMeter m) {
        meters.remove(m.id());
        datapath.delete(m.dpId());
        synchronized (DP_IDS) {
            DP_IDS.clear(m.dpId());
        }
    }

    private void install(OfMeter m) {
        List<OfMeter.Band> drops = m.bands().stream().filter(b -> b.type() == OfMeter.DROP).toList();
        long[] rates = new long[drops.size()];
        long[] bursts = new long[drops.size()];
        for (int i = 0; i < rates.length; i++) {
            rates[i] = drops.get(i).rate();
            bursts[i] = (m.flags() & OfMeter.BURST) != 0 ? drops.get(i).burst() : 0;
        }
        datapath.set(new DpMeter(m.dpId(), m.pktps(), rates, bursts, System.nanoTime()));
    }

    private static int allocate() {
        synchronized (DP_IDS) {
            int id = DP_IDS.nextClearBit(1);
            if (id >= DP_METERS) {
                throw new OfError(OfError.Type.METER_MOD_FAILED, "OUT_OF_METERS", "the datapath's meters are all in use");
            }
            DP_IDS.set(id);
            return id;
        }
    }

    private static void check(int id, int flags, List<OfMeter.Band> bands) {
        if (id == 0 || Integer.compareUnsigned(id, MAX) > 0) {
            throw new OfError(OfError.Type.METER_MOD_FAILED, "INVALID_METER", "meter id " + Integer.toUnsignedString(id));
        }
        boolean kbps = (flags & OfMeter.KBPS) != 0;
        boolean pktps = (flags & OfMeter.PKTPS) != 0;
        if (kbps == pktps || (flags & ~0xf) != 0) {
            throw new OfError(OfError.Type.METER_MOD_FAILED, "BAD_FLAGS", "flags 0x" + Integer.toHexString(flags));
        }
        if (bands.isEmpty()) {
            throw new OfError(OfError.Type.METER_MOD_FAILED, "BAD_BAND", "a meter needs a band");
        }
        for (OfMeter.Band b : bands) {
            if (b.type() != OfMeter.DROP && b.type() != OfMeter.DSCP_REMARK) {
                throw new OfError(OfError.Type.METER_MOD_FAILED, "BAD_BAND", "band type " + b.type());
            }
            if (b.rate() <= 0) {
                throw new OfError(OfError.Type.METER_MOD_FAILED, "BAD_RATE", "rate 0");
            }
        }
    }
}
