package org.jvswitch.dataplane.odp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/**
 * Bad input gets one line saying where and why, in OVS's words where OVS has some ("syntax error
 * at" and the rest of the input from the offending attribute or action), never a stack trace.
 */
class OdpErrorsTest {

    private static String keyError(String s) {
        return assertThrows(OdpParseException.class, () -> OdpKey.parse(s)).getMessage();
    }

    private static String actionError(String s) {
        return assertThrows(OdpParseException.class, () -> OdpActions.parse(s)).getMessage();
    }

    @Test
    void syntaxErrorsInKeysNameTheAttribute() {
        assertEquals("syntax error at ipv4(src=1.2.3),udp(): bad IPv4 address \"1.2.3\"",
                keyError("in_port(1),eth(),eth_type(0x0800),ipv4(src=1.2.3),udp()"));
        assertEquals("syntax error at foo(1)", keyError("in_port(1),foo(1)"));
        assertEquals("syntax error at eth(src=00:00:00:00:00:0g): bad Ethernet address \"00:00:00:00:00:0g\"",
                keyError("in_port(1),eth(src=00:00:00:00:00:0g)"));
        assertEquals("syntax error at ipv6(src=1:::2): bad IPv6 address \"1:::2\"",
                keyError("eth_type(0x86dd),ipv6(src=1:::2)"));
        assertEquals("syntax error at in_port(1: expected ')' at end of input", keyError("in_port(1"));
        assertEquals("syntax error at ipv4(src=1.2.3.4: missing ')'", keyError("ipv4(src=1.2.3.4"));
        assertEquals("syntax error at ipv4(dst=10.0.0.2,bogus=1): unknown field at \"bogus=1\"",
                keyError("eth_type(0x0800),ipv4(dst=10.0.0.2,bogus=1)"));
        assertEquals("syntax error at ipv4(frag=maybe): frag must be no, first or later, not \"maybe\"",
                keyError("eth_type(0x0800),ipv4(frag=maybe)"));
        assertEquals("syntax error at x", keyError("eth(src=00:00:00:00:00:01)x"));
    }

    @Test
    void valuesTooLargeForTheirField() {
        assertEquals("syntax error at ipv4(ttl=256): \"256\" does not fit in 8 bits",
                keyError("eth_type(0x0800),ipv4(ttl=256)"));
        assertEquals("syntax error at skb_mark(0x100000000): \"0x100000000\" does not fit in 32 bits",
                keyError("skb_mark(0x100000000)"));
        assertEquals("syntax error at vlan(vid=4096),encap(): vlan field out of range (12 bits)",
                keyError("eth_type(0x8100),vlan(vid=4096),encap()"));
        assertEquals("syntax error at arp(op=256): op=256 is out of range (at most 255)",
                keyError("eth_type(0x0806),arp(op=256)"));
    }

    @Test
    void duplicateAndMisplacedAttributes() {
        assertEquals("syntax error at in_port(2): duplicate in_port attribute in flow key",
                keyError("in_port(1),in_port(2)"));
        assertEquals("syntax error at vlan(vid=10): vlan(...) needs eth_type(0x8100) or eth_type(0x88a8) before it",
                keyError("vlan(vid=10)"));
        assertEquals("encap(...) must follow vlan(...)", keyError("eth_type(0x0800),encap(eth_type(0x0800))"));
        assertEquals("syntax error at vlan())): at most two VLAN headers", keyError(
                "eth_type(0x8100),vlan(),encap(eth_type(0x8100),vlan(),encap(eth_type(0x8100),vlan()))"));
        assertEquals("syntax error at in_port(1)): in_port(...) cannot be inside encap(...)",
                keyError("eth_type(0x8100),vlan(),encap(in_port(1))"));
        assertEquals("syntax error at ipv4(frag=no): ipv4(...) belongs in the innermost encap(...), after the last"
                + " vlan(...)", keyError("eth_type(0x8100),vlan(),encap(eth_type(0x0800)),ipv4(frag=no)"));
    }

    @Test
    void attributesTheKeyCannotCarry() {
        assertEquals("ipv4(...) needs eth_type(0x0800)", keyError("in_port(1),ipv4(src=1.2.3.4)"));
        assertEquals("tcp(...) needs ipv4/ipv6(proto=6) and not frag=later",
                keyError("eth_type(0x0800),ipv4(proto=17),tcp(dst=80)"));
        assertEquals("nd(...) needs icmpv6(type=135 or 136,code=0)",
                keyError("eth_type(0x86dd),ipv6(proto=58),icmpv6(type=1),nd(target=::1)"));
        assertEquals("tunnel(...) needs src, dst, ipv6_src or ipv6_dst", keyError("tunnel(tun_id=1,ttl=64)"));
    }

    @Test
    void whatThisDatapathDoesNotHave() {
        assertEquals("syntax error at packet_type(ns=1,id=0x800): only Ethernet frames, packet_type(ns=0,id=0),"
                + " exist in this datapath", keyError("packet_type(ns=1,id=0x800)"));
        assertEquals("syntax error at ct_tuple6(src=::1): ct_tuple6(...) is not supported by this datapath",
                keyError("ct_tuple6(src=::1)"));
        assertEquals("syntax error at mpls(label=1,label=2): only one MPLS label stack entry is supported",
                keyError("eth_type(0x8847),mpls(label=1,label=2)"));
        assertEquals("syntax error at tunnel(dst=1.1.1.1,vxlan(gbp(id=1))): tunnel options vxlan(...) are not"
                + " supported by this datapath", keyError("tunnel(dst=1.1.1.1,vxlan(gbp(id=1)))"));
    }

    @Test
    void flagSets() {
        assertEquals("syntax error at tcp_flags(+syn+bogus): unknown tcp flag \"bogus\"",
                keyError("tcp_flags(+syn+bogus)"));
        assertEquals("syntax error at ct_state(+trk-trk): each ct_state flag can be given only once",
                keyError("ct_state(+trk-trk)"));
        assertEquals("syntax error at ct_state(0x100): ct_state flags 0x100 are not supported",
                keyError("ct_state(0x100)"));
    }

    @Test
    void datapathFlowRules() {
        assertEquals("in_port(N) is required: the datapath classifies flows by input port",
                assertThrows(OdpParseException.class,
                        () -> OdpKey.parseDatapathFlow("eth(),eth_type(0x0800)", null)).getMessage());
        assertEquals("in_port must be matched exactly, without a mask", assertThrows(OdpParseException.class,
                () -> OdpKey.parseDatapathFlow("in_port(1/0xff)", null)).getMessage());
    }

    @Test
    void actions() {
        assertEquals("syntax error at drop: drop must be the only action", actionError("2,drop"));
        assertEquals("syntax error at foo", actionError("foo"));
        assertEquals("syntax error at output:2", actionError("output:2"));
        assertEquals("syntax error at set(ipv4(src=1.2.3)): bad IPv4 address \"1.2.3\"",
                actionError("set(ipv4(src=1.2.3))"));
        assertEquals("syntax error at set(ct_mark(1)): set(ct_mark(...)) is not supported by this datapath",
                actionError("set(ct_mark(1))"));
        assertEquals("syntax error at ct(commit),2: ct is not supported by this datapath", actionError("ct(commit),2"));
        assertEquals("syntax error at userspace(pid=1,slow_path(controller)): userspace(...slow_path...) is not"
                + " supported by this datapath: give the cookie as userdata(hex)",
                actionError("userspace(pid=1,slow_path(controller))"));
        assertEquals("syntax error at push_vlan(vid=5000,pcp=0): \"5000\" does not fit in 12 bits",
                actionError("push_vlan(vid=5000,pcp=0)"));
        assertEquals("syntax error at sample(sample=150%,actions(2)): sample probability must be between 0% and 100%",
                actionError("sample(sample=150%,actions(2))"));
        assertEquals("syntax error at hash(l3(0)): hash algorithm must be l4(basis) or sym_l4(basis)",
                actionError("hash(l3(0))"));
        assertEquals("syntax error at 2): expected ',' between actions", actionError("2)"));
        assertEquals("syntax error at set(tunnel(dst=1.1.1.1/255.0.0.0)): set(tunnel(...)) takes no masks",
                actionError("set(tunnel(dst=1.1.1.1/255.0.0.0))"));
        String push = "tnl_push(tnl_port(4),header(size=40,type=3,eth(dst=f8:bc:12:44:34:b6,src=f8:bc:12:46:58:e0,"
                + "dl_type=0x0800),ipv4(src=1.1.2.88,dst=1.1.2.92,proto=47,tos=0,ttl=64,frag=0x4000),"
                + "gre((flags=0x2000,proto=0x6558),key=0x1e241)),out_port(1))";
        assertEquals("syntax error at " + push + ": header size 40 does not match the header's 42 bytes",
                actionError(push));
    }

    @Test
    void ufids() {
        assertEquals("syntax error at ufid:123: bad UFID, expected xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx",
                assertThrows(OdpParseException.class, () -> Ufids.parse("ufid:123")).getMessage());
        assertEquals("syntax error at ufid:1234 in_port(1): bad UFID, expected xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx",
                keyError("ufid:1234 in_port(1)"));
    }
}
