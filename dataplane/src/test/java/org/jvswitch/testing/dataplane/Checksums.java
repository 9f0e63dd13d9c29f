package org.jvswitch.testing.dataplane;

/**
 * Checksums computed from scratch, to check that incremental updates got them right: the IPv4
 * header checksum and the TCP/UDP/ICMPv6 checksum over the pseudo-header (IPv4 or IPv6).
 */
public final class Checksums {
    private Checksums() {
    }

    /** True if the IPv4 header at l3 sums to 0xffff (its checksum is right). */
    public static boolean ipv4HeaderOk(byte[] f, int l3) {
        int ihl = (f[l3] & 0x0f) * 4;
        return sum(f, l3, ihl, 0) == 0xffff;
    }

    /** True if the L4 checksum (TCP, UDP, ICMPv6) over the pseudo-header is right. */
    public static boolean l4Ok(byte[] f, int l3, int l4, boolean ipv6) {
        int proto;
        int len;
        long pseudo;
        if (ipv6) {
            proto = f[l3 + 6] & 0xff;
            len = ((f[l3 + 4] & 0xff) << 8 | f[l3 + 5] & 0xff) - (l4 - l3 - 40);
            pseudo = sum(f, l3 + 8, 32, 0);
        } else {
            proto = f[l3 + 9] & 0xff;
            int total = (f[l3 + 2] & 0xff) << 8 | f[l3 + 3] & 0xff;
            len = total - (l4 - l3);
            pseudo = sum(f, l3 + 12, 8, 0);
        }
        pseudo += proto + len;
        return fold(sum(f, l4, len, pseudo)) == 0xffff;
    }

    private static long sum(byte[] d, int off, int len, long start) {
        long s = start;
        for (int i = 0; i + 1 < len; i += 2) {
            s += (d[off + i] & 0xff) << 8 | d[off + i + 1] & 0xff;
        }
        if ((len & 1) != 0) {
            s += (d[off + len - 1] & 0xff) << 8;
        }
        return fold(s);
    }

    private static int fold(long s) {
        while ((s >> 16) != 0) {
            s = (s & 0xffff) + (s >> 16);
        }
        return (int) s;
    }
}
