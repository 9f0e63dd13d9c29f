package org.jvswitch.bridge;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.jvswitch.testing.Cmd;
import org.jvswitch.testing.Peers;
import org.jvswitch.testing.net.Netns;
import org.jvswitch.testing.vswitchd.VswitchdProcess;

/**
 * NORMAL with VLANs across namespaces and two bridges joined by a trunk (this machine's kernel
 * has no 802.1Q module, so VLAN-aware hosts are bridges): access ports of one VLAN reach each
 * other across the trunk, which carries the VLAN tagged; never a port of another VLAN, even in
 * the same IP subnet; a native-untagged port carries its VLAN untagged; a MAC address that moves
 * to another port is found there.
 */
@Timeout(180)
class NormalVlanTest {
    @BeforeEach
    void integrationOnly() {
        org.junit.jupiter.api.Assumptions.assumeTrue(Peers.integrationMode(),
                "runs the daemon with DPDK and namespaces: -Djvs.it=true (./jvs test)");
    }

    @Test
    void vlansStaySeparateAndMacMovesAreFollowed() throws Exception {
        String p = Netns.uniqueName("v");
        String brA = "jva" + p;
        String brB = "jvb" + p;
        List<Netns> nss = new ArrayList<>();
        try (VswitchdProcess vs = VswitchdProcess.start(BridgeConfigTest.QUIET); RootLinks links = new RootLinks()) {
            vs.vsctlOk("add-br", brA, "--", "set", "bridge", brA, "datapath_type=netdev");
            vs.vsctlOk("add-br", brB, "--", "set", "bridge", brB, "datapath_type=netdev");
            // The trunk between the bridges: no tag, so it carries every VLAN, tagged.
            links.add("ta" + p, "tb" + p);
            vs.vsctlOk("add-port", brA, "ta" + p, "--", "add-port", brB, "tb" + p);
            Netns n1 = host(vs, nss, brA, "10.82.10.1/24", "tag=10");
            Netns n3 = host(vs, nss, brA, "10.82.20.3/24", "tag=20");
            Netns n2 = host(vs, nss, brB, "10.82.10.2/24", "tag=10");
            host(vs, nss, brB, "10.82.20.4/24", "tag=20");
            host(vs, nss, brB, "10.82.10.5/24", "tag=20");
            Netns n6 = host(vs, nss, brB, "10.82.10.6/24", "tag=10", "vlan_mode=native-untagged", "trunks=20");

            assertPings(vs, n1, "10.82.10.2");
            assertPings(vs, n3, "10.82.20.4");
            assertPings(vs, n1, "10.82.10.6");
            assertNoPing(n1, "10.82.10.5"); // same subnet, other VLAN
            assertNoPing(n3, "10.82.10.2");
            String fdbA = vs.appctlOk("fdb/show", brA);
            assertTrue(fdbA.contains("   10  "), fdbA);
            assertTrue(fdbA.contains("   20  "), fdbA);
            // On the trunk, VLAN 10 travels tagged.
            java.util.concurrent.CompletableFuture<Cmd.Result> tcpdump = java.util.concurrent.CompletableFuture.supplyAsync(
                    () -> Cmd.run(Duration.ofSeconds(20), java.util.Map.of(), "timeout", "10", "tcpdump", "-c", "1",
                            "-e", "-nn", "-i", "ta" + p, "vlan", "10", "and", "icmp"));
            Thread.sleep(1500);
            assertPings(vs, n1, "10.82.10.2");
            Cmd.Result capture = tcpdump.get();
            assertTrue(capture.stdout().contains("vlan 10") || capture.stderr().contains("1 packet captured"),
                    capture.toString());

            // n2's address and MAC move to a new port of VLAN 10 on the other bridge.
            String mac = n2.exec("cat", "/sys/class/net/eth0/address").stdout().trim();
            n2.exec("ip", "link", "set", "eth0", "down");
            Netns n7 = host(vs, nss, brA, null, "tag=10");
            n7.exec("ip", "link", "set", "eth0", "down");
            n7.exec("ip", "link", "set", "eth0", "address", mac);
            n7.exec("ip", "addr", "add", "10.82.10.2/24", "dev", "eth0");
            n7.exec("ip", "link", "set", "eth0", "up");
            assertPings(vs, n7, "10.82.10.1");
            assertPings(vs, n1, "10.82.10.2");
            String newPort = vs.vsctlOk("get", "Interface", "jp" + n7.name().substring(3), "ofport").trim();
            String moved = vs.appctlOk("fdb/show", brA);
            assertTrue(moved.lines().anyMatch(l -> l.contains(mac) && l.trim().startsWith(newPort + " ")), moved);
        } finally {
            nss.forEach(Netns::close);
        }
    }

    /** A namespace on a new port of {@code br} with the given Port settings. */
    private static Netns host(VswitchdProcess vs, List<Netns> nss, String br, String cidr, String... portSettings) {
        Netns ns = Netns.create("jvn");
        nss.add(ns);
        String port = "jp" + ns.name().substring(3);
        ns.addVeth(port, "eth0", cidr);
        ns.exec("sysctl", "-qw", "net.ipv6.conf.all.disable_ipv6=1");
        List<String> args = new ArrayList<>(List.of("add-port", br, port, "--", "set", "Port", port));
        args.addAll(List.of(portSettings));
        vs.vsctlOk(args.toArray(String[]::new));
        return ns;
    }

    static void assertPings(VswitchdProcess vs, Netns from, String to) {
        Cmd.Result r = Cmd.run(Duration.ofSeconds(15), java.util.Map.of(), "ip", "netns", "exec", from.name(),
                "ping", "-c", "2", "-i", "0.3", "-w", "10", to);
        assertTrue(r.ok(), from.name() + " -> " + to + ": " + r + "\n" + vs.log());
    }

    static void assertNoPing(Netns from, String to) {
        Cmd.Result r = Cmd.run(Duration.ofSeconds(10), java.util.Map.of(), "ip", "netns", "exec", from.name(),
                "ping", "-c", "2", "-i", "0.3", "-W", "1", to);
        assertFalse(r.ok(), from.name() + " -> " + to + " should not reach: " + r);
    }
}
