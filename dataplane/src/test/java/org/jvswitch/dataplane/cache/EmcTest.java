package org.jvswitch.dataplane.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.jvswitch.dataplane.action.ActionCompiler;
import org.jvswitch.dataplane.action.DpAction;
import org.jvswitch.dataplane.flow.DpNetdevFlow;
import org.jvswitch.dataplane.flow.FlowField;
import org.jvswitch.dataplane.flow.FlowKey;
import org.jvswitch.dataplane.flow.Ufid;

class EmcTest {
    static DpNetdevFlow flow(int inPort, long id) {
        long[] key = new long[FlowKey.WORDS];
        long[] mask = new long[FlowKey.WORDS];
        FlowField.IN_PORT.set(key, 0, inPort);
        FlowField.IN_PORT.exact(mask, 0);
        return new DpNetdevFlow(new Ufid(0, id), key, mask, ActionCompiler.compile(List.of(new DpAction.Output(2))), 0);
    }

    static long[] packetKey(int inPort, int nwDst) {
        long[] k = new long[FlowKey.WORDS];
        k[FlowKey.W_IN_PORT] = FlowKey.inPortWord(inPort, 0);
        k[FlowKey.W_ETH_DST] = FlowKey.ethDstWord(0x0a0000000002L, FlowKey.ETH_TYPE_IP);
        k[FlowKey.W_NW] = FlowKey.pairWord(0x0a000001, nwDst);
        return k;
    }

    @Test
    void exactKeysOnly() {
        Emc emc = new Emc(1);
        DpNetdevFlow f = flow(1, 1);
        long[] k = packetKey(1, 7);
        emc.insert(k, 0, 42, f);
        assertSame(f, emc.lookup(k, 0, 42));
        long[] other = packetKey(1, 8);
        assertNull(emc.lookup(other, 0, 42), "same hash, different key");
        assertNull(emc.lookup(k, 0, 43), "different hash");
    }

    @Test
    void twoPlacesPerHashThenReplacement() {
        Emc emc = new Emc(1);
        int hash = 5 | (9 << Emc.SHIFT);
        DpNetdevFlow a = flow(1, 1);
        DpNetdevFlow b = flow(1, 2);
        DpNetdevFlow c = flow(1, 3);
        emc.insert(packetKey(1, 1), 0, hash, a);
        emc.insert(packetKey(1, 2), 0, hash, b);
        assertSame(a, emc.lookup(packetKey(1, 1), 0, hash));
        assertSame(b, emc.lookup(packetKey(1, 2), 0, hash));
        emc.insert(packetKey(1, 3), 0, hash, c);
        assertSame(c, emc.lookup(packetKey(1, 3), 0, hash));
        int left = (emc.lookup(packetKey(1, 1), 0, hash) != null ? 1 : 0) + (emc.lookup(packetKey(1, 2), 0, hash) != null ? 1 : 0);
        assertEquals(1, left, "a third key evicts one of the two");
    }

    @Test
    void deadFlowsMissAndAreSwept() {
        Emc emc = new Emc(1);
        DpNetdevFlow f = flow(1, 1);
        long[] k = packetKey(1, 7);
        emc.insert(k, 0, 1, f);
        f.kill();
        assertNull(emc.lookup(k, 0, 1));
        for (int i = 0; i < Emc.ENTRIES / 64; i++) {
            emc.sweep();
        }
        assertEquals(0, emc.size());
    }

    @Test
    void insertionProbability() {
        Emc never = new Emc(0);
        Emc always = new Emc(1);
        Emc sometimes = new Emc(100);
        int inserted = 0;
        for (int i = 0; i < 10_000; i++) {
            long[] k = packetKey(1, i);
            never.probabilisticInsert(k, 0, i * 7919, flow(1, i));
            always.probabilisticInsert(k, 0, i * 7919, flow(1, i));
            sometimes.probabilisticInsert(k, 0, i * 7919, flow(1, i));
            if (sometimes.lookup(k, 0, i * 7919) != null) {
                inserted++;
            }
        }
        assertEquals(0, never.size());
        assertTrue(always.size() > 4000);
        assertTrue(inserted > 40 && inserted < 250, "about 1 in 100: " + inserted);
    }

    /** A key as tnl_pop recirculates it: the inner packet plus IPv4 tunnel metadata. */
    static long[] tunnelKey(int nwDst, long tunId) {
        long[] k = packetKey(3, nwDst);
        k[FlowKey.W_IN_PORT] = FlowKey.inPortWord(3, 1);
        k[FlowKey.W_TUN_ID] = tunId;
        k[FlowKey.W_TUN_IPV4] = FlowKey.pairWord(0x0a0a0a01, 0x0a0a0a02);
        k[FlowKey.W_TUN_META] = 0x0040_00_40_0000_12b5L;
        return k;
    }

    @Test
    void keyClassesNest() {
        assertEquals(Emc.SIMPLE, Emc.classOf(packetKey(1, 7), 0));
        assertEquals(Emc.SIMPLE, Emc.classOfRecirculated(packetKey(1, 7), 0));
        assertEquals(Emc.META, Emc.classOf(tunnelKey(7, 5), 0));
        assertEquals(Emc.META, Emc.classOfRecirculated(tunnelKey(7, 5), 0));
        long[] geneve = tunnelKey(7, 5);
        geneve[FlowKey.W_GENEVE_OPTS + 3] = 1;
        assertEquals(Emc.FULL, Emc.classOf(geneve, 0));
        assertEquals(Emc.FULL, Emc.classOfRecirculated(geneve, 0));
        long[] v6tunnel = packetKey(1, 7);
        v6tunnel[FlowKey.W_TUN_IPV6_DST + 1] = 2;
        assertEquals(Emc.FULL, Emc.classOf(v6tunnel, 0));
        assertEquals(Emc.FULL, Emc.classOfRecirculated(v6tunnel, 0));
        long[] labelled = packetKey(1, 7);
        labelled[FlowKey.W_CT_LABEL + 1] = 9;
        assertEquals(Emc.FULL, Emc.classOfRecirculated(labelled, 0));
    }

    @Test
    void everyPairOfClassesComparesTheWholeKey() {
        // The same key inserted and looked up under any pair of (correct or lower) classes hits;
        // a key that differs in exactly one word misses, whichever word and class.
        long[] base = tunnelKey(7, 5);
        base[FlowKey.W_GENEVE_OPTS] = 0; // META
        int[] classes = {Emc.FULL, Emc.META};
        for (int inserted : classes) {
            for (int looked : classes) {
                Emc emc = new Emc(1);
                DpNetdevFlow f = flow(3, 1);
                emc.insert(base, 0, 77, f, inserted);
                assertSame(f, emc.lookup(base, 0, 77, looked), inserted + "/" + looked);
                for (int w = 0; w < FlowKey.WORDS; w++) {
                    long[] other = base.clone();
                    other[w] ^= 1L << (w % 64);
                    int otherClass = Math.min(looked, Emc.classOf(other, 0));
                    assertNull(emc.lookup(other, 0, 77, otherClass), "word " + w + ", classes " + inserted + "/"
                            + otherClass);
                }
            }
        }
        Emc emc = new Emc(1);
        DpNetdevFlow plain = flow(1, 2);
        emc.insert(packetKey(1, 7), 0, 5, plain, Emc.SIMPLE);
        assertSame(plain, emc.lookup(packetKey(1, 7), 0, 5, Emc.META), "a simple entry answers a META lookup");
        assertNull(emc.lookup(tunnelKey(7, 5), 0, 5, Emc.META), "but not for a key with tunnel metadata");
    }
}
