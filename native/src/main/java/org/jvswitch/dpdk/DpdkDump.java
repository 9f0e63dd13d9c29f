package org.jvswitch.dpdk;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;
import java.lang.invoke.MethodHandle;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.jvswitch.dpdk.gen.jvs_shim_h;

/**
 * DPDK's own diagnostic dumps as text, and its log levels, for the operator commands
 * {@code dpdk/log-list}, {@code dpdk/log-set} and {@code netdev-dpdk/get-mempool-info}: DPDK
 * writes these dumps to a {@code FILE *}, so each is taken through a glibc
 * {@code open_memstream} and returned as a string, as Open vSwitch does.
 *
 * <p>These are control-path calls bound here by hand (a few symbols, none on the fast path, and
 * glibc's stream functions, which are no part of the shim's header) rather than in the
 * generated bindings. Any thread, after EAL init; they serialise on this
 * class.
 */
public final class DpdkDump {
    /** DPDK's level names, RTE_LOG_EMERG (1) .. RTE_LOG_DEBUG (8), as dpdk/log-set takes them. */
    private static final String[] LEVELS = {"emergency", "alert", "critical", "error", "warning", "notice", "info",
        "debug"};

    private static final Linker LINKER = Linker.nativeLinker();
    private static final SymbolLookup LOOKUP;
    private static final MethodHandle OPEN_MEMSTREAM;
    private static final MethodHandle FCLOSE;
    private static final MethodHandle FREE;
    private static final MethodHandle LOG_DUMP;
    private static final MethodHandle MEMPOOL_DUMP;
    private static final MethodHandle MEMPOOL_LIST_DUMP;

    static {
        // The shim's handle reaches every DPDK library (it links them all); libc by the default lookup.
        System.loadLibrary("jvsdpdk");
        LOOKUP = SymbolLookup.loaderLookup().or(LINKER.defaultLookup());
        OPEN_MEMSTREAM = handle("open_memstream", FunctionDescriptor.of(ADDRESS, ADDRESS, ADDRESS));
        FCLOSE = handle("fclose", FunctionDescriptor.of(JAVA_INT, ADDRESS));
        FREE = handle("free", FunctionDescriptor.ofVoid(ADDRESS));
        LOG_DUMP = handle("rte_log_dump", FunctionDescriptor.ofVoid(ADDRESS));
        MEMPOOL_DUMP = handle("rte_mempool_dump", FunctionDescriptor.ofVoid(ADDRESS, ADDRESS));
        MEMPOOL_LIST_DUMP = handle("rte_mempool_list_dump", FunctionDescriptor.ofVoid(ADDRESS));
    }

    private DpdkDump() {
    }

    private static MethodHandle handle(String name, FunctionDescriptor desc) {
        MemorySegment addr = LOOKUP.find(name)
                .orElseThrow(() -> new UnsatisfiedLinkError("unresolved symbol: " + name));
        return LINKER.downcallHandle(addr, desc);
    }

    @FunctionalInterface
    private interface Writer {
        void write(MemorySegment file) throws Throwable;
    }

    /** What {@code writer} writes to a FILE *, as text. */
    private static synchronized String capture(Writer writer) {
        Eal.requireInitialized();
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment bufPtr = arena.allocate(ADDRESS);
            MemorySegment sizePtr = arena.allocate(JAVA_LONG);
            MemorySegment file = (MemorySegment) OPEN_MEMSTREAM.invokeExact(bufPtr, sizePtr);
            if (file.equals(MemorySegment.NULL)) {
                throw new DpdkException("open_memstream failed");
            }
            try {
                writer.write(file);
            } finally {
                int closed = (int) FCLOSE.invokeExact(file);  // flushes: buf and size are final now
            }
            MemorySegment buf = bufPtr.get(ADDRESS, 0);
            long size = sizePtr.get(JAVA_LONG, 0);
            try {
                byte[] bytes = buf.reinterpret(size).toArray(JAVA_BYTE);
                return new String(bytes, StandardCharsets.UTF_8);
            } finally {
                FREE.invokeExact(buf);
            }
        } catch (DpdkException | IllegalStateException e) {
            throw e;
        } catch (Throwable t) {
            throw new DpdkException("DPDK dump failed: " + t);
        }
    }

    /** {@code rte_log_dump}: the global level and every log type's level ({@code dpdk/log-list}). */
    public static String logTypes() {
        return capture(file -> {
            LOG_DUMP.invokeExact(file);
        });
    }

    /** {@code rte_mempool_dump} of one pool. */
    public static String mempool(Mempool pool) {
        return capture(file -> {
            MEMPOOL_DUMP.invokeExact(file, pool.address());
        });
    }

    /** {@code rte_mempool_list_dump}: every pool DPDK has. */
    public static String mempools() {
        return capture(file -> {
            MEMPOOL_LIST_DUMP.invokeExact(file);
        });
    }

    /** The RTE_LOG_* level (1..8) named {@code name} (emergency .. debug, or its number), or -1. */
    public static int logLevel(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        for (int i = 0; i < LEVELS.length; i++) {
            if (LEVELS[i].equals(n)) {
                return i + 1;
            }
        }
        try {
            int v = Integer.parseInt(n);
            return v >= 1 && v <= LEVELS.length ? v : -1;
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** DPDK's name of level {@code level} (1..8). */
    public static String logLevelName(int level) {
        return level >= 1 && level <= LEVELS.length ? LEVELS[level - 1] : Integer.toString(level);
    }

    /**
     * Sets the level of the log types matching the glob {@code pattern} (e.g. {@code pmd.net.*}),
     * or the global level when {@code pattern} is null ({@code dpdk/log-set}).
     *
     * @throws DpdkException if DPDK refuses it
     */
    public static synchronized void setLogLevel(String pattern, int level) {
        Eal.requireInitialized();
        if (pattern == null) {
            jvs_shim_h.rte_log_set_global_level(level);
            return;
        }
        try (Arena arena = Arena.ofConfined()) {
            int rc = jvs_shim_h.rte_log_set_level_pattern(arena.allocateFrom(pattern), level);
            if (rc < 0) {
                throw new DpdkException("cannot set the level of '" + pattern + "' to " + logLevelName(level));
            }
        }
    }
}
