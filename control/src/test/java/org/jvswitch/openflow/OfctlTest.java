package org.jvswitch.openflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.jvswitch.testing.Cmd;

/**
 * The real ovs-ofctl against an in-process OpenFlowManager over the bridge's .mgmt socket, with
 * no -O (ovs-ofctl then offers only OpenFlow 1.0 and uses the Nicira extensions), and with
 * -O OpenFlow10, OpenFlow13 and OpenFlow15: every command's output parses as it does against OVS.
 * Needs only ovs-ofctl (skipped without it, failed in integration mode).
 */
@Timeout(120)
class OfctlTest {
    private static List<String> o(String version, String... args) {
        List<String> l = new ArrayList<>();
        if (!version.isEmpty()) {
            l.add("-O");
            l.add(version);
        }
        l.addAll(List.of(args));
        return l;
    }

    @Test
    void noOptionSpeaksOpenFlow10WithNiciraExtensions() throws Exception {
        try (OfTestSwitch sw = new OfTestSwitch(BridgeOfConfig.defaults(), OfDatapath.NONE)) {
            String show = sw.ok("show", "br0");
            assertTrue(show.startsWith("OFPT_FEATURES_REPLY (xid=0x2): dpid:0000aabbccddeeff"), show);
            assertTrue(sw.ok("-O", "OpenFlow14", "show", "br0").startsWith("OFPT_FEATURES_REPLY (OF1.4)"));
            assertTrue(show.contains(" 1(p1): addr:0a:00:00:00:00:01"), show);
            assertTrue(show.contains(" LOCAL(br0): addr:"), show);
            assertTrue(sw.ok("dump-flows", "br0").contains("priority=0 actions=NORMAL"),
                    "a standalone bridge without controllers starts with NORMAL");
            Cmd.Result r = sw.ofctl("-O", "OpenFlow15", "show", "br0");
            assertFalse(r.ok(), "OpenFlow 1.5 is not in the default protocols");
            assertTrue(r.stderr().contains("version negotiation failed"), r.stderr());
            scenario(sw, "");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"OpenFlow10", "OpenFlow13", "OpenFlow15"})
    void everyCommandWorksWithEachVersion(String version) throws Exception {
        try (OfTestSwitch sw = new OfTestSwitch()) {
            String tag = switch (version) {
                case "OpenFlow10" -> "";
                case "OpenFlow13" -> " (OF1.3)";
                default -> " (OF1.5)";
            };
            assertTrue(sw.ok(o(version, "show", "br0").toArray(String[]::new))
                    .startsWith("OFPT_FEATURES_REPLY" + tag));
            scenario(sw, version);
        }
    }

    /** add-flow(s), mod-flows, dump-flows/aggregate, del-flows, ports, tables, groups, meters, packet-out. */
    private static void scenario(OfTestSwitch sw, String v) throws Exception {
        boolean of10 = v.equals("OpenFlow10") || v.isEmpty();
        sw.ok(o(v, "del-flows", "br0").toArray(String[]::new));
        sw.ok(o(v, "add-flow", "br0", "table=1,priority=5,in_port=1,tcp,nw_dst=10.0.0.0/24,reg3=7,cookie=0x12,"
                + "actions=resubmit(,2),output:2").toArray(String[]::new));
        Path file = sw.dir.resolve("flows.txt");
        StringBuilder flows = new StringBuilder("# comment\n");
        for (int i = 0; i < 200; i++) {
            flows.append("priority=100,udp,nw_dst=10.1.").append(i / 256).append('.').append(i % 256)
                    .append(",tp_dst=").append(1000 + i).append(",actions=output:1\n");
        }
        flows.append("table=2,priority=7,arp,actions=NORMAL\n");
        flows.append("priority=9,ipv6,ipv6_dst=2001:db8::/32,actions=drop\n");
        Files.writeString(file, flows.toString());
        sw.ok(o(v, "add-flows", "br0", file.toString()).toArray(String[]::new));
        String agg = sw.ok(o(v, "dump-aggregate", "br0").toArray(String[]::new));
        assertTrue(agg.contains("flow_count=203"), agg);
        sw.ok(o(v, "mod-flows", "br0", "table=1,tcp,actions=dec_ttl,mod_nw_dst:1.1.1.1,load:5->NXM_NX_REG2[],"
                + "set_field:00:11:22:33:44:55->eth_dst,output:1").toArray(String[]::new));
        String dump = sw.ok(o(v, "dump-flows", "br0", "table=1").toArray(String[]::new));
        assertTrue(dump.contains("cookie=0x12, duration="), dump);
        assertTrue(dump.contains("table=1, n_packets=0, n_bytes=0, "), dump);
        assertTrue(dump.contains("priority=5,tcp,reg3=0x7,in_port=1,nw_dst=10.0.0.0/24 actions=dec_ttl,"), dump);
        assertTrue(dump.contains("set_field:00:11:22:33:44:55->eth_dst,output:1")
                || dump.contains("mod_dl_dst:00:11:22:33:44:55,output:1"), dump);
        assertTrue(dump.contains("1.1.1.1"), dump);
        String v6 = sw.ok(o(v, "dump-flows", "br0", "ipv6").toArray(String[]::new));
        assertTrue(v6.contains("priority=9,ipv6,ipv6_dst=2001:db8::/32 actions=drop"), v6);
        String one = sw.ok(o(v, "dump-flows", "br0", "udp,nw_dst=10.1.0.7").toArray(String[]::new));
        assertTrue(one.contains("priority=100,udp,nw_dst=10.1.0.7,tp_dst=1007 actions=output:1"), one);
        sw.ok(o(v, "--strict", "del-flows", "br0", "priority=100,udp,nw_dst=10.1.0.7,tp_dst=1007")
                .toArray(String[]::new));
        sw.ok(o(v, "del-flows", "br0", "udp,nw_dst=10.1.0.0/24").toArray(String[]::new));
        agg = sw.ok(o(v, "dump-aggregate", "br0").toArray(String[]::new));
        assertTrue(agg.contains("flow_count=3"), agg + sw.ok(o(v, "dump-flows", "br0").toArray(String[]::new)));
        sw.ok(o(v, "del-flows", "br0", "cookie=0x12/-1").toArray(String[]::new));
        assertTrue(sw.ok(o(v, "dump-aggregate", "br0").toArray(String[]::new)).contains("flow_count=2"));

        String ports = sw.ok(o(v, "dump-ports", "br0").toArray(String[]::new));
        assertTrue(ports.contains("3 ports") && ports.contains("port  1: rx pkts=0"), ports);
        assertTrue(sw.ok(o(v, "dump-ports", "br0", "2").toArray(String[]::new)).contains("1 ports"));
        String desc = sw.ok(o(v, "dump-ports-desc", "br0").toArray(String[]::new));
        assertTrue(desc.contains(" 2(p2): addr:0a:00:00:00:00:02"), desc);
        String tables = sw.ok(o(v, "dump-tables", "br0").toArray(String[]::new));
        assertTrue(tables.contains("OFPST_TABLE reply") && tables.contains("table 2"), tables);

        sw.ok(o(v, "packet-out", "br0", "in_port=1 packet=ffffffffffff0a000000000108004500001400010000401100000102030405"
                + "0607 actions=output:2").toArray(String[]::new));
        sw.ok(o(v, "add-group", "br0", "group_id=1,type=select,bucket=output:1,bucket=output:2").toArray(String[]::new));
        sw.ok(o(v, "add-group", "br0", "group_id=2,type=ff,bucket=watch_port:1,output:1,bucket=watch_port:2,output:2")
                .toArray(String[]::new));
        sw.ok(o(v, "add-group", "br0", "group_id=3,type=all,bucket=output:1,bucket=mod_vlan_vid:5,output:2")
                .toArray(String[]::new));
        sw.ok(o(v, "add-flow", "br0", "priority=3,ip,actions=group:3").toArray(String[]::new));
        String groups = sw.ok(o(v, "dump-groups", "br0").toArray(String[]::new));
        assertTrue(groups.contains("group_id=1,type=select,"), groups);
        assertTrue(groups.contains("watch_port:1,actions=output:1"), groups);
        assertTrue(groups.contains("group_id=3,type=all,"), groups);
        Cmd.Result dup = sw.ofctl(o(v, "add-group", "br0", "group_id=1,type=all,bucket=output:1")
                .toArray(String[]::new));
        assertFalse(dup.ok());
        // OpenFlow 1.0 has no group errors: ovs-ofctl shows the nearest 1.0 error there.
        assertTrue(of10 || dup.stderr().contains("OFPGMFC_GROUP_EXISTS"), dup.stderr());
        assertTrue(sw.ok(o(v, "dump-group-stats", "br0").toArray(String[]::new)).contains("group_id=3"));
        sw.ok(o(v, "del-groups", "br0", "group_id=3").toArray(String[]::new));
        assertFalse(sw.ok(o(v, "dump-flows", "br0").toArray(String[]::new)).contains("group:3"),
                "deleting a group deletes its flows");
        sw.ok(o(v, "del-groups", "br0").toArray(String[]::new));
        assertFalse(sw.ok(o(v, "dump-groups", "br0").toArray(String[]::new)).contains("group_id"));

        String mv = of10 ? "OpenFlow13" : v;
        sw.ok(o(mv, "add-meter", "br0", "meter=1,kbps,burst,band=type=drop,rate=1000,burst_size=100")
                .toArray(String[]::new));
        sw.ok(o(mv, "add-meter", "br0", "meter=2,pktps,band=type=dscp_remark,rate=10,prec_level=1")
                .toArray(String[]::new));
        sw.ok(o(mv, "add-flow", "br0", "priority=4,udp,actions=meter:1,output:2").toArray(String[]::new));
        String meters = sw.ok(o(mv, "dump-meters", "br0").toArray(String[]::new));
        assertTrue(meters.contains("meter=1 kbps burst bands=\ntype=drop rate=1000 burst_size=100"), meters);
        assertTrue(meters.contains("meter=2 pktps bands=\ntype=dscp_remark rate=10 prec_level=1"), meters);
        String mstats = sw.ok(o(mv, "meter-stats", "br0").toArray(String[]::new));
        assertTrue(mstats.contains("meter:1 flow_count:1") || mstats.contains("meter:1 ref_count:1"), mstats);
        Cmd.Result noMeter = sw.ofctl(o(mv, "add-flow", "br0", "priority=4,tcp,actions=meter:9,output:2")
                .toArray(String[]::new));
        assertTrue(noMeter.stderr().contains("OFPMMFC_UNKNOWN_METER"), noMeter.toString());
        sw.ok(o(mv, "del-meters", "br0").toArray(String[]::new));
        assertFalse(sw.ok(o(mv, "dump-flows", "br0").toArray(String[]::new)).contains("meter:1"),
                "deleting a meter deletes its flows");
    }

    @Test
    void badFlowModsGetOpenFlowErrorsAndTheSwitchCarriesOn() throws Exception {
        try (OfTestSwitch sw = new OfTestSwitch()) {
            Cmd.Result r = sw.ofctl("-O", "OpenFlow13", "add-flow", "br0", "table=0,actions=goto_table:0");
            assertFalse(r.ok());
            assertTrue(r.stderr().contains("OFPBIC_BAD_TABLE_ID"), r.stderr());
            r = sw.ofctl("-O", "OpenFlow13", "add-flow", "br0", "actions=group:77");
            assertTrue(r.stderr().contains("OFPBAC_BAD_OUT_GROUP"), r.stderr());
            r = sw.ofctl("-O", "OpenFlow13", "add-flow", "br0", "priority=1,actions=output:1",
                    "--strict");
            assertTrue(r.ok(), r.toString());
            r = sw.ofctl("-O", "OpenFlow13", "--strict", "add-flow", "br0", "check_overlap,priority=1,ip,actions=drop");
            assertTrue(r.stderr().contains("OFPFMFC_OVERLAP"), r.stderr());
            assertTrue(sw.ok("-O", "OpenFlow13", "dump-flows", "br0").contains("priority=1 actions=output:1"));
        }
    }

    @Test
    void protocolsColumnLimitsVersions() throws Exception {
        try (OfTestSwitch sw = new OfTestSwitch(BridgeOfConfig.defaults().withVersions(Set.of(4)), OfDatapath.NONE)) {
            assertTrue(sw.ok("-O", "OpenFlow13", "show", "br0").startsWith("OFPT_FEATURES_REPLY (OF1.3)"));
            assertFalse(sw.ofctl("show", "br0").ok(), "ovs-ofctl offers OpenFlow 1.0 only without -O");
            sw.manager.configureBridge("br0", BridgeOfConfig.defaults().withVersions(Set.of(1)));
        }
    }
}
