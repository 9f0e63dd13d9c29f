package org.jvswitch.ofproto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.jvswitch.dataplane.action.DpAction;
import org.jvswitch.dataplane.flow.FlowField;
import org.jvswitch.dataplane.flow.FlowKey;

class XlateTest {
    private static final long A = 0x0a0000000001L;
    private static final long B = 0x0a0000000002L;
    private static final long BCAST = 0xffffffffffffL;

    private final TestBridges bridges = new TestBridges();
    private final Xlate xlate = new Xlate(bridges);

    private Xlate.Result run(long[] key) {
        return xlate.translate(key, null, 0, true, 1000);
    }

    private static List<DpAction> out(int... odp) {
        return java.util.Arrays.stream(odp).mapToObj(p -> (DpAction) new DpAction.Output(p)).toList();
    }

    @Test
    void normalFloodsLearnsThenForwardsAndTheMegaflowNamesMacsAndVlan() {
        Ofproto br = bridges.bridge("br0");
        br.putPort(TestBridges.port(1, 11));
        br.putPort(TestBridges.port(2, 12));
        br.putPort(TestBridges.port(3, 13));
        br.flowMod(TestBridges.add(0, 0, List.of(new OfAction.Output(OfKey.OFPP_NORMAL))), 0);
        long v0 = br.version();
        Xlate.Result flood = run(TestBridges.key(11, A, B));
        assertEquals(out(12, 13), flood.actions(), "unknown destination: flood");
        assertTrue(br.version() != v0, "learning A changed the bridge's version");
        assertTrue(FlowField.ETH_SRC.isExact(flood.mask(), 0));
        assertTrue(FlowField.ETH_DST.isExact(flood.mask(), 0));
        assertTrue(FlowField.IN_PORT.isExact(flood.mask(), 0));
        assertFalse(FlowField.NW_DST.isNonZero(flood.mask(), 0), "NORMAL does not look at IP");
        assertEquals(out(11), run(TestBridges.key(12, B, A)).actions(), "A was learned on port 1");
        assertEquals(out(12), run(TestBridges.key(11, A, B)).actions(), "and B on port 2");
        assertEquals(out(12, 13), run(TestBridges.key(11, A, BCAST)).actions(), "broadcast floods");
        assertEquals(1, flood.rules().size());
    }

    @Test
    void aMegaflowRemembersTheMacItLearnedSoTrafficRelearnsItAfterAFlush() {
        Ofproto br = bridges.bridge("br0");
        br.putPort(TestBridges.port(1, 11));
        br.putPort(TestBridges.port(2, 12));
        br.flowMod(TestBridges.add(0, 0, List.of(new OfAction.Output(OfKey.OFPP_NORMAL))), 0);
        Xlate.Result r = xlate.translate(TestBridges.key(11, A, B), null, 0, false, 1000);
        assertEquals(-1, br.macs().lookup(0, A, 1000), "no side effects: nothing learned yet");
        assertEquals(List.of(new LearnedMac(br, 0, A, 1)), r.learned());
        assertTrue(r.learned().get(0).refresh(2000), "the revalidator's refresh learns it");
        assertEquals(1, br.macs().lookup(0, A, 2000));
        br.macs().flush();
        assertTrue(r.learned().get(0).refresh(3000), "and learns it again after a flush");
        assertFalse(r.learned().get(0).refresh(3000), "a refresh of a known MAC changes nothing");
        assertTrue(xlate.translate(TestBridges.key(11, BCAST & ~0x010000000000L | 0x010000000000L, B), null, 0,
                false, 1000).learned().isEmpty(), "multicast sources are never learned");
    }

    @Test
    void accessAndTrunkVlans() {
        Ofproto br = bridges.bridge("br0");
        br.putPort(TestBridges.access(1, 11, 10));
        br.putPort(TestBridges.access(2, 12, 20));
        br.putPort(TestBridges.trunk(3, 13, Set.of(10, 20)));
        br.putPort(TestBridges.access(4, 14, 10));
        br.flowMod(TestBridges.add(0, 0, List.of(new OfAction.Output(OfKey.OFPP_NORMAL))), 0);
        List<DpAction> acts = run(TestBridges.key(11, A, BCAST)).actions();
        assertEquals(List.of(new DpAction.PushVlan(0x8100, FlowKey.VLAN_CFI | 10), new DpAction.Output(13),
                new DpAction.PopVlan(), new DpAction.Output(14)), acts, "VLAN 10 only: tagged on the trunk");
        List<DpAction> fromTrunk = run(TestBridges.tagged(TestBridges.key(13, B, BCAST), 20)).actions();
        assertEquals(List.of(new DpAction.PopVlan(), new DpAction.Output(12)), fromTrunk, "VLAN 20 only, untagged");
        assertTrue(run(TestBridges.tagged(TestBridges.key(13, B, BCAST), 30)).actions().isEmpty(), "not trunked");
        assertTrue(run(TestBridges.tagged(TestBridges.key(11, B, BCAST), 20)).actions().isEmpty(),
                "tagged on an access port");
    }

    @Test
    void openflowRulesSetFieldsResubmitAndRegisters() {
        Ofproto br = bridges.bridge("br0");
        br.putPort(TestBridges.port(1, 11));
        br.putPort(TestBridges.port(2, 12));
        br.flowMod(TestBridges.add(0, 100, List.of(new OfAction.SetReg(3, 7, -1L), new OfAction.Resubmit(0xfff8, 1)),
                FlowField.IN_PORT, 1), 0);
        FlowMod t1 = TestBridges.add(1, 100, List.of(OfAction.SetField.of(FlowField.NW_DST, 0xc0a80001L),
                new OfAction.Output(2)));
        OfKey.setReg(t1.key(), 3, 7);
        t1.mask()[OfKey.W_REGS + 1] = 0xffffffff00000000L;
        br.flowMod(t1, 0);
        Xlate.Result r = run(TestBridges.key(11, A, B));
        assertEquals(List.of(DpAction.SetField.of(FlowField.NW_DST, 0xc0a80001L), new DpAction.Output(12)),
                r.actions());
        assertTrue(FlowField.NW_DST.isExact(r.mask(), 0), "a written field is matched");
        assertTrue(FlowField.ETH_TYPE.isExact(r.mask(), 0), "a set needs its header");
        assertFalse(FlowField.ETH_SRC.isNonZero(r.mask(), 0));
        assertEquals(2, r.rules().size());
    }

    @Test
    void patchPortsJoinBridges() {
        Ofproto br0 = bridges.bridge("br0");
        Ofproto br1 = bridges.bridge("br1");
        br0.putPort(TestBridges.port(1, 11));
        br0.putPort(TestBridges.patch(2, "patch-to-br1", "patch-to-br0"));
        br1.putPort(TestBridges.patch(1, "patch-to-br0", "patch-to-br1"));
        br1.putPort(TestBridges.port(2, 22));
        br0.flowMod(TestBridges.add(0, 0, List.of(new OfAction.Output(2))), 0);
        br1.flowMod(TestBridges.add(0, 0, List.of(OfAction.SetField.of(FlowField.ETH_DST, B), new OfAction.Output(2))),
                0);
        assertEquals(List.of(DpAction.SetField.of(FlowField.ETH_DST, B), new DpAction.Output(22)),
                run(TestBridges.key(11, A, 0x0a0000000099L)).actions());
    }

    @Test
    void controllerAndBpduGoUpThroughUserspaceActions() {
        Ofproto br = bridges.bridge("br0");
        br.putPort(TestBridges.port(1, 11));
        br.flowMod(TestBridges.add(0, 0, List.of(new OfAction.Output(OfKey.OFPP_CONTROLLER, 128))), 0);
        DpAction a = run(TestBridges.key(11, A, B)).actions().getFirst();
        Userdata u = Userdata.decode(((DpAction.Userspace) a).userdata());
        assertNotNull(u);
        assertEquals(Userdata.CONTROLLER, u.type());
        assertEquals(br.id(), u.bridgeId());
        assertEquals(128, u.maxLen());
        assertEquals(PacketInSink.REASON_ACTION, u.reason());
        assertTrue(u.explicitMiss(), "a table-miss rule's packet-in: NO_MATCH to OpenFlow 1.3+ controllers");

        br.setGate(new PortGate() {
            @Override
            public boolean forwardPermitted(int ofport) {
                return true;
            }

            @Override
            public boolean learnPermitted(int ofport) {
                return true;
            }

            @Override
            public boolean enabled() {
                return true;
            }
        });
        Xlate.Result bpdu = run(TestBridges.key(11, A, 0x0180c2000000L));
        Userdata ub = Userdata.decode(((DpAction.Userspace) bpdu.actions().getFirst()).userdata());
        assertEquals(Userdata.BPDU, ub.type());
        assertEquals(1, ub.ofport());
        assertTrue(FlowField.ETH_DST.isExact(bpdu.mask(), 0));
    }

    @Test
    void groupsSelectAndFailover() {
        Ofproto br = bridges.bridge("br0");
        for (int p = 1; p <= 4; p++) {
            br.putPort(TestBridges.port(p, 10 + p));
        }
        br.groups().add(OfGroup.of(1, OfGroup.Type.SELECT, List.of(
                new OfGroup.Bucket(1, OfGroup.WATCH_NONE, OfGroup.WATCH_NONE, List.of(new OfAction.Output(2))),
                new OfGroup.Bucket(1, OfGroup.WATCH_NONE, OfGroup.WATCH_NONE, List.of(new OfAction.Output(3)))), 0));
        br.groups().add(OfGroup.of(2, OfGroup.Type.FAST_FAILOVER, List.of(
                new OfGroup.Bucket(0, 2, OfGroup.WATCH_NONE, List.of(new OfAction.Output(2))),
                new OfGroup.Bucket(0, 4, OfGroup.WATCH_NONE, List.of(new OfAction.Output(4)))), 0));
        br.flowMod(TestBridges.add(0, 10, List.of(new OfAction.Group(1)), FlowField.IN_PORT, 1), 0);
        br.flowMod(TestBridges.add(0, 10, List.of(new OfAction.Group(2)), FlowField.IN_PORT, 3), 0);
        int two = 0;
        for (int i = 0; i < 200; i++) {
            long[] k = TestBridges.key(11, A, B);
            k[FlowKey.W_TP] = FlowKey.tpWord(1000 + i, 2000, 0);
            Xlate.Result r = run(k);
            assertTrue(FlowField.TP_SRC.isExact(r.mask(), 0), "the hashed fields are matched");
            two += r.actions().equals(out(12)) ? 1 : 0;
        }
        assertTrue(two > 50 && two < 150, "both buckets are used: " + two);
        assertEquals(out(12), run(TestBridges.key(13, A, B)).actions());
        br.putPort(TestBridges.port(2, 12).withLink(false));
        assertEquals(out(14), run(TestBridges.key(13, A, B)).actions(), "failover when port 2's link is down");
        assertThrows(OfError.class, () -> br.flowMod(TestBridges.add(0, 1, List.of(new OfAction.Group(9))), 0));
    }

    @Test
    void flowModSemantics() {
        Ofproto br = bridges.bridge("br0");
        br.flowMod(TestBridges.add(0, 10, List.of(new OfAction.Output(2)), FlowField.IN_PORT, 1), 0);
        br.flowMod(TestBridges.add(0, 10, List.of(new OfAction.Output(3)), FlowField.IN_PORT, 1), 0);
        assertEquals(1, br.ruleCount(0), "same match and priority: replaced");
        br.flowMod(TestBridges.add(0, 20, List.of(new OfAction.Output(4)), FlowField.IN_PORT, 1,
                FlowField.ETH_TYPE, 0x0800), 0);
        FlowMod overlap = TestBridges.add(0, 10, List.of(), FlowField.ETH_TYPE, 0x0800);
        FlowMod checked = new FlowMod(overlap.command(), 0, overlap.key(), overlap.mask(), 10, 0, 0, 0, 0,
                OfRule.CHECK_OVERLAP, 0, OfKey.OFPP_ANY, FlowMod.ANY_GROUP, List.of());
        OfError e = assertThrows(OfError.class, () -> br.flowMod(checked, 0));
        assertEquals("OVERLAP", e.code());
        FlowMod del = new FlowMod(FlowMod.Command.DELETE, FlowMod.ALL_TABLES, new long[OfKey.WORDS],
                new long[OfKey.WORDS], 0, 0, 0, 0, 0, 0, 0, 4, FlowMod.ANY_GROUP, List.of());
        assertEquals(1, br.flowMod(del, 0), "delete by out_port removes only the rule that outputs to 4");
        assertEquals(1, br.ruleCount(0));
        OfError bad = assertThrows(OfError.class, () -> br.flowMod(TestBridges.add(3, 1,
                List.of(new OfAction.GotoTable(2))), 0));
        assertEquals("BAD_TABLE_ID", bad.code());
    }
}
