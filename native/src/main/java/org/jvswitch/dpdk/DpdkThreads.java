package org.jvswitch.dpdk;

import org.jvswitch.dpdk.gen.jvs_shim_h;

/**
 * Makes Java platform threads DPDK threads: an lcore id (so per-lcore mempool caches and the
 * drivers that need rte_lcore_id() work) and CPU pinning. A PMD thread calls {@link #register}
 * and {@link #pinToCpu} first thing on its own thread, and {@link #unregister} last.
 */
public final class DpdkThreads {
    /** rte_lcore_id() of a thread DPDK does not know. */
    public static final int LCORE_ID_ANY = -1;

    private DpdkThreads() {
    }

    /**
     * Registers the calling thread with DPDK (rte_thread_register).
     *
     * @return the lcore id DPDK gave it
     * @throws DpdkException when DPDK has no lcore id left (RTE_MAX_LCORE) or is not running
     */
    public static int register() {
        Eal.requireInitialized();
        if (jvs_shim_h.rte_thread_register() != 0) {
            throw new DpdkException("cannot register thread '" + Thread.currentThread().getName()
                    + "' with DPDK: " + Rte.describe(Rte.errno()) + " (at most " + jvs_shim_h.RTE_MAX_LCORE()
                    + " lcores)", Rte.errno());
        }
        return lcoreId();
    }

    /** Gives the calling thread's lcore id back to DPDK. */
    public static void unregister() {
        if (Eal.isInitialized()) {
            jvs_shim_h.rte_thread_unregister();
        }
    }

    /** The calling thread's lcore id, or {@link #LCORE_ID_ANY}. */
    public static int lcoreId() {
        return jvs_shim_h.jvs_lcore_id();
    }

    /** Pins the calling thread to one CPU. */
    public static void pinToCpu(int cpu) {
        int rc = jvs_shim_h.jvs_thread_set_cpu(cpu);
        if (rc != 0) {
            throw new DpdkException("cannot pin thread '" + Thread.currentThread().getName() + "' to CPU " + cpu
                    + ": " + Rte.describe(rc), -rc);
        }
    }

    /** The CPU the calling thread last ran on, or -1. */
    public static int currentCpu() {
        return jvs_shim_h.jvs_current_cpu();
    }
}
