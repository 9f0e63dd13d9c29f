package org.jvswitch.pmd;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import org.jvswitch.dataplane.DropReason;
import org.jvswitch.dataplane.flow.ExtractStatus;

/**
 * A PMD thread's counters (Open vSwitch's pmd_perf_stats): one {@code long[]} the PMD alone
 * writes, with opaque stores so any thread may read it, unlocked, with opaque loads. Clearing
 * (dpif-netdev/pmd-stats-clear) does not touch the PMD: readers keep a baseline and subtract,
 * as OVS does.
 *
 * <pre>
 *   [0 .. COUNTERS)                              the named counters below
 *   [DROP_BASE .. DROP_BASE + DropReason.COUNT)  drops by reason
 *   [EXTRACT_BASE .. + ExtractStatus.COUNT)       malformed packets by where parsing stopped
 * </pre>
 */
public final class PmdStats {
    private static final VarHandle LONGS = MethodHandles.arrayElementVarHandle(long[].class);

    public static final int RECV = 0;
    public static final int RECIRC = 1;
    public static final int SIMPLE_MATCH_HIT = 2;
    public static final int EMC_HIT = 3;
    public static final int SMC_HIT = 4;
    public static final int MEGAFLOW_HIT = 5;
    /** Subtables searched by lookups that found a megaflow. */
    public static final int SUBTABLE_LOOKUPS = 6;
    public static final int MISS = 7;
    public static final int LOST = 8;
    public static final int SENT_PACKETS = 9;
    public static final int SENT_BATCHES = 10;
    public static final int CYCLES_IDLE = 11;
    public static final int CYCLES_BUSY = 12;
    public static final int CYCLES_UPCALL = 13;
    public static final int ITERATIONS = 14;
    public static final int BUSY_ITERATIONS = 15;
    /** Iterations that took longer than {@code OVERRUN_NS}. */
    public static final int OVERRUNS = 16;
    public static final int COUNTERS = 17;
    public static final int DROP_BASE = COUNTERS;
    public static final int EXTRACT_BASE = DROP_BASE + DropReason.COUNT;
    public static final int SIZE = EXTRACT_BASE + ExtractStatus.COUNT;

    private final long[] values = new long[SIZE];

    /** PMD thread only. */
    public void add(int counter, long n) {
        LONGS.setOpaque(values, counter, values[counter] + n);
    }

    /** PMD thread only. */
    public void inc(int counter) {
        LONGS.setOpaque(values, counter, values[counter] + 1);
    }

    /** Any thread. */
    public long get(int counter) {
        return (long) LONGS.getOpaque(values, counter);
    }

    /** A snapshot of every counter (any thread). */
    public long[] snapshot() {
        long[] out = new long[SIZE];
        for (int i = 0; i < SIZE; i++) {
            out[i] = (long) LONGS.getOpaque(values, i);
        }
        return out;
    }
}
