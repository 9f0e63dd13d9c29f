package org.jvswitch.bridge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.jvswitch.testing.Peers;
import org.jvswitch.testing.net.Netns;
import org.jvswitch.testing.vswitchd.SwitchHosts;
import org.jvswitch.testing.vswitchd.VswitchdProcess;

/**
 * other_config:pmd-cpu-mask changed while the switch runs, through the real ovs-vsctl: PMD
 * threads start on new cores and stop on removed ones, the rx queues follow
 * ({@code dpif-netdev/pmd-rxq-show}), traffic keeps flowing, the PMD that stays keeps its
 * megaflows, and a mask with no usable core changes nothing. Uses cores 0 and 1 only.
 */
@Timeout(240)
class PmdCoresTest {

    @BeforeEach
    void integrationOnly() {
        org.junit.jupiter.api.Assumptions.assumeTrue(Peers.integrationMode(),
                "runs the daemon with DPDK and namespaces: -Djvs.it=true (./jvs test)");
        org.junit.jupiter.api.Assumptions.assumeTrue(Runtime.getRuntime().availableProcessors() >= 2,
                "needs cores 0 and 1");
    }

    /** The cores with a PMD thread, from pmd-rxq-show, and how many rx queues each polls. */
    private static List<int[]> pmds(VswitchdProcess vs) {
        String show = vs.appctlOk("dpif-netdev/pmd-rxq-show");
        List<int[]> out = new ArrayList<>();
        for (String block : show.split("(?=pmd thread numa_id)")) {
            Matcher m = Pattern.compile("core_id (\\d+):").matcher(block);
            if (m.find()) {
                out.add(new int[] {Integer.parseInt(m.group(1)), block.split("queue-id:", -1).length - 1});
            }
        }
        return out;
    }

    private static List<Integer> cores(VswitchdProcess vs) {
        return pmds(vs).stream().map(p -> p[0]).toList();
    }

    private static long flowsOnCore(VswitchdProcess vs, int core) {
        String dump = vs.appctlOk("dpctl/dump-flows", "-m");
        int at = dump.indexOf("flow-dump from pmd on cpu core: " + core + "\n");
        return at < 0 ? 0 : dump.substring(at).lines().skip(1).takeWhile(l -> !l.startsWith("flow-dump from"))
                .filter(l -> l.contains("actions:")).count();
    }

    @Test
    void pmdCpuMaskMovesThePmdThreadsWhileTrafficFlows() throws Exception {
        String br = Netns.uniqueName("jpc");
        List<Netns> nss = new ArrayList<>();
        try (VswitchdProcess vs = VswitchdProcess.start("--other-config=pmd-maxsleep=100",
                "--other-config=dpdk-extra=--no-pci", "--other-config=dpdk-mbufs=16383",
                "--other-config=pmd-cpu-mask=0x2")) {
            vs.vsctlOk("add-br", br, "--", "set", "bridge", br, "datapath_type=netdev");
            Netns a = SwitchHosts.host(vs, nss, br, "10.86.0.1/24");
            SwitchHosts.host(vs, nss, br, "10.86.0.2/24");
            SwitchHosts.assertPings(vs, a, "10.86.0.2");
            assertEquals(List.of(1), cores(vs));
            int queues = pmds(vs).getFirst()[1]; // the internal port's and the two system ports'
            assertTrue(queues >= 3, vs.appctlOk("dpif-netdev/pmd-rxq-show"));
            long flowsBefore = flowsOnCore(vs, 1);
            assertTrue(flowsBefore > 0, vs.appctlOk("dpctl/dump-flows", "-m"));

            // A second PMD: it takes rx queues; the first keeps its megaflows.
            vs.vsctlOk("set", "Open_vSwitch", ".", "other_config:pmd-cpu-mask=0x3");
            List<int[]> two = pmds(vs);
            assertEquals(List.of(0, 1), two.stream().map(p -> p[0]).toList());
            assertTrue(two.stream().allMatch(p -> p[1] >= 1), vs.appctlOk("dpif-netdev/pmd-rxq-show"));
            assertTrue(flowsOnCore(vs, 1) > 0, "core 1 kept its flows: " + vs.appctlOk("dpctl/dump-flows", "-m"));
            SwitchHosts.assertPings(vs, a, "10.86.0.2");
            // A rebalance by hand keeps every queue on one of the two PMDs.
            assertEquals("pmd rxq rebalance requested.", vs.appctlOk("dpif-netdev/pmd-rxq-rebalance").trim());
            assertEquals(queues, pmds(vs).stream().mapToInt(p -> p[1]).sum(), vs.appctlOk("dpif-netdev/pmd-rxq-show"));
            SwitchHosts.assertPings(vs, a, "10.86.0.2");
            String stats = vs.appctlOk("dpif-netdev/pmd-stats-show");
            assertTrue(stats.contains("core_id 0:") && stats.contains("core_id 1:"), stats);

            // Back to one PMD, on the other core: every queue moves to it.
            vs.vsctlOk("set", "Open_vSwitch", ".", "other_config:pmd-cpu-mask=0x1");
            List<int[]> one = pmds(vs);
            assertEquals(List.of(0), one.stream().map(p -> p[0]).toList());
            assertEquals(queues, one.getFirst()[1], vs.appctlOk("dpif-netdev/pmd-rxq-show"));
            SwitchHosts.assertPings(vs, a, "10.86.0.2");
            assertFalse(vs.appctlOk("dpif-netdev/pmd-stats-show").contains("core_id 1:"));

            // A mask naming no core this process may use: an error, and the PMDs stay.
            vs.vsctlOk("set", "Open_vSwitch", ".", "other_config:pmd-cpu-mask=0x10000000000");
            assertEquals(List.of(0), cores(vs));
            assertTrue(vs.log().contains("has none of the CPUs this process may run on"), vs.log());
            SwitchHosts.assertPings(vs, a, "10.86.0.2");
            vs.vsctlOk("remove", "Open_vSwitch", ".", "other_config", "pmd-cpu-mask");
            assertEquals(1, cores(vs).size());
            SwitchHosts.assertPings(vs, a, "10.86.0.2");
            assertFalse(vs.log().contains("\tat "), "no stack trace:\n" + vs.log());
        } finally {
            nss.forEach(Netns::close);
        }
    }
}
