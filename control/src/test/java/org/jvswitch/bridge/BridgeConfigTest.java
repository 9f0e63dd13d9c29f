package org.jvswitch.bridge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.jvswitch.testing.Cmd;
import org.jvswitch.testing.Peers;
import org.jvswitch.testing.net.Netns;
import org.jvswitch.testing.vswitchd.VswitchdProcess;

/**
 * The switch configured the way users configure Open vSwitch: the real ovs-vsctl against the
 * embedded database, without --no-wait (so each command returns once the switch applied it),
 * kernel namespaces behind system ports, the bridge's internal port as a kernel interface.
 */
@Timeout(180)
class BridgeConfigTest {
    static final String[] QUIET = {"--other-config=pmd-maxsleep=100", "--other-config=dpdk-extra=--no-pci",
        "--other-config=dpdk-mbufs=16383"};

    @BeforeEach
    void integrationOnly() {
        org.junit.jupiter.api.Assumptions.assumeTrue(Peers.integrationMode(),
                "runs the daemon with DPDK and namespaces: -Djvs.it=true (./jvs test)");
    }

    @Test
    void bridgesPortsAndStatusAsOvsVswitchdWritesThem() throws Exception {
        String br = Netns.uniqueName("jb");
        try (VswitchdProcess vs = VswitchdProcess.start(QUIET); Netns ns = Netns.create("jbn")) {
            String out = "jo" + br.substring(2);
            ns.addVeth(out, "eth0", "10.81.0.2/24");
            vs.vsctlOk("add-br", br, "--", "set", "bridge", br, "datapath_type=netdev");
            assertEquals("65534", vs.vsctlOk("get", "Interface", br, "ofport").trim());
            assertEquals("[]", vs.vsctlOk("get", "Interface", br, "error").trim());
            assertEquals("true", vs.vsctlOk("get", "Open_vSwitch", ".", "dpdk_initialized").trim());
            assertTrue(vs.vsctlOk("get", "Open_vSwitch", ".", "iface_types").contains("dpdkvhostuser"));
            assertTrue(vs.vsctlOk("get", "Bridge", br, "datapath_id").trim().matches("\"[0-9a-f]{16}\""));
            // The embedded database answers ovs-appctl as ovsdb-server does.
            Cmd.Result remotes = Cmd.run(Duration.ofSeconds(10), vs.env(), Peers.require("ovs-appctl").toString(), "-t",
                    vs.dir().resolve("ovsdb-server." + vs.pid() + ".ctl").toString(), "ovsdb-server/list-remotes");
            assertTrue(remotes.ok() && remotes.stdout().contains("punix:"), remotes.toString());

            vs.vsctlOk("add-port", br, out);
            assertEquals("1", vs.vsctlOk("get", "Interface", out, "ofport").trim());
            assertEquals("up", vs.vsctlOk("get", "Interface", out, "link_state").trim());
            // The bridge's own port is a kernel interface the user addresses.
            Netns.run("ip", "addr", "add", "10.81.0.1/24", "dev", br);
            Netns.run("ip", "link", "set", br, "up");
            Cmd.Result ping = ns.tryExec(Duration.ofSeconds(20), "ping", "-c", "3", "-i", "0.2", "-W", "2", "10.81.0.1");
            assertTrue(ping.ok(), ping + "\n" + vs.log());
            String fdb = vs.appctlOk("fdb/show", br);
            assertTrue(fdb.startsWith(" port  VLAN  MAC                Age\n"), fdb);
            assertTrue(fdb.contains("LOCAL     0  "), fdb);
            assertTrue(vs.appctlOk("dpif/show").contains("    " + out + " 1/"));

            // Statistics arrive within the 5 s refresh.
            long deadline = System.nanoTime() + Duration.ofSeconds(12).toNanos();
            String stats = "";
            while (System.nanoTime() < deadline && !stats.matches(".*rx_packets=[1-9].*")) {
                Thread.sleep(500);
                stats = vs.vsctlOk("get", "Interface", out, "statistics").trim();
            }
            assertTrue(stats.matches(".*rx_packets=[1-9].*"), stats);

            // A port that cannot be created: ofport -1, the reason in error, ovs-vsctl says so.
            Cmd.Result bad = vs.vsctl("add-port", br, "nosuchdev0", "--", "set", "Interface", "nosuchdev0",
                    "type=dpdk", "options:dpdk-devargs=0000:99:00.7");
            assertTrue(bad.stderr().contains("Error detected while setting up 'nosuchdev0'"), bad.toString());
            assertEquals("-1", vs.vsctlOk("get", "Interface", "nosuchdev0", "ofport").trim());
            assertFalse(vs.vsctlOk("get", "Interface", "nosuchdev0", "error").trim().equals("[]"));

            // Reconfiguring never disturbs the ports that did not change.
            CompletableFuture<Cmd.Result> longPing = CompletableFuture.supplyAsync(() ->
                    ns.tryExec(Duration.ofSeconds(30), "ping", "-c", "25", "-i", "0.1", "-W", "1", "10.81.0.1"));
            Thread.sleep(300);
            vs.vsctlOk("del-port", br, "nosuchdev0");
            vs.vsctlOk("set", "Port", out, "other_config:note=x");
            vs.vsctlOk("set", "Bridge", br, "other_config:mac-aging-time=120");
            Cmd.Result during = longPing.get();
            assertTrue(during.stdout().contains(" 0% packet loss"), during + "\n" + vs.log());

            vs.vsctlOk("del-port", br, out);
            assertFalse(vs.appctlOk("dpif/show").contains(out));
            vs.vsctlOk("del-br", br);
            assertFalse(vs.appctlOk("dpif/show").contains(br));
            Netns.run("ip", "link", "show"); // the tap went with the bridge
            assertFalse(Netns.run("ip", "-o", "link", "show").stdout().contains(" " + br + ":"));
        }
    }
}
