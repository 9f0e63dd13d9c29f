package org.jvswitch.dpif;

import java.util.concurrent.atomic.AtomicLong;

/**
 * What the revalidators report about their passes, for {@code upcall/show}, metrics and JFR
 * (the revalidators themselves live in ofproto, which this module cannot see). A revalidator
 * brackets each pass:
 *
 * <pre>{@code
 * Revalidations.Pass pass = dpif.revalidations().begin();
 * int changed = ...;                       // the pass
 * pass.end(flowsLookedAt, changed);
 * }</pre>
 *
 * Each pass is a {@link RevalidationEvent} in a JFR recording. Control threads only; any thread
 * reads.
 */
public final class Revalidations {
    private final AtomicLong passes = new AtomicLong();
    private final AtomicLong totalNanos = new AtomicLong();
    private final AtomicLong changed = new AtomicLong();
    private volatile long lastNanos;
    private volatile int lastFlows;
    /** Flows per pass: a running average (each pass halves the weight of the past, as OVS's) and the most. */
    private volatile long avgFlows;
    private volatile long maxFlows;
    private volatile int threads = 1;

    /** A pass under way. */
    public final class Pass {
        private final RevalidationEvent event = new RevalidationEvent();
        private final long startNs = System.nanoTime();

        private Pass() {
            event.begin();
        }

        /** Ends the pass: {@code flows} looked at, {@code changedFlows} modified or deleted. */
        public void end(int flows, int changedFlows) {
            long ns = System.nanoTime() - startNs;
            event.end();
            if (event.shouldCommit()) {
                event.flows = flows;
                event.changed = changedFlows;
                event.commit();
            }
            lastNanos = ns;
            lastFlows = flows;
            avgFlows = passes.get() == 0 ? flows : (avgFlows + flows) / 2;
            maxFlows = Math.max(maxFlows, flows);
            totalNanos.addAndGet(ns);
            changed.addAndGet(changedFlows);
            passes.incrementAndGet();
        }
    }

    public Pass begin() {
        return new Pass();
    }

    /** How many revalidator threads run (memory/show's "revalidators:"); one by design. */
    public void setThreads(int n) {
        threads = n;
    }

    public int threads() {
        return threads;
    }

    public long passes() {
        return passes.get();
    }

    /** Time spent in passes, all together. */
    public long totalNanos() {
        return totalNanos.get();
    }

    /** Flows modified or deleted by passes, all together. */
    public long changed() {
        return changed.get();
    }

    /** The last pass's duration (upcall/show's "dump duration"). */
    public long lastNanos() {
        return lastNanos;
    }

    public int lastFlows() {
        return lastFlows;
    }

    /** Flows per pass, averaged (upcall/show's "avg"). */
    public long avgFlows() {
        return avgFlows;
    }

    /** The most flows a pass saw (upcall/show's "max"). */
    public long maxFlows() {
        return maxFlows;
    }
}
