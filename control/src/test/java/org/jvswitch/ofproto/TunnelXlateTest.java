package org.jvswitch.ofproto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.jvswitch.dataplane.action.DpAction;
import org.jvswitch.dataplane.flow.FlowField;
import org.jvswitch.dataplane.flow.FlowKey;
import org.jvswitch.dataplane.odp.OdpActions;
import org.jvswitch.dataplane.odp.OdpFlags;
import org.jvswitch.dataplane.tunnel.TunnelVport;
import org.jvswitch.dpif.DpPort;
import org.jvswitch.tnl.IpAddrs;
import org.jvswitch.tnl.OvsRouter;
import org.jvswitch.tnl.TunnelPorts;
import org.jvswitch.tnl.TunnelService;

/**
 * Native tunneling in translation, with two bridges by hand: br-int (a guest port and tunnel
 * ports) over br-phy (its LOCAL port 10.10.10.1 and an uplink), both NORMAL. Encapsulation
 * through the underlay bridge, decapsulation on the way to LOCAL, the receive lookup, neighbour
 * snooping and requests, and what goes into the megaflow.
 */
class TunnelXlateTest {
    private static final long PHY_MAC = 0x0200000000aaL;
    private static final long REMOTE_MAC = 0x0200000000bbL;
    private static final long GUEST_A = 0x0a0000000001L;
    private static final long GUEST_B = 0x0a0000000002L;
    private static final int LOCAL_IP = 0x0a0a0a01;
    private static final int REMOTE_IP = 0x0a0a0a02;
    private static final int PHY_LOCAL_ODP = 1;
    private static final int UPLINK_ODP = 2;
    private static final int GUEST_ODP = 3;

    private final TestBridges bridges = new TestBridges();
    private final Xlate xlate = new Xlate(bridges);
    private final List<byte[]> requests = new CopyOnWriteArrayList<>();
    private final TunnelService tunnels = new TunnelService(new TunnelPorts.Vports() {
        private int next = 10;

        @Override
        public DpPort add(String name, String type, Map<String, String> options) {
            return new DpPort(next++, name, TunnelVport.open(name, type, options, null));
        }

        @Override
        public void delete(String name) {
        }
    });
    private Ofproto phy;
    private Ofproto brInt;
    private int vxlanOdp;

    private static OfPort port(int ofport, String name, int odp, String type, long mac) {
        return new OfPort(ofport, name, odp, type, null, VlanMode.TRUNK, -1, Set.of(), false, false, false, false, true,
                mac);
    }

    private static FlowMod normal() {
        return TestBridges.add(0, 0, List.of(new OfAction.Output(OfKey.OFPP_NORMAL)));
    }

    @BeforeEach
    void topology() {
        xlate.setTunnels(new TunnelXlate(tunnels, (p, len, key, actions) -> requests.add(p.clone())));
        phy = bridges.bridge("br-phy");
        phy.putPort(port(OfKey.OFPP_LOCAL, "br-phy", PHY_LOCAL_ODP, "internal", PHY_MAC));
        phy.putPort(port(1, "eth1", UPLINK_ODP, "system", 0x020000000011L));
        phy.flowMod(normal(), 0);
        brInt = bridges.bridge("br-int");
        brInt.putPort(port(1, "guest", GUEST_ODP, "system", 0x020000000022L));
        DpPort vp = tunnels.ports().add("br-int", "vx0", "vxlan", Map.of("remote_ip", "10.10.10.2", "key", "0x7b"));
        vxlanOdp = vp.portNo();
        brInt.putPort(port(2, "vx0", vxlanOdp, "vxlan", 0));
        brInt.flowMod(TestBridges.add(0, 10, List.of(new OfAction.Output(2)), FlowField.IN_PORT, 1), 0);
        brInt.flowMod(TestBridges.add(0, 10, List.of(new OfAction.Output(1)), FlowField.IN_PORT, 2), 0);
        tunnels.router().setDeviceAddresses("br-phy", List.of(new OvsRouter.DeviceAddress(IpAddrs.ipv4(LOCAL_IP), 24)));
    }

    private Xlate.Result run(long[] key) {
        return xlate.translate(key, null, 0, true, 1000);
    }

    private static long[] guestPacket() {
        return TestBridges.key(GUEST_ODP, GUEST_A, GUEST_B);
    }

    /** An ARP reply from the remote endpoint arriving on the uplink, for 10.10.10.1. */
    private static long[] arpReply(int spa, long sha) {
        long[] k = new long[FlowKey.WORDS];
        k[FlowKey.W_IN_PORT] = FlowKey.inPortWord(UPLINK_ODP, 0);
        k[FlowKey.W_ETH_DST] = FlowKey.ethDstWord(PHY_MAC, FlowKey.ETH_TYPE_ARP);
        k[FlowKey.W_ETH_SRC] = sha << 16;
        k[FlowKey.W_L3_META] = FlowKey.l3MetaWord(0, 2, 0, 0, 0);
        k[FlowKey.W_NW] = FlowKey.pairWord(spa, LOCAL_IP);
        FlowField.ARP_SHA.set(k, 0, sha);
        FlowField.ARP_THA.set(k, 0, PHY_MAC);
        return k;
    }

    /** A VXLAN packet from the remote endpoint to 10.10.10.1:4789, on the uplink. */
    private static long[] vxlanFromRemote() {
        long[] k = new long[FlowKey.WORDS];
        k[FlowKey.W_IN_PORT] = FlowKey.inPortWord(UPLINK_ODP, 0);
        k[FlowKey.W_ETH_DST] = FlowKey.ethDstWord(PHY_MAC, FlowKey.ETH_TYPE_IP);
        k[FlowKey.W_ETH_SRC] = REMOTE_MAC << 16;
        k[FlowKey.W_L3_META] = FlowKey.l3MetaWord(0, 17, 0, 64, 0);
        k[FlowKey.W_NW] = FlowKey.pairWord(REMOTE_IP, LOCAL_IP);
        k[FlowKey.W_TP] = FlowKey.tpWord(50000, 4789, 0);
        return k;
    }

    /** What tnl_pop(vport) recirculates: the inner packet from the remote guest with the metadata. */
    private long[] decapsulated(long tunId) {
        long[] k = TestBridges.key(vxlanOdp, GUEST_B, GUEST_A);
        k[FlowKey.W_TUN_ID] = tunId;
        FlowField.TUN_SRC.set(k, 0, REMOTE_IP);
        FlowField.TUN_DST.set(k, 0, LOCAL_IP);
        FlowField.TUN_TTL.set(k, 0, 64);
        FlowField.TUN_TP_DST.set(k, 0, 4789);
        FlowField.TUN_FLAGS.set(k, 0, OdpFlags.TUN_F_KEY | OdpFlags.TUN_F_DF);
        return k;
    }

    @Test
    void aNeighbourMissSendsAnArpRequestThenSnoopingTheReplyLetsItThrough() throws Exception {
        assertTrue(run(guestPacket()).actions().isEmpty(), "no MAC for the remote endpoint yet: dropped");
        for (int i = 0; i < 100 && requests.isEmpty(); i++) {
            Thread.sleep(20);
        }
        assertTrue(requests.size() >= 1, "an ARP request went out");
        assertEquals("ffffffffffff0200000000aa08060001080006040001" + "0200000000aa0a0a0a01" + "0000000000000a0a0a02",
                HexFormat.of().formatHex(requests.get(0)));

        long v = phy.version() + brInt.version();
        run(arpReply(REMOTE_IP, REMOTE_MAC));
        assertEquals(REMOTE_MAC, tunnels.neighbors().lookup(IpAddrs.ipv4(REMOTE_IP), "br-phy"));
        assertTrue(phy.version() + brInt.version() != v);

        Xlate.Result r = run(guestPacket());
        assertEquals(1, r.actions().size(), r.actions().toString());
        DpAction.Clone clone = assertInstanceOf(DpAction.Clone.class, r.actions().get(0));
        DpAction.TunnelPush push = assertInstanceOf(DpAction.TunnelPush.class, clone.actions().get(0));
        assertEquals(List.of(new DpAction.Output(UPLINK_ODP)), clone.actions().subList(1, clone.actions().size()),
                "br-phy's NORMAL sends the outer packet out of the uplink it learned the remote on");
        assertEquals(vxlanOdp, push.tnlPort());
        assertEquals(PHY_LOCAL_ODP, push.outPort());
        String expected = "tnl_push(tnl_port(" + vxlanOdp + "),header(size=50,type=4,eth(dst=02:00:00:00:00:bb,"
                + "src=02:00:00:00:00:aa,dl_type=0x0800),ipv4(src=10.10.10.1,dst=10.10.10.2,proto=17,tos=0,ttl=64,"
                + "frag=0x4000),udp(src=0,dst=4789,csum=0x0),vxlan(flags=0x8000000,vni=0x7b)),out_port(1))";
        assertEquals(expected, OdpActions.format(List.of(push)));
        assertFalse(FlowField.ETH_SRC.isNonZero(r.mask(), 0), "br-phy's NORMAL looked at the outer MACs, not these");
        assertTrue(FlowField.ETH_TYPE.isExact(r.mask(), 0));
        assertEquals(3L << 16, r.mask()[FlowKey.W_L3_META] & 0xffL << 16, "ECN is inherited: nw_ecn is matched");
    }

    @Test
    void tunnelPacketsForTheLocalAddressArePoppedAndReceivedOnTheirPort() {
        Xlate.Result pop = run(vxlanFromRemote());
        assertTrue(pop.actions().contains(new DpAction.TunnelPop(vxlanOdp)), pop.actions().toString());
        assertTrue(FlowField.TP_DST.isExact(pop.mask(), 0));
        assertTrue(FlowField.NW_DST.isExact(pop.mask(), 0));

        Xlate.Result in = run(decapsulated(0x7b));
        assertEquals(List.of(new DpAction.Output(GUEST_ODP)), in.actions());
        assertTrue(FlowField.TUN_ID.isExact(in.mask(), 0));
        assertTrue(FlowField.TUN_SRC.isExact(in.mask(), 0));
        assertFalse(FlowField.TUN_TP_SRC.isNonZero(in.mask(), 0), "the UDP source port is never matched");
        assertEquals(brInt, xlate.bridgeOf(decapsulated(0x7b)));

        Xlate.Result unknown = run(decapsulated(0x7c));
        assertTrue(unknown.actions().isEmpty(), "no tunnel port has key 0x7c: a drop megaflow");
        assertTrue(FlowField.TUN_ID.isExact(unknown.mask(), 0));

        // A UDP packet to another port of the local address goes to the host.
        long[] other = vxlanFromRemote();
        other[FlowKey.W_TP] = FlowKey.tpWord(50000, 53, 0);
        assertFalse(run(other).actions().contains(new DpAction.TunnelPop(vxlanOdp)));
    }

    @Test
    void keyFlowRemoteFlowAndTheMostSpecificPortFirst() {
        tunnels.neighbors().set("br-phy", "10.10.10.2", "02:00:00:00:00:bb");
        tunnels.neighbors().set("br-phy", "10.10.10.3", "02:00:00:00:00:cc");
        DpPort any = tunnels.ports().add("br-int", "vxany", "vxlan", Map.of("remote_ip", "flow", "key", "flow"));
        assertEquals(vxlanOdp, any.portNo(), "one vport per UDP port, shared");
        brInt.putPort(port(3, "vxany", any.portNo(), "vxlan", 0));
        brInt.flowMod(TestBridges.add(0, 20, List.of(OfAction.SetField.of(FlowField.TUN_DST, 0x0a0a0a03L),
                OfAction.SetField.of(FlowField.TUN_ID, 0x99L), new OfAction.Output(3)), FlowField.IN_PORT, 1), 0);
        Xlate.Result r = run(guestPacket());
        DpAction.TunnelPush push = (DpAction.TunnelPush) ((DpAction.Clone) r.actions().get(0)).actions().get(0);
        String s = OdpActions.format(List.of(push));
        assertTrue(s.contains("ipv4(src=10.10.10.1,dst=10.10.10.3,") && s.contains("vni=0x99"), s);
        assertTrue(s.contains("eth(dst=02:00:00:00:00:cc"), s);
        for (DpAction a : r.actions()) {
            assertFalse(a instanceof DpAction.SetField, "tunnel metadata is consumed, never set: " + a);
        }
        // Key 0x7b from 10.10.10.2 is vx0's (exact key beats key=flow); key 0x7c is the flow port's.
        assertEquals(List.of(new DpAction.Output(GUEST_ODP)), run(decapsulated(0x7b)).actions());
        brInt.flowMod(TestBridges.add(0, 10, List.of(new OfAction.Output(2)), FlowField.IN_PORT, 3), 0);
        assertTrue(run(decapsulated(0x7c)).actions().get(0) instanceof DpAction.Clone,
                "arrived on vxany, sent back out of vx0");
    }

    @Test
    void noRouteNoPacketAndTheTraceSaysWhy() {
        tunnels.router().setDeviceAddresses("br-phy", List.of());
        List<String> notes = new ArrayList<>();
        Xlate.Tracer tracer = new Xlate.Tracer() {
            @Override
            public void lookup(int depth, Ofproto bridge, int table, OfRule rule) {
            }

            @Override
            public void note(int depth, String text) {
                notes.add(text);
            }
        };
        assertTrue(xlate.trace(guestPacket(), tracer, 1000).actions().isEmpty());
        assertEquals(List.of("output to native tunnel", "native tunnel routing failed for 10.10.10.2"), notes);
        notes.clear();
        tunnels.router().setDeviceAddresses("br-phy", List.of(new OvsRouter.DeviceAddress(IpAddrs.ipv4(LOCAL_IP), 24)));
        tunnels.neighbors().set("br-phy", "10.10.10.2", "02:00:00:00:00:bb");
        xlate.trace(guestPacket(), tracer, 1000);
        assertEquals(List.of("output to native tunnel", "tunneling to 10.10.10.2 via br-phy",
                "tunneling from 02:00:00:00:00:aa 10.10.10.1 to 02:00:00:00:00:bb 10.10.10.2"), notes);
    }

    @Test
    void greLegacyL3AndGeneve() {
        tunnels.neighbors().set("br-phy", "10.10.10.2", "02:00:00:00:00:bb");
        DpPort gre = tunnels.ports().add("br-int", "gre0", "gre", Map.of("remote_ip", "10.10.10.2", "key", "456",
                "packet_type", "legacy_l3", "csum", "true"));
        brInt.putPort(port(4, "gre0", gre.portNo(), "gre", 0));
        brInt.flowMod(TestBridges.add(0, 30, List.of(new OfAction.Output(4)), FlowField.IN_PORT, 1), 0);
        DpAction.TunnelPush push = (DpAction.TunnelPush) ((DpAction.Clone) run(guestPacket()).actions().get(0))
                .actions().get(0);
        assertTrue(OdpActions.format(List.of(push)).contains("gre((flags=0xa000,proto=0x800),csum=0x0,key=0x1c8)"),
                OdpActions.format(List.of(push)));
        assertArrayEquals(new byte[] {(byte) 0xa0, 0, 8, 0}, java.util.Arrays.copyOfRange(push.header(), 34, 38));
        assertEquals("Listening ports:\nvxlan_sys_4789 (4789) ref_cnt=1\ngre_sys (" + gre.portNo() + ") ref_cnt=1\n",
                tunnels.ports().show());
        assertTrue(tunnels.ports().remove("gre0"));
        assertEquals("Listening ports:\nvxlan_sys_4789 (4789) ref_cnt=1\n", tunnels.ports().show());
    }
}
