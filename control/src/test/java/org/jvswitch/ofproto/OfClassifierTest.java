package org.jvswitch.ofproto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.jvswitch.dataplane.flow.FlowKey;

/**
 * The classifier keeps each subtable's highest priority (lookups stop at the first subtable that
 * cannot win) and a count of rules with timeouts (the revalidator's expiry) without walking every
 * rule per change: deleting many rules of one priority is linear, not quadratic.
 */
class OfClassifierTest {
    private static final long[] SRC_MASK = mask(FlowKey.W_NW, 0xffffffff00000000L);
    private static final long[] DST_MASK = mask(FlowKey.W_NW, 0x00000000ffffffffL);

    private static long[] mask(int word, long bits) {
        long[] m = new long[OfKey.WORDS];
        m[word] = bits;
        return m;
    }

    private static OfRule rule(int priority, long[] mask, long nw, int idle) {
        long[] key = new long[OfKey.WORDS];
        key[FlowKey.W_NW] = nw & mask[FlowKey.W_NW];
        return new OfRule(0, priority, key, mask, 0, idle, 0, 0, 0, List.of(), 0);
    }

    private static long[] packet(long nw) {
        long[] k = new long[OfKey.WORDS];
        k[FlowKey.W_NW] = nw;
        return k;
    }

    @Test
    void maximumPriorityFollowsRemovals() {
        OfClassifier c = new OfClassifier();
        OfRule low = rule(10, DST_MASK, 0x0000000100000002L, 0);
        c.insert(low);
        List<OfRule> high = new ArrayList<>();
        for (long i = 0; i < 3; i++) {
            OfRule r = rule(20, SRC_MASK, (i + 1) << 32, 0);
            high.add(r);
            c.insert(r);
        }
        long pkt = 0x0000000100000002L; // matches high[0] (src 1) and low (dst 2)
        assertSame(high.get(0), c.lookup(packet(pkt), new long[OfKey.WORDS]));
        c.remove(high.get(1));
        c.remove(high.get(2));
        assertSame(high.get(0), c.lookup(packet(pkt), new long[OfKey.WORDS]), "one rule at 20 is left");
        c.remove(high.get(0));
        assertSame(low, c.lookup(packet(pkt), new long[OfKey.WORDS]));
        c.insert(rule(5, SRC_MASK, 1L << 32, 0));
        assertSame(low, c.lookup(packet(pkt), new long[OfKey.WORDS]), "the subtable's maximum went down to 5");
        c.insert(rule(30, SRC_MASK, 1L << 32, 0));
        assertEquals(30, c.lookup(packet(pkt), new long[OfKey.WORDS]).priority());
    }

    @Test
    void countsRulesWithTimeouts() {
        OfClassifier c = new OfClassifier();
        OfRule a = rule(1, SRC_MASK, 1L << 32, 10);
        c.insert(a);
        c.insert(rule(1, SRC_MASK, 2L << 32, 0));
        assertEquals(1, c.timedCount());
        c.insert(rule(1, SRC_MASK, 1L << 32, 0)); // replaces a: no timeout now
        assertEquals(0, c.timedCount());
        OfRule b = rule(1, SRC_MASK, 3L << 32, 5);
        c.insert(b);
        assertEquals(1, c.timedCount());
        assertTrue(c.remove(b));
        assertEquals(0, c.timedCount());
    }

    @Test
    void deletingManyRulesOfOnePriorityIsLinear() {
        OfClassifier c = new OfClassifier();
        List<OfRule> rules = new ArrayList<>();
        for (long i = 0; i < 200_000; i++) {
            OfRule r = rule(100, SRC_MASK, i << 32, 0);
            rules.add(r);
            c.insert(r);
        }
        long t0 = System.nanoTime();
        for (OfRule r : rules) {
            c.remove(r);
        }
        long ms = (System.nanoTime() - t0) / 1_000_000;
        assertEquals(0, c.size());
        // Quadratic (a walk of the subtable per removal) takes minutes here; linear well under one.
        assertTrue(ms < 20_000, "removing 200000 rules took " + ms + " ms");
    }
}
