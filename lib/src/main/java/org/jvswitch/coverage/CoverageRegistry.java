package org.jvswitch.coverage;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A set of coverage counters and their rate history, and OVS's {@code coverage/show} report.
 *
 * <p>How: {@link #sample(long)} is called about once a second by a control thread. It turns
 * each counter's total into the count for the elapsed second(s), kept in a 60-slot per-second
 * ring; every 60 seconds the minute's sum goes into a 60-slot per-minute ring. The report's
 * rates are then: last 5 seconds = sum of the last 5 seconds / 5; last minute = sum of the
 * last 60 seconds / 60; last hour = sum of the last 60 whole minutes / 3600, as in OVS.
 * Sampling is by elapsed whole seconds on the given clock, so late or extra calls neither skew
 * the rates nor double-count (two servers in one process may both drive it).
 *
 * <p>Threads: counters are created and bumped from any thread; sampling and reporting take
 * this registry's lock (control threads only).
 */
public final class CoverageRegistry {

    private final ConcurrentHashMap<String, CoverageCounter> counters = new ConcurrentHashMap<>();
    /** Seconds sampled so far; the per-second rings are indexed by this. Guarded by this. */
    private long ticks;
    /** Clock reading (ns) that the last sampled second ended at; guarded by this. */
    private long sampledUpTo;
    private boolean started;

    /** The counter named {@code name}, created on first use. */
    public CoverageCounter counter(String name) {
        return counters.computeIfAbsent(name, CoverageCounter::new);
    }

    /** Counters by name, sorted. */
    public Map<String, CoverageCounter> counters() {
        return new TreeMap<>(counters);
    }

    /**
     * Records the events of the whole seconds elapsed since the last call.
     *
     * @param nowNanos a monotonic clock ({@link System#nanoTime()})
     */
    public synchronized void sample(long nowNanos) {
        if (!started) {
            started = true;
            sampledUpTo = nowNanos;
            for (CoverageCounter c : counters.values()) {
                c.sampledTotal = c.total();
            }
            return;
        }
        long seconds = (nowNanos - sampledUpTo) / 1_000_000_000L;
        if (seconds <= 0) {
            return;
        }
        sampledUpTo += seconds * 1_000_000_000L;
        // After a long stall, an hour and a minute of empty history overwrites all of it.
        long steps = Math.min(seconds,
                (long) CoverageCounter.SECONDS * (CoverageCounter.MINUTES + 1));
        for (CoverageCounter c : counters.values()) {
            long total = c.total();
            long delta = total - c.sampledTotal;
            c.sampledTotal = total;
            for (long s = 0; s < steps; s++) {
                // The events since the last sample are put in the latest second.
                record(c, ticks + s, s == steps - 1 ? delta : 0);
            }
        }
        ticks += steps;
    }

    private static void record(CoverageCounter c, long tick, long events) {
        c.perSecond[(int) (tick % CoverageCounter.SECONDS)] = events;
        c.thisMinute += events;
        if (tick % CoverageCounter.SECONDS == CoverageCounter.SECONDS - 1) {
            c.perMinute[(int) (tick / CoverageCounter.SECONDS % CoverageCounter.MINUTES)] = c.thisMinute;
            c.thisMinute = 0;
        }
    }

    /** Average events per second over the last 5 seconds. */
    public synchronized double rate5s(CoverageCounter c) {
        return lastSeconds(c, 5) / 5.0;
    }

    /** Average events per second over the last minute. */
    public synchronized double rateMinute(CoverageCounter c) {
        return lastSeconds(c, CoverageCounter.SECONDS) / 60.0;
    }

    /** Average events per second over the last hour (whole minutes). */
    public synchronized double rateHour(CoverageCounter c) {
        long sum = 0;
        for (long m : c.perMinute) {
            sum += m;
        }
        return sum / 3600.0;
    }

    private long lastSeconds(CoverageCounter c, int n) {
        long sum = 0;
        for (int i = 1; i <= n && i <= ticks; i++) {
            sum += c.perSecond[(int) ((ticks - i) % CoverageCounter.SECONDS)];
        }
        return sum;
    }

    /** One hit counter in a {@link Report}: average events per second and the total. */
    public record Line(String name, double rate5s, double rateMinute, double rateHour, long total) {
    }

    /**
     * What {@code coverage/show} reports: the counters that were hit (by name), a hash of their
     * names and totals, and how many were never hit.
     */
    public record Report(int hash, List<Line> lines, int neverHit) {
    }

    /** The counters' totals and rates now. */
    public synchronized Report report() {
        List<Line> lines = new ArrayList<>();
        int neverHit = 0;
        int hash = 0x811c9dc5;  // FNV-1a over "name=total" of the hit counters
        for (CoverageCounter c : counters().values()) {
            long total = c.total();
            if (total == 0) {
                neverHit++;
                continue;
            }
            hash = fnv1a(hash, c.name() + "=" + total + "\n");
            lines.add(new Line(c.name(), rate5s(c), rateMinute(c), rateHour(c), total));
        }
        return new Report(hash, lines, neverHit);
    }

    /**
     * OVS's {@code coverage/show} text: a header with a hash of the counters that were hit,
     * one line per hit counter (by name), and how many were never hit.
     */
    public String show() {
        return format(report());
    }

    /** {@link #show()}'s text for a report. */
    public static String format(Report r) {
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT,
                "Event coverage, avg rate over last: 5 seconds, last minute, last hour,  hash=%08x:\n", r.hash()));
        for (Line l : r.lines()) {
            sb.append(String.format(Locale.ROOT, "%-24s %5.1f/sec %9.3f/sec %10.4f/sec   total: %d\n",
                    l.name(), l.rate5s(), l.rateMinute(), l.rateHour(), l.total()));
        }
        return sb.append(r.neverHit()).append(" events never hit\n").toString();
    }

    private static int fnv1a(int hash, String s) {
        for (int i = 0; i < s.length(); i++) {
            hash ^= s.charAt(i);
            hash *= 0x01000193;
        }
        return hash;
    }
}
