package org.jvswitch.perf.harness;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes the datapath harness's input: a classic libpcap file of minimum-size Ethernet/IPv4/UDP
 * frames over N distinct 5-tuples, one frame per flow, for {@code net_pcap,infinite_rx=1} to replay
 * round robin (deploy/bench/datapath.sh).
 *
 * <pre>
 *   usage: UdpFlowsPcap FILE FLOWS [DST_IP]
 *
 *   frame i (60 bytes: a 64-byte frame on the wire less its FCS, which pcaps do not hold):
 *     Ethernet  02:00:00:00:00:02 <- 02:00:00:00:00:01, type 0x0800
 *     IPv4      10.(1 + i / 65536).(i / 256 % 256).(i % 256) -> DST_IP (default 10.0.0.2),
 *               ihl 5, total length 46, ttl 64, proto 17, no fragmentation, valid checksum
 *     UDP       source port 1024 + i % 16, destination port 5001, length 26, checksum 0 (none)
 *     payload   18 zero bytes
 * </pre>
 *
 * Every frame is a distinct flow (source address and port); all share the destination, so one
 * {@code nw_dst} megaflow covers them all. FLOWS may be up to 16,777,216 - 65,536.
 */
public final class UdpFlowsPcap {
    static final int FRAME = 60;
    private static final int IP_OFF = 14;
    private static final int UDP_OFF = IP_OFF + 20;

    private UdpFlowsPcap() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 2 || args.length > 3) {
            System.err.println("usage: UdpFlowsPcap FILE FLOWS [DST_IP]");
            System.exit(2);
        }
        int flows = Integer.parseInt(args[1]);
        if (flows < 1 || flows > (1 << 24) - (1 << 16)) {
            System.err.println("UdpFlowsPcap: FLOWS must be between 1 and " + ((1 << 24) - (1 << 16)));
            System.exit(2);
        }
        int dst = parseIpv4(args.length > 2 ? args[2] : "10.0.0.2");
        write(Path.of(args[0]), flows, dst);
    }

    static void write(Path file, int flows, int dst) throws IOException {
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
                frame(rec, 16, (10 << 24) | ((1 + (i >>> 16)) << 16) | (i & 0xffff), dst, 1024 + i % 16);
                out.write(rec.array());
            }
        }
    }

    /** One frame at {@code off} of {@code b} (big-endian). */
    static void frame(ByteBuffer b, int off, int src, int dst, int sport) {
        for (int i = 0; i < FRAME; i++) {
            b.put(off + i, (byte) 0);
        }
        b.putShort(off, (short) 0x0200).putInt(off + 2, 0x00000002);
        b.putShort(off + 6, (short) 0x0200).putInt(off + 8, 0x00000001);
        b.putShort(off + 12, (short) 0x0800);
        int ip = off + IP_OFF;
        b.put(ip, (byte) 0x45);
        b.putShort(ip + 2, (short) (FRAME - IP_OFF));
        b.put(ip + 8, (byte) 64);
        b.put(ip + 9, (byte) 17);
        b.putInt(ip + 12, src).putInt(ip + 16, dst);
        b.putShort(ip + 10, (short) ipChecksum(b, ip));
        int udp = off + UDP_OFF;
        b.putShort(udp, (short) sport).putShort(udp + 2, (short) 5001);
        b.putShort(udp + 4, (short) (FRAME - UDP_OFF));
    }

    static int ipChecksum(ByteBuffer b, int ip) {
        int sum = 0;
        for (int i = 0; i < 20; i += 2) {
            sum += b.getShort(ip + i) & 0xffff;
        }
        while ((sum >>> 16) != 0) {
            sum = (sum & 0xffff) + (sum >>> 16);
        }
        return ~sum & 0xffff;
    }

    static int parseIpv4(String s) {
        String[] parts = s.split("\\.");
        if (parts.length != 4) {
            throw new IllegalArgumentException("not an IPv4 address: " + s);
        }
        int v = 0;
        for (String p : parts) {
            int o = Integer.parseInt(p);
            if (o < 0 || o > 255) {
                throw new IllegalArgumentException("not an IPv4 address: " + s);
            }
            v = v << 8 | o;
        }
        return v;
    }
}
