package org.jvswitch.tnl;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.jvswitch.testing.Cmd;
import org.jvswitch.testing.Peers;
import org.jvswitch.testing.TempRunDir;

/**
 * The seed's two-host experiment with Open vSwitch on the other host: host 1 runs jvswitch, host 2
 * Debian's DPDK build of ovs-vswitchd (openvswitch-switch-dpdk) with its own ovsdb-server, run
 * directory and DPDK file prefix ({@code --in-memory}, no PCI), both on the userspace datapath with
 * native tunneling. The guests ping each other over GRE, VXLAN and Geneve, over flow-based VXLAN
 * (remote_ip=flow, key=flow, OpenFlow rules from ovs-ofctl on both), and over VXLAN and GRE on an
 * IPv6 underlay; the underlay capture shows each side's packets with the configured key: the two
 * switches' tunnel headers, ARP and neighbour discovery are interchangeable.
 */
@Timeout(180)
class TunnelInteropTest {
    static final Path OVS_DPDK = Path.of("/usr/lib/openvswitch-switch-dpdk/ovs-vswitchd-dpdk");
    static final Path SCHEMA = Path.of("/usr/share/openvswitch/vswitch.ovsschema");

    @BeforeEach
    void integrationOnly() {
        org.junit.jupiter.api.Assumptions.assumeTrue(Peers.integrationMode(),
                "runs jvswitch and OVS-DPDK in namespaces: -Djvs.it=true (./jvs test)");
        Peers.require("tcpdump");
        Peers.require("ovsdb-server");
        Peers.require("ovsdb-tool");
        if (!Files.isExecutable(OVS_DPDK)) {
            throw new AssertionError(OVS_DPDK + " not found: run 'sudo ./jvs setup' (openvswitch-switch-dpdk)");
        }
    }

    @Test
    void jvswitchAndOpenVswitchTunnelToEachOther() throws Exception {
        try (TwoHosts net = new TwoHosts(TunnelTwoHostTest::jvswitch, TunnelInteropTest::openVswitch)) {
            TunnelTwoHostTest.greVxlanGeneve(net);
            String neigh = net.switches[1].appctlOk("tnl/neigh/show");
            assertTrue(neigh.contains("10.10.10.1"), "OVS learned jvswitch's underlay MAC:\n" + neigh);
            TunnelTwoHostTest.flowBased(net);
            TunnelTwoHostTest.ipv6Underlay(net);
            // The same command checks pass on Open vSwitch itself and on jvswitch.
            TunnelTwoHostTest.commands(net, 1);
            TunnelTwoHostTest.commands(net, 0);
        }
    }

    /** OVS's ovsdb-server and DPDK ovs-vswitchd, the latter in network namespace {@code netns}. */
    static TwoHosts.Host openVswitch(String netns) throws Exception {
        TempRunDir dir = TempRunDir.create();
        Map<String, String> env = dir.env();
        Path d = dir.path();
        String db = "unix:" + d.resolve("db.sock");
        List<Long> pids = new ArrayList<>();
        String prefix = "jvstnl" + ProcessHandle.current().pid() + netns;
        TwoHosts.Host host = new TwoHosts.Host() {
            @Override
            public Cmd.Result vsctl(String... args) {
                List<String> argv = new ArrayList<>(List.of(Peers.require("ovs-vsctl").toString(), "--db=" + db,
                        "--timeout=30"));
                argv.addAll(List.of(args));
                return Cmd.run(Duration.ofSeconds(35), env, argv.toArray(String[]::new));
            }

            @Override
            public Cmd.Result appctl(String... args) {
                List<String> argv = new ArrayList<>(List.of(Peers.require("ovs-appctl").toString(), "-t",
                        d.resolve("ovs-vswitchd.ctl").toString()));
                argv.addAll(List.of(args));
                return Cmd.run(Duration.ofSeconds(30), env, argv.toArray(String[]::new));
            }

            @Override
            public Map<String, String> env() {
                return env;
            }

            @Override
            public String log() {
                return "--- OVS ovs-vswitchd.log\n" + TwoHosts.read(d.resolve("ovs-vswitchd.log"));
            }

            @Override
            public void close() {
                Cmd.run(Duration.ofSeconds(20), env, "ovs-appctl", "-t", d.resolve("ovs-vswitchd.ctl").toString(),
                        "exit");
                Cmd.run(Duration.ofSeconds(20), env, "ovs-appctl", "-t", d.resolve("ovsdb-server.ctl").toString(),
                        "exit");
                for (long pid : pids) {
                    ProcessHandle.of(pid).ifPresent(p -> {
                        p.destroy();
                        p.onExit().orTimeout(10, java.util.concurrent.TimeUnit.SECONDS).exceptionally(e -> {
                            p.destroyForcibly();
                            return p;
                        }).join();
                    });
                }
                dir.close();
                Cmd.run(Duration.ofSeconds(10), Map.of(), "rm", "-rf", "/var/run/dpdk/" + prefix);
            }
        };
        try {
            run(env, "ovsdb-tool", "create", d.resolve("conf.db").toString(), SCHEMA.toString());
            run(env, "ovsdb-server", d.resolve("conf.db").toString(), "--remote=punix:" + d.resolve("db.sock"),
                    "--pidfile=" + d.resolve("ovsdb-server.pid"), "--unixctl=" + d.resolve("ovsdb-server.ctl"),
                    "--log-file=" + d.resolve("ovsdb-server.log"), "-vconsole:off", "--detach", "--no-chdir");
            pids.add(Long.parseLong(Files.readString(d.resolve("ovsdb-server.pid")).trim()));
            host.vsctlOk("--no-wait", "init", "--", "set", "Open_vSwitch", ".", "other_config:dpdk-init=true",
                    "other_config:dpdk-extra=--no-pci --in-memory --file-prefix=" + prefix);
            run(env, "ip", "netns", "exec", netns, OVS_DPDK.toString(), db, "--pidfile=" + d.resolve("ovs-vswitchd.pid"),
                    "--unixctl=" + d.resolve("ovs-vswitchd.ctl"), "--log-file=" + d.resolve("ovs-vswitchd.log"),
                    "-vconsole:off", "--detach", "--no-chdir");
            pids.add(0, Long.parseLong(Files.readString(d.resolve("ovs-vswitchd.pid")).trim()));
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (!host.vsctl("get", "Open_vSwitch", ".", "dpdk_initialized").stdout().trim().equals("true")) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("OVS-DPDK did not initialise DPDK:\n" + host.log());
                }
                Thread.sleep(100);
            }
            return host;
        } catch (Exception | AssertionError e) {
            String log = host.log();
            host.close();
            throw new AssertionError("could not start Open vSwitch in " + netns + ": " + e.getMessage() + "\n" + log, e);
        }
    }

    private static void run(Map<String, String> env, String... argv) {
        Cmd.Result r = Cmd.run(Duration.ofSeconds(60), env, argv);
        if (!r.ok()) {
            throw new AssertionError(r.toString());
        }
    }
}
