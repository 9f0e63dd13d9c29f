package org.jvswitch.netdev;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.jvswitch.testing.dpdk.Frames;
import org.jvswitch.testing.dpdk.Mbufs;
import org.jvswitch.testing.dpdk.TestEal;
import org.jvswitch.testing.dpdk.TestPmd;

/**
 * vhost-user ports with dpdk-testpmd as the guest (virtio-user, forwarding every packet back):
 * packets go both ways, in server mode and in client mode, and again after the guest is killed
 * and comes back.
 */
@Timeout(180)
class NetdevVhostTest {
    private static final long GUEST_MAC = 0x0a00000000aaL;
    private static final long SWITCH_MAC = 0x0a00000000bbL;

    @TempDir
    Path dir;

    @BeforeEach
    void dpdk() {
        TestEal.ensure();
    }

    @Test
    void serverModeGuestComesAndGoes() throws Exception {
        NetdevSpec spec = NetdevSpec.of("vhu0", "dpdkvhostuser", Map.of(), 0, dir);
        try (NetdevDpdk port = NetdevDpdk.open(spec, TestEal.pools(), 1)) {
            for (int round = 0; round < 2; round++) {
                TestPmd guest = TestPmd.start("path=" + spec.vhostSocket() + ",queues=1", dir.resolve("guest" + round));
                try {
                    await(port::linkUp, "guest attaches (round " + round + ")", guest);
                    exchange(port, guest, round);
                    assertTrue(port.status().get("status").equals("connected"));
                } finally {
                    guest.kill();
                }
                await(() -> !port.linkUp(), "link goes down when the guest dies (round " + round + ")", guest);
            }
        }
    }

    @Test
    void clientModeReconnectsToARestartedGuest() throws Exception {
        Path socket = dir.resolve("guest.sock");
        NetdevSpec spec = NetdevSpec.of("vhc0", "dpdkvhostuserclient", Map.of("vhost-server-path", socket.toString()),
                0, dir);
        try (NetdevDpdk port = NetdevDpdk.open(spec, TestEal.pools(), 1)) {
            for (int round = 0; round < 2; round++) {
                // A guest killed with SIGKILL leaves its socket file behind; its next run needs the name.
                java.nio.file.Files.deleteIfExists(socket);
                TestPmd guest = TestPmd.start("path=" + socket + ",queues=1,server=1", dir.resolve("cguest" + round));
                try {
                    await(port::linkUp, "switch connects to the guest (round " + round + ")", guest);
                    exchange(port, guest, round);
                } finally {
                    guest.kill();
                }
                await(() -> !port.linkUp(), "link goes down when the guest dies (round " + round + ")", guest);
            }
        }
    }

    /** Sends numbered frames until the guest has sent each back, byte for byte. */
    private static void exchange(NetdevDpdk port, TestPmd guest, int round) throws InterruptedException {
        int count = 64;
        Map<Integer, byte[]> sent = new HashMap<>();
        for (int i = 0; i < count; i++) {
            sent.put(i, Frames.numbered(GUEST_MAC, SWITCH_MAC, 64 + i * 20, round * 1000 + i));
        }
        Map<Integer, byte[]> back = new HashMap<>();
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment pkts = arena.allocate(ValueLayout.JAVA_LONG, 32);
            long deadline = System.nanoTime() + 20_000_000_000L;
            while (back.size() < count && System.nanoTime() < deadline) {
                int k = 0;
                for (var e : sent.entrySet()) {
                    if (!back.containsKey(e.getKey()) && k < 32) {
                        pkts.setAtIndex(ValueLayout.JAVA_LONG, k++, Mbufs.of(port.mempool(), e.getValue()));
                    }
                }
                port.txBurst(0, pkts.address(), k);
                for (int tries = 0; tries < 50; tries++) {
                    int n = port.rxBurst(0, pkts.address(), 32);
                    for (int i = 0; i < n; i++) {
                        long m = pkts.getAtIndex(ValueLayout.JAVA_LONG, i);
                        byte[] f = Mbufs.bytes(m);
                        Mbufs.free(m);
                        int seq = Frames.sequence(f) - round * 1000;
                        if (seq >= 0 && seq < count) {
                            assertArrayEquals(sent.get(seq), f, "frame " + seq + " came back changed");
                            back.put(seq, f);
                        }
                    }
                    Thread.sleep(2);
                }
            }
        }
        if (back.size() < count) {
            fail("only " + back.size() + " of " + count + " frames came back from the guest; guest said:\n"
                    + guest.output());
        }
    }

    private static void await(BooleanSupplier condition, String what, TestPmd guest) throws InterruptedException {
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                fail("timed out waiting: " + what + "; guest said:\n" + guest.output());
            }
            Thread.sleep(50);
        }
    }
}
