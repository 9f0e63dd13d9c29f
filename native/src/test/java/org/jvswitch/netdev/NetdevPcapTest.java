package org.jvswitch.netdev;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.jvswitch.testing.dpdk.Frames;
import org.jvswitch.testing.dpdk.Pcap;
import org.jvswitch.testing.dpdk.TestEal;

/** net_pcap: a pcap file in, the same packets out, byte for byte. */
class NetdevPcapTest {
    @Test
    void fileInFileOut(@TempDir Path dir) throws Exception {
        TestEal.ensure();
        List<byte[]> frames = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            frames.add(Frames.numbered(0x0a0000000002L, 0x0a0000000001L, 60 + (i * 37) % 1400, i));
        }
        Path in = dir.resolve("in.pcap");
        Path out = dir.resolve("out.pcap");
        Pcap.write(in, frames);
        String devargs = "net_pcap_t0,rx_pcap=" + in + ",tx_pcap=" + out;
        NetdevSpec spec = NetdevSpec.of("pcap0", "dpdk", Map.of("dpdk-devargs", devargs), 0, Path.of("/nonexistent"));
        int moved = 0;
        try (NetdevDpdk port = NetdevDpdk.open(spec, TestEal.pools(), 1); Arena arena = Arena.ofConfined()) {
            MemorySegment pkts = arena.allocate(ValueLayout.JAVA_LONG, 32);
            for (int idle = 0; idle < 100 && moved < frames.size(); ) {
                int n = port.rxBurst(0, pkts.address(), 32);
                if (n == 0) {
                    idle++;
                    Thread.sleep(10);
                    continue;
                }
                assertEquals(n, port.txBurst(0, pkts.address(), n));
                moved += n;
            }
            assertEquals(frames.size(), port.stats().txPackets());
        }
        assertEquals(frames.size(), moved);
        List<byte[]> written = Pcap.read(out);
        assertEquals(frames.size(), written.size());
        for (int i = 0; i < frames.size(); i++) {
            assertArrayEquals(frames.get(i), written.get(i), "packet " + i);
        }
    }
}
