package org.jvswitch.tnl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.jvswitch.testing.Cmd;
import org.jvswitch.testing.Peers;
import org.jvswitch.testing.vswitchd.VswitchdProcess;

/**
 * The seed's two-host experiment end to end (../shared/seeds/002: "using the GRE channel to build
 * a multi-host virtual network", then VXLAN), plus Geneve: two jvswitch processes, each in its own
 * network namespace with its own run directory and DPDK file prefix, joined by a veth underlay
 * (a system port on each underlay bridge, 10.10.10.1 and .2 on the bridges' internal ports);
 * guests 192.168.10.1 and .2 ping each other over GRE, then VXLAN, then Geneve, and tcpdump on the
 * underlay sees GRE with the key, UDP 4789 with the VNI and UDP 6081 with the VNI. The switches
 * find the route from the kernel's addresses and the next hop's MAC by ARP on their own.
 */
@Timeout(150)
class TunnelTwoHostTest {
    /** Small pools, a sleeping PMD, no PCI scan: two switches (and other tests) share the machine. */
    static final String[] QUIET = {"--other-config=pmd-maxsleep=100", "--other-config=dpdk-extra=--no-pci",
        "--other-config=dpdk-mbufs=4096", "--other-config=metrics-address="};

    @BeforeEach
    void integrationOnly() {
        org.junit.jupiter.api.Assumptions.assumeTrue(Peers.integrationMode(),
                "runs two daemons with DPDK in namespaces: -Djvs.it=true (./jvs test)");
        Peers.require("tcpdump");
    }

    /** A jvswitch in network namespace {@code netns}. */
    static TwoHosts.Host jvswitch(String netns) throws Exception {
        VswitchdProcess vs = VswitchdProcess.startInNetns(netns, QUIET);
        return new TwoHosts.Host() {
            @Override
            public Cmd.Result vsctl(String... args) {
                return vs.vsctl(args);
            }

            @Override
            public Cmd.Result appctl(String... args) {
                return vs.appctl(args);
            }

            @Override
            public String log() {
                return vs.log();
            }

            @Override
            public java.util.Map<String, String> env() {
                return vs.env();
            }

            @Override
            public void close() throws Exception {
                vs.close();
            }
        };
    }

    @Test
    void greThenVxlanThenGeneveBetweenTwoJvswitchHosts() throws Exception {
        try (TwoHosts net = new TwoHosts(TunnelTwoHostTest::jvswitch, TunnelTwoHostTest::jvswitch)) {
            greVxlanGeneve(net);
            // What the tunnels learned: the underlay route from the kernel, the peer's MAC by ARP.
            String route = net.switches[0].appctlOk("ovs/route/lookup", "10.10.10.2");
            assertTrue(route.contains("dev " + TwoHosts.UNDERLAY_BRIDGE) && route.contains("src 10.10.10.1"), route);
            String neigh = net.switches[0].appctlOk("tnl/neigh/show");
            assertTrue(neigh.contains("10.10.10.2") && neigh.contains(TwoHosts.UNDERLAY_BRIDGE), neigh);
            flowBased(net);
            ipv6Underlay(net);
            badOptions(net);
            commands(net, 0);
            // The neighbour cache flushed, the next hop is found again by ARP.
            net.tunnel("tend", "gre", "key=1008");
            TwoHosts.assertCaptured(net.pingBothWays("ip proto 47", 20), "GREv0.*key=0x3f0", 4);
        }
    }

    /** The three tunnels one after the other, each checked in the underlay capture. */
    static void greVxlanGeneve(TwoHosts net) throws Exception {
        net.tunnel("tgre", "gre", "key=1001");
        String cap = net.pingBothWays("ip proto 47", 30);
        // tcpdump: "IP 10.10.10.1 > 10.10.10.2: GREv0, key=0x3e9, length 102: IP 192.168.10.1 > ..."
        TwoHosts.assertCaptured(cap, "10\\.10\\.10\\.1 > 10\\.10\\.10\\.2: GREv0.*key=0x3e9", 2);
        TwoHosts.assertCaptured(cap, "10\\.10\\.10\\.2 > 10\\.10\\.10\\.1: GREv0.*key=0x3e9", 2);
        TwoHosts.assertCaptured(cap, "192\\.168\\.10\\.1 > 192\\.168\\.10\\.2: ICMP echo request", 1);
        net.removeTunnel("tgre");

        net.tunnel("tvx", "vxlan", "key=1002");
        // A second VXLAN port on the same bridge (a third host that is not there) shares the vport.
        net.switches[0].vsctlOk("add-port", TwoHosts.TUNNEL_BRIDGE, "tvx9", "--", "set", "interface", "tvx9",
                "type=vxlan", "options:remote_ip=10.10.10.99", "options:key=1009");
        String ports = net.switches[0].appctlOk("tnl/ports/show");
        assertTrue(ports.contains("vxlan_sys_4789 (4789) ref_cnt=2"), ports);
        cap = net.pingBothWays("udp port 4789", 20);
        // "10.10.10.1.51234 > 10.10.10.2.4789: .*VXLAN, flags [I] (0x08), vni 1002"
        TwoHosts.assertCaptured(cap, "10\\.10\\.10\\.1\\.\\d+ > 10\\.10\\.10\\.2\\.4789: .*VXLAN.* vni 1002", 2);
        TwoHosts.assertCaptured(cap, "10\\.10\\.10\\.2\\.\\d+ > 10\\.10\\.10\\.1\\.4789: .*VXLAN.* vni 1002", 2);
        // Without the other user the vport stays and carries on; without both it goes.
        net.switches[0].vsctlOk("del-port", TwoHosts.TUNNEL_BRIDGE, "tvx9");
        net.pingBothWays("udp port 4789", 10);
        net.removeTunnel("tvx");
        ports = net.switches[0].appctlOk("tnl/ports/show");
        assertFalse(ports.contains("vxlan_sys_4789"), ports);

        net.tunnel("tgn", "geneve", "key=1003");
        cap = net.pingBothWays("udp port 6081", 20);
        // "10.10.10.1.40000 > 10.10.10.2.6081: .*Geneve, Flags [none], vni 0x3eb, proto TEB (0x6558)"
        TwoHosts.assertCaptured(cap, "10\\.10\\.10\\.1\\.\\d+ > 10\\.10\\.10\\.2\\.6081: .*Geneve.* vni 0x3eb", 2);
        TwoHosts.assertCaptured(cap, "10\\.10\\.10\\.2\\.\\d+ > 10\\.10\\.10\\.1\\.6081: .*Geneve.* vni 0x3eb", 2);
        net.removeTunnel("tgn");
    }

    /**
     * remote_ip=flow and key=flow: OpenFlow picks the destination and key (set_field to tun_dst and
     * tun_id) and matches the key on the way in.
     */
    static void flowBased(TwoHosts net) throws Exception {
        for (int i = 0; i < 2; i++) {
            TwoHosts.Host h = net.switches[i];
            h.vsctlOk("add-port", TwoHosts.TUNNEL_BRIDGE, "tfl", "--", "set", "interface", "tfl", "type=vxlan",
                    "options:remote_ip=flow", "options:key=flow", "ofport_request=10", "--", "set", "interface", "gp",
                    "ofport_request=1");
            h.ofctlOk("add-flow", TwoHosts.TUNNEL_BRIDGE, "priority=100,in_port=1,actions=set_field:"
                    + TwoHosts.underlayIp(1 - i) + "->tun_dst,set_field:1004->tun_id,output:10");
            h.ofctlOk("add-flow", TwoHosts.TUNNEL_BRIDGE, "priority=100,in_port=10,tun_id=1004,actions=output:1");
            h.ofctlOk("add-flow", TwoHosts.TUNNEL_BRIDGE, "priority=90,in_port=10,actions=drop");
        }
        String cap = net.pingBothWays("udp port 4789", 20);
        TwoHosts.assertCaptured(cap, "10\\.10\\.10\\.1\\.\\d+ > 10\\.10\\.10\\.2\\.4789: .*VXLAN.* vni 1004", 2);
        TwoHosts.assertCaptured(cap, "10\\.10\\.10\\.2\\.\\d+ > 10\\.10\\.10\\.1\\.4789: .*VXLAN.* vni 1004", 2);
        trace(net);
        for (TwoHosts.Host h : net.switches) {
            h.ofctlOk("del-flows", TwoHosts.TUNNEL_BRIDGE, "in_port=1");
            h.ofctlOk("del-flows", TwoHosts.TUNNEL_BRIDGE, "in_port=10");
        }
        net.removeTunnel("tfl");
    }

    /** ofproto/trace on host 1 (jvswitch) shows the encapsulation and the decapsulation steps. */
    static void trace(TwoHosts net) {
        TwoHosts.Host h = net.switches[0];
        String out = h.appctlOk("ofproto/trace", TwoHosts.TUNNEL_BRIDGE,
                "in_port=1,icmp,nw_src=192.168.10.1,nw_dst=192.168.10.2");
        for (String step : new String[] {"-> output to native tunnel", "-> tunneling to 10.10.10.2 via brp",
            "-> tunneling from ", " 10.10.10.1 to ", "tnl_push(tnl_port(", "vni=0x3ec"}) {
            assertTrue(out.contains(step), "no '" + step + "' in\n" + out);
        }
        String mac = net.hosts[0].exec("cat", "/sys/class/net/" + TwoHosts.UNDERLAY_BRIDGE + "/address").stdout().trim();
        String ulPort = h.vsctlOk("get", "interface", "ul", "ofport").trim();
        out = h.appctlOk("ofproto/trace", TwoHosts.UNDERLAY_BRIDGE, "in_port=" + ulPort + ",udp,dl_dst=" + mac
                + ",nw_src=10.10.10.2,nw_dst=10.10.10.1,tp_src=50000,tp_dst=4789");
        assertTrue(out.contains("-> tunnel terminated: tnl_pop(") && out.contains("Datapath actions: tnl_pop("), out);
    }

    /** VXLAN and GRE over an IPv6 underlay (fd00:10::1 and ::2): the next hop found by neighbour discovery. */
    static void ipv6Underlay(TwoHosts net) throws Exception {
        for (int i = 0; i < 2; i++) {
            net.hosts[i].exec("sysctl", "-qw", "net.ipv6.conf." + TwoHosts.UNDERLAY_BRIDGE + ".disable_ipv6=0");
            net.hosts[i].exec("ip", "addr", "add", "fd00:10::" + (i + 1) + "/64", "dev", TwoHosts.UNDERLAY_BRIDGE,
                    "nodad");
        }
        for (int i = 0; i < 2; i++) {
            net.switches[i].vsctlOk("add-port", TwoHosts.TUNNEL_BRIDGE, "tv6", "--", "set", "interface", "tv6",
                    "type=vxlan", "options:remote_ip=fd00:10::" + (2 - i), "options:key=1005");
        }
        String cap = net.pingBothWays("ip6 and udp port 4789", 30);
        TwoHosts.assertCaptured(cap, "fd00:10::1\\.\\d+ > fd00:10::2\\.4789: .*VXLAN.* vni 1005", 2);
        TwoHosts.assertCaptured(cap, "fd00:10::2\\.\\d+ > fd00:10::1\\.4789: .*VXLAN.* vni 1005", 2);
        net.removeTunnel("tv6");
        for (int i = 0; i < 2; i++) {
            net.switches[i].vsctlOk("add-port", TwoHosts.TUNNEL_BRIDGE, "tg6", "--", "set", "interface", "tg6",
                    "type=gre", "options:remote_ip=fd00:10::" + (2 - i), "options:key=1006");
        }
        cap = net.pingBothWays("ip6 and ip6 proto 47", 20);
        TwoHosts.assertCaptured(cap, "fd00:10::1 > fd00:10::2: GREv0.*key=0x3ee", 2);
        TwoHosts.assertCaptured(cap, "fd00:10::2 > fd00:10::1: GREv0.*key=0x3ee", 2);
        net.removeTunnel("tg6");
    }

    /**
     * ovs/route/* and tnl/neigh/* (tnl/arp/*) through the real ovs-appctl on host {@code i}: the
     * route learned from the internal port's address, user routes with gateway and pkt_mark,
     * lookups, OVS's error texts. The interop test runs the same on Open vSwitch itself.
     */
    static void commands(TwoHosts net, int i) {
        TwoHosts.Host h = net.switches[i];
        String self = TwoHosts.underlayIp(i);
        String peer = TwoHosts.underlayIp(1 - i);
        String br = TwoHosts.UNDERLAY_BRIDGE;
        String show = h.appctlOk("ovs/route/show");
        assertTrue(show.startsWith("Route Table:\n"), show);
        assertTrue(show.contains("Cached: 10.10.10.0/24 dev " + br + " SRC " + self + "\n"), show);
        assertTrue(show.contains("Cached: " + self + "/32 dev " + br + " SRC " + self + " local\n"), show);
        assertEquals("OK", h.appctlOk("ovs/route/add", "192.0.2.0/24", br, peer).trim());
        assertEquals("OK", h.appctlOk("ovs/route/add", "192.0.2.0/24", br, peer, "pkt_mark=7").trim());
        show = h.appctlOk("ovs/route/show");
        assertTrue(show.contains("User: 192.0.2.0/24 dev " + br + " GW " + peer + " SRC " + self + "\n"), show);
        assertTrue(show.contains("User: 192.0.2.0/24 MARK 7 dev " + br + " GW " + peer + " SRC " + self + "\n"), show);
        String lookup = "src " + self + "\ngateway " + peer + "\ndev " + br;
        assertEquals(lookup, h.appctlOk("ovs/route/lookup", "192.0.2.7").trim());
        assertEquals(lookup, h.appctlOk("ovs/route/lookup", "192.0.2.7", "pkt_mark=7").trim());
        assertEquals("src " + self + "\ngateway ::\ndev " + br, h.appctlOk("ovs/route/lookup", peer).trim());
        assertEquals("OK", h.appctlOk("ovs/route/del", "192.0.2.0/24").trim());
        assertError(h, "Not found", "ovs/route/del", "192.0.2.0/24");
        assertEquals("OK", h.appctlOk("ovs/route/del", "192.0.2.0/24", "pkt_mark=7").trim());
        assertError(h, "Not found", "ovs/route/lookup", "192.0.2.7");
        assertError(h, "Invalid parameters", "ovs/route/add", "192.0.2.0/33", br);
        assertError(h, "Error while inserting route.", "ovs/route/add", "198.51.100.0/24", "nosuch");

        assertEquals("", h.appctlOk("tnl/neigh/set", br, "10.10.10.9", "aa:bb:cc:dd:ee:ff").replace("OK", "").trim());
        assertEquals("", h.appctlOk("tnl/arp/set", br, "fd00:10::9", "aa:bb:cc:dd:ee:01").replace("OK", "").trim());
        for (String cmd : new String[] {"tnl/neigh/show", "tnl/arp/show"}) {
            String neigh = h.appctlOk(cmd);
            assertTrue(neigh.startsWith("IP                                            MAC                 Bridge\n"
                    + "=".repeat(74) + "\n"), neigh);
            assertTrue(neigh.contains(String.format("%-46s%-20s%s%n", "10.10.10.9", "aa:bb:cc:dd:ee:ff", br)), neigh);
            assertTrue(neigh.contains(String.format("%-46s%-20s%s%n", "fd00:10::9", "aa:bb:cc:dd:ee:01", br)), neigh);
        }
        assertError(h, "bad IP address", "tnl/neigh/set", br, "10.10.10.x", "aa:bb:cc:dd:ee:ff");
        assertError(h, "bad MAC address", "tnl/neigh/set", br, "10.10.10.8", "zz");
        assertEquals("900", h.appctlOk("tnl/neigh/aging").trim());
        assertError(h, "bad aging value", "tnl/neigh/aging", "0");
        h.appctlOk("tnl/arp/flush");
        String neigh = h.appctlOk("tnl/neigh/show");
        assertFalse(neigh.contains("10.10.10.9") || neigh.contains(peer), neigh);
        assertTrue(h.appctlOk("tnl/ports/show").startsWith("Listening ports:"));
    }

    private static void assertError(TwoHosts.Host h, String text, String... args) {
        Cmd.Result r = h.appctl(args);
        assertEquals(2, r.exitCode(), String.join(" ", args) + ": " + r);
        assertTrue(r.stderr().startsWith(text + "\n"), String.join(" ", args) + ": " + r);
    }

    /** Options OVS refuses: the reason in Interface:error, the switch (and its other tunnels) unharmed. */
    static void badOptions(TwoHosts net) throws Exception {
        TwoHosts.Host h = net.switches[0];
        String[][] cases = {
            {"vxlan", "options:key=5", "vxlan type requires valid 'remote_ip' argument"},
            {"vxlan", "options:remote_ip=10.10.10.300", "bad vxlan 'remote_ip'"},
            {"geneve", "options:remote_ip=224.1.1.1", "multicast remote_ip=224.1.1.1 not allowed"},
            {"vxlan", "options:remote_ip=10.10.10.2 options:packet_type=legacy_l3", "legacy_l3"},
            {"gre", "options:remote_ip=10.10.10.2 options:local_ip=fd00:10::1",
                "'remote_ip' and 'local_ip' has to be of the same address family"},
        };
        for (String[] c : cases) {
            java.util.List<String> args = new java.util.ArrayList<>(java.util.List.of("add-port",
                    TwoHosts.TUNNEL_BRIDGE, "tbad", "--", "set", "interface", "tbad", "type=" + c[0]));
            args.addAll(java.util.List.of(c[1].split(" ")));
            h.vsctlOk(args.toArray(String[]::new));
            String error = h.vsctlOk("get", "interface", "tbad", "error");
            assertTrue(error.contains(c[2]), c[0] + " " + c[1] + ": Interface:error is " + error);
            assertTrue(h.vsctlOk("get", "interface", "tbad", "ofport").trim().equals("-1"));
            h.vsctlOk("del-port", TwoHosts.TUNNEL_BRIDGE, "tbad");
        }
        // Fixed again, the same switch carries traffic.
        net.tunnel("tvx2", "vxlan", "key=1007");
        String cap = net.pingBothWays("udp port 4789", 20);
        TwoHosts.assertCaptured(cap, "10\\.10\\.10\\.1\\.\\d+ > 10\\.10\\.10\\.2\\.4789: .*VXLAN.* vni 1007", 2);
        net.removeTunnel("tvx2");
    }
}
