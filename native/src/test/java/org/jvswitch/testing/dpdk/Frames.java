package org.jvswitch.testing.dpdk;

import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * Builds and answers the frames tests need: ARP and ICMP echo over IPv4 in Ethernet II. With
 * {@link #answer} a test plays a host behind a port, so that the kernel's own {@code ping} on the
 * other side proves packets cross in both directions.
 */
public final class Frames {
    public static final int ETH_ARP = 0x0806;
    public static final int ETH_IP = 0x0800;

    private Frames() {
    }

    /** An Ethernet frame of {@code len} bytes with a recognisable payload (UDP-less IPv4 junk). */
    public static byte[] numbered(long dst, long src, int len, int seq) {
        byte[] f = new byte[Math.max(len, 60)];
        putMac(f, 0, dst);
        putMac(f, 6, src);
        f[12] = (byte) 0x88;
        f[13] = (byte) 0xb5; // local experimental ethertype
        for (int i = 14; i < f.length; i++) {
            f[i] = (byte) (seq * 31 + i);
        }
        ByteBuffer.wrap(f).putInt(14, seq);
        return f;
    }

    /** The sequence number of a {@link #numbered} frame, or -1. */
    public static int sequence(byte[] f) {
        if (f.length < 18 || (f[12] & 0xff) != 0x88 || (f[13] & 0xff) != 0xb5) {
            return -1;
        }
        return ByteBuffer.wrap(f).getInt(14);
    }

    /**
     * The reply a host with address {@code ip}/{@code mac} sends to an ARP request for {@code ip}
     * or to an ICMP echo request to {@code ip}; null for anything else.
     */
    public static byte[] answer(byte[] f, int ip, long mac) {
        if (f.length < 42) {
            return null;
        }
        int type = ((f[12] & 0xff) << 8) | (f[13] & 0xff);
        ByteBuffer b = ByteBuffer.wrap(f);
        if (type == ETH_ARP && b.getShort(20) == 1 && b.getInt(38) == ip) {
            byte[] r = Arrays.copyOf(f, 42);
            ByteBuffer rb = ByteBuffer.wrap(r);
            System.arraycopy(f, 6, r, 0, 6);
            putMac(r, 6, mac);
            rb.putShort(20, (short) 2);
            System.arraycopy(f, 22, r, 32, 10); // sender -> target
            putMac(r, 22, mac);
            rb.putInt(28, ip);
            return r;
        }
        if (type == ETH_IP && (f[23] & 0xff) == 1 && b.getInt(30) == ip) {
            int ihl = (f[14] & 0x0f) * 4;
            int icmp = 14 + ihl;
            if (f.length < icmp + 8 || (f[icmp] & 0xff) != 8) {
                return null;
            }
            int total = b.getShort(16) & 0xffff;
            byte[] r = Arrays.copyOf(f, 14 + total);
            ByteBuffer rb = ByteBuffer.wrap(r);
            System.arraycopy(f, 6, r, 0, 6);
            putMac(r, 6, mac);
            rb.putInt(26, ip);
            rb.putInt(30, b.getInt(26));
            r[22] = 64;
            rb.putShort(24, (short) 0);
            rb.putShort(24, checksum(r, 14, ihl));
            r[icmp] = 0;
            rb.putShort(icmp + 2, (short) 0);
            rb.putShort(icmp + 2, checksum(r, icmp, 14 + total - icmp));
            return r;
        }
        return null;
    }

    public static int ipv4(String dotted) {
        String[] p = dotted.split("\\.");
        return Integer.parseInt(p[0]) << 24 | Integer.parseInt(p[1]) << 16 | Integer.parseInt(p[2]) << 8
                | Integer.parseInt(p[3]);
    }

    static short checksum(byte[] d, int off, int len) {
        long sum = 0;
        for (int i = 0; i + 1 < len; i += 2) {
            sum += ((d[off + i] & 0xff) << 8) | (d[off + i + 1] & 0xff);
        }
        if ((len & 1) != 0) {
            sum += (d[off + len - 1] & 0xff) << 8;
        }
        while ((sum >> 16) != 0) {
            sum = (sum & 0xffff) + (sum >> 16);
        }
        return (short) ~sum;
    }

    private static void putMac(byte[] f, int off, long mac) {
        for (int i = 0; i < 6; i++) {
            f[off + i] = (byte) (mac >>> (40 - 8 * i));
        }
    }
}
