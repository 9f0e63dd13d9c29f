package org.jvswitch.dataplane.tunnel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.jvswitch.dataplane.DropReason;
import org.jvswitch.dataplane.action.ActionCompiler;
import org.jvswitch.dataplane.action.ActionExecutor;
import org.jvswitch.dataplane.action.DpAction;
import org.jvswitch.dataplane.flow.FlowField;
import org.jvswitch.dataplane.flow.FlowKey;
import org.jvswitch.dataplane.odp.OdpActions;
import org.jvswitch.dataplane.odp.OdpFlags;
import org.jvswitch.testing.dataplane.Checksums;
import org.jvswitch.testing.dataplane.PacketBuilder;
import org.jvswitch.testing.dataplane.TestExecContext;
import org.jvswitch.testing.dataplane.TestMbufs;

/**
 * tnl_push and tnl_pop through the action executor, on packets in Arena memory: the bytes a push
 * makes (against OVS's own datapath flow text), pop giving back the inner frame and the tunnel
 * metadata, and every way an outer header can be wrong, each dropped and counted by reason.
 */
class TunnelPushPopTest {
    private static final long MAC_A = 0x0a0000000001L;
    private static final long MAC_B = 0x0a0000000002L;
    private static final long UNDERLAY_MAC_LOCAL = 0xee550dbcbc4eL;
    private static final long UNDERLAY_MAC_REMOTE = 0xf8bc124434b6L;
    private static final int VXLAN_VPORT = 4789;
    private static final int GENEVE_VPORT = 6081;
    private static final int GRE_VPORT = 3;
    private static final String VXLAN_PUSH = "tnl_push(tnl_port(4789),header(size=50,type=4,eth(dst=f8:bc:12:44:34:b6,"
            + "src=ee:55:0d:bc:bc:4e,dl_type=0x0800),ipv4(src=1.1.2.88,dst=1.1.2.92,proto=17,tos=0,ttl=64,"
            + "frag=0x4000),udp(src=0,dst=4789,csum=0x0),vxlan(flags=0x8000000,vni=0x7b)),out_port(100)),1";

    private final TestExecContext ctx = new TestExecContext();
    private final ActionExecutor exec = new ActionExecutor();

    TunnelPushPopTest() {
        ctx.vports.put(VXLAN_VPORT, TunnelVport.open("vxlan_sys_4789", "vxlan", Map.of(), ctx.mbufs));
        ctx.vports.put(GENEVE_VPORT, TunnelVport.open("genev_sys_6081", "geneve", Map.of(), ctx.mbufs));
        ctx.vports.put(GRE_VPORT, TunnelVport.open("gre_sys", "gre", Map.of(), ctx.mbufs));
    }

    @AfterEach
    void everyPacketFreedOnce() {
        assertEquals(0, ctx.mbufs.live(), "packets leaked");
        assertEquals(0, ctx.mbufs.freedTwice(), "packets freed twice");
        ctx.mbufs.close();
    }

    private static byte[] inner() {
        return new PacketBuilder().eth(MAC_B, MAC_A).ipv4("10.0.0.1", "10.0.0.2").ttl(64).udp(1000, 2000)
                .payload(40).build();
    }

    private void run(List<DpAction> actions, int packets) {
        exec.execute(ActionCompiler.compile(actions), TestExecContext.slots(packets), packets, ctx);
    }

    /** Pushes with {@code actions} (ending in an output) and returns the bytes sent. */
    private byte[] push(byte[] frame, List<DpAction> actions) {
        ctx.sent.clear();
        ctx.load(0, frame, 1);
        ctx.burst.hashes[0] = 0x12345678;
        run(actions, 1);
        assertEquals(1, ctx.sent.size(), "one packet out; drops " + Arrays.toString(ctx.drops));
        return ctx.sent.get(0).bytes();
    }

    /** Pops {@code frame} for vport {@code vport}; returns what was recirculated, or null. */
    private TestExecContext.Recirculated pop(byte[] frame, int vport) {
        ctx.recirculated.clear();
        ctx.load(0, frame, 1);
        run(List.of(new DpAction.TunnelPop(vport)), 1);
        return ctx.recirculated.isEmpty() ? null : ctx.recirculated.get(0);
    }

    @Test
    void vxlanPushMatchesOvsBytesAndFillsThePerPacketFields() {
        byte[] in = inner();
        byte[] out = push(in, OdpActions.parse(VXLAN_PUSH));
        assertEquals(in.length + 50, out.length);
        assertArrayEquals(in, Arrays.copyOfRange(out, 50, out.length), "the inner frame follows unchanged");
        String hex = HexFormat.of().formatHex(out, 0, 50);
        // eth | IPv4: total length, id 0, DF, ttl 64, UDP | UDP: source port from the hash, 4789, length, csum 0
        assertEquals("f8bc124434b6ee550dbcbc4e0800", hex.substring(0, 28));
        assertEquals(in.length + 36, u16(out, 16), "IPv4 total length");
        assertTrue(Checksums.ipv4HeaderOk(out, 14), "IPv4 header checksum");
        int sport = u16(out, 34);
        assertTrue(sport >= 32768 && sport <= 61000, "source port " + sport);
        assertEquals(4789, u16(out, 36));
        assertEquals(in.length + 16, u16(out, 38), "UDP length");
        assertEquals(0, u16(out, 40), "no UDP checksum");
        assertEquals("0800000000007b00", hex.substring(84, 100));
        // Same hash, same port: a flow's packets stay on one underlay path.
        assertEquals(sport, u16(push(in, OdpActions.parse(VXLAN_PUSH)), 34));
    }

    @Test
    void popGivesBackTheInnerFrameAndTheTunnelMetadata() {
        byte[] in = inner();
        byte[] encap = push(in, OdpActions.parse(VXLAN_PUSH));
        TestExecContext.Recirculated r = pop(encap, VXLAN_VPORT);
        assertTrue(r != null, "recirculated; drops " + Arrays.toString(ctx.drops));
        assertArrayEquals(in, r.bytes());
        long[] k = r.key();
        assertEquals(VXLAN_VPORT, FlowKey.inPort(k, 0));
        assertEquals(0, FlowKey.recircId(k, 0));
        assertEquals(0x7b, FlowField.TUN_ID.get(k, 0));
        assertEquals(PacketBuilder.ip4("1.1.2.88") & 0xffffffffL, FlowField.TUN_SRC.get(k, 0));
        assertEquals(PacketBuilder.ip4("1.1.2.92") & 0xffffffffL, FlowField.TUN_DST.get(k, 0));
        assertEquals(64, FlowField.TUN_TTL.get(k, 0));
        assertEquals(OdpFlags.TUN_F_DF | OdpFlags.TUN_F_KEY, FlowField.TUN_FLAGS.get(k, 0));
        assertEquals(4789, FlowField.TUN_TP_DST.get(k, 0));
        assertEquals(u16(encap, 34), FlowField.TUN_TP_SRC.get(k, 0));
    }

    @Test
    void ipv6VxlanWithUdpChecksum() {
        byte[] in = inner();
        byte[] src = PacketBuilder.ip6("2001:db8::88");
        byte[] dst = PacketBuilder.ip6("2001:db8::92");
        DpAction.TunnelPush p = new TunnelHeaderBuilder().eth(UNDERLAY_MAC_REMOTE, UNDERLAY_MAC_LOCAL)
                .ipv6(PacketBuilder.ip6Word(src, 0), PacketBuilder.ip6Word(src, 1), PacketBuilder.ip6Word(dst, 0),
                        PacketBuilder.ip6Word(dst, 1), 0, 64)
                .vxlan(4789, 0x1c7, true).push(VXLAN_VPORT, 100);
        assertEquals(70, p.header().length);
        byte[] out = push(in, List.of(p, new DpAction.Output(1)));
        assertEquals(in.length + 16, u16(out, 18), "IPv6 payload length");
        assertTrue(Checksums.l4Ok(out, 14, 54, true), "UDP checksum over the IPv6 pseudo-header");
        TestExecContext.Recirculated r = pop(out, VXLAN_VPORT);
        assertArrayEquals(in, r.bytes());
        assertEquals(0x1c7, FlowField.TUN_ID.get(r.key(), 0));
        assertEquals(PacketBuilder.ip6Word(src, 0), r.key()[FlowKey.W_TUN_IPV6_SRC]);
        assertEquals(PacketBuilder.ip6Word(dst, 1), r.key()[FlowKey.W_TUN_IPV6_DST + 1]);
        assertEquals(OdpFlags.TUN_F_CSUM | OdpFlags.TUN_F_KEY, FlowField.TUN_FLAGS.get(r.key(), 0));
        out[out.length - 1] ^= 1;
        assertEquals(null, pop(out, VXLAN_VPORT));
        assertEquals(1, ctx.drops[DropReason.TUNNEL_CSUM]);
    }

    @Test
    void ipv4UdpChecksumOnAndGenevePushPopWithOptions() {
        byte[] in = inner();
        byte[] opts = {(byte) 0xff, (byte) 0xff, (byte) 0x80, 1, 0, 0, 0, 0x0a, 0, 1, 0, 1, 0, 0, 0, 0x0b};
        DpAction.TunnelPush p = new TunnelHeaderBuilder().eth(UNDERLAY_MAC_REMOTE, UNDERLAY_MAC_LOCAL)
                .ipv4(0x01010258, 0x0101025c, 0, 64, true).geneve(6081, 0x7b, true, opts, false)
                .push(GENEVE_VPORT, 100);
        byte[] out = push(in, List.of(p, new DpAction.Output(1)));
        assertTrue(Checksums.l4Ok(out, 14, 34, false), "UDP checksum");
        assertEquals(0x40, out[43] & 0xff, "C bit: a critical option is present");
        // Nobody mapped {class=0xffff,type=0x80}: the critical option makes it a drop.
        assertEquals(null, pop(out, GENEVE_VPORT));
        assertEquals(1, ctx.drops[DropReason.TUNNEL_OPTION]);
        ctx.vports.get(GENEVE_VPORT).setReceiveFilter(null, new int[] {0xffff << 8 | 0x80});
        TestExecContext.Recirculated r = pop(out, GENEVE_VPORT);
        assertArrayEquals(in, r.bytes());
        assertEquals(16, FlowField.GENEVE_LEN.get(r.key(), 0));
        assertEquals(0xffff80010000000aL, r.key()[FlowKey.W_GENEVE_OPTS]);
        assertEquals(0x000100010000000bL, r.key()[FlowKey.W_GENEVE_OPTS + 1]);
        assertEquals(0, r.key()[FlowKey.W_GENEVE_OPTS + 2]);
    }

    @Test
    void greWithKeyChecksumAndSequence() {
        byte[] in = inner();
        DpAction.TunnelPush p = new TunnelHeaderBuilder().eth(UNDERLAY_MAC_REMOTE, UNDERLAY_MAC_LOCAL)
                .ipv4(0x0a0a0a01, 0x0a0a0a02, 0, 64, true).gre(0x6558, true, 0x1c8, true, true)
                .push(GRE_VPORT, 100);
        assertEquals(14 + 20 + 16, p.header().length);
        List<DpAction> actions = List.of(p, new DpAction.Output(1));
        byte[] out = push(in, actions);
        assertEquals(0xb000, u16(out, 34));
        assertEquals(0, Checksums.inetChecksum(out, 34, out.length - 34, 0), "GRE checksum");
        TestExecContext.Recirculated r = pop(out, GRE_VPORT);
        assertArrayEquals(in, r.bytes());
        assertEquals(0x1c8, FlowField.TUN_ID.get(r.key(), 0));
        assertEquals(OdpFlags.TUN_F_DF | OdpFlags.TUN_F_CSUM | OdpFlags.TUN_F_KEY,
                FlowField.TUN_FLAGS.get(r.key(), 0));
        out[60] ^= 0x10;
        assertEquals(null, pop(out, GRE_VPORT));
        assertEquals(1, ctx.drops[DropReason.TUNNEL_CSUM]);
    }

    @Test
    void greLegacyL3DropsTheInnerEthernetAndPopGivesAZeroOne() {
        byte[] in = inner();
        DpAction.TunnelPush p = new TunnelHeaderBuilder().eth(UNDERLAY_MAC_REMOTE, UNDERLAY_MAC_LOCAL)
                .ipv4(0x0a0a0a01, 0x0a0a0a02, 0, 64, true).gre(0x0800, true, 5, false, false)
                .push(GRE_VPORT, 100);
        byte[] out = push(in, List.of(p, new DpAction.Output(1)));
        assertEquals(in.length - 14 + 42, out.length);
        assertArrayEquals(Arrays.copyOfRange(in, 14, in.length), Arrays.copyOfRange(out, 42, out.length));
        TestExecContext.Recirculated r = pop(out, GRE_VPORT);
        byte[] got = r.bytes();
        assertArrayEquals(new byte[] {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 8, 0}, Arrays.copyOf(got, 14));
        assertArrayEquals(Arrays.copyOfRange(in, 14, in.length), Arrays.copyOfRange(got, 14, got.length));
    }

    @Test
    void pushInACloneLeavesTheOriginalForTheNextAction() {
        byte[] in = inner();
        List<DpAction> actions = List.of(new DpAction.Clone(OdpActions.parse(VXLAN_PUSH)), new DpAction.Output(7));
        ctx.load(0, in, 1);
        run(actions, 1);
        assertEquals(2, ctx.sent.size());
        assertEquals(in.length + 50, ctx.sent.get(0).bytes().length);
        assertArrayEquals(in, ctx.sent.get(1).bytes());
    }

    @Test
    void keyFilterDropsUnknownKeys() {
        byte[] encap = push(inner(), OdpActions.parse(VXLAN_PUSH));
        ctx.vports.get(VXLAN_VPORT).setReceiveFilter(new long[] {5, 6}, new int[0]);
        assertEquals(null, pop(encap, VXLAN_VPORT));
        assertEquals(1, ctx.drops[DropReason.TUNNEL_KEY]);
        ctx.vports.get(VXLAN_VPORT).setReceiveFilter(new long[] {0x7b}, new int[0]);
        assertTrue(pop(encap, VXLAN_VPORT) != null);
    }

    @Test
    void badOuterHeadersAreDroppedByReason() {
        byte[] good = push(inner(), OdpActions.parse(VXLAN_PUSH));
        expectDrop(patch(good, 24, 0x00), VXLAN_VPORT, DropReason.TUNNEL_CSUM);          // IPv4 header checksum
        expectDrop(fixIp(patch(good, 20, 0x20)), VXLAN_VPORT, DropReason.TUNNEL_MALFORMED);  // MF: a fragment
        expectDrop(fixIp(patch(good, 14, 0x46)), VXLAN_VPORT, DropReason.TUNNEL_MALFORMED);  // IP options
        expectDrop(fixIp(patch(good, 16, 0x7f)), VXLAN_VPORT, DropReason.TUNNEL_MALFORMED);  // total length > frame
        expectDrop(patch(good, 37, 0xb6), VXLAN_VPORT, DropReason.TUNNEL_PORT);          // UDP port 4790
        expectDrop(good, GENEVE_VPORT, DropReason.TUNNEL_PORT);                          // not Geneve's port
        expectDrop(good, GRE_VPORT, DropReason.TUNNEL_PORT);                             // not GRE
        expectDrop(good, 9, DropReason.TUNNEL_PORT);                                     // no such vport
        expectDrop(patch(good, 42, 0x0c), VXLAN_VPORT, DropReason.TUNNEL_MALFORMED);     // VXLAN flags
        expectDrop(patch(good, 49, 0x01), VXLAN_VPORT, DropReason.TUNNEL_MALFORMED);     // reserved byte
        expectDrop(patch(good, 38, 0x7f), VXLAN_VPORT, DropReason.TUNNEL_MALFORMED);     // UDP length
        byte[] wrongEth = Arrays.copyOf(good, good.length);
        wrongEth[12] = (byte) 0x88;
        expectDrop(wrongEth, VXLAN_VPORT, DropReason.TUNNEL_MALFORMED);
    }

    @Test
    void everyTruncationIsDroppedNeverCrashes() {
        byte[] opts = {0, 1, 2, 1, 0, 0, 0, 1};
        List<List<DpAction>> pushes = List.of(OdpActions.parse(VXLAN_PUSH),
                List.of(new TunnelHeaderBuilder().eth(1, 2).ipv4(1, 2, 0, 64, true).geneve(6081, 9, true, opts, false)
                        .push(GENEVE_VPORT, 1), new DpAction.Output(1)),
                List.of(new TunnelHeaderBuilder().eth(1, 2).ipv4(1, 2, 0, 64, true).gre(0x6558, true, 9, true, true)
                        .push(GRE_VPORT, 1), new DpAction.Output(1)));
        int[] vports = {VXLAN_VPORT, GENEVE_VPORT, GRE_VPORT};
        for (int t = 0; t < 3; t++) {
            byte[] good = push(inner(), pushes.get(t));
            for (int len = 0; len < good.length; len++) {
                byte[] cut = Arrays.copyOf(good, len);
                if (len >= 14 + 20) {
                    // Keep the IP header consistent so the cut is seen further in, not only as "total length".
                    cut[16] = (byte) ((len - 14) >>> 8);
                    cut[17] = (byte) (len - 14);
                    cut = fixIp(cut);
                }
                long[] before = ctx.drops.clone();
                TestExecContext.Recirculated r = pop(cut, vports[t]);
                long dropped = Arrays.stream(ctx.drops).sum() - Arrays.stream(before).sum();
                assertTrue(r == null && dropped == 1 || r != null && dropped == 0, "length " + len);
                assertTrue(r == null || r.bytes().length < 14 + 28 + 40, "length " + len);
            }
        }
    }

    /**
     * Random damage to good VXLAN, Geneve (a critical option the vport knows, no UDP checksum so the
     * option checks are reached) and GRE (key, checksum, sequence) packets: every one is either decapsulated or dropped and counted under
     * exactly one reason, never an exception, a leak or a double free. Seeded, so a failure repeats.
     */
    @Test
    void randomlyDamagedOuterHeadersNeverCrashAndAreCountedOnce() {
        byte[] opts = {0, 1, (byte) 0x82, 1, 0, 0, 0, 1};
        ctx.vports.get(GENEVE_VPORT).setReceiveFilter(new long[] {9}, new int[] {1 << 8 | 0x82});
        ctx.vports.get(GRE_VPORT).setReceiveFilter(new long[] {9}, new int[0]);
        List<List<DpAction>> pushes = List.of(OdpActions.parse(VXLAN_PUSH),
                List.of(new TunnelHeaderBuilder().eth(1, 2).ipv4(1, 2, 0, 64, true).geneve(6081, 9, false, opts, false)
                        .push(GENEVE_VPORT, 1), new DpAction.Output(1)),
                List.of(new TunnelHeaderBuilder().eth(1, 2).ipv4(1, 2, 0, 64, true).gre(0x6558, true, 9, true, true)
                        .push(GRE_VPORT, 1), new DpAction.Output(1)));
        int[] vports = {VXLAN_VPORT, GENEVE_VPORT, GRE_VPORT};
        java.util.Random rnd = new java.util.Random(8);
        long[] reasons = new long[DropReason.COUNT];
        int decapsulated = 0;
        for (int t = 0; t < 3; t++) {
            byte[] good = push(inner(), pushes.get(t));
            assertTrue(pop(good, vports[t]) != null, "the undamaged packet decapsulates");
            for (int i = 0; i < 3000; i++) {
                byte[] bad = good.clone();
                int hits = 1 + rnd.nextInt(3);
                for (int h = 0; h < hits; h++) {
                    // Mostly the outer headers (the first 14 + 20 + 8 + 8 bytes and a bit), sometimes anywhere.
                    int at = rnd.nextInt(4) == 0 ? rnd.nextInt(bad.length) : rnd.nextInt(Math.min(bad.length, 64));
                    bad[at] = (byte) rnd.nextInt(256);
                }
                if (rnd.nextBoolean()) {
                    fixIp(bad); // so the damage is seen past the IP header checksum
                }
                if (rnd.nextInt(8) == 0) {
                    bad = Arrays.copyOf(bad, rnd.nextInt(bad.length));
                }
                long[] before = ctx.drops.clone();
                TestExecContext.Recirculated r = pop(bad, vports[t]);
                long dropped = 0;
                for (int k = 0; k < DropReason.COUNT; k++) {
                    dropped += ctx.drops[k] - before[k];
                    reasons[k] += ctx.drops[k] - before[k];
                }
                assertTrue(r == null && dropped == 1 || r != null && dropped == 0,
                        "type " + t + " case " + i + ": " + HexFormat.of().formatHex(bad));
                if (r != null) {
                    decapsulated++;
                    assertTrue(r.bytes().length <= inner().length + 14, "type " + t + " case " + i);
                }
            }
        }
        // The damage reached every check: each tnl_pop reason was counted, and some packets still went through.
        for (int reason : new int[] {DropReason.TUNNEL_MALFORMED, DropReason.TUNNEL_CSUM, DropReason.TUNNEL_OPTION,
            DropReason.TUNNEL_KEY, DropReason.TUNNEL_PORT}) {
            assertTrue(reasons[reason] > 0, DropReason.name(reason) + " never counted: " + Arrays.toString(reasons));
        }
        assertTrue(decapsulated > 0);
    }

    @Test
    void pushWithoutHeadroomDrops() {
        byte[] in = inner();
        ctx.load(0, in, 1);
        org.jvswitch.dpdk.Mbuf.adj(ctx.burst.mbufs[0], 0);
        // Move the data to the very start of the buffer: no headroom left.
        long m = ctx.burst.mbufs[0];
        java.lang.foreign.MemorySegment.copy(org.jvswitch.dpdk.Mbuf.MEMORY, java.lang.foreign.ValueLayout.JAVA_BYTE,
                org.jvswitch.dpdk.Mbuf.dataAddress(m), org.jvswitch.dpdk.Mbuf.MEMORY,
                java.lang.foreign.ValueLayout.JAVA_BYTE, org.jvswitch.dpdk.Mbuf.dataAddress(m) - TestMbufs.HEADROOM,
                in.length);
        org.jvswitch.dpdk.Mbuf.MEMORY.set(java.lang.foreign.ValueLayout.JAVA_SHORT, m + org.jvswitch.dpdk.Mbuf.DATA_OFF,
                (short) 0);
        run(OdpActions.parse(VXLAN_PUSH), 1);
        assertEquals(1, ctx.drops[DropReason.TUNNEL]);
        assertEquals(0, ctx.sent.size());
    }

    private void expectDrop(byte[] frame, int vport, int reason) {
        long before = ctx.drops[reason];
        assertEquals(null, pop(frame, vport), "dropped for " + DropReason.name(reason));
        assertEquals(before + 1, ctx.drops[reason], DropReason.name(reason) + " counted");
    }

    private static byte[] patch(byte[] f, int at, int value) {
        byte[] c = f.clone();
        c[at] = (byte) value;
        return c;
    }

    /** Recomputes the outer IPv4 header checksum (so a test breaks one thing only). */
    private static byte[] fixIp(byte[] f) {
        if (f.length < 34) {
            return f;
        }
        int ihl = (f[14] & 0xf) * 4;
        if (14 + ihl > f.length) {
            return f;
        }
        f[24] = 0;
        f[25] = 0;
        int c = Checksums.inetChecksum(f, 14, ihl, 0);
        f[24] = (byte) (c >>> 8);
        f[25] = (byte) c;
        return f;
    }

    private static int u16(byte[] b, int off) {
        return (b[off] & 0xff) << 8 | b[off + 1] & 0xff;
    }
}
