package org.jvswitch.openflow;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.jvswitch.testing.Cmd;

/**
 * The real ovs-ofctl with TLV maps and tun_metadata, tun_flags and tun_ipv6_* fields: add-tlv-map,
 * dump-tlv-map, del-tlv-map and their NXTTMFC errors; flows matching and setting tun_metadata0
 * that dump-flows prints back as OVS would, with no -O (OpenFlow 1.0 + NXM) and with OpenFlow13.
 */
@Timeout(120)
class TunMetadataOfctlTest {
    @ParameterizedTest
    @ValueSource(strings = {"", "OpenFlow13"})
    void tlvMapAndTunnelFields(String v) throws Exception {
        try (OfTestSwitch sw = new OfTestSwitch()) {
            String[] o = v.isEmpty() ? new String[0] : new String[] {"-O", v};
            sw.ok(args(o, "add-tlv-map", "br0", "{class=0xffff,type=0,len=4}->tun_metadata0,"
                    + "{class=0x0102,type=0x80,len=8}->tun_metadata5"));
            String map = sw.ok(args(o, "dump-tlv-map", "br0"));
            assertTrue(map.contains("max option space=256 max fields=64"), map);
            assertTrue(map.contains("allocated option space=12"), map);
            assertTrue(map.matches("(?s).*0xffff\\s+0\\s+4\\s+tun_metadata0.*"), map);
            assertTrue(map.matches("(?s).*0x102\\s+0x80\\s+8\\s+tun_metadata5.*"), map);

            if (!v.isEmpty()) {
                Cmd.Result dup = sw.ofctl(args(o, "add-tlv-map", "br0", "{class=0xffff,type=0,len=4}->tun_metadata1"));
                assertFalse(dup.ok());
                assertTrue(dup.stderr().contains("NXTTMFC_DUP_ENTRY"), dup.stderr());
                Cmd.Result again = sw.ofctl(args(o, "add-tlv-map", "br0", "{class=0x1,type=0,len=4}->tun_metadata0"));
                assertTrue(again.stderr().contains("NXTTMFC_ALREADY_MAPPED"), again.stderr());
                Cmd.Result del = sw.ofctl(args(o, "del-tlv-map", "br0", "{class=0x1,type=0,len=4}->tun_metadata9"));
                assertTrue(del.stderr().contains("NXTTMFC_INVALID_TLV_DEL"), del.stderr());
                Cmd.Result unmapped = sw.ofctl(args(o, "add-flow", "br0", "tun_metadata7=1,actions=drop"));
                assertTrue(unmapped.stderr().contains("NXFMFC_INVALID_TLV_FIELD"), unmapped.stderr());
            }

            sw.ok(args(o, "add-flow", "br0", "priority=7,in_port=1,actions=set_field:0x1234->tun_metadata0,output:2"));
            sw.ok(args(o, "add-flow", "br0", "priority=8,in_port=2,tun_metadata0=0x1234,actions=output:1"));
            sw.ok(args(o, "add-flow", "br0", "priority=9,tun_metadata5=0x10/0xf0,tun_flags=+oam,actions=drop"));
            // OpenFlow 1.0: ovs-ofctl sends the 128-bit set_field as two NXAST_REG_LOADs (low half
            // first); they come back as one set_field.
            String set6 = "set_field:2001:db8::2->tun_ipv6_dst,";
            sw.ok(args(o, "add-flow", "br0", "priority=10,tun_ipv6_src=2001:db8::1,actions=" + set6 + "output:1"));
            String flows = sw.ok(args(o, "dump-flows", "br0"));
            assertTrue(flows.contains("priority=8,tun_metadata0=0x1234,in_port=1") || flows.contains(
                    "priority=8,in_port=2,tun_metadata0=0x1234") || flows.matches(
                    "(?s).*priority=8,.*tun_metadata0=0x1234.*actions=output:1.*"), flows);
            assertTrue(flows.matches("(?s).*priority=7,in_port=.*actions=set_field:0x1234->tun_metadata0,"
                    + "output:2.*"), flows);
            assertTrue(flows.matches("(?s).*priority=9,.*tun_metadata5=0x10/0xf0.*actions=drop.*"), flows);
            assertTrue(flows.matches("(?s).*priority=9,.*tun_flags=\\+oam.*"), flows);
            assertTrue(flows.matches("(?s).*priority=10,tun_ipv6_src=2001:db8::1 .*actions=" + set6 + "output:1.*"),
                    flows);
            sw.ok(args(o, "del-flows", "br0", "tun_metadata0=0x1234"));
            assertFalse(sw.ok(args(o, "dump-flows", "br0")).contains("priority=8,"));

            sw.ok(args(o, "del-tlv-map", "br0", "{class=0x0102,type=0x80,len=8}->tun_metadata5"));
            assertFalse(sw.ok(args(o, "dump-tlv-map", "br0")).contains("tun_metadata5"));
            sw.ok(args(o, "del-tlv-map", "br0"));
            assertFalse(sw.ok(args(o, "dump-tlv-map", "br0")).contains("tun_metadata0"));
        }
    }

    private static String[] args(String[] o, String... rest) {
        String[] a = new String[o.length + rest.length];
        System.arraycopy(o, 0, a, 0, o.length);
        System.arraycopy(rest, 0, a, o.length, rest.length);
        return a;
    }
}
