package org.jvswitch.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.jvswitch.testing.Cmd;
import org.jvswitch.testing.Peers;
import org.jvswitch.testing.TempRunDir;
import org.jvswitch.testing.dataplane.PacketBuilder;
import org.jvswitch.testing.dpdk.Pcap;
import org.jvswitch.testing.net.Netns;
import org.jvswitch.testing.vswitchd.VswitchdProcess;

/**
 * The switch as an operator watches it: {@code /metrics} scraped while traffic flows moves with
 * {@code ovs-appctl dpif-netdev/pmd-stats-show}, {@code ovs-vsctl get Interface ... statistics}
 * and {@code dpctl/show -s}, promtool accepts it, drops are counted by reason in both
 * {@code /metrics} and {@code coverage/show}, and the operator commands answer through the real
 * ovs-appctl, in text and in JSON.
 */
@Timeout(240)
class MetricsIntegrationTest {
    private static final String[] QUIET = {"--other-config=pmd-maxsleep=100", "--other-config=dpdk-extra=--no-pci",
        "--other-config=dpdk-mbufs=16383"};
    private static final ObjectMapper JSON = new ObjectMapper();

    @BeforeEach
    void integrationOnly() {
        org.junit.jupiter.api.Assumptions.assumeTrue(Peers.integrationMode(),
                "runs the daemon with DPDK and namespaces: -Djvs.it=true (./jvs test)");
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private static String[] args(int metricsPort, String... more) {
        List<String> a = new java.util.ArrayList<>(List.of(QUIET));
        a.add("--other-config=metrics-address=127.0.0.1:" + metricsPort);
        a.addAll(List.of(more));
        return a.toArray(String[]::new);
    }

    /** "packets received: N" of the PMD on {@code core} in pmd-stats-show. */
    private static long pmdReceived(VswitchdProcess vs, String core) {
        String show = vs.appctlOk("dpif-netdev/pmd-stats-show");
        Matcher m = Pattern.compile("core_id " + core + ":\\n  packets received: (\\d+)").matcher(show);
        assertTrue(m.find(), show);
        return Long.parseLong(m.group(1));
    }

    /** One value of ovs-vsctl's statistics map, e.g. {@code {rx_bytes=42, rx_packets=1, ...}}. */
    private static long stat(String statistics, String key) {
        Matcher m = Pattern.compile("\\b" + key + "=(\\d+)").matcher(statistics);
        return m.find() ? Long.parseLong(m.group(1)) : -1;
    }

    /** RX packets of {@code port} in dpctl/show -s. */
    private static long dpctlRxPackets(VswitchdProcess vs, String port) {
        String show = vs.appctlOk("dpctl/show", "-s");
        Matcher m = Pattern.compile(": " + Pattern.quote(port) + " \\([^\\n]*\\n    RX packets:(\\d+)").matcher(show);
        assertTrue(m.find(), show);
        return Long.parseLong(m.group(1));
    }

    @Test
    void countersMoveWithPmdStatsAndInterfaceStatisticsWhileTrafficFlows() throws Exception {
        int port = freePort();
        String url = "http://127.0.0.1:" + port + "/metrics";
        String br = Netns.uniqueName("mb");
        String outA = "ma" + br.substring(2);
        String outB = "mz" + br.substring(2);
        try (VswitchdProcess vs = VswitchdProcess.start(args(port)); Netns a = Netns.create("mna");
             Netns b = Netns.create("mnb")) {
            a.addVeth(outA, "eth0", "10.82.0.1/24");
            b.addVeth(outB, "eth0", "10.82.0.2/24");
            vs.vsctlOk("add-br", br, "--", "set", "bridge", br, "datapath_type=netdev");
            vs.vsctlOk("add-port", br, outA);
            vs.vsctlOk("add-port", br, outB);
            Cmd.Result first = a.tryExec(Duration.ofSeconds(20), "ping", "-c", "3", "-i", "0.2", "-W", "2", "10.82.0.2");
            assertTrue(first.ok(), first + "\n" + vs.log());
            CompletableFuture<Cmd.Result> traffic = CompletableFuture.supplyAsync(() ->
                    a.tryExec(Duration.ofSeconds(60), "ping", "-c", "300", "-i", "0.05", "-W", "1", "10.82.0.2"));
            Thread.sleep(1000);

            String core = pmdCore(vs);
            long before = pmdReceived(vs, core);
            String m1 = Promtool.get(url).body();
            long after = pmdReceived(vs, core);
            double rx1 = Promtool.value(m1, "ovs_pmd_rx_packets_total", "pmd", core);
            assertTrue(before <= rx1 && rx1 <= after, before + " <= " + rx1 + " <= " + after);

            // Interface counters: no lower than what ovs-vsctl saw before (refreshed every 5 s),
            // no higher than dpctl/show -s after.
            String stats = awaitStatistics(vs, outA);
            String m2 = Promtool.get(url).body();
            long dpctlAfter = dpctlRxPackets(vs, outA);
            double ifaceRx = Promtool.value(m2, "ovs_interface_rx_packets_total", "interface", outA);
            assertTrue(stat(stats, "rx_packets") <= ifaceRx && ifaceRx <= dpctlAfter,
                    stat(stats, "rx_packets") + " <= " + ifaceRx + " <= " + dpctlAfter + "\n" + m2);
            assertTrue(Promtool.value(m2, "ovs_interface_rx_bytes_total", "interface", outA) > 0);
            // Labelled as the configuration has them: bridge, Port row, Interface row.
            assertTrue(Promtool.value(m2, "ovs_interface_rx_packets_total", "bridge", br, "port", outA, "interface",
                    outA) >= ifaceRx, m2);
            assertTrue(Promtool.value(m2, "ovs_interface_link_up", "bridge", br, "port", br, "interface", br) >= 0,
                    "the bridge's internal port\n" + m2);
            assertTrue(Promtool.value(m2, "ovs_interface_tx_packets_total", "interface", outB) > 0);

            Thread.sleep(1500);
            String m3 = Promtool.get(url).body();
            assertTrue(Promtool.value(m3, "ovs_pmd_rx_packets_total", "pmd", core) > rx1, "the counters move");
            assertTrue(Promtool.value(m3, "ovs_interface_rx_packets_total", "interface", outA) > ifaceRx);
            assertTrue(Promtool.value(m3, "ovs_pmd_cycles_total", "pmd", core, "state", "busy") > 0);
            assertTrue(Promtool.value(m3, "ovs_upcall_latency_seconds_count", "pmd", core) > 0,
                    "NORMAL's first packets went up and were handled");
            assertTrue(Promtool.sum(m3, "ovs_datapath_flows") > 0, m3);
            assertTrue(Promtool.value(m3, "ovsdb_transactions_total") > 0, "ovs-vsctl's transactions");
            assertTrue(Promtool.value(m3, "ovsdb_monitors") > 0, "the switch's own monitor");
            assertTrue(Promtool.value(m3, "jvm_gc_pause_seconds_count") >= 0 || m3.contains("jvm_memory_used_bytes"));
            Promtool.check(m3);

            Cmd.Result done = traffic.get();
            assertTrue(done.stdout().contains(" 0% packet loss"), done + "\n" + vs.log());
            // Quiet now: the PMD's counter and pmd-stats-show agree exactly.
            Thread.sleep(300);
            long quiet = pmdReceived(vs, core);
            assertEquals((double) quiet, Promtool.value(Promtool.get(url).body(), "ovs_pmd_rx_packets_total", "pmd",
                    core));
            vs.vsctlOk("del-br", br);
        }
    }

    @Test
    void followsOtherConfigMetricsAddressAtRunTime() throws Exception {
        int first = freePort();
        int second = freePort();
        try (VswitchdProcess vs = VswitchdProcess.start(args(first))) {
            awaitServing(vs, first, true);
            assertTrue(Promtool.get(url(first)).body().contains("jvswitch_build_info"));
            vs.vsctlOk("set", "Open_vSwitch", ".", "other_config:metrics-address=127.0.0.1:" + second);
            awaitServing(vs, second, true);
            awaitServing(vs, first, false);

            vs.vsctlOk("set", "Open_vSwitch", ".", "other_config:metrics-address=\"\"");
            awaitServing(vs, second, false);

            // A bad value: an error in the log, and /metrics stays off; the switch carries on.
            vs.vsctlOk("set", "Open_vSwitch", ".", "other_config:metrics-address=localhost:nine");
            awaitLog(vs, "other_config:metrics-address 'localhost:nine': 'nine' is not a port number");
            assertTrue(vs.log().matches("(?s).*\\|ERR\\|[^\\n]*'localhost:nine'.*"), vs.log());
            awaitServing(vs, second, false);
            awaitServing(vs, first, false);
            vs.appctlOk("version");

            vs.vsctlOk("set", "Open_vSwitch", ".", "other_config:metrics-address=[::1]:" + second);
            String v6 = Promtool.get("http://[::1]:" + second + "/metrics").body();
            assertTrue(v6.contains("jvswitch_build_info"));

            // Unset: back to the command line's --other-config=metrics-address.
            vs.vsctlOk("remove", "Open_vSwitch", ".", "other_config", "metrics-address");
            awaitServing(vs, first, true);
        }
    }

    private static String url(int port) {
        return "http://127.0.0.1:" + port + "/metrics";
    }

    /** Waits until 127.0.0.1:port serves /metrics ({@code on}) or refuses connections. */
    private static void awaitServing(VswitchdProcess vs, int port, boolean on) throws InterruptedException {
        String last = "";
        for (int i = 0; i < 100; i++) {
            try {
                Promtool.get(url(port));
                if (on) {
                    return;
                }
                last = "still serving";
            } catch (IOException e) {
                if (!on) {
                    return;
                }
                last = e.toString();
            }
            Thread.sleep(100);
        }
        throw new AssertionError("127.0.0.1:" + port + (on ? " does not serve /metrics: " : ": ") + last + "\n"
                + vs.log());
    }

    private static void awaitLog(VswitchdProcess vs, String text) throws InterruptedException {
        for (int i = 0; i < 100 && !vs.log().contains(text); i++) {
            Thread.sleep(100);
        }
        assertTrue(vs.log().contains(text), text + " not in\n" + vs.log());
    }

    private static String pmdCore(VswitchdProcess vs) {
        Matcher m = Pattern.compile("pmd thread numa_id \\d+ core_id (\\d+):")
                .matcher(vs.appctlOk("dpif-netdev/pmd-stats-show"));
        assertTrue(m.find());
        return m.group(1);
    }

    private static String awaitStatistics(VswitchdProcess vs, String iface) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(12).toNanos();
        String stats = "";
        while (System.nanoTime() < deadline && stat(stats, "rx_packets") <= 0) {
            Thread.sleep(300);
            stats = vs.vsctlOk("get", "Interface", iface, "statistics").trim();
        }
        assertTrue(stat(stats, "rx_packets") > 0, stats);
        return stats;
    }

    @Test
    void dropsByReasonAndTheOperatorCommands() throws Exception {
        int port = freePort();
        String url = "http://127.0.0.1:" + port + "/metrics";
        byte[] toB = new PacketBuilder().eth(0x0a0000000002L, 0x0a0000000001L).ipv4("10.0.0.1", "10.0.0.2")
                .udp(1000, 2000).payload(18).build();
        byte[] toC = new PacketBuilder().eth(0x0a0000000002L, 0x0a0000000001L).ipv4("10.0.0.1", "10.0.0.3")
                .udp(1000, 2000).payload(18).build();
        byte[] v6 = new PacketBuilder().eth(0x0a0000000002L, 0x0a0000000001L).ipv6("2001:db8::1", "2001:db8::2")
                .udp(1, 2).payload(10).build();
        try (TempRunDir dir = TempRunDir.create()) {
            Path in = dir.resolve("in.pcap");
            Path empty = dir.resolve("empty.pcap");
            Pcap.write(in, List.of(toB, toC, toC, v6, toB, v6));
            Pcap.write(empty, List.of());
            String extra = "--no-pci --vdev net_pcap_min,rx_pcap=" + in + " --vdev net_pcap_mout,rx_pcap=" + empty
                    + ",tx_pcap=" + dir.resolve("out.pcap");
            try (VswitchdProcess vs = VswitchdProcess.start(dir, "--other-config=pmd-maxsleep=100",
                    "--other-config=dpdk-mbufs=16383", "--other-config=pmd-perf-metrics=true",
                    "--other-config=dpdk-extra=" + extra, "--other-config=metrics-address=127.0.0.1:" + port)) {
                vs.appctlOk("dpctl/add-if", "ovs-netdev", "mout,type=dpdk,dpdk-devargs=net_pcap_mout,port_no=2");
                vs.appctlOk("dpctl/add-flow", "in_port(1),eth_type(0x0800),ipv4(dst=10.0.0.2,frag=no)", "2");
                vs.appctlOk("dpctl/add-flow", "in_port(1),eth_type(0x0800),ipv4(dst=10.0.0.3,frag=no)", "drop");
                vs.appctlOk("dpctl/add-if", "ovs-netdev", "min,type=dpdk,dpdk-devargs=net_pcap_min,port_no=1");
                awaitReceived(vs, 6);

                // Two dropped by their flow, two missed with no one to translate them.
                String m = awaitMetric(vs, url, "ovs_datapath_drops_total", "reason", "no_flow", 2);
                assertEquals(2.0, Promtool.sum(m, "ovs_datapath_drops_total", "reason", "action_drop"), m);
                assertEquals(0.0, Promtool.sum(m, "ovs_datapath_drops_total", "reason", "mtu"), m);
                Promtool.check(m);
                String coverage = vs.appctlOk("coverage/show");
                assertTrue(coverage.matches("(?s).*datapath_drop_action_drop .*total: 2\\n.*"), coverage);
                assertTrue(coverage.matches("(?s).*datapath_drop_no_flow .*total: 2\\n.*"), coverage);
                assertEquals(2.0, Promtool.value(m, "ovs_coverage_events_total", "event", "datapath_drop_no_flow"));

                // Operator commands, text and JSON, through the real ovs-appctl.
                String perf = vs.appctlOk("dpif-netdev/pmd-perf-show");
                assertTrue(perf.contains("Histograms\n"), perf);
                assertTrue(perf.contains("cycles/it"), perf);
                assertFalse(vs.appctlOk("dpif-netdev/pmd-perf-show", "-nh").contains("Histograms"));
                JsonNode perfJson = json(vs.appctlOk("dpif-netdev/pmd-perf-show", "--format", "json"));
                JsonNode pmd0 = perfJson.get("pmds").get(0);
                assertEquals(6, pmd0.get("rx_packets").asLong(), perfJson.toString());
                assertEquals(2, pmd0.get("drops").get("action_drop").asLong());
                assertEquals(32, pmd0.get("histograms").get("pkts/batch").get("counts").size());
                JsonNode stats = json(vs.appctlOk("dpif-netdev/pmd-stats-show", "-f", "json"));
                assertEquals(6, stats.get("pmds").get(0).get("packets_received").asLong());
                JsonNode show = json(vs.appctlOk("dpctl/show", "-s", "--format=json"));
                assertEquals("netdev@ovs-netdev", show.get("name").asText());
                assertEquals(2, show.get("ports").size());
                // (the bridge layer's revalidator removes flows of ports no bridge has, so none may be left)
                assertTrue(json(vs.appctlOk("dpctl/dump-flows", "-f", "json")).get("flows").isArray());

                String memory = vs.appctlOk("memory/show");
                assertTrue(memory.matches("(?s).*\\bhandlers:\\d+.*"), memory);
                assertTrue(memory.matches("(?s).*\\brevalidators:\\d+.*"), memory);
                assertTrue(json(vs.appctlOk("memory/show", "-f", "json")).has("handlers"));
                String upcall = vs.appctlOk("upcall/show");
                assertTrue(upcall.startsWith("netdev@ovs-netdev:\n  flows         : (current "), upcall);
                assertTrue(upcall.contains("  ufid enabled : true\n"), upcall);
                JsonNode upcallJson = json(vs.appctlOk("upcall/show", "-f", "json"));
                assertTrue(upcallJson.get("datapaths").get(0).get("upcall_latency").size() > 0);
                JsonNode cov = json(vs.appctlOk("coverage/show", "-f", "json"));
                assertTrue(cov.get("counters").size() > 0);

                String logs = vs.appctlOk("dpdk/log-list");
                assertTrue(logs.contains("lib.eal"), logs);
                vs.appctlOk("dpdk/log-set", "pmd.net.pcap:debug");
                assertTrue(vs.appctlOk("dpdk/log-list").matches("(?s).*pmd\\.net\\.pcap.*, level is debug.*"));
                assertTrue(json(vs.appctlOk("dpdk/log-list", "-f", "json")).get("log_types").size() > 0);
                Cmd.Result badLevel = vs.appctl("dpdk/log-set", "lib.eal:loud");
                assertEquals(2, badLevel.exitCode());
                assertTrue(badLevel.stderr().contains("invalid log level: 'loud'"), badLevel.toString());
                String pool = vs.appctlOk("netdev-dpdk/get-mempool-info", "min");
                assertTrue(pool.startsWith("mempool <"), pool);
                assertTrue(vs.appctl("netdev-dpdk/get-mempool-info", "nosuch").stderr()
                        .contains("Not a DPDK Interface"));
                vs.appctlOk("vlog/set", "dpif_netdev:file:dbg");
                assertTrue(vs.appctlOk("vlog/list").matches("(?s).*dpif_netdev +\\S+ +\\S+ +DBG.*"));
                // Live: unixctl's debug lines appear in the log file from the next request, and stop.
                assertFalse(vs.log().contains("|DBG|received request"), vs.log());
                vs.appctlOk("vlog/set", "unixctl:file:dbg");
                vs.appctlOk("version");
                awaitLog(vs, "|DBG|received request version[]");
                vs.appctlOk("vlog/set", "unixctl:file:info");
                vs.appctlOk("upcall/show");
                Thread.sleep(300);
                assertFalse(vs.log().contains("received request upcall/show"), vs.log());

                String commands = vs.appctlOk("list-commands");
                for (String c : List.of("coverage/show", "memory/show", "upcall/show", "dpif-netdev/pmd-perf-show",
                        "netdev-dpdk/get-mempool-info", "dpdk/log-list", "dpdk/log-set", "vlog/set")) {
                    assertTrue(commands.contains("  " + c), c + " in\n" + commands);
                }
                assertTrue(commands.contains("  dpdk/log-set            [{level | pattern:level}]...\n")
                        || commands.matches("(?s).*\n  dpdk/log-set +\\[\\{level \\| pattern:level}]\\.\\.\\.\n.*"),
                        "with its usage:\n" + commands);
                assertTrue(commands.matches("(?s).*\n  netdev-dpdk/get-mempool-info +\\[netdev]\n.*"), commands);
                JsonNode list = json(vs.appctlOk("list-commands", "-f", "json"));
                assertTrue(list.get("commands").size() > 20);
            }
        }
    }

    private static JsonNode json(String s) throws IOException {
        return JSON.readTree(s);
    }

    private static void awaitReceived(VswitchdProcess vs, int n) throws InterruptedException {
        for (int i = 0; i < 200; i++) {
            if (vs.appctlOk("dpif-netdev/pmd-stats-show").contains("packets received: " + n)) {
                return;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("the PMD did not receive " + n + " packets:\n"
                + vs.appctlOk("dpif-netdev/pmd-stats-show") + vs.log());
    }

    /** Scrapes until the sum of {@code name{label=value}} reaches {@code want} (upcalls are handled off the PMD). */
    private static String awaitMetric(VswitchdProcess vs, String url, String name, String label, String value,
                                      double want) throws Exception {
        String m = "";
        for (int i = 0; i < 100; i++) {
            try {
                m = Promtool.get(url).body();
            } catch (IOException e) {
                m = e + "\n" + vs.log();
            }
            if (Promtool.sum(m, name, label, value) >= want) {
                return m;
            }
            Thread.sleep(100);
        }
        throw new AssertionError(name + "{" + label + "=" + value + "} did not reach " + want + ":\n" + m);
    }
}
