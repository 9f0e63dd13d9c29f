package org.jvswitch.dataplane.odp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.jvswitch.dataplane.action.DpAction;
import org.jvswitch.dataplane.flow.Ufid;
import org.junit.jupiter.api.Test;

/** The shape of a dpctl/dump-flows line, terse and verbose. */
class OdpDumpFlowsLineTest {
    private static final OdpMatch M = OdpKey.parseDatapathFlow(
            "in_port(1),eth(),eth_type(0x0800),ipv4(dst=10.0.0.2,proto=17,frag=no)", null);
    private static final Ufid U = Ufids.parse("ufid:b821c409-7500-47e7-b0e7-994dd328d975");

    @Test
    void terseLineAsInTheBrief() {
        DpifFlow f = DpifFlow.of(U, M.key(), M.mask(), List.of(new DpAction.Output(2)));
        assertEquals("recirc_id(0),in_port(1),packet_type(ns=0,id=0),eth_type(0x0800),ipv4(dst=10.0.0.2,proto=17,"
                + "frag=no), packets:0, bytes:0, used:never, actions:2", DpifFlowFormat.format(f, 0, false, null));
    }

    @Test
    void statisticsUsedAndTcpFlags() {
        DpifFlow f = new DpifFlow(U, M.key(), M.mask(), 12, 1500, 10_000, 0x12, List.of(), null);
        assertEquals("recirc_id(0),in_port(1),packet_type(ns=0,id=0),eth_type(0x0800),ipv4(dst=10.0.0.2,proto=17,"
                + "frag=no), packets:12, bytes:1500, used:1.466s, flags:S., actions:drop",
                DpifFlowFormat.format(f, 11_466, false, null));
        assertEquals("0.000s", DpifFlowFormat.used(5, 5));
        assertEquals("never", DpifFlowFormat.used(-1, 5));
    }

    @Test
    void tcpFlagLettersInTcpdumpOrder() {
        assertEquals("none", OdpFlags.tcpFlagsStats(0));
        assertEquals("SFPRU.ECN[200][400][800]", OdpFlags.tcpFlagsStats(0xfff));
        assertEquals("FP.", OdpFlags.tcpFlagsStats(0x19));
    }

    @Test
    void verboseLine() {
        PortNames names = PortNames.of(Map.of(1, "p1", 2, "p2"));
        DpifFlow f = new DpifFlow(U, M.key(), M.mask(), 1, 118, 0, 0x10, List.of(new DpAction.Output(2)),
                "miniflow_bits(4,1)");
        assertEquals("ufid:b821c409-7500-47e7-b0e7-994dd328d975, skb_priority(0/0),skb_mark(0/0),ct_state(0/0),"
                + "ct_zone(0/0),ct_mark(0/0),ct_label(0/0),recirc_id(0),dp_hash(0/0),in_port(p1),packet_type(ns=0,id=0),"
                + "eth(src=00:00:00:00:00:00/00:00:00:00:00:00,dst=00:00:00:00:00:00/00:00:00:00:00:00),eth_type(0x0800),"
                + "ipv4(src=0.0.0.0/0.0.0.0,dst=10.0.0.2,proto=17,tos=0/0,ttl=0/0,frag=no),udp(src=0/0,dst=0/0),"
                + " packets:1, bytes:118,"
                + " used:1.039s, flags:., dp:ovs, actions:p2, dp-extra-info:miniflow_bits(4,1)",
                DpifFlowFormat.format(f, 1039, true, names));
        // Without a UFID or extra info, those parts are left out.
        DpifFlow g = new DpifFlow(null, M.key(), M.mask(), 0, 0, -1, 0, List.of(), null);
        String v = DpifFlowFormat.format(g, 0, true, null);
        assertEquals("skb_priority(0/0)", v.substring(0, 17));
        assertEquals(", packets:0, bytes:0, used:never, dp:ovs, actions:drop", v.substring(v.indexOf(", packets")));
    }

    @Test
    void threadHeaders() {
        assertEquals("flow-dump from pmd on cpu core: 3", DpifFlowFormat.pmdHeader(3));
        assertEquals("flow-dump from the main thread:", DpifFlowFormat.mainThreadHeader());
    }
}
