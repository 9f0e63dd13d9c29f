package org.jvswitch.stp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jvswitch.stp.SimNetwork.Link;
import org.junit.jupiter.api.Test;

class RstpTest {

    private static final long MAC_A = 0xaa66aa660001L;
    private static final long MAC_B = 0xaa66aa660002L;
    private static final long MAC_C = 0xaa66aa660003L;
    /** A 1 Gb/s link's cost (802.1D-2004 Table 17-3). */
    private static final long COST = 20_000;

    private final SimNetwork net = new SimNetwork();

    /** A, B, C with equal priority (A has the lowest MAC); links A1-B1, A2-C1, B2-C2. */
    private record Triangle(Rstp a, Rstp b, Rstp c, Link ab, Link ac, Link bc) {
        boolean converged() {
            return a.portState(1) == RstpPortState.FORWARDING && a.portState(2) == RstpPortState.FORWARDING
                    && b.portState(1) == RstpPortState.FORWARDING && b.portState(2) == RstpPortState.FORWARDING
                    && c.portState(1) == RstpPortState.FORWARDING && c.portRole(2) == RstpPortRole.ALTERNATE
                    && c.portState(2) == RstpPortState.DISCARDING;
        }
    }

    private Triangle triangle() {
        Rstp a = net.rstp("brA", 32768, MAC_A);
        Rstp b = net.rstp("brB", 32768, MAC_B);
        Rstp c = net.rstp("brC", 32768, MAC_C);
        return new Triangle(a, b, c, net.connect(a, 1, b, 1), net.connect(a, 2, c, 1),
                net.connect(b, 2, c, 2));
    }

    private void assertLoopFree() {
        assertTrue(net.loopFree(), () -> "forwarding loop at " + net.now + "\n" + net.showAll());
    }

    @Test
    void rootIsElectedByPriorityThenByMac() {
        Rstp a = net.rstp("brA", 32768, MAC_A);
        Rstp b = net.rstp("brB", 4096, MAC_B);
        Rstp c = net.rstp("brC", 4096, MAC_C);
        net.connect(a, 1, b, 1);
        net.connect(a, 2, c, 1);
        net.run(10_000);
        assertTrue(b.isRootBridge(), net.showAll());
        assertFalse(c.isRootBridge());
        assertEquals(b.bridgeId(), a.rootId());
        assertEquals(b.bridgeId(), c.rootId());
        assertEquals(2 * COST, c.rootPathCost());
        assertEquals(BridgeId.of(4096, MAC_B), b.bridgeId());
    }

    @Test
    void triangleConvergesFastToALoopFreeTree() {
        Triangle t = triangle();
        long took = net.runUntil(t::converged, 10_000, "convergence");
        assertTrue(took <= 2_000, "proposal/agreement converges within a hello, took " + took);
        net.run(30_000, this::assertLoopFree);
        assertTrue(t.converged(), net.showAll());
        assertTrue(t.a().isRootBridge());
        assertEquals(RstpPortRole.DESIGNATED, t.a().portRole(1));
        assertEquals(RstpPortRole.DESIGNATED, t.a().portRole(2));
        assertEquals(RstpPortRole.ROOT, t.b().portRole(1));
        assertEquals(RstpPortRole.DESIGNATED, t.b().portRole(2));
        assertEquals(RstpPortRole.ROOT, t.c().portRole(1));
        assertFalse(t.c().forwardPermitted(2));
        assertFalse(t.c().learnPermitted(2));
        assertTrue(net.forwarding(t.bc().a) ^ net.forwarding(t.bc().b));
    }

    @Test
    void designatedPortFacingAnRstpRootPortForwardsWithinAHello() {
        Rstp a = net.rstp("brA", 32768, MAC_A);
        Rstp b = net.rstp("brB", 32768, MAC_B);
        net.connect(a, 1, b, 1);
        // Proposal and agreement run in the same instant the link comes up.
        assertEquals(RstpPortState.FORWARDING, a.portState(1), net.showAll());
        assertEquals(RstpPortState.FORWARDING, b.portState(1));
        assertEquals(RstpPortRole.ROOT, b.portRole(1));
    }

    @Test
    void cuttingALinkFailsOverAtOnceAndRestoringItConvergesBack() {
        Triangle t = triangle();
        net.run(10_000);
        assertTrue(t.converged());
        net.cut(t.ac());
        long took = net.runUntil(() -> t.c().portState(2) == RstpPortState.FORWARDING, 5_000,
                "alternate port takes over");
        assertTrue(took <= 1_000, "took " + took);
        assertEquals(RstpPortRole.ROOT, t.c().portRole(2));
        assertEquals(RstpPortRole.DISABLED, t.c().portRole(1));
        assertEquals(RstpPortState.DISCARDING, t.c().portState(1));
        assertEquals(2 * COST, t.c().rootPathCost());
        net.run(10_000, this::assertLoopFree);

        net.restore(t.ac());
        net.runUntil(t::converged, 5_000, "converging back");
        net.run(10_000, this::assertLoopFree);
        assertTrue(t.converged(), net.showAll());
    }

    @Test
    void silentLinkFailureIsDetectedWhenInformationAges() {
        Triangle t = triangle();
        net.run(10_000);
        net.silentCut(t.ac());
        // Received information ages out after 3 x hello time.
        long took = net.runUntil(() -> t.c().portRole(2) == RstpPortRole.ROOT, 10_000, "ageing");
        assertTrue(took <= 7_000, "took " + took);
        net.runUntil(() -> t.c().portState(2) == RstpPortState.FORWARDING, 5_000, "forwarding");
    }

    @Test
    void topologyChangeFlushesEveryBridge() {
        Triangle t = triangle();
        net.run(10_000);
        net.flushes.clear();
        net.sent.clear();
        t.c().tcn();                            // rstp/tcn brC
        net.run(5_000);
        assertTrue(net.sentOn(t.c(), 1).stream().anyMatch(b -> b.has(Bpdu.TC)), "C signals TC");
        assertTrue(net.sentOn(t.a(), 1).stream().anyMatch(b -> b.has(Bpdu.TC)), "A propagates TC");
        for (String br : List.of("brA", "brB", "brC")) {
            assertTrue(net.flushes.getOrDefault(br, 0) > 0, br + " flushed: " + net.flushes);
        }
        // A new link that starts forwarding is a topology change too.
        Rstp d = net.rstp("brD", 32768, 0xaa66aa660004L);
        net.run(5_000);
        net.flushes.clear();
        net.connect(t.b(), 3, d, 1);
        net.run(5_000);
        // Each bridge flushes the ports other than the one the TC came in on; C's only other
        // port is its alternate port, which has learned nothing, so C has nothing to flush.
        for (String br : List.of("brA", "brB", "brD")) {
            assertTrue(net.flushes.getOrDefault(br, 0) > 0, br + " flushed: " + net.flushes);
        }
        assertTrue(net.sentOn(t.a(), 2).stream().anyMatch(b -> b.has(Bpdu.TC)), "TC reached C");
        assertTrue(t.a().checkAndResetFdbFlush());
        assertFalse(t.a().checkAndResetFdbFlush());
    }

    @Test
    void bridgeWhosePriorityImprovesTakesOverAsRoot() {
        Triangle t = triangle();
        net.run(10_000);
        assertTrue(t.c().setBridgePriority(4096));
        net.run(10_000, this::assertLoopFree);
        assertTrue(t.c().isRootBridge(), net.showAll());
        assertEquals(t.c().bridgeId(), t.a().rootId());
        assertEquals(t.c().bridgeId(), t.b().rootId());
        assertEquals(RstpPortRole.ROOT, t.a().portRole(2));
        assertEquals(RstpPortRole.ROOT, t.b().portRole(2));
        assertEquals(RstpPortRole.ALTERNATE, t.b().portRole(1));
        assertEquals(RstpPortState.DISCARDING, t.b().portState(1));
        assertEquals(RstpPortState.FORWARDING, t.a().portState(1));
    }

    @Test
    void malformedBpdusAreCountedAndIgnored() {
        Rstp a = net.rstp("brA", 32768, MAC_A);
        a.addPort(1, "p1", 1000);
        a.enablePort(1);
        long better = BridgeId.of(0, 9);
        byte[] good = BpduCodec.encode(Bpdu.rst(Bpdu.ROLE_DESIGNATED << Bpdu.ROLE_SHIFT, better, 0,
                better, 0x8001, 0, 20 * 256, 2 * 256, 15 * 256), 9);
        byte[] wrongProto = good.clone();
        wrongProto[17] = 0x12;
        byte[] wrongLlc = good.clone();
        wrongLlc[16] = 0x13;
        byte[] aged = BpduCodec.encode(Bpdu.config(0, better, 0, better, 0x8001, 20 * 256,
                20 * 256, 2 * 256, 15 * 256), 9);
        RstpStatus.Port self = a.status().port(1);
        byte[] own = BpduCodec.encode(Bpdu.config(0, a.bridgeId(), 0, a.bridgeId(), self.portId(),
                0, 20 * 256, 2 * 256, 15 * 256), MAC_A);
        for (byte[] f : List.of(new byte[3], java.util.Arrays.copyOf(good, 30), wrongProto,
                wrongLlc, aged, own)) {
            a.receive(1, f);
        }
        assertTrue(a.isRootBridge());
        Map<String, Long> stats = a.status().portStatisticsColumn(1);
        assertEquals(6L, stats.get("rstp_error_count"));
        assertEquals(0L, stats.get("rstp_rx_count"));
        a.receive(1, good);
        assertFalse(a.isRootBridge());
        assertEquals(1L, a.status().portStatisticsColumn(1).get("rstp_rx_count"));
    }

    @Test
    void showPrintsOvsFormat() {
        Rstp a = net.rstp("br0", 32768, MAC_A);
        Rstp b = net.rstp("br1", 32768, MAC_B);
        net.connect(a, 1, b, 1);
        net.run(5_000);
        assertEquals(List.of(
                "---- br0 ----",
                "Root ID:",
                "  stp-priority    32768",
                "  stp-system-id   aa:66:aa:66:00:01",
                "  stp-hello-time  2s",
                "  stp-max-age     20s",
                "  stp-fwd-delay   15s",
                "  This bridge is the root",
                "",
                "Bridge ID:",
                "  stp-priority    32768",
                "  stp-system-id   aa:66:aa:66:00:01",
                "  stp-hello-time  2s",
                "  stp-max-age     20s",
                "  stp-fwd-delay   15s",
                "",
                "  Interface  Role       State      Cost     Pri.Nbr ",
                "  ---------- ---------- ---------- -------- -------",
                "  p1         Designated Forwarding 20000    128.1",
                "",
                ""), List.of(a.show().split("\n", -1)));
        String nonRoot = b.show();
        assertTrue(nonRoot.contains("  root-port       p1\n  root-path-cost  20000\n"), nonRoot);
        assertTrue(nonRoot.contains("  p1         Root       Forwarding 20000    128.1\n"), nonRoot);
    }

    @Test
    void ovsdbColumns() {
        Rstp a = net.rstp("br0", 32768, MAC_A);
        Rstp b = net.rstp("br1", 32768, MAC_B);
        net.connect(a, 1, b, 1);
        net.run(5_000);
        assertEquals(Map.of("rstp_bridge_id", "8.000.aa66aa660002",
                "rstp_root_id", "8.000.aa66aa660001",
                "rstp_root_path_cost", "20000",
                "rstp_designated_id", "8.000.aa66aa660001",
                "rstp_designated_port_id", "8001",
                "rstp_bridge_port_id", "8001"), b.status().bridgeStatusColumn());
        assertEquals(Map.of("rstp_port_id", "8001",
                "rstp_port_role", "Root",
                "rstp_port_state", "Forwarding",
                "rstp_designated_bridge_id", "8.000.aa66aa660001",
                "rstp_designated_port_id", "8001",
                "rstp_designated_path_cost", "0"), b.status().portStatusColumn(1));
        assertEquals("8.000.aa66aa660001", a.status().bridgeStatusColumn().get("rstp_root_id"));
        assertEquals("0000", a.status().bridgeStatusColumn().get("rstp_bridge_port_id"));
        Map<String, Long> stats = a.status().portStatisticsColumn(1);
        assertTrue(stats.get("rstp_tx_count") >= 2, stats::toString);
        assertTrue(stats.get("rstp_rx_count") >= 1, stats::toString);
        assertEquals(0L, stats.get("rstp_error_count"));
        assertEquals(5L, stats.get("rstp_uptime"));
        assertTrue(b.status().portStatusColumn(7).isEmpty());
    }

    @Test
    void edgePortsForwardWithoutWaiting() {
        Rstp a = net.rstp("br0", 32768, MAC_A);
        a.addPort(1, "vm1", RstpPortSettings.defaults(10_000)
                .withAdminEdge(true));
        a.enablePort(1);
        assertEquals(RstpPortState.FORWARDING, a.portState(1), "admin edge: at once");
        a.addPort(2, "vm2", 10_000);
        a.enablePort(2);
        assertEquals(RstpPortState.DISCARDING, a.portState(2));
        // Auto edge: no BPDU heard for EdgeDelay (Migrate Time on point-to-point links).
        long took = net.runUntil(() -> a.portState(2) == RstpPortState.FORWARDING, 10_000, "auto edge");
        assertTrue(took <= 4_000, "took " + took);
        assertTrue(a.status().port(2).operEdge());
    }

    @Test
    void twoPortsOnOneLanMakeABackupPort() {
        Rstp a = net.rstp("br0", 32768, MAC_A);
        net.connect(a, 1, a, 2);
        net.run(10_000, this::assertLoopFree);
        assertEquals(RstpPortRole.DESIGNATED, a.portRole(1));
        assertEquals(RstpPortRole.BACKUP, a.portRole(2));
        assertEquals(RstpPortState.DISCARDING, a.portState(2));
    }

    @Test
    void portsOutsideRstpAlwaysForward() {
        Rstp a = net.rstp("br0", 32768, MAC_A);
        assertTrue(a.forwardPermitted(9));
        assertNull(a.portState(9));
        int n = a.addPort(0, "p", 1000);
        assertEquals(1, n, "lowest free number");
        assertEquals(RstpPortState.DISCARDING, a.portState(1), "link down");
        assertEquals(RstpPortRole.DISABLED, a.portRole(1));
        assertFalse(a.forwardPermitted(1));
        a.removePort(1);
        assertTrue(a.forwardPermitted(1));
    }

    @Test
    void settingsAreValidatedAsOvsDoes() {
        Rstp r = new Rstp("br0", MAC_A, (p, f) -> { });
        assertTrue(r.setBridgePriority(65535), "rounded down to 61440");
        assertEquals(BridgeId.of(61440, MAC_A), r.bridgeId());
        assertFalse(r.setBridgePriority(-1));
        assertFalse(r.setMaxAge(40), "2 x (15 - 1) < 40");
        assertTrue(r.setForwardDelay(30));
        assertTrue(r.setMaxAge(40));
        assertFalse(r.setForceProtocolVersion(1));
        assertFalse(r.setTransmitHoldCount(0));
        assertFalse(r.setAgeingTime(5));
        assertEquals(40, r.status().bridgeMaxAge());
        assertEquals(30, r.status().bridgeForwardDelay());
        r.addPort(1, "p1", RstpPortSettings.defaults(1000).withPriority(250));
        assertEquals(128, r.status().port(1).priority(), "out of range: default kept");
        r.setPortSettings(1, RstpPortSettings.defaults(1000).withPriority(100));
        assertEquals(96, r.status().port(1).priority(), "rounded down to a multiple of 16");
        assertEquals(0x6001, r.status().port(1).portId());

        var log = org.slf4j.LoggerFactory.getLogger(RstpTest.class);
        RstpSettings s = RstpSettings.fromOtherConfig("br0", Map.of("rstp-address", "00:11:22:33:44:55",
                "rstp-priority", "4096", "rstp-force-protocol-version", "0"), MAC_A, log);
        assertEquals(0x001122334455L, s.address());
        assertEquals(0, s.forceProtocolVersion());
        RstpPortSettings p = RstpPortSettings.fromOtherConfig("p1", Map.of("rstp-port-num", "5000"),
                1000, log);
        assertFalse(p.enabled());
        assertEquals(RstpPortSettings.defaults(1000), RstpPortSettings.fromOtherConfig("p1", Map.of(),
                1000, log));
    }

    @Test
    void stateChangesAreReportedToTheListener() {
        Rstp a = net.rstp("br0", 32768, MAC_A);
        List<String> events = new ArrayList<>();
        a.setListener(new RstpListener() {
            @Override
            public void portStateChanged(int portNo, RstpPortState from, RstpPortState to) {
                events.add(portNo + ":" + from.ovsName() + "->" + to.ovsName());
            }
        });
        a.addPort(1, "p1", 1000);
        a.enablePort(1);
        net.run(5_000);
        assertEquals(List.of("1:Disabled->Discarding", "1:Discarding->Learning",
                "1:Learning->Forwarding"), events);
    }

    @Test
    void rstBpdusCarryRolesProposalAndAgreement() {
        Rstp a = net.rstp("brA", 32768, MAC_A);
        Rstp b = net.rstp("brB", 32768, MAC_B);
        net.connect(a, 1, b, 1);
        List<Bpdu> fromA = net.sentOn(a, 1);
        Bpdu proposal = fromA.get(0);
        assertEquals(Bpdu.Type.RST, proposal.type());
        assertEquals(2, proposal.version());
        assertEquals(Bpdu.ROLE_DESIGNATED, proposal.role());
        assertTrue(proposal.has(Bpdu.PROPOSAL));
        assertFalse(proposal.has(Bpdu.FORWARDING));
        Bpdu agreement = net.sentOn(b, 1).stream().filter(x -> x.role() == Bpdu.ROLE_ROOT)
                .findFirst().orElseThrow();
        assertTrue(agreement.has(Bpdu.AGREEMENT));
        assertEquals(a.bridgeId(), agreement.rootId());
        net.run(10_000);                // past the topology change the new link caused
        net.sent.clear();
        net.run(10_000);
        List<Bpdu> hellos = net.sentOn(a, 1);
        assertTrue(hellos.size() == 5 || hellos.size() == 6, "designated port: one hello per 2 s");
        Bpdu hello = hellos.get(0);
        assertEquals(Bpdu.ROLE_DESIGNATED, hello.role());
        assertTrue(hello.has(Bpdu.LEARNING) && hello.has(Bpdu.FORWARDING));
        assertFalse(hello.has(Bpdu.PROPOSAL));
        assertEquals(0, hello.rootPathCost());
        assertTrue(net.sentOn(b, 1).isEmpty(), "a root port is quiet once agreed");
    }

    @Test
    void enginesMayBeWiredToCallEachOtherSynchronously() {
        Rstp[] e = new Rstp[2];
        e[0] = new Rstp("br0", MAC_A, (p, f) -> e[1].receive(1, f));
        e[1] = new Rstp("br1", MAC_B, (p, f) -> e[0].receive(1, f));
        for (Rstp r : e) {
            r.addPort(1, "patch", 10_000);
        }
        e[0].enablePort(1);             // its proposal is lost: br1's port is still down
        e[1].enablePort(1);             // an inferior proposal: br0 answers with its next hello
        for (long t = 0; t <= 3_000; t += 100) {
            e[0].tick(t);
            e[1].tick(t);
        }
        assertEquals(RstpPortState.FORWARDING, e[0].portState(1));
        assertEquals(RstpPortState.FORWARDING, e[1].portState(1));
        assertEquals(RstpPortRole.ROOT, e[1].portRole(1));
        assertTrue(e[0].isRootBridge());
        assertEquals(RstpPortState.FORWARDING, e[1].portState(1));
    }
}
