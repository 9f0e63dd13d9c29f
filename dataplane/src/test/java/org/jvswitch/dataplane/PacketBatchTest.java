package org.jvswitch.dataplane;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.foreign.Arena;
import org.junit.jupiter.api.Test;
import org.jvswitch.testing.dataplane.MemoryNetdev;

class PacketBatchTest {
    @Test
    void holdsUpToABurstOfAddresses() {
        try (Arena arena = Arena.ofConfined()) {
            PacketBatch b = new PacketBatch(arena);
            assertTrue(b.isEmpty());
            for (int i = 0; i < PacketBatch.CAPACITY; i++) {
                b.add(0x1000L + i * 128);
            }
            assertTrue(b.isFull());
            assertEquals(0x1000L + 31 * 128, b.get(31));
            b.clear();
            assertTrue(b.isEmpty());
            assertFalse(b.isFull());
        }
    }

    @Test
    void txPortBatchesAndFlushesOncePerBurst() {
        try (Arena arena = Arena.ofConfined()) {
            MemoryNetdev out = new MemoryNetdev("out", 1);
            TxPort tx = new TxPort(2, out, 0, null, arena);
            tx.output(0x100);
            tx.output(0x200);
            assertTrue(out.sent().isEmpty(), "nothing leaves before the flush");
            tx.flush();
            assertEquals(java.util.List.of(0x100L, 0x200L), out.sent());
            for (int i = 0; i < 40; i++) {
                tx.output(0x1000 + i);
            }
            assertEquals(2 + 32, out.sent().size(), "a full batch goes out by itself");
            tx.flush();
            assertEquals(42, out.sent().size());
            assertEquals(42, tx.sent());
        }
    }

    @Test
    void txPortCountsWhatTheDriverTook() {
        try (Arena arena = Arena.ofConfined()) {
            MemoryNetdev out = new MemoryNetdev("out", 1);
            out.limitTx(3);
            TxPort tx = new TxPort(1, out, 0, new Object(), arena);
            for (int i = 0; i < 5; i++) {
                tx.output(0x100 + i);
            }
            tx.flush();
            assertEquals(3, tx.sent());
            assertEquals(2, out.stats().txDropped());
        }
    }
}
