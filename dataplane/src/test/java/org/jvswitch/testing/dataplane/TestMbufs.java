package org.jvswitch.testing.dataplane;

import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;
import static java.lang.foreign.ValueLayout.JAVA_SHORT;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.HashMap;
import java.util.Map;
import org.jvswitch.dataplane.MbufAllocator;
import org.jvswitch.dpdk.Mbuf;

/**
 * Packet buffers without DPDK, for datapath unit tests: each is a {@code struct rte_mbuf}-shaped
 * header (at the offsets the real one has, see {@link Mbuf}) followed by a 2176-byte buffer with
 * DPDK's 128 bytes of headroom, in an {@link Arena}. It keeps reference counts like DPDK, so a
 * test can check that every packet was freed exactly once ({@link #live()}) and none twice.
 */
public final class TestMbufs implements MbufAllocator, AutoCloseable {
    public static final int BUF_LEN = 2176;
    public static final int HEADROOM = 128;

    private final Arena arena = Arena.ofShared();
    private final Map<Long, Integer> refs = new HashMap<>();
    private int limit = Integer.MAX_VALUE;
    private int freedTwice;

    /** A packet holding {@code frame}. */
    public synchronized long of(byte[] frame) {
        long m = alloc();
        MemorySegment.copy(frame, 0, Mbuf.MEMORY, JAVA_BYTE, Mbuf.dataAddress(m), frame.length);
        Mbuf.setLength(m, frame.length);
        return m;
    }

    @Override
    public synchronized long alloc() {
        if (refs.size() >= limit) {
            return 0;
        }
        MemorySegment s = arena.allocate(Mbuf.SIZE + BUF_LEN, 64);
        long m = s.address();
        long buf = m + Mbuf.SIZE;
        Mbuf.MEMORY.set(JAVA_LONG, m + Mbuf.BUF_ADDR, buf);
        Mbuf.MEMORY.set(JAVA_SHORT, m + Mbuf.DATA_OFF, (short) HEADROOM);
        Mbuf.MEMORY.set(JAVA_SHORT, m + Mbuf.REFCNT, (short) 1);
        Mbuf.MEMORY.set(JAVA_SHORT, m + Mbuf.NB_SEGS, (short) 1);
        Mbuf.MEMORY.set(JAVA_SHORT, m + Mbuf.BUF_LEN, (short) BUF_LEN);
        Mbuf.MEMORY.set(JAVA_INT, m + Mbuf.PKT_LEN, 0);
        refs.put(m, 1);
        return m;
    }

    @Override
    public synchronized void free(long mbuf) {
        Integer r = refs.get(mbuf);
        if (r == null) {
            freedTwice++;
        } else if (r == 1) {
            refs.remove(mbuf);
        } else {
            refs.put(mbuf, r - 1);
        }
    }

    @Override
    public synchronized void ref(long mbuf) {
        refs.merge(mbuf, 1, Integer::sum);
    }

    /** Makes alloc() fail once {@code n} packets are live. */
    public synchronized void limit(int n) {
        limit = n;
    }

    /** Packets not yet freed (counting each once, whatever its references). */
    public synchronized int live() {
        return refs.size();
    }

    /** References held on a packet (0 once freed). */
    public synchronized int refs(long mbuf) {
        return refs.getOrDefault(mbuf, 0);
    }

    /** Frees of packets that were already free: must stay 0. */
    public synchronized int freedTwice() {
        return freedTwice;
    }

    /** The packet's bytes. */
    public static byte[] bytes(long mbuf) {
        byte[] out = new byte[Mbuf.dataLen(mbuf)];
        MemorySegment.copy(Mbuf.MEMORY, JAVA_BYTE, Mbuf.dataAddress(mbuf), out, 0, out.length);
        return out;
    }

    @Override
    public void close() {
        arena.close();
    }
}
