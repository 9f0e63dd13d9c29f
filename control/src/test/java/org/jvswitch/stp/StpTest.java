package org.jvswitch.stp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jvswitch.stp.SimNetwork.Link;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class StpTest {

    private static final long MAC_A = 0xaa66aa660001L;
    private static final long MAC_B = 0xaa66aa660002L;
    private static final long MAC_C = 0xaa66aa660003L;
    /** Time for an 802.1D network of a few bridges to settle: max age + 2 x forward delay. */
    private static final long CONVERGE_MS = 60_000;

    private final SimNetwork net = new SimNetwork();

    /** A, B, C with equal priority (A has the lowest MAC); links A1-B1, A2-C1, B2-C2. */
    private record Triangle(Stp a, Stp b, Stp c, Link ab, Link ac, Link bc) {
    }

    private Triangle triangle() {
        Stp a = net.stp("brA", 32768, MAC_A);
        Stp b = net.stp("brB", 32768, MAC_B);
        Stp c = net.stp("brC", 32768, MAC_C);
        return new Triangle(a, b, c, net.connect(a, 1, b, 1), net.connect(a, 2, c, 1),
                net.connect(b, 2, c, 2));
    }

    @Test
    void rootIsElectedByPriority() {
        Stp a = net.stp("brA", 32768, MAC_A);
        Stp b = net.stp("brB", 4096, MAC_B);
        net.connect(a, 1, b, 1);
        net.run(CONVERGE_MS);
        assertTrue(b.isRootBridge());
        assertFalse(a.isRootBridge());
        assertEquals(b.bridgeId(), a.designatedRoot());
        assertEquals(BridgeId.of(4096, MAC_B), b.bridgeId());
        assertEquals(StpPortRole.ROOT, a.portRole(1));
        assertEquals(4, a.rootPathCost(), "one 1 Gb/s hop");
    }

    @Test
    void rootIsElectedByMacWhenPrioritiesTie() {
        Stp b = net.stp("brB", 32768, MAC_B);
        Stp a = net.stp("brA", 32768, MAC_A);
        net.connect(b, 1, a, 1);
        net.run(CONVERGE_MS);
        assertTrue(a.isRootBridge());
        assertEquals(a.bridgeId(), b.designatedRoot());
        assertEquals(1, b.rootPortNo());
    }

    @Test
    void triangleConvergesToALoopFreeTree() {
        Triangle t = triangle();
        net.run(CONVERGE_MS, this::assertLoopFree);
        assertTriangleTree(t);
    }

    private void assertTriangleTree(Triangle t) {
        assertTrue(t.a().isRootBridge(), net.showAll());
        assertEquals(StpPortRole.DESIGNATED, t.a().portRole(1));
        assertEquals(StpPortRole.DESIGNATED, t.a().portRole(2));
        assertEquals(StpPortRole.ROOT, t.b().portRole(1));
        assertEquals(StpPortRole.DESIGNATED, t.b().portRole(2));
        assertEquals(StpPortRole.ROOT, t.c().portRole(1));
        assertEquals(StpPortRole.ALTERNATE, t.c().portRole(2));
        assertEquals(StpPortState.BLOCKING, t.c().portState(2));
        // Exactly one blocking port; every other port forwards.
        List<StpPortState> states = new ArrayList<>();
        for (Stp s : List.of(t.a(), t.b(), t.c())) {
            for (StpStatus.Port p : s.status().ports()) {
                states.add(p.state());
            }
        }
        assertEquals(1, states.stream().filter(s -> s == StpPortState.BLOCKING).count(), states::toString);
        assertEquals(5, states.stream().filter(s -> s == StpPortState.FORWARDING).count(), states::toString);
        // The blocked link forwards on one end only.
        assertTrue(net.forwarding(t.bc().a) ^ net.forwarding(t.bc().b));
    }

    private void assertLoopFree() {
        assertTrue(net.loopFree(), () -> "forwarding loop at " + net.now + "\n" + net.showAll());
    }

    @Test
    void portsListenThenLearnThenForwardAfterTwiceForwardDelay() {
        Stp a = net.stp("brA", 32768, MAC_A);
        Stp b = net.stp("brB", 32768, MAC_B);
        net.connect(a, 1, b, 1);
        assertEquals(StpPortState.LISTENING, a.portState(1));
        assertEquals(StpPortState.LISTENING, b.portState(1));
        assertFalse(a.forwardPermitted(1));
        assertFalse(a.learnPermitted(1));
        long learning = net.runUntil(() -> b.portState(1) == StpPortState.LEARNING, 20_000, "learning");
        assertTrue(learning >= 15_000 && learning <= 15_300, "learning after " + learning + " ms");
        assertTrue(b.learnPermitted(1));
        assertFalse(b.forwardPermitted(1));
        long forwarding = learning + net.runUntil(() -> b.portState(1) == StpPortState.FORWARDING,
                20_000, "forwarding");
        assertTrue(forwarding >= 30_000 && forwarding <= 30_500, "forwarding after " + forwarding + " ms");
        assertTrue(b.forwardPermitted(1));
        assertEquals(StpPortState.FORWARDING, a.portState(1));
    }

    @Test
    void cuttingALinkReconvergesAndRestoringItConvergesBack() {
        Triangle t = triangle();
        net.run(CONVERGE_MS);
        net.cut(t.ac());
        assertEquals(StpPortState.DISABLED, t.c().portState(1));
        assertFalse(t.c().forwardPermitted(1));
        // C's blocked port has B's information: it becomes root port and goes through
        // listening and learning.
        assertEquals(StpPortRole.ROOT, t.c().portRole(2));
        long took = net.runUntil(() -> t.c().portState(2) == StpPortState.FORWARDING, 40_000,
                "C's alternate port forwarding");
        assertTrue(took >= 30_000, "took " + took);
        assertEquals(4 + 4, t.c().rootPathCost());
        assertEquals(t.a().bridgeId(), t.c().designatedRoot());

        net.restore(t.ac());
        net.run(CONVERGE_MS, this::assertLoopFree);
        assertTriangleTree(t);
    }

    @Test
    void silentLinkFailureIsDetectedWhenInformationAges() {
        Triangle t = triangle();
        net.run(CONVERGE_MS);
        net.silentCut(t.ac());
        long took = net.runUntil(() -> t.c().portRole(2) == StpPortRole.ROOT, 25_000, "max age expiry");
        // The last hello came up to one hello time before the cut; info ages at max age.
        assertTrue(took >= 17_900 && took <= 20_500, "took " + took);
        net.runUntil(() -> t.c().portState(2) == StpPortState.FORWARDING, 35_000, "forwarding");
    }

    @Test
    void topologyChangeNotificationReachesTheRootAndEveryBridgeFlushes() {
        Triangle t = triangle();
        net.run(CONVERGE_MS + 40_000);      // past the start-up topology change period
        net.flushes.clear();
        net.sent.clear();
        t.c().tcn();                        // stp/tcn brC
        net.run(5_000);
        List<Bpdu> tcns = net.sentOn(t.c(), 1).stream().filter(b -> b.type() == Bpdu.Type.TCN).toList();
        assertEquals(1, tcns.size(), "one TCN, acknowledged at once");
        assertTrue(net.sentOn(t.a(), 2).stream().anyMatch(b -> b.has(Bpdu.TCA)), "root acknowledged");
        assertTrue(net.sentOn(t.a(), 1).stream().anyMatch(b -> b.has(Bpdu.TC)), "root signals TC");
        for (String br : List.of("brA", "brB", "brC")) {
            assertTrue(net.flushes.getOrDefault(br, 0) > 0, br + " flushed: " + net.flushes);
        }
        assertTrue(t.a().checkAndResetFdbFlush());
        assertFalse(t.a().checkAndResetFdbFlush());
        // The root keeps TC set for max age + forward delay, then clears it.
        net.run(40_000);
        net.sent.clear();
        net.run(4_000);
        assertTrue(net.sentOn(t.a(), 1).stream().noneMatch(b -> b.has(Bpdu.TC)));
    }

    @Test
    void bridgeWhosePriorityImprovesTakesOverAsRoot() {
        Triangle t = triangle();
        net.run(CONVERGE_MS);
        t.c().setBridgePriority(4096);
        net.run(CONVERGE_MS, this::assertLoopFree);
        assertTrue(t.c().isRootBridge(), net.showAll());
        assertEquals(t.c().bridgeId(), t.a().designatedRoot());
        assertEquals(t.c().bridgeId(), t.b().designatedRoot());
        assertEquals(StpPortRole.ROOT, t.a().portRole(2));
        assertEquals(StpPortRole.ROOT, t.b().portRole(2));
        assertEquals(StpPortState.BLOCKING, t.b().portState(1), net.showAll());
    }

    @Test
    void malformedBpdusAreCountedAndIgnored() {
        Stp a = net.stp("brA", 32768, MAC_A);
        a.addPort(1, "p1", 1000);
        a.enablePort(1);
        byte[] good = BpduCodec.encode(Bpdu.config(0, BridgeId.of(0, 9), 0, BridgeId.of(0, 9),
                0x8001, 0, 20 * 256, 2 * 256, 15 * 256), 9);
        byte[] wrongProto = good.clone();
        wrongProto[17] = 0x12;
        byte[] wrongLlc = good.clone();
        wrongLlc[15] = (byte) 0xaa;
        byte[] rst = BpduCodec.encode(Bpdu.rst(0x0c, 1, 2, 3, 4, 0, 5120, 512, 3840), 9);
        for (byte[] f : List.of(new byte[10], java.util.Arrays.copyOf(good, 25), wrongProto,
                wrongLlc, rst)) {
            a.receive(1, f);
        }
        assertTrue(a.isRootBridge(), "nothing was believed");
        Map<String, Long> stats = a.status().portStatisticsColumn(1);
        assertEquals(5L, stats.get("stp_error_count"));
        assertEquals(0L, stats.get("stp_rx_count"));
        a.receive(1, good);                 // priority 0: a better root
        assertFalse(a.isRootBridge());
        assertEquals(1L, a.status().portStatisticsColumn(1).get("stp_rx_count"));
        a.receive(7, good);                 // not an STP port: ignored
    }

    @Test
    void showPrintsOvsFormat() {
        Stp a = net.stp("br0", 32768, MAC_A);
        Stp b = net.stp("br1", 32768, MAC_B);
        net.connect(a, 1, b, 1);
        b.addPort(2, "p2", 1000);           // link down: not listed
        net.run(CONVERGE_MS);
        String[] root = a.show().split("\n", -1);
        assertEquals(List.of(
                "---- br0 ----",
                "Root ID:",
                "  stp-priority  32768",
                "  stp-system-id   aa:66:aa:66:00:01",
                "  stp-hello-time  2s",
                "  stp-max-age     20s",
                "  stp-fwd-delay   15s",
                "  This bridge is the root",
                "",
                "Bridge ID:",
                "  stp-priority  32768",
                "  stp-system-id   aa:66:aa:66:00:01",
                "  stp-hello-time  2s",
                "  stp-max-age     20s",
                "  stp-fwd-delay   15s",
                "",
                "  Interface  Role       State      Cost  Pri.Nbr ",
                "  ---------- ---------- ---------- ----- -------",
                "  p1         designated forwarding 4     128.1",
                "",
                ""), List.of(root));
        String nonRoot = b.show();
        assertTrue(nonRoot.contains("Root ID:\n  stp-priority  32768\n  stp-system-id   aa:66:aa:66:00:01\n"));
        assertTrue(nonRoot.contains("  root-port       p1\n  root-path-cost  4\n"));
        assertTrue(nonRoot.contains("Bridge ID:\n  stp-priority  32768\n  stp-system-id   aa:66:aa:66:00:02\n"));
        assertTrue(nonRoot.contains("  p1         root       forwarding 4     128.1\n"));
        assertFalse(nonRoot.contains("p2"));
    }

    @Test
    void ovsdbColumns() {
        Stp a = net.stp("br0", 32768, MAC_A);
        Stp b = net.stp("br1", 32768, MAC_B);
        net.connect(a, 1, b, 1);
        net.run(CONVERGE_MS);
        assertEquals(Map.of("stp_bridge_id", "8000.aa66aa660002",
                "stp_designated_root", "8000.aa66aa660001",
                "stp_root_path_cost", "4"), b.status().bridgeStatusColumn());
        Map<String, String> port = b.status().portStatusColumn(1);
        assertEquals("32769", port.get("stp_port_id"));
        assertEquals("forwarding", port.get("stp_state"));
        assertEquals("root", port.get("stp_role"));
        long sec = Long.parseLong(port.get("stp_sec_in_state"));
        assertTrue(sec >= 25 && sec <= 31, "sec_in_state " + sec);
        Map<String, Long> stats = b.status().portStatisticsColumn(1);
        assertTrue(stats.get("stp_rx_count") >= 25, stats::toString);
        assertEquals(0L, stats.get("stp_error_count"));
        assertTrue(a.status().portStatisticsColumn(1).get("stp_tx_count") >= 25);
        assertTrue(b.status().portStatusColumn(9).isEmpty());
    }

    @Test
    void portsOutsideStpAlwaysForwardAndLinkDownPortsDoNot() {
        Stp a = net.stp("br0", 32768, MAC_A);
        a.addPort(3, "p3", 1000);
        assertTrue(a.forwardPermitted(5), "not managed: stp-enable=false");
        assertTrue(a.learnPermitted(5));
        assertNull(a.portState(5));
        assertEquals(StpPortState.DISABLED, a.portState(3));
        assertFalse(a.forwardPermitted(3));
        a.removePort(3);
        assertTrue(a.forwardPermitted(3));
    }

    @Test
    void stateChangesAreReportedToTheListener() {
        Stp a = net.stp("br0", 32768, MAC_A);
        List<String> events = new ArrayList<>();
        a.setListener(new StpListener() {
            @Override
            public void portStateChanged(int portNo, StpPortState from, StpPortState to) {
                events.add(portNo + ":" + from.ovsName() + "->" + to.ovsName());
                assertTrue(a.portState(portNo) != null, "snapshot published before the callback");
            }
        });
        long seq = a.changeSeq();
        a.addPort(1, "p1", 1000);
        a.enablePort(1);
        net.run(31_000);
        assertEquals(List.of("1:disabled->blocking", "1:blocking->listening",
                "1:listening->learning", "1:learning->forwarding"), events);
        assertEquals(seq + 4, a.changeSeq());
    }

    @Test
    void settingsFollowOvs() {
        var log = LoggerFactory.getLogger(StpTest.class);
        Map<String, String> oc = new HashMap<>(Map.of("stp-system-id", "not-a-mac",
                "stp-priority", "0x1000", "stp-hello-time", "20", "stp-max-age", "20"));
        StpSettings s = StpSettings.fromOtherConfig("br0", oc, MAC_A, log);
        assertEquals(MAC_A, s.systemId(), "invalid stp-system-id falls back to the bridge MAC");
        assertEquals(4096, s.priority());
        Stp stp = new Stp("br0", s, (p, f) -> { });
        // Hello clamped to 10 s, then max age raised to 2 x (10 + 1) s.
        assertEquals(10_000, stp.helloTimeMillis());
        assertEquals(22_000, stp.maxAgeMillis());
        assertEquals(15_000, stp.forwardDelayMillis());
        assertEquals(StpSettings.defaults(MAC_B), StpSettings.fromOtherConfig("br1", Map.of(), MAC_B, log));

        StpPortSettings p = StpPortSettings.fromOtherConfig("p1",
                Map.of("stp-port-num", "300", "stp-path-cost", "0"), 10_000, log);
        assertFalse(p.enabled(), "invalid stp-port-num disables STP on the port");
        assertEquals(1, p.pathCost());
        assertEquals(new StpPortSettings(true, 0, 128, 2), StpPortSettings.defaults(10_000));
        assertFalse(StpPortSettings.fromOtherConfig("p2", Map.of("stp-enable", "false"), 0, log).enabled());
    }

    @Test
    void configBpdusCarryTheRootsInformationEveryHelloTime() {
        Stp a = net.stp("brA", 32768, MAC_A);
        Stp b = net.stp("brB", 32768, MAC_B);
        net.connect(a, 1, b, 1);
        b.addPort(2, "p2", 100);
        b.enablePort(2);
        net.run(CONVERGE_MS);
        net.sent.clear();
        net.run(10_000);
        List<Bpdu> fromRoot = net.sentOn(a, 1);
        assertEquals(5, fromRoot.size(), "one per hello time");
        Bpdu hello = fromRoot.get(0);
        assertEquals(Bpdu.Type.CONFIG, hello.type());
        assertEquals(a.bridgeId(), hello.rootId());
        assertEquals(0, hello.rootPathCost());
        assertEquals(a.bridgeId(), hello.bridgeId());
        assertEquals(0x8001, hello.portId());
        assertEquals(0, hello.messageAge());
        assertEquals(20 * 256, hello.maxAge());
        assertEquals(2 * 256, hello.helloTime());
        assertEquals(15 * 256, hello.forwardDelay());
        // B relays the root's information on its designated port, one hop further.
        List<Bpdu> relayed = net.sentOn(b, 2);
        assertEquals(5, relayed.size());
        Bpdu r = relayed.get(0);
        assertEquals(a.bridgeId(), r.rootId());
        assertEquals(4, r.rootPathCost());
        assertEquals(b.bridgeId(), r.bridgeId());
        assertEquals(0x8002, r.portId());
        assertTrue(r.messageAge() >= 1 && r.messageAge() < 256, "message age " + r.messageAge());
        assertTrue(net.sentOn(b, 1).isEmpty(), "a root port sends no config BPDUs");
    }

    @Test
    void enginesMayBeWiredToCallEachOtherSynchronously() {
        // As through a patch port: each sink delivers straight into the other engine.
        Stp[] e = new Stp[2];
        e[0] = new Stp("br0", new StpSettings(MAC_A, 32768, 2, 20, 15), (p, f) -> e[1].receive(1, f));
        e[1] = new Stp("br1", new StpSettings(MAC_B, 32768, 2, 20, 15), (p, f) -> e[0].receive(1, f));
        for (Stp s : e) {
            s.addPort(1, "patch", 10_000);
            s.enablePort(1);
        }
        for (long t = 0; t <= 60_000; t += 100) {
            e[0].tick(t);
            e[1].tick(t);
        }
        assertTrue(e[0].isRootBridge());
        assertEquals(StpPortRole.ROOT, e[1].portRole(1));
        assertEquals(StpPortState.FORWARDING, e[1].portState(1));
        assertEquals(StpPortState.FORWARDING, e[0].portState(1));
    }
}
