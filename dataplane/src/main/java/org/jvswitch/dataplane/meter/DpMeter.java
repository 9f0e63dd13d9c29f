package org.jvswitch.dataplane.meter;

import java.util.concurrent.atomic.AtomicLong;

/**
 * A datapath meter: drop bands with a rate in kbit/s or packets/s and a burst size, as Open
 * vSwitch's datapath meters (OpenFlow's DSCP remark bands are applied in translation, not here).
 *
 * <p>Every PMD thread may pass packets through the same meter, so each band is a token bucket
 * kept lock-free: {@code lastNs} is advanced with getAndSet, so concurrent callers split elapsed
 * time between them and no token is counted twice; tokens are taken with a CAS on
 * {@code tokens}. A packet is dropped by the band with the highest rate it exceeds (OpenFlow's
 * rule); the counters are per band.
 */
public final class DpMeter {
    /** One band. Rates and bursts in bits (kbps meters) or packets (pktps meters), times 1000. */
    static final class Band {
        final long rateMilliPerSec;
        final long burstMilli;
        final AtomicLong tokens;
        final AtomicLong lastNs;
        final AtomicLong packets = new AtomicLong();
        final AtomicLong bytes = new AtomicLong();

        Band(long rate, long burst, long nowNs) {
            this.rateMilliPerSec = rate * 1000;
            this.burstMilli = Math.max(burst, 1) * 1000;
            this.tokens = new AtomicLong(burstMilli);
            this.lastNs = new AtomicLong(nowNs);
        }

        /** Takes {@code cost} (milli-units) if the bucket has it. */
        boolean take(long cost, long nowNs) {
            long prev = lastNs.getAndSet(nowNs);
            long elapsed = Math.max(0, nowNs - prev);
            long refill = elapsed >= 1_000_000_000L ? burstMilli : rateMilliPerSec * elapsed / 1_000_000_000L;
            while (true) {
                long t = tokens.get();
                long filled = Math.min(burstMilli, t + refill);
                if (filled < cost) {
                    if (refill == 0 || tokens.compareAndSet(t, filled)) {
                        return false;
                    }
                } else if (tokens.compareAndSet(t, filled - cost)) {
                    return true;
                }
                refill = 0;
            }
        }
    }

    private final int id;
    private final boolean packetsPerSecond;
    private final Band[] bands;
    private final AtomicLong packetsIn = new AtomicLong();
    private final AtomicLong bytesIn = new AtomicLong();

    /**
     * @param rates  band rates (kbit/s, or packets/s when {@code pktps})
     * @param bursts band burst sizes (kbit, or packets); 0 means the rate
     */
    public DpMeter(int id, boolean pktps, long[] rates, long[] bursts, long nowNs) {
        this.id = id;
        this.packetsPerSecond = pktps;
        this.bands = new Band[rates.length];
        for (int i = 0; i < rates.length; i++) {
            long burst = bursts[i] > 0 ? bursts[i] : rates[i];
            bands[i] = new Band(pktps ? rates[i] : rates[i] * 1000, pktps ? burst : burst * 1000, nowNs);
        }
    }

    public int id() {
        return id;
    }

    /** Whether a packet of {@code bytes} passes now (any thread). */
    public boolean pass(int bytes, long nowNs) {
        packetsIn.incrementAndGet();
        bytesIn.addAndGet(bytes);
        long cost = (packetsPerSecond ? 1 : bytes * 8L) * 1000;
        Band exceeded = null;
        for (Band b : bands) {
            if (!b.take(cost, nowNs) && (exceeded == null || b.rateMilliPerSec > exceeded.rateMilliPerSec)) {
                exceeded = b;
            }
        }
        if (exceeded == null) {
            return true;
        }
        exceeded.packets.incrementAndGet();
        exceeded.bytes.addAndGet(bytes);
        return false;
    }

    public long packetsIn() {
        return packetsIn.get();
    }

    public long bytesIn() {
        return bytesIn.get();
    }

    public int bandCount() {
        return bands.length;
    }

    /** Packets band {@code i} dropped. */
    public long bandPackets(int i) {
        return bands[i].packets.get();
    }

    public long bandBytes(int i) {
        return bands[i].bytes.get();
    }
}
