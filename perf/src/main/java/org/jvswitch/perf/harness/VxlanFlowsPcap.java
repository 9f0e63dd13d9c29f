package org.jvswitch.perf.harness;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes the tunnel benchmark's decapsulation input (deploy/bench/tunnel.sh): {@link UdpFlowsPcap}'s
 * frames, each inside VXLAN as a remote tunnel endpoint would send it to this one.
 *
 * <pre>
 *   usage: VxlanFlowsPcap FILE FLOWS OUTER_SRC_IP OUTER_DST_IP OUTER_DST_MAC VNI
 *
 *   frame i (110 bytes):
 *     Ethernet  OUTER_DST_MAC <- 02:00:00:00:0a:02, type 0x0800
 *     IPv4      OUTER_SRC_IP -> OUTER_DST_IP, ihl 5, DF, ttl 64, proto 17, valid checksum
 *     UDP       source port 32768 + i % 28233 (as a sender spreads flows), destination 4789, no checksum
 *     VXLAN     flags 0x08 (I), VNI
 *     inner     UdpFlowsPcap's frame i (60 bytes)
 * </pre>
 */
public final class VxlanFlowsPcap {
    static final int OUTER = 14 + 20 + 8 + 8;
    static final int FRAME = OUTER + UdpFlowsPcap.FRAME;

    private VxlanFlowsPcap() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 6) {
            System.err.println("usage: VxlanFlowsPcap FILE FLOWS OUTER_SRC_IP OUTER_DST_IP OUTER_DST_MAC VNI");
            System.exit(2);
        }
        int flows = Integer.parseInt(args[1]);
        if (flows < 1 || flows > (1 << 24) - (1 << 16)) {
            System.err.println("VxlanFlowsPcap: FLOWS must be between 1 and " + ((1 << 24) - (1 << 16)));
            System.exit(2);
        }
        long mac = Long.parseLong(args[4].replace(":", ""), 16);
        write(Path.of(args[0]), flows, UdpFlowsPcap.parseIpv4(args[2]), UdpFlowsPcap.parseIpv4(args[3]), mac,
                Integer.decode(args[5]));
    }

    static void write(Path file, int flows, int outerSrc, int outerDst, long dstMac, int vni) throws IOException {
        ByteBuffer rec = ByteBuffer.allocate(16 + FRAME);
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 20)) {
            ByteBuffer hdr = ByteBuffer.allocate(24).order(ByteOrder.LITTLE_ENDIAN);
            hdr.putInt(0xa1b2c3d4).putShort((short) 2).putShort((short) 4).putInt(0).putInt(0)
                    .putInt(65535).putInt(1);
            out.write(hdr.array());
            for (int i = 0; i < flows; i++) {
                rec.clear();
                rec.order(ByteOrder.LITTLE_ENDIAN);
                rec.putInt(1_700_000_000 + i / 1_000_000).putInt(i % 1_000_000).putInt(FRAME).putInt(FRAME);
                rec.order(ByteOrder.BIG_ENDIAN);
                UdpFlowsPcap.frame(rec, 16 + OUTER, (10 << 24) | ((1 + (i >>> 16)) << 16) | (i & 0xffff),
                        UdpFlowsPcap.parseIpv4("10.0.0.2"), 1024 + i % 16);
                outer(rec, 16, outerSrc, outerDst, dstMac, 32768 + i % 28233, vni);
                out.write(rec.array());
            }
        }
    }

    /** The outer Ethernet, IPv4, UDP and VXLAN headers at {@code off}. */
    static void outer(ByteBuffer b, int off, int src, int dst, long dstMac, int sport, int vni) {
        b.putShort(off, (short) (dstMac >>> 32)).putInt(off + 2, (int) dstMac);
        b.putShort(off + 6, (short) 0x0200).putInt(off + 8, 0x00000a02);
        b.putShort(off + 12, (short) 0x0800);
        int ip = off + 14;
        for (int i = 0; i < 20; i++) {
            b.put(ip + i, (byte) 0);
        }
        b.put(ip, (byte) 0x45);
        b.putShort(ip + 2, (short) (FRAME - 14));
        b.putShort(ip + 6, (short) 0x4000);
        b.put(ip + 8, (byte) 64);
        b.put(ip + 9, (byte) 17);
        b.putInt(ip + 12, src).putInt(ip + 16, dst);
        b.putShort(ip + 10, (short) UdpFlowsPcap.ipChecksum(b, ip));
        int udp = ip + 20;
        b.putShort(udp, (short) sport).putShort(udp + 2, (short) 4789);
        b.putShort(udp + 4, (short) (FRAME - 14 - 20)).putShort(udp + 6, (short) 0);
        b.putInt(udp + 8, 0x08000000).putInt(udp + 12, vni << 8);
    }
}
