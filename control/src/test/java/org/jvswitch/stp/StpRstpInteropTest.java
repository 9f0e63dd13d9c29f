package org.jvswitch.stp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.jvswitch.stp.SimNetwork.Link;
import org.junit.jupiter.api.Test;

/** An 802.1D-1998 bridge and an 802.1D-2004 bridge on one link: protocol migration. */
class StpRstpInteropTest {

    private static final long MAC_A = 0xaa66aa660001L;
    private static final long MAC_B = 0xaa66aa660002L;
    private static final long MAC_C = 0xaa66aa660003L;

    private final SimNetwork net = new SimNetwork();

    @Test
    void rstpPortBehindAnStpRootFallsBackToStp() {
        Stp s = net.stp("stp0", 4096, MAC_A);
        Rstp r = net.rstp("rstp0", 32768, MAC_B);
        net.connect(s, 1, r, 1);
        long took = net.runUntil(() -> !r.status().port(1).sendRstp(), 10_000, "migration to STP");
        assertTrue(took <= 6_000, "took " + took);
        net.sent.clear();
        net.run(40_000);
        assertTrue(net.sentOn(r, 1).stream().allMatch(b -> b.version() == 0 && b.type() != Bpdu.Type.RST),
                "only 802.1D-1998 BPDUs after migration");
        assertTrue(s.isRootBridge());
        assertEquals(s.bridgeId(), r.rootId());
        assertEquals(RstpPortRole.ROOT, r.portRole(1));
        assertEquals(RstpPortState.FORWARDING, r.portState(1));
        assertEquals(StpPortRole.DESIGNATED, s.portRole(1));
        assertEquals(StpPortState.FORWARDING, s.portState(1));
        assertTrue(s.status().portStatisticsColumn(1).get("stp_error_count") > 0,
                "the 802.1D-1998 bridge discarded the RST BPDUs it got before migration");
    }

    @Test
    void rstpRootTeachesAnStpBridgeAndMigratesBackWhenTheNeighbourTalksRstp() {
        Rstp r = net.rstp("rstp0", 4096, MAC_A);
        Stp s = net.stp("stp0", 32768, MAC_B);
        Link link = net.connect(r, 1, s, 1);
        net.runUntil(() -> !r.status().port(1).sendRstp(), 10_000, "migration to STP");
        // No agreement comes from an STP bridge: both sides wait out their timers.
        net.runUntil(() -> r.portState(1) == RstpPortState.FORWARDING
                && s.portState(1) == StpPortState.FORWARDING, 50_000, "forwarding");
        assertEquals(r.bridgeId(), s.designatedRoot());
        assertEquals(StpPortRole.ROOT, s.portRole(1));
        assertEquals(RstpPortRole.DESIGNATED, r.portRole(1));
        net.run(40_000);                        // past the start-up topology change

        // The STP bridge's TCN is acknowledged with TCA in a Config BPDU.
        net.sent.clear();
        s.tcn();
        net.run(6_000);
        List<Bpdu> tcns = net.sentOn(s, 1).stream().filter(b -> b.type() == Bpdu.Type.TCN).toList();
        assertEquals(1, tcns.size(), "the TCN was acknowledged");
        assertTrue(net.sentOn(r, 1).stream().anyMatch(b -> b.type() == Bpdu.Type.CONFIG
                && b.has(Bpdu.TCA) && b.has(Bpdu.TC)));

        // The neighbour is replaced by an RSTP bridge without the link going down.
        Rstp r2 = net.rstp("rstp1", 32768, MAC_C);
        net.rewire(link, r2, 1);
        long took = net.runUntil(() -> r.status().port(1).sendRstp()
                && r.portState(1) == RstpPortState.FORWARDING
                && r2.portState(1) == RstpPortState.FORWARDING, 10_000, "migration back to RSTP");
        assertTrue(took <= 6_000, "took " + took);
        assertTrue(r2.status().port(1).sendRstp());
        assertEquals(r.bridgeId(), r2.rootId());
        net.sent.clear();
        net.run(4_000);
        assertTrue(net.sentOn(r, 1).stream().allMatch(b -> b.type() == Bpdu.Type.RST));
    }

    @Test
    void mcheckRetriesRstpAndFallsBackWhileTheStpBridgeIsThere() {
        Stp s = net.stp("stp0", 4096, MAC_A);
        Rstp r = net.rstp("rstp0", 32768, MAC_B);
        net.connect(s, 1, r, 1);
        net.run(10_000);
        assertFalse(r.status().port(1).sendRstp());
        r.mcheck(1);
        assertTrue(r.status().port(1).sendRstp(), "mcheck: talk RSTP for Migrate Time");
        net.runUntil(() -> !r.status().port(1).sendRstp(), 10_000, "back to STP");
        assertEquals(RstpPortState.FORWARDING, r.portState(1));
    }

    @Test
    void forceProtocolVersionZeroTalksStpFromTheStart() {
        Rstp r = net.rstp("rstp0", 32768, MAC_A);
        assertTrue(r.setForceProtocolVersion(0));
        Stp s = net.stp("stp0", 32768, MAC_B);
        net.connect(r, 1, s, 1);
        net.run(2_000);
        assertFalse(r.status().port(1).sendRstp());
        assertTrue(net.sentOn(r, 1).stream().noneMatch(b -> b.type() == Bpdu.Type.RST));
        assertEquals(0L, s.status().portStatisticsColumn(1).get("stp_error_count"));
        net.runUntil(() -> r.portState(1) == RstpPortState.FORWARDING
                && s.portState(1) == StpPortState.FORWARDING, 50_000, "forwarding");
        assertEquals(r.bridgeId(), s.designatedRoot());
    }
}
