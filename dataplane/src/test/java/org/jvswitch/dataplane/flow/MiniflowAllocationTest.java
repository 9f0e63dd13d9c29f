package org.jvswitch.dataplane.flow;

import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.foreign.Arena;
import java.lang.management.ManagementFactory;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.jvswitch.testing.dataplane.PacketBuilder;

/**
 * The packet-path rule, measured: once compiled, extraction and the 5-tuple hash allocate nothing,
 * on any path (the corpus covers every status).
 */
class MiniflowAllocationTest {
    private static final int SLOTS = 32;

    @Test
    void extractionAndHashingAllocateNothing() {
        com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        List<byte[]> frames = Corpus.frames();
        try (Arena arena = Arena.ofConfined()) {
            long[] addrs = new long[frames.size()];
            int[] lens = new int[frames.size()];
            for (int i = 0; i < addrs.length; i++) {
                addrs[i] = PacketBuilder.copy(arena, frames.get(i));
                lens[i] = frames.get(i).length;
            }
            long[] keys = new long[SLOTS * FlowKey.WORDS];
            int[] layers = new int[SLOTS * 3];

            long sink = run(addrs, lens, keys, layers, 300_000); // warm up: C2 compiles extract and hash
            long before = mx.getCurrentThreadAllocatedBytes();
            sink += run(addrs, lens, keys, layers, 100_000);
            long allocated = mx.getCurrentThreadAllocatedBytes() - before;

            assertNotEquals(0, sink);
            assertTrue(allocated < 1024, "100,000 extractions allocated " + allocated + " bytes");
        }
    }

    private static long run(long[] addrs, int[] lens, long[] keys, int[] layers, int n) {
        long sink = 0;
        for (int i = 0; i < n; i++) {
            int f = i % addrs.length;
            int slot = i & (SLOTS - 1);
            sink += Miniflow.extract(addrs[f], lens[f], keys, slot * FlowKey.WORDS, layers, slot * 3);
            sink += FlowHash.hash5tuple(keys, slot * FlowKey.WORDS);
        }
        return sink;
    }
}
