package org.jvswitch.coverage;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.LongSupplier;

/**
 * One OVS-style coverage counter: an event count that any thread bumps cheaply, plus the
 * history the sampler keeps to show rates over the last 5 seconds, minute and hour.
 *
 * <p>Incrementing is a {@link LongAdder} add: lock-free, and allocation-free once the adder's
 * few per-contention cells exist, so it is fine on control threads and upcall handlers. (The
 * PMD fast path keeps its own per-PMD counters instead; see DESIGN.md.)
 *
 * <p>A counter may also have sources: totals counted elsewhere, read when the total is asked
 * for ({@link Coverage#addSource}).
 *
 * <p>Threads: {@link #inc}/{@link #add} from any thread. The history fields are owned by the
 * {@link CoverageRegistry} and touched only under its lock.
 */
public final class CoverageCounter {

    /** Seconds of per-second history: enough for the last minute. */
    static final int SECONDS = 60;
    /** Minutes of per-minute history: enough for the last hour. */
    static final int MINUTES = 60;

    private final String name;
    private final LongAdder count = new LongAdder();
    /**
     * Totals kept elsewhere that this counter also counts (e.g. the datapath's per-PMD
     * single-writer drop counters, which the PMDs bump without touching this class). Guarded by
     * this counter's lock, which only {@link #total()} and source changes take (control threads).
     */
    private final List<LongSupplier> sources = new ArrayList<>();

    // History, written by the sampler under the registry's lock.
    /** Events in each of the last {@link #SECONDS} seconds; ring indexed by the tick. */
    final long[] perSecond = new long[SECONDS];
    /** Events in each of the last {@link #MINUTES} whole minutes; ring. */
    final long[] perMinute = new long[MINUTES];
    /** Events so far in the current, unfinished minute. */
    long thisMinute;
    /** Total at the last sample, to turn totals into deltas. */
    long sampledTotal;

    CoverageCounter(String name) {
        this.name = name;
    }

    public String name() {
        return name;
    }

    /** Counts one event. */
    public void inc() {
        count.increment();
    }

    /** Counts {@code n} events. */
    public void add(long n) {
        count.add(n);
    }

    /** Events counted since the process started (its sources' totals included). */
    public synchronized long total() {
        long t = count.sum();
        for (LongSupplier s : sources) {
            t += s.getAsLong();
        }
        return t;
    }

    synchronized void addSource(LongSupplier source) {
        sources.add(source);
    }

    /** Stops reading {@code source}, keeping what it counted so the total never goes back. */
    synchronized void removeSource(LongSupplier source) {
        if (sources.remove(source)) {
            count.add(source.getAsLong());
        }
    }
}
