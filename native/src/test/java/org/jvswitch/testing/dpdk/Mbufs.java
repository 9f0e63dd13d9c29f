package org.jvswitch.testing.dpdk;

import static java.lang.foreign.ValueLayout.JAVA_BYTE;

import java.lang.foreign.MemorySegment;
import org.jvswitch.dpdk.Mbuf;
import org.jvswitch.dpdk.Mempool;
import org.jvswitch.dpdk.gen.jvs_shim_h;

/** Copies test frames into and out of mbufs. */
public final class Mbufs {
    private Mbufs() {
    }

    /** A new single-segment mbuf from {@code pool} holding {@code frame}; its address. */
    public static long of(Mempool pool, byte[] frame) {
        MemorySegment m = jvs_shim_h.jvs_pktmbuf_alloc(pool.address());
        if (m.equals(MemorySegment.NULL)) {
            throw new IllegalStateException("mempool " + pool.name() + " is empty");
        }
        long mbuf = m.address();
        MemorySegment.copy(frame, 0, Mbuf.MEMORY, JAVA_BYTE, Mbuf.dataAddress(mbuf), frame.length);
        Mbuf.setLength(mbuf, frame.length);
        return mbuf;
    }

    /** The packet data of a single-segment mbuf. */
    public static byte[] bytes(long mbuf) {
        if (Mbuf.nbSegs(mbuf) != 1) {
            throw new IllegalStateException("multi-segment mbuf");
        }
        byte[] out = new byte[Mbuf.dataLen(mbuf)];
        MemorySegment.copy(Mbuf.MEMORY, JAVA_BYTE, Mbuf.dataAddress(mbuf), out, 0, out.length);
        return out;
    }

    public static void free(long mbuf) {
        jvs_shim_h.jvs_pktmbuf_free(MemorySegment.ofAddress(mbuf));
    }
}
