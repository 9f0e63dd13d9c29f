package org.jvswitch.vswitchd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.jvswitch.testing.Cmd;
import org.jvswitch.testing.Peers;
import org.jvswitch.testing.TempRunDir;
import org.jvswitch.testing.net.Netns;
import org.jvswitch.testing.vswitchd.VswitchdProcess;

/**
 * The daemon end to end: a real ovs-vswitchd process of ours, the real ovs-appctl, real DPDK
 * ports, real namespaces.
 */
@Timeout(180)
class VswitchdTest {
    /** Keep the PMD from owning a core of a small test machine; no PCI scan. */
    private static final String[] QUIET = {"--other-config=pmd-maxsleep=100", "--other-config=dpdk-extra=--no-pci"};

    @BeforeEach
    void integrationOnly() {
        org.junit.jupiter.api.Assumptions.assumeTrue(Peers.integrationMode(),
                "runs the daemon with DPDK: -Djvs.it=true (./jvs test)");
    }

    @Test
    void answersOvsAppctlLikeOvsVswitchd() throws Exception {
        try (VswitchdProcess vs = VswitchdProcess.start(QUIET)) {
            assertTrue(vs.appctlOk("version").startsWith("ovs-vswitchd (Open vSwitch) 3.1.0\njvswitch "));
            String commands = vs.appctlOk("list-commands");
            for (String c : new String[] {"dpctl/add-if", "dpctl/show", "vlog/set", "memory/show", "coverage/show",
                    "exit"}) {
                assertTrue(commands.contains("  " + c), c + " in\n" + commands);
            }
            Cmd.Result bad = vs.appctl("no/such-command");
            assertEquals(2, bad.exitCode());
            assertTrue(bad.stderr().startsWith("\"no/such-command\" is not a valid command (use \"list-commands\" to see"
                    + " a list of valid commands)"), bad.stderr());
            Cmd.Result tooMany = vs.appctl("version", "extra");
            assertEquals(2, tooMany.exitCode());
            assertTrue(tooMany.stderr().startsWith("\"version\" command takes at most 0 arguments"), tooMany.stderr());
            assertTrue(vs.appctlOk("memory/show").contains("pmds:1"));
            assertEquals("netdev@ovs-netdev\n", vs.appctlOk("dpctl/dump-dps"));
            assertTrue(Files.exists(vs.dir().resolve("ovs-vswitchd.pid")));
        }
    }

    @Test
    void portErrorsAreOneLineAndTheSwitchKeepsRunning() throws Exception {
        try (VswitchdProcess vs = VswitchdProcess.start(QUIET)) {
            vs.appctlOk("dpctl/add-if", "ovs-netdev", "n0,type=dpdk,dpdk-devargs=net_null_v0");
            Cmd.Result taken = vs.appctl("dpctl/add-if", "ovs-netdev", "n0,type=dpdk,dpdk-devargs=net_null_v1");
            assertEquals(2, taken.exitCode());
            assertEquals("adding n0 to netdev@ovs-netdev failed: port name 'n0' is already in use in ovs-netdev",
                    taken.stderr().lines().findFirst().orElse(""));
            Cmd.Result badArgs = vs.appctl("dpctl/add-if", "ovs-netdev", "n1,type=dpdk,dpdk-devargs=net_nosuch0");
            assertTrue(badArgs.stderr().startsWith("adding n1 to netdev@ovs-netdev failed: Error attaching device"
                    + " 'net_nosuch0' to DPDK"), badArgs.stderr());
            Cmd.Result noDevargs = vs.appctl("dpctl/add-if", "ovs-netdev", "n2,type=dpdk");
            assertTrue(noDevargs.stderr().contains("'n2' is missing 'options:dpdk-devargs'"), noDevargs.stderr());
            Cmd.Result missingIface = vs.appctl("dpctl/add-if", "ovs-netdev", "jvnosuch9,type=system");
            assertTrue(missingIface.stderr().contains("could not open network device jvnosuch9 (No such device)"),
                    missingIface.stderr());
            String show = vs.appctlOk("dpctl/show");
            assertTrue(show.contains("port 1: n0 (dpdk: "), show);
            assertFalse(show.contains("n1") || show.contains("n2"), show);
            vs.appctlOk("dpctl/del-if", "ovs-netdev", "n0");
            assertEquals(2, vs.appctl("dpctl/del-if", "ovs-netdev", "n0").exitCode());
            assertTrue(vs.appctlOk("coverage/show").contains("dpif_port_add_error"));
            assertTrue(vs.process().isAlive());
            assertEquals(0, vs.stop(), "clean exit after 'ovs-appctl exit'");
            assertFalse(Files.exists(vs.dir().resolve("ovs-vswitchd.pid")), "pidfile removed");
        }
    }

    @Test
    void forwardsBetweenTwoHostsAndPinsItsPmd() throws Exception {
        Peers.require("ping");
        String a = Netns.uniqueName("jvq");
        String b = Netns.uniqueName("jvq");
        String net = "10.203." + ProcessHandle.current().pid() % 200;
        try (Netns hostA = Netns.create("jvh"); Netns hostB = Netns.create("jvh");
             VswitchdProcess vs = VswitchdProcess.start(QUIET)) {
            hostA.addVeth(a, "eth0", net + ".1/24");
            hostB.addVeth(b, "eth0", net + ".2/24");
            vs.appctlOk("dpctl/add-if", "ovs-netdev", a + ",type=system", b + ",type=system");
            vs.appctlOk("dpctl/add-flow", "in_port(1)", "2");
            vs.appctlOk("dpctl/add-flow", "in_port(2)", "1");
            Cmd.Result ping = hostA.tryExec(Duration.ofSeconds(20), "ping", "-c", "3", "-i", "0.2", "-W", "2",
                    net + ".2");
            assertTrue(ping.ok(), ping + vs.log());
            ping = hostB.tryExec(Duration.ofSeconds(20), "ping", "-c", "3", "-i", "0.2", "-W", "2", net + ".1");
            assertTrue(ping.ok(), ping + vs.log());
            String stats = vs.appctlOk("dpctl/show", "-s");
            Matcher m = Pattern.compile("RX packets:(\\d+)").matcher(stats);
            int ports = 0;
            while (m.find()) {
                assertTrue(Long.parseLong(m.group(1)) >= 6, stats);
                ports++;
            }
            assertEquals(2, ports, stats);
            assertEquals("0", pmdAffinity(vs.pid()), "the PMD thread is pinned to the first allowed core");
        }
    }

    @Test
    void aSecondSwitchInTheSameRundirIsRefused() throws Exception {
        try (VswitchdProcess first = VswitchdProcess.start(QUIET)) {
            Process second = VswitchdProcess.launch(first.dir(), QUIET);
            assertTrue(second.waitFor(60, TimeUnit.SECONDS));
            assertEquals(1, second.exitValue());
            String out = Files.readString(first.dir().resolve("ovs-vswitchd.out"));
            assertTrue(out.contains("ovs-vswitchd is already running (pid " + first.pid() + ")"), out);
            assertTrue(first.appctl("version").ok(), "the first one is untouched");
        }
    }

    @Test
    void whenDpdkCannotStartTheDaemonSaysWhyAndKeepsServing() throws Exception {
        try (VswitchdProcess vs = VswitchdProcess.start("--other-config=dpdk-socket-mem=999999999",
                "--other-config=dpdk-extra=--no-pci")) {
            Cmd.Result add = vs.appctl("dpctl/add-if", "ovs-netdev", "n0,type=dpdk,dpdk-devargs=net_null_v2");
            assertEquals(2, add.exitCode());
            assertTrue(add.stderr().startsWith("no datapath: DPDK EAL initialisation failed"), add.stderr());
            assertTrue(vs.appctl("version").ok());
        }
    }

    @Test
    void badCommandLinesGetOneLine() throws Exception {
        try (TempRunDir dir = TempRunDir.create()) {
            Process p = VswitchdProcess.launch(dir, "--detach");
            assertTrue(p.waitFor(60, TimeUnit.SECONDS));
            assertEquals(1, p.exitValue());
            String out = Files.readString(dir.resolve("ovs-vswitchd.out")).strip();
            assertEquals("ovs-vswitchd: --detach is not supported (a JVM cannot fork): use './jvs start' or a systemd"
                    + " unit to run the switch in the background", out);
        }
    }

    /** Cpus_allowed_list of the PMD thread (named like OVS's, pmd-c00/id:0). */
    private static String pmdAffinity(long pid) throws Exception {
        try (var tasks = Files.list(Path.of("/proc", Long.toString(pid), "task"))) {
            for (Path t : tasks.toList()) {
                if (Files.readString(t.resolve("comm")).strip().startsWith("pmd-c")) {
                    for (String line : Files.readAllLines(t.resolve("status"))) {
                        if (line.startsWith("Cpus_allowed_list:")) {
                            return line.substring(line.indexOf(':') + 1).strip();
                        }
                    }
                }
            }
        }
        return "no PMD thread";
    }
}
