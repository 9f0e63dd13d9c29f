package org.jvswitch.dataplane.odp;

/**
 * How Open vSwitch writes the small things in datapath flow text: C's {@code %#x} (which prints
 * plain "0" for zero), dotted IPv4, MACs, IPv6 as glibc's {@code inet_ntop} writes it (longest
 * run of two or more zero groups compressed, first run on a tie, a trailing dotted quad for
 * IPv4-mapped and -compatible addresses), and byte strings as OVS's {@code ds_put_hex} writes
 * them ({@code 0x} and the digits without leading zero bytes, or "0").
 */
final class OdpText {
    private OdpText() {
    }

    /** C's {@code %#x}: "0" for zero, "0x..." otherwise. */
    static String hexAlt(long v) {
        return v == 0 ? "0" : "0x" + Long.toHexString(v);
    }

    static String ipv4(long v) {
        return ((v >>> 24) & 0xff) + "." + ((v >>> 16) & 0xff) + "." + ((v >>> 8) & 0xff) + "." + (v & 0xff);
    }

    static String mac(long v) {
        StringBuilder b = new StringBuilder(17);
        for (int shift = 40; shift >= 0; shift -= 8) {
            int octet = (int) (v >>> shift) & 0xff;
            b.append(Character.forDigit(octet >>> 4, 16)).append(Character.forDigit(octet & 0xf, 16));
            if (shift > 0) {
                b.append(':');
            }
        }
        return b.toString();
    }

    static String ipv6(long hi, long lo) {
        int[] w = new int[8];
        for (int i = 0; i < 4; i++) {
            w[i] = (int) (hi >>> (48 - 16 * i)) & 0xffff;
            w[4 + i] = (int) (lo >>> (48 - 16 * i)) & 0xffff;
        }
        int bestBase = -1;
        int bestLen = 0;
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
                bestBase = i;
                bestLen = j - i;
            }
            i = j;
        }
        if (bestLen < 2) {
            bestBase = -1;
        }
        StringBuilder b = new StringBuilder(40);
        for (int i = 0; i < 8; i++) {
            if (bestBase >= 0 && i >= bestBase && i < bestBase + bestLen) {
                if (i == bestBase) {
                    b.append(':');
                }
                continue;
            }
            if (i > 0) {
                b.append(':');
            }
            if (i == 6 && bestBase == 0 && (bestLen == 6 || bestLen == 5 && w[5] == 0xffff)) {
                b.append(ipv4(lo & 0xffffffffL));
                return b.toString();
            }
            b.append(Integer.toHexString(w[i]));
        }
        if (bestBase >= 0 && bestBase + bestLen == 8) {
            b.append(':');
        }
        return b.toString();
    }

    /** Parses IPv6 text; null if it is not an address. Returns {high 64, low 64}. */
    static long[] parseIpv6(String text) {
        int[] w = new int[8];
        String head = text;
        String tail = null;
        int gap = text.indexOf("::");
        if (gap >= 0) {
            if (text.indexOf("::", gap + 1) >= 0) {
                return null;
            }
            head = text.substring(0, gap);
            tail = text.substring(gap + 2);
        }
        int[] hw = groups(head);
        int[] tw = tail == null ? new int[0] : groups(tail);
        if (hw == null || tw == null) {
            return null;
        }
        if (tail == null ? hw.length != 8 : hw.length + tw.length > 7) {
            return null;
        }
        System.arraycopy(hw, 0, w, 0, hw.length);
        System.arraycopy(tw, 0, w, 8 - tw.length, tw.length);
        long hi = 0;
        long lo = 0;
        for (int i = 0; i < 4; i++) {
            hi = hi << 16 | w[i];
            lo = lo << 16 | w[4 + i];
        }
        return new long[] {hi, lo};
    }

    /** Colon-separated hex groups, the last of which may be a dotted quad (two groups). */
    private static int[] groups(String part) {
        if (part.isEmpty()) {
            return new int[0];
        }
        String[] g = part.split(":", -1);
        boolean dotted = g[g.length - 1].contains(".");
        int[] out = new int[g.length + (dotted ? 1 : 0)];
        for (int i = 0; i < g.length; i++) {
            if (dotted && i == g.length - 1) {
                OdpScanner sc = new OdpScanner(g[i]);
                try {
                    int v4 = sc.ipv4();
                    if (!sc.atEnd()) {
                        return null;
                    }
                    out[i] = v4 >>> 16;
                    out[i + 1] = v4 & 0xffff;
                } catch (OdpParseException e) {
                    return null;
                }
            } else {
                if (g[i].isEmpty() || g[i].length() > 4 || g[i].contains(".")) {
                    return null;
                }
                for (char c : g[i].toCharArray()) {
                    if (Character.digit(c, 16) < 0) {
                        return null;
                    }
                }
                out[i] = Integer.parseInt(g[i], 16);
            }
        }
        return out;
    }

    /** OVS's ds_put_hex: "0x" and the bytes without leading zero bytes, or "0" if all zero. */
    static String hexBytes(byte[] b, int off, int len) {
        StringBuilder sb = new StringBuilder(2 + 2 * len);
        boolean printed = false;
        for (int i = off; i < off + len; i++) {
            int v = b[i] & 0xff;
            if (v != 0 || printed) {
                if (!printed) {
                    sb.append("0x").append(Integer.toHexString(v));
                } else {
                    sb.append(Character.forDigit(v >>> 4, 16)).append(Character.forDigit(v & 0xf, 16));
                }
                printed = true;
            }
        }
        return printed ? sb.toString() : "0";
    }

    /** A 128-bit value as ds_put_hex writes it. */
    static String u128(long hi, long lo) {
        byte[] b = new byte[16];
        longToBytes(hi, b, 0);
        longToBytes(lo, b, 8);
        return hexBytes(b, 0, 16);
    }

    /** Plain lower-case hex pairs (userspace userdata). */
    static String hexPairs(byte[] b) {
        StringBuilder sb = new StringBuilder(2 * b.length);
        for (byte x : b) {
            sb.append(Character.forDigit((x >>> 4) & 0xf, 16)).append(Character.forDigit(x & 0xf, 16));
        }
        return sb.toString();
    }

    static long bytesToLong(byte[] b, int off) {
        long v = 0;
        for (int i = 0; i < 8; i++) {
            v = v << 8 | (b[off + i] & 0xff);
        }
        return v;
    }

    static void longToBytes(long v, byte[] b, int off) {
        for (int i = 0; i < 8; i++) {
            b[off + i] = (byte) (v >>> (56 - 8 * i));
        }
    }
}
