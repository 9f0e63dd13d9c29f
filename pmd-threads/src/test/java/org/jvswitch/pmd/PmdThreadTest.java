package org.jvswitch.pmd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
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
import org.jvswitch.dataplane.flow.PmdFlowTable;
import org.jvswitch.dataplane.flow.Ufid;
import org.jvswitch.dataplane.meter.DpMeters;
import org.jvswitch.testing.dataplane.MemoryNetdev;
import org.jvswitch.testing.dataplane.PacketBuilder;
import org.jvswitch.testing.dataplane.TestMbufs;

/** A PMD driven by calling doWork() on the test thread, with in-memory ports and buffers (no DPDK). */
class PmdThreadTest {
    private final TestMbufs mbufs = new TestMbufs();
    private final CachedNanoClock clock = new CachedNanoClock();
    private final PmdThread pmd = new PmdThread(0, 0, new DpMeters(), clock);
    private final MemoryNetdev a = new MemoryNetdev("a", 1, mbufs);
    private final MemoryNetdev b = new MemoryNetdev("b", 1, mbufs);
    private long ufids;

    @BeforeEach
    void ports() {
        CompletableFuture<Void> added = CompletableFuture.allOf(pmd.setMbufAllocator(mbufs),
                pmd.configure(1, false), pmd.addTxPort(1, a, 0, null, true), pmd.addTxPort(2, b, 0, null, true),
                pmd.addRxq(new Rxq(1, a, 0)), pmd.addRxq(new Rxq(2, b, 0)));
        assertFalse(added.isDone(), "commands wait for the PMD");
        work();
        assertTrue(added.isDone());
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

    private int work() {
        clock.update(clock.nanoTime() + 1_000_000);
        return pmd.doWork();
    }

    private static byte[] udpTo(String dst) {
        return new PacketBuilder().eth(0x0a0000000002L, 0x0a0000000001L).ipv4("10.0.0.1", dst).udp(1, 2).payload(18)
                .build();
    }

    private DpNetdevFlow flow(int inPort, int recirc, Integer nwDst, List<DpAction> actions) {
        long[] key = new long[FlowKey.WORDS];
        long[] mask = new long[FlowKey.WORDS];
        FlowField.IN_PORT.set(key, 0, inPort);
        FlowField.IN_PORT.exact(mask, 0);
        FlowField.RECIRC_ID.set(key, 0, recirc);
        FlowField.RECIRC_ID.exact(mask, 0);
        if (nwDst != null) {
            FlowField.ETH_TYPE.set(key, 0, FlowKey.ETH_TYPE_IP);
            FlowField.ETH_TYPE.exact(mask, 0);
            FlowField.NW_DST.set(key, 0, nwDst);
            FlowField.NW_DST.exact(mask, 0);
        }
        return new DpNetdevFlow(new Ufid(7, ++ufids), key, mask, ActionCompiler.compile(actions), 0);
    }

    private void put(DpNetdevFlow f) {
        CompletableFuture<PmdFlowTable.PutResult> r = pmd.flowPut(f);
        work();
        assertEquals(PmdFlowTable.PutResult.ADDED, r.join());
    }

    @Test
    void commandsToAStoppedPmdStillAnswer() throws Exception {
        CompletableFuture<?> queued = pmd.flowDump(); // sent while it was stopping
        pmd.onClose();
        assertTrue(queued.isDone(), "run by onClose");
        CompletableFuture<?> late = pmd.flowDump(); // sent after: run by the sender
        assertTrue(late.isDone());
        assertEquals(List.of(), late.get());
    }

    @Test
    void flowsForwardMissesGoUpAndRemovalsTakeEffectAtTheNextBurst() {
        DpNetdevFlow toB = flow(1, 0, 0x0a000002, List.of(new DpAction.Output(2)));
        put(toB);
        a.inject(mbufs.of(udpTo("10.0.0.2")), mbufs.of(udpTo("10.0.0.3")), mbufs.of(udpTo("10.0.0.2")));
        assertEquals(3, work());
        assertEquals(2, b.sentBytes().size(), "two matched, in one batch");
        Upcall u = pmd.upcalls().poll();
        assertNotNull(u, "the miss went up");
        assertEquals(Upcall.MISS, u.type);
        assertEquals(1, FlowKey.inPort(u.key, 0));
        assertEquals(0x0a000003, (int) FlowField.NW_DST.get(u.key, 0));
        pmd.upcalls().recycle(u);
        PmdStats s = pmd.stats();
        assertEquals(3, s.get(PmdStats.RECV));
        assertEquals(1, s.get(PmdStats.MISS));
        assertEquals(2, s.get(PmdStats.MEGAFLOW_HIT) + s.get(PmdStats.EMC_HIT));
        assertEquals(2, toB.packets());
        assertTrue(toB.bytes() > 0);

        a.inject(mbufs.of(udpTo("10.0.0.2")));
        work();
        assertTrue(s.get(PmdStats.EMC_HIT) >= 1, "the exact-match cache answers the second time");

        CompletableFuture<DpNetdevFlow> del = pmd.flowDel(toB.ufid());
        a.inject(mbufs.of(udpTo("10.0.0.2")));
        work();
        assertEquals(toB, del.join());
        assertEquals(3, b.sentBytes().size(), "the packet after the removal was not forwarded");
        assertEquals(2, s.get(PmdStats.MISS));
    }

    @Test
    void runsOfOneFlowInABurstTakeTheFlowOfThePacketBeforeAndMissesStayMisses() {
        DpNetdevFlow toB = flow(1, 0, 0x0a000002, List.of(new DpAction.Output(2)));
        DpNetdevFlow toA = flow(1, 0, 0x0a000004, List.of(new DpAction.Output(1)));
        put(toB);
        put(toA);
        // 2 2 3 3 4 2 2: repeats of a hit, repeats of a miss (both go up), a change of flow.
        a.inject(mbufs.of(udpTo("10.0.0.2")), mbufs.of(udpTo("10.0.0.2")), mbufs.of(udpTo("10.0.0.3")),
                mbufs.of(udpTo("10.0.0.3")), mbufs.of(udpTo("10.0.0.4")), mbufs.of(udpTo("10.0.0.2")),
                mbufs.of(udpTo("10.0.0.2")));
        assertEquals(7, work());
        assertEquals(4, toB.packets());
        assertEquals(1, toA.packets());
        assertEquals(4, b.sentBytes().size());
        assertEquals(1, a.sentBytes().size());
        PmdStats s = pmd.stats();
        assertEquals(2, s.get(PmdStats.MISS), "each packet of a missing flow is a miss");
        assertEquals(5, s.get(PmdStats.MEGAFLOW_HIT) + s.get(PmdStats.EMC_HIT));
        int upcalls = 0;
        Upcall u;
        while ((u = pmd.upcalls().poll()) != null) {
            assertEquals(0x0a000003, (int) FlowField.NW_DST.get(u.key, 0));
            pmd.upcalls().recycle(u);
            upcalls++;
        }
        assertEquals(2, upcalls);
    }

    @Test
    void recirculationGoesRoundAgain() {
        put(flow(1, 0, null, List.of(new DpAction.Recirc(5))));
        put(flow(1, 5, null, List.of(new DpAction.Output(2))));
        a.inject(mbufs.of(udpTo("10.0.0.9")));
        work();
        assertEquals(1, b.sentBytes().size());
        assertEquals(1, pmd.stats().get(PmdStats.RECIRC));
    }

    @Test
    void aRecirculationLoopIsCutAndCounted() {
        put(flow(1, 0, null, List.of(new DpAction.Recirc(1))));
        put(flow(1, 1, null, List.of(new DpAction.Recirc(1))));
        a.inject(mbufs.of(udpTo("10.0.0.9")));
        work();
        assertTrue(b.sentBytes().isEmpty());
        assertEquals(1, pmd.stats().get(PmdStats.DROP_BASE + org.jvswitch.dataplane.DropReason.RECIRC_DEPTH));
    }

    @Test
    void outputToAMissingPortIsADrop() {
        put(flow(1, 0, null, List.of(new DpAction.Output(9))));
        a.inject(mbufs.of(udpTo("10.0.0.9")));
        work();
        assertEquals(1, pmd.stats().get(PmdStats.DROP_BASE + org.jvswitch.dataplane.DropReason.NO_SUCH_PORT));
    }

    @Test
    void aFullUpcallQueueLosesAndCounts() {
        for (int i = 0; i < 300; i++) {
            a.inject(mbufs.of(udpTo("10.0.0.9")));
        }
        while (work() > 0) {
            // drain the rx queue
        }
        assertEquals(300, pmd.stats().get(PmdStats.MISS));
        assertEquals(300 - 256, pmd.stats().get(PmdStats.LOST));
    }

    @Test
    void removedPortsAreNotPolled() {
        put(flow(2, 0, null, List.of(new DpAction.Output(1))));
        CompletableFuture<Void> removed = pmd.removePort(2);
        work();
        assertTrue(removed.isDone());
        b.inject(mbufs.of(udpTo("10.0.0.1")));
        work();
        assertTrue(a.sentBytes().isEmpty());
        assertEquals(1, pmd.rxqs().length);
        // The injected packet is still in b's rx queue, unpolled: take it back and free it.
        try (java.lang.foreign.Arena arena = java.lang.foreign.Arena.ofConfined()) {
            long pkts = arena.allocate(8 * 32).address();
            int n = b.rxBurst(0, pkts, 32);
            assertEquals(1, n);
            mbufs.free(org.jvswitch.dpdk.Mbuf.MEMORY.get(java.lang.foreign.ValueLayout.JAVA_LONG, pkts));
        }
    }

    @Test
    void simpleMatchServesInPortOnlyFlowsWithoutAKey() {
        put(flow(1, 0, null, List.of(new DpAction.Output(2))));
        byte[] v6 = new PacketBuilder().eth(0x0a0000000002L, 0x0a0000000001L).ipv6("2001:db8::1", "2001:db8::2")
                .udp(1, 2).payload(8).build();
        byte[] arp = new PacketBuilder().eth(0xffffffffffffL, 0x0a0000000001L).arp(1, 0x0a0000000001L, 0x0a000001, 0,
                0x0a000002).build();
        a.inject(mbufs.of(udpTo("10.0.0.2")), mbufs.of(v6), mbufs.of(arp), mbufs.of(udpTo("10.0.0.3")));
        work();
        assertEquals(4, b.sentBytes().size(), "everything from port 1 goes to port 2");
        assertEquals(3, pmd.stats().get(PmdStats.SIMPLE_MATCH_HIT), "IPv4 and ARP by simple match");
        assertEquals(1, pmd.stats().get(PmdStats.MEGAFLOW_HIT) + pmd.stats().get(PmdStats.EMC_HIT),
                "IPv6 by the full path");
    }

    @Test
    void txQueueRefusalsAreDropsByReason() {
        put(flow(1, 0, null, List.of(new DpAction.Output(2))));
        b.limitTx(1);
        a.inject(mbufs.of(udpTo("10.0.0.2")), mbufs.of(udpTo("10.0.0.2")), mbufs.of(udpTo("10.0.0.2")));
        work();
        assertEquals(1, b.sentBytes().size());
        assertEquals(2, pmd.stats().get(PmdStats.DROP_BASE + DropReason.TX_QUEUE_FULL));
    }

    @Test
    void packetsLongerThanTheOutputMtuAreDropped() {
        put(flow(1, 0, null, List.of(new DpAction.Output(2))));
        byte[] jumbo = new PacketBuilder().eth(0x0a0000000002L, 0x0a0000000001L).ipv4("10.0.0.1", "10.0.0.2")
                .udp(1, 2).payload(1600).build();
        byte[] full = new PacketBuilder().eth(0x0a0000000002L, 0x0a0000000001L).ipv4("10.0.0.1", "10.0.0.2")
                .udp(1, 2).payload(1500 - 28).build();
        a.inject(mbufs.of(jumbo), mbufs.of(full));
        work();
        assertEquals(1, b.sentBytes().size(), "a full 1500-byte IP packet fits, 1628 bytes do not");
        assertEquals(1, pmd.stats().get(PmdStats.DROP_BASE + DropReason.MTU));
    }

    @Test
    void iterationsFillThePerfHistogramsOnlyWithPmdPerfMetrics() {
        put(flow(1, 0, 0x0a000002, List.of(new DpAction.Output(2))));
        a.inject(mbufs.of(udpTo("10.0.0.2")));
        work();
        assertEquals(0, sum(pmd.perf().cyclesPerIteration.snapshot()), "off by default, as in OVS");
        CompletableFuture<Void> on = pmd.setPerfMetrics(true);
        work();
        assertTrue(on.isDone() && pmd.perfMetrics());
        long before = sum(pmd.perf().cyclesPerIteration.snapshot());
        a.inject(mbufs.of(udpTo("10.0.0.2")), mbufs.of(udpTo("10.0.0.2")), mbufs.of(udpTo("10.0.0.9")));
        work();
        work();
        assertEquals(before + 2, sum(pmd.perf().cyclesPerIteration.snapshot()));
        long[] batches = pmd.perf().packetsPerBatch.snapshot();
        assertEquals(1, batches[3], "one rx burst of 3 packets (bin walls 0, 1, 2, 3, ...)");
        long[] upcalls = pmd.perf().upcallsPerIteration.snapshot();
        assertEquals(1, upcalls[1], "one iteration with one upcall");
        Upcall u = pmd.upcalls().poll();
        assertTrue(u.queuedNs > 0, "stamped with the PMD's clock");
        pmd.upcalls().recycle(u);
    }

    private static long sum(long[] histogram) {
        long n = 0;
        for (int i = 0; i < histogram.length - 1; i++) {
            n += histogram[i];
        }
        return n;
    }

    @Test
    void namedLikeOvs() {
        assertEquals("pmd-c00/id:0", pmd.roleName());
    }
}
