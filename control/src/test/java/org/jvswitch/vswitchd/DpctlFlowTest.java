package org.jvswitch.vswitchd;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.jvswitch.testing.Cmd;
import org.jvswitch.testing.Peers;
import org.jvswitch.testing.TempRunDir;
import org.jvswitch.testing.dataplane.Checksums;
import org.jvswitch.testing.dataplane.PacketBuilder;
import org.jvswitch.testing.dpdk.Pcap;
import org.jvswitch.testing.vswitchd.VswitchdProcess;

/**
 * The datapath programmed with the real ovs-appctl in OVS's datapath flow syntax: a pcap goes in
 * on port 1, and what the flows did comes out in port 2's pcap.
 */
@Timeout(180)
class DpctlFlowTest {
    private static final long MAC_A = 0x0a0000000001L;
    private static final long MAC_B = 0x0a0000000002L;

    @BeforeEach
    void integrationOnly() {
        org.junit.jupiter.api.Assumptions.assumeTrue(Peers.integrationMode(),
                "runs the daemon with DPDK: -Djvs.it=true (./jvs test)");
    }

    @Test
    void flowsAddedWithOvsAppctlShapeTheOutputPcap() throws Exception {
        byte[] toB = new PacketBuilder().eth(MAC_B, MAC_A).ipv4("10.0.0.1", "10.0.0.2").ttl(64).udp(1000, 2000)
                .payload(18).build();
        byte[] toC = new PacketBuilder().eth(MAC_B, MAC_A).ipv4("10.0.0.1", "10.0.0.3").udp(1000, 2000).payload(18)
                .build();
        byte[] taggedToB = new PacketBuilder().eth(MAC_B, MAC_A).vlan(0x8100, 7).ipv4("10.0.0.1", "10.0.0.2")
                .udp(1000, 2000).payload(18).build();
        byte[] v6 = new PacketBuilder().eth(MAC_B, MAC_A).ipv6("2001:db8::1", "2001:db8::2").udp(1, 2).payload(10)
                .build();
        try (TempRunDir dir = TempRunDir.create()) {
            Path in = dir.resolve("in.pcap");
            Path empty = dir.resolve("empty.pcap");
            Path out = dir.resolve("out.pcap");
            Pcap.write(in, List.of(toB, toC, taggedToB, v6, toB));
            Pcap.write(empty, List.of());
            String extra = "--no-pci --vdev net_pcap_in,rx_pcap=" + in + " --vdev net_pcap_out,rx_pcap=" + empty
                    + ",tx_pcap=" + out;
            try (VswitchdProcess vs = VswitchdProcess.start(dir, "--other-config=pmd-maxsleep=100",
                    "--other-config=dpdk-extra=" + extra)) {
                vs.appctlOk("dpctl/add-if", "ovs-netdev", "p2,type=dpdk,dpdk-devargs=net_pcap_out,port_no=2");
                vs.appctlOk("dpctl/add-flow", "ovs-netdev", "in_port(1),eth_type(0x0800),ipv4(dst=10.0.0.2,frag=no)",
                        "set(ipv4(ttl=9)),2");
                vs.appctlOk("dpctl/add-flow", "in_port(1),eth_type(0x86dd)", "push_vlan(vid=5,pcp=0),2");
                Cmd.Result dup = vs.appctl("dpctl/add-flow", "in_port(1),eth_type(0x86dd)", "2");
                assertEquals(2, dup.exitCode());
                assertTrue(dup.stderr().startsWith("updating flow table (File exists"), dup.stderr());
                Cmd.Result bad = vs.appctl("dpctl/add-flow", "in_port(1),ipv4(src=1.2.3)", "2");
                assertTrue(bad.stderr().startsWith("parsing flow key (syntax error"), bad.stderr());
                Cmd.Result badActions = vs.appctl("dpctl/add-flow", "in_port(1)", "frobnicate(1)");
                assertTrue(badActions.stderr().startsWith("parsing actions ("), badActions.stderr());

                vs.appctlOk("dpctl/add-if", "ovs-netdev", "p1,type=dpdk,dpdk-devargs=net_pcap_in,port_no=1");
                awaitPackets(vs, 5);
                String dump = vs.appctlOk("dpctl/dump-flows");
                assertTrue(dump.contains("flow-dump from pmd on cpu core: "), dump);
                assertTrue(dump.contains("ipv4(dst=10.0.0.2,frag=no), packets:2, bytes:"), dump);
                assertTrue(dump.contains("actions:set(ipv4(ttl=9)),2"), dump);
                assertTrue(dump.contains("eth_type(0x86dd), packets:1, bytes:"), dump);
                String stats = vs.appctlOk("dpif-netdev/pmd-stats-show");
                assertTrue(stats.contains("packets received: 5"), stats);
                assertTrue(stats.contains("miss with failed upcall: 2"), "no one translates misses yet\n" + stats);
                String show = vs.appctlOk("dpctl/show");
                assertTrue(show.contains("lookups: hit:3 missed:2 lost:0"), show);
                vs.appctlOk("dpctl/del-if", "ovs-netdev", "p2");
            }
            List<byte[]> sent = Pcap.read(out);
            assertEquals(3, sent.size(), "two IPv4 to 10.0.0.2 untagged and the IPv6 one");
            // One burst: packets are grouped by flow, the batch of the first packet's flow first.
            byte[] b0 = sent.get(0);
            assertEquals(9, b0[22] & 0xff, "ttl set");
            assertTrue(Checksums.ipv4HeaderOk(b0, 14));
            byte[] expected = toB.clone();
            expected[22] = 9;
            ByteBuffer.wrap(expected).putShort(24, ByteBuffer.wrap(b0).getShort(24));
            assertArrayEquals(expected, b0);
            assertArrayEquals(expected, sent.get(1));
            byte[] tagged = sent.get(2);
            assertEquals(0x8100, ByteBuffer.wrap(tagged).getShort(12) & 0xffff);
            assertEquals(5, ByteBuffer.wrap(tagged).getShort(14) & 0x0fff);
            assertEquals(v6.length + 4, tagged.length);
        }
    }

    @Test
    void modifyDeleteAndFlush() throws Exception {
        try (VswitchdProcess vs = VswitchdProcess.start("--other-config=pmd-maxsleep=100",
                "--other-config=dpdk-extra=--no-pci")) {
            vs.appctlOk("dpctl/add-flow", "in_port(1),eth(),eth_type(0x0800)", "2");
            vs.appctlOk("dpctl/mod-flow", "in_port(1),eth(),eth_type(0x0800)", "3,4");
            assertTrue(vs.appctlOk("dpctl/dump-flows").contains("actions:3,4"));
            Cmd.Result missing = vs.appctl("dpctl/mod-flow", "in_port(9)", "1");
            assertTrue(missing.stderr().startsWith("updating flow table (No such file or directory"),
                    missing.stderr());
            vs.appctlOk("dpctl/mod-flow", "--may-create", "in_port(9)", "1");
            assertTrue(vs.appctlOk("dpctl/show").contains("flows: 4"), "two flows in the PMD and the main thread");
            String verbose = vs.appctlOk("dpctl/dump-flows", "-m");
            String ufid = verbose.lines().filter(l -> l.contains("in_port(9)") || l.contains("in_port(9"))
                    .findFirst().orElseThrow().split(",")[0];
            assertTrue(ufid.startsWith("ufid:"), verbose);
            assertTrue(vs.appctlOk("dpctl/get-flow", ufid).contains("actions:1"));
            vs.appctlOk("dpctl/del-flow", ufid);
            assertEquals(2, vs.appctl("dpctl/del-flow", ufid).exitCode());
            vs.appctlOk("dpctl/del-flow", "in_port(1),eth(),eth_type(0x0800)");
            vs.appctlOk("dpctl/add-flow", "in_port(2)", "drop");
            vs.appctlOk("dpctl/del-flows");
            assertTrue(vs.appctlOk("dpctl/show").contains("flows: 0"));
        }
    }

    private static void awaitPackets(VswitchdProcess vs, int n) throws InterruptedException {
        for (int i = 0; i < 200; i++) {
            if (vs.appctlOk("dpif-netdev/pmd-stats-show").contains("packets received: " + n)) {
                return;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("the PMD did not receive " + n + " packets:\n" + vs.appctlOk(
                "dpif-netdev/pmd-stats-show") + vs.log());
    }
}
