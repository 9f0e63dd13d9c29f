package org.jvswitch.tnl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Tunnel options parsed as OVS parses them: its error texts, its warnings, its dpif/show summary. */
class TunnelConfigTest {
    private static TunnelConfig.Parsed p(String type, String... kv) {
        java.util.Map<String, String> m = new java.util.HashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put(kv[i], kv[i + 1]);
        }
        return TunnelConfig.parse("t1", type, m);
    }

    @Test
    void errorsAreOvssWords() {
        assertEquals("t1: vxlan type requires valid 'remote_ip' argument", p("vxlan").error());
        assertEquals("t1: bad gre 'remote_ip'\nt1: gre type requires valid 'remote_ip' argument",
                p("gre", "remote_ip", "1.2.3").error());
        assertEquals("t1: multicast remote_ip=224.0.0.1 not allowed", p("vxlan", "remote_ip", "224.0.0.1").error());
        assertEquals("t1: geneve type requires 'remote_ip=flow' with 'local_ip=flow'",
                p("geneve", "remote_ip", "10.0.0.1", "local_ip", "flow").error());
        assertEquals("t1: 'remote_ip' and 'local_ip' has to be of the same address family",
                p("vxlan", "remote_ip", "10.0.0.1", "local_ip", "2001::1").error());
        assertEquals("t1: unknown packet_type 'foo'", p("gre", "remote_ip", "10.0.0.1", "packet_type", "foo").error());
        assertEquals("t1: legacy_l3 configured on VXLAN (without GPE) tunnel that cannot carry L3 traffic",
                p("vxlan", "remote_ip", "10.0.0.1", "packet_type", "legacy_l3").error());
    }

    @Test
    void warningsLeaveTheTunnelUp() {
        TunnelConfig.Parsed r = p("gre", "remote_ip", "10.0.0.1", "foo", "bar", "tos", "3", "dst_port", "99",
                "local_ip", "zz");
        assertNull(r.error());
        assertEquals(List.of("t1: unknown gre argument 'dst_port'", "t1: unknown gre argument 'foo'",
                "t1: bad gre 'local_ip'", "t1: invalid TOS 3"), r.warnings());
        assertEquals(0, r.config().tos());
        assertNull(r.config().local());
    }

    @Test
    void keysPortsAndTheSummary() {
        TunnelConfig c = p("vxlan", "remote_ip", "1.1.2.92", "key", "123").config();
        assertEquals(123, c.inKey());
        assertEquals(123, c.outKey());
        assertEquals(4789, c.dstPort());
        assertEquals("vxlan_sys_4789", c.vportName());
        assertEquals("key=123, remote_ip=1.1.2.92", c.describe());
        c = p("vxlan", "remote_ip", "1.1.2.93", "out_key", "flow", "csum", "true").config();
        assertTrue(c.outKeyFlow());
        assertFalse(c.inKeyFlow());
        assertEquals("csum=true, out_key=flow, remote_ip=1.1.2.93", c.describe());
        c = p("geneve", "remote_ip", "flow", "key", "0x7b", "dst_port", "6082", "ttl", "inherit", "tos", "inherit")
                .config();
        assertEquals(0x7b, c.inKey());
        assertTrue(c.remoteFlow());
        assertEquals("genev_sys_6082", c.vportName());
        assertEquals(TunnelConfig.INHERIT, c.ttl());
        assertEquals("dst_port=6082, key=123, remote_ip=flow, tos=inherit, ttl=inherit", c.describe());
        c = p("gre", "remote_ip", "2001:db8::2", "key", "0x1ffffffff", "packet_type", "legacy_l3", "seq", "true",
                "df_default", "false").config();
        assertEquals(0xffffffffL, c.inKey(), "GRE keys are 32 bits");
        assertTrue(c.legacyL3() && c.seq() && !c.dfDefault() && c.isIpv6());
        assertEquals("gre_sys", c.vportName());
        assertEquals(0xffffff, p("vxlan", "remote_ip", "1.1.1.1", "key", "0x1ffffff").config().inKey(),
                "VXLAN keys are 24 bits");
        assertEquals(8, TunnelConfig.parseC("010"));
        assertEquals(0, TunnelConfig.parseC("abc"));
        assertEquals(Map.of("remote_ip", "1.1.1.1"), p("vxlan", "remote_ip", "1.1.1.1").config().shown());
    }
}
