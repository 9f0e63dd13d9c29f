package org.jvswitch.openflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.jvswitch.testing.vswitchd.SwitchHosts.assertNoPing;
import static org.jvswitch.testing.vswitchd.SwitchHosts.assertPings;
import static org.jvswitch.testing.vswitchd.SwitchHosts.host;
import static org.jvswitch.testing.vswitchd.SwitchHosts.portOf;

import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.jvswitch.testing.Cmd;
import org.jvswitch.testing.Peers;
import org.jvswitch.testing.net.Netns;
import org.jvswitch.testing.vswitchd.VswitchdProcess;

/**
 * The running switch driven by the real ovs-ofctl on {@code <rundir>/<bridge>.mgmt}, with no -O
 * (OpenFlow 1.0 and Nicira extensions), -O OpenFlow13 and -O OpenFlow15, and the packets between
 * two namespaces (veth system ports) going where the flows say: the standalone NORMAL flow, a
 * secure bridge that forwards nothing until flows are added (one by one and from a file),
 * modified, deleted; a group; a meter; packet-out; flow and port counters from the datapath;
 * {@code bridge/dump-flows} and {@code ofproto/trace} through the real ovs-appctl.
 */
@Timeout(300)
class OpenFlowDaemonTest {
    static final String[] QUIET = {"--other-config=pmd-maxsleep=100", "--other-config=dpdk-extra=--no-pci",
        "--other-config=dpdk-mbufs=16383"};

    @BeforeEach
    void integrationOnly() {
        org.junit.jupiter.api.Assumptions.assumeTrue(Peers.integrationMode(),
                "runs the daemon with DPDK and namespaces: -Djvs.it=true (./jvs test)");
    }

    static Cmd.Result ofctl(VswitchdProcess vs, String... args) {
        List<String> argv = new ArrayList<>(List.of(Peers.require("ovs-ofctl").toString(), "--timeout=20"));
        argv.addAll(List.of(args));
        return Cmd.run(Duration.ofSeconds(30), vs.env(), argv.toArray(String[]::new));
    }

    static String ofctlOk(VswitchdProcess vs, String... args) {
        Cmd.Result r = ofctl(vs, args);
        if (!r.ok()) {
            throw new AssertionError("ovs-ofctl " + String.join(" ", args) + ": " + r + "\n" + vs.log());
        }
        return r.stdout();
    }

    static long counter(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        assertTrue(m.find(), regex + " in\n" + text);
        return Long.parseLong(m.group(1));
    }

    @Test
    void ovsOfctlProgramsTheRunningSwitch() throws Exception {
        String br = Netns.uniqueName("jvo");
        List<Netns> nss = new ArrayList<>();
        try (VswitchdProcess vs = VswitchdProcess.start(QUIET)) {
            vs.vsctlOk("add-br", br, "--", "set", "bridge", br, "datapath_type=netdev",
                    "protocols=OpenFlow10,OpenFlow13,OpenFlow15");
            Netns n1 = host(vs, nss, br, "10.83.0.1/24");
            Netns n2 = host(vs, nss, br, "10.83.0.2/24");
            assertTrue(Files.exists(vs.dir().resolve(br + ".mgmt")), "the management socket");
            String p1 = vs.vsctlOk("get", "Interface", portOf(n1), "ofport").trim();
            String p2 = vs.vsctlOk("get", "Interface", portOf(n2), "ofport").trim();

            // show in every version, by bridge name and by the socket's path.
            String show = ofctlOk(vs, "show", br);
            assertTrue(show.startsWith("OFPT_FEATURES_REPLY (xid=0x2): dpid:"), show);
            assertTrue(show.contains(" " + p1 + "(" + portOf(n1) + "): addr:"), show);
            assertTrue(show.contains(" LOCAL(" + br + "): addr:"), show);
            assertTrue(ofctlOk(vs, "-O", "OpenFlow13", "show", "unix:" + vs.dir().resolve(br + ".mgmt"))
                    .startsWith("OFPT_FEATURES_REPLY (OF1.3)"));
            assertTrue(ofctlOk(vs, "-O", "OpenFlow15", "show", br).startsWith("OFPT_FEATURES_REPLY (OF1.5)"));

            // Standalone without controllers: NORMAL (exactly one such flow), and it forwards.
            String flows = ofctlOk(vs, "dump-flows", br);
            assertEquals(1, flows.lines().filter(l -> l.contains("actions=NORMAL")).count(), flows);
            assertTrue(flows.contains("priority=0 actions=NORMAL"), flows);
            assertPings(vs, n1, "10.83.0.2");
            String bdf = vs.appctlOk("bridge/dump-flows", br);
            assertTrue(bdf.matches("(?s)duration=\\d+s, n_packets=\\d+, n_bytes=\\d+, priority=0,actions=NORMAL\\n"),
                    bdf);
            assertTrue(counter(bdf, "n_packets=(\\d+)") > 0, "NORMAL's counters come from the datapath: " + bdf);

            // Secure: the flows go, and nothing is forwarded.
            vs.vsctlOk("set-fail-mode", br, "secure");
            assertFalse(ofctlOk(vs, "-O", "OpenFlow13", "dump-flows", br).contains("actions="), "flushed");
            assertNoPing(n1, "10.83.0.2");

            // add-flows from a file (no -O: Nicira extensions), then add-flow with -O OpenFlow13.
            Path file = vs.dir().resolve("flows.txt");
            Files.writeString(file, "# both ways\npriority=10,in_port=" + p1 + ",actions=output:" + p2 + "\n"
                    + "priority=10,in_port=" + p2 + ",actions=output:" + p1 + "\n");
            ofctlOk(vs, "add-flows", br, file.toString());
            assertPings(vs, n1, "10.83.0.2");
            ofctlOk(vs, "-O", "OpenFlow13", "add-flow", br, "priority=20,icmp,in_port=" + p1 + ",actions=drop");
            assertNoPing(n1, "10.83.0.2");
            // Flow counters follow the datapath's (the revalidator pushes them about twice a second).
            String dump13 = "";
            for (int i = 0; i < 30 && !dump13.contains("n_packets=2,"); i++) {
                Thread.sleep(100);
                dump13 = ofctlOk(vs, "-O", "OpenFlow13", "dump-flows", br, "icmp");
            }
            assertEquals(2, counter(dump13, "n_packets=(\\d+)"), "the drop flow counted the pings: " + dump13);
            // mod-flows with OpenFlow 1.5: the icmp flow forwards again.
            ofctlOk(vs, "-O", "OpenFlow15", "mod-flows", br, "icmp,in_port=" + p1 + ",actions=output:" + p2);
            assertPings(vs, n1, "10.83.0.2");
            assertTrue(ofctlOk(vs, "-O", "OpenFlow15", "dump-flows", br, "icmp").contains("actions=output:" + p2));
            assertTrue(ofctlOk(vs, "dump-aggregate", br).contains("flow_count=3"));
            // del-flows (strict, OpenFlow 1.3): back to the two port flows.
            ofctlOk(vs, "-O", "OpenFlow13", "--strict", "del-flows", br, "priority=20,icmp,in_port=" + p1);
            assertTrue(ofctlOk(vs, "-O", "OpenFlow15", "dump-aggregate", br).contains("flow_count=2"));
            assertPings(vs, n1, "10.83.0.2");

            // ofproto/trace through ovs-appctl: the table's answer and the datapath port.
            String dp = vs.appctlOk("dpctl/show");
            long odp2 = counter(dp, "port (\\d+): " + portOf(n2));
            String trace = vs.appctlOk("ofproto/trace", br, "in_port=" + p1 + ",icmp,nw_src=10.83.0.1,nw_dst=10.83.0.2");
            assertTrue(trace.contains(" 0. in_port=" + p1 + ", priority 10"), trace);
            assertTrue(trace.contains("Datapath actions: " + odp2 + "\n"), trace);
            assertTrue(trace.contains("Megaflow: "), trace);

            // Port counters.
            String ports = ofctlOk(vs, "-O", "OpenFlow13", "dump-ports", br, p1);
            assertTrue(counter(ports, "rx pkts=(\\d+)") >= 4, ports);
            assertTrue(ofctlOk(vs, "-O", "OpenFlow15", "dump-ports-desc", br).contains(" " + p2 + "(" + portOf(n2)
                    + "): addr:"));
            String tables = ofctlOk(vs, "dump-tables", br);
            assertTrue(tables.startsWith("OFPST_TABLE reply") && tables.contains("  table 0"), tables);
            assertTrue(counter(tables, "active=(\\d+)") == 2, tables);

            // A group: n1's traffic goes through it.
            ofctlOk(vs, "-O", "OpenFlow13", "add-group", br, "group_id=7,type=all,bucket=output:" + p2);
            ofctlOk(vs, "-O", "OpenFlow13", "mod-flows", br, "in_port=" + p1 + ",actions=group:7");
            assertPings(vs, n1, "10.83.0.2");
            String gstats = "";
            for (int i = 0; i < 30 && !gstats.matches("(?s).*group_id=7,.*?packet_count=[1-9].*"); i++) {
                Thread.sleep(100);
                gstats = ofctlOk(vs, "-O", "OpenFlow13", "dump-group-stats", br);
            }
            assertTrue(counter(gstats, "group_id=7,.*?packet_count=(\\d+)") >= 2, gstats);
            assertTrue(ofctlOk(vs, "-O", "OpenFlow15", "dump-groups", br).contains("group_id=7,type=all"));
            ofctlOk(vs, "-O", "OpenFlow13", "del-groups", br, "group_id=7");
            assertNoPing(n1, "10.83.0.2");  // deleting the group deleted its flow
            ofctlOk(vs, "add-flow", br, "priority=10,in_port=" + p1 + ",actions=output:" + p2);

            // A meter of one packet a second drops most of a quick burst of pings.
            ofctlOk(vs, "-O", "OpenFlow13", "add-meter", br, "meter=1,pktps,band=type=drop,rate=1");
            ofctlOk(vs, "-O", "OpenFlow13", "add-flow", br, "priority=30,icmp,in_port=" + p1
                    + ",actions=meter:1,output:" + p2);
            vs.appctlOk("revalidator/wait");  // the megaflow of the old rule (no meter) is gone
            Cmd.Result burst = n1.tryExec(Duration.ofSeconds(30), "ping", "-c", "10", "-i", "0.05", "-W", "1",
                    "10.83.0.2");
            long received = counter(burst.stdout(), "(\\d+) received");
            assertTrue(received >= 1 && received <= 5, burst.stdout());
            assertTrue(ofctlOk(vs, "-O", "OpenFlow13", "dump-meters", br).contains("meter=1 pktps bands="));
            String mstats = ofctlOk(vs, "-O", "OpenFlow13", "meter-stats", br);
            assertTrue(counter(mstats, "meter:1 .*?packet_in_count:(\\d+)") >= 10, mstats);

            // packet-out: a frame for n2 arrives on its interface.
            String mac2 = n2.exec("cat", "/sys/class/net/eth0/address").stdout().trim().replace(":", "");
            long before = Long.parseLong(n2.exec("cat", "/sys/class/net/eth0/statistics/rx_packets").stdout().trim());
            String frame = mac2 + "0a0000000001" + "0800" + "4500001c00010000401100000a5300010a530002"
                    + "303930390008" + "0000";
            for (String v : List.of("OpenFlow10", "OpenFlow13", "OpenFlow15")) {
                ofctlOk(vs, "-O", v, "packet-out", br, "in_port=" + p1 + " packet=" + frame + " actions=output:" + p2);
            }
            long after = before;
            for (int i = 0; i < 20 && after < before + 3; i++) {
                Thread.sleep(100);
                after = Long.parseLong(n2.exec("cat", "/sys/class/net/eth0/statistics/rx_packets").stdout().trim());
            }
            assertTrue(after >= before + 3, "packet-outs reached n2: " + before + " -> " + after);

            // The switch is still well; revalidator/purge empties the datapath, traffic refills it.
            assertPings(vs, n2, "10.83.0.1");
            String live = vs.appctlOk("dpctl/dump-flows");
            vs.appctlOk("revalidator/purge");
            String purged = vs.appctlOk("dpctl/dump-flows");  // a stray IPv6 frame may have refilled one
            assertTrue(live.lines().count() >= 2 && purged.lines().count() < live.lines().count(), live + "--\n" + purged);
            assertPings(vs, n2, "10.83.0.1");
            assertFalse(vs.log().contains("Exception"), vs.log());
        } finally {
            nss.forEach(Netns::close);
        }
    }

    @Test
    void badInputGetsErrorsAndTheSwitchKeepsForwarding() throws Exception {
        String br = Netns.uniqueName("jvb");
        List<Netns> nss = new ArrayList<>();
        try (VswitchdProcess vs = VswitchdProcess.start(QUIET)) {
            vs.vsctlOk("add-br", br, "--", "set", "bridge", br, "datapath_type=netdev");
            Netns n1 = host(vs, nss, br, "10.84.0.1/24");
            host(vs, nss, br, "10.84.0.2/24");
            assertPings(vs, n1, "10.84.0.2");
            try (RawOfClient c = RawOfClient.unix(vs.dir().resolve(br + ".mgmt"))) {
                assertEquals(0, c.receive(3000)[1], "hello");
                c.send(BadInputTest.hex("04000000 00000001"));
                // Truncated: a flow-mod of 12 bytes.
                BadInputTest.expectError(c, "040e0000 00000010 00000000", 1, 6);
                // Wrong version for the connection.
                BadInputTest.expectError(c, "05050000 00000011", 1, 0);
                // Nonsense: a type that does not exist, then one only a switch sends.
                BadInputTest.expectError(c, "04630000 00000012 deadbeef", 1, 1);
                BadInputTest.expectError(c, "040a0000 00000013", 1, 1);
                // Oversized: a flow-mod whose match claims more bytes than the message has.
                BadInputTest.expectError(c, "040e0000 00000014 0000000000000000 0000000000000000 0000 0000 0000 8000"
                        + " ffffffff ffffffff ffffffff 0000 0000 0001 7ff0 80000004 00000001", 1, 6);
                // The biggest message there is: a 65535-byte echo comes back whole.
                byte[] big = new byte[65535];
                ByteBuffer.wrap(big).put((byte) 4).put((byte) 2).putShort((short) 0xffff).putInt(0x15);
                c.send(big);
                byte[] reply = c.receiveType(3, 5000);
                assertEquals(65535, reply == null ? -1 : reply.length, "echo reply of the whole message");
            }
            // A header shorter than a header: the switch drops that connection, and only that one.
            try (RawOfClient c = RawOfClient.unix(vs.dir().resolve(br + ".mgmt"))) {
                c.receive(3000);
                c.send(BadInputTest.hex("04000000 00000001"));
                c.send(new byte[] {4, 2, 0, 4, 0, 0, 0, 1});
                assertEquals(null, c.receive(2000), "closed");
            }
            assertPings(vs, n1, "10.84.0.2");
            assertTrue(ofctlOk(vs, "dump-flows", br).contains("priority=0 actions=NORMAL"), "nothing was installed");
            assertFalse(vs.log().contains("\tat "), "no stack trace in the log:\n" + vs.log());
        } finally {
            nss.forEach(Netns::close);
        }
    }

    @Test
    void controllerRowsGetTheirStatus() throws Exception {
        String br = Netns.uniqueName("jvc");
        try (VswitchdProcess vs = VswitchdProcess.start(QUIET);
             java.net.ServerSocket none = new java.net.ServerSocket(0)) {
            int port = none.getLocalPort();
            none.close();
            vs.vsctlOk("add-br", br, "--", "set", "bridge", br, "datapath_type=netdev");
            vs.vsctlOk("set-controller", br, "ptcp:" + port + ":127.0.0.1");
            assertFalse(ofctlOk(vs, "dump-flows", br).contains("NORMAL"), "a controller: no NORMAL flow");
            try (RawOfClient c = RawOfClient.tcp(port)) {
                c.receiveType(0, 5000);
                c.send(org.projectfloodlight.openflow.protocol.OFFactories.getFactory(
                        org.projectfloodlight.openflow.protocol.OFVersion.OF_13).buildHello().setXid(1).build());
                String st = "";
                for (int i = 0; i < 50 && !st.contains("is_connected        : true"); i++) {
                    Thread.sleep(200);
                    st = vs.vsctlOk("list", "Controller");
                }
                assertTrue(st.contains("is_connected        : true"), st);
                assertTrue(st.contains("role                : other"), st);
                assertTrue(st.contains("state=ACTIVE"), st);
            }
            vs.vsctlOk("del-controller", br);
            String flows = "";
            for (int i = 0; i < 20 && !flows.contains("NORMAL"); i++) {
                Thread.sleep(100);
                flows = ofctlOk(vs, "dump-flows", br);
            }
            assertTrue(flows.contains("priority=0 actions=NORMAL"), "no controllers again: NORMAL " + flows);

            // pssl: takes the SSL table's files (ovs-vsctl set-ssl); until then it stays down, saying why.
            vs.vsctlOk("set-controller", br, "pssl:" + port + ":127.0.0.1");
            String st = "";
            for (int i = 0; i < 50 && !st.contains("SSL is not configured"); i++) {
                Thread.sleep(200);
                st = vs.vsctlOk("list", "Controller");
            }
            assertTrue(st.contains("SSL is not configured"), st);
            java.nio.file.Path d = vs.dir().path();
            org.jvswitch.testing.TestPki.create(d);
            vs.vsctlOk("set-ssl", d + "/server.key", d + "/server.crt", d + "/ca.crt");
            org.jvswitch.testing.Cmd.Result show = null;
            for (int i = 0; i < 50 && (show == null || !show.ok()); i++) {
                Thread.sleep(200);
                show = org.jvswitch.testing.Cmd.run(Duration.ofSeconds(20), null,
                        org.jvswitch.testing.Peers.require("ovs-ofctl").toString(), "--timeout=5",
                        "--private-key=" + d + "/client.key", "--certificate=" + d + "/client.crt",
                        "--ca-cert=" + d + "/ca.crt", "show", "ssl:127.0.0.1:" + port);
            }
            assertTrue(show.ok() && show.stdout().contains("OFPT_FEATURES_REPLY"), show::toString);
        }
    }
}
