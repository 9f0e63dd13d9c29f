package org.jvswitch.pmd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.jvswitch.testing.dataplane.MemoryNetdev;

/** A PMD driven by calling doWork() on the test thread, with in-memory ports (no DPDK). */
class PmdThreadTest {
    @Test
    void commandsRunBetweenBurstsAndPacketsLeaveByTheOtherPort() {
        PmdThread pmd = new PmdThread(0, 0);
        MemoryNetdev a = new MemoryNetdev("a", 1);
        MemoryNetdev b = new MemoryNetdev("b", 1);
        CompletableFuture<Void> added = CompletableFuture.allOf(pmd.addTxPort(1, a, 0, null),
                pmd.addTxPort(2, b, 0, null), pmd.addRxq(new Rxq(1, a, 0)), pmd.addRxq(new Rxq(2, b, 0)));
        assertTrue(!added.isDone(), "commands wait for the PMD");
        assertEquals(4, pmd.doWork(), "four commands, no packets yet");
        assertTrue(added.isDone());

        a.inject(0x1000, 0x2000, 0x3000);
        b.inject(0x4000);
        assertEquals(4, pmd.doWork());
        assertEquals(List.of(0x1000L, 0x2000L, 0x3000L), b.sent(), "from a to b, in order, flushed in the same work");
        assertEquals(List.of(0x4000L), a.sent());
        assertEquals(4, pmd.rxPackets());
        assertEquals(0, pmd.doWork(), "idle");

        CompletableFuture<Void> removed = pmd.removePort(2);
        pmd.doWork();
        assertTrue(removed.isDone());
        b.inject(0x5000);
        pmd.doWork();
        assertEquals(List.of(0x4000L), a.sent(), "b is no longer polled");
        assertEquals("pmd-c00/id:0", pmd.roleName());
    }
}
