package org.jvswitch.dpdk;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jvswitch.vlog.Vlog;
import org.slf4j.Logger;

/**
 * Shared mbuf pools, one per (buffer size, NUMA node), as Open vSwitch's shared-memory model has
 * them: every port with the same MTU on the same node draws from one pool, counted by reference.
 *
 * <p>A pool's buffer size comes from the MTU: the largest frame (MTU + Ethernet header, two VLAN
 * tags and CRC) rounded up to 1 KiB, plus DPDK's headroom; MTU 1500 gives 2176-byte buffers.
 * Pools start at {@link #DEFAULT_MBUFS} mbufs and, when hugepage memory is short, halve down to
 * {@link #MIN_MBUFS} before giving up, so a second switch on the same host still starts.
 *
 * <p>Control path only; methods are synchronized.
 */
public final class MbufPools {
    private static final Logger LOG = Vlog.module("netdev_dpdk");
    /** Open vSwitch's shared-pool size (MAX_NB_MBUF), less one for the ring's power of two. */
    public static final int DEFAULT_MBUFS = 262144 - 1;
    /** The other_config key (a jvswitch extension) that sets the initial size of each pool. */
    public static final String OTHER_CONFIG_KEY = "dpdk-mbufs";
    public static final int MIN_MBUFS = 4096 - 1;
    public static final int CACHE_SIZE = 256;
    public static final int HEADROOM = 128;
    /** Ethernet header + CRC + two VLAN tags: what a frame adds to its MTU. */
    public static final int FRAME_OVERHEAD = 14 + 4 + 2 * 4;
    private static final int ALIGN = 1024;

    private record Key(int dataRoom, int socket) {
    }

    private static final class Entry {
        final Mempool pool;
        int refs;

        Entry(Mempool pool) {
            this.pool = pool;
        }
    }

    private final Map<Key, Entry> pools = new HashMap<>();
    private final int initialMbufs;

    public MbufPools(int initialMbufs) {
        this.initialMbufs = initialMbufs;
    }

    public MbufPools() {
        this(DEFAULT_MBUFS);
    }

    /**
     * The initial pool size from {@code other_config:dpdk-mbufs}: a number of mbufs of at least
     * {@link #MIN_MBUFS} + 1, or {@link #DEFAULT_MBUFS} when unset.
     *
     * @throws IllegalArgumentException naming the key and the bad value
     */
    public static int initialMbufs(Map<String, String> otherConfig) {
        String v = otherConfig.get(OTHER_CONFIG_KEY);
        if (v == null || v.isBlank()) {
            return DEFAULT_MBUFS;
        }
        long n;
        try {
            n = Long.parseLong(v.trim());
        } catch (NumberFormatException e) {
            n = -1;
        }
        if (n <= MIN_MBUFS || n > (1 << 24)) {
            throw new IllegalArgumentException("other_config:" + OTHER_CONFIG_KEY + " '" + v
                    + "' must be a number of mbufs from " + (MIN_MBUFS + 1) + " to " + (1 << 24));
        }
        return (int) n;
    }

    /** Data room (headroom included) of the mbufs for a port of this MTU. */
    public static int dataRoomForMtu(int mtu) {
        int frame = mtu + FRAME_OVERHEAD;
        return (frame + ALIGN - 1) / ALIGN * ALIGN + HEADROOM;
    }

    /** The pool for this MTU on this node, created on first use; pair with {@link #release}. */
    public synchronized Mempool acquire(int mtu, int socket) {
        Key key = new Key(dataRoomForMtu(mtu), Math.max(socket, 0));
        Entry e = pools.get(key);
        if (e == null) {
            e = new Entry(create(key));
            pools.put(key, e);
        }
        e.refs++;
        return e.pool;
    }

    /** Drops one reference; the last one frees the pool. */
    public synchronized void release(Mempool pool) {
        for (var it = pools.entrySet().iterator(); it.hasNext(); ) {
            var entry = it.next();
            if (entry.getValue().pool == pool && --entry.getValue().refs == 0) {
                it.remove();
                pool.close();
                LOG.info("freed mempool {}", pool);
                return;
            }
        }
    }

    /** Every pool in use, for memory/show and netdev-dpdk/get-mempool-info. */
    public synchronized List<Mempool> all() {
        List<Mempool> out = new ArrayList<>();
        pools.values().forEach(e -> out.add(e.pool));
        return out;
    }

    private Mempool create(Key key) {
        DpdkException last = null;
        for (int n = initialMbufs; n >= MIN_MBUFS; n = (n + 1) / 2 - 1) {
            String name = "jvs_mp_" + key.dataRoom() + "_" + key.socket() + "_" + n;
            try {
                Mempool mp = Mempool.createPktmbufPool(name, n, CACHE_SIZE, key.dataRoom(), key.socket());
                LOG.info("created mempool {}", mp);
                return mp;
            } catch (DpdkException e) {
                if (e.errno() != Rte.ENOMEM) {
                    throw e;
                }
                last = e;
                LOG.info("not enough memory for {} mbufs of {} bytes; trying fewer", n, key.dataRoom());
            }
        }
        throw new DpdkException("cannot create a mempool for " + key.dataRoom() + "-byte mbufs on socket "
                + key.socket() + ", not even " + MIN_MBUFS + " of them: out of hugepage memory"
                + " (reserve more with JVS_HUGEPAGES_MB and 'sudo ./jvs setup')", last.errno());
    }
}
