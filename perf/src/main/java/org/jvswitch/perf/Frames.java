package org.jvswitch.perf;

import java.nio.ByteBuffer;

/** Test frames for benchmarks. */
final class Frames {
    private Frames() {
    }

    /** A 60-byte Ethernet/IPv4/UDP frame (64 on the wire with FCS), valid IP checksum. */
    static byte[] udp64(int src, int srcPort, int dst, int dstPort) {
        ByteBuffer b = ByteBuffer.allocate(60);
        b.putLong(0x0a0000000002L << 16).position(6);
        b.putShort((short) 0x0a00).putInt(0x00000001);
        b.putShort((short) 0x0800);
        b.put((byte) 0x45).put((byte) 0).putShort((short) 46).putShort((short) 0).putShort((short) 0)
                .put((byte) 64).put((byte) 17).putShort((short) 0).putInt(src).putInt(dst);
        b.putShort((short) srcPort).putShort((short) dstPort).putShort((short) 26).putShort((short) 0);
        byte[] f = b.array();
        long sum = 0;
        for (int i = 14; i < 34; i += 2) {
            sum += (f[i] & 0xff) << 8 | f[i + 1] & 0xff;
        }
        while ((sum >> 16) != 0) {
            sum = (sum & 0xffff) + (sum >> 16);
        }
        int c = (int) ~sum & 0xffff;
        f[24] = (byte) (c >> 8);
        f[25] = (byte) c;
        return f;
    }
}
