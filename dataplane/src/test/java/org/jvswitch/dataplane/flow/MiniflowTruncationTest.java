package org.jvswitch.dataplane.flow;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.jvswitch.dataplane.flow.ExtractStatus.BAD_IPV6_EXT;
import static org.jvswitch.dataplane.flow.ExtractStatus.BAD_ND;
import static org.jvswitch.dataplane.flow.ExtractStatus.OK;
import static org.jvswitch.dataplane.flow.ExtractStatus.TRUNCATED_ARP;
import static org.jvswitch.dataplane.flow.ExtractStatus.TRUNCATED_ETH;
import static org.jvswitch.dataplane.flow.ExtractStatus.TRUNCATED_IPV4;
import static org.jvswitch.dataplane.flow.ExtractStatus.TRUNCATED_IPV6;
import static org.jvswitch.dataplane.flow.ExtractStatus.TRUNCATED_L4;
import static org.jvswitch.dataplane.flow.ExtractStatus.TRUNCATED_MPLS;
import static org.jvswitch.dataplane.flow.ExtractStatus.TRUNCATED_VLAN;
import static org.jvswitch.dataplane.flow.FlowKey.W_ARP_SHA;
import static org.jvswitch.dataplane.flow.FlowKey.W_ARP_THA;
import static org.jvswitch.dataplane.flow.FlowKey.W_ETH_DST;
import static org.jvswitch.dataplane.flow.FlowKey.W_ETH_SRC;
import static org.jvswitch.dataplane.flow.FlowKey.W_IPV6_DST;
import static org.jvswitch.dataplane.flow.FlowKey.W_IPV6_LABEL;
import static org.jvswitch.dataplane.flow.FlowKey.W_IPV6_SRC;
import static org.jvswitch.dataplane.flow.FlowKey.W_L3_META;
import static org.jvswitch.dataplane.flow.FlowKey.W_ND_TARGET;
import static org.jvswitch.dataplane.flow.FlowKey.W_NW;
import static org.jvswitch.dataplane.flow.FlowKey.W_TP;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;
import org.jvswitch.testing.dataplane.PacketBuilder;

/**
 * Every truncation point of every header kind: a frame cut at each length from 0 to full must
 * extract without an exception, keep exactly the layers that are complete, and say where it
 * stopped. Two kinds of cut: the frame itself ("the NIC gave us fewer bytes": the IP length then
 * runs past the frame), and the IP datagram ("the sender's IP length is short": the frame and the
 * IP length agree, the L4 header or extension chain is cut). Then random corruption of every
 * corpus frame.
 */
class MiniflowTruncationTest {
    static final long A = 0x0200_0000_000aL;
    static final long B = 0x0200_0000_000bL;
    static final int IP_A = 0x0a00_0001;
    static final int IP_B = 0x0a00_0002;
    static final byte[] V6_A = PacketBuilder.ip6("2001:db8::1");
    static final byte[] V6_B = PacketBuilder.ip6("2001:db8::2");
    static final int[] IPV6_ADDRS = {W_IPV6_SRC, W_IPV6_SRC + 1, W_IPV6_DST, W_IPV6_DST + 1};

    static PacketBuilder eth() {
        return new PacketBuilder().eth(B, A);
    }

    /** Extracts {@code frame} cut at every length and compares with {@code want.apply(cut)}. */
    static void sweep(byte[] frame, IntFunction<Extraction> want) {
        for (int cut = 0; cut <= frame.length; cut++) {
            want.apply(cut).assertMatches(Extraction.of(frame, cut), "frame cut at " + cut + " of " + frame.length);
        }
    }

    /** {@code frame} cut to {@code len} bytes with the IPv4 total length or IPv6 payload length agreeing. */
    static byte[] cutDatagram(byte[] frame, int l3, int len) {
        byte[] f = Arrays.copyOf(frame, len);
        int version = (f[l3] & 0xff) >>> 4;
        int ipLen = version == 4 ? len - l3 : len - l3 - 40;
        int at = version == 4 ? l3 + 2 : l3 + 4;
        f[at] = (byte) (ipLen >>> 8);
        f[at + 1] = (byte) ipLen;
        return f;
    }

    /** Cuts the datagram at every length from {@code from} to full and compares with {@code want}. */
    static void sweepDatagram(byte[] frame, int l3, int from, IntFunction<Extraction> want) {
        for (int cut = from; cut <= frame.length; cut++) {
            want.apply(cut).assertMatches(Extraction.of(cutDatagram(frame, l3, cut)),
                    "datagram cut at " + cut + " of " + frame.length);
        }
    }

    @Test
    void ipv4UdpFrame() {
        byte[] f = eth().ipv4(IP_A, IP_B).udp(1, 2).payload(10).build();
        Extraction full = Extraction.of(f);
        full.assertStatus(OK);
        sweep(f, cut -> cut < 14 ? Extraction.none(TRUNCATED_ETH)
                : cut < f.length ? full.only(Extraction.L2).status(TRUNCATED_IPV4).layers(-1, 14, -1)
                : full);
    }

    @Test
    void ipv4FrameWithPaddingIsWholeOnceTheDatagramIs() {
        byte[] f = eth().ipv4(IP_A, IP_B).udp(1, 2).padTo(60).build();
        Extraction full = Extraction.of(f);
        sweep(f, cut -> cut < 14 ? Extraction.none(TRUNCATED_ETH)
                : cut < 42 ? full.only(Extraction.L2).status(TRUNCATED_IPV4).layers(-1, 14, -1)
                : full);
    }

    @Test
    void doubleTaggedIpv6TcpFrame() {
        byte[] f = eth().vlan(0x88a8, 10).vlan(0x8100, 20).ipv6(V6_A, V6_B).tcp(1, 2).build();
        Extraction full = Extraction.of(f);
        full.assertStatus(OK);
        long outerOnly = full.word(FlowKey.W_VLAN) & 0xffff_ffff_0000_0000L;
        sweep(f, cut -> {
            if (cut < 14) {
                return Extraction.none(TRUNCATED_ETH);
            } else if (cut < 18) {
                return full.only(W_ETH_DST, W_ETH_SRC).with(FlowField.ETH_TYPE, 0x88a8).status(TRUNCATED_VLAN)
                        .layers(-1, -1, -1);
            } else if (cut < 22) {
                return full.only(W_ETH_DST, W_ETH_SRC).with(FlowField.ETH_TYPE, 0x8100)
                        .with(FlowField.VLAN0_TPID, outerOnly >>> 48)
                        .with(FlowField.VLAN0_TCI, (outerOnly >>> 32) & 0xffff)
                        .status(TRUNCATED_VLAN).layers(-1, -1, -1);
            } else if (cut < f.length) {
                return full.only(Extraction.L2).status(TRUNCATED_IPV6).layers(-1, 22, -1);
            }
            return full;
        });
    }

    @Test
    void arpFrame() {
        byte[] f = eth().arp(1, A, IP_A, 0, IP_B).padTo(60).build();
        Extraction full = Extraction.of(f);
        full.assertStatus(OK);
        sweep(f, cut -> cut < 14 ? Extraction.none(TRUNCATED_ETH)
                : cut < 42 ? full.only(Extraction.L2).status(TRUNCATED_ARP).layers(-1, 14, -1)
                : full);
    }

    @Test
    void mplsStackFrame() {
        byte[] f = eth().mpls(1, 0, 1).mpls(2, 0, 2).mpls(3, 0, 3).payload(6).build();
        Extraction full = Extraction.of(f);
        full.assertStatus(OK);
        full.assertLayers(14, 26, -1);
        sweep(f, cut -> cut < 14 ? Extraction.none(TRUNCATED_ETH)
                : cut < 18 ? full.only(Extraction.L2).status(TRUNCATED_MPLS).layers(-1, -1, -1)
                : cut < 26 ? full.only(Extraction.L2, W_L3_META).status(TRUNCATED_MPLS).layers(14, -1, -1)
                : full);
    }

    @Test
    void snapFrameIsTypeNoneUntilTheSnapHeaderIsWhole() {
        byte[] f = eth().llcSnap(0).ipv4(IP_A, IP_B).udp(1, 2).build();
        Extraction full = Extraction.of(f);
        full.assertStatus(OK);
        sweep(f, cut -> cut < 14 ? Extraction.none(TRUNCATED_ETH)
                : cut < 22 ? full.only(Extraction.L2).with(FlowField.ETH_TYPE, FlowKey.ETH_TYPE_NONE).status(OK)
                        .layers(-1, 14, -1)
                : cut < f.length ? full.only(Extraction.L2).status(TRUNCATED_IPV4).layers(-1, 22, -1)
                : full);
    }

    @Test
    void ipv6NdFrame() {
        byte[] f = eth().ipv6(V6_A, V6_B).hopByHop().ndNs(V6_B).sll(A).build();
        Extraction full = Extraction.of(f);
        full.assertStatus(OK);
        sweep(f, cut -> cut < 14 ? Extraction.none(TRUNCATED_ETH)
                : cut < f.length ? full.only(Extraction.L2).status(TRUNCATED_IPV6).layers(-1, 14, -1)
                : full);
    }

    @Test
    void tcpSegmentWithOptions() {
        PacketBuilder b = eth().ipv4(IP_A, IP_B).ipOptions(new byte[] {1, 1, 1, 0}).tcp(1, 2).tcpFlags(0x018)
                .tcpOptions(new byte[12]).payload(10);
        byte[] f = b.build();
        int l4 = b.l4Offset();
        Extraction full = Extraction.of(f);
        full.assertStatus(OK);
        full.assertLayers(-1, 14, 38);
        sweepDatagram(f, 14, l4, cut -> cut - l4 < 32
                ? full.only(Extraction.L2, W_L3_META, W_NW).status(TRUNCATED_L4)
                : full);
    }

    @Test
    void udpSctpAndIcmpSegments() {
        for (PacketBuilder b : List.of(eth().ipv4(IP_A, IP_B).udp(1, 2).payload(3),
                eth().ipv4(IP_A, IP_B).sctp(1, 2, 3).payload(3),
                eth().ipv4(IP_A, IP_B).icmp(8, 0).payload(3),
                eth().ipv6(V6_A, V6_B).udp(1, 2).payload(3),
                eth().ipv6(V6_A, V6_B).icmp6(128, 0).payload(3))) {
            byte[] f = b.build();
            int l4 = b.l4Offset();
            int need = f.length - l4 - 3;
            Extraction full = Extraction.of(f);
            full.assertStatus(OK);
            sweepDatagram(f, 14, l4, cut -> cut - l4 < need
                    ? full.only(Extraction.L2, W_L3_META, W_NW, W_IPV6_SRC, W_IPV6_SRC + 1, W_IPV6_DST, W_IPV6_DST + 1,
                            W_IPV6_LABEL).status(TRUNCATED_L4)
                    : full);
        }
    }

    @Test
    void ipv6ExtensionChain() {
        PacketBuilder b = eth().ipv6(V6_A, V6_B).tos(5).flowLabel(9).hopByHop().ipv6Ext(60, 16).ah(3)
                .fragment6(0, true, 4).routing().udp(1, 2);
        byte[] f = b.build();
        int l4 = b.l4Offset();
        Extraction full = Extraction.of(f);
        full.assertStatus(OK);
        Extraction badExt = full.only(Extraction.L2, IPV6_ADDRS).status(BAD_IPV6_EXT).layers(-1, 14, -1);
        Extraction noUdp = full.only(Extraction.L2, W_L3_META, W_IPV6_SRC, W_IPV6_SRC + 1, W_IPV6_DST,
                W_IPV6_DST + 1, W_IPV6_LABEL).status(TRUNCATED_L4);
        sweepDatagram(f, 14, 54, cut -> cut < l4 ? badExt : cut < l4 + 8 ? noUdp : full);
    }

    @Test
    void neighborSolicitation() {
        PacketBuilder b = eth().ipv6(V6_A, V6_B).ndNs(V6_B).sll(A).ndOption(14, 2, new byte[] {9});
        byte[] f = b.build();
        int l4 = b.l4Offset();
        Extraction full = Extraction.of(f);
        full.assertStatus(OK);
        int[] l3 = {W_L3_META, W_IPV6_SRC, W_IPV6_SRC + 1, W_IPV6_DST, W_IPV6_DST + 1, W_IPV6_LABEL};
        Extraction noIcmp = full.only(Extraction.L2, l3).status(TRUNCATED_L4);
        Extraction badNd = full.only(Extraction.L2, append(l3, W_TP)).status(BAD_ND);
        Extraction targetOnly = full.only(Extraction.L2, append(l3, W_TP, W_ND_TARGET, W_ND_TARGET + 1));
        sweepDatagram(f, 14, l4, cut -> {
            int n = cut - l4;
            if (n < 8) {
                return noIcmp;
            } else if (n < 24) {
                return badNd; // no room for the target
            } else if (n < 32) {
                return targetOnly; // the SLL option is not there yet: fewer than 8 bytes are ignored
            } else if (n < 40) {
                return full.with(FlowField.ARP_THA, 0); // SLL whole, the next option not started
            } else if (n < 48) {
                return badNd; // the 16-byte option runs past the end
            }
            return full;
        });
        assertTrue(full.get(FlowField.ARP_SHA) == A);
    }

    @Test
    void randomCorruptionNeverThrowsAndNeverReadsPastTheFrame() {
        // Extraction.of checks the guards (metadata, neighbours, no read past len, status range).
        SplittableRandom rnd = new SplittableRandom(42);
        List<byte[]> corpus = Corpus.frames();
        for (int i = 0; i < 20_000; i++) {
            byte[] base = corpus.get(rnd.nextInt(corpus.size()));
            if (base.length == 0) {
                continue;
            }
            byte[] f = base.clone();
            int flips = 1 + rnd.nextInt(4);
            for (int j = 0; j < flips; j++) {
                int at = rnd.nextInt(f.length);
                // Bias towards the bytes that steer parsing: types, lengths, versions, offsets.
                f[at] = (byte) (rnd.nextBoolean() ? rnd.nextInt(256) : f[at] ^ (1 << rnd.nextInt(8)));
            }
            int len = rnd.nextInt(f.length + 1);
            Extraction e = Extraction.of(f, len);
            assertTrue(e.l25 <= len && e.l3 <= len && e.l4 <= len, "a layer past the frame: " + e);
        }
        for (int i = 0; i < 5_000; i++) {
            byte[] f = new byte[rnd.nextInt(200)];
            for (int j = 0; j < f.length; j++) {
                f[j] = (byte) rnd.nextInt(256);
            }
            if (f.length > 13 && rnd.nextBoolean()) {
                int[] types = {0x0800, 0x86dd, 0x0806, 0x8100, 0x88a8, 0x8847, 0x0050};
                int t = types[rnd.nextInt(types.length)];
                f[12] = (byte) (t >>> 8);
                f[13] = (byte) t;
            }
            Extraction.of(f);
        }
    }

    private static int[] append(int[] a, int... b) {
        int[] r = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, r, a.length, b.length);
        return r;
    }

    @Test
    void ethAndVlanStatusesAtTheirBoundaries() {
        byte[] f = eth().vlan(0x8100, 1).ethType(0x1234).build();
        Extraction.of(f, 13).assertStatus(TRUNCATED_ETH);
        Extraction.of(f, 14).assertStatus(TRUNCATED_VLAN);
        Extraction.of(f, 17).assertStatus(TRUNCATED_VLAN);
        Extraction.of(f, 18).assertStatus(OK);
    }
}
