package org.jvswitch.dataplane.tunnel;

import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;
import org.jvswitch.dpdk.Mbuf;

/**
 * The Internet checksum (RFC 1071) over packet memory: a one's-complement sum of 16-bit
 * big-endian words, accumulated 32 bits at a time in a {@code long} and folded at the end (the
 * end-around carry makes any word grouping give the same result). Static, allocation-free.
 */
final class InetSum {
    static final MemorySegment MEM = Mbuf.MEMORY;
    static final ValueLayout.OfLong BE64 = ValueLayout.JAVA_LONG_UNALIGNED.withOrder(ByteOrder.BIG_ENDIAN);
    static final ValueLayout.OfInt BE32 = ValueLayout.JAVA_INT_UNALIGNED.withOrder(ByteOrder.BIG_ENDIAN);
    static final ValueLayout.OfShort BE16 = ValueLayout.JAVA_SHORT_UNALIGNED.withOrder(ByteOrder.BIG_ENDIAN);

    private InetSum() {
    }

    /** Adds the words of {@code len} bytes at {@code addr} (an odd last byte is the high half of a word). */
    static long add(long addr, int len, long sum) {
        int i = 0;
        for (; i + 8 <= len; i += 8) {
            long v = MEM.get(BE64, addr + i);
            sum += (v >>> 32) + (v & 0xffffffffL);
        }
        if (i + 4 <= len) {
            sum += MEM.get(BE32, addr + i) & 0xffffffffL;
            i += 4;
        }
        if (i + 2 <= len) {
            sum += Short.toUnsignedInt(MEM.get(BE16, addr + i));
            i += 2;
        }
        if (i < len) {
            sum += (long) Byte.toUnsignedInt(MEM.get(JAVA_BYTE, addr + i)) << 8;
        }
        return sum;
    }

    /**
     * Adds the words of the {@code len} bytes from offset {@code off} of a packet, following its
     * segment chain. A segment that starts at an odd offset of the sum contributes its own sum
     * byte-swapped (the one's-complement sum commutes with swapping). Returns -1 when the chain
     * holds fewer bytes.
     */
    static long addChain(long mbuf, int off, int len, long sum) {
        int pos = 0; // bytes of the range summed so far
        for (long seg = mbuf; seg != 0 && pos < len; seg = MEM.get(JAVA_LONG, seg + Mbuf.NEXT)) {
            int dl = Mbuf.dataLen(seg);
            if (off >= dl) {
                off -= dl;
                continue;
            }
            int n = Math.min(dl - off, len - pos);
            long s = fold(add(Mbuf.dataAddress(seg) + off, n, 0));
            sum += (pos & 1) == 0 ? s : (s >>> 8 | s << 8) & 0xffff;
            pos += n;
            off = 0;
        }
        return pos == len ? sum : -1;
    }

    /** Folds a sum to 16 bits (not inverted). */
    static int fold(long sum) {
        while (sum >>> 16 != 0) {
            sum = (sum & 0xffff) + (sum >>> 16);
        }
        return (int) sum;
    }

    /** The checksum field value for a sum: its folded complement. */
    static int finish(long sum) {
        return ~fold(sum) & 0xffff;
    }
}
