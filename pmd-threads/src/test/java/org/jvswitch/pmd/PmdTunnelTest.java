package org.jvswitch.pmd;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.agrona.concurrent.CachedNanoClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.jvswitch.dataplane.DropReason;
import org.jvswitch.dataplane.action.ActionCompiler;
import org.jvswitch.dataplane.action.DpAction;
import org.jvswitch.dataplane.flow.DpNetdevFlow;
import org.jvswitch.dataplane.flow.FlowField;
import org.jvswitch.dataplane.flow.FlowKey;
import org.jvswitch.dataplane.flow.Ufid;
import org.jvswitch.dataplane.meter.DpMeters;
import org.jvswitch.dataplane.tunnel.TunnelHeaderBuilder;
import org.jvswitch.dataplane.tunnel.TunnelVport;
import org.jvswitch.testing.dataplane.MemoryNetdev;
import org.jvswitch.testing.dataplane.PacketBuilder;
import org.jvswitch.testing.dataplane.TestMbufs;

/**
 * Native tunneling through a PMD: encapsulation in a clone then out of the underlay port, and
 * decapsulation recirculating with the vport as in_port into a flow that matches the tunnel
 * metadata; a corrupt outer header is dropped and counted by reason.
 */
class PmdTunnelTest {
    private static final int UNDERLAY = 1;
    private static final int GUEST = 2;
    private static final int VXLAN = 4789;

    private final TestMbufs mbufs = new TestMbufs();
    private final CachedNanoClock clock = new CachedNanoClock();
    private final PmdThread pmd = new PmdThread(0, 0, new DpMeters(), clock);
    private final MemoryNetdev underlay = new MemoryNetdev("p1", 1, mbufs);
    private final MemoryNetdev guest = new MemoryNetdev("g1", 1, mbufs);
    private final TunnelVport vport = TunnelVport.open("vxlan_sys_4789", "vxlan", Map.of(), mbufs);
    private long ufids;

    @BeforeEach
    void ports() {
        CompletableFuture<Void> added = CompletableFuture.allOf(pmd.setMbufAllocator(mbufs), pmd.configure(1, false),
                pmd.addTxPort(UNDERLAY, underlay, 0, null, true), pmd.addTxPort(GUEST, guest, 0, null, true),
                pmd.addTxPort(VXLAN, vport, 0, null, true), pmd.addRxq(new Rxq(UNDERLAY, underlay, 0)),
                pmd.addRxq(new Rxq(GUEST, guest, 0)));
        pmd.doWork();
        added.join();
    }

    @AfterEach
    void noLeaks() {
        Upcall u;
        while ((u = pmd.upcalls().poll()) != null) {
            pmd.upcalls().recycle(u);
        }
        assertEquals(0, mbufs.live(), "every packet freed");
        assertEquals(0, mbufs.freedTwice());
        mbufs.close();
    }

    private void work() {
        clock.update(clock.nanoTime() + 1_000_000);
        pmd.doWork();
    }

    private void put(long[] key, long[] mask, List<DpAction> actions) {
        FlowField.IN_PORT.exact(mask, 0);
        FlowField.RECIRC_ID.exact(mask, 0);
        CompletableFuture<?> r = pmd.flowPut(new DpNetdevFlow(new Ufid(9, ++ufids), key, mask,
                ActionCompiler.compile(actions), 0));
        work();
        r.join();
    }

    @Test
    void encapsulateThenDecapsulateThroughThePmd() {
        DpAction.TunnelPush push = new TunnelHeaderBuilder().eth(0x020000000002L, 0x020000000001L)
                .ipv4(0x0a0a0a01, 0x0a0a0a02, 0, 64, true).vxlan(4789, 0x7b, false).push(VXLAN, UNDERLAY);
        long[] k = new long[FlowKey.WORDS];
        long[] m = new long[FlowKey.WORDS];
        FlowField.IN_PORT.set(k, 0, GUEST);
        put(k, m, List.of(new DpAction.Clone(List.of(push, new DpAction.Output(UNDERLAY)))));

        k = new long[FlowKey.WORDS];
        m = new long[FlowKey.WORDS];
        FlowField.IN_PORT.set(k, 0, UNDERLAY);
        put(k, m, List.of(new DpAction.TunnelPop(VXLAN)));

        k = new long[FlowKey.WORDS];
        m = new long[FlowKey.WORDS];
        FlowField.IN_PORT.set(k, 0, VXLAN);
        FlowField.TUN_ID.set(k, 0, 0x7b);
        FlowField.TUN_ID.exact(m, 0);
        FlowField.TUN_SRC.set(k, 0, 0x0a0a0a01);
        FlowField.TUN_SRC.exact(m, 0);
        put(k, m, List.of(new DpAction.Output(GUEST)));

        byte[] inner = new PacketBuilder().eth(0x0a0000000002L, 0x0a0000000001L).ipv4("192.168.10.1", "192.168.10.2")
                .icmp(8, 0).payload(56).build();
        guest.inject(mbufs.of(inner));
        work();
        assertEquals(1, underlay.sentBytes().size());
        byte[] outer = underlay.sentBytes().get(0);
        assertEquals(inner.length + 50, outer.length);

        underlay.inject(mbufs.of(outer));
        work();
        assertEquals(1, guest.sentBytes().size(), "decapsulated, recirculated, matched on tun_id");
        assertArrayEquals(inner, guest.sentBytes().get(0));
        assertEquals(1, pmd.stats().get(PmdStats.RECIRC));

        outer[24] ^= 0x55; // the outer IPv4 header checksum
        underlay.inject(mbufs.of(outer));
        work();
        assertEquals(1, guest.sentBytes().size());
        assertEquals(1, pmd.stats().get(PmdStats.DROP_BASE + DropReason.TUNNEL_CSUM));
    }
}
