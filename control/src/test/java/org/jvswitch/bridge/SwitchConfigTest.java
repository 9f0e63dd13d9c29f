package org.jvswitch.bridge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The replica follows monitor updates, and the configuration read from it is what OVS reads. */
class SwitchConfigTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ROOT = "00000000-0000-0000-0000-000000000001";
    private static final String BR = "00000000-0000-0000-0000-0000000000b1";
    private static final String BR_SYS = "00000000-0000-0000-0000-0000000000b2";
    private static final String P1 = "00000000-0000-0000-0000-0000000000a1";
    private static final String P2 = "00000000-0000-0000-0000-0000000000a2";
    private static final String I1 = "00000000-0000-0000-0000-0000000000c1";
    private static final String I2 = "00000000-0000-0000-0000-0000000000c2";

    private static JsonNode json(String s) throws Exception {
        return JSON.readTree(s.replace('\'', '"'));
    }

    private static DbReplica replica() throws Exception {
        DbReplica db = new DbReplica();
        assertTrue(db.apply(json("""
            {'Open_vSwitch': {'%s': {'new': {'bridges': ['set', [['uuid', '%s'], ['uuid', '%s']]],
                 'other_config': ['map', [['pmd-cpu-mask', '0x6']]], 'next_cfg': 7, 'cur_cfg': 6,
                 'datapaths': ['map', []]}}},
             'Bridge': {'%s': {'new': {'name': 'br0', 'ports': ['set', [['uuid', '%s'], ['uuid', '%s']]],
                 'datapath_type': 'netdev', 'fail_mode': ['set', []], 'stp_enable': true, 'rstp_enable': false,
                 'other_config': ['map', [['mac-aging-time', '60']]], 'controller': ['set', []],
                 'protocols': ['set', []]}},
                        '%s': {'new': {'name': 'brk', 'ports': ['set', []], 'datapath_type': 'system'}}},
             'Port': {'%s': {'new': {'name': 'br0', 'interfaces': ['uuid', '%s'], 'tag': ['set', []],
                 'trunks': ['set', []], 'vlan_mode': ['set', []]}},
                      '%s': {'new': {'name': 'p1', 'interfaces': ['uuid', '%s'], 'tag': 10,
                 'trunks': ['set', [20, 30]], 'vlan_mode': 'native-untagged'}}},
             'Interface': {'%s': {'new': {'name': 'br0', 'type': 'internal', 'options': ['map', []],
                 'ofport': 65534}},
                           '%s': {'new': {'name': 'p1', 'type': 'dpdk',
                 'options': ['map', [['dpdk-devargs', '0000:01:00.0']]], 'ofport_request': 5,
                 'mtu_request': 9000, 'ofport': ['set', []]}}}}
            """.formatted(ROOT, BR, BR_SYS, BR, P1, P2, BR_SYS, P1, I1, P2, I2, I1, I2))));
        return db;
    }

    @Test
    void readsBridgesPortsAndInterfacesAsOvsDoes() throws Exception {
        SwitchConfig c = SwitchConfig.from(replica());
        assertEquals(7, c.nextCfg());
        assertEquals(6, c.curCfg());
        assertEquals(Map.of("pmd-cpu-mask", "0x6"), c.otherConfig());
        assertEquals(1, c.bridges().size(), "the 'system' datapath bridge is not jvswitch's");
        SwitchConfig.BridgeConfig br = c.bridges().getFirst();
        assertEquals("br0", br.name());
        assertTrue(br.stpEnable());
        assertEquals("", br.failMode());
        assertEquals("br0", br.localPort().name());
        SwitchConfig.PortConfig p1 = br.ports().get(1);
        assertEquals(10, p1.tag());
        assertEquals(Set.of(20, 30), p1.trunks());
        assertEquals("native-untagged", p1.vlanMode());
        SwitchConfig.IfaceConfig i = p1.ifaces().getFirst();
        assertEquals("dpdk", i.type());
        assertEquals(Map.of("dpdk-devargs", "0000:01:00.0"), i.options());
        assertEquals(5, i.ofportRequest());
        assertEquals(9000, i.mtuRequest());
        assertEquals(0, i.storedOfport());
        assertEquals(65534, br.ports().get(0).ifaces().getFirst().storedOfport());
    }

    @Test
    void updatesMergeAndDeletionsRemove() throws Exception {
        DbReplica db = replica();
        // A monitor "modify": only the changed columns arrive in "new" here.
        assertTrue(db.apply(json("{'Port': {'" + P2 + "': {'old': {'tag': 10}, 'new': {'tag': 20}}}}")));
        SwitchConfig c = SwitchConfig.from(db);
        SwitchConfig.PortConfig p1 = c.bridges().getFirst().ports().get(1);
        assertEquals(20, p1.tag());
        assertEquals("native-untagged", p1.vlanMode(), "unchanged columns stay");
        assertFalse(db.apply(json("{'Port': {'" + P2 + "': {'new': {'tag': 20}}}}")), "no change");
        assertTrue(db.apply(json("{'Interface': {'" + I2 + "': {'old': {}}}}")));
        assertTrue(SwitchConfig.from(db).bridges().getFirst().ports().get(1).ifaces().isEmpty());
    }

    @Test
    void aChangeOfTypeOptionsOrMtuRecreatesButVlanChangesDoNot() {
        var a = new SwitchConfig.IfaceConfig(null, "p", "system", Map.of(), 0, 0, Map.of(), null, 1);
        assertFalse(a.needsRecreate(a));
        assertTrue(new SwitchConfig.IfaceConfig(null, "p", "dpdk", Map.of(), 0, 0, Map.of(), null, 1).needsRecreate(a));
        assertTrue(new SwitchConfig.IfaceConfig(null, "p", "system", Map.of(), 9000, 0, Map.of(), null, 1)
                .needsRecreate(a));
        assertFalse(new SwitchConfig.IfaceConfig(null, "p", "system", Map.of(), 0, 0, Map.of("x", "y"), null, 1)
                .needsRecreate(a), "other keys of other_config do not touch the port");
        assertTrue(new SwitchConfig.IfaceConfig(null, "p", "system", Map.of(), 0, 0,
                Map.of("pmd-rxq-affinity", "0:1"), null, 1).needsRecreate(a));
    }

    @Test
    void emptyBeforeTheFirstSnapshotAndRowTypesReadSafely() throws Exception {
        assertTrue(SwitchConfig.from(new DbReplica()).bridges().isEmpty());
        DbRow row = new DbRow(null, (com.fasterxml.jackson.databind.node.ObjectNode) json(
                "{'s': ['set', []], 'n': 3, 'b': true, 'm': ['map', [['k', 'v']]], 'l': ['set', [1, 2]]}"));
        assertNull(row.optString("s"));
        assertEquals("", row.string("missing"));
        assertEquals(3, row.integer("n", -1));
        assertEquals(-1, row.integer("s", -1));
        assertTrue(row.bool("b", false));
        assertEquals(Map.of("k", "v"), row.map("m"));
        assertEquals(List.of(1L, 2L), row.integers("l"));
        assertEquals(0x0000aabbccddeeffL, Macs.parse("aa:bb:cc:dd:ee:ff"));
        assertEquals(-1, Macs.parse("aa:bb:cc:dd:ee"));
        assertEquals("02:00:00:00:00:01", Macs.format(0x020000000001L));
    }
}
