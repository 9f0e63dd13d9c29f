// jextract-shaped binding (see package-info.java); regenerate with native/jextract.sh, do not edit.

package org.jvswitch.dpdk.gen;

import java.lang.invoke.*;
import java.lang.foreign.*;
import java.nio.ByteOrder;
import java.util.*;
import java.util.function.*;
import java.util.stream.*;

import static java.lang.foreign.ValueLayout.*;
import static java.lang.foreign.MemoryLayout.PathElement.*;

@SuppressWarnings("restricted")
public class jvs_shim_h {

    jvs_shim_h() {
        // Should not be called directly
    }

    static final Arena LIBRARY_ARENA = Arena.ofAuto();
    static final boolean TRACE_DOWNCALLS = Boolean.getBoolean("jextract.trace.downcalls");

    static void traceDowncall(String name, Object... args) {
         String traceArgs = Arrays.stream(args)
                       .map(Object::toString)
                       .collect(Collectors.joining(", "));
         System.out.printf("%s(%s)\n", name, traceArgs);
    }

    static MemorySegment findOrThrow(String symbol) {
        return SYMBOL_LOOKUP.find(symbol)
            .orElseThrow(() -> new UnsatisfiedLinkError("unresolved symbol: " + symbol));
    }

    static MethodHandle upcallHandle(Class<?> fi, String name, FunctionDescriptor fdesc) {
        try {
            return MethodHandles.lookup().findVirtual(fi, name, fdesc.toMethodType());
        } catch (ReflectiveOperationException ex) {
            throw new AssertionError(ex);
        }
    }

    static MemoryLayout align(MemoryLayout layout, long align) {
        return switch (layout) {
            case PaddingLayout p -> p;
            case ValueLayout v -> v.withByteAlignment(align);
            case GroupLayout g -> {
                MemoryLayout[] alignedMembers = g.memberLayouts().stream()
                        .map(m -> align(m, align)).toArray(MemoryLayout[]::new);
                yield g instanceof StructLayout ?
                        MemoryLayout.structLayout(alignedMembers) : MemoryLayout.unionLayout(alignedMembers);
            }
            case SequenceLayout s -> MemoryLayout.sequenceLayout(s.elementCount(), align(s.elementLayout(), align));
        };
    }

    static {
        System.loadLibrary("jvsdpdk");
    }

    static final SymbolLookup SYMBOL_LOOKUP = SymbolLookup.loaderLookup()
            .or(Linker.nativeLinker().defaultLookup());

    public static final ValueLayout.OfBoolean C_BOOL = ValueLayout.JAVA_BOOLEAN;
    public static final ValueLayout.OfByte C_CHAR = ValueLayout.JAVA_BYTE;
    public static final ValueLayout.OfShort C_SHORT = ValueLayout.JAVA_SHORT;
    public static final ValueLayout.OfInt C_INT = ValueLayout.JAVA_INT;
    public static final ValueLayout.OfLong C_LONG_LONG = ValueLayout.JAVA_LONG;
    public static final ValueLayout.OfFloat C_FLOAT = ValueLayout.JAVA_FLOAT;
    public static final ValueLayout.OfDouble C_DOUBLE = ValueLayout.JAVA_DOUBLE;
    public static final AddressLayout C_POINTER = ValueLayout.ADDRESS
            .withTargetLayout(MemoryLayout.sequenceLayout(java.lang.Long.MAX_VALUE, JAVA_BYTE));
    public static final ValueLayout.OfLong C_LONG = ValueLayout.JAVA_LONG;
    private static final int RTE_MAX_ETHPORTS = (int)32L;
    /**
     * {@snippet lang=c :
     * #define RTE_MAX_ETHPORTS 32
     * }
     */
    public static int RTE_MAX_ETHPORTS() {
        return RTE_MAX_ETHPORTS;
    }
    private static final int RTE_MAX_LCORE = (int)128L;
    /**
     * {@snippet lang=c :
     * #define RTE_MAX_LCORE 128
     * }
     */
    public static int RTE_MAX_LCORE() {
        return RTE_MAX_LCORE;
    }
    private static final int RTE_PKTMBUF_HEADROOM = (int)128L;
    /**
     * {@snippet lang=c :
     * #define RTE_PKTMBUF_HEADROOM 128
     * }
     */
    public static int RTE_PKTMBUF_HEADROOM() {
        return RTE_PKTMBUF_HEADROOM;
    }
    private static final int RTE_ETHDEV_QUEUE_STAT_CNTRS = (int)16L;
    /**
     * {@snippet lang=c :
     * #define RTE_ETHDEV_QUEUE_STAT_CNTRS 16
     * }
     */
    public static int RTE_ETHDEV_QUEUE_STAT_CNTRS() {
        return RTE_ETHDEV_QUEUE_STAT_CNTRS;
    }
    private static final int RTE_LOG_EMERG = (int)1L;
    /**
     * {@snippet lang=c :
     * #define RTE_LOG_EMERG 1
     * }
     */
    public static int RTE_LOG_EMERG() {
        return RTE_LOG_EMERG;
    }
    private static final int RTE_LOG_ALERT = (int)2L;
    /**
     * {@snippet lang=c :
     * #define RTE_LOG_ALERT 2
     * }
     */
    public static int RTE_LOG_ALERT() {
        return RTE_LOG_ALERT;
    }
    private static final int RTE_LOG_CRIT = (int)3L;
    /**
     * {@snippet lang=c :
     * #define RTE_LOG_CRIT 3
     * }
     */
    public static int RTE_LOG_CRIT() {
        return RTE_LOG_CRIT;
    }
    private static final int RTE_LOG_ERR = (int)4L;
    /**
     * {@snippet lang=c :
     * #define RTE_LOG_ERR 4
     * }
     */
    public static int RTE_LOG_ERR() {
        return RTE_LOG_ERR;
    }
    private static final int RTE_LOG_WARNING = (int)5L;
    /**
     * {@snippet lang=c :
     * #define RTE_LOG_WARNING 5
     * }
     */
    public static int RTE_LOG_WARNING() {
        return RTE_LOG_WARNING;
    }
    private static final int RTE_LOG_NOTICE = (int)6L;
    /**
     * {@snippet lang=c :
     * #define RTE_LOG_NOTICE 6
     * }
     */
    public static int RTE_LOG_NOTICE() {
        return RTE_LOG_NOTICE;
    }
    private static final int RTE_LOG_INFO = (int)7L;
    /**
     * {@snippet lang=c :
     * #define RTE_LOG_INFO 7
     * }
     */
    public static int RTE_LOG_INFO() {
        return RTE_LOG_INFO;
    }
    private static final int RTE_LOG_DEBUG = (int)8L;
    /**
     * {@snippet lang=c :
     * #define RTE_LOG_DEBUG 8
     * }
     */
    public static int RTE_LOG_DEBUG() {
        return RTE_LOG_DEBUG;
    }
    private static final int RTE_ETHER_ADDR_LEN = (int)6L;
    /**
     * {@snippet lang=c :
     * #define RTE_ETHER_ADDR_LEN 6
     * }
     */
    public static int RTE_ETHER_ADDR_LEN() {
        return RTE_ETHER_ADDR_LEN;
    }
    private static final int RTE_ETH_XSTATS_NAME_SIZE = (int)64L;
    /**
     * {@snippet lang=c :
     * #define RTE_ETH_XSTATS_NAME_SIZE 64
     * }
     */
    public static int RTE_ETH_XSTATS_NAME_SIZE() {
        return RTE_ETH_XSTATS_NAME_SIZE;
    }
    private static final int JVS_LOG_QUEUE_LINES = (int)256L;
    /**
     * {@snippet lang=c :
     * #define JVS_LOG_QUEUE_LINES 256
     * }
     */
    public static int JVS_LOG_QUEUE_LINES() {
        return JVS_LOG_QUEUE_LINES;
    }
    private static final int JVS_LOG_LINE_MAX = (int)512L;
    /**
     * {@snippet lang=c :
     * #define JVS_LOG_LINE_MAX 512
     * }
     */
    public static int JVS_LOG_LINE_MAX() {
        return JVS_LOG_LINE_MAX;
    }

    private static class rte_log_set_global_level {
        public static final FunctionDescriptor DESC = FunctionDescriptor.ofVoid(
            jvs_shim_h.C_INT
        );

        public static final MemorySegment ADDR = jvs_shim_h.findOrThrow("rte_log_set_global_level");

        public static final MethodHandle HANDLE = Linker.nativeLinker().downcallHandle(ADDR, DESC);
    }

    /**
     * Function descriptor for:
     * {@snippet lang=c :
     * void rte_log_set_global_level(uint32_t level)
     * }
     */
    public static FunctionDescriptor rte_log_set_global_level$descriptor() {
        return rte_log_set_global_level.DESC;
    }

    /**
     * Downcall method handle for:
     * {@snippet lang=c :
     * void rte_log_set_global_level(uint32_t level)
     * }
     */
    public static MethodHandle rte_log_set_global_level$handle() {
        return rte_log_set_global_level.HANDLE;
    }

    /**
     * Address for:
     * {@snippet lang=c :
     * void rte_log_set_global_level(uint32_t level)
     * }
     */
    public static MemorySegment rte_log_set_global_level$address() {
        return rte_log_set_global_level.ADDR;
    }

    /**
     * {@snippet lang=c :
     * void rte_log_set_global_level(uint32_t level)
     * }
     */
    public static void rte_log_set_global_level(int level) {
        var mh$ = rte_log_set_global_level.HANDLE;
        try {
            if (TRACE_DOWNCALLS) {
                traceDowncall("rte_log_set_global_level", level);
            }
            mh$.invokeExact(level);
        } catch (Throwable ex$) {
           throw new AssertionError("should not reach here", ex$);
        }
    }

    private static class rte_log_get_global_level {
        public static final FunctionDescriptor DESC = FunctionDescriptor.of(
            jvs_shim_h.C_INT    );

        public static final MemorySegment ADDR = jvs_shim_h.findOrThrow("rte_log_get_global_level");

        public static final MethodHandle HANDLE = Linker.nativeLinker().downcallHandle(ADDR, DESC);
    }

    /**
     * Function descriptor for:
     * {@snippet lang=c :
     * uint32_t rte_log_get_global_level()
     * }
     */
    public static FunctionDescriptor rte_log_get_global_level$descriptor() {
        return rte_log_get_global_level.DESC;
    }

    /**
     * Downcall method handle for:
     * {@snippet lang=c :
     * uint32_t rte_log_get_global_level()
     * }
     */
    public static MethodHandle rte_log_get_global_level$handle() {
        return rte_log_get_global_level.HANDLE;
    }

    /**
     * Address for:
     * {@snippet lang=c :
     * uint32_t rte_log_get_global_level()
     * }
     */
    public static MemorySegment rte_log_get_global_level$address() {
        return rte_log_get_global_level.ADDR;
    }

    /**
     * {@snippet lang=c :
     * uint32_t rte_log_get_global_level()
     * }
     */
    public static int rte_log_get_global_level() {
        var mh$ = rte_log_get_global_level.HANDLE;
        try {
            if (TRACE_DOWNCALLS) {
                traceDowncall("rte_log_get_global_level");
            }
            return (int)mh$.invokeExact();
        } catch (Throwable ex$) {
           throw new AssertionError("should not reach here", ex$);
        }
    }

    private static class rte_log_set_level_pattern {
        public static final FunctionDescriptor DESC = FunctionDescriptor.of(
            jvs_shim_h.C_INT,
            jvs_shim_h.C_POINTER,
            jvs_shim_h.C_INT
        );

        public static final MemorySegment ADDR = jvs_shim_h.findOrThrow("rte_log_set_level_pattern");

        public static final MethodHandle HANDLE = Linker.nativeLinker().downcallHandle(ADDR, DESC);
    }

    /**
     * Function descriptor for:
     * {@snippet lang=c :
     * int rte_log_set_level_pattern(const char *pattern, uint32_t level)
     * }
     */
    public static FunctionDescriptor rte_log_set_level_pattern$descriptor() {
        return rte_log_set_level_pattern.DESC;
    }

    /**
     * Downcall method handle for:
     * {@snippet lang=c :
     * int rte_log_set_level_pattern(const char *pattern, uint32_t level)
     * }
     */
    public static MethodHandle rte_log_set_level_pattern$handle() {
        return rte_log_set_level_pattern.HANDLE;
    }

    /**
     * Address for:
     * {@snippet lang=c :
     * int rte_log_set_level_pattern(const char *pattern, uint32_t level)
     * }
     */
    public static MemorySegment rte_log_set_level_pattern$address() {
        return rte_log_set_level_pattern.ADDR;
    }

    /**
     * {@snippet lang=c :
     * int rte_log_set_level_pattern(const char *pattern, uint32_t level)
     * }
     */
    public static int rte_log_set_level_pattern(MemorySegment pattern, int level) {
        var mh$ = rte_log_set_level_pattern.HANDLE;
        try {
            if (TRACE_DOWNCALLS) {
                traceDowncall("rte_log_set_level_pattern", pattern, level);
            }
            return (int)mh$.invokeExact(pattern, level);
        } catch (Throwable ex$) {
           throw new AssertionError("should not reach here", ex$);
        }
    }

    private static class rte_dev_probe {
        public static final FunctionDescriptor DESC = FunctionDescriptor.of(
            jvs_shim_h.C_INT,
            jvs_shim_h.C_POINTER
        );

        public static final MemorySegment ADDR = jvs_shim_h.findOrThrow("rte_dev_probe");

        public static final MethodHandle HANDLE = Linker.nativeLinker().downcallHandle(ADDR, DESC);
    }

    /**
     * Function descriptor for:
     * {@snippet lang=c :
     * int rte_dev_probe(const char *devargs)
     * }
     */
    public static FunctionDescriptor rte_dev_probe$descriptor() {
        return rte_dev_probe.DESC;
    }

    /**
     * Downcall method handle for:
     * {@snippet lang=c :
     * int rte_dev_probe(const char *devargs)
     * }
     */
    public static MethodHandle rte_dev_probe$handle() {
        return rte_dev_probe.HANDLE;
    }

    /**
     * Address for:
     * {@snippet lang=c :
     * int rte_dev_probe(const char *devargs)
     * }
     */
    public static MemorySegment rte_dev_probe$address() {
        return rte_dev_probe.ADDR;
    }

    /**
     * {@snippet lang=c :
     * int rte_dev_probe(const char *devargs)
     * }
     */
    public static int rte_dev_probe(MemorySegment devargs) {
        var mh$ = rte_dev_probe.HANDLE;
        try {
            if (TRACE_DOWNCALLS) {
                traceDowncall("rte_dev_probe", devargs);
            }
            return (int)mh$.invokeExact(devargs);
        } catch (Throwable ex$) {
           throw new AssertionError("should not reach here", ex$);
        }
    }

    private static class rte_dev_remove {
        public static final FunctionDescriptor DESC = FunctionDescriptor.of(
            jvs_shim_h.C_INT,
            jvs_shim_h.C_POINTER
        );

        public static final MemorySegment ADDR = jvs_shim_h.findOrThrow("rte_dev_remove");

        public static final MethodHandle HANDLE = Linker.nativeLinker().downcallHandle(ADDR, DESC);
    }

    /**
     * Function descriptor for:
     * {@snippet lang=c :
     * int rte_dev_remove(struct rte_device *dev)
     * }
     */
    public static FunctionDescriptor rte_dev_remove$descriptor() {
        return rte_dev_remove.DESC;
    }

    /**
     * Downcall method handle for:
     * {@snippet lang=c :
     * int rte_dev_remove(struct rte_device *dev)
     * }
     */
    public static MethodHandle rte_dev_remove$handle() {
        return rte_dev_remove.HANDLE;
    }

    /**
     * Address for:
     * {@snippet lang=c :
     * int rte_dev_remove(struct rte_device *dev)
     * }
     */
    public static MemorySegment rte_dev_remove$address() {
        return rte_dev_remove.ADDR;
    }

    /**
     * {@snippet lang=c :
     * int rte_dev_remove(struct rte_device *dev)
     * }
     */
    public static int rte_dev_remove(MemorySegment dev) {
        var mh$ = rte_dev_remove.HANDLE;
        try {
            if (TRACE_DOWNCALLS) {
                traceDowncall("rte_dev_remove", dev);
            }
            return (int)mh$.invokeExact(dev);
        } catch (Throwable ex$) {
           throw new AssertionError("should not reach here", ex$);
        }
    }

    private static class rte_eal_init {
        public static final FunctionDescriptor DESC = FunctionDescriptor.of(
            jvs_shim_h.C_INT,
            jvs_shim_h.C_INT,
            jvs_shim_h.C_POINTER
        );

        public static final MemorySegment ADDR = jvs_shim_h.findOrThrow("rte_eal_init");

        public static final MethodHandle HANDLE = Linker.nativeLinker().downcallHandle(ADDR, DESC);
    }

    /**
     * Function descriptor for:
     * {@snippet lang=c :
     * int rte_eal_init(int argc, char **argv)
     * }
     */
    public static FunctionDescriptor rte_eal_init$descriptor() {
        return rte_eal_init.DESC;
    }

    /**
     * Downcall method handle for:
     * {@snippet lang=c :
     * int rte_eal_init(int argc, char **argv)
     * }
     */
    public static MethodHandle rte_eal_init$handle() {
        return rte_eal_init.HANDLE;
    }

    /**
     * Address for:
     * {@snippet lang=c :
     * int rte_eal_init(int argc, char **argv)
     * }
     */
    public static MemorySegment rte_eal_init$address() {
        return rte_eal_init.ADDR;
    }

    /**
     * {@snippet lang=c :
     * int rte_eal_init(int argc, char **argv)
     * }
     */
    public static int rte_eal_init(int argc, MemorySegment argv) {
        var mh$ = rte_eal_init.HANDLE;
        try {
            if (TRACE_DOWNCALLS) {
                traceDowncall("rte_eal_init", argc, argv);
            }
            return (int)mh$.invokeExact(argc, argv);
        } catch (Throwable ex$) {
           throw new AssertionError("should not reach here", ex$);
        }
    }

    private static class rte_eal_cleanup {
        public static final FunctionDescriptor DESC = FunctionDescriptor.of(
            jvs_shim_h.C_INT    );

        public static final MemorySegment ADDR = jvs_shim_h.findOrThrow("rte_eal_cleanup");

        public static final MethodHandle HANDLE = Linker.nativeLinker().downcallHandle(ADDR, DESC);
    }

    /**
     * Function descriptor for:
     * {@snippet lang=c :
     * int rte_eal_cleanup()
     * }
     */
    public static FunctionDescriptor rte_eal_cleanup$descriptor() {
        return rte_eal_cleanup.DESC;
    }

    /**
     * Downcall method handle for:
     * {@snippet lang=c :
     * int rte_eal_cleanup()
     * }
     */
    public static MethodHandle rte_eal_cleanup$handle() {
        return rte_eal_cleanup.HANDLE;
    }

    /**
     * Address for:
     * {@snippet lang=c :
     * int rte_eal_cleanup()
     * }
     */
    public static MemorySegment rte_eal_cleanup$address() {
        return rte_eal_cleanup.ADDR;
    }

    /**
     * {@snippet lang=c :
     * int rte_eal_cleanup()
     * }
     */
    public static int rte_eal_cleanup() {
        var mh$ = rte_eal_cleanup.HANDLE;
        try {
            if (TRACE_DOWNCALLS) {
                traceDowncall("rte_eal_cleanup");
            }
            return (int)mh$.invokeExact();
        } catch (Throwable ex$) {
           throw new AssertionError("should not reach here", ex$);
        }
    }

    private static class rte_strerror {
        public static final FunctionDescriptor DESC = FunctionDescriptor.of(
            jvs_shim_h.C_POINTER,
            jvs_shim_h.C_INT
        );

        public static final MemorySegment ADDR = jvs_shim_h.findOrThrow("rte_strerror");

        public static final MethodHandle HANDLE = Linker.nativeLinker().downcallHandle(ADDR, DESC);
    }

    /**
     * Function descriptor for:
     * {@snippet lang=c :
     * const char *rte_strerror(int errnum)
     * }
     */
    public static FunctionDescriptor rte_strerror$descriptor() {
        return rte_strerror.DESC;
    }

    /**
     * Downcall method handle for:
     * {@snippet lang=c :
     * const char *rte_strerror(int errnum)
     * }
     */
    public static MethodHandle rte_strerror$handle() {
        return rte_strerror.HANDLE;
    }

    /**
     * Address for:
     * {@snippet lang=c :
     * const char *rte_strerror(int errnum)
     * }
     */
    public static MemorySegment rte_strerror$address() {
        return rte_strerror.ADDR;
    }

    /**
     * {@snippet lang=c :
     * const char *rte_strerror(int errnum)
     * }
     */
    public static MemorySegment rte_strerror(int errnum) {
        var mh$ = rte_strerror.HANDLE;
        try {
            if (TRACE_DOWNCALLS) {
                traceDowncall("rte_strerror", errnum);
            }
            return (MemorySegment)mh$.invokeExact(errnum);
        } catch (Throwable ex$) {
           throw new AssertionError("should not reach here", ex$);
        }
    }

    private static class rte_lcore_count {
        public static final FunctionDescriptor DESC = FunctionDescriptor.of(
            jvs_shim_h.C_INT    );

        public static final MemorySegment ADDR = jvs_shim_h.findOrThrow("rte_lcore_count");

        public static final MethodHandle HANDLE = Linker.nativeLinker().downcallHandle(ADDR, DESC);
    }

    /**
     * Function descriptor for:
     * {@snippet lang=c :
     * unsigned int rte_lcore_count()
     * }
     */
    public static FunctionDescriptor rte_lcore_count$descriptor() {
        return rte_lcore_count.DESC;
    }

    /**
     * Downcall method handle for:
     * {@snippet lang=c :
     * unsigned int rte_lcore_count()
     * }
     */
    public static MethodHandle rte_lcore_count$handle() {
        return rte_lcore_count.HANDLE;
    }

    /**
     * Address for:
     * {@snippet lang=c :
     * unsigned int rte_lcore_count()
     * }
     */
    public static MemorySegment rte_lcore_count$address() {
        return rte_lcore_count.ADDR;
    }

    /**
     * {@snippet lang=c :
     * unsigned int rte_lcore_count()
     * }
     */
    public static int rte_lcore_count() {
        var mh$ = rte_lcore_count.HANDLE;
        try {
            if (TRACE_DOWNCALLS) {
                traceDowncall("rte_lcore_count");
            }
            return (int)mh$.invokeExact();
        } catch (Throwable ex$) {
           throw new AssertionError("should not reach here", ex$);
        }
    }

    private static class rte_socket_id {
        public static final FunctionDescriptor DESC = FunctionDescriptor.of(
            jvs_shim_h.C_INT    );

        public static final MemorySegment ADDR = jvs_shim_h.findOrThrow("rte_socket_id");

        public static final MethodHandle HANDLE = Linker.nativeLinker().downcallHandle(ADDR, DESC);
    }

    /**
     * Function descriptor for:
     * {@snippet lang=c :
     * unsigned int rte_socket_id()
     * }
     */
    public static FunctionDescriptor rte_socket_id$descriptor() {
        return rte_socket_id.DESC;
    }

    /**
     * Downcall method handle for:
     * {@snippet lang=c :
     * unsigned int rte_socket_id()
     * }
     */
    public static MethodHandle rte_socket_id$handle() {
        return rte_socket_id.HANDLE;
    }

    /**
     * Address for:
     * {@snippet lang=c :
     * unsigned int rte_socket_id()
     * }
     */
    public static MemorySegment rte_socket_id$address() {
        return rte_socket_id.ADDR;
    }

    /**
     * {@snippet lang=c :
     * unsigned int rte_socket_id()
     * }
     */
    public static int rte_socket_id() {
        var mh$ = rte_socket_id.HANDLE;
        try {
            if (TRACE_DOWNCALLS) {
                traceDowncall("rte_socket_id");
            }
            return (int)mh$.invokeExact();
        } catch (Throwable ex$) {
           throw new AssertionError("should not reach here", ex$);
        }
    }

    private static class rte_thread_register {
        public static final FunctionDescriptor DESC = FunctionDescriptor.of(
            jvs_shim_h.C_INT    );

        public static final MemorySegment ADDR = jvs_shim_h.findOrThrow("rte_thread_register");

        public static final MethodHandle HANDLE = Linker.nativeLinker().downcallHandle(ADDR, DESC);
    }

    /**
     * Function descriptor for:
     * {@snippet lang=c :
     * int rte_thread_register()
     * }
     */
    public static FunctionDescriptor rte_thread_register$descriptor() {
        return rte_thread_register.DESC;
    }

    /**
     * Downcall method handle for:
     * {@snippet lang=c :
     * int rte_thread_register()
     * }
     */
    public static MethodHandle rte_thread_register$handle() {
        return rte_thread_register.HANDLE;
    }

    /**
     * Address for:
     * {@snippet lang=c :
     * int rte_thread_register()
     * }
     */
    public static MemorySegment rte_thread_register$address() {
        return rte_thread_register.ADDR;
    }

    /**
     * {@snippet lang=c :
     * int rte_thread_register()
     * }
     */
    public static int rte_thread_register() {
        var mh$ = rte_thread_register.HANDLE;
        try {
            if (TRACE_DOWNCALLS) {
                traceDowncall("rte_thread_register");
            }
            return (int)mh$.invokeExact();
        } catch (Throwable ex$) {
           throw new AssertionError("should not reach here", ex$);
        }
    }

    private static class rte_thread_unregister {
        public static final FunctionDescriptor DESC = FunctionDescriptor.ofVoid(    );

        public static final MemorySegment ADDR = jvs_shim_h.findOrThrow("rte_thread_unregister");

        public static final MethodHandle HANDLE = Linker.nativeLinker().downcallHandle(ADDR, DESC);
    }

    /**
     * Function descriptor for:
     * {@snippet lang=c :
     * void rte_thread_unregister()
     * }
     */
    public static FunctionDescriptor rte_thread_unregister$descriptor() {
        return rte_thread_unregister.DESC;
    }

    /**
     * Downcall method handle for:
     * {@snippet lang=c :
     * void rte_thread_unregister()
     * }
     */
    public static MethodHandle rte_thread_unregister$handle() {
        return rte_thread_unregister.HANDLE;
    }

    /**
     * Address for:
     * {@snippet lang=c :
     * void rte_thread_unregister()
     * }
     */
    public static MemorySegment rte_thread_unregister$address() {
        return rte_thread_unregister.ADDR;
    }

    /**
     * {@snippet lang=c :
     * void rte_thread_unregister()
     * }
     */
    public static void rte_thread_unregister() {
        var mh$ = rte_thread_unregister.HANDLE;
        try {
            if (TRACE_DOWNCALLS) {
                traceDowncall("rte_thread_unregister");
            }
            mh$.invokeExact();
        } catch (Throwable ex$) {
           throw new AssertionError("should not reach here", ex$);
        }
    }

    private static class rte_ring_create {
        public static final FunctionDescriptor DESC = FunctionDescriptor.of(
            jvs_shim_h.C_POINTER,
            jvs_shim_h.C_POINTER,
            jvs_shim_h.C_INT,
            jvs_shim_h.C_INT,
            jvs_shim_h.C_INT
        );

        public static final MemorySegment ADDR = jvs_shim_h.findOrThrow("rte_ring_create");

        public static final MethodHandle HANDLE = Linker.nativeLinker().downcallHandle(ADDR, DESC);
    }

    /**
     * Function descriptor for:
     * {@snippet lang=c :
     * struct rte_ring *rte_ring_create(const char *name, unsigned int count, int socket_id, unsigned int flags)
     * }
     */
    public static FunctionDescriptor rte_ring_create$descriptor() {
        return rte_ring_create.DESC;
    }

    /**
     * Downcall method handle for:
     * {@snippet lang=c :
     * struct rte_ring *rte_ring_create(const char *name, unsigned int count, int socket_id, unsigned int flags)
     * }
     */
    public static MethodHandle rte_ring_create$handle() {
        return rte_ring_create.HANDLE;
    }

    /**
     * Address for:
     * {@snippet lang=c :
     * struct rte_ring *rte_ring_create(const char *name, unsigned int count, int socket_id, unsigned int flags)
     * }
     */
    public static MemorySegment rte_ring_create$address() {
        return rte_ring_create.ADDR;
    }

    /**
     * {@snippet lang=c :
     * struct rte_ring *rte_ring_create(const char *name, unsigned int count, int socket_id, unsigned int flags)
     * }
     */
    public static MemorySegment rte_ring_create(MemorySegment name, int count, int socket_id, int flags) {
        var mh$ = rte_ring_create.HANDLE;
        try {
            if (TRACE_DOWNCALLS) {
                traceDowncall("rte_ring_create", name, count, socket_id, flags);
            }
            return (MemorySegment)mh$.invokeExact(name, count, socket_id, flags);
        } catch (Throwable ex$) {
           throw new AssertionError("should not reach here", ex$);
        }
    }

    private static class rte_ring_free {
        public static final FunctionDescriptor DESC = FunctionDescriptor.ofVoid(
            jvs_shim_h.C_POINTER
        );

        public static final MemorySegment ADDR = jvs_shim_h.findOrThrow("rte_ring_free");

        public static final MethodHandle HANDLE = Linker.nativeLinker().downcallHandle(ADDR, DESC);
    }

    /**
     * Function descriptor for:
     * {@snippet lang=c :
     * void rte_ring_free(struct rte_ring *r)
     * }
     */
    public static FunctionDescriptor rte_ring_free$descriptor() {
        return rte_ring_free.DESC;
    }

    /**
     * Downcall method handle for:
     * {@snippet lang=c :
     * void rte_ring_free(struct rte_ring *r)
     * }
     */
    public static MethodHandle rte_ring_free$handle() {
        return rte_ring_free.HANDLE;
    }

    /**
     * Address for:
     * {@snippet lang=c :
     * void rte_ring_free(struct rte_ring *r)
     * }
     */
    public static MemorySegment rte_ring_free$address() {
        return rte_ring_free.ADDR;
    }

    /**
     * {@snippet lang=c :
     * void rte_ring_free(struct rte_ring *r)
     * }
     */
    public static void rte_ring_free(MemorySegment r) {
        var mh$ = rte_ring_free.HANDLE;
        try {
            if (TRACE_DOWNCALLS) {
                traceDowncall("rte_ring_free", r);
            }
            mh$.invokeExact(r);
        } catch (Throwable ex$) {
           throw new AssertionError("should not reach here", ex$);
        }
    }

    private static class rte_eth_from_rings {
        public static final FunctionDescriptor DESC = FunctionDescriptor.of(
            jvs_shim_h.C_INT,
            jvs_shim_h.C_POINTER,
            jvs_shim_h.C_POINTER,
            jvs_shim_h.C_INT,
            jvs_shim_h.C_POINTER,
            jvs_shim_h.C_INT,
            jvs_shim_h.C_INT
        );

        public static final MemorySegment ADDR = jvs_shim_h.findOrThrow("rte_eth_from_rings");

        public static final MethodHandle HANDLE = Linker.nativeLinker().downcallHandle(ADDR, DESC);
    }

    /**
     * Function descriptor for:
     * {@snippet lang=c :
     * int rte_eth_from_rings(const char *name, struct rte_ring *const rx_queues[], const unsigned int nb_rx_queues, struct rte_ring *const tx_queues[], const unsigned int nb_tx_queues, const unsigned int numa_node)
     * }
     */
    public static FunctionDescriptor rte_eth_from_rings$descriptor() {
        return rte_eth_from_rings.DESC;
    }

    /**
     * Downcall method handle for:
     * {@snippet lang=c :
     * int rte_eth_from_rings(const char *name, struct rte_ring *const rx_queues[], const unsigned int nb_rx_queues, struct rte_ring *const tx_queues[], const unsigned int nb_tx_queues, const unsigned int numa_node)
     * }
     */
    public static MethodHandle rte_eth_from_rings$handle() {
        return rte_eth_from_rings.HANDLE;
    }

    /**
     * Address for:
     * {@snippet lang=c :
     * int rte_eth_from_rings(const char *name, struct rte_ring *const rx_queues[], const unsigned int nb_rx_queues, struct rte_ring *const tx_queues[], const unsigned int nb_tx_queues, const unsigned int numa_node)
     * }
     */
    public static MemorySegment rte_eth_from_rings$address() {
        return rte_eth_from_rings.ADDR;
    }

    /**
     * {@snippet lang=c :
     * int rte_eth_from_rings(const char *name, struct rte_ring *const rx_queues[], const unsigned int nb_rx_queues, struct rte_ring *const tx_queues[], const unsigned int nb_tx_queues, const unsigned int numa_node)
     * }
     */
    public static int rte_eth_from_rings(MemorySegment name, MemorySegment rx_queues, int nb_rx_queues, MemorySegment tx_queues, int nb_tx_queues, int numa_node) {
        var mh$ = rte_eth_from_rings.HANDLE;
        try {
            if (TRACE_DOWNCALLS) {
                traceDowncall("rte_eth_from_rings", name, rx_queues, nb_rx_queues, tx_queues, nb_tx_queues, numa_node);
            }
            return (int)mh$.invokeExact(name, rx_queues, nb_rx_queues, tx_queues, nb_tx_queues, numa_node);
        } catch (Throwable ex$) {
           throw new AssertionError("should not reach here", ex$);
        }
    }

    private static class rte_eth_from_ring {
        public static final FunctionDescriptor DESC = FunctionDescriptor.of(
            jvs_shim_h.C_INT,
            jvs_shim_h.C_POINTER
        );

        public static final MemorySegment ADDR = jvs_shim_h.findOrThrow("rte_eth_from_ring");

        public static final MethodHandle HANDLE = Linker.nativeLinker().downcallHandle(ADDR, DESC);
    }

    /**
     * Function descriptor for:
     * {@snippet lang=c :
     * int rte_eth_from_ring(struct rte_ring *r)
     * }
     */
    public static FunctionDescriptor rte_eth_from_ring$descriptor() {
        return rte_eth_from_ring.DESC;
    }

    /**
     * Downcall method handle for:
     * {@snippet lang=c :
     * int rte_eth_from_ring(struct rte_ring *r)
     * }
     */
    public static MethodHandle rte_eth_from_ring$handle() {
        return rte_eth_from_ring.HANDLE;
    }

    /**
     * Address for:
     * {@snippet lang=c :
     * int rte_eth_from_ring(struct rte_ring *r)
     * }
     */
    public static MemorySegment rte_eth_from_ring$address() {
        return rte_eth_from_ring.ADDR;
    }

    /**
     * {@snippet lang=c :
     * int rte_eth_from_ring(struct rte_ring *r)
     * }
     */
    public static int rte_eth_from_ring(MemorySegment r) {
        var mh$ = rte_eth_from_ring.HANDLE;
        try {
            if (TRACE_DOWNCALLS) {
                traceDowncall("rte_eth_from_ring", r);
            }
            return (int)mh$.invokeExact(r);
        } catch (Throwable ex$) {
           throw new AssertionError("should not reach here", ex$);
        }
    }

    private static class rte_mempool_free {
        public static final FunctionDescriptor DESC = FunctionDescriptor.ofVoid(
            jvs_shim_h.C_POINTER
        );

        public static final MemorySegment ADDR = jvs_shim_h.findOrThrow("rte_mempool_free");

        public static final MethodHandle HANDLE = Linker.nativeLinker().downcallHandle(ADDR, DESC);
    }

    /**
     * Function descriptor for:
     * {@snippet lang=c :
     * void rte_mempool_free(struct rte_mempool *mp)
     * }
     */
    public static FunctionDescriptor rte_mempool_free$descriptor() {
        return rte_mempool_free.DESC;
    }

    /**
     * Downcall method handle for:
     * {@snippet lang=c :
     * void rte_mempool_free(struct rte_mempool *mp)
     * }
     */
    public static MethodHandle rte_mempool_free$handle() {
        return rte_mempool_free.HANDLE;
    }

    /**
     * Address for:
     * {@snippet lang=c :
     * void rte_mempool_free(struct rte_mempool *mp)
     * }
     */
    public static MemorySegment rte_mempool_free$address() {
        return rte_mempool_free.ADDR;
    }

    /**
     * {@snippet lang=c :
     * void rte_mempool_free(struct rte_mempool *mp)
     * }
     */
    public static void rte_mempool_free(MemorySegment mp) {
        var mh$ = rte_mempool_free.HANDLE;
        try {
            if (TRACE_DOWNCALLS) {
                traceDowncall("rte_mempool_free", mp);
            }
            mh$.invokeExact(mp);
        } catch (Throwable ex$) {
           throw new AssertionError("should not reach here", ex$);
        }
    }

    private static class rte_mempool_lookup {
        public static final FunctionDescriptor DESC = FunctionDescriptor.of(
            jvs_shim_h.C_POINTER,
            jvs_shim_h.C_POINTER
        );

        public static final MemorySegment ADDR = jvs_shim_h.findOrThrow("rte_mempool_lookup");

        public static final MethodHandle HANDLE = Linker.nativeLinker().downcallHandle(ADDR, DESC);
    }

    /**
     * Function descriptor for:
     * {@snippet lang=c :
     * struct rte_mempool *rte_mempool_lookup(const char *name)
     * }
     */
    public static FunctionDescriptor rte_mempool_lookup$descriptor() {
        return rte_mempool_lookup.DESC;
    }

    /**
     * Downcall method handle for:
     * {@snippet lang=c :
     * struct rte_mempool *rte_mempool_lookup(const char *name)
     * }
     */
    public static MethodHandle rte_mempool_lookup$handle() {
        return rte_mempool_lookup.HANDLE;
    }

    /**
     * Address for:
     * {@snippet lang=c :
     * struct rte_mempool *rte_mempool_lookup(const char *name)
     * }
     */
    public static MemorySegment rte_mempool_lookup$address() {
        return rte_mempool_lookup.ADDR;
    }

    /**
     * {@snippet lang=c :
     * struct rte_mempool *rte_mempool_lookup(const char *name)
     * }
     */
    public static MemorySegment rte_mempool_lookup(MemorySegment name) {
        var mh$ = rte_mempool_lookup.HANDLE;
        try {
            if (TRACE_DOWNCALLS) {
                traceDowncall("rte_mempool_lookup", name);
            }
            return (MemorySegment)mh$.invokeExact(name);
        } catch (Throwable ex$) {
           throw new AssertionError("should not reach here", ex$);
        }
    }

    private static class rte_eth_vhost_get_queue_event {
        public static final FunctionDescriptor DESC = FunctionDescriptor.of(
            jvs_shim_h.C_INT,
            jvs_shim_h.C_SHORT,
            jvs_shim_h.C_POINTER
        );

        public static final MemorySegment ADDR = jvs_shim_h.findOrThrow("rte_eth_vhost_get_queue_event");

        public static final MethodHandle HANDLE = Linker.nativeLinker().downcallHandle(ADDR, DESC);
    }

    /**
     * Function descriptor for:
     * {@snippet lang=c :
     * int rte_eth_vhost_get_queue_event(uint16_t port_id, struct rte_eth_vhost_queue_event *event)
     * }
     */
    public static FunctionDescriptor rte_eth_vhost_get_queue_event$descriptor() {
        return rte_eth_vhost_get_queue_event.DESC;
    }

    /**
     * Downcall method handle for:
     * {@snippet lang=c :
     * int rte_eth_vhost_get_queue_event(uint16_t port_id, struct rte_eth_vhost_queue_event *event)
     * }
     */
    public static MethodHandle rte_eth_vhost_get_queue_event$handle() {
        return rte_eth_vhost_get_queue_event.HANDLE;
    }

    /**
     * Address for:
     * {@snippet lang=c :
     * int rte_eth_vhost_get_queue_event(uint16_t port_id, struct rte_eth_vhost_queue_event *event)
     * }
     */
    public static MemorySegment rte_eth_vhost_get_queue_event$address() {
        return rte_eth_vhost_get_queue_event.ADDR;
    }

    /**
     * {@snippet lang=c :
     * int rte_eth_vhost_get_queue_event(uint16_t port_id, struct rte_eth_vhost_queue_event *event)
     * }
     */
    public static int rte_eth_vhost_get_queue_event(short port_id, MemorySegment event) {
        var mh$ = rte_eth_vhost_get_queue_event.HANDLE;
        try {
            if (TRACE_DOWNCALLS) {
                traceDowncall("rte_eth_vhost_get_queue_event", port_id, event);
            }
            return (int)mh$.invokeExact(port_id, event);
        } catch (Throwable ex$) {
           throw new AssertionError("should not reach here", ex$);
        }
    }

    private static class rte_eth_vhost_get_vid_from_port_id {
        public static final FunctionDescriptor DESC = FunctionDescriptor.of(
            jvs_shim_h.C_INT,
            jvs_shim_h.C_SHORT
        );

        public static final MemorySegment ADDR = jvs_shim_h.findOrThrow("rte_eth_vhost_get_vid_from_port_id");

        public static final MethodHandle HANDLE = Linker.nativeLinker().downcallHandle(ADDR, DESC);
    }

    /**
     * Function descriptor for:
     * {@snippet lang=c :
     * int rte_eth_vhost_get_vid_from_port_id(uint16_t port_id)
     * }
     */
    public static FunctionDescriptor rte_eth_vhost_get_vid_from_port_id$descriptor() {
        return rte_eth_vhost_get_vid_from_port_id.DESC;
    }

    /**
     * Downcall method handle for:
     * {@snippet lang=c :
     * int rte_eth_vhost_get_vid_from_port_id(uint16_t port_id)
     * }
     */
    public static MethodHandle rte_eth_vhost_get_vid_from_port_id$handle() {
        return rte_eth_vhost_get_vid_from_port_id.HANDLE;
    }

    /**
     * Address for:
     * {@snippet lang=c :
     * int rte_eth_vhost_get_vid_from_port_id(uint16_t port_id)
     * }
     */
    public static MemorySegment rte_eth_vhost_get_vid_from_port_id$address() {
        return rte_eth_vhost_get_vid_from_port_id.ADDR;
    }

    /**
     * {@snippet lang=c :
     * int rte_eth_vhost_get_vid_from_port_id(uint16_t port_id)
     * }
     */
    public static int rte_eth_vhost_get_vid_from_port_id(short port_id) {
        var mh$ = rte_eth_vhost_get_vid_from_port_id.HANDLE;
        try {
            if (TRACE_DOWNCALLS) {
                traceDowncall("rte_eth_vhost_get_vid_from_port_id", port_id);
            }
            return (int)mh$.invokeExact(port_id);
        } catch (Throwable ex$) {
           throw new AssertionError("should not reach here", ex$);
        }
    }

    private static class rte_pktmbuf_pool_create {
        public static final FunctionDescriptor DESC = FunctionDescriptor.of(
            jvs_shim_h.C_POINTER,
            jvs_shim_h.C_POINTER,
            jvs_shim_h.C_INT,
            jvs_shim_h.C_INT,
            jvs_shim_h.C_SHORT,
            jvs_shim_h.C_SHORT,
            jvs_shim_h.C_INT
        );

        public static final MemorySegment ADDR = jvs_shim_h.findOrThrow("rte_pktmbuf_pool_create");

        public static final MethodHandle HANDLE = Linker.nativeLinker().downcallHandle(ADDR, DESC);
    }

    /**
     * Function descriptor for:
     * {@snippet lang=c :
     * struct rte_mempool *rte_pktmbuf_pool_create(const char *name, unsigned int n, unsigned int cache_size, uint16_t priv_size, uint16_t data_room_size, int socket_id)
     * }
     */
    public static FunctionDescriptor rte_pktmbuf_pool_create$descriptor() {
        return rte_pktmbuf_pool_create.DESC;
    }

    /**
     * Downcall method handle for:
     * {@snippet lang=c :
     * struct rte_mempool *rte_pktmbuf_pool_create(const char *name, unsigned int n, unsigned int cache_size, uint16_t priv_size, uint16_t data_room_size, int socket_id)
     * }
     */
    public static MethodHandle rte_pktmbuf_pool_create$handle() {
        return rte_pktmbuf_pool_create.HANDLE;
    }

    /**
     * Address for:
     * {@snippet lang=c :
     * struct rte_mempool *rte_pktmbuf_pool_create(const char *name, unsigned int n, unsigned int cache_size, uint16_t priv_size, uint16_t data_room_size, int socket_id)
     * }
     */
    public static MemorySegment rte_pktmbuf_pool_create$address() {
        return rte_pktmbuf_pool_create.ADDR;
    }

    /**
     * {@snippet lang=c :
     * struct rte_mempool *rte_pktmbuf_pool_create(const char *name, unsigned int n, unsigned int cache_size, uint16_t priv_size, uint16_t data_room_size, int socket_id)
     * }
     */
    public static MemorySegment rte_pktmbuf_pool_create(MemorySegment name, int n, int cache_size, short priv_size, short data_room_size, int socket_id) {
        var mh$ = rte_pktmbuf_pool_create.HANDLE;
        try {
            if (TRACE_DOWNCALLS) {
                traceDowncall("rte_pktmbuf_pool_create", name, n, cache_size, priv_size, data_room_size, socket_id);
            }
            return (MemorySegment)mh$.invokeExact(name, n, cache_size, priv_size, data_room_size, socket_id);
        } catch (Throwable ex$) {
           throw new AssertionError("should not reach here", ex$);
        }
    }

    private static class rte_eth_find_next {
        public static final FunctionDescriptor DESC = FunctionDescriptor.of(
            jvs_shim_h.C_SHORT,
            jvs_shim_h.C_SHORT
        );

        public static final MemorySegment ADDR = jvs_shim_h.findOrThrow("rte_eth_find_next");

        public static final MethodHandle HANDLE = Linker.nativeLinker().downcallHandle(ADDR, DESC);
    }

    /**
     * Function descriptor for:
     * {@snippet lang=c :
     * uint16_t rte_eth_find_next(uint16_t port_id)
     * }
     */
    public static FunctionDescriptor rte_eth_find_next$descriptor() {
        return rte_eth_find_next.DESC;
    }

    /**
     * Downcall method handle for:
     * {@snippet lang=c :
     * uint16_t rte_eth_find_next(uint16_t port_id)
     * }
     */
    public static MethodHandle rte_eth_find_next$handle() {
        return rte_eth_find_next.HANDLE;
    }

    /**
     * Address for:
     * {@snippet lang=c :
     * uint16_t rte_eth_find_next(uint16_t port_id)
     * }
     */
    public static MemorySegment rte_eth_find_next$address() {
        return rte_eth_find_next.ADDR;
    }

    /**
     * {@snippet lang=c :
     * uint16_t rte_eth_find_next(uint16_t port_id)
     * }
     */
    public static short rte_eth_find_next(short port_id) {
        var mh$ = rte_eth_find_next.HANDLE;
        try {
            if (TRACE_DOWNCALLS) {
                traceDowncall("rte_eth_find_next", port_id);
            }
            return (short)mh$.invokeExact(port_id);
        } catch (Throwable ex$) {
           throw new AssertionError("should not reach here", ex$);
        }
    }

    private static class rte_eth_dev_count_avail {
        public static final FunctionDescriptor DESC = FunctionDescriptor.of(
            jvs_shim_h.C_SHORT    );

        public static final MemorySegment ADDR = jvs_shim_h.findOrThrow("rte_eth_dev_count_avail");

        public static final MethodHandle HANDLE = Linker.nativeLinker().downcallHandle(ADDR, DESC);
    }

    /**
     * Function descriptor for:
     * {@snippet lang=c :
     * uint16_t rte_eth_dev_count_avail()
     * }
     */
    public static FunctionDescriptor rte_eth_dev_count_avail$descriptor() {
        return rte_eth_dev_count_avail.DESC;
    }

    /**
     * Downcall method handle for:
     * {@snippet lang=c :
     * uint16_t rte_eth_dev_count_avail()
     * }
     */
    public static MethodHandle rte_eth_dev_count_avail$handle() {
        return rte_eth_dev_count_avail.HANDLE;
    }

    /**
     * Address for:
     * {@snippet lang=c :
     * uint16_t rte_eth_dev_count_avail()
     * }
     */
    public static MemorySegment rte_eth_dev_count_avail$address() {
        return rte_eth_dev_count_avail.ADDR;
    }

    /**
     * {@snippet lang=c :
     * uint16_t rte_eth_dev_count_avail()
     * }
     */
    public static short rte_eth_dev_count_avail() {
        var mh$ = rte_eth_dev_count_avail.HANDLE;
        try {
            if (TRACE_DOWNCALLS) {
                traceDowncall("rte_eth_dev_count_avail");
            }
            return (short)mh$.invokeExact();
        } catch (Throwable ex$) {
           throw new AssertionError("should not reach here", ex$);
        }
    }

    private static class rte_eth_rx_queue_setup {
        public static final FunctionDescriptor DESC = FunctionDescriptor.of(
            jvs_shim_h.C_INT,
            jvs_shim_h.C_SHORT,
            jvs_shim_h.C_SHORT,
            jvs_shim_h.C_SHORT,
            jvs_shim_h.C_INT,
            jvs_shim_h.C_POINTER,
            jvs_shim_h.C_POINTER
        );

        public static final MemorySegment ADDR = jvs_shim_h.findOrThrow("rte_eth_rx_queue_setup");

        public static final MethodHandle HANDLE = Linker.nativeLinker().downcallHandle(ADDR, DESC);
    }

    /**
     * Function descriptor for:
     * {@snippet lang=c :
     * int rte_eth_rx_queue_setup(uint16_t port_id, uint16_t rx_queue_id, uint16_t nb_rx_desc, unsigned int socket_id, const struct rte_eth_rxconf *rx_conf, struct rte_mempool *mb_pool)
     * }
     */
    public static FunctionDescriptor rte_eth_rx_queue_setup$descriptor() {
        return rte_eth_rx_queue_setup.DESC;
    }

    /**
     * Downcall method handle for:
     * {@snippet lang=c :
     * int rte_eth_rx_queue_setup(uint16_t port_id, uint16_t rx_queue_id, uint16_t nb_rx_desc, unsigned int socket_id, const struct rte_eth_rxconf *rx_conf, struct rte_mempool *mb_pool)
     * }
     */
    public static MethodHandle rte_eth_rx_queue_setup$handle() {
        return rte_eth_rx_queue_setup.HANDLE;
    }

    /**
     * Address for:
     * {@snippet lang=c :
     * int rte_eth_rx_queue_setup(uint16_t port_id, uint16_t rx_queue_id, uint16_t nb_rx_desc, unsigned int socket_id, const struct rte_eth_rxconf *rx_conf, struct rte_mempool *mb_pool)
     * }
     */
    public static MemorySegment rte_eth_rx_queue_setup$address() {
        return rte_eth_rx_queue_setup.ADDR;
    }

    /**
     * {@snippet lang=c :
     * int rte_eth_rx_queue_setup(uint16_t port_id, uint16_t rx_queue_id, uint16_t nb_rx_desc, unsigned int socket_id, const struct rte_eth_rxconf *rx_conf, struct rte_mempool *mb_pool)
     * }
     */
    public static int rte_eth_rx_queue_setup(short port_id, short rx_queue_id, short nb_rx_desc, int socket_id, MemorySegment rx_conf, MemorySegment mb_pool) {
        var mh$ = rte_eth_rx_queue_setup.HANDLE;
        try {
            if (TRACE_DOWNCALLS) {
                traceDowncall("rte_eth_rx_queue_setup", port_id, rx_queue_id, nb_rx_desc, socket_id, rx_conf, mb_pool);
            }
            return (int)mh$.invokeExact(port_id, rx_queue_id, nb_rx_desc, socket_id, rx_conf, mb_pool);
        } catch (Throwable ex$) {
           throw new AssertionError("should not reach here", ex$);
        }
    }

    private static class rte_eth_tx_queue_setup {
        public static final FunctionDescriptor DESC = FunctionDescriptor.of(
            jvs_shim_h.C_INT,
            jvs_shim_h.C_SHORT,
            jvs_shim_h.C_SHORT,
            jvs_shim_h.C_SHORT,
            jvs_shim_h.C_INT,
            jvs_shim_h.C_POINTER
        );

        public static final MemorySegment ADDR = jvs_shim_h.findOrThrow("rte_eth_tx_queue_setup");

        public static final MethodHandle HANDLE = Linker.nativeLinker().downcallHandle(ADDR, DESC);
    }

    /**
     * Function descriptor for:
     * {@snippet lang=c :
     * int rte_eth_tx_queue_setup(uint16_t port_id, uint16_t tx_queue_id, uint16_t nb_tx_desc, unsigned int socket_id, const struct rte_eth_txconf *tx_conf)
     * }
     */
    public static FunctionDescriptor rte_eth_tx_queue_setup$descriptor() {
        return rte_eth_tx_queue_setup.DESC;
    }

    /**
     * Downcall method handle for:
     * {@snippet lang=c :
     * int rte_eth_tx_queue_setup(uint16_t port_id, uint16_t tx_queue_id, uint16_t nb_tx_desc, unsigned int socket_id, const struct rte_eth_txconf *tx_conf)
     * }
     */
    public static MethodHandle rte_eth_tx_queue_setup$handle() {
        return rte_eth_tx_queue_setup.HANDLE;
    }

    /**
     * Address for:
     * {@snippet lang=c :
     * int rte_eth_tx_queue_setup(uint16_t port_id, uint16_t tx_queue_id, uint16_t nb_tx_desc, unsigned int socket_id, const struct rte_eth_txconf *tx_conf)
     * }
     */
    public static MemorySegment rte_eth_tx_queue_setup$address() {
        return rte_eth_tx_queue_setup.ADDR;
    }

    /**
     * {@snippet lang=c :
     * int rte_eth_tx_queue_setup(uint16_t port_id, uint16_t tx_queue_id, uint16_t nb_tx_desc, unsigned int socket_id, const struct rte_eth_txconf *tx_conf)
     * }
     */
    public static int rte_eth_tx_queue_setup(short port_id, short tx_queue_id, short nb_tx_desc, int socket_id, MemorySegment tx_conf) {
        var mh$ = rte_eth_tx_queue_setup.HANDLE;
        try {
            if (TRACE_DOWNCALLS) {
                traceDowncall("rte_eth_tx_queue_setup", port_id, tx_queue_id, nb_tx_desc, socket_id, tx_conf);
            }
            return (int)mh$.invokeExact(port_id, tx_queue_id, nb_tx_desc, socket_id, tx_conf);
        } catch (Throwable ex$) {
           throw new AssertionError("should not reach here", ex$);
        }
    }

    private static class rte_eth_dev_socket_id {
        public static final FunctionDescriptor DESC = FunctionDescriptor.of(
            jvs_shim_h.C_INT,
            jvs_shim_h.C_SHORT
        );

        public static final MemorySegment ADDR = jvs_shim_h.findOrThrow("rte_eth_dev_socket_id");

        public static final MethodHandle HANDLE = Linker.nativeLinker().downcallHandle(ADDR, DESC);
    }

    /**
     * Function descriptor for:
     * {@snippet lang=c :
     * int rte_eth_dev_socket_id(uint16_t port_id)
     * }
     */
    public static FunctionDescriptor rte_eth_dev_socket_id$descriptor() {
        return rte_eth_dev_socket_id.DESC;
    }

    /**
     * Downcall method handle for:
     * {@snippet lang=c :
     * int rte_eth_dev_socket_id(uint16_t port_id)
     * }
     */
    public static MethodHandle rte_eth_dev_socket_id$handle() {
        return rte_eth_dev_socket_id.HANDLE;
    }

    /**
     * Address for:
     * {@snippet lang=c :
     * int rte_eth_dev_socket_id(uint16_t port_id)
     * }
     */
    public static MemorySegment rte_eth_dev_socket_id$address() {
        return rte_eth_dev_socket_id.ADDR;
    }

    /**
     * {@snippet lang=c :
     * int rte_eth_dev_socket_id(uint16_t port_id)
     * }
     */
    public static int rte_eth_dev_socket_id(short port_id) {
        var mh$ = rte_eth_dev_socket_id.HANDLE;
        try {
            if (TRACE_DOWNCALLS) {
                traceDowncall("rte_eth_dev_socket_id", port_id);
            }
            return (int)mh$.invokeExact(port_id);
        } catch (Throwable ex$) {
           throw new AssertionError("should not reach here", ex$);
        }
    }

    private static class rte_eth_dev_is_valid_port {
        public static final FunctionDescriptor DESC = FunctionDescriptor.of(
            jvs_shim_h.C_INT,
            jvs_shim_h.C_SHORT
        );

        public static final MemorySegment ADDR = jvs_shim_h.findOrThrow("rte_eth_dev_is_valid_port");

        public static final MethodHandle HANDLE = Linker.nativeLinker().downcallHandle(ADDR, DESC);
    }

    /**
     * Function descriptor for:
     * {@snippet lang=c :
     * int rte_eth_dev_is_valid_port(uint16_t port_id)
     * }
     */
    public static FunctionDescriptor rte_eth_dev_is_valid_port$descriptor() {
        return rte_eth_dev_is_valid_port.DESC;
    }

    /**
     * Downcall method handle for:
     * {@snippet lang=c :
     * int rte_eth_dev_is_valid_port(uint16_t port_id)
     * }
     */
    public static MethodHandle rte_eth_dev_is_valid_port$handle() {
        return rte_eth_dev_is_valid_port.HANDLE;
    }

    /**
     * Address for:
     * {@snippet lang=c :
     * int rte_eth_dev_is_valid_port(uint16_t port_id)
     * }
     */
    public static MemorySegment rte_eth_dev_is_valid_port$address() {
        return rte_eth_dev_is_valid_port.ADDR;
    }

    /**
     * {@snippet lang=c :
     * int rte_eth_dev_is_valid_port(uint16_t port_id)
     * }
     */
    public static int rte_eth_dev_is_valid_port(short port_id) {
        var mh$ = rte_eth_dev_is_valid_port.HANDLE;
        try {
            if (TRACE_DOWNCALLS) {
                traceDowncall("rte_eth_dev_is_valid_port", port_id);
            }
            return (int)mh$.invokeExact(port_id);
        } catch (Throwable ex$) {
           throw new AssertionError("should not reach here", ex$);
        }
    }

    private static class rte_eth_dev_start {
        public static final FunctionDescriptor DESC = FunctionDescriptor.of(
            jvs_shim_h.C_INT,
            jvs_shim_h.C_SHORT
        );

        public static final MemorySegment ADDR = jvs_shim_h.findOrThrow("rte_eth_dev_start");

        public static final MethodHandle HANDLE = Linker.nativeLinker().downcallHandle(ADDR, DESC);
    }

    /**
     * Function descriptor for:
     * {@snippet lang=c :
     * int rte_eth_dev_start(uint16_t port_id)
     * }
     */
    public static FunctionDescriptor rte_eth_dev_start$descriptor() {
        return rte_eth_dev_start.DESC;
    }

    /**
     * Downcall method handle for:
     * {@snippet lang=c :
     * int rte_eth_dev_start(uint16_t port_id)
     * }
     */
    public static MethodHandle rte_eth_dev_start$handle() {
        return rte_eth_dev_start.HANDLE;
    }

    /**
     * Address for:
     * {@snippet lang=c :
     * int rte_eth_dev_start(uint16_t port_id)
     * }
     */
    public static MemorySegment rte_eth_dev_start$address() {
        return rte_eth_dev_start.ADDR;
    }

    /**
     * {@snippet lang=c :
     * int rte_eth_dev_start(uint16_t port_id)
     * }
     */
    public static int rte_eth_dev_start(short port_id) {
        var mh$ = rte_eth_dev_start.HANDLE;
        try {
            if (TRACE_DOWNCALLS) {
                traceDowncall("rte_eth_dev_start", port_id);
            }
            return (int)mh$.invokeExact(port_id);
        } catch (Throwable ex$) {
           throw new AssertionError("should not reach here", ex$);
        }
    }

    private static class rte_eth_dev_stop {
        public static final FunctionDescriptor DESC = FunctionDescriptor.of(
            jvs_shim_h.C_INT,
            jvs_shim_h.C_SHORT
        );

        public static final MemorySegment ADDR = jvs_shim_h.findOrThrow("rte_eth_dev_stop");

        public static final MethodHandle HANDLE = Linker.nativeLinker().downcallHandle(ADDR, DESC);
    }

    /**
     * Function descriptor for:
     * {@snippet lang=c :
     * int rte_eth_dev_stop(uint16_t port_id)
     * }
     */
    public static FunctionDescriptor rte_eth_dev_stop$descriptor() {
        return rte_eth_dev_stop.DESC;
    }

    /**
     * Downcall method handle for:
     * {@snippet lang=c :
     * int rte_eth_dev_stop(uint16_t port_id)
     * }
     */
    public static MethodHandle rte_eth_dev_stop$handle() {
        return rte_eth_dev_stop.HANDLE;
    }

    /**
     * Address for:
     * {@snippet lang=c :
     * int rte_eth_dev_stop(uint16_t port_id)
     * }
     */
    public static MemorySegment rte_eth_dev_stop$address() {
        return rte_eth_dev_stop.ADDR;
    }

    /**
     * {@snippet lang=c :
     * int rte_eth_dev_stop(uint16_t port_id)
     * }
     */
    public static int rte_eth_dev_stop(short port_id) {
        var mh$ = rte_eth_dev_stop.HANDLE;
        try {
            if (TRACE_DOWNCALLS) {
                traceDowncall("rte_eth_dev_stop", port_id);
            }
            return (int)mh$.invokeExact(port_id);
        } catch (Throwable ex$) {
           throw new AssertionError("should not reach here", ex$);
        }
    }

    private static class rte_eth_dev_set_link_up {
        public static final FunctionDescriptor DESC = FunctionDescriptor.of(
            jvs_shim_h.C_INT,
            jvs_shim_h.C_SHORT
        );

        public static final MemorySegment ADDR = jvs_shim_h.findOrThrow("rte_eth_dev_set_link_up");

        public static final MethodHandle HANDLE = Linker.nativeLinker().downcallHandle(ADDR, DESC);
    }

    /**
     * Function descriptor for:
     * {@snippet lang=c :
     * int rte_eth_dev_set_link_up(uint16_t port_id)
     * }
     */
    public static FunctionDescriptor rte_eth_dev_set_link_up$descriptor() {
        return rte_eth_dev_set_link_up.DESC;
    }

    /**
     * Downcall method handle for:
     * {@snippet lang=c :
     * int rte_eth_dev_set_link_up(uint16_t port_id)
     * }
     */
    public static MethodHandle rte_eth_dev_set_link_up$handle() {
        return rte_eth_dev_set_link_up.HANDLE;
    }

    /**
     * Address for:
     * {@snippet lang=c :
     * int rte_eth_dev_set_link_up(uint16_t port_id)
     * }
     */
    public static MemorySegment rte_eth_dev_set_link_up$address() {
        return rte_eth_dev_set_link_up.ADDR;
    }

    /**
     * {@snippet lang=c :
     * int rte_eth_dev_set_link_up(uint16_t port_id)
     * }
     */
    public static int rte_eth_dev_set_link_up(short port_id) {
        var mh$ = rte_eth_dev_set_link_up.HANDLE;
        try {
            if (TRACE_DOWNCALLS) {
                traceDowncall("rte_eth_dev_set_link_up", port_id);
            }
            return (int)mh$.invokeExact(port_id);
        } catch (Throwable ex$) {
           throw new AssertionError("should not reach here", ex$);
        }
    }

    private static class rte_eth_dev_set_link_down {
        public static final FunctionDescriptor DESC = FunctionDescriptor.of(
            jvs_shim_h.C_INT,
            jvs_shim_h.C_SHORT
        );

        public static final MemorySegment ADDR = jvs_shim_h.findOrThrow("rte_eth_dev_set_link_down");

        public static final MethodHandle HANDLE = Linker.nativeLinker().downcallHandle(ADDR, DESC);
    }

    /**
     * Function descriptor for:
     * {@snippet lang=c :
     * int rte_eth_dev_set_link_down(uint16_t port_id)
     * }
     */
    public static FunctionDescriptor rte_eth_dev_set_link_down$descriptor() {
        return rte_eth_dev_set_link_down.DESC;
    }

    /**
     * Downcall method handle for:
     * {@snippet lang=c :
     * int rte_eth_dev_set_link_down(uint16_t port_id)
     * }
     */
    public static MethodHandle rte_eth_dev_set_link_down$handle() {
        return rte_eth_dev_set_link_down.HANDLE;
    }

    /**
     * Address for:
     * {@snippet lang=c :
     * int rte_eth_dev_set_link_down(uint16_t port_id)
     * }
     */
    public static MemorySegment rte_eth_dev_set_link_down$address() {
        return rte_eth_dev_set_link_down.ADDR;
    }

    /**
     * {@snippet lang=c :
     * int rte_eth_dev_set_link_down(uint16_t port_id)
     * }
     */
    public static int rte_eth_dev_set_link_down(short port_id) {
        var mh$ = rte_eth_dev_set_link_down.HANDLE;
        try {
            if (TRACE_DOWNCALLS) {
                traceDowncall("rte_eth_dev_set_link_down", port_id);
            }
            return (int)mh$.invokeExact(port_id);
        } catch (Throwable ex$) {
           throw new AssertionError("should not reach here", ex$);
        }
    }

    private static class rte_eth_dev_close {
        public static final FunctionDescriptor DESC = FunctionDescriptor.of(
            jvs_shim_h.C_INT,
            jvs_shim_h.C_SHORT
        );

        public static final MemorySegment ADDR = jvs_shim_h.findOrThrow("rte_eth_dev_close");

        public static final MethodHandle HANDLE = Linker.nativeLinker().downcallHandle(ADDR, DESC);
    }

    /**
     * Function descriptor for:
     * {@snippet lang=c :
     * int rte_eth_dev_close(uint16_t port_id)
     * }
     */
    public static FunctionDescriptor rte_eth_dev_close$descriptor() {
        return rte_eth_dev_close.DESC;
    }

    /**
     * Downcall method handle for:
     * {@snippet lang=c :
     * int rte_eth_dev_close(uint16_t port_id)
     * }
     */
    public static MethodHandle rte_eth_dev_close$handle() {
        return rte_eth_dev_close.HANDLE;
    }

    /**
     * Address for:
     * {@snippet lang=c :
     * int rte_eth_dev_close(uint16_t port_id)
     * }
     */
    public static MemorySegment rte_eth_dev_close$address() {
        return rte_eth_dev_close.ADDR;
    }

    /**
     * {@snippet lang=c :
     * int rte_eth_dev_close(uint16_t port_id)
     * }
     */
    public static int rte_eth_dev_close(short port_id) {
        var mh$ = rte_eth_dev_close.HANDLE;
        try {
            if (TRACE_DOWNCALLS) {
                traceDowncall("rte_eth_dev_close", port_id);
            }
            return (int)mh$.invokeExact(port_id);
        } catch (Throwable ex$) {
           throw new AssertionError("should not reach here", ex$);
        }
    }

    private static class rte_eth_promiscuous_enable {
        public static final FunctionDescriptor DESC = FunctionDescriptor.of(
            jvs_shim_h.C_INT,
            jvs_shim_h.C_SHORT
        );

        public static final MemorySegment ADDR = jvs_shim_h.findOrThrow("rte_eth_promiscuous_enable");

        public static final MethodHandle HANDLE = Linker.nativeLinker().downcallHandle(ADDR, DESC);
    }

    /**
     * Function descriptor for:
     * {@snippet lang=c :
     * int rte_eth_promiscuous_enable(uint16_t port_id)
     * }
     */
    public static FunctionDescriptor rte_eth_promiscuous_enable$descriptor() {
        return rte_eth_promiscuous_enable.DESC;
    }

    /**
     * Downcall method handle for:
     * {@snippet lang=c :
     * int rte_eth_promiscuous_enable(uint16_t port_id)
     * }
     */
    public static MethodHandle rte_eth_promiscuous_enable$handle() {
        return rte_eth_promiscuous_enable.HANDLE;
    }

    /**
     * Address for:
     * {@snippet lang=c :
     * int rte_eth_promiscuous_enable(uint16_t port_id)
     * }
     */
    public static MemorySegment rte_eth_promiscuous_enable$address() {
        return rte_eth_promiscuous_enable.ADDR;
    }

    /**
     * {@snippet lang=c :
     * int rte_eth_promiscuous_enable(uint16_t port_id)
     * }
     */
    public static int rte_eth_promiscuous_enable(short port_id) {
        var mh$ = rte_eth_promiscuous_enable.HANDLE;
        try {
            if (TRACE_DOWNCALLS) {
                traceDowncall("rte_eth_promiscuous_enable", port_id);
            }
            return (int)mh$.invokeExact(port_id);
        } catch (Throwable ex$) {
           throw new AssertionError("should not reach here", ex$);
        }
    }

    private static class rte_eth_promiscuous_disable {
        public static final FunctionDescriptor DESC = FunctionDescriptor.of(
            jvs_shim_h.C_INT,
            jvs_shim_h.C_SHORT
        );

        public static final MemorySegment ADDR = jvs_shim_h.findOrThrow("rte_eth_promiscuous_disable");

        public static final MethodHandle HANDLE = Linker.nativeLinker().downcallHandle(ADDR, DESC);
    }

    /**
     * Function descriptor for:
     * {@snippet lang=c :
     * int rte_eth_promiscuous_disable(uint16_t port_id)
     * }
     */
    public static FunctionDescriptor rte_eth_promiscuous_disable$descriptor() {
        return rte_eth_promiscuous_disable.DESC;
    }

    /**
     * Downcall method handle for:
     * {@snippet lang=c :
     * int rte_eth_promiscuous_disable(uint16_t port_id)
     * }
     */
    public static MethodHandle rte_eth_promiscuous_disable$handle() {
        return rte_eth_promiscuous_disable.HANDLE;
    }

    /**
     * Address for:
     * {@snippet lang=c :
     * int rte_eth_promiscuous_disable(uint16_t port_id)
     * }
     */
    public static MemorySegment rte_eth_promiscuous_disable$address() {
        return rte_eth_promiscuous_disable.ADDR;
    }

    /**
     * {@snippet lang=c :
     * int rte_eth_promiscuous_disable(uint16_t port_id)
     * }
     */
    public static int rte_eth_promiscuous_disable(short port_id) {
        var mh$ = rte_eth_promiscuous_disable.HANDLE;
        try {
            if (TRACE_DOWNCALLS) {
                traceDowncall("rte_eth_promiscuous_disable", port_id);
            }
            return (int)mh$.invokeExact(port_id);
        } catch (Throwable ex$) {
           throw new AssertionError("should not reach here", ex$);
        }
    }

    private static class rte_eth_allmulticast_enable {
        public static final FunctionDescriptor DESC = FunctionDescriptor.of(
            jvs_shim_h.C_INT,
            jvs_shim_h.C_SHORT
        );

        public static final MemorySegment ADDR = jvs_shim_h.findOrThrow("rte_eth_allmulticast_enable");

        public static final MethodHandle HANDLE = Linker.nativeLinker().downcallHandle(ADDR, DESC);
    }

    /**
     * Function descriptor for:
     * {@snippet lang=c :
     * int rte_eth_allmulticast_enable(uint16_t port_id)
     * }
     */
    public static FunctionDescriptor rte_eth_allmulticast_enable$descriptor() {
        return rte_eth_allmulticast_enable.DESC;
    }

    /**
     * Downcall method handle for:
     * {@snippet lang=c :
     * int rte_eth_allmulticast_enable(uint16_t port_id)
     * }
     */
    public static MethodHandle rte_eth_allmulticast_enable$handle() {
        return rte_eth_allmulticast_enable.HANDLE;
    }

    /**
     * Address for:
     * {@snippet lang=c :
     * int rte_eth_allmulticast_enable(uint16_t port_id)
     * }
     */
    public static MemorySegment rte_eth_allmulticast_enable$address() {
        return rte_eth_allmulticast_enable.ADDR;
    }

    /**
     * {@snippet lang=c :
     * int rte_eth_allmulticast_enable(uint16_t port_id)
     * }
     */
    public static int rte_eth_allmulticast_enable(short port_id) {
        var mh$ = rte_eth_allmulticast_enable.HANDLE;
        try {
            if (TRACE_DOWNCALLS) {
                traceDowncall("rte_eth_allmulticast_enable", port_id);
            }
            return (int)mh$.invokeExact(port_id);
        } catch (Throwable ex$) {
           throw new AssertionError("should not reach here", ex$);
        }
    }

    private static class rte_eth_stats_get {
        public static final FunctionDescriptor DESC = FunctionDescriptor.of(
            jvs_shim_h.C_INT,
            jvs_shim_h.C_SHORT,
            jvs_shim_h.C_POINTER
        );

        public static final MemorySegment ADDR = jvs_shim_h.findOrThrow("rte_eth_stats_get");

        public static final MethodHandle HANDLE = Linker.nativeLinker().downcallHandle(ADDR, DESC);
    }

    /**
     * Function descriptor for:
     * {@snippet lang=c :
     * int rte_eth_stats_get(uint16_t port_id, struct rte_eth_stats *stats)
     * }
     */
    public static FunctionDescriptor rte_eth_stats_get$descriptor() {
        return rte_eth_stats_get.DESC;
    }

    /**
     * Downcall method handle for:
     * {@snippet lang=c :
     * int rte_eth_stats_get(uint16_t port_id, struct rte_eth_stats *stats)
     * }
     */
    public static MethodHandle rte_eth_stats_get$handle() {
        return rte_eth_stats_get.HANDLE;
    }

    /**
     * Address for:
     * {@snippet lang=c :
     * int rte_eth_stats_get(uint16_t port_id, struct rte_eth_stats *stats)
     * }
     */
    public static MemorySegment rte_eth_stats_get$address() {
        return rte_eth_stats_get.ADDR;
    }

    /**
     * {@snippet lang=c :
     * int rte_eth_stats_get(uint16_t port_id, struct rte_eth_stats *stats)
     * }
     */
    public static int rte_eth_stats_get(short port_id, MemorySegment stats) {
        var mh$ = rte_eth_stats_get.HANDLE;
        try {
            if (TRACE_DOWNCALLS) {
                traceDowncall("rte_eth_stats_get", port_id, stats);
            }
            return (int)mh$.invokeExact(port_id, stats);
        } catch (Throwable ex$) {
           throw new AssertionError("should not reach here", ex$);
        }
    }

    private static class rte_eth_stats_reset {
        public static final FunctionDescriptor DESC = FunctionDescriptor.of(
            jvs_shim_h.C_INT,
            jvs_shim_h.C_SHORT
        );

        public static final MemorySegment ADDR = jvs_shim_h.findOrThrow("rte_eth_stats_reset");

        public static final MethodHandle HANDLE = Linker.nativeLinker().downcallHandle(ADDR, DESC);
    }

    /**
     * Function descriptor for:
     * {@snippet lang=c :
     * int rte_eth_stats_reset(uint16_t port_id)
     * }
     */
    public static FunctionDescriptor rte_eth_stats_reset$descriptor() {
        return rte_eth_stats_reset.DESC;
    }

    /**
     * Downcall method handle for:
     * {@snippet lang=c :
     * int rte_eth_stats_reset(uint16_t port_id)
     * }
     */
    public static MethodHandle rte_eth_stats_reset$handle() {
        return rte_eth_stats_reset.HANDLE;
    }

    /**
     * Address for:
     * {@snippet lang=c :
     * int rte_eth_stats_reset(uint16_t port_id)
     * }
     */
    public static MemorySegment rte_eth_stats_reset$address() {
        return rte_eth_stats_reset.ADDR;
    }

    /**
     * {@snippet lang=c :
     * int rte_eth_stats_reset(uint16_t port_id)
     * }
     */
    public static int rte_eth_stats_reset(short port_id) {
        var mh$ = rte_eth_stats_reset.HANDLE;
        try {
            if (TRACE_DOWNCALLS) {
                traceDowncall("rte_eth_stats_reset", port_id);
            }
            return (int)mh$.invokeExact(port_id);
        } catch (Throwable ex$) {
           throw new AssertionError("should not reach here", ex$);
        }
    }

    private static class rte_eth_xstats_get_names {
        public static final FunctionDescriptor DESC = FunctionDescriptor.of(
            jvs_shim_h.C_INT,
            jvs_shim_h.C_SHORT,
            jvs_shim_h.C_POINTER,
            jvs_shim_h.C_INT
        );

        public static final MemorySegment ADDR = jvs_shim_h.findOrThrow("rte_eth_xstats_get_names");

        public static final MethodHandle HANDLE = Linker.nativeLinker().downcallHandle(ADDR, DESC);
    }

    /**
     * Function descriptor for:
     * {@snippet lang=c :
     * int rte_eth_xstats_get_names(uint16_t port_id, struct rte_eth_xstat_name *xstats_names, unsigned int size)
     * }
     */
    public static FunctionDescriptor rte_eth_xstats_get_names$descriptor() {
        return rte_eth_xstats_get_names.DESC;
    }

    /**
     * Downcall method handle for:
     * {@snippet lang=c :
     * int rte_eth_xstats_get_names(uint16_t port_id, struct rte_eth_xstat_name *xstats_names, unsigned int size)
     * }
     */
    public static MethodHandle rte_eth_xstats_get_names$handle() {
        return rte_eth_xstats_get_names.HANDLE;
    }

    /**
     * Address for:
     * {@snippet lang=c :
     * int rte_eth_xstats_get_names(uint16_t port_id, struct rte_eth_xstat_name *xstats_names, unsigned int size)
     * }
     */
    public static MemorySegment rte_eth_xstats_get_names$address() {
        return rte_eth_xstats_get_names.ADDR;
    }

    /**
     * {@snippet lang=c :
     * int rte_eth_xstats_get_names(uint16_t port_id, struct rte_eth_xstat_name *xstats_names, unsigned int size)
     * }
     */
    public static int rte_eth_xstats_get_names(short port_id, MemorySegment xstats_names, int size) {
        var mh$ = rte_eth_xstats_get_names.HANDLE;
        try {
            if (TRACE_DOWNCALLS) {
                traceDowncall("rte_eth_xstats_get_names", port_id, xstats_names, size);
            }
            return (int)mh$.invokeExact(port_id, xstats_names, size);
        } catch (Throwable ex$) {
           throw new AssertionError("should not reach here", ex$);
        }
    }

    private static class rte_eth_xstats_get {
        public static final FunctionDescriptor DESC = FunctionDescriptor.of(
            jvs_shim_h.C_INT,
            jvs_shim_h.C_SHORT,
            jvs_shim_h.C_POINTER,
            jvs_shim_h.C_INT
        );

        public static final MemorySegment ADDR = jvs_shim_h.findOrThrow("rte_eth_xstats_get");

        public static final MethodHandle HANDLE = Linker.nativeLinker().downcallHandle(ADDR, DESC);
    }

    /**
     * Function descriptor for:
     * {@snippet lang=c :
     * int rte_eth_xstats_get(uint16_t port_id, struct rte_eth_xstat *xstats, unsigned int n)
     * }
     */
    public static FunctionDescriptor rte_eth_xstats_get$descriptor() {
        return rte_eth_xstats_get.DESC;
    }

    /**
     * Downcall method handle for:
     * {@snippet lang=c :
     * int rte_eth_xstats_get(uint16_t port_id, struct rte_eth_xstat *xstats, unsigned int n)
     * }
     */
    public static MethodHandle rte_eth_xstats_get$handle() {
        return rte_eth_xstats_get.HANDLE;
    }

    /**
     * Address for:
     * {@snippet lang=c :
     * int rte_eth_xstats_get(uint16_t port_id, struct rte_eth_xstat *xstats, unsigned int n)
     * }
     */
    public static MemorySegment rte_eth_xstats_get$address() {
        return rte_eth_xstats_get.ADDR;
    }

    /**
     * {@snippet lang=c :
     * int rte_eth_xstats_get(uint16_t port_id, struct rte_eth_xstat *xstats, unsigned int n)
     * }
     */
    public static int rte_eth_xstats_get(short port_id, MemorySegment xstats, int n) {
        var mh$ = rte_eth_xstats_get.HANDLE;
        try {
            if (TRACE_DOWNCALLS) {
                traceDowncall("rte_eth_xstats_get", port_id, xstats, n);
            }
            return (int)mh$.invokeExact(port_id, xstats, n);
        } catch (Throwable ex$) {
           throw new AssertionError("should not reach here", ex$);
        }
    }

    private static class rte_eth_xstats_reset {
        public static final FunctionDescriptor DESC = FunctionDescriptor.of(
            jvs_shim_h.C_INT,
            jvs_shim_h.C_SHORT
        );

        public static final MemorySegment ADDR = jvs_shim_h.findOrThrow("rte_eth_xstats_reset");

        public static final MethodHandle HANDLE = Linker.nativeLinker().downcallHandle(ADDR, DESC);
    }

    /**
     * Function descriptor for:
     * {@snippet lang=c :
     * int rte_eth_xstats_reset(uint16_t port_id)
     * }
     */
    public static FunctionDescriptor rte_eth_xstats_reset$descriptor() {
        return rte_eth_xstats_reset.DESC;
    }

    /**
     * Downcall method handle for:
     * {@snippet lang=c :
     * int rte_eth_xstats_reset(uint16_t port_id)
     * }
     */
    public static MethodHandle rte_eth_xstats_reset$handle() {
        return rte_eth_xstats_reset.HANDLE;
    }

    /**
     * Address for:
     * {@snippet lang=c :
     * int rte_eth_xstats_reset(uint16_t port_id)
     * }
     */
    public static MemorySegment rte_eth_xstats_reset$address() {
        return rte_eth_xstats_reset.ADDR;
    }

    /**
     * {@snippet lang=c :
     * int rte_eth_xstats_reset(uint16_t port_id)
     * }
     */
    public static int rte_eth_xstats_reset(short port_id) {
        var mh$ = rte_eth_xstats_reset.HANDLE;
        try {
            if (TRACE_DOWNCALLS) {
                traceDowncall("rte_eth_xstats_reset", port_id);
            }
            return (int)mh$.invokeExact(port_id);
        } catch (Throwable ex$) {
           throw new AssertionError("should not reach here", ex$);
        }
    }

    private static class rte_eth_macaddr_get {
        public static final FunctionDescriptor DESC = FunctionDescriptor.of(
            jvs_shim_h.C_INT,
            jvs_shim_h.C_SHORT,
            jvs_shim_h.C_POINTER
        );

        public static final MemorySegment ADDR = jvs_shim_h.findOrThrow("rte_eth_macaddr_get");

        public static final MethodHandle HANDLE = Linker.nativeLinker().downcallHandle(ADDR, DESC);
    }

    /**
     * Function descriptor for:
     * {@snippet lang=c :
     * int rte_eth_macaddr_get(uint16_t port_id, struct rte_ether_addr *mac_addr)
     * }
     */
    public static FunctionDescriptor rte_eth_macaddr_get$descriptor() {
        return rte_eth_macaddr_get.DESC;
    }

    /**
     * Downcall method handle for:
     * {@snippet lang=c :
     * int rte_eth_macaddr_get(uint16_t port_id, struct rte_ether_addr *mac_addr)
     * }
     */
    public static MethodHandle rte_eth_macaddr_get$handle() {
        return rte_eth_macaddr_get.HANDLE;
    }

    /**
     * Address for:
     * {@snippet lang=c :
     * int rte_eth_macaddr_get(uint16_t port_id, struct rte_ether_addr *mac_addr)
     * }
     */
    public static MemorySegment rte_eth_macaddr_get$address() {
        return rte_eth_macaddr_get.ADDR;
    }

    /**
     * {@snippet lang=c :
     * int rte_eth_macaddr_get(uint16_t port_id, struct rte_ether_addr *mac_addr)
     * }
     */
    public static int rte_eth_macaddr_get(short port_id, MemorySegment mac_addr) {
        var mh$ = rte_eth_macaddr_get.HANDLE;
        try {
            if (TRACE_DOWNCALLS) {
                traceDowncall("rte_eth_macaddr_get", port_id, mac_addr);
            }
            return (int)mh$.invokeExact(port_id, mac_addr);
        } catch (Throwable ex$) {
           throw new AssertionError("should not reach here", ex$);
        }
    }

    private static class rte_eth_dev_get_mtu {
        public static final FunctionDescriptor DESC = FunctionDescriptor.of(
            jvs_shim_h.C_INT,
            jvs_shim_h.C_SHORT,
            jvs_shim_h.C_POINTER
        );

        public static final MemorySegment ADDR = jvs_shim_h.findOrThrow("rte_eth_dev_get_mtu");

        public static final MethodHandle HANDLE = Linker.nativeLinker().downcallHandle(ADDR, DESC);
    }

    /**
     * Function descriptor for:
     * {@snippet lang=c :
     * int rte_eth_dev_get_mtu(uint16_t port_id, uint16_t *mtu)
     * }
     */
    public static FunctionDescriptor rte_eth_dev_get_mtu$descriptor() {
        return rte_eth_dev_get_mtu.DESC;
    }

    /**
     * Downcall method handle for:
     * {@snippet lang=c :
     * int rte_eth_dev_get_mtu(uint16_t port_id, uint16_t *mtu)
     * }
     */
    public static MethodHandle rte_eth_dev_get_mtu$handle() {
        return rte_eth_dev_get_mtu.HANDLE;
    }

    /**
     * Address for:
     * {@snippet lang=c :
     * int rte_eth_dev_get_mtu(uint16_t port_id, uint16_t *mtu)
     * }
     */
    public static MemorySegment rte_eth_dev_get_mtu$address() {
        return rte_eth_dev_get_mtu.ADDR;
    }

    /**
     * {@snippet lang=c :
     * int rte_eth_dev_get_mtu(uint16_t port_id, uint16_t *mtu)
     * }
     */
    public static int rte_eth_dev_get_mtu(short port_id, MemorySegment mtu) {
        var mh$ = rte_eth_dev_get_mtu.HANDLE;
        try {
            if (TRACE_DOWNCALLS) {
                traceDowncall("rte_eth_dev_get_mtu", port_id, mtu);
            }
            return (int)mh$.invokeExact(port_id, mtu);
        } catch (Throwable ex$) {
           throw new AssertionError("should not reach here", ex$);
        }
    }

    private static class rte_eth_dev_set_mtu {
        public static final FunctionDescriptor DESC = FunctionDescriptor.of(
            jvs_shim_h.C_INT,
            jvs_shim_h.C_SHORT,
            jvs_shim_h.C_SHORT
        );

        public static final MemorySegment ADDR = jvs_shim_h.findOrThrow("rte_eth_dev_set_mtu");

        public static final MethodHandle HANDLE = Linker.nativeLinker().downcallHandle(ADDR, DESC);
    }

    /**
     * Function descriptor for:
     * {@snippet lang=c :
     * int rte_eth_dev_set_mtu(uint16_t port_id, uint16_t mtu)
     * }
     */
    public static FunctionDescriptor rte_eth_dev_set_mtu$descriptor() {
        return rte_eth_dev_set_mtu.DESC;
    }

    /**
     * Downcall method handle for:
     * {@snippet lang=c :
     * int rte_eth_dev_set_mtu(uint16_t port_id, uint16_t mtu)
     * }
     */
    public static MethodHandle rte_eth_dev_set_mtu$handle() {
        return rte_eth_dev_set_mtu.HANDLE;
    }

    /**
     * Address for:
     * {@snippet lang=c :
     * int rte_eth_dev_set_mtu(uint16_t port_id, uint16_t mtu)
     * }
     */
    public static MemorySegment rte_eth_dev_set_mtu$address() {
        return rte_eth_dev_set_mtu.ADDR;
    }

    /**
     * {@snippet lang=c :
     * int rte_eth_dev_set_mtu(uint16_t port_id, uint16_t mtu)
     * }
     */
    public static int rte_eth_dev_set_mtu(short port_id, short mtu) {
        var mh$ = rte_eth_dev_set_mtu.HANDLE;
        try {
            if (TRACE_DOWNCALLS) {
                traceDowncall("rte_eth_dev_set_mtu", port_id, mtu);
            }
            return (int)mh$.invokeExact(port_id, mtu);
        } catch (Throwable ex$) {
           throw new AssertionError("should not reach here", ex$);
        }
    }
    private static final int RTE_ETH_EVENT_INTR_LSC = (int)1L;
    /**
     * {@snippet lang=c :
     * enum rte_eth_event_type.RTE_ETH_EVENT_INTR_LSC = 1
     * }
     */
    public static int RTE_ETH_EVENT_INTR_LSC() {
        return RTE_ETH_EVENT_INTR_LSC;
    }
    private static final int RTE_ETH_EVENT_QUEUE_STATE = (int)2L;
    /**
     * {@snippet lang=c :
     * enum rte_eth_event_type.RTE_ETH_EVENT_QUEUE_STATE = 2
     * }
     */
    public static int RTE_ETH_EVENT_QUEUE_STATE() {
        return RTE_ETH_EVENT_QUEUE_STATE;
    }
    private static final int RTE_ETH_EVENT_INTR_RMV = (int)6L;
    /**
     * {@snippet lang=c :
     * enum rte_eth_event_type.RTE_ETH_EVENT_INTR_RMV = 6
     * }
     */
    public static int RTE_ETH_EVENT_INTR_RMV() {
        return RTE_ETH_EVENT_INTR_RMV;
    }
    private static final int RTE_ETH_EVENT_NEW = (int)7L;
    /**
     * {@snippet lang=c :
     * enum rte_eth_event_type.RTE_ETH_EVENT_NEW = 7
     * }
     */
    public static int RTE_ETH_EVENT_NEW() {
        return RTE_ETH_EVENT_NEW;
    }
    private static final int RTE_ETH_EVENT_DESTROY = (int)8L;
    /**
     * {@snippet lang=c :
     * enum rte_eth_event_type.RTE_ETH_EVENT_DESTROY = 8
     * }
     */
    public static int RTE_ETH_EVENT_DESTROY() {
        return RTE_ETH_EVENT_DESTROY;
    }

    private static class rte_eth_dev_callback_register {
        public static final FunctionDescriptor DESC = FunctionDescriptor.of(
            jvs_shim_h.C_INT,
            jvs_shim_h.C_SHORT,
            jvs_shim_h.C_INT,
            jvs_shim_h.C_POINTER,
            jvs_shim_h.C_POINTER
        );

        public static final MemorySegment ADDR = jvs_shim_h.findOrThrow("rte_eth_dev_callback_register");

        public static final MethodHandle HANDLE = Linker.nativeLinker().downcallHandle(ADDR, DESC);
    }

    /**
     * Function descriptor for:
     * {@snippet lang=c :
     * int rte_eth_dev_callback_register(uint16_t port_id, enum rte_eth_event_type event, rte_eth_dev_cb_fn cb_fn, void *cb_arg)
     * }
     */
    public static FunctionDescriptor rte_eth_dev_callback_register$descriptor() {
        return rte_eth_dev_callback_register.DESC;
    }

    /**
     * Downcall method handle for:
     * {@snippet lang=c :
     * int rte_eth_dev_callback_register(uint16_t port_id, enum rte_eth_event_type event, rte_eth_dev_cb_fn cb_fn, void *cb_arg)
     * }
     */
    public static MethodHandle rte_eth_dev_callback_register$handle() {
        return rte_eth_dev_callback_register.HANDLE;
    }

    /**
     * Address for:
     * {@snippet lang=c :
     * int rte_eth_dev_callback_register(uint16_t port_id, enum rte_eth_event_type event, rte_eth_dev_cb_fn cb_fn, void *cb_arg)
     * }
     */
    public static MemorySegment rte_eth_dev_callback_register$address() {
        return rte_eth_dev_callback_register.ADDR;
    }

    /**
     * {@snippet lang=c :
     * int rte_eth_dev_callback_register(uint16_t port_id, enum rte_eth_event_type event, rte_eth_dev_cb_fn cb_fn, void *cb_arg)
     * }
     */
    public static int rte_eth_dev_callback_register(short port_id, int event, MemorySegment cb_fn, MemorySegment cb_arg) {
        var mh$ = rte_eth_dev_callback_register.HANDLE;
        try {
            if (TRACE_DOWNCALLS) {
                traceDowncall("rte_eth_dev_callback_register", port_id, event, cb_fn, cb_arg);
            }
            return (int)mh$.invokeExact(port_id, event, cb_fn, cb_arg);
        } catch (Throwable ex$) {
           throw new AssertionError("should not reach here", ex$);
        }
    }

    private static class rte_eth_dev_callback_unregister {
        public static final FunctionDescriptor DESC = FunctionDescriptor.of(
            jvs_shim_h.C_INT,
            jvs_shim_h.C_SHORT,
            jvs_shim_h.C_INT,
            jvs_shim_h.C_POINTER,
            jvs_shim_h.C_POINTER
        );

        public static final MemorySegment ADDR = jvs_shim_h.findOrThrow("rte_eth_dev_callback_unregister");

        public static final MethodHandle HANDLE = Linker.nativeLinker().downcallHandle(ADDR, DESC);
    }

    /**
     * Function descriptor for:
     * {@snippet lang=c :
     * int rte_eth_dev_callback_unregister(uint16_t port_id, enum rte_eth_event_type event, rte_eth_dev_cb_fn cb_fn, void *cb_arg)
     * }
     */
    public static FunctionDescriptor rte_eth_dev_callback_unregister$descriptor() {
        return rte_eth_dev_callback_unregister.DESC;
    }

    /**
     * Downcall method handle for:
     * {@snippet lang=c :
     * int rte_eth_dev_callback_unregister(uint16_t port_id, enum rte_eth_event_type event, rte_eth_dev_cb_fn cb_fn, void *cb_arg)
     * }
     */
    public static MethodHandle rte_eth_dev_callback_unregister$handle() {
        return rte_eth_dev_callback_unregister.HANDLE;
    }

    /**
     * Address for:
     * {@snippet lang=c :
     * int rte_eth_dev_callback_unregister(uint16_t port_id, enum rte_eth_event_type event, rte_eth_dev_cb_fn cb_fn, void *cb_arg)
     * }
     */
    public static MemorySegment rte_eth_dev_callback_unregister$address() {
        return rte_eth_dev_callback_unregister.ADDR;
    }

    /**
     * {@snippet lang=c :
     * int rte_eth_dev_callback_unregister(uint16_t port_id, enum rte_eth_event_type event, rte_eth_dev_cb_fn cb_fn, void *cb_arg)
     * }
     */
    public static int rte_eth_dev_callback_unregister(short port_id, int event, MemorySegment cb_fn, MemorySegment cb_arg) {
        var mh$ = rte_eth_dev_callback_unregister.HANDLE;
        try {
            if (TRACE_DOWNCALLS) {
                traceDowncall("rte_eth_dev_callback_unregister", port_id, event, cb_fn, cb_arg);
            }
            return (int)mh$.invokeExact(port_id, event, cb_fn, cb_arg);
        } catch (Throwable ex$) {
           throw new AssertionError("should not reach here", ex$);
        }
    }

    private static class rte_eth_dev_default_mac_addr_set {
        public static final FunctionDescriptor DESC = FunctionDescriptor.of(
            jvs_shim_h.C_INT,
            jvs_shim_h.C_SHORT,
            jvs_shim_h.C_POINTER
        );

        public static final MemorySegment ADDR = jvs_shim_h.findOrThrow("rte_eth_dev_default_mac_addr_set");

        public static final MethodHandle HANDLE = Linker.nativeLinker().downcallHandle(ADDR, DESC);
    }

    /**
     * Function descriptor for:
     * {@snippet lang=c :
     * int rte_eth_dev_default_mac_addr_set(uint16_t port_id, struct rte_ether_addr *mac_addr)
     * }
     */
    public static FunctionDescriptor rte_eth_dev_default_mac_addr_set$descriptor() {
        return rte_eth_dev_default_mac_addr_set.DESC;
    }

    /**
     * Downcall method handle for:
     * {@snippet lang=c :
     * int rte_eth_dev_default_mac_addr_set(uint16_t port_id, struct rte_ether_addr *mac_addr)
     * }
     */
    public static MethodHandle rte_eth_dev_default_mac_addr_set$handle() {
        return rte_eth_dev_default_mac_addr_set.HANDLE;
    }

    /**
     * Address for:
     * {@snippet lang=c :
     * int rte_eth_dev_default_mac_addr_set(uint16_t port_id, struct rte_ether_addr *mac_addr)
     * }
     */
    public static MemorySegment rte_eth_dev_default_mac_addr_set$address() {
        return rte_eth_dev_default_mac_addr_set.ADDR;
    }

    /**
     * {@snippet lang=c :
     * int rte_eth_dev_default_mac_addr_set(uint16_t port_id, struct rte_ether_addr *mac_addr)
     * }
     */
    public static int rte_eth_dev_default_mac_addr_set(short port_id, MemorySegment mac_addr) {
        var mh$ = rte_eth_dev_default_mac_addr_set.HANDLE;
        try {
            if (TRACE_DOWNCALLS) {
                traceDowncall("rte_eth_dev_default_mac_addr_set", port_id, mac_addr);
            }
            return (int)mh$.invokeExact(port_id, mac_addr);
        } catch (Throwable ex$) {
           throw new AssertionError("should not reach here", ex$);
        }
    }

    private static class rte_eth_dev_get_port_by_name {
        public static final FunctionDescriptor DESC = FunctionDescriptor.of(
            jvs_shim_h.C_INT,
            jvs_shim_h.C_POINTER,
            jvs_shim_h.C_POINTER
        );

        public static final MemorySegment ADDR = jvs_shim_h.findOrThrow("rte_eth_dev_get_port_by_name");

        public static final MethodHandle HANDLE = Linker.nativeLinker().downcallHandle(ADDR, DESC);
    }

    /**
     * Function descriptor for:
     * {@snippet lang=c :
     * int rte_eth_dev_get_port_by_name(const char *name, uint16_t *port_id)
     * }
     */
    public static FunctionDescriptor rte_eth_dev_get_port_by_name$descriptor() {
        return rte_eth_dev_get_port_by_name.DESC;
    }

    /**
     * Downcall method handle for:
     * {@snippet lang=c :
     * int rte_eth_dev_get_port_by_name(const char *name, uint16_t *port_id)
     * }
     */
    public static MethodHandle rte_eth_dev_get_port_by_name$handle() {
        return rte_eth_dev_get_port_by_name.HANDLE;
    }

    /**
     * Address for:
     * {@snippet lang=c :
     * int rte_eth_dev_get_port_by_name(const char *name, uint16_t *port_id)
     * }
     */
    public static MemorySegment rte_eth_dev_get_port_by_name$address() {
        return rte_eth_dev_get_port_by_name.ADDR;
    }

    /**
     * {@snippet lang=c :
     * int rte_eth_dev_get_port_by_name(const char *name, uint16_t *port_id)
     * }
     */
    public static int rte_eth_dev_get_port_by_name(MemorySegment name, MemorySegment port_id) {
        var mh$ = rte_eth_dev_get_port_by_name.HANDLE;
        try {
            if (TRACE_DOWNCALLS) {
                traceDowncall("rte_eth_dev_get_port_by_name", name, port_id);
            }
            return (int)mh$.invokeExact(name, port_id);
        } catch (Throwable ex$) {
           throw new AssertionError("should not reach here", ex$);
        }
    }

    private static class rte_eth_dev_get_name_by_port {
        public static final FunctionDescriptor DESC = FunctionDescriptor.of(
            jvs_shim_h.C_INT,
            jvs_shim_h.C_SHORT,
            jvs_shim_h.C_POINTER
        );

        public static final MemorySegment ADDR = jvs_shim_h.findOrThrow("rte_eth_dev_get_name_by_port");

        public static final MethodHandle HANDLE = Linker.nativeLinker().downcallHandle(ADDR, DESC);
    }

    /**
     * Function descriptor for:
     * {@snippet lang=c :
     * int rte_eth_dev_get_name_by_port(uint16_t port_id, char *name)
     * }
     */
    public static FunctionDescriptor rte_eth_dev_get_name_by_port$descriptor() {
        return rte_eth_dev_get_name_by_port.DESC;
    }

    /**
     * Downcall method handle for:
     * {@snippet lang=c :
     * int rte_eth_dev_get_name_by_port(uint16_t port_id, char *name)
     * }
     */
    public static MethodHandle rte_eth_dev_get_name_by_port$handle() {
        return rte_eth_dev_get_name_by_port.HANDLE;
    }

    /**
     * Address for:
     * {@snippet lang=c :
     * int rte_eth_dev_get_name_by_port(uint16_t port_id, char *name)
     * }
     */
    public static MemorySegment rte_eth_dev_get_name_by_port$address() {
        return rte_eth_dev_get_name_by_port.ADDR;
    }

    /**
     * {@snippet lang=c :
     * int rte_eth_dev_get_name_by_port(uint16_t port_id, char *name)
     * }
     */
    public static int rte_eth_dev_get_name_by_port(short port_id, MemorySegment name) {
        var mh$ = rte_eth_dev_get_name_by_port.HANDLE;
        try {
            if (TRACE_DOWNCALLS) {
                traceDowncall("rte_eth_dev_get_name_by_port", port_id, name);
            }
            return (int)mh$.invokeExact(port_id, name);
        } catch (Throwable ex$) {
           throw new AssertionError("should not reach here", ex$);
        }
    }

    private static class rte_version {
        public static final FunctionDescriptor DESC = FunctionDescriptor.of(
            jvs_shim_h.C_POINTER    );

        public static final MemorySegment ADDR = jvs_shim_h.findOrThrow("rte_version");

        public static final MethodHandle HANDLE = Linker.nativeLinker().downcallHandle(ADDR, DESC);
    }

    /**
     * Function descriptor for:
     * {@snippet lang=c :
     * const char *rte_version()
     * }
     */
    public static FunctionDescriptor rte_version$descriptor() {
        return rte_version.DESC;
    }

    /**
     * Downcall method handle for:
     * {@snippet lang=c :
     * const char *rte_version()
     * }
     */
    public static MethodHandle rte_version$handle() {
        return rte_version.HANDLE;
    }

    /**
     * Address for:
     * {@snippet lang=c :
     * const char *rte_version()
     * }
     */
    public static MemorySegment rte_version$address() {
        return rte_version.ADDR;
    }

    /**
     * {@snippet lang=c :
     * const char *rte_version()
     * }
     */
    public static MemorySegment rte_version() {
        var mh$ = rte_version.HANDLE;
        try {
            if (TRACE_DOWNCALLS) {
                traceDowncall("rte_version");
            }
            return (MemorySegment)mh$.invokeExact();
        } catch (Throwable ex$) {
           throw new AssertionError("should not reach here", ex$);
        }
    }

    private static class jvs_eth_rx_burst {
        public static final FunctionDescriptor DESC = FunctionDescriptor.of(
            jvs_shim_h.C_SHORT,
            jvs_shim_h.C_SHORT,
            jvs_shim_h.C_SHORT,
            jvs_shim_h.C_POINTER,
            jvs_shim_h.C_SHORT
        );

        public static final MemorySegment ADDR = jvs_shim_h.findOrThrow("jvs_eth_rx_burst");

        public static final MethodHandle HANDLE = Linker.nativeLinker().downcallHandle(ADDR, DESC);
    }

    /**
     * Function descriptor for:
     * {@snippet lang=c :
     * uint16_t jvs_eth_rx_burst(uint16_t port_id, uint16_t queue_id, struct rte_mbuf **rx_pkts, uint16_t nb_pkts)
     * }
     */
    public static FunctionDescriptor jvs_eth_rx_burst$descriptor() {
        return jvs_eth_rx_burst.DESC;
    }

    /**
     * Downcall method handle for:
     * {@snippet lang=c :
     * uint16_t jvs_eth_rx_burst(uint16_t port_id, uint16_t queue_id, struct rte_mbuf **rx_pkts, uint16_t nb_pkts)
     * }
     */
    public static MethodHandle jvs_eth_rx_burst$handle() {
        return jvs_eth_rx_burst.HANDLE;
    }

    /**
     * Address for:
     * {@snippet lang=c :
     * uint16_t jvs_eth_rx_burst(uint16_t port_id, uint16_t queue_id, struct rte_mbuf **rx_pkts, uint16_t nb_pkts)
     * }
     */
    public static MemorySegment jvs_eth_rx_burst$address() {
        return jvs_eth_rx_burst.ADDR;
    }

    /**
     * {@snippet lang=c :
     * uint16_t jvs_eth_rx_burst(uint16_t port_id, uint16_t queue_id, struct rte_mbuf **rx_pkts, uint16_t nb_pkts)
     * }
     */
    public static short jvs_eth_rx_burst(short port_id, short queue_id, MemorySegment rx_pkts, short nb_pkts) {
        var mh$ = jvs_eth_rx_burst.HANDLE;
        try {
            if (TRACE_DOWNCALLS) {
                traceDowncall("jvs_eth_rx_burst", port_id, queue_id, rx_pkts, nb_pkts);
            }
            return (short)mh$.invokeExact(port_id, queue_id, rx_pkts, nb_pkts);
        } catch (Throwable ex$) {
           throw new AssertionError("should not reach here", ex$);
        }
    }

    private static class jvs_eth_tx_burst {
        public static final FunctionDescriptor DESC = FunctionDescriptor.of(
            jvs_shim_h.C_SHORT,
            jvs_shim_h.C_SHORT,
            jvs_shim_h.C_SHORT,
            jvs_shim_h.C_POINTER,
            jvs_shim_h.C_SHORT
        );

        public static final MemorySegment ADDR = jvs_shim_h.findOrThrow("jvs_eth_tx_burst");

        public static final MethodHandle HANDLE = Linker.nativeLinker().downcallHandle(ADDR, DESC);
    }

    /**
     * Function descriptor for:
     * {@snippet lang=c :
     * uint16_t jvs_eth_tx_burst(uint16_t port_id, uint16_t queue_id, struct rte_mbuf **tx_pkts, uint16_t nb_pkts)
     * }
     */
    public static FunctionDescriptor jvs_eth_tx_burst$descriptor() {
        return jvs_eth_tx_burst.DESC;
    }

    /**
     * Downcall method handle for:
     * {@snippet lang=c :
     * uint16_t jvs_eth_tx_burst(uint16_t port_id, uint16_t queue_id, struct rte_mbuf **tx_pkts, uint16_t nb_pkts)
     * }
     */
    public static MethodHandle jvs_eth_tx_burst$handle() {
        return jvs_eth_tx_burst.HANDLE;
    }

    /**
     * Address for:
     * {@snippet lang=c :
     * uint16_t jvs_eth_tx_burst(uint16_t port_id, uint16_t queue_id, struct rte_mbuf **tx_pkts, uint16_t nb_pkts)
     * }
     */
    public static MemorySegment jvs_eth_tx_burst$address() {
        return jvs_eth_tx_burst.ADDR;
    }

    /**
     * {@snippet lang=c :
     * uint16_t jvs_eth_tx_burst(uint16_t port_id, uint16_t queue_id, struct rte_mbuf **tx_pkts, uint16_t nb_pkts)
     * }
     */
    public static short jvs_eth_tx_burst(short port_id, short queue_id, MemorySegment tx_pkts, short nb_pkts) {
        var mh$ = jvs_eth_tx_burst.HANDLE;
        try {
            if (TRACE_DOWNCALLS) {
                traceDowncall("jvs_eth_tx_burst", port_id, queue_id, tx_pkts, nb_pkts);
            }
            return (short)mh$.invokeExact(port_id, queue_id, tx_pkts, nb_pkts);
        } catch (Throwable ex$) {
           throw new AssertionError("should not reach here", ex$);
        }
    }

    private static class jvs_pktmbuf_alloc_bulk {
        public static final FunctionDescriptor DESC = FunctionDescriptor.of(
            jvs_shim_h.C_INT,
            jvs_shim_h.C_POINTER,
            jvs_shim_h.C_POINTER,
            jvs_shim_h.C_INT
        );

        public static final MemorySegment ADDR = jvs_shim_h.findOrThrow("jvs_pktmbuf_alloc_bulk");

        public static final MethodHandle HANDLE = Linker.nativeLinker().downcallHandle(ADDR, DESC);
    }

    /**
     * Function descriptor for:
     * {@snippet lang=c :
     * int jvs_pktmbuf_alloc_bulk(struct rte_mempool *pool, struct rte_mbuf **mbufs, unsigned int count)
     * }
     */
    public static FunctionDescriptor jvs_pktmbuf_alloc_bulk$descriptor() {
        return jvs_pktmbuf_alloc_bulk.DESC;
    }

    /**
     * Downcall method handle for:
     * {@snippet lang=c :
     * int jvs_pktmbuf_alloc_bulk(struct rte_mempool *pool, struct rte_mbuf **mbufs, unsigned int count)
     * }
     */
    public static MethodHandle jvs_pktmbuf_alloc_bulk$handle() {
        return jvs_pktmbuf_alloc_bulk.HANDLE;
    }

    /**
     * Address for:
     * {@snippet lang=c :
     * int jvs_pktmbuf_alloc_bulk(struct rte_mempool *pool, struct rte_mbuf **mbufs, unsigned int count)
     * }
     */
    public static MemorySegment jvs_pktmbuf_alloc_bulk$address() {
        return jvs_pktmbuf_alloc_bulk.ADDR;
    }

    /**
     * {@snippet lang=c :
     * int jvs_pktmbuf_alloc_bulk(struct rte_mempool *pool, struct rte_mbuf **mbufs, unsigned int count)
     * }
     */
    public static int jvs_pktmbuf_alloc_bulk(MemorySegment pool, MemorySegment mbufs, int count) {
        var mh$ = jvs_pktmbuf_alloc_bulk.HANDLE;
        try {
            if (TRACE_DOWNCALLS) {
                traceDowncall("jvs_pktmbuf_alloc_bulk", pool, mbufs, count);
            }
            return (int)mh$.invokeExact(pool, mbufs, count);
        } catch (Throwable ex$) {
           throw new AssertionError("should not reach here", ex$);
        }
    }

    private static class jvs_pktmbuf_alloc {
        public static final FunctionDescriptor DESC = FunctionDescriptor.of(
            jvs_shim_h.C_POINTER,
            jvs_shim_h.C_POINTER
        );

        public static final MemorySegment ADDR = jvs_shim_h.findOrThrow("jvs_pktmbuf_alloc");

        public static final MethodHandle HANDLE = Linker.nativeLinker().downcallHandle(ADDR, DESC);
    }

    /**
     * Function descriptor for:
     * {@snippet lang=c :
     * struct rte_mbuf *jvs_pktmbuf_alloc(struct rte_mempool *pool)
     * }
     */
    public static FunctionDescriptor jvs_pktmbuf_alloc$descriptor() {
        return jvs_pktmbuf_alloc.DESC;
    }

    /**
     * Downcall method handle for:
     * {@snippet lang=c :
     * struct rte_mbuf *jvs_pktmbuf_alloc(struct rte_mempool *pool)
     * }
     */
    public static MethodHandle jvs_pktmbuf_alloc$handle() {
        return jvs_pktmbuf_alloc.HANDLE;
    }

    /**
     * Address for:
     * {@snippet lang=c :
     * struct rte_mbuf *jvs_pktmbuf_alloc(struct rte_mempool *pool)
     * }
     */
    public static MemorySegment jvs_pktmbuf_alloc$address() {
        return jvs_pktmbuf_alloc.ADDR;
    }

    /**
     * {@snippet lang=c :
     * struct rte_mbuf *jvs_pktmbuf_alloc(struct rte_mempool *pool)
     * }
     */
    public static MemorySegment jvs_pktmbuf_alloc(MemorySegment pool) {
        var mh$ = jvs_pktmbuf_alloc.HANDLE;
        try {
            if (TRACE_DOWNCALLS) {
                traceDowncall("jvs_pktmbuf_alloc", pool);
            }
            return (MemorySegment)mh$.invokeExact(pool);
        } catch (Throwable ex$) {
           throw new AssertionError("should not reach here", ex$);
        }
    }

    private static class jvs_pktmbuf_free {
        public static final FunctionDescriptor DESC = FunctionDescriptor.ofVoid(
            jvs_shim_h.C_POINTER
        );

        public static final MemorySegment ADDR = jvs_shim_h.findOrThrow("jvs_pktmbuf_free");

        public static final MethodHandle HANDLE = Linker.nativeLinker().downcallHandle(ADDR, DESC);
    }

    /**
     * Function descriptor for:
     * {@snippet lang=c :
     * void jvs_pktmbuf_free(struct rte_mbuf *m)
     * }
     */
    public static FunctionDescriptor jvs_pktmbuf_free$descriptor() {
        return jvs_pktmbuf_free.DESC;
    }

    /**
     * Downcall method handle for:
     * {@snippet lang=c :
     * void jvs_pktmbuf_free(struct rte_mbuf *m)
     * }
     */
    public static MethodHandle jvs_pktmbuf_free$handle() {
        return jvs_pktmbuf_free.HANDLE;
    }

    /**
     * Address for:
     * {@snippet lang=c :
     * void jvs_pktmbuf_free(struct rte_mbuf *m)
     * }
     */
    public static MemorySegment jvs_pktmbuf_free$address() {
        return jvs_pktmbuf_free.ADDR;
    }

    /**
     * {@snippet lang=c :
     * void jvs_pktmbuf_free(struct rte_mbuf *m)
     * }
     */
    public static void jvs_pktmbuf_free(MemorySegment m) {
        var mh$ = jvs_pktmbuf_free.HANDLE;
        try {
            if (TRACE_DOWNCALLS) {
                traceDowncall("jvs_pktmbuf_free", m);
            }
            mh$.invokeExact(m);
        } catch (Throwable ex$) {
           throw new AssertionError("should not reach here", ex$);
        }
    }

    private static class jvs_pktmbuf_free_bulk {
        public static final FunctionDescriptor DESC = FunctionDescriptor.ofVoid(
            jvs_shim_h.C_POINTER,
            jvs_shim_h.C_INT
        );

        public static final MemorySegment ADDR = jvs_shim_h.findOrThrow("jvs_pktmbuf_free_bulk");

        public static final MethodHandle HANDLE = Linker.nativeLinker().downcallHandle(ADDR, DESC);
    }

    /**
     * Function descriptor for:
     * {@snippet lang=c :
     * void jvs_pktmbuf_free_bulk(struct rte_mbuf **mbufs, unsigned int count)
     * }
     */
    public static FunctionDescriptor jvs_pktmbuf_free_bulk$descriptor() {
        return jvs_pktmbuf_free_bulk.DESC;
    }

    /**
     * Downcall method handle for:
     * {@snippet lang=c :
     * void jvs_pktmbuf_free_bulk(struct rte_mbuf **mbufs, unsigned int count)
     * }
     */
    public static MethodHandle jvs_pktmbuf_free_bulk$handle() {
        return jvs_pktmbuf_free_bulk.HANDLE;
    }

    /**
     * Address for:
     * {@snippet lang=c :
     * void jvs_pktmbuf_free_bulk(struct rte_mbuf **mbufs, unsigned int count)
     * }
     */
    public static MemorySegment jvs_pktmbuf_free_bulk$address() {
        return jvs_pktmbuf_free_bulk.ADDR;
    }

    /**
     * {@snippet lang=c :
     * void jvs_pktmbuf_free_bulk(struct rte_mbuf **mbufs, unsigned int count)
     * }
     */
    public static void jvs_pktmbuf_free_bulk(MemorySegment mbufs, int count) {
        var mh$ = jvs_pktmbuf_free_bulk.HANDLE;
        try {
            if (TRACE_DOWNCALLS) {
                traceDowncall("jvs_pktmbuf_free_bulk", mbufs, count);
            }
            mh$.invokeExact(mbufs, count);
        } catch (Throwable ex$) {
           throw new AssertionError("should not reach here", ex$);
        }
    }

    private static class jvs_pktmbuf_mtod {
        public static final FunctionDescriptor DESC = FunctionDescriptor.of(
            jvs_shim_h.C_POINTER,
            jvs_shim_h.C_POINTER
        );

        public static final MemorySegment ADDR = jvs_shim_h.findOrThrow("jvs_pktmbuf_mtod");

        public static final MethodHandle HANDLE = Linker.nativeLinker().downcallHandle(ADDR, DESC);
    }

    /**
     * Function descriptor for:
     * {@snippet lang=c :
     * void *jvs_pktmbuf_mtod(struct rte_mbuf *m)
     * }
     */
    public static FunctionDescriptor jvs_pktmbuf_mtod$descriptor() {
        return jvs_pktmbuf_mtod.DESC;
    }

    /**
     * Downcall method handle for:
     * {@snippet lang=c :
     * void *jvs_pktmbuf_mtod(struct rte_mbuf *m)
     * }
     */
    public static MethodHandle jvs_pktmbuf_mtod$handle() {
        return jvs_pktmbuf_mtod.HANDLE;
    }

    /**
     * Address for:
     * {@snippet lang=c :
     * void *jvs_pktmbuf_mtod(struct rte_mbuf *m)
     * }
     */
    public static MemorySegment jvs_pktmbuf_mtod$address() {
        return jvs_pktmbuf_mtod.ADDR;
    }

    /**
     * {@snippet lang=c :
     * void *jvs_pktmbuf_mtod(struct rte_mbuf *m)
     * }
     */
    public static MemorySegment jvs_pktmbuf_mtod(MemorySegment m) {
        var mh$ = jvs_pktmbuf_mtod.HANDLE;
        try {
            if (TRACE_DOWNCALLS) {
                traceDowncall("jvs_pktmbuf_mtod", m);
            }
            return (MemorySegment)mh$.invokeExact(m);
        } catch (Throwable ex$) {
           throw new AssertionError("should not reach here", ex$);
        }
    }

    private static class jvs_pktmbuf_pkt_len {
        public static final FunctionDescriptor DESC = FunctionDescriptor.of(
            jvs_shim_h.C_INT,
            jvs_shim_h.C_POINTER
        );

        public static final MemorySegment ADDR = jvs_shim_h.findOrThrow("jvs_pktmbuf_pkt_len");

        public static final MethodHandle HANDLE = Linker.nativeLinker().downcallHandle(ADDR, DESC);
    }

    /**
     * Function descriptor for:
     * {@snippet lang=c :
     * uint32_t jvs_pktmbuf_pkt_len(const struct rte_mbuf *m)
     * }
     */
    public static FunctionDescriptor jvs_pktmbuf_pkt_len$descriptor() {
        return jvs_pktmbuf_pkt_len.DESC;
    }

    /**
     * Downcall method handle for:
     * {@snippet lang=c :
     * uint32_t jvs_pktmbuf_pkt_len(const struct rte_mbuf *m)
     * }
     */
    public static MethodHandle jvs_pktmbuf_pkt_len$handle() {
        return jvs_pktmbuf_pkt_len.HANDLE;
    }

    /**
     * Address for:
     * {@snippet lang=c :
     * uint32_t jvs_pktmbuf_pkt_len(const struct rte_mbuf *m)
     * }
     */
    public static MemorySegment jvs_pktmbuf_pkt_len$address() {
        return jvs_pktmbuf_pkt_len.ADDR;
    }

    /**
     * {@snippet lang=c :
     * uint32_t jvs_pktmbuf_pkt_len(const struct rte_mbuf *m)
     * }
     */
    public static int jvs_pktmbuf_pkt_len(MemorySegment m) {
        var mh$ = jvs_pktmbuf_pkt_len.HANDLE;
        try {
            if (TRACE_DOWNCALLS) {
                traceDowncall("jvs_pktmbuf_pkt_len", m);
            }
            return (int)mh$.invokeExact(m);
        } catch (Throwable ex$) {
           throw new AssertionError("should not reach here", ex$);
        }
    }

    private static class jvs_pktmbuf_data_len {
        public static final FunctionDescriptor DESC = FunctionDescriptor.of(
            jvs_shim_h.C_SHORT,
            jvs_shim_h.C_POINTER
        );

        public static final MemorySegment ADDR = jvs_shim_h.findOrThrow("jvs_pktmbuf_data_len");

        public static final MethodHandle HANDLE = Linker.nativeLinker().downcallHandle(ADDR, DESC);
    }

    /**
     * Function descriptor for:
     * {@snippet lang=c :
     * uint16_t jvs_pktmbuf_data_len(const struct rte_mbuf *m)
     * }
     */
    public static FunctionDescriptor jvs_pktmbuf_data_len$descriptor() {
        return jvs_pktmbuf_data_len.DESC;
    }

    /**
     * Downcall method handle for:
     * {@snippet lang=c :
     * uint16_t jvs_pktmbuf_data_len(const struct rte_mbuf *m)
     * }
     */
    public static MethodHandle jvs_pktmbuf_data_len$handle() {
        return jvs_pktmbuf_data_len.HANDLE;
    }

    /**
     * Address for:
     * {@snippet lang=c :
     * uint16_t jvs_pktmbuf_data_len(const struct rte_mbuf *m)
     * }
     */
    public static MemorySegment jvs_pktmbuf_data_len$address() {
        return jvs_pktmbuf_data_len.ADDR;
    }

    /**
     * {@snippet lang=c :
     * uint16_t jvs_pktmbuf_data_len(const struct rte_mbuf *m)
     * }
     */
    public static short jvs_pktmbuf_data_len(MemorySegment m) {
        var mh$ = jvs_pktmbuf_data_len.HANDLE;
        try {
            if (TRACE_DOWNCALLS) {
                traceDowncall("jvs_pktmbuf_data_len", m);
            }
            return (short)mh$.invokeExact(m);
        } catch (Throwable ex$) {
           throw new AssertionError("should not reach here", ex$);
        }
    }

    private static class jvs_pktmbuf_append {
        public static final FunctionDescriptor DESC = FunctionDescriptor.of(
            jvs_shim_h.C_POINTER,
            jvs_shim_h.C_POINTER,
            jvs_shim_h.C_SHORT
        );

        public static final MemorySegment ADDR = jvs_shim_h.findOrThrow("jvs_pktmbuf_append");

        public static final MethodHandle HANDLE = Linker.nativeLinker().downcallHandle(ADDR, DESC);
    }

    /**
     * Function descriptor for:
     * {@snippet lang=c :
     * char *jvs_pktmbuf_append(struct rte_mbuf *m, uint16_t len)
     * }
     */
    public static FunctionDescriptor jvs_pktmbuf_append$descriptor() {
        return jvs_pktmbuf_append.DESC;
    }

    /**
     * Downcall method handle for:
     * {@snippet lang=c :
     * char *jvs_pktmbuf_append(struct rte_mbuf *m, uint16_t len)
     * }
     */
    public static MethodHandle jvs_pktmbuf_append$handle() {
        return jvs_pktmbuf_append.HANDLE;
    }

    /**
     * Address for:
     * {@snippet lang=c :
     * char *jvs_pktmbuf_append(struct rte_mbuf *m, uint16_t len)
     * }
     */
    public static MemorySegment jvs_pktmbuf_append$address() {
        return jvs_pktmbuf_append.ADDR;
    }

    /**
     * {@snippet lang=c :
     * char *jvs_pktmbuf_append(struct rte_mbuf *m, uint16_t len)
     * }
     */
    public static MemorySegment jvs_pktmbuf_append(MemorySegment m, short len) {
        var mh$ = jvs_pktmbuf_append.HANDLE;
        try {
            if (TRACE_DOWNCALLS) {
                traceDowncall("jvs_pktmbuf_append", m, len);
            }
            return (MemorySegment)mh$.invokeExact(m, len);
        } catch (Throwable ex$) {
           throw new AssertionError("should not reach here", ex$);
        }
    }

    private static class jvs_pktmbuf_prepend {
        public static final FunctionDescriptor DESC = FunctionDescriptor.of(
            jvs_shim_h.C_POINTER,
            jvs_shim_h.C_POINTER,
            jvs_shim_h.C_SHORT
        );

        public static final MemorySegment ADDR = jvs_shim_h.findOrThrow("jvs_pktmbuf_prepend");

        public static final MethodHandle HANDLE = Linker.nativeLinker().downcallHandle(ADDR, DESC);
    }

    /**
     * Function descriptor for:
     * {@snippet lang=c :
     * char *jvs_pktmbuf_prepend(struct rte_mbuf *m, uint16_t len)
     * }
     */
    public static FunctionDescriptor jvs_pktmbuf_prepend$descriptor() {
        return jvs_pktmbuf_prepend.DESC;
    }

    /**
     * Downcall method handle for:
     * {@snippet lang=c :
     * char *jvs_pktmbuf_prepend(struct rte_mbuf *m, uint16_t len)
     * }
     */
    public static MethodHandle jvs_pktmbuf_prepend$handle() {
        return jvs_pktmbuf_prepend.HANDLE;
    }

    /**
     * Address for:
     * {@snippet lang=c :
     * char *jvs_pktmbuf_prepend(struct rte_mbuf *m, uint16_t len)
     * }
     */
    public static MemorySegment jvs_pktmbuf_prepend$address() {
        return jvs_pktmbuf_prepend.ADDR;
    }

    /**
     * {@snippet lang=c :
     * char *jvs_pktmbuf_prepend(struct rte_mbuf *m, uint16_t len)
     * }
     */
    public static MemorySegment jvs_pktmbuf_prepend(MemorySegment m, short len) {
        var mh$ = jvs_pktmbuf_prepend.HANDLE;
        try {
            if (TRACE_DOWNCALLS) {
                traceDowncall("jvs_pktmbuf_prepend", m, len);
            }
            return (MemorySegment)mh$.invokeExact(m, len);
        } catch (Throwable ex$) {
           throw new AssertionError("should not reach here", ex$);
        }
    }

    private static class jvs_pktmbuf_adj {
        public static final FunctionDescriptor DESC = FunctionDescriptor.of(
            jvs_shim_h.C_POINTER,
            jvs_shim_h.C_POINTER,
            jvs_shim_h.C_SHORT
        );

        public static final MemorySegment ADDR = jvs_shim_h.findOrThrow("jvs_pktmbuf_adj");

        public static final MethodHandle HANDLE = Linker.nativeLinker().downcallHandle(ADDR, DESC);
    }

    /**
     * Function descriptor for:
     * {@snippet lang=c :
     * char *jvs_pktmbuf_adj(struct rte_mbuf *m, uint16_t len)
     * }
     */
    public static FunctionDescriptor jvs_pktmbuf_adj$descriptor() {
        return jvs_pktmbuf_adj.DESC;
    }

    /**
     * Downcall method handle for:
     * {@snippet lang=c :
     * char *jvs_pktmbuf_adj(struct rte_mbuf *m, uint16_t len)
     * }
     */
    public static MethodHandle jvs_pktmbuf_adj$handle() {
        return jvs_pktmbuf_adj.HANDLE;
    }

    /**
     * Address for:
     * {@snippet lang=c :
     * char *jvs_pktmbuf_adj(struct rte_mbuf *m, uint16_t len)
     * }
     */
    public static MemorySegment jvs_pktmbuf_adj$address() {
        return jvs_pktmbuf_adj.ADDR;
    }

    /**
     * {@snippet lang=c :
     * char *jvs_pktmbuf_adj(struct rte_mbuf *m, uint16_t len)
     * }
     */
    public static MemorySegment jvs_pktmbuf_adj(MemorySegment m, short len) {
        var mh$ = jvs_pktmbuf_adj.HANDLE;
        try {
            if (TRACE_DOWNCALLS) {
                traceDowncall("jvs_pktmbuf_adj", m, len);
            }
            return (MemorySegment)mh$.invokeExact(m, len);
        } catch (Throwable ex$) {
           throw new AssertionError("should not reach here", ex$);
        }
    }

    private static class jvs_pktmbuf_trim {
        public static final FunctionDescriptor DESC = FunctionDescriptor.of(
            jvs_shim_h.C_INT,
            jvs_shim_h.C_POINTER,
            jvs_shim_h.C_SHORT
        );

        public static final MemorySegment ADDR = jvs_shim_h.findOrThrow("jvs_pktmbuf_trim");

        public static final MethodHandle HANDLE = Linker.nativeLinker().downcallHandle(ADDR, DESC);
    }

    /**
     * Function descriptor for:
     * {@snippet lang=c :
     * int jvs_pktmbuf_trim(struct rte_mbuf *m, uint16_t len)
     * }
     */
    public static FunctionDescriptor jvs_pktmbuf_trim$descriptor() {
        return jvs_pktmbuf_trim.DESC;
    }

    /**
     * Downcall method handle for:
     * {@snippet lang=c :
     * int jvs_pktmbuf_trim(struct rte_mbuf *m, uint16_t len)
     * }
     */
    public static MethodHandle jvs_pktmbuf_trim$handle() {
        return jvs_pktmbuf_trim.HANDLE;
    }

    /**
     * Address for:
     * {@snippet lang=c :
     * int jvs_pktmbuf_trim(struct rte_mbuf *m, uint16_t len)
     * }
     */
    public static MemorySegment jvs_pktmbuf_trim$address() {
        return jvs_pktmbuf_trim.ADDR;
    }

    /**
     * {@snippet lang=c :
     * int jvs_pktmbuf_trim(struct rte_mbuf *m, uint16_t len)
     * }
     */
    public static int jvs_pktmbuf_trim(MemorySegment m, short len) {
        var mh$ = jvs_pktmbuf_trim.HANDLE;
        try {
            if (TRACE_DOWNCALLS) {
                traceDowncall("jvs_pktmbuf_trim", m, len);
            }
            return (int)mh$.invokeExact(m, len);
        } catch (Throwable ex$) {
           throw new AssertionError("should not reach here", ex$);
        }
    }

    private static class jvs_mbuf_refcnt_read {
        public static final FunctionDescriptor DESC = FunctionDescriptor.of(
            jvs_shim_h.C_SHORT,
            jvs_shim_h.C_POINTER
        );

        public static final MemorySegment ADDR = jvs_shim_h.findOrThrow("jvs_mbuf_refcnt_read");

        public static final MethodHandle HANDLE = Linker.nativeLinker().downcallHandle(ADDR, DESC);
    }

    /**
     * Function descriptor for:
     * {@snippet lang=c :
     * uint16_t jvs_mbuf_refcnt_read(const struct rte_mbuf *m)
     * }
     */
    public static FunctionDescriptor jvs_mbuf_refcnt_read$descriptor() {
        return jvs_mbuf_refcnt_read.DESC;
    }

    /**
     * Downcall method handle for:
     * {@snippet lang=c :
     * uint16_t jvs_mbuf_refcnt_read(const struct rte_mbuf *m)
     * }
     */
    public static MethodHandle jvs_mbuf_refcnt_read$handle() {
        return jvs_mbuf_refcnt_read.HANDLE;
    }

    /**
     * Address for:
     * {@snippet lang=c :
     * uint16_t jvs_mbuf_refcnt_read(const struct rte_mbuf *m)
     * }
     */
    public static MemorySegment jvs_mbuf_refcnt_read$address() {
        return jvs_mbuf_refcnt_read.ADDR;
    }

    /**
     * {@snippet lang=c :
     * uint16_t jvs_mbuf_refcnt_read(const struct rte_mbuf *m)
     * }
     */
    public static short jvs_mbuf_refcnt_read(MemorySegment m) {
        var mh$ = jvs_mbuf_refcnt_read.HANDLE;
        try {
            if (TRACE_DOWNCALLS) {
                traceDowncall("jvs_mbuf_refcnt_read", m);
            }
            return (short)mh$.invokeExact(m);
        } catch (Throwable ex$) {
           throw new AssertionError("should not reach here", ex$);
        }
    }

    private static class jvs_mbuf_refcnt_update {
        public static final FunctionDescriptor DESC = FunctionDescriptor.of(
            jvs_shim_h.C_SHORT,
            jvs_shim_h.C_POINTER,
            jvs_shim_h.C_SHORT
        );

        public static final MemorySegment ADDR = jvs_shim_h.findOrThrow("jvs_mbuf_refcnt_update");

        public static final MethodHandle HANDLE = Linker.nativeLinker().downcallHandle(ADDR, DESC);
    }

    /**
     * Function descriptor for:
     * {@snippet lang=c :
     * uint16_t jvs_mbuf_refcnt_update(struct rte_mbuf *m, int16_t value)
     * }
     */
    public static FunctionDescriptor jvs_mbuf_refcnt_update$descriptor() {
        return jvs_mbuf_refcnt_update.DESC;
    }

    /**
     * Downcall method handle for:
     * {@snippet lang=c :
     * uint16_t jvs_mbuf_refcnt_update(struct rte_mbuf *m, int16_t value)
     * }
     */
    public static MethodHandle jvs_mbuf_refcnt_update$handle() {
        return jvs_mbuf_refcnt_update.HANDLE;
    }

    /**
     * Address for:
     * {@snippet lang=c :
     * uint16_t jvs_mbuf_refcnt_update(struct rte_mbuf *m, int16_t value)
     * }
     */
    public static MemorySegment jvs_mbuf_refcnt_update$address() {
        return jvs_mbuf_refcnt_update.ADDR;
    }

    /**
     * {@snippet lang=c :
     * uint16_t jvs_mbuf_refcnt_update(struct rte_mbuf *m, int16_t value)
     * }
     */
    public static short jvs_mbuf_refcnt_update(MemorySegment m, short value) {
        var mh$ = jvs_mbuf_refcnt_update.HANDLE;
        try {
            if (TRACE_DOWNCALLS) {
                traceDowncall("jvs_mbuf_refcnt_update", m, value);
            }
            return (short)mh$.invokeExact(m, value);
        } catch (Throwable ex$) {
           throw new AssertionError("should not reach here", ex$);
        }
    }

    private static class jvs_mempool_avail_count {
        public static final FunctionDescriptor DESC = FunctionDescriptor.of(
            jvs_shim_h.C_INT,
            jvs_shim_h.C_POINTER
        );

        public static final MemorySegment ADDR = jvs_shim_h.findOrThrow("jvs_mempool_avail_count");

        public static final MethodHandle HANDLE = Linker.nativeLinker().downcallHandle(ADDR, DESC);
    }

    /**
     * Function descriptor for:
     * {@snippet lang=c :
     * unsigned int jvs_mempool_avail_count(const struct rte_mempool *mp)
     * }
     */
    public static FunctionDescriptor jvs_mempool_avail_count$descriptor() {
        return jvs_mempool_avail_count.DESC;
    }

    /**
     * Downcall method handle for:
     * {@snippet lang=c :
     * unsigned int jvs_mempool_avail_count(const struct rte_mempool *mp)
     * }
     */
    public static MethodHandle jvs_mempool_avail_count$handle() {
        return jvs_mempool_avail_count.HANDLE;
    }

    /**
     * Address for:
     * {@snippet lang=c :
     * unsigned int jvs_mempool_avail_count(const struct rte_mempool *mp)
     * }
     */
    public static MemorySegment jvs_mempool_avail_count$address() {
        return jvs_mempool_avail_count.ADDR;
    }

    /**
     * {@snippet lang=c :
     * unsigned int jvs_mempool_avail_count(const struct rte_mempool *mp)
     * }
     */
    public static int jvs_mempool_avail_count(MemorySegment mp) {
        var mh$ = jvs_mempool_avail_count.HANDLE;
        try {
            if (TRACE_DOWNCALLS) {
                traceDowncall("jvs_mempool_avail_count", mp);
            }
            return (int)mh$.invokeExact(mp);
        } catch (Throwable ex$) {
           throw new AssertionError("should not reach here", ex$);
        }
    }

    private static class jvs_mempool_in_use_count {
        public static final FunctionDescriptor DESC = FunctionDescriptor.of(
            jvs_shim_h.C_INT,
            jvs_shim_h.C_POINTER
        );

        public static final MemorySegment ADDR = jvs_shim_h.findOrThrow("jvs_mempool_in_use_count");

        public static final MethodHandle HANDLE = Linker.nativeLinker().downcallHandle(ADDR, DESC);
    }

    /**
     * Function descriptor for:
     * {@snippet lang=c :
     * unsigned int jvs_mempool_in_use_count(const struct rte_mempool *mp)
     * }
     */
    public static FunctionDescriptor jvs_mempool_in_use_count$descriptor() {
        return jvs_mempool_in_use_count.DESC;
    }

    /**
     * Downcall method handle for:
     * {@snippet lang=c :
     * unsigned int jvs_mempool_in_use_count(const struct rte_mempool *mp)
     * }
     */
    public static MethodHandle jvs_mempool_in_use_count$handle() {
        return jvs_mempool_in_use_count.HANDLE;
    }

    /**
     * Address for:
     * {@snippet lang=c :
     * unsigned int jvs_mempool_in_use_count(const struct rte_mempool *mp)
     * }
     */
    public static MemorySegment jvs_mempool_in_use_count$address() {
        return jvs_mempool_in_use_count.ADDR;
    }

    /**
     * {@snippet lang=c :
     * unsigned int jvs_mempool_in_use_count(const struct rte_mempool *mp)
     * }
     */
    public static int jvs_mempool_in_use_count(MemorySegment mp) {
        var mh$ = jvs_mempool_in_use_count.HANDLE;
        try {
            if (TRACE_DOWNCALLS) {
                traceDowncall("jvs_mempool_in_use_count", mp);
            }
            return (int)mh$.invokeExact(mp);
        } catch (Throwable ex$) {
           throw new AssertionError("should not reach here", ex$);
        }
    }

    private static class jvs_rdtsc {
        public static final FunctionDescriptor DESC = FunctionDescriptor.of(
            jvs_shim_h.C_LONG    );

        public static final MemorySegment ADDR = jvs_shim_h.findOrThrow("jvs_rdtsc");

        public static final MethodHandle HANDLE = Linker.nativeLinker().downcallHandle(ADDR, DESC);
    }

    /**
     * Function descriptor for:
     * {@snippet lang=c :
     * uint64_t jvs_rdtsc()
     * }
     */
    public static FunctionDescriptor jvs_rdtsc$descriptor() {
        return jvs_rdtsc.DESC;
    }

    /**
     * Downcall method handle for:
     * {@snippet lang=c :
     * uint64_t jvs_rdtsc()
     * }
     */
    public static MethodHandle jvs_rdtsc$handle() {
        return jvs_rdtsc.HANDLE;
    }

    /**
     * Address for:
     * {@snippet lang=c :
     * uint64_t jvs_rdtsc()
     * }
     */
    public static MemorySegment jvs_rdtsc$address() {
        return jvs_rdtsc.ADDR;
    }

    /**
     * {@snippet lang=c :
     * uint64_t jvs_rdtsc()
     * }
     */
    public static long jvs_rdtsc() {
        var mh$ = jvs_rdtsc.HANDLE;
        try {
            if (TRACE_DOWNCALLS) {
                traceDowncall("jvs_rdtsc");
            }
            return (long)mh$.invokeExact();
        } catch (Throwable ex$) {
           throw new AssertionError("should not reach here", ex$);
        }
    }

    private static class jvs_tsc_hz {
        public static final FunctionDescriptor DESC = FunctionDescriptor.of(
            jvs_shim_h.C_LONG    );

        public static final MemorySegment ADDR = jvs_shim_h.findOrThrow("jvs_tsc_hz");

        public static final MethodHandle HANDLE = Linker.nativeLinker().downcallHandle(ADDR, DESC);
    }

    /**
     * Function descriptor for:
     * {@snippet lang=c :
     * uint64_t jvs_tsc_hz()
     * }
     */
    public static FunctionDescriptor jvs_tsc_hz$descriptor() {
        return jvs_tsc_hz.DESC;
    }

    /**
     * Downcall method handle for:
     * {@snippet lang=c :
     * uint64_t jvs_tsc_hz()
     * }
     */
    public static MethodHandle jvs_tsc_hz$handle() {
        return jvs_tsc_hz.HANDLE;
    }

    /**
     * Address for:
     * {@snippet lang=c :
     * uint64_t jvs_tsc_hz()
     * }
     */
    public static MemorySegment jvs_tsc_hz$address() {
        return jvs_tsc_hz.ADDR;
    }

    /**
     * {@snippet lang=c :
     * uint64_t jvs_tsc_hz()
     * }
     */
    public static long jvs_tsc_hz() {
        var mh$ = jvs_tsc_hz.HANDLE;
        try {
            if (TRACE_DOWNCALLS) {
                traceDowncall("jvs_tsc_hz");
            }
            return (long)mh$.invokeExact();
        } catch (Throwable ex$) {
           throw new AssertionError("should not reach here", ex$);
        }
    }

    private static class jvs_prefetch0 {
        public static final FunctionDescriptor DESC = FunctionDescriptor.ofVoid(
            jvs_shim_h.C_POINTER
        );

        public static final MemorySegment ADDR = jvs_shim_h.findOrThrow("jvs_prefetch0");

        public static final MethodHandle HANDLE = Linker.nativeLinker().downcallHandle(ADDR, DESC);
    }

    /**
     * Function descriptor for:
     * {@snippet lang=c :
     * void jvs_prefetch0(const void *p)
     * }
     */
    public static FunctionDescriptor jvs_prefetch0$descriptor() {
        return jvs_prefetch0.DESC;
    }

    /**
     * Downcall method handle for:
     * {@snippet lang=c :
     * void jvs_prefetch0(const void *p)
     * }
     */
    public static MethodHandle jvs_prefetch0$handle() {
        return jvs_prefetch0.HANDLE;
    }

    /**
     * Address for:
     * {@snippet lang=c :
     * void jvs_prefetch0(const void *p)
     * }
     */
    public static MemorySegment jvs_prefetch0$address() {
        return jvs_prefetch0.ADDR;
    }

    /**
     * {@snippet lang=c :
     * void jvs_prefetch0(const void *p)
     * }
     */
    public static void jvs_prefetch0(MemorySegment p) {
        var mh$ = jvs_prefetch0.HANDLE;
        try {
            if (TRACE_DOWNCALLS) {
                traceDowncall("jvs_prefetch0", p);
            }
            mh$.invokeExact(p);
        } catch (Throwable ex$) {
           throw new AssertionError("should not reach here", ex$);
        }
    }

    private static class jvs_prefetch_pkts {
        public static final FunctionDescriptor DESC = FunctionDescriptor.ofVoid(
            jvs_shim_h.C_POINTER,
            jvs_shim_h.C_SHORT
        );

        public static final MemorySegment ADDR = jvs_shim_h.findOrThrow("jvs_prefetch_pkts");

        public static final MethodHandle HANDLE = Linker.nativeLinker().downcallHandle(ADDR, DESC);
    }

    /**
     * Function descriptor for:
     * {@snippet lang=c :
     * void jvs_prefetch_pkts(struct rte_mbuf **pkts, uint16_t n)
     * }
     */
    public static FunctionDescriptor jvs_prefetch_pkts$descriptor() {
        return jvs_prefetch_pkts.DESC;
    }

    /**
     * Downcall method handle for:
     * {@snippet lang=c :
     * void jvs_prefetch_pkts(struct rte_mbuf **pkts, uint16_t n)
     * }
     */
    public static MethodHandle jvs_prefetch_pkts$handle() {
        return jvs_prefetch_pkts.HANDLE;
    }

    /**
     * Address for:
     * {@snippet lang=c :
     * void jvs_prefetch_pkts(struct rte_mbuf **pkts, uint16_t n)
     * }
     */
    public static MemorySegment jvs_prefetch_pkts$address() {
        return jvs_prefetch_pkts.ADDR;
    }

    /**
     * {@snippet lang=c :
     * void jvs_prefetch_pkts(struct rte_mbuf **pkts, uint16_t n)
     * }
     */
    public static void jvs_prefetch_pkts(MemorySegment pkts, short n) {
        var mh$ = jvs_prefetch_pkts.HANDLE;
        try {
            if (TRACE_DOWNCALLS) {
                traceDowncall("jvs_prefetch_pkts", pkts, n);
            }
            mh$.invokeExact(pkts, n);
        } catch (Throwable ex$) {
           throw new AssertionError("should not reach here", ex$);
        }
    }

    private static class jvs_errno {
        public static final FunctionDescriptor DESC = FunctionDescriptor.of(
            jvs_shim_h.C_INT    );

        public static final MemorySegment ADDR = jvs_shim_h.findOrThrow("jvs_errno");

        public static final MethodHandle HANDLE = Linker.nativeLinker().downcallHandle(ADDR, DESC);
    }

    /**
     * Function descriptor for:
     * {@snippet lang=c :
     * int jvs_errno()
     * }
     */
    public static FunctionDescriptor jvs_errno$descriptor() {
        return jvs_errno.DESC;
    }

    /**
     * Downcall method handle for:
     * {@snippet lang=c :
     * int jvs_errno()
     * }
     */
    public static MethodHandle jvs_errno$handle() {
        return jvs_errno.HANDLE;
    }

    /**
     * Address for:
     * {@snippet lang=c :
     * int jvs_errno()
     * }
     */
    public static MemorySegment jvs_errno$address() {
        return jvs_errno.ADDR;
    }

    /**
     * {@snippet lang=c :
     * int jvs_errno()
     * }
     */
    public static int jvs_errno() {
        var mh$ = jvs_errno.HANDLE;
        try {
            if (TRACE_DOWNCALLS) {
                traceDowncall("jvs_errno");
            }
            return (int)mh$.invokeExact();
        } catch (Throwable ex$) {
           throw new AssertionError("should not reach here", ex$);
        }
    }

    private static class jvs_lcore_id {
        public static final FunctionDescriptor DESC = FunctionDescriptor.of(
            jvs_shim_h.C_INT    );

        public static final MemorySegment ADDR = jvs_shim_h.findOrThrow("jvs_lcore_id");

        public static final MethodHandle HANDLE = Linker.nativeLinker().downcallHandle(ADDR, DESC);
    }

    /**
     * Function descriptor for:
     * {@snippet lang=c :
     * unsigned int jvs_lcore_id()
     * }
     */
    public static FunctionDescriptor jvs_lcore_id$descriptor() {
        return jvs_lcore_id.DESC;
    }

    /**
     * Downcall method handle for:
     * {@snippet lang=c :
     * unsigned int jvs_lcore_id()
     * }
     */
    public static MethodHandle jvs_lcore_id$handle() {
        return jvs_lcore_id.HANDLE;
    }

    /**
     * Address for:
     * {@snippet lang=c :
     * unsigned int jvs_lcore_id()
     * }
     */
    public static MemorySegment jvs_lcore_id$address() {
        return jvs_lcore_id.ADDR;
    }

    /**
     * {@snippet lang=c :
     * unsigned int jvs_lcore_id()
     * }
     */
    public static int jvs_lcore_id() {
        var mh$ = jvs_lcore_id.HANDLE;
        try {
            if (TRACE_DOWNCALLS) {
                traceDowncall("jvs_lcore_id");
            }
            return (int)mh$.invokeExact();
        } catch (Throwable ex$) {
           throw new AssertionError("should not reach here", ex$);
        }
    }

    private static class jvs_thread_set_cpu {
        public static final FunctionDescriptor DESC = FunctionDescriptor.of(
            jvs_shim_h.C_INT,
            jvs_shim_h.C_INT
        );

        public static final MemorySegment ADDR = jvs_shim_h.findOrThrow("jvs_thread_set_cpu");

        public static final MethodHandle HANDLE = Linker.nativeLinker().downcallHandle(ADDR, DESC);
    }

    /**
     * Function descriptor for:
     * {@snippet lang=c :
     * int jvs_thread_set_cpu(unsigned int cpu)
     * }
     */
    public static FunctionDescriptor jvs_thread_set_cpu$descriptor() {
        return jvs_thread_set_cpu.DESC;
    }

    /**
     * Downcall method handle for:
     * {@snippet lang=c :
     * int jvs_thread_set_cpu(unsigned int cpu)
     * }
     */
    public static MethodHandle jvs_thread_set_cpu$handle() {
        return jvs_thread_set_cpu.HANDLE;
    }

    /**
     * Address for:
     * {@snippet lang=c :
     * int jvs_thread_set_cpu(unsigned int cpu)
     * }
     */
    public static MemorySegment jvs_thread_set_cpu$address() {
        return jvs_thread_set_cpu.ADDR;
    }

    /**
     * {@snippet lang=c :
     * int jvs_thread_set_cpu(unsigned int cpu)
     * }
     */
    public static int jvs_thread_set_cpu(int cpu) {
        var mh$ = jvs_thread_set_cpu.HANDLE;
        try {
            if (TRACE_DOWNCALLS) {
                traceDowncall("jvs_thread_set_cpu", cpu);
            }
            return (int)mh$.invokeExact(cpu);
        } catch (Throwable ex$) {
           throw new AssertionError("should not reach here", ex$);
        }
    }

    private static class jvs_current_cpu {
        public static final FunctionDescriptor DESC = FunctionDescriptor.of(
            jvs_shim_h.C_INT    );

        public static final MemorySegment ADDR = jvs_shim_h.findOrThrow("jvs_current_cpu");

        public static final MethodHandle HANDLE = Linker.nativeLinker().downcallHandle(ADDR, DESC);
    }

    /**
     * Function descriptor for:
     * {@snippet lang=c :
     * int jvs_current_cpu()
     * }
     */
    public static FunctionDescriptor jvs_current_cpu$descriptor() {
        return jvs_current_cpu.DESC;
    }

    /**
     * Downcall method handle for:
     * {@snippet lang=c :
     * int jvs_current_cpu()
     * }
     */
    public static MethodHandle jvs_current_cpu$handle() {
        return jvs_current_cpu.HANDLE;
    }

    /**
     * Address for:
     * {@snippet lang=c :
     * int jvs_current_cpu()
     * }
     */
    public static MemorySegment jvs_current_cpu$address() {
        return jvs_current_cpu.ADDR;
    }

    /**
     * {@snippet lang=c :
     * int jvs_current_cpu()
     * }
     */
    public static int jvs_current_cpu() {
        var mh$ = jvs_current_cpu.HANDLE;
        try {
            if (TRACE_DOWNCALLS) {
                traceDowncall("jvs_current_cpu");
            }
            return (int)mh$.invokeExact();
        } catch (Throwable ex$) {
           throw new AssertionError("should not reach here", ex$);
        }
    }

    private static class jvs_eth_dev_info_get {
        public static final FunctionDescriptor DESC = FunctionDescriptor.of(
            jvs_shim_h.C_INT,
            jvs_shim_h.C_SHORT,
            jvs_shim_h.C_POINTER
        );

        public static final MemorySegment ADDR = jvs_shim_h.findOrThrow("jvs_eth_dev_info_get");

        public static final MethodHandle HANDLE = Linker.nativeLinker().downcallHandle(ADDR, DESC);
    }

    /**
     * Function descriptor for:
     * {@snippet lang=c :
     * int jvs_eth_dev_info_get(uint16_t port_id, struct jvs_eth_dev_info *out)
     * }
     */
    public static FunctionDescriptor jvs_eth_dev_info_get$descriptor() {
        return jvs_eth_dev_info_get.DESC;
    }

    /**
     * Downcall method handle for:
     * {@snippet lang=c :
     * int jvs_eth_dev_info_get(uint16_t port_id, struct jvs_eth_dev_info *out)
     * }
     */
    public static MethodHandle jvs_eth_dev_info_get$handle() {
        return jvs_eth_dev_info_get.HANDLE;
    }

    /**
     * Address for:
     * {@snippet lang=c :
     * int jvs_eth_dev_info_get(uint16_t port_id, struct jvs_eth_dev_info *out)
     * }
     */
    public static MemorySegment jvs_eth_dev_info_get$address() {
        return jvs_eth_dev_info_get.ADDR;
    }

    /**
     * {@snippet lang=c :
     * int jvs_eth_dev_info_get(uint16_t port_id, struct jvs_eth_dev_info *out)
     * }
     */
    public static int jvs_eth_dev_info_get(short port_id, MemorySegment out) {
        var mh$ = jvs_eth_dev_info_get.HANDLE;
        try {
            if (TRACE_DOWNCALLS) {
                traceDowncall("jvs_eth_dev_info_get", port_id, out);
            }
            return (int)mh$.invokeExact(port_id, out);
        } catch (Throwable ex$) {
           throw new AssertionError("should not reach here", ex$);
        }
    }

    private static class jvs_eth_dev_configure {
        public static final FunctionDescriptor DESC = FunctionDescriptor.of(
            jvs_shim_h.C_INT,
            jvs_shim_h.C_SHORT,
            jvs_shim_h.C_SHORT,
            jvs_shim_h.C_SHORT,
            jvs_shim_h.C_POINTER
        );

        public static final MemorySegment ADDR = jvs_shim_h.findOrThrow("jvs_eth_dev_configure");

        public static final MethodHandle HANDLE = Linker.nativeLinker().downcallHandle(ADDR, DESC);
    }

    /**
     * Function descriptor for:
     * {@snippet lang=c :
     * int jvs_eth_dev_configure(uint16_t port_id, uint16_t nb_rx_queues, uint16_t nb_tx_queues, const struct jvs_eth_port_conf *conf)
     * }
     */
    public static FunctionDescriptor jvs_eth_dev_configure$descriptor() {
        return jvs_eth_dev_configure.DESC;
    }

    /**
     * Downcall method handle for:
     * {@snippet lang=c :
     * int jvs_eth_dev_configure(uint16_t port_id, uint16_t nb_rx_queues, uint16_t nb_tx_queues, const struct jvs_eth_port_conf *conf)
     * }
     */
    public static MethodHandle jvs_eth_dev_configure$handle() {
        return jvs_eth_dev_configure.HANDLE;
    }

    /**
     * Address for:
     * {@snippet lang=c :
     * int jvs_eth_dev_configure(uint16_t port_id, uint16_t nb_rx_queues, uint16_t nb_tx_queues, const struct jvs_eth_port_conf *conf)
     * }
     */
    public static MemorySegment jvs_eth_dev_configure$address() {
        return jvs_eth_dev_configure.ADDR;
    }

    /**
     * {@snippet lang=c :
     * int jvs_eth_dev_configure(uint16_t port_id, uint16_t nb_rx_queues, uint16_t nb_tx_queues, const struct jvs_eth_port_conf *conf)
     * }
     */
    public static int jvs_eth_dev_configure(short port_id, short nb_rx_queues, short nb_tx_queues, MemorySegment conf) {
        var mh$ = jvs_eth_dev_configure.HANDLE;
        try {
            if (TRACE_DOWNCALLS) {
                traceDowncall("jvs_eth_dev_configure", port_id, nb_rx_queues, nb_tx_queues, conf);
            }
            return (int)mh$.invokeExact(port_id, nb_rx_queues, nb_tx_queues, conf);
        } catch (Throwable ex$) {
           throw new AssertionError("should not reach here", ex$);
        }
    }

    private static class jvs_eth_link_get_nowait {
        public static final FunctionDescriptor DESC = FunctionDescriptor.of(
            jvs_shim_h.C_INT,
            jvs_shim_h.C_SHORT,
            jvs_shim_h.C_POINTER
        );

        public static final MemorySegment ADDR = jvs_shim_h.findOrThrow("jvs_eth_link_get_nowait");

        public static final MethodHandle HANDLE = Linker.nativeLinker().downcallHandle(ADDR, DESC);
    }

    /**
     * Function descriptor for:
     * {@snippet lang=c :
     * int jvs_eth_link_get_nowait(uint16_t port_id, struct jvs_eth_link *out)
     * }
     */
    public static FunctionDescriptor jvs_eth_link_get_nowait$descriptor() {
        return jvs_eth_link_get_nowait.DESC;
    }

    /**
     * Downcall method handle for:
     * {@snippet lang=c :
     * int jvs_eth_link_get_nowait(uint16_t port_id, struct jvs_eth_link *out)
     * }
     */
    public static MethodHandle jvs_eth_link_get_nowait$handle() {
        return jvs_eth_link_get_nowait.HANDLE;
    }

    /**
     * Address for:
     * {@snippet lang=c :
     * int jvs_eth_link_get_nowait(uint16_t port_id, struct jvs_eth_link *out)
     * }
     */
    public static MemorySegment jvs_eth_link_get_nowait$address() {
        return jvs_eth_link_get_nowait.ADDR;
    }

    /**
     * {@snippet lang=c :
     * int jvs_eth_link_get_nowait(uint16_t port_id, struct jvs_eth_link *out)
     * }
     */
    public static int jvs_eth_link_get_nowait(short port_id, MemorySegment out) {
        var mh$ = jvs_eth_link_get_nowait.HANDLE;
        try {
            if (TRACE_DOWNCALLS) {
                traceDowncall("jvs_eth_link_get_nowait", port_id, out);
            }
            return (int)mh$.invokeExact(port_id, out);
        } catch (Throwable ex$) {
           throw new AssertionError("should not reach here", ex$);
        }
    }

    private static class jvs_log_capture {
        public static final FunctionDescriptor DESC = FunctionDescriptor.of(
            jvs_shim_h.C_INT,
            jvs_shim_h.C_INT
        );

        public static final MemorySegment ADDR = jvs_shim_h.findOrThrow("jvs_log_capture");

        public static final MethodHandle HANDLE = Linker.nativeLinker().downcallHandle(ADDR, DESC);
    }

    /**
     * Function descriptor for:
     * {@snippet lang=c :
     * int jvs_log_capture(int enable)
     * }
     */
    public static FunctionDescriptor jvs_log_capture$descriptor() {
        return jvs_log_capture.DESC;
    }

    /**
     * Downcall method handle for:
     * {@snippet lang=c :
     * int jvs_log_capture(int enable)
     * }
     */
    public static MethodHandle jvs_log_capture$handle() {
        return jvs_log_capture.HANDLE;
    }

    /**
     * Address for:
     * {@snippet lang=c :
     * int jvs_log_capture(int enable)
     * }
     */
    public static MemorySegment jvs_log_capture$address() {
        return jvs_log_capture.ADDR;
    }

    /**
     * {@snippet lang=c :
     * int jvs_log_capture(int enable)
     * }
     */
    public static int jvs_log_capture(int enable) {
        var mh$ = jvs_log_capture.HANDLE;
        try {
            if (TRACE_DOWNCALLS) {
                traceDowncall("jvs_log_capture", enable);
            }
            return (int)mh$.invokeExact(enable);
        } catch (Throwable ex$) {
           throw new AssertionError("should not reach here", ex$);
        }
    }

    private static class jvs_log_read {
        public static final FunctionDescriptor DESC = FunctionDescriptor.of(
            jvs_shim_h.C_INT,
            jvs_shim_h.C_POINTER,
            jvs_shim_h.C_LONG,
            jvs_shim_h.C_POINTER
        );

        public static final MemorySegment ADDR = jvs_shim_h.findOrThrow("jvs_log_read");

        public static final MethodHandle HANDLE = Linker.nativeLinker().downcallHandle(ADDR, DESC);
    }

    /**
     * Function descriptor for:
     * {@snippet lang=c :
     * int jvs_log_read(char *buf, size_t cap, uint32_t *level)
     * }
     */
    public static FunctionDescriptor jvs_log_read$descriptor() {
        return jvs_log_read.DESC;
    }

    /**
     * Downcall method handle for:
     * {@snippet lang=c :
     * int jvs_log_read(char *buf, size_t cap, uint32_t *level)
     * }
     */
    public static MethodHandle jvs_log_read$handle() {
        return jvs_log_read.HANDLE;
    }

    /**
     * Address for:
     * {@snippet lang=c :
     * int jvs_log_read(char *buf, size_t cap, uint32_t *level)
     * }
     */
    public static MemorySegment jvs_log_read$address() {
        return jvs_log_read.ADDR;
    }

    /**
     * {@snippet lang=c :
     * int jvs_log_read(char *buf, size_t cap, uint32_t *level)
     * }
     */
    public static int jvs_log_read(MemorySegment buf, long cap, MemorySegment level) {
        var mh$ = jvs_log_read.HANDLE;
        try {
            if (TRACE_DOWNCALLS) {
                traceDowncall("jvs_log_read", buf, cap, level);
            }
            return (int)mh$.invokeExact(buf, cap, level);
        } catch (Throwable ex$) {
           throw new AssertionError("should not reach here", ex$);
        }
    }

    private static class jvs_log_dropped {
        public static final FunctionDescriptor DESC = FunctionDescriptor.of(
            jvs_shim_h.C_LONG    );

        public static final MemorySegment ADDR = jvs_shim_h.findOrThrow("jvs_log_dropped");

        public static final MethodHandle HANDLE = Linker.nativeLinker().downcallHandle(ADDR, DESC);
    }

    /**
     * Function descriptor for:
     * {@snippet lang=c :
     * uint64_t jvs_log_dropped()
     * }
     */
    public static FunctionDescriptor jvs_log_dropped$descriptor() {
        return jvs_log_dropped.DESC;
    }

    /**
     * Downcall method handle for:
     * {@snippet lang=c :
     * uint64_t jvs_log_dropped()
     * }
     */
    public static MethodHandle jvs_log_dropped$handle() {
        return jvs_log_dropped.HANDLE;
    }

    /**
     * Address for:
     * {@snippet lang=c :
     * uint64_t jvs_log_dropped()
     * }
     */
    public static MemorySegment jvs_log_dropped$address() {
        return jvs_log_dropped.ADDR;
    }

    /**
     * {@snippet lang=c :
     * uint64_t jvs_log_dropped()
     * }
     */
    public static long jvs_log_dropped() {
        var mh$ = jvs_log_dropped.HANDLE;
        try {
            if (TRACE_DOWNCALLS) {
                traceDowncall("jvs_log_dropped");
            }
            return (long)mh$.invokeExact();
        } catch (Throwable ex$) {
           throw new AssertionError("should not reach here", ex$);
        }
    }
    private static final int RTE_ETH_NAME_MAX_LEN = (int)64L;
    /**
     * {@snippet lang=c :
     * #define RTE_ETH_NAME_MAX_LEN 64
     * }
     */
    public static int RTE_ETH_NAME_MAX_LEN() {
        return RTE_ETH_NAME_MAX_LEN;
    }
}

