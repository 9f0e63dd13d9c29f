package org.jvswitch.tnl;

import java.net.InetAddress;
import java.nio.ByteBuffer;

/**
 * The frames the switch sends to resolve a tunnel's next hop: a broadcast ARP request (IPv4) or
 * an ICMPv6 neighbour solicitation to the target's solicited-node multicast group with the
 * source link-layer address option (IPv6), from the underlay bridge's port. Stateless.
 */
public final class NeighborPackets {
    private NeighborPackets() {
    }

    /** ARP request: who has {@code target}? Tell {@code src} at {@code mac}. 42 bytes. */
    public static byte[] arpRequest(long mac, InetAddress src, InetAddress target) {
        ByteBuffer b = ByteBuffer.allocate(42);
        putMac(b, 0xffffffffffffL);
        putMac(b, mac);
        b.putShort((short) 0x0806);
        b.putShort((short) 1).putShort((short) 0x0800).put((byte) 6).put((byte) 4).putShort((short) 1);
        putMac(b, mac);
        b.put(src.getAddress());
        putMac(b, 0);
        b.put(target.getAddress());
        return b.array();
    }

    /** Neighbour solicitation for {@code target} from {@code src} (IPv6) at {@code mac}. 86 bytes. */
    public static byte[] neighborSolicitation(long mac, InetAddress src, InetAddress target) {
        byte[] t = target.getAddress();
        byte[] group = {(byte) 0xff, 2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, (byte) 0xff, t[13], t[14], t[15]};
        ByteBuffer b = ByteBuffer.allocate(14 + 40 + 32);
        putMac(b, 0x3333ff000000L | (t[13] & 0xffL) << 16 | (t[14] & 0xffL) << 8 | t[15] & 0xffL);
        putMac(b, mac);
        b.putShort((short) 0x86dd);
        b.putInt(0x60000000).putShort((short) 32).put((byte) 58).put((byte) 255);
        b.put(src.getAddress());
        b.put(group);
        int icmp = b.position();
        b.put((byte) 135).put((byte) 0).putShort((short) 0).putInt(0);
        b.put(t);
        b.put((byte) 1).put((byte) 1);
        putMac(b, mac);
        byte[] f = b.array();
        long sum = 58 + 32;
        sum = add(f, 14 + 8, 32, sum);
        sum = add(f, icmp, 32, sum);
        while (sum >>> 16 != 0) {
            sum = (sum & 0xffff) + (sum >>> 16);
        }
        int c = ~(int) sum & 0xffff;
        f[icmp + 2] = (byte) (c >>> 8);
        f[icmp + 3] = (byte) c;
        return f;
    }

    private static long add(byte[] f, int off, int len, long sum) {
        for (int i = 0; i < len; i += 2) {
            sum += (f[off + i] & 0xff) << 8 | f[off + i + 1] & 0xff;
        }
        return sum;
    }

    private static void putMac(ByteBuffer b, long mac) {
        b.putShort((short) (mac >>> 32)).putInt((int) mac);
    }
}
