package org.jvswitch.coverage;

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

    /** The process-wide registry, for sampling and reporting. */
    public static CoverageRegistry registry() {
        return REGISTRY;
    }
}
