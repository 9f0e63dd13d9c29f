package org.jvswitch.tnl;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.jvswitch.testing.Cmd;
import org.jvswitch.testing.Peers;

/**
 * Geneve options carried end to end between two jvswitch hosts ({@link TwoHosts}): both map
 * {@code {class=0xffff,type=0,len=4}} to tun_metadata0 with the real ovs-ofctl add-tlv-map; host 1
 * sets tun_metadata0=0x1234 on what its guest sends into the Geneve port, host 2 lets only
 * tun_metadata0=0x1234 through to its guest. The ping goes through and tcpdump -vv on the underlay
 * shows the option (class 0xffff, type 0, 4 bytes of data, 8 with its header: data 00001234); with
 * 0x5678 set instead, the option still goes out but host 2 hands it to the controller (ovs-ofctl
 * monitor: a packet-in whose match has tun_metadata0=0x5678) and the ping fails. A rule matching
 * tun_metadata0 that expires is reported with the field in its flow-removed match.
 */
@Timeout(90)
class GeneveMetadataTest {
    private static final String BR = TwoHosts.TUNNEL_BRIDGE;
    /** The guest's port and the Geneve port's OpenFlow numbers. */
    private static final int GUEST = 1;
    private static final int GENEVE = 10;
    /** tcpdump -vv's text for the option, less its data. */
    private static final String OPTION = "options \\[class \\w+ \\(0xffff\\) type 0x0 len 8 data ";

    @BeforeEach
    void integrationOnly() {
        org.junit.jupiter.api.Assumptions.assumeTrue(Peers.integrationMode(),
                "runs two daemons with DPDK in namespaces: -Djvs.it=true (./jvs test)");
        Peers.require("tcpdump");
    }

    @Test
    void tunMetadataGatesTheGeneveTunnel() throws Exception {
        try (TwoHosts net = new TwoHosts(TunnelTwoHostTest::jvswitch, TunnelTwoHostTest::jvswitch)) {
            for (int i = 0; i < 2; i++) {
                TwoHosts.Host h = net.switches[i];
                h.vsctlOk("add-port", BR, "tgm", "--", "set", "interface", "tgm", "type=geneve",
                        "options:remote_ip=" + TwoHosts.underlayIp(1 - i), "ofport_request=" + GENEVE, "--", "set",
                        "interface", "gp", "ofport_request=" + GUEST);
                h.ofctlOk("add-tlv-map", BR, "{class=0xffff,type=0,len=4}->tun_metadata0");
                String map = h.ofctlOk("dump-tlv-map", BR);
                assertTrue(map.matches("(?s).*0xffff\\s+0\\s+4\\s+tun_metadata0.*"), map);
            }
            TwoHosts.Host a = net.switches[0];
            TwoHosts.Host b = net.switches[1];
            a.ofctlOk("add-flow", BR, "priority=100,in_port=" + GUEST
                    + ",actions=set_field:0x1234->tun_metadata0,output:" + GENEVE);
            a.ofctlOk("add-flow", BR, "priority=100,in_port=" + GENEVE + ",actions=output:" + GUEST);
            b.ofctlOk("add-flow", BR, "priority=100,in_port=" + GENEVE + ",tun_metadata0=0x1234,actions=output:"
                    + GUEST);
            // The rest goes to the controller: ovs-ofctl monitor sees tun_metadata0 in the packet-in's match.
            b.ofctlOk("add-flow", BR, "priority=90,in_port=" + GENEVE + ",actions=controller");
            b.ofctlOk("add-flow", BR, "priority=100,in_port=" + GUEST + ",actions=output:" + GENEVE);
            String flows = b.ofctlOk("dump-flows", BR);
            assertTrue(flows.matches("(?s).*tun_metadata0=0x1234.*actions=output:" + GUEST + ".*"), flows);

            // tcpdump -vv: "10.10.10.1.57081 > 10.10.10.2.6081: [no cksum] Geneve, Flags [none], vni 0x0,
            // options [class Experimental (0xffff) type 0x0 len 8 data 00001234]" (len: with the option header)
            String cap = net.pingBothWays("udp port 6081", 20, "-vv");
            TwoHosts.assertCaptured(cap, "10\\.10\\.10\\.1\\.\\d+ > 10\\.10\\.10\\.2\\.6081: .*Geneve.*"
                    + OPTION + "00001234\\]", 2);
            // The way back sets no option.
            TwoHosts.assertCaptured(cap, "10\\.10\\.10\\.2\\.\\d+ > 10\\.10\\.10\\.1\\.6081: .*Geneve.*vni 0x0$", 2);

            a.ofctlOk("mod-flows", BR, "in_port=" + GUEST + ",actions=set_field:0x5678->tun_metadata0,output:"
                    + GENEVE);
            Path mon = Files.createTempFile("gnv-mon", ".txt");
            ProcessBuilder monitor = new ProcessBuilder("ovs-ofctl", "-O", "OpenFlow13", "monitor", BR, "65535")
                    .redirectErrorStream(true).redirectOutput(mon.toFile());
            monitor.environment().putAll(b.env());
            Process m = monitor.start();
            String wrong;
            String packetIns;
            try {
                Thread.sleep(500);
                // A rule matching tun_metadata0 that expires: its flow-removed (sent by the expiry,
                // not in answer to a request) carries the field too.
                b.ofctlOk("add-flow", BR, "priority=50,in_port=" + GENEVE
                        + ",tun_metadata0=0x9999,hard_timeout=1,send_flow_rem,actions=drop");
                wrong = pingFailsCapturing(net);
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
                while (!Files.readString(mon).contains("OFPT_FLOW_REMOVED") && System.nanoTime() < deadline) {
                    Thread.sleep(100);
                }
            } finally {
                m.destroy();
                m.waitFor(5, TimeUnit.SECONDS);
                m.destroyForcibly();
                packetIns = Files.readString(mon);
                Files.deleteIfExists(mon);
            }
            // "OFPT_PACKET_IN (OF1.3) (xid=0x0): table_id=0 cookie=0x0 total_len=98 tun_metadata0=0x5678,in_port=10 ..."
            assertTrue(packetIns.matches("(?s).*OFPT_PACKET_IN.*tun_metadata0=0x5678.*in_port=" + GENEVE + ".*"),
                    packetIns);
            // "OFPT_FLOW_REMOVED (OF1.3) (xid=0x0): priority=50,tun_metadata0=0x9999,in_port=10 reason=hard ..."
            assertTrue(packetIns.matches("(?s).*OFPT_FLOW_REMOVED.*priority=50,.*tun_metadata0=0x9999.*reason=hard.*"),
                    packetIns);
            TwoHosts.assertCaptured(wrong, OPTION + "00005678\\]", 1);
            assertFalse(wrong.contains("data 00001234"), wrong);
            String dropped = b.ofctlOk("dump-flows", BR, "in_port=" + GENEVE);
            assertTrue(dropped.matches("(?s).*n_packets=[1-9]\\d*,.*priority=90,.*actions=CONTROLLER.*"), dropped);

            // And back: the ping goes through again.
            a.ofctlOk("mod-flows", BR, "in_port=" + GUEST + ",actions=set_field:0x1234->tun_metadata0,output:"
                    + GENEVE);
            net.assertPings(net.guests[0], TwoHosts.guestIp(1), 10);
        }
    }

    /** Pings guest 1 to guest 2 (3 requests), which must fail; returns tcpdump -vv on host 2's underlay end. */
    private static String pingFailsCapturing(TwoHosts net) throws Exception {
        Path out = Files.createTempFile("gnv-cap", ".txt");
        Process cap = new ProcessBuilder("ip", "netns", "exec", net.hosts[1].name(), "tcpdump", "-nn", "-l", "-vv",
                "-i", "ul", "udp port 6081").redirectErrorStream(true).redirectOutput(out.toFile()).start();
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (!Files.readString(out).contains("listening on") && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            Cmd.Result r = Cmd.run(Duration.ofSeconds(10), Map.of(), "ip", "netns", "exec", net.guests[0].name(),
                    "ping", "-c", "3", "-i", "0.3", "-W", "1", TwoHosts.guestIp(1));
            assertFalse(r.ok(), () -> "ping got through with tun_metadata0=0x5678: " + r + "\n" + net.diagnostics());
            Thread.sleep(300);
        } finally {
            cap.destroy();
            cap.waitFor(5, TimeUnit.SECONDS);
            cap.destroyForcibly();
        }
        String text = Files.readString(out);
        Files.deleteIfExists(out);
        return text;
    }
}
