package org.jvswitch.dataplane.action;

import static java.lang.foreign.ValueLayout.JAVA_BYTE;

import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;
import org.jvswitch.dpdk.Mbuf;

/**
 * Header rewrites in place, with incremental checksum updates (RFC 1624), on packet data at an
 * absolute address. The callers pass the layer offsets extraction found; these methods trust
 * them and never look past the headers they name.
 *
 * <p>Static, allocation-free, single packet per call: the fast path's set actions.
 */
public final class PacketEdit {
    static final ValueLayout.OfShort BE16 = ValueLayout.JAVA_SHORT_UNALIGNED.withOrder(ByteOrder.BIG_ENDIAN);
    static final ValueLayout.OfInt BE32 = ValueLayout.JAVA_INT_UNALIGNED.withOrder(ByteOrder.BIG_ENDIAN);

    private PacketEdit() {
    }

    public static int get16(long a) {
        return Short.toUnsignedInt(Mbuf.MEMORY.get(BE16, a));
    }

    public static void put16(long a, int v) {
        Mbuf.MEMORY.set(BE16, a, (short) v);
    }

    public static int get32(long a) {
        return Mbuf.MEMORY.get(BE32, a);
    }

    public static void put32(long a, int v) {
        Mbuf.MEMORY.set(BE32, a, v);
    }

    public static int get8(long a) {
        return Byte.toUnsignedInt(Mbuf.MEMORY.get(JAVA_BYTE, a));
    }

    public static void put8(long a, int v) {
        Mbuf.MEMORY.set(JAVA_BYTE, a, (byte) v);
    }

    /** 48-bit MAC at {@code a}. */
    public static long getMac(long a) {
        return (get32(a) & 0xffffffffL) << 16 | get16(a + 4);
    }

    public static void putMac(long a, long mac) {
        put32(a, (int) (mac >>> 16));
        put16(a + 4, (int) mac);
    }

    /** The Internet checksum {@code csum} after a 16-bit word of its data changed. */
    public static int csum16(int csum, int old16, int new16) {
        int sum = (~csum & 0xffff) + (~old16 & 0xffff) + (new16 & 0xffff);
        sum = (sum & 0xffff) + (sum >>> 16);
        sum = (sum & 0xffff) + (sum >>> 16);
        return ~sum & 0xffff;
    }

    /** The Internet checksum after a 32-bit word of its data changed. */
    public static int csum32(int csum, int old32, int new32) {
        return csum16(csum16(csum, old32 >>> 16, new32 >>> 16), old32 & 0xffff, new32 & 0xffff);
    }

    /**
     * Fixes the L4 checksum after a pseudo-header or header word changed.
     *
     * @param proto IP protocol of the L4 header at {@code l4}; only TCP, UDP and ICMPv6 carry a
     *              checksum over the pseudo-header (UDP's 0 means "none" and stays 0)
     */
    static void fixL4Checksum32(long l4, int proto, int old32, int new32) {
        if (proto == 6) {
            put16(l4 + 16, csum32(get16(l4 + 16), old32, new32));
        } else if (proto == 17) {
            int c = get16(l4 + 6);
            if (c != 0) {
                int n = csum32(c, old32, new32);
                put16(l4 + 6, n == 0 ? 0xffff : n);
            }
        } else if (proto == 58) {
            put16(l4 + 2, csum32(get16(l4 + 2), old32, new32));
        }
    }

    static void fixL4Checksum16(long l4, int proto, int old16, int new16) {
        if (proto == 6) {
            put16(l4 + 16, csum16(get16(l4 + 16), old16, new16));
        } else if (proto == 17) {
            int c = get16(l4 + 6);
            if (c != 0) {
                int n = csum16(c, old16, new16);
                put16(l4 + 6, n == 0 ? 0xffff : n);
            }
        }
    }

    /** Sets the masked bits of the IPv4 source (dst = false) or destination; fixes checksums. */
    public static void setIpv4Addr(long l3, long l4, boolean dst, int value, int mask) {
        long at = l3 + (dst ? 16 : 12);
        int old = get32(at);
        int now = old & ~mask | value & mask;
        if (now == old) {
            return;
        }
        put32(at, now);
        put16(l3 + 10, csum32(get16(l3 + 10), old, now));
        if (l4 != 0) {
            fixL4Checksum32(l4, get8(l3 + 9), old, now);
        }
    }

    /** Sets masked bits of the IPv4 TOS byte; fixes the header checksum. */
    public static void setIpv4Tos(long l3, int value, int mask) {
        int oldWord = get16(l3);
        int tos = oldWord & 0xff;
        int now = (tos & ~mask | value & mask) & 0xff;
        int newWord = oldWord & 0xff00 | now;
        put16(l3, newWord);
        put16(l3 + 10, csum16(get16(l3 + 10), oldWord, newWord));
    }

    /** Sets masked bits of the IPv4 TTL; fixes the header checksum. */
    public static void setIpv4Ttl(long l3, int value, int mask) {
        int oldWord = get16(l3 + 8);
        int ttl = oldWord >>> 8;
        int now = (ttl & ~mask | value & mask) & 0xff;
        int newWord = now << 8 | oldWord & 0xff;
        put16(l3 + 8, newWord);
        put16(l3 + 10, csum16(get16(l3 + 10), oldWord, newWord));
    }

    /** Sets masked bits of an IPv6 address (source or destination); fixes the L4 checksum. */
    public static void setIpv6Addr(long l3, long l4, int proto, boolean dst, long hi, long lo, long maskHi,
                                   long maskLo) {
        long at = l3 + (dst ? 24 : 8);
        for (int i = 0; i < 4; i++) {
            long v = i < 2 ? hi : lo;
            long m = i < 2 ? maskHi : maskLo;
            int shift = (i & 1) == 0 ? 32 : 0;
            int old = get32(at + 4L * i);
            int now = old & ~(int) (m >>> shift) | (int) (v >>> shift) & (int) (m >>> shift);
            if (now != old) {
                put32(at + 4L * i, now);
                if (l4 != 0) {
                    fixL4Checksum32(l4, proto, old, now);
                }
            }
        }
    }

    /** Sets masked bits of the IPv6 traffic class. */
    public static void setIpv6Tclass(long l3, int value, int mask) {
        int w = get32(l3);
        int tc = w >>> 20 & 0xff;
        int now = (tc & ~mask | value & mask) & 0xff;
        put32(l3, w & 0xf00fffff | now << 20);
    }

    public static void setIpv6Label(long l3, int value, int mask) {
        int w = get32(l3);
        int label = w & 0xfffff;
        int now = (label & ~mask | value & mask) & 0xfffff;
        put32(l3, w & 0xfff00000 | now);
    }

    public static void setIpv6Hlimit(long l3, int value, int mask) {
        int h = get8(l3 + 7);
        put8(l3 + 7, h & ~mask | value & mask);
    }

    /**
     * Sets masked bits of a TCP, UDP or SCTP port (source at l4, destination at l4 + 2). TCP and
     * UDP checksums are updated; SCTP's CRC32c is recomputed over {@code [l4, l4 + l4Len)}.
     */
    public static void setPort(long l4, int proto, boolean dst, int value, int mask, int l4Len) {
        long at = l4 + (dst ? 2 : 0);
        int old = get16(at);
        int now = (old & ~mask | value & mask) & 0xffff;
        if (now == old) {
            return;
        }
        put16(at, now);
        if (proto == 132) {
            put32(l4 + 8, 0);
            int crc = Crc32c.compute(l4, l4Len);
            // SCTP stores the CRC32c little-endian in network order terms (RFC 4960 appendix B).
            put32(l4 + 8, Integer.reverseBytes(crc));
        } else {
            fixL4Checksum16(l4, proto, old, now);
        }
    }
}
