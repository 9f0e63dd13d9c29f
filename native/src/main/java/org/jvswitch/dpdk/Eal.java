package org.jvswitch.dpdk;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.jvswitch.dpdk.gen.jvs_shim_h;
import org.jvswitch.vlog.Vlog;
import org.slf4j.Logger;

/**
 * DPDK's Environment Abstraction Layer: started once per process, never stopped until exit.
 *
 * <p>{@link #init} runs {@code rte_eal_init} on a short-lived thread of its own, because EAL pins
 * the thread that calls it to the main lcore's CPUs; the caller's thread (and so the JVM's) is
 * left alone. DPDK's log is captured before init ({@link DpdkLog}) so that what EAL says on
 * failure becomes part of our one-line error. DPDK cannot be initialised twice in a process, not
 * even after a failed attempt, so a failure is final: the switch keeps running without a
 * datapath and every port reports why.
 *
 * <p>Thread safety: the static state is written under the class lock and read through volatile.
 */
public final class Eal {
    private static final Logger LOG = Vlog.module("dpdk");
    /** Arguments stay in native memory for the process's life: EAL may keep pointers into argv. */
    private static final Arena ARGV_ARENA = Arena.global();

    private static volatile boolean initialized;
    private static volatile String failure;
    private static volatile List<String> args = List.of();
    private static volatile long tscHz;

    private Eal() {
    }

    /**
     * Starts DPDK with the given argument vector (argv[0] first), unless it already runs.
     *
     * @throws DpdkException with one line saying what is wrong and what to do
     */
    public static synchronized void init(List<String> argv) {
        if (initialized) {
            return;
        }
        if (failure != null) {
            throw new DpdkException(failure);
        }
        String noMemory = hugepageProblem(argv, Hugepages.read());
        if (noMemory != null) {
            failure = noMemory;
            throw new DpdkException(failure, Rte.ENOMEM);
        }
        DpdkLog.start();
        MemorySegment cArgv = ARGV_ARENA.allocate(ValueLayout.ADDRESS, argv.size() + 1L);
        for (int i = 0; i < argv.size(); i++) {
            cArgv.setAtIndex(ValueLayout.ADDRESS, i, ARGV_ARENA.allocateFrom(argv.get(i)));
        }
        cArgv.setAtIndex(ValueLayout.ADDRESS, argv.size(), MemorySegment.NULL);
        LOG.info("EAL arguments: {}", String.join(" ", argv));

        int[] result = new int[2];
        Thread t = Thread.ofPlatform().name("dpdk-init").start(() -> {
            result[0] = jvs_shim_h.rte_eal_init(argv.size(), cArgv);
            result[1] = jvs_shim_h.jvs_errno();
        });
        try {
            t.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DpdkException("interrupted while DPDK was starting");
        }
        DpdkLog.drain();
        if (result[0] < 0) {
            String said = DpdkLog.lastError();
            failure = "DPDK EAL initialisation failed: " + Rte.describe(result[1])
                    + (said.isEmpty() ? "" : "; DPDK said: " + said)
                    + "; check other_config:dpdk-* and dpdk-extra";
            throw new DpdkException(failure, result[1]);
        }
        tscHz = jvs_shim_h.jvs_tsc_hz();
        args = List.copyOf(argv);
        removeRuntimeDirAtExit(argv);
        initialized = true;
        LOG.info("{} initialised ({} lcores, TSC {} MHz)", version(), jvs_shim_h.rte_lcore_count(),
                tscHz / 1_000_000);
    }

    /**
     * Why DPDK could not get memory with these arguments on this host, or null if it can: the
     * one line an operator needs, checked before EAL init because EAL cannot be retried.
     */
    static String hugepageProblem(List<String> argv, Hugepages hp) {
        if (EalArgs.noHuge(argv) || hp.available()) {
            return null;
        }
        return "DPDK cannot start: no free hugepages (HugePages_Total=" + hp.total() + ", HugePages_Free="
                + hp.free() + "); reserve some with 'sudo ./jvs setup' (JVS_HUGEPAGES_MB sets how much),"
                + " or set other_config:dpdk-extra=--no-huge (vhost-user ports need hugepages)";
    }

    public static boolean isInitialized() {
        return initialized;
    }

    /** Why initialisation failed, or null. */
    public static String failure() {
        return failure;
    }

    /** The arguments DPDK was started with (empty before). */
    public static List<String> args() {
        return args;
    }

    /** DPDK's version string, e.g. "DPDK 22.11.11"; works before init. */
    public static String version() {
        return Rte.cString(jvs_shim_h.rte_version());
    }

    /** TSC ticks per second (0 before init). */
    public static long tscHz() {
        return tscHz;
    }

    /**
     * DPDK leaves its runtime directory (/var/run/dpdk/PREFIX, with the telemetry sockets) behind
     * when the process ends; ours is named after this process, so remove it when we exit.
     */
    private static void removeRuntimeDirAtExit(List<String> argv) {
        String prefix = argv.stream().filter(a -> a.startsWith("--file-prefix=")).map(a -> a.substring(14))
                .reduce((a, b) -> b).orElse(null);
        if (prefix == null || prefix.isBlank() || prefix.contains("/")) {
            return;
        }
        String xdg = System.getenv("XDG_RUNTIME_DIR");
        boolean root = "root".equals(System.getProperty("user.name"));
        Path base = root || xdg == null ? Path.of(root ? "/var/run/dpdk" : "/tmp/dpdk") : Path.of(xdg, "dpdk");
        Path dir = base.resolve(prefix);
        Runtime.getRuntime().addShutdownHook(Thread.ofPlatform().unstarted(() -> {
            try (var files = Files.list(dir)) {
                for (Path f : files.toList()) {
                    Files.deleteIfExists(f);
                }
                Files.deleteIfExists(dir);
            } catch (IOException e) {
                // nothing to remove, or someone else's: leave it
            }
        }));
    }

    /** Throws unless DPDK runs: every port operation starts with this. */
    public static void requireInitialized() {
        if (!initialized) {
            throw new DpdkException(failure != null ? failure : "DPDK is not initialised (other_config:dpdk-init)");
        }
    }
}
