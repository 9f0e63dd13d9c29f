package org.jvswitch.dataplane.action;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.zip.CRC32C;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.jvswitch.dataplane.DropReason;
import org.jvswitch.dataplane.flow.FlowField;
import org.jvswitch.dataplane.flow.FlowKey;
import org.jvswitch.testing.dataplane.Checksums;
import org.jvswitch.testing.dataplane.PacketBuilder;
import org.jvswitch.testing.dataplane.TestExecContext;

/** Every datapath action on packets in Arena memory, without DPDK. */
class ActionExecutorTest {
    private static final long MAC_A = 0x0a0000000001L;
    private static final long MAC_B = 0x0a0000000002L;

    private final TestExecContext ctx = new TestExecContext();
    private final ActionExecutor exec = new ActionExecutor();

    @AfterEach
    void everyPacketFreedOnce() {
        assertEquals(0, ctx.mbufs.live(), "packets leaked");
        assertEquals(0, ctx.mbufs.freedTwice(), "packets freed twice");
        ctx.mbufs.close();
    }

    private static byte[] udp4() {
        return new PacketBuilder().eth(MAC_B, MAC_A).ipv4("10.0.0.1", "10.0.0.2").ttl(64).udp(1000, 2000)
                .payload(32).build();
    }

    private static byte[] tcp4() {
        return new PacketBuilder().eth(MAC_B, MAC_A).ipv4("10.0.0.1", "10.0.0.2").tcp(1000, 80).payload(20).build();
    }

    private void run(List<DpAction> actions, int packets) {
        exec.execute(ActionCompiler.compile(actions), TestExecContext.slots(packets), packets, ctx);
    }

    @Test
    void outputStealsTheLastAndSharesEarlierOnes() {
        byte[] f = udp4();
        ctx.load(0, f, 1);
        ctx.load(1, f, 1);
        run(List.of(new DpAction.Output(2), new DpAction.Output(3)), 2);
        assertEquals(4, ctx.sent.size());
        assertEquals(ctx.sent.get(0).mbuf(), ctx.sent.get(2).mbuf(), "shared, not copied");
        ctx.sent.forEach(s -> assertArrayEquals(f, s.bytes()));
        assertEquals(List.of(2, 2, 3, 3), ctx.sent.stream().map(TestExecContext.Sent::port).toList());
    }

    @Test
    void dropFreesAndCounts() {
        ctx.load(0, udp4(), 1);
        ctx.load(1, udp4(), 1);
        run(List.of(), 2);
        assertTrue(ctx.sent.isEmpty());
        assertEquals(2, ctx.drops[DropReason.ACTION_DROP]);
    }

    @Test
    void anOutputBeforeAChangeGetsACopy() {
        byte[] f = udp4();
        ctx.load(0, f, 1);
        run(List.of(new DpAction.Output(2), DpAction.SetField.of(FlowField.ETH_DST, 0x0a00000000ffL),
                new DpAction.Output(3)), 1);
        assertArrayEquals(f, ctx.sent.get(0).bytes(), "the first output is unchanged");
        assertEquals(0x0a00000000ffL, mac(ctx.sent.get(1).bytes(), 0));
        assertNotEquals(ctx.sent.get(0).mbuf(), ctx.sent.get(1).mbuf());
    }

    @Test
    void setIpv4AddressesKeepsChecksumsRight() {
        for (byte[] f : List.of(udp4(), tcp4())) {
            ctx.sent.clear();
            ctx.load(0, f, 1);
            run(List.of(DpAction.SetField.of(FlowField.NW_SRC, 0xc0a80101L),
                    DpAction.SetField.of(FlowField.NW_DST, 0xc0a80202L), new DpAction.Output(2)), 1);
            byte[] out = ctx.sent.get(0).bytes();
            assertEquals(0xc0a80101, ByteBuffer.wrap(out).getInt(14 + 12));
            assertEquals(0xc0a80202, ByteBuffer.wrap(out).getInt(14 + 16));
            assertTrue(Checksums.ipv4HeaderOk(out, 14));
            assertTrue(Checksums.l4Ok(out, 14, 34, false));
        }
    }

    @Test
    void maskedSetsChangeOnlyMaskedBits() {
        ctx.load(0, udp4(), 1);
        run(List.of(new DpAction.SetField(FlowField.NW_SRC, new long[] {0xc0a80000L}, new long[] {0xffff0000L}),
                new DpAction.Output(2)), 1);
        byte[] out = ctx.sent.get(0).bytes();
        assertEquals(0xc0a80001, ByteBuffer.wrap(out).getInt(14 + 12), "10.0.0.1 with the top 16 bits set");
        assertTrue(Checksums.ipv4HeaderOk(out, 14));
    }

    @Test
    void setTosAndTtl() {
        ctx.load(0, udp4(), 1);
        run(List.of(DpAction.SetField.of(FlowField.NW_TOS, 0xb8), DpAction.SetField.of(FlowField.NW_TTL, 5),
                new DpAction.Output(2)), 1);
        byte[] out = ctx.sent.get(0).bytes();
        assertEquals(0xb8, out[15] & 0xff);
        assertEquals(5, out[22] & 0xff);
        assertTrue(Checksums.ipv4HeaderOk(out, 14));
        assertTrue(Checksums.l4Ok(out, 14, 34, false));
    }

    @Test
    void setPortsTcpUdpAndSctp() {
        ctx.load(0, tcp4(), 1);
        run(List.of(DpAction.SetField.of(FlowField.TP_SRC, 4242), DpAction.SetField.of(FlowField.TP_DST, 8080),
                new DpAction.Output(2)), 1);
        byte[] out = ctx.sent.get(0).bytes();
        assertEquals(4242, ByteBuffer.wrap(out).getShort(34) & 0xffff);
        assertEquals(8080, ByteBuffer.wrap(out).getShort(36) & 0xffff);
        assertTrue(Checksums.l4Ok(out, 14, 34, false));

        ctx.sent.clear();
        ctx.load(0, udp4(), 1);
        run(List.of(DpAction.SetField.of(FlowField.TP_DST, 53), new DpAction.Output(2)), 1);
        assertTrue(Checksums.l4Ok(ctx.sent.get(0).bytes(), 14, 34, false));

        ctx.sent.clear();
        byte[] sctp = new PacketBuilder().eth(MAC_B, MAC_A).ipv4("10.0.0.1", "10.0.0.2").sctp(5000, 6000, 77)
                .payload(16).build();
        ctx.load(0, sctp, 1);
        run(List.of(DpAction.SetField.of(FlowField.TP_SRC, 5001), new DpAction.Output(2)), 1);
        byte[] s = ctx.sent.get(0).bytes();
        assertEquals(5001, ByteBuffer.wrap(s).getShort(34) & 0xffff);
        byte[] copy = s.clone();
        copy[34 + 8] = copy[34 + 9] = copy[34 + 10] = copy[34 + 11] = 0;
        CRC32C crc = new CRC32C();
        crc.update(copy, 34, copy.length - 34);
        assertEquals((int) crc.getValue(), Integer.reverseBytes(ByteBuffer.wrap(s).getInt(34 + 8)),
                "SCTP CRC32c recomputed");
    }

    @Test
    void setIpv6AddressAndClass() {
        byte[] f = new PacketBuilder().eth(MAC_B, MAC_A).ipv6("2001:db8::1", "2001:db8::2").tcp(1, 2).payload(8)
                .build();
        ctx.load(0, f, 1);
        run(List.of(new DpAction.SetField(FlowField.IPV6_DST, new long[] {0x20010db800000000L, 0x99L},
                new long[] {-1L, -1L}), DpAction.SetField.of(FlowField.NW_TOS, 0x20),
                DpAction.SetField.of(FlowField.NW_TTL, 9), new DpAction.Output(2)), 1);
        byte[] out = ctx.sent.get(0).bytes();
        ByteBuffer b = ByteBuffer.wrap(out);
        assertEquals(0x20010db800000000L, b.getLong(14 + 24));
        assertEquals(0x99L, b.getLong(14 + 32));
        assertEquals(0x20, (b.getInt(14) >>> 20) & 0xff);
        assertEquals(9, out[14 + 7] & 0xff);
        assertTrue(Checksums.l4Ok(out, 14, 54, true));
    }

    @Test
    void pushAndPopVlan() {
        byte[] f = udp4();
        ctx.load(0, f, 1);
        run(List.of(new DpAction.PushVlan(0x8100, 0x1000 | 10), new DpAction.Output(2)), 1);
        byte[] tagged = ctx.sent.get(0).bytes();
        byte[] expected = new PacketBuilder().eth(MAC_B, MAC_A).vlan(0x8100, 10).ipv4("10.0.0.1", "10.0.0.2").ttl(64)
                .udp(1000, 2000).payload(32).build();
        assertArrayEquals(expected, tagged, "CFI stays clear on the wire");

        ctx.sent.clear();
        ctx.load(0, tagged, 1);
        run(List.of(new DpAction.PopVlan(), DpAction.SetField.of(FlowField.NW_TTL, 7), new DpAction.Output(2)), 1);
        byte[] popped = ctx.sent.get(0).bytes();
        assertEquals(f.length, popped.length);
        assertEquals(7, popped[22] & 0xff, "layer offsets followed the pop");
        assertTrue(Checksums.ipv4HeaderOk(popped, 14));
    }

    @Test
    void pushAndPopMpls() {
        byte[] f = udp4();
        ctx.load(0, f, 1);
        int lse = 100 << 12 | 1 << 8 | 64;
        run(List.of(new DpAction.PushMpls(lse, FlowKey.ETH_TYPE_MPLS), new DpAction.Output(2)), 1);
        byte[] m = ctx.sent.get(0).bytes();
        assertEquals(FlowKey.ETH_TYPE_MPLS, ByteBuffer.wrap(m).getShort(12) & 0xffff);
        assertEquals(lse, ByteBuffer.wrap(m).getInt(14));
        assertEquals(f.length + 4, m.length);

        ctx.sent.clear();
        ctx.load(0, m, 1);
        run(List.of(new DpAction.PopMpls(FlowKey.ETH_TYPE_IP), new DpAction.Output(2)), 1);
        assertArrayEquals(f, ctx.sent.get(0).bytes());
    }

    @Test
    void recircHashAndMetadata() {
        ctx.load(0, udp4(), 5);
        run(List.of(DpAction.SetField.of(FlowField.PKT_MARK, 0x42), new DpAction.Hash(DpAction.Hash.L4, 0),
                new DpAction.Recirc(7)), 1);
        assertEquals(1, ctx.recirculated.size());
        long[] key = ctx.recirculated.get(0).key();
        assertEquals(0x42, FlowField.PKT_MARK.get(key, 0));
        assertNotEquals(0, FlowField.DP_HASH.get(key, 0));
        assertEquals(7, ctx.recirculated.get(0).recircId());
    }

    @Test
    void cloneRunsOnACopy() {
        byte[] f = udp4();
        ctx.load(0, f, 1);
        run(List.of(new DpAction.Clone(List.of(DpAction.SetField.of(FlowField.ETH_DST, 0x0a00000000ffL),
                new DpAction.Output(3))), new DpAction.Output(2)), 1);
        assertEquals(3, ctx.sent.get(0).port());
        assertEquals(0x0a00000000ffL, mac(ctx.sent.get(0).bytes(), 0));
        assertArrayEquals(f, ctx.sent.get(1).bytes(), "the original is untouched");
    }

    @Test
    void sampleByProbability() {
        ctx.load(0, udp4(), 1);
        ctx.randomValue = 0x7fffffff;
        run(List.of(new DpAction.Sample(0, List.of(new DpAction.Output(3))), new DpAction.Output(2)), 1);
        assertEquals(List.of(2), ctx.sent.stream().map(TestExecContext.Sent::port).toList(), "0% never samples");
        ctx.sent.clear();
        ctx.load(0, udp4(), 1);
        run(List.of(new DpAction.Sample(0xffffffffL, List.of(new DpAction.Output(3))), new DpAction.Output(2)), 1);
        assertEquals(List.of(3, 2), ctx.sent.stream().map(TestExecContext.Sent::port).toList(), "100% always");
    }

    @Test
    void truncateAppliesToTheNextOutputOnly() {
        ctx.load(0, udp4(), 1);
        run(List.of(new DpAction.Truncate(40), new DpAction.Output(2), new DpAction.Output(3)), 1);
        assertEquals(40, ctx.sent.get(0).bytes().length);
        assertEquals(udp4().length, ctx.sent.get(1).bytes().length);
    }

    @Test
    void meterDropsWhatItRefuses() {
        ctx.load(0, udp4(), 1);
        ctx.load(1, udp4(), 1);
        ctx.closedMeters.add(9);
        run(List.of(new DpAction.Meter(9), new DpAction.Output(2)), 2);
        assertTrue(ctx.sent.isEmpty());
        assertEquals(2, ctx.drops[DropReason.METER]);
    }

    @Test
    void userspaceCopiesAndTheActionsGoOn() {
        ctx.load(0, udp4(), 1);
        run(List.of(new DpAction.Userspace(3, new byte[] {1, 2}), new DpAction.Output(2)), 1);
        assertEquals(1, ctx.userspace.size());
        assertArrayEquals(new byte[] {1, 2}, ctx.userspace.get(0).userdata());
        assertEquals(1, ctx.sent.size());
    }

    @Test
    void tunnelPushWithAHeaderItCannotPushIsRefusedAtInstall() {
        assertThrows(IllegalArgumentException.class,
                () -> ActionCompiler.compile(List.of(new DpAction.TunnelPush(4, 4, new byte[50], 2))));
    }

    @Test
    void tunnelPopOnAPortThatIsNoVportDrops() {
        ctx.load(0, udp4(), 1);
        run(List.of(new DpAction.TunnelPop(4)), 1);
        assertEquals(1, ctx.drops[DropReason.TUNNEL_PORT]);
    }

    @Test
    void noBufferForACopyIsCounted() {
        ctx.load(0, udp4(), 1);
        ctx.mbufs.limit(1);
        run(List.of(new DpAction.Output(2), DpAction.SetField.of(FlowField.ETH_DST, 1L), new DpAction.Output(3)), 1);
        assertEquals(1, ctx.drops[DropReason.NO_MBUF]);
        assertEquals(List.of(3), ctx.sent.stream().map(TestExecContext.Sent::port).toList());
    }

    @Test
    void setOnAHeaderThePacketLacksLeavesIt() {
        byte[] arp = new PacketBuilder().eth(-1L & 0xffffffffffffL, MAC_A).arp(1, MAC_A, 0x0a000001, 0, 0x0a000002)
                .build();
        ctx.load(0, arp, 1);
        run(List.of(DpAction.SetField.of(FlowField.TP_DST, 80), DpAction.SetField.of(FlowField.NW_DST, 0x0a0000feL),
                new DpAction.Output(2)), 1);
        byte[] out = ctx.sent.get(0).bytes();
        assertEquals(0x0a0000fe, ByteBuffer.wrap(out).getInt(14 + 24), "ARP tpa set");
        assertEquals(arp.length, out.length);
    }

    @Test
    void compilerRefusesWhatTheDatapathCannotDo() {
        assertThrows(IllegalArgumentException.class,
                () -> ActionCompiler.compile(List.of(DpAction.SetField.of(FlowField.ETH_TYPE, 0x0800))));
        assertThrows(IllegalArgumentException.class,
                () -> ActionCompiler.compile(List.of(new DpAction.PushVlan(0x1234, 0x1000))));
        assertFalse(ActionCompiler.compile(List.of(new DpAction.Output(1))).isDrop());
    }

    private static long mac(byte[] f, int off) {
        return (ByteBuffer.wrap(f).getInt(off) & 0xffffffffL) << 16 | ByteBuffer.wrap(f).getShort(off + 4) & 0xffff;
    }
}
