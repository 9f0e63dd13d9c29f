package org.jvswitch.dataplane.tunnel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.jvswitch.dataplane.flow.FlowKey;
import org.jvswitch.dataplane.flow.Miniflow;
import org.jvswitch.dpdk.Mbuf;
import org.jvswitch.testing.dataplane.PacketBuilder;
import org.jvswitch.testing.dataplane.TestMbufs;

/** The packet-path rule for tunnels, measured: once compiled, push and pop allocate nothing. */
class TunnelAllocationTest {
    @Test
    void pushAndPopAllocateNothing() {
        com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        byte[] inner = new PacketBuilder().eth(2, 1).ipv4("10.0.0.1", "10.0.0.2").udp(1, 2).payload(18).build();
        byte[] opts = {0, 1, (byte) 0x80, 1, 0, 0, 0, 7};
        List<TunnelHeader> headers = List.of(
                TunnelHeader.of(new TunnelHeaderBuilder().eth(5, 6).ipv4(1, 2, 0, 64, true).vxlan(4789, 9, false)
                        .push(4789, 1)),
                TunnelHeader.of(new TunnelHeaderBuilder().eth(5, 6).ipv4(1, 2, 0, 64, true)
                        .geneve(6081, 9, true, opts, false).push(6081, 1)),
                TunnelHeader.of(new TunnelHeaderBuilder().eth(5, 6).ipv6(1, 2, 3, 4, 0, 64).vxlan(4789, 9, true)
                        .push(4789, 1)),
                TunnelHeader.of(new TunnelHeaderBuilder().eth(5, 6).ipv4(1, 2, 0, 64, true)
                        .gre(0x6558, true, 9, true, true).push(3, 1)));
        try (TestMbufs mbufs = new TestMbufs()) {
            List<TunnelVport> vports = List.of(TunnelVport.open("vxlan_sys_4789", "vxlan", Map.of(), mbufs),
                    TunnelVport.open("genev_sys_6081", "geneve", Map.of(), mbufs),
                    TunnelVport.open("vxlan_sys_4789", "vxlan", Map.of(), mbufs),
                    TunnelVport.open("gre_sys", "gre", Map.of(), mbufs));
            vports.get(1).setReceiveFilter(new long[] {9}, new int[] {1 << 8 | 0x80});
            long m = mbufs.of(inner);
            MemorySegment src = MemorySegment.ofArray(inner);
            long[] keys = new long[FlowKey.WORDS];
            int[] layers = new int[3];
            long sink = run(m, src, inner.length, headers, vports, keys, layers, 200_000);
            long before = mx.getCurrentThreadAllocatedBytes();
            sink += run(m, src, inner.length, headers, vports, keys, layers, 100_000);
            long allocated = mx.getCurrentThreadAllocatedBytes() - before;
            assertEquals(100_000 * (long) TunnelDecap.OK, sink - 200_000L * TunnelDecap.OK, "every pop succeeded");
            assertTrue(allocated < 1024, "100,000 pushes and pops allocated " + allocated + " bytes");
            mbufs.free(m);
        }
    }

    private static long run(long m, MemorySegment src, int len, List<TunnelHeader> headers, List<TunnelVport> vports,
                            long[] keys, int[] layers, int n) {
        long sink = 0;
        for (int i = 0; i < n; i++) {
            int t = i & 3;
            Mbuf.MEMORY.set(ValueLayout.JAVA_SHORT, m + Mbuf.DATA_OFF, (short) TestMbufs.HEADROOM);
            MemorySegment.copy(src, 0, Mbuf.MEMORY, Mbuf.dataAddress(m), len);
            Mbuf.setLength(m, len);
            Miniflow.extract(Mbuf.dataAddress(m), len, keys, 0, layers, 0);
            if (!TunnelEncap.push(m, headers.get(t), i, keys, 0, layers, 0)) {
                return Long.MIN_VALUE;
            }
            sink += TunnelDecap.pop(m, vports.get(t), 5, keys, 0, 14);
        }
        return sink;
    }
}
