package org.jvswitch.tnl;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * IP address text and bits for the tunnel code: strict literal parsing (never a DNS lookup, and
 * no "1.2.3" shorthand), OVS's printing (IPv6 compressed as RFC 5952 says), and the 128-bit
 * IPv4-mapped form the route table keys everything by. Stateless.
 */
public final class IpAddrs {
    private IpAddrs() {
    }

    /** A literal IPv4 (dotted quad) or IPv6 address, or null if {@code s} is not one. */
    public static InetAddress parse(String s) {
        if (s == null || s.isEmpty()) {
            return null;
        }
        String t = s.trim();
        if (t.indexOf(':') >= 0) {
            if (!t.matches("[0-9a-fA-F:.]+")) {
                return null;
            }
            try {
                return InetAddress.getByName(t);
            } catch (UnknownHostException e) {
                return null;
            }
        }
        String[] parts = t.split("\\.", -1);
        if (parts.length != 4) {
            return null;
        }
        byte[] b = new byte[4];
        for (int i = 0; i < 4; i++) {
            if (!parts[i].matches("[0-9]{1,3}")) {
                return null;
            }
            int v = Integer.parseInt(parts[i]);
            if (v > 255) {
                return null;
            }
            b[i] = (byte) v;
        }
        return of(b);
    }

    public static InetAddress of(byte[] b) {
        try {
            return InetAddress.getByAddress(b);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** IPv4 {@code a} (FlowKey's host-order int). */
    public static InetAddress ipv4(int a) {
        return of(new byte[] {(byte) (a >>> 24), (byte) (a >>> 16), (byte) (a >>> 8), (byte) a});
    }

    /** IPv6 from FlowKey's two words, high first. */
    public static InetAddress ipv6(long hi, long lo) {
        byte[] b = new byte[16];
        for (int i = 0; i < 8; i++) {
            b[i] = (byte) (hi >>> (56 - 8 * i));
            b[8 + i] = (byte) (lo >>> (56 - 8 * i));
        }
        return of(b);
    }

    public static boolean isV4(InetAddress a) {
        return a instanceof Inet4Address;
    }

    /** FlowKey's int for an IPv4 address. */
    public static int v4(InetAddress a) {
        byte[] b = a.getAddress();
        return (b[0] & 0xff) << 24 | (b[1] & 0xff) << 16 | (b[2] & 0xff) << 8 | b[3] & 0xff;
    }

    /** Word {@code i} (0 high, 1 low) of an IPv6 address. */
    public static long v6(InetAddress a, int i) {
        byte[] b = a.getAddress();
        long v = 0;
        for (int j = 0; j < 8; j++) {
            v = v << 8 | b[8 * i + j] & 0xff;
        }
        return v;
    }

    /** The 16-byte form: IPv6 as is, IPv4 mapped (::ffff:a.b.c.d). */
    public static byte[] mapped(InetAddress a) {
        byte[] b = a.getAddress();
        if (b.length == 16) {
            return b;
        }
        byte[] m = new byte[16];
        m[10] = (byte) 0xff;
        m[11] = (byte) 0xff;
        System.arraycopy(b, 0, m, 12, 4);
        return m;
    }

    /** Whether the first {@code plen} bits of two 16-byte addresses are equal. */
    public static boolean samePrefix(byte[] a, byte[] b, int plen) {
        for (int i = 0; i < 16 && plen > 0; i++, plen -= 8) {
            int mask = plen >= 8 ? 0xff : 0xff << (8 - plen) & 0xff;
            if (((a[i] ^ b[i]) & mask) != 0) {
                return false;
            }
        }
        return true;
    }

    /** {@code a} with the bits after {@code plen} cleared (16-byte form). */
    public static byte[] masked(byte[] a, int plen) {
        byte[] m = a.clone();
        for (int i = 0; i < 16; i++) {
            int keep = Math.max(0, Math.min(8, plen - 8 * i));
            m[i] &= (byte) (0xff << (8 - keep));
        }
        return m;
    }

    /** An address as OVS prints it: dotted quad, or IPv6 compressed (RFC 5952). */
    public static String format(InetAddress a) {
        if (a == null) {
            return "::";
        }
        if (a instanceof Inet4Address) {
            return a.getHostAddress();
        }
        return formatV6(a.getAddress());
    }

    /** A 16-byte address as OVS's ipv6_format_mapped prints it: IPv4-mapped ones as dotted quads. */
    public static String formatMapped(byte[] b) {
        boolean mapped = true;
        for (int i = 0; i < 10; i++) {
            mapped &= b[i] == 0;
        }
        if (mapped && (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff) {
            return (b[12] & 0xff) + "." + (b[13] & 0xff) + "." + (b[14] & 0xff) + "." + (b[15] & 0xff);
        }
        return formatV6(b);
    }

    private static String formatV6(byte[] b) {
        int[] w = new int[8];
        for (int i = 0; i < 8; i++) {
            w[i] = (b[2 * i] & 0xff) << 8 | b[2 * i + 1] & 0xff;
        }
        int bestAt = -1;
        int bestLen = 1;
        for (int i = 0; i < 8; ) {
            if (w[i] != 0) {
                i++;
                continue;
            }
            int j = i;
            while (j < 8 && w[j] == 0) {
                j++;
            }
            if (j - i > bestLen) {
                bestAt = i;
                bestLen = j - i;
            }
            i = j;
        }
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            if (i == bestAt) {
                s.append(i == 0 ? "::" : ":");
                i += bestLen - 1;
                continue;
            }
            s.append(Integer.toHexString(w[i]));
            if (i < 7) {
                s.append(':');
            }
        }
        return s.toString();
    }

    public static boolean isMulticast(InetAddress a) {
        return a.isMulticastAddress();
    }

    public static boolean isV6(InetAddress a) {
        return a instanceof Inet6Address;
    }
}
