package org.jvswitch.dataplane.cls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.jvswitch.dataplane.action.ActionCompiler;
import org.jvswitch.dataplane.action.DpAction;
import org.jvswitch.dataplane.flow.DpNetdevFlow;
import org.jvswitch.dataplane.flow.FlowField;
import org.jvswitch.dataplane.flow.FlowKey;
import org.jvswitch.dataplane.flow.Ufid;

class DpclsTest {
    private static long ids;

    /** A flow on in_port 1 matching the given fields exactly (field, value pairs). */
    static DpNetdevFlow flow(Object... fieldValues) {
        long[] key = new long[FlowKey.WORDS];
        long[] mask = new long[FlowKey.WORDS];
        FlowField.IN_PORT.set(key, 0, 1);
        FlowField.IN_PORT.exact(mask, 0);
        for (int i = 0; i < fieldValues.length; i += 2) {
            FlowField f = (FlowField) fieldValues[i];
            f.set(key, 0, ((Number) fieldValues[i + 1]).longValue());
            f.exact(mask, 0);
        }
        return new DpNetdevFlow(new Ufid(0, ++ids), key, mask, ActionCompiler.compile(List.of(new DpAction.Output(2))),
                0);
    }

    static long[] packet(int nwSrc, int nwDst, int proto, int tpDst) {
        long[] k = new long[FlowKey.WORDS];
        k[FlowKey.W_IN_PORT] = FlowKey.inPortWord(1, 0);
        k[FlowKey.W_ETH_DST] = FlowKey.ethDstWord(0x0a0000000002L, FlowKey.ETH_TYPE_IP);
        k[FlowKey.W_ETH_SRC] = 0x0a0000000001L << 16;
        k[FlowKey.W_L3_META] = FlowKey.l3MetaWord(0, proto, 0, 64, 0);
        k[FlowKey.W_NW] = FlowKey.pairWord(nwSrc, nwDst);
        k[FlowKey.W_TP] = FlowKey.tpWord(1234, tpDst, 0);
        return k;
    }

    @Test
    void tupleSpaceFindsTheRightMask() {
        Dpcls cls = new Dpcls();
        DpNetdevFlow byDst = flow(FlowField.ETH_TYPE, 0x0800, FlowField.NW_DST, 0x0a000002);
        DpNetdevFlow byPort = flow(FlowField.ETH_TYPE, 0x0800, FlowField.NW_PROTO, 6, FlowField.TP_DST, 80);
        assertTrue(cls.insert(byDst));
        assertTrue(cls.insert(byPort));
        assertEquals(2, cls.subtableCount());
        assertSame(byDst, cls.lookup(packet(0x0a000001, 0x0a000002, 17, 53), 0));
        assertSame(byPort, cls.lookup(packet(0x0a000001, 0x0a000009, 6, 80), 0));
        assertNull(cls.lookup(packet(0x0a000001, 0x0a000009, 6, 81), 0));
        assertFalse(cls.insert(flow(FlowField.ETH_TYPE, 0x0800, FlowField.NW_DST, 0x0a000002)), "same megaflow");
    }

    @Test
    void removalIsSeenAtOnceAndEmptySubtablesGo() {
        Dpcls cls = new Dpcls();
        DpNetdevFlow f = flow(FlowField.NW_DST, 0x0a000002);
        cls.insert(f);
        assertSame(f, cls.lookup(packet(1, 0x0a000002, 17, 1), 0));
        assertTrue(cls.remove(f));
        assertNull(cls.lookup(packet(1, 0x0a000002, 17, 1), 0));
        assertEquals(0, cls.subtableCount());
        assertFalse(cls.remove(f));
    }

    @Test
    void rankingPutsTheBusiestSubtableFirst() {
        Dpcls cls = new Dpcls();
        DpNetdevFlow rare = flow(FlowField.NW_SRC, 0x0a000001);
        DpNetdevFlow busy = flow(FlowField.TP_DST, 443);
        cls.insert(rare);
        cls.insert(busy);
        for (int i = 0; i < 10; i++) {
            cls.lookup(packet(0x0b000001, 2, 6, 443), 0);
        }
        cls.lookup(packet(0x0a000001, 2, 6, 1), 0);
        cls.rank();
        assertTrue(cls.subtables()[0].hasMask(busy.mask()), "the tp_dst subtable first");
        assertSame(busy, cls.lookup(packet(0x0b000001, 2, 6, 443), 0));
        long before = cls.subtablesSearched();
        cls.lookup(packet(0x0b000001, 2, 6, 443), 0);
        assertEquals(1, cls.subtablesSearched() - before, "found in the first subtable searched");
    }

    @Test
    void manyFlowsEveryShapeGrowAndShrink() {
        FlowField[][] shapes = {
            {},
            {FlowField.NW_DST},
            {FlowField.NW_DST, FlowField.ETH_SRC},
            {FlowField.NW_DST, FlowField.ETH_SRC, FlowField.ETH_TYPE},
            {FlowField.NW_DST, FlowField.ETH_SRC, FlowField.ETH_TYPE, FlowField.TP_DST},
            {FlowField.NW_DST, FlowField.ETH_SRC, FlowField.ETH_TYPE, FlowField.TP_DST, FlowField.IPV6_SRC},
        };
        for (FlowField[] shape : shapes) {
            Dpcls cls = new Dpcls();
            List<DpNetdevFlow> flows = new ArrayList<>();
            for (int i = 0; i < 2000; i++) {
                Object[] fv = new Object[shape.length * 2];
                for (int j = 0; j < shape.length; j++) {
                    fv[2 * j] = shape[j];
                    fv[2 * j + 1] = shape[j] == FlowField.NW_DST ? i : packetValue(shape[j]);
                }
                if (shape.length == 0 && i > 0) {
                    break;
                }
                DpNetdevFlow f = flow(fv);
                assertTrue(cls.insert(f));
                flows.add(f);
            }
            for (int i = 0; i < flows.size(); i++) {
                long[] p = packet(9, shape.length == 0 ? 12345 : i, 6, 443);
                assertSame(flows.get(i), cls.lookup(p, 0), "shape " + shape.length + " flow " + i);
            }
            for (int i = 0; i < flows.size(); i += 2) {
                assertTrue(cls.remove(flows.get(i)));
            }
            for (int i = 0; i < flows.size(); i++) {
                long[] p = packet(9, shape.length == 0 ? 12345 : i, 6, 443);
                if (i % 2 == 0) {
                    assertNull(cls.lookup(p, 0));
                } else {
                    assertSame(flows.get(i), cls.lookup(p, 0), "survivor " + i + " after removals");
                }
            }
        }
    }

    private static long packetValue(FlowField f) {
        long[] k = packet(9, 0, 6, 443);
        return f.get(k, 0);
    }
}
