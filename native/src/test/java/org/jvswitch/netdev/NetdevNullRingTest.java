package org.jvswitch.netdev;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.jvswitch.dpdk.Mbuf;
import org.jvswitch.testing.dpdk.Frames;
import org.jvswitch.testing.dpdk.Mbufs;
import org.jvswitch.testing.dpdk.TestEal;

/** net_null and net_ring ports move real packets through DPDK. */
class NetdevNullRingTest {
    private static final Path NO_SOCKETS = Path.of("/nonexistent");

    @BeforeEach
    void dpdk() {
        TestEal.ensure();
    }

    @Test
    void nullPortReceivesAndSinks() {
        NetdevSpec spec = NetdevSpec.of("null0", "dpdk", Map.of("dpdk-devargs", "net_null_t0"), 0, NO_SOCKETS);
        try (NetdevDpdk port = NetdevDpdk.open(spec, TestEal.pools(), 2); Arena arena = Arena.ofConfined()) {
            MemorySegment pkts = arena.allocate(ValueLayout.JAVA_LONG, 32);
            int n = port.rxBurst(0, pkts.address(), 32);
            assertEquals(32, n, "net_null fills every burst");
            for (int i = 0; i < n; i++) {
                assertEquals(64, Mbuf.pktLen(pkts.getAtIndex(ValueLayout.JAVA_LONG, i)), "net_null's default size");
            }
            assertEquals(n, port.txBurst(1, pkts.address(), n), "net_null takes everything");
            NetdevStats s = port.stats();
            assertTrue(s.rxPackets() >= 32 && s.txPackets() >= 32, s.toString());
            assertEquals(2, port.txQueues());
            assertTrue(port.linkUp());
            assertTrue(port.ethDev().xstats().getOrDefault("rx_good_packets", 0L) >= 32,
                    "ethdev's generic xstats: " + port.ethDev().xstats());
        }
    }

    @Test
    void ringPortLoopsPacketsBackUnchanged() {
        NetdevSpec spec = NetdevSpec.of("ring0", "dpdk", Map.of("dpdk-devargs", "net_ring_t0"), 0, NO_SOCKETS);
        try (NetdevDpdk port = NetdevDpdk.open(spec, TestEal.pools(), 1); Arena arena = Arena.ofConfined()) {
            MemorySegment pkts = arena.allocate(ValueLayout.JAVA_LONG, 32);
            byte[][] sent = new byte[8][];
            for (int i = 0; i < 8; i++) {
                sent[i] = Frames.numbered(0x0a0000000002L, 0x0a0000000001L, 60 + i * 100, i);
                pkts.setAtIndex(ValueLayout.JAVA_LONG, i, Mbufs.of(port.mempool(), sent[i]));
            }
            assertEquals(8, port.txBurst(0, pkts.address(), 8));
            int n = port.rxBurst(0, pkts.address(), 32);
            assertEquals(8, n, "a net_ring vdev without arguments is a loopback");
            for (int i = 0; i < n; i++) {
                long m = pkts.getAtIndex(ValueLayout.JAVA_LONG, i);
                assertArrayEquals(sent[i], Mbufs.bytes(m));
                Mbufs.free(m);
            }
        }
    }

    @Test
    void aDeviceServesOneInterfaceOnly() {
        NetdevSpec a = NetdevSpec.of("a", "dpdk", Map.of("dpdk-devargs", "net_null_t1"), 0, NO_SOCKETS);
        NetdevSpec b = NetdevSpec.of("b", "dpdk", Map.of("dpdk-devargs", "net_null_t1"), 0, NO_SOCKETS);
        try (NetdevDpdk first = NetdevDpdk.open(a, TestEal.pools(), 1)) {
            NetdevException e = org.junit.jupiter.api.Assertions.assertThrows(NetdevException.class,
                    () -> NetdevDpdk.open(b, TestEal.pools(), 1));
            assertEquals("'b' is trying to use device 'net_null_t1' which is already in use by 'a'", e.getMessage());
            assertTrue(first.linkUp(), "the first port is untouched");
        }
    }

    @Test
    void devargsThatDoNotProbeSayWhy() {
        NetdevSpec spec = NetdevSpec.of("bad", "dpdk", Map.of("dpdk-devargs", "net_nosuchdriver0"), 0, NO_SOCKETS);
        NetdevException e = org.junit.jupiter.api.Assertions.assertThrows(NetdevException.class,
                () -> NetdevDpdk.open(spec, TestEal.pools(), 1));
        assertTrue(e.getMessage().startsWith("Error attaching device 'net_nosuchdriver0' to DPDK: could not probe"),
                e.getMessage());
    }
}
