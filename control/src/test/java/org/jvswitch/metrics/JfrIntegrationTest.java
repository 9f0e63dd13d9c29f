package org.jvswitch.metrics;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
import org.jvswitch.testing.vswitchd.VswitchdProcess;

/**
 * What an operator gets from {@code jcmd <pid> JFR.start} on a running switch: a recording with
 * the switch's own events (upcalls, revalidation passes, PMD overruns), read back with
 * {@code jfr print --events}, the JDK's tools, as a person would.
 */
@Timeout(180)
class JfrIntegrationTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @BeforeEach
    void integrationOnly() {
        org.junit.jupiter.api.Assumptions.assumeTrue(Peers.integrationMode(),
                "runs the daemon with DPDK: -Djvs.it=true (./jvs test)");
    }

    /** The JDK tool next to the java running the tests (and the switch): jcmd, jfr. */
    private static String jdkTool(String name) {
        return Path.of(System.getProperty("java.home"), "bin", name).toString();
    }

    private static Cmd.Result tool(String... argv) {
        Cmd.Result r = Cmd.run(Duration.ofSeconds(60), Map.of(), argv);
        assertTrue(r.ok(), r.toString());
        return r;
    }

    @Test
    void jcmdRecordingHasUpcallRevalidationAndOverrunEvents() throws Exception {
        List<byte[]> frames = new ArrayList<>();
        for (int i = 0; i < 20; i++) {  // 20 distinct flows: 20 misses, 20 upcalls
            frames.add(new PacketBuilder().eth(0x0a0000000002L, 0x0a0000000001L)
                    .ipv4("10.0.0.1", "10.0.1." + (i + 1)).udp(1000 + i, 2000).payload(18).build());
        }
        try (TempRunDir dir = TempRunDir.create()) {
            Path in = dir.resolve("in.pcap");
            Pcap.write(in, frames);
            String extra = "--no-pci --vdev net_pcap_jin,rx_pcap=" + in + ",tx_pcap=" + dir.resolve("out.pcap");
            Path jfrFile = dir.resolve("ovs.jfr");
            try (VswitchdProcess vs = VswitchdProcess.start(dir, "--other-config=pmd-maxsleep=100",
                    "--other-config=dpdk-mbufs=16383", "--other-config=dpdk-extra=" + extra,
                    "--other-config=metrics-address=")) {
                String pid = Long.toString(vs.pid());
                long overrunsBeforeStart = overruns(vs);
                String started = tool(jdkTool("jcmd"), pid, "JFR.start", "name=ovs", "settings=profile").stdout();
                assertTrue(started.contains("Started recording"), started);
                long overrunsBefore = overruns(vs);

                // A bridge whose NORMAL flow sends each new flow up: upcalls the handlers install.
                vs.vsctlOk("add-br", "brjfr", "--", "set", "bridge", "brjfr", "datapath_type=netdev");
                vs.vsctlOk("add-port", "brjfr", "jin", "--", "set", "Interface", "jin", "type=dpdk",
                        "options:dpdk-devargs=net_pcap_jin");
                awaitUpcalls(vs, frames.size());
                Thread.sleep(1500);  // the revalidator passes every 500 ms
                long overrunsBeforeDump = overruns(vs);

                String dumped = tool(jdkTool("jcmd"), pid, "JFR.dump", "name=ovs", "filename=" + jfrFile).stdout();
                assertTrue(Files.size(jfrFile) > 0, dumped);
                long handled = upcallsHandled(vs);
                long overrunsAfterDump = overruns(vs);
                tool(jdkTool("jcmd"), pid, "JFR.stop", "name=ovs");

                String upcalls = tool(jdkTool("jfr"), "print", "--events", "org.jvswitch.Upcall",
                        jfrFile.toString()).stdout();
                // One event per upcall handled while recording (the pcap's, and the bridge's own port's).
                long events = count(upcalls, "org.jvswitch.Upcall");
                assertTrue(frames.size() <= events && events <= handled, events + " events, " + handled
                        + " upcalls handled:\n" + upcalls);
                assertTrue(upcalls.contains("type = \"miss\""), upcalls);
                assertTrue(upcalls.matches("(?s).*outcome = \"(installed|failed)\".*"), upcalls);

                String passes = tool(jdkTool("jfr"), "print", "--events", "org.jvswitch.Revalidation",
                        jfrFile.toString()).stdout();
                assertTrue(count(passes, "org.jvswitch.Revalidation") >= 2, passes);
                Matcher flows = Pattern.compile("flows = (\\d+)").matcher(passes);
                long most = 0;
                while (flows.find()) {
                    most = Math.max(most, Long.parseLong(flows.group(1)));
                }
                assertTrue(most >= 1, "a pass looked at the installed flows:\n" + passes);

                // Every iteration the PMD counted as an overrun while recording is an event (the
                // counters are read just inside and just outside the recording's start and dump).
                String overrunEvents = tool(jdkTool("jfr"), "print", "--events", "org.jvswitch.PmdOverrun",
                        jfrFile.toString()).stdout();
                long overrunCount = count(overrunEvents, "org.jvswitch.PmdOverrun");
                assertTrue(overrunsBeforeDump - overrunsBefore <= overrunCount
                        && overrunCount <= overrunsAfterDump - overrunsBeforeStart, overrunsBeforeStart + " "
                        + overrunsBefore + " " + overrunsBeforeDump + " " + overrunsAfterDump + ": " + overrunCount
                        + "\n" + overrunEvents);
                if (overrunCount > 0) {
                    assertTrue(overrunEvents.contains("eventThread = \"pmd-c"), overrunEvents);
                }

                // The summary an operator looks at first names the switch's events.
                String summary = tool(jdkTool("jfr"), "summary", jfrFile.toString()).stdout();
                assertTrue(summary.contains("org.jvswitch.Upcall"), summary);
                assertTrue(summary.contains("org.jvswitch.Revalidation"), summary);
                vs.vsctlOk("del-br", "brjfr");
            }
        }
    }

    private static long count(String printed, String event) {
        return Pattern.compile("^" + Pattern.quote(event) + " \\{", Pattern.MULTILINE).matcher(printed).results()
                .count();
    }

    /** The switch's PMD overruns so far (pmd-perf-show's JSON, summed over PMDs). */
    private static long overruns(VswitchdProcess vs) throws Exception {
        JsonNode perf = JSON.readTree(vs.appctlOk("dpif-netdev/pmd-perf-show", "-f", "json"));
        long n = 0;
        for (JsonNode p : perf.get("pmds")) {
            n += p.get("overruns").asLong();
        }
        return n;
    }

    /**
     * Upcalls handled so far, successful or not (pmd-stats-show). The pcap's packets may arrive
     * before the bridge has numbered the port, and then fail translation: an upcall all the same.
     */
    private static long upcallsHandled(VswitchdProcess vs) {
        String show = vs.appctlOk("dpif-netdev/pmd-stats-show");
        Matcher m = Pattern.compile("miss with (success|failed) upcall: (\\d+)").matcher(show);
        long n = 0;
        while (m.find()) {
            n += Long.parseLong(m.group(2));
        }
        return n;
    }

    private static void awaitUpcalls(VswitchdProcess vs, int n) throws InterruptedException {
        for (int i = 0; i < 200; i++) {
            if (upcallsHandled(vs) >= n) {
                return;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("not " + n + " upcalls handled:\n" + vs.appctlOk("dpif-netdev/pmd-stats-show")
                + vs.log());
    }
}
