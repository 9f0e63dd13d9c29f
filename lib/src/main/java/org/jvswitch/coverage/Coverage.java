package org.jvswitch.coverage;

import java.util.function.LongSupplier;

/**
 * The process's coverage counters (OVS's {@code COVERAGE_DEFINE}/{@code COVERAGE_INC}).
 *
 * <pre>{@code
 * private static final CoverageCounter FLOW_MOD = Coverage.counter("ofproto_flow_mod");
 * ...
 * FLOW_MOD.inc();
 * }</pre>
 *
 * {@code coverage/show} reports them; the unixctl server samples them once a second.
 */
public final class Coverage {

    private static final CoverageRegistry REGISTRY = new CoverageRegistry();

    private Coverage() {
    }

    /** The process-wide counter named {@code name}, created on first use. */
    public static CoverageCounter counter(String name) {
        return REGISTRY.counter(name);
    }

    /**
     * Makes counter {@code name} also count what {@code total} reports: a monotonic total kept
     * elsewhere, such as the datapath's per-PMD counters, which PMD threads bump without any
     * shared write (DESIGN.md). {@code total} is called on control threads when the counter is
     * read (the once-a-second sampler, {@code coverage/show}, metrics scrapes): it must be quick
     * and lock-free. Closing the returned handle stops reading it and keeps its last value.
     */
    public static Source addSource(String name, LongSupplier total) {
        CoverageCounter c = REGISTRY.counter(name);
        c.addSource(total);
        return () -> c.removeSource(total);
    }

    /** A source added with {@link #addSource}; closing it stops reading it. */
    public interface Source extends AutoCloseable {
        @Override
        void close();
    }

    /** The process-wide registry, for sampling and reporting. */
    public static CoverageRegistry registry() {
        return REGISTRY;
    }
}
