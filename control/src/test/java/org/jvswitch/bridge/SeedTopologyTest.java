package org.jvswitch.bridge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.jvswitch.testing.Cmd;
import org.jvswitch.testing.Peers;
import org.jvswitch.testing.net.Netns;
import org.jvswitch.testing.vswitchd.VswitchdProcess;

/**
 * The single-host part of the seed experiment (../shared/seeds/002): namespaces A1 and B1
 * (192.168.10.1 and .2) behind br2 and br3, bridges br1, br2 and br3 joined in a triangle of
 * veth pairs, STP on all three, configured with ovs-vsctl. The loop stays loop-free, A1 and B1
 * reach each other, and when a link of the triangle goes away STP re-converges and the pings
 * go on. STP timers are shortened (forward delay 4 s) to keep the test quick.
 */
@Timeout(240)
class SeedTopologyTest {
    private static final String[] FAST_STP = {"other_config:stp-forward-delay=4", "other_config:stp-max-age=6",
        "other_config:stp-hello-time=1"};

    @BeforeEach
    void integrationOnly() {
        org.junit.jupiter.api.Assumptions.assumeTrue(Peers.integrationMode(),
                "runs the daemon with DPDK and namespaces: -Djvs.it=true (./jvs test)");
    }

    @Test
    void triangleWithStpConvergesAndSurvivesALinkLoss() throws Exception {
        String p = Netns.uniqueName("t");
        String br1 = "jb1" + p;
        String br2 = "jb2" + p;
        String br3 = "jb3" + p;
        try (VswitchdProcess vs = VswitchdProcess.start(BridgeConfigTest.QUIET);
             Netns a1 = Netns.create("jA");
             Netns b1 = Netns.create("jB");
             RootLinks links = new RootLinks()) {
            for (String br : new String[] {br1, br2, br3}) {
                String[] args = {"add-br", br, "--", "set", "bridge", br, "datapath_type=netdev", "stp_enable=true"};
                vs.vsctlOk(concat(args, FAST_STP));
            }
            a1.addVeth("a" + p, "a1.2", "192.168.10.1/24");
            b1.addVeth("b" + p, "b1.2", "192.168.10.2/24");
            vs.vsctlOk("add-port", br2, "a" + p);
            vs.vsctlOk("add-port", br3, "b" + p);
            links.add("x12" + p, "y12" + p);
            links.add("x13" + p, "y13" + p);
            links.add("x23" + p, "y23" + p);
            vs.vsctlOk("add-port", br1, "y12" + p, "--", "add-port", br2, "x12" + p);
            vs.vsctlOk("add-port", br1, "y13" + p, "--", "add-port", br3, "x13" + p);
            vs.vsctlOk("add-port", br2, "y23" + p, "--", "add-port", br3, "x23" + p);

            assertEventuallyPings(vs, a1, "192.168.10.2", 40);
            assertEventuallyPings(vs, b1, "192.168.10.1", 10);
            assertEquals(1, blockingPorts(vs), vs.appctlOk("stp/show"));
            assertLearned(vs, a1, br2, mac(a1, "a1.2"));
            String status = vs.vsctlOk("get", "Bridge", br1, "status");
            assertTrue(status.contains("stp_bridge_id"), status);

            // Take away one link between the bridges: STP finds the other way round.
            String root = vs.vsctlOk("get", "Bridge", br1, "status");
            links.remove(forwardingLinkAwayFromRoot(vs, p, root));
            assertEventuallyPings(vs, a1, "192.168.10.2", 40);
            assertEventuallyPings(vs, b1, "192.168.10.1", 10);
            assertEquals(0, blockingPorts(vs), vs.appctlOk("stp/show"));
        }
    }

    /** A link whose both ends forward (so its loss forces re-convergence): b23 if it forwards, else b13. */
    private static String forwardingLinkAwayFromRoot(VswitchdProcess vs, String p, String root) {
        for (String link : new String[] {"23", "13", "12"}) {
            String a = state(vs, "x" + link + p);
            String b = state(vs, "y" + link + p);
            if (a.equals("forwarding") && b.equals("forwarding")) {
                return "x" + link + p;
            }
        }
        throw new AssertionError("no forwarding link\n" + vs.appctlOk("stp/show"));
    }

    private static String state(VswitchdProcess vs, String port) {
        String st = vs.vsctlOk("get", "Port", port, "status:stp_state").trim();
        return st.replace("\"", "");
    }

    private static int blockingPorts(VswitchdProcess vs) {
        String all = vs.vsctlOk("--columns=name,status", "list", "Port");
        return (int) all.lines().filter(l -> l.contains("stp_state=blocking")).count();
    }

    /**
     * NORMAL learned A1's MAC on br2. While the root announces a topology change (max age plus
     * forward delay) every TC BPDU flushes the table, as in Open vSwitch; traffic through the
     * megaflows learns it again, so keep pinging until the table holds it.
     */
    private static void assertLearned(VswitchdProcess vs, Netns a1, String br, String mac) throws InterruptedException {
        String fdb = "";
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!fdb.contains(mac) && System.nanoTime() < deadline) {
            assertEventuallyPings(vs, a1, "192.168.10.2", 5);
            Thread.sleep(700); // a revalidator pass (500 ms) refreshes what the megaflows carried
            fdb = vs.appctlOk("fdb/show", br);
        }
        assertTrue(fdb.contains(mac), () -> mac + " not in\n" + vs.appctlOk("fdb/show", br) + vs.appctlOk("dpif/dump-flows", br)
                + vs.appctlOk("stp/show"));
    }

    private static String mac(Netns ns, String dev) {
        return ns.exec("cat", "/sys/class/net/" + dev + "/address").stdout().trim();
    }

    /** Pings once a second until a reply comes back or {@code seconds} pass. */
    static void assertEventuallyPings(VswitchdProcess vs, Netns from, String to, int seconds) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
        Cmd.Result r;
        do {
            r = Cmd.run(Duration.ofSeconds(5), Map.of(), "ip", "netns", "exec", from.name(), "ping", "-c", "1", "-W", "1",
                    to);
            if (r.ok()) {
                return;
            }
            Thread.sleep(500);
        } while (System.nanoTime() < deadline);
        throw new AssertionError(from.name() + " -> " + to + ": " + r + "\n" + vs.appctlOk("stp/show") + vs.log());
    }

    private static String[] concat(String[] a, String[] b) {
        String[] out = new String[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
