package org.jvswitch.pmd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;
import org.agrona.concurrent.CachedNanoClock;
import org.junit.jupiter.api.Test;
import org.jvswitch.dataplane.DropReason;
import org.jvswitch.dataplane.action.ActionCompiler;
import org.jvswitch.dataplane.action.DpAction;
import org.jvswitch.dataplane.flow.DpNetdevFlow;
import org.jvswitch.dataplane.flow.FlowField;
import org.jvswitch.dataplane.flow.FlowKey;
import org.jvswitch.dataplane.flow.Ufid;
import org.jvswitch.dataplane.meter.DpMeters;
import org.jvswitch.netdev.Netdev;
import org.jvswitch.netdev.NetdevStats;
import org.jvswitch.testing.dataplane.MemoryNetdev;
import org.jvswitch.testing.dataplane.PacketBuilder;
import org.jvswitch.testing.dataplane.TestMbufs;

/** The PMD's JFR events: an iteration that overran, and a vhost-user port refusing packets. */
class PmdJfrTest {

    /** A port that looks like a vhost-user one and takes its time to poll. */
    private static final class SlowVhost implements Netdev {
        final MemoryNetdev inner;
        volatile long pollNanos;

        SlowVhost(MemoryNetdev inner) {
            this.inner = inner;
        }

        @Override
        public String name() {
            return inner.name();
        }

        @Override
        public String type() {
            return "dpdkvhostuser";
        }

        @Override
        public int rxQueues() {
            return 1;
        }

        @Override
        public int txQueues() {
            return 1;
        }

        @Override
        public int rxBurst(int queue, long pkts, int max) {
            long until = System.nanoTime() + pollNanos;
            while (System.nanoTime() < until) {
                Thread.onSpinWait();
            }
            return inner.rxBurst(queue, pkts, max);
        }

        @Override
        public int txBurst(int queue, long pkts, int n) {
            return inner.txBurst(queue, pkts, n);
        }

        @Override
        public NetdevStats stats() {
            return inner.stats();
        }

        @Override
        public boolean linkUp() {
            return true;
        }

        @Override
        public long mac() {
            return 0;
        }

        @Override
        public int mtu() {
            return 1500;
        }

        @Override
        public void close() {
            inner.close();
        }
    }

    @Test
    void overrunsAndVhostSaturationAreRecorded() throws Exception {
        TestMbufs mbufs = new TestMbufs();
        CachedNanoClock clock = new CachedNanoClock();
        PmdThread pmd = new PmdThread(0, 3, new DpMeters(), clock);
        MemoryNetdev a = new MemoryNetdev("a", 1, mbufs);
        SlowVhost vhost = new SlowVhost(new MemoryNetdev("vhu0", 1, mbufs));
        CompletableFuture<Void> added = CompletableFuture.allOf(pmd.setMbufAllocator(mbufs), pmd.configure(1, false),
                pmd.addTxPort(1, a, 0, null, true), pmd.addTxPort(2, vhost, 0, null, true),
                pmd.addRxq(new Rxq(1, a, 0)), pmd.addRxq(new Rxq(2, vhost, 0)));
        pmd.doWork();
        added.join();
        long[] key = new long[FlowKey.WORDS];
        long[] mask = new long[FlowKey.WORDS];
        FlowField.IN_PORT.set(key, 0, 1);
        FlowField.IN_PORT.exact(mask, 0);
        FlowField.RECIRC_ID.exact(mask, 0);
        CompletableFuture<?> put = pmd.flowPut(new DpNetdevFlow(new Ufid(1, 1), key, mask,
                ActionCompiler.compile(List.of(new DpAction.Output(2))), 0));
        pmd.doWork();
        put.join();

        Path file = Files.createTempFile("pmd", ".jfr");
        try (Recording r = new Recording()) {
            r.enable(PmdOverrunEvent.class);
            r.enable(VhostTxDropEvent.class);
            r.start();
            vhost.pollNanos = 400_000;
            pmd.doWork();
            vhost.pollNanos = 0;
            vhost.inner.limitTx(1);
            byte[] frame = new PacketBuilder().eth(2, 1).ipv4("10.0.0.1", "10.0.0.2").udp(1, 2).payload(18).build();
            a.inject(mbufs.of(frame), mbufs.of(frame), mbufs.of(frame));
            pmd.doWork();
            r.stop();
            r.dump(file);
        }
        List<RecordedEvent> events = RecordingFile.readAllEvents(file);
        Files.delete(file);
        RecordedEvent overrun = events.stream().filter(e -> e.getEventType().getName().equals("org.jvswitch.PmdOverrun"))
                .findFirst().orElseThrow(() -> new AssertionError("no overrun event in " + events));
        assertEquals(3, overrun.getInt("core"));
        assertTrue(overrun.getLong("iteration") >= 250_000, overrun.toString());
        assertTrue(pmd.stats().get(PmdStats.OVERRUNS) >= 1);
        RecordedEvent drop = events.stream().filter(e -> e.getEventType().getName().equals("org.jvswitch.VhostTxDrop"))
                .findFirst().orElseThrow(() -> new AssertionError("no vhost event in " + events));
        assertEquals("vhu0", drop.getString("port"));
        assertEquals(2, drop.getInt("dropped"));
        assertEquals(2, pmd.stats().get(PmdStats.DROP_BASE + DropReason.TX_QUEUE_FULL));
        mbufs.close();
    }
}
