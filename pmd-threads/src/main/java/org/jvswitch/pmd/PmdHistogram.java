package org.jvswitch.pmd;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * A histogram with fixed bins that one thread records into and any thread reads, unlocked: the
 * counts are a {@code long[]} written with opaque stores by the single writer (a PMD thread, or
 * the one upcall handler serving a PMD) and read with opaque loads. Recording allocates nothing
 * and costs a binary search over the walls.
 *
 * <p>Bin {@code i} counts the samples {@code v} with {@code walls[i-1] < v <= walls[i]}; the last
 * wall is {@link Long#MAX_VALUE} (printed as "&gt;" by pmd-perf-show), so every sample lands
 * somewhere. Walls are set once: {@link #linear} and {@link #log} space them as Open vSwitch's
 * pmd-perf-show histograms do (32 bins).
 */
public final class PmdHistogram {
    private static final VarHandle LONGS = MethodHandles.arrayElementVarHandle(long[].class);
    /** Bins of pmd-perf-show's histograms. */
    public static final int BINS = 32;

    private final long[] walls;
    /** Samples per bin, then the sum of the samples at index {@code walls.length}. */
    private final long[] counts;

    private PmdHistogram(long[] walls) {
        this.walls = walls;
        this.counts = new long[walls.length + 1];
    }

    /** Upper bounds (inclusive), ascending; a last bin for larger samples is added. */
    public static PmdHistogram of(long... bounds) {
        long[] walls = new long[bounds.length + 1];
        System.arraycopy(bounds, 0, walls, 0, bounds.length);
        walls[bounds.length] = Long.MAX_VALUE;
        for (int i = 1; i < walls.length; i++) {
            if (walls[i] <= walls[i - 1]) {
                throw new IllegalArgumentException("histogram walls must ascend");
            }
        }
        return new PmdHistogram(walls);
    }

    /** {@link #BINS} bins: walls evenly from {@code min} to {@code max}, then one for the rest. */
    public static PmdHistogram linear(long min, long max) {
        long[] bounds = new long[BINS - 1];
        for (int i = 0; i < bounds.length; i++) {
            bounds[i] = min + i * (max - min) / (BINS - 2);
        }
        return of(bounds);
    }

    /**
     * {@link #BINS} bins: walls spaced evenly on a log scale from {@code min} (or a first bin for 0
     * when {@code min} is 0) to {@code max}, then one for the rest.
     */
    public static PmdHistogram log(long min, long max) {
        long[] bounds = new long[BINS - 1];
        int start = 0;
        if (min == 0) {
            bounds[0] = 0;
            start = 1;
            min = 1;
        }
        int n = bounds.length - start;
        double lo = Math.log(min);
        double hi = Math.log(max);
        long next = start == 0 ? min : 1;
        for (int i = 0; i < n; i++) {
            long w = Math.max(next, Math.round(Math.exp(lo + i * (hi - lo) / (n - 1))));
            bounds[start + i] = w;
            next = w + 1;
        }
        return of(bounds);
    }

    /** Writer only: counts one sample. */
    public void record(long value) {
        int lo = 0;
        int hi = walls.length - 1;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (value <= walls[mid]) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        LONGS.setOpaque(counts, lo, counts[lo] + 1);
        int sum = walls.length;
        LONGS.setOpaque(counts, sum, counts[sum] + value);
    }

    /** Writer only: counts a sample of 0 (the first bin), without searching. */
    public void recordZero() {
        LONGS.setOpaque(counts, 0, counts[0] + 1);
    }

    /** The bins' upper bounds; the last is {@link Long#MAX_VALUE}. */
    public long[] walls() {
        return walls.clone();
    }

    public int bins() {
        return walls.length;
    }

    /** Any thread: the counts per bin, then the sum of all samples (one more element). */
    public long[] snapshot() {
        long[] out = new long[counts.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = (long) LONGS.getOpaque(counts, i);
        }
        return out;
    }
}
