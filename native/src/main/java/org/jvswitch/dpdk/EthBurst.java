package org.jvswitch.dpdk;

import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;
import static java.lang.foreign.ValueLayout.JAVA_SHORT;

import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;

import org.jvswitch.dpdk.gen.jvs_shim_h;

/**
 * The fast-path downcalls: one per burst, never per packet.
 *
 * <p>These handles are linked with {@link Linker.Option#critical}: no thread-state transition
 * around the call, which saves tens of nanoseconds per burst. A critical function must not call
 * back into Java or block for long; DPDK's burst functions do neither (and the shim's log hook
 * queues in C instead of calling up, see jvs_shim.h). Arrays of mbuf pointers are passed by
 * address: native memory a PMD allocates once, read with {@link Mbuf#MEMORY}.
 *
 * <p>Any thread may call these, but a queue must be used by one thread at a time (DPDK's rule).
 */
public final class EthBurst {
    private static final MethodHandle RX = critical(jvs_shim_h.jvs_eth_rx_burst$address(),
            jvs_shim_h.jvs_eth_rx_burst$descriptor(), FunctionDescriptor.of(JAVA_SHORT, JAVA_SHORT, JAVA_SHORT, JAVA_LONG, JAVA_SHORT));
    private static final MethodHandle TX = critical(jvs_shim_h.jvs_eth_tx_burst$address(),
            jvs_shim_h.jvs_eth_tx_burst$descriptor(), FunctionDescriptor.of(JAVA_SHORT, JAVA_SHORT, JAVA_SHORT, JAVA_LONG, JAVA_SHORT));
    private static final MethodHandle FREE = critical(jvs_shim_h.jvs_pktmbuf_free_bulk$address(),
            jvs_shim_h.jvs_pktmbuf_free_bulk$descriptor(), FunctionDescriptor.ofVoid(JAVA_LONG, JAVA_INT));
    private static final MethodHandle ALLOC = critical(jvs_shim_h.jvs_pktmbuf_alloc_bulk$address(),
            jvs_shim_h.jvs_pktmbuf_alloc_bulk$descriptor(), FunctionDescriptor.of(JAVA_INT, JAVA_LONG, JAVA_LONG, JAVA_INT));
    private static final MethodHandle RDTSC = critical(jvs_shim_h.jvs_rdtsc$address(),
            jvs_shim_h.jvs_rdtsc$descriptor(), FunctionDescriptor.of(JAVA_LONG));
    private static final MethodHandle PREFETCH = critical(jvs_shim_h.jvs_prefetch_pkts$address(),
            jvs_shim_h.jvs_prefetch_pkts$descriptor(), FunctionDescriptor.ofVoid(JAVA_LONG, JAVA_SHORT));
    private static final MethodHandle ALLOC1 = critical(jvs_shim_h.jvs_pktmbuf_alloc$address(),
            jvs_shim_h.jvs_pktmbuf_alloc$descriptor(), FunctionDescriptor.of(JAVA_LONG, JAVA_LONG));
    private static final MethodHandle FREE1 = critical(jvs_shim_h.jvs_pktmbuf_free$address(),
            jvs_shim_h.jvs_pktmbuf_free$descriptor(), FunctionDescriptor.ofVoid(JAVA_LONG));
    private static final MethodHandle REFCNT_UPDATE = critical(jvs_shim_h.jvs_mbuf_refcnt_update$address(),
            jvs_shim_h.jvs_mbuf_refcnt_update$descriptor(), FunctionDescriptor.of(JAVA_SHORT, JAVA_LONG, JAVA_SHORT));

    /** The most packets one burst call moves (OVS's NETDEV_MAX_BURST). */
    public static final int MAX_BURST = 32;

    private EthBurst() {
    }

    /**
     * A critical handle for a shim function whose pointer arguments are passed as {@code long}
     * addresses (identical in the x86-64 and AArch64 calling conventions), so the fast path
     * hands over raw addresses and never materialises a segment. The symbol comes from the
     * generated binding, whose descriptor the layout test checks; the argument count is checked
     * against it here.
     */
    private static MethodHandle critical(MemorySegment address, FunctionDescriptor generated,
                                         FunctionDescriptor descriptor) {
        if (generated.argumentLayouts().size() != descriptor.argumentLayouts().size()
                || generated.returnLayout().isPresent() != descriptor.returnLayout().isPresent()) {
            throw new IllegalStateException("fast-path descriptor " + descriptor + " does not match " + generated);
        }
        return Linker.nativeLinker().downcallHandle(address, descriptor, Linker.Option.critical(false));
    }

    /** Receives up to {@code n} packets into {@code pkts}; returns how many. */
    public static int rxBurst(int port, int queue, long pkts, int n) {
        try {
            return Short.toUnsignedInt((short) RX.invokeExact((short) port, (short) queue, pkts, (short) n));
        } catch (Throwable t) {
            throw new AssertionError(t);
        }
    }

    /**
     * Hands {@code n} packets to the driver; returns how many it took. The caller still owns (and
     * must free or retry) the rest, from index {@code return value} on.
     */
    public static int txBurst(int port, int queue, long pkts, int n) {
        try {
            return Short.toUnsignedInt((short) TX.invokeExact((short) port, (short) queue, pkts, (short) n));
        } catch (Throwable t) {
            throw new AssertionError(t);
        }
    }

    /** Frees {@code n} mbufs listed from the start of {@code pkts}. */
    public static void freeBulk(long pkts, int n) {
        try {
            FREE.invokeExact(pkts, n);
        } catch (Throwable t) {
            throw new AssertionError(t);
        }
    }

    /** Frees {@code n} mbufs listed from index {@code from} of {@code pkts}. */
    public static void freeBulk(long pkts, int from, int n) {
        if (n > 0) {
            freeBulk(pkts + from * 8L, n);
        }
    }

    /** Allocates {@code n} mbufs from {@code pool} into {@code pkts}; false (none taken) when short. */
    public static boolean allocBulk(long pool, long pkts, int n) {
        try {
            return (int) ALLOC.invokeExact(pool, pkts, n) == 0;
        } catch (Throwable t) {
            throw new AssertionError(t);
        }
    }

    /** One mbuf from {@code pool} (reset, default headroom), or 0 when the pool is empty. */
    public static long alloc(long pool) {
        try {
            return (long) ALLOC1.invokeExact(pool);
        } catch (Throwable t) {
            throw new AssertionError(t);
        }
    }

    /** Frees one mbuf (and its segment chain). */
    public static void free(long mbuf) {
        try {
            FREE1.invokeExact(mbuf);
        } catch (Throwable t) {
            throw new AssertionError(t);
        }
    }

    /** Adds {@code delta} to an mbuf's reference count; returns the new count. */
    public static int refcntUpdate(long mbuf, int delta) {
        try {
            return Short.toUnsignedInt((short) REFCNT_UPDATE.invokeExact(mbuf, (short) delta));
        } catch (Throwable t) {
            throw new AssertionError(t);
        }
    }

    /** The CPU's time-stamp counter. */
    public static long rdtsc() {
        try {
            return (long) RDTSC.invokeExact();
        } catch (Throwable t) {
            throw new AssertionError(t);
        }
    }

    /** Prefetches the first data cache line of {@code n} packets. */
    public static void prefetch(long pkts, int n) {
        try {
            PREFETCH.invokeExact(pkts, (short) n);
        } catch (Throwable t) {
            throw new AssertionError(t);
        }
    }
}
