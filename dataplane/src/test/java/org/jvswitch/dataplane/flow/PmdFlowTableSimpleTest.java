package org.jvswitch.dataplane.flow;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.jvswitch.dataplane.action.ActionCompiler;
import org.jvswitch.dataplane.action.DpAction;

/**
 * The simple-match fast path never builds a packet's key, so a port's flows may use it only while
 * none of their actions reads the key. A flow installed as drop (a table miss before a
 * controller's table-miss flow arrived) and then revalidated into a userspace action must leave
 * the fast path: otherwise its packet-ins carry the key of whatever packet used that burst slot
 * before (another port's in_port).
 */
class PmdFlowTableSimpleTest {
    private static DpNetdevFlow inPortOnly(int inPort, long id) {
        long[] key = new long[FlowKey.WORDS];
        long[] mask = new long[FlowKey.WORDS];
        FlowField.IN_PORT.set(key, 0, inPort);
        FlowField.IN_PORT.exact(mask, 0);
        FlowField.RECIRC_ID.exact(mask, 0);
        return new DpNetdevFlow(new Ufid(0, id), key, mask, ActionCompiler.compile(List.of()), 0);
    }

    @Test
    void actionsThatReadTheKeyLeaveTheSimplePath() {
        PmdFlowTable t = new PmdFlowTable(100);
        DpNetdevFlow f = inPortOnly(2, 1);
        assertEquals(PmdFlowTable.PutResult.ADDED, t.put(f));
        assertArrayEquals(new DpNetdevFlow[] {f}, t.simpleFlows(2), "a drop flow on in_port only is simple");

        t.setProgram(f.ufid(), ActionCompiler.compile(List.of(new DpAction.Userspace(0, new byte[] {1, 0, 0, 0, 1}))));
        assertNull(t.simpleFlows(2), "a userspace action needs the packet's key");

        t.setProgram(f.ufid(), ActionCompiler.compile(List.of(new DpAction.Output(3))));
        assertArrayEquals(new DpNetdevFlow[] {f}, t.simpleFlows(2), "outputs only: simple again");
        assertNull(t.setProgram(new Ufid(9, 9), ActionCompiler.compile(List.of())));
    }
}
