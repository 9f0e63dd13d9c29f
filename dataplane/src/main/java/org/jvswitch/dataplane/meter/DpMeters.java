package org.jvswitch.dataplane.meter;

import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * The datapath's meters by id (0 .. {@link #MAX_METERS}): set and deleted by control threads,
 * read by PMD threads through an {@link AtomicReferenceArray} (plain volatile loads, no locks).
 * A packet sent to a meter that does not exist passes, as in Open vSwitch.
 */
public final class DpMeters {
    public static final int MAX_METERS = 65536;

    private final AtomicReferenceArray<DpMeter> meters = new AtomicReferenceArray<>(MAX_METERS);

    public void set(DpMeter m) {
        if (m.id() < 0 || m.id() >= MAX_METERS) {
            throw new IllegalArgumentException("meter id " + m.id() + " is out of range 0.." + (MAX_METERS - 1));
        }
        meters.set(m.id(), m);
    }

    public DpMeter get(int id) {
        return id >= 0 && id < MAX_METERS ? meters.get(id) : null;
    }

    public DpMeter delete(int id) {
        return id >= 0 && id < MAX_METERS ? meters.getAndSet(id, null) : null;
    }

    /** Fast path: whether the packet passes meter {@code id}. */
    public boolean pass(int id, int bytes, long nowNs) {
        DpMeter m = get(id);
        return m == null || m.pass(bytes, nowNs);
    }
}
