package org.jvswitch.testing.dataplane;

import java.util.Arrays;
import java.util.zip.CRC32C;

/**
 * Checksums computed from scratch, to check that incremental updates got them right: the IPv4
 * header checksum and the TCP/UDP/ICMPv6 checksum over the pseudo-header (IPv4 or IPv6); the
 * Internet and pseudo-header checksums {@link PacketBuilder} fills in, and a check of every
 * checksum a built or rewritten frame carries ({@link #checksumsValid}).
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

    /** The Internet checksum (RFC 1071) of {@code b[off .. off + len)} added to {@code initial}. */
    public static int inetChecksum(byte[] b, int off, int len, int initial) {
        long sum = initial & 0xffffffffL;
        for (int i = 0; i + 1 < len; i += 2) {
            sum += (b[off + i] & 0xff) << 8 | b[off + i + 1] & 0xff;
        }
        if ((len & 1) != 0) {
            sum += (b[off + len - 1] & 0xff) << 8;
        }
        while (sum >>> 16 != 0) {
            sum = (sum & 0xffff) + (sum >>> 16);
        }
        return (int) ~sum & 0xffff;
    }

    /**
     * The TCP/UDP/ICMPv6 checksum of a segment (its checksum field zero, or as sent to verify: a
     * correct segment then yields 0) over the IPv4 or IPv6 pseudo-header.
     */
    public static int l4Checksum(boolean ipv4, byte[] src, byte[] dst, int proto, byte[] b, int off, int len) {
        byte[] pseudo;
        if (ipv4) {
            pseudo = new byte[12];
            System.arraycopy(src, 0, pseudo, 0, 4);
            System.arraycopy(dst, 0, pseudo, 4, 4);
            pseudo[9] = (byte) proto;
            put16(pseudo, 10, len);
        } else {
            pseudo = new byte[40];
            System.arraycopy(src, 0, pseudo, 0, 16);
            System.arraycopy(dst, 0, pseudo, 16, 16);
            put32(pseudo, 32, len);
            pseudo[39] = (byte) proto;
        }
        int partial = ~inetChecksum(pseudo, 0, pseudo.length, 0) & 0xffff;
        return inetChecksum(b, off, len, partial);
    }

    /**
     * True if every checksum the frame carries is right: the IPv4 header checksum, and for an
     * unfragmented or first-fragment packet the TCP, UDP (0 = none, over IPv4), ICMP, ICMPv6 or
     * SCTP checksum over the IP payload. Walks VLAN tags and IPv6 extension headers; a frame with
     * no IP is trivially valid. For action tests that rewrite headers and must fix checksums.
     */
    public static boolean checksumsValid(byte[] f) {
        int off = 12;
        int type = get16(f, off);
        while (type == 0x8100 || type == 0x88a8) {
            off += 4;
            type = get16(f, off);
        }
        off += 2;
        byte[] src;
        byte[] dst;
        int proto;
        int end;
        boolean v4 = type == 0x0800;
        if (v4) {
            int ihl = (f[off] & 0xf) * 4;
            if (inetChecksum(f, off, ihl, 0) != 0) {
                return false;
            }
            int frag = get16(f, off + 6);
            if ((frag & 0x1fff) != 0) {
                return true;
            }
            src = Arrays.copyOfRange(f, off + 12, off + 16);
            dst = Arrays.copyOfRange(f, off + 16, off + 20);
            proto = f[off + 9] & 0xff;
            end = off + get16(f, off + 2);
            off += ihl;
        } else if (type == 0x86dd) {
            src = Arrays.copyOfRange(f, off + 8, off + 24);
            dst = Arrays.copyOfRange(f, off + 24, off + 40);
            proto = f[off + 6] & 0xff;
            end = off + 40 + get16(f, off + 4);
            off += 40;
            while (proto == 0 || proto == 43 || proto == 60 || proto == 51 || proto == 44) {
                int next = f[off] & 0xff;
                if (proto == 44) {
                    if ((get16(f, off + 2) & 0xfff8) != 0) {
                        return true;
                    }
                    off += 8;
                } else {
                    off += proto == 51 ? ((f[off + 1] & 0xff) + 2) * 4 : ((f[off + 1] & 0xff) + 1) * 8;
                }
                proto = next;
            }
        } else {
            return true;
        }
        int len = end - off;
        return switch (proto) {
            case 6 -> l4Checksum(v4, src, dst, 6, f, off, len) == 0;
            case 17 -> v4 && get16(f, off + 6) == 0 || l4Checksum(v4, src, dst, 17, f, off, len) == 0;
            case 58 -> l4Checksum(v4, src, dst, 58, f, off, len) == 0;
            case 1 -> inetChecksum(f, off, len, 0) == 0;
            case 132 -> {
                byte[] copy = Arrays.copyOfRange(f, off, end);
                int stored = (copy[8] & 0xff) | (copy[9] & 0xff) << 8 | (copy[10] & 0xff) << 16 | (copy[11] & 0xff) << 24;
                Arrays.fill(copy, 8, 12, (byte) 0);
                CRC32C c = new CRC32C();
                c.update(copy);
                yield (int) c.getValue() == stored;
            }
            default -> true;
        };
    }

    private static void put16(byte[] b, int off, int v) {
        b[off] = (byte) (v >>> 8);
        b[off + 1] = (byte) v;
    }

    private static void put32(byte[] b, int off, int v) {
        put16(b, off, v >>> 16);
        put16(b, off + 2, v);
    }

    private static int get16(byte[] b, int off) {
        return (b[off] & 0xff) << 8 | b[off + 1] & 0xff;
    }
}
