package org.jvswitch.dataplane.action;

import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_LONG;
import static java.lang.foreign.ValueLayout.JAVA_SHORT;

import java.lang.foreign.MemorySegment;
import org.jvswitch.dataplane.MbufAllocator;
import org.jvswitch.dpdk.Mbuf;

/**
 * Whole-packet operations the actions need: deep copy (a packet that must differ from the one
 * that goes on), truncation, and moving the header bytes in front of an insertion or removal
 * point (push/pop of VLAN tags and MPLS labels). Static, allocation-free.
 */
public final class MbufOps {
    private MbufOps() {
    }

    /**
     * A single-segment copy of up to {@code maxLen} bytes of {@code mbuf} (all of it when
     * maxLen &lt; 0), with the same input port and RSS hash, in a new mbuf from {@code mbufs}; 0
     * when none is left or the packet does not fit one mbuf.
     */
    public static long copy(long mbuf, MbufAllocator mbufs, int maxLen) {
        int len = Mbuf.pktLen(mbuf);
        if (maxLen >= 0 && maxLen < len) {
            len = maxLen;
        }
        long c = mbufs.alloc();
        if (c == 0) {
            return 0;
        }
        if (Mbuf.bufLen(c) - Mbuf.dataOff(c) < len) {
            mbufs.free(c);
            return 0;
        }
        long dst = Mbuf.dataAddress(c);
        int copied = 0;
        for (long seg = mbuf; seg != 0 && copied < len; seg = Mbuf.MEMORY.get(JAVA_LONG, seg + Mbuf.NEXT)) {
            int n = Math.min(Mbuf.dataLen(seg), len - copied);
            MemorySegment.copy(Mbuf.MEMORY, JAVA_BYTE, Mbuf.dataAddress(seg), Mbuf.MEMORY, JAVA_BYTE, dst + copied, n);
            copied += n;
        }
        Mbuf.setLength(c, copied);
        Mbuf.MEMORY.set(JAVA_SHORT, c + Mbuf.PORT, Mbuf.MEMORY.get(JAVA_SHORT, mbuf + Mbuf.PORT));
        if (Mbuf.hasRssHash(mbuf)) {
            Mbuf.setRssHash(c, Mbuf.rssHash(mbuf));
        }
        return c;
    }

    /** Shortens a single-segment packet to {@code maxLen} bytes (if longer). */
    public static void truncate(long mbuf, int maxLen) {
        if (Mbuf.nbSegs(mbuf) == 1 && Mbuf.dataLen(mbuf) > maxLen) {
            Mbuf.setLength(mbuf, maxLen);
        }
    }

    /**
     * Opens a gap of {@code n} bytes at offset {@code at} of a single-segment packet by moving the
     * first {@code at} bytes {@code n} bytes towards the buffer's start.
     *
     * @return false (nothing changed) without enough headroom or for a multi-segment packet
     */
    public static boolean insertGap(long mbuf, int at, int n) {
        if (Mbuf.nbSegs(mbuf) != 1 || at > Mbuf.dataLen(mbuf) || !Mbuf.prepend(mbuf, n)) {
            return false;
        }
        long data = Mbuf.dataAddress(mbuf);
        MemorySegment.copy(Mbuf.MEMORY, JAVA_BYTE, data + n, Mbuf.MEMORY, JAVA_BYTE, data, at);
        return true;
    }

    /**
     * Removes {@code n} bytes at offset {@code at} of a single-segment packet by moving the first
     * {@code at} bytes {@code n} bytes towards the packet's end.
     *
     * @return false (nothing changed) when the packet is too short or has several segments
     */
    public static boolean removeGap(long mbuf, int at, int n) {
        if (Mbuf.nbSegs(mbuf) != 1 || at + n > Mbuf.dataLen(mbuf)) {
            return false;
        }
        long data = Mbuf.dataAddress(mbuf);
        MemorySegment.copy(Mbuf.MEMORY, JAVA_BYTE, data, Mbuf.MEMORY, JAVA_BYTE, data + n, at);
        return Mbuf.adj(mbuf, n);
    }
}
