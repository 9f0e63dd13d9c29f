package org.jvswitch.openflow;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.jvswitch.testing.Peers;
import org.jvswitch.testing.net.Netns;
import org.jvswitch.testing.vswitchd.VswitchdProcess;

/**
 * A real OpenFlow 1.3 controller: osken-manager (python3-os-ken) running the learning switch in
 * {@code src/test/resources/openflow/learning_switch_13.py} controls a secure bridge between two
 * namespaces over {@code tcp:127.0.0.1:PORT}. The app installs its table-miss flow, learns from
 * packet-ins both ways and installs a flow per direction; ping works, ovs-ofctl shows the flows
 * and their counters grow from the datapath.
 */
@Timeout(180)
class OsKenControllerTest {
    @BeforeEach
    void integrationOnly() {
        org.junit.jupiter.api.Assumptions.assumeTrue(Peers.integrationMode(),
                "runs the daemon with DPDK, namespaces and osken-manager: -Djvs.it=true (./jvs test)");
    }

    @Test
    void learningSwitchAppControlsTheBridge() throws Exception {
        Path app = Path.of(OsKenControllerTest.class.getResource("/openflow/learning_switch_13.py").toURI());
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        String br = Netns.uniqueName("jvk");
        List<Netns> nss = new ArrayList<>();
        Process osken = null;
        try (VswitchdProcess vs = VswitchdProcess.start(OpenFlowDaemonTest.QUIET)) {
            Path log = vs.dir().resolve("osken.out");
            osken = new ProcessBuilder(Peers.require("osken-manager").toString(), "--ofp-listen-host", "127.0.0.1",
                    "--ofp-tcp-listen-port", Integer.toString(port), app.toString())
                    .redirectErrorStream(true).redirectOutput(log.toFile()).start();
            vs.vsctlOk("add-br", br, "--", "set", "bridge", br, "datapath_type=netdev", "fail_mode=secure",
                    "protocols=OpenFlow13");
            Netns n1 = org.jvswitch.testing.vswitchd.SwitchHosts.host(vs, nss, br, "10.85.0.1/24");
            Netns n2 = org.jvswitch.testing.vswitchd.SwitchHosts.host(vs, nss, br, "10.85.0.2/24");
            String p1 = vs.vsctlOk("get", "Interface", org.jvswitch.testing.vswitchd.SwitchHosts.portOf(n1), "ofport").trim();
            String p2 = vs.vsctlOk("get", "Interface", org.jvswitch.testing.vswitchd.SwitchHosts.portOf(n2), "ofport").trim();
            vs.vsctlOk("set-controller", br, "tcp:127.0.0.1:" + port);

            String out = "";
            for (int i = 0; i < 150 && !out.contains("FLOW_MOD priority=0"); i++) {
                Thread.sleep(200);
                out = Files.readString(log);
            }
            assertTrue(out.contains("CONNECTED dpid="), "the app saw the switch:\n" + out + vs.log());
            String flows = OpenFlowDaemonTest.ofctlOk(vs, "-O", "OpenFlow13", "dump-flows", br);
            for (int i = 0; i < 20 && !flows.contains("actions=CONTROLLER"); i++) {
                Thread.sleep(100);
                flows = OpenFlowDaemonTest.ofctlOk(vs, "-O", "OpenFlow13", "dump-flows", br);
            }
            assertTrue(flows.contains("priority=0 actions=CONTROLLER:65535"), "the app's table-miss flow:\n" + flows);
            String ctl = vs.vsctlOk("list", "Controller");
            for (int i = 0; i < 30 && !ctl.contains("is_connected        : true"); i++) {
                Thread.sleep(200);
                ctl = vs.vsctlOk("list", "Controller");
            }
            assertTrue(ctl.contains("is_connected        : true"), ctl);

            try {
                org.jvswitch.testing.vswitchd.SwitchHosts.assertPings(vs, n1, "10.85.0.2");
            } catch (AssertionError e) {
                throw new AssertionError("--- osken-manager\n" + Files.readString(log) + "\n--- flows\n"
                        + OpenFlowDaemonTest.ofctlOk(vs, "-O", "OpenFlow13", "dump-flows", br) + "--- ports\n"
                        + OpenFlowDaemonTest.ofctlOk(vs, "-O", "OpenFlow13", "dump-ports", br)
                        + "--- datapath flows\n" + vs.appctlOk("dpctl/dump-flows") + "--- dpctl/show\n"
                        + vs.appctlOk("dpctl/show") + "--- LOCAL\n"
                        + org.jvswitch.testing.Cmd.run(java.time.Duration.ofSeconds(5), java.util.Map.of(), "ip", "-s",
                                "link", "show", br) + e.getMessage(), e);
            }
            out = Files.readString(log);
            assertTrue(count(out, "PACKET_IN in_port=" + p1 + " ") >= 1, "packet-ins from n1:\n" + out);
            assertTrue(count(out, "PACKET_IN in_port=" + p2 + " ") >= 1, "packet-ins from n2:\n" + out);
            assertTrue(out.contains("reason=0"), "table misses arrive as NO_MATCH in OpenFlow 1.3:\n" + out);
            assertTrue(count(out, "FLOW_MOD priority=1 match=\\{'in_port': " + p1 + ",") >= 1, out);
            assertTrue(count(out, "FLOW_MOD priority=1 match=\\{'in_port': " + p2 + ",") >= 1, out);

            // The app's flows are in the table, and the second ping goes through them.
            org.jvswitch.testing.vswitchd.SwitchHosts.assertPings(vs, n2, "10.85.0.1");
            Pattern fwd = Pattern.compile("n_packets=(\\d+), .*priority=1,in_port=" + p1
                    + ",dl_src=[0-9a-f:]+,dl_dst=[0-9a-f:]+ actions=output:" + p2);
            long packets = 0;
            for (int i = 0; i < 30 && packets < 2; i++) {
                Thread.sleep(100);
                flows = OpenFlowDaemonTest.ofctlOk(vs, "-O", "OpenFlow13", "dump-flows", br);
                Matcher m = fwd.matcher(flows);
                packets = m.find() ? Long.parseLong(m.group(1)) : 0;
            }
            assertTrue(packets >= 2, "n1 -> n2 flow with its datapath counters:\n" + flows);
            assertTrue(flows.contains("priority=1,in_port=" + p2 + ","), flows);
        } finally {
            if (osken != null) {
                osken.destroy();
                if (!osken.waitFor(10, TimeUnit.SECONDS)) {
                    osken.destroyForcibly();
                }
            }
            nss.forEach(Netns::close);
        }
    }

    private static int count(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }
}
