package org.jvswitch.openflow.conn;

/**
 * controller_rate_limit / controller_burst_limit: a token bucket over packet-ins to one
 * controller. A packet-in over the limit is dropped and counted (OVS queues a few per port first;
 * we keep no queue). Rate 0 means no limit. Thread-safe (packet-ins come from any upcall handler).
 */
public final class PinLimiter {
    private final long ratePerSec;
    private final long burst;
    private double tokens;
    private long lastNs;
    private long dropped;

    public PinLimiter(int rate, int burstLimit, long nowNs) {
        this.ratePerSec = Math.max(0, rate);
        this.burst = burstLimit > 0 ? burstLimit : Math.max(1, ratePerSec / 4);
        this.tokens = burst;
        this.lastNs = nowNs;
    }

    /** Whether one more packet-in may go now. */
    public synchronized boolean admit(long nowNs) {
        if (ratePerSec == 0) {
            return true;
        }
        tokens = Math.min(burst, tokens + (nowNs - lastNs) / 1e9 * ratePerSec);
        lastNs = nowNs;
        if (tokens >= 1) {
            tokens -= 1;
            return true;
        }
        dropped++;
        return false;
    }

    public synchronized long dropped() {
        return dropped;
    }
}
