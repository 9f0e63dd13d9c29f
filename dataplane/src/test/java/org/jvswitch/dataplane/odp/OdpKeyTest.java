package org.jvswitch.dataplane.odp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.jvswitch.dataplane.flow.FlowField;
import org.jvswitch.dataplane.flow.FlowKey;
import org.jvswitch.dataplane.flow.Ufid;
import org.junit.jupiter.api.Test;

/** Each key attribute: what it parses into, and how it prints terse and verbose. */
class OdpKeyTest {

    private static long get(OdpMatch m, FlowField f) {
        return f.get(m.key(), 0);
    }

    private static long mask(OdpMatch m, FlowField f) {
        return f.get(m.mask(), 0);
    }

    /** Parses, checks the terse form prints back as {@code expected}. */
    private static OdpMatch terse(String in, String expected) {
        OdpMatch m = OdpKey.parse(in);
        assertEquals(expected, OdpKey.format(m.key(), m.mask()), in);
        return m;
    }

    private static final String P = "recirc_id(0),in_port(1),packet_type(ns=0,id=0),";

    @Test
    void theBriefsExampleAsDpctlAddFlowInstallsIt() {
        OdpMatch m = OdpKey.parseDatapathFlow("in_port(1),eth(),eth_type(0x0800),ipv4(dst=10.0.0.2,proto=17,frag=no)",
                PortNames.NUMBERS);
        assertEquals(P + "eth_type(0x0800),ipv4(dst=10.0.0.2,proto=17,frag=no)", OdpKey.format(m.key(), m.mask()));
        assertEquals(0x0a000002L, get(m, FlowField.NW_DST));
        assertEquals(0xffffffffL, mask(m, FlowField.NW_DST));
        assertEquals(0, mask(m, FlowField.NW_SRC), "a field an attribute leaves out is wildcarded");
        assertEquals(0, mask(m, FlowField.TP_DST), "an attribute left out is wildcarded");
        assertEquals(0xffffffffL, mask(m, FlowField.RECIRC_ID), "recirc_id is always exact");
        assertEquals(FlowKey.FRAG_ANY | FlowKey.FRAG_LATER, mask(m, FlowField.NW_FRAG));
        assertNull(m.ufid());
    }

    @Test
    void metadata() {
        OdpMatch m = terse("skb_priority(0x3),skb_mark(0x10/0xff),recirc_id(0x1),dp_hash(0x5/0xf),in_port(7)",
                "skb_priority(0x3),skb_mark(0x10/0xff),recirc_id(0x1),dp_hash(0x5/0xf),in_port(7),"
                        + "packet_type(ns=0,id=0)");
        assertEquals(3, get(m, FlowField.SKB_PRIORITY));
        assertEquals(0xff, mask(m, FlowField.PKT_MARK));
        assertEquals(7, FlowKey.inPort(m.key(), 0));
        assertEquals(1, FlowKey.recircId(m.key(), 0));
        terse("in_port(4294967295/0xf)", "in_port(4294967295/0xf),packet_type(ns=0,id=0)");
        terse("skb_mark(0)", "skb_mark(0),packet_type(ns=0,id=0)");
    }

    @Test
    void inPortByName() {
        PortNames names = PortNames.of(Map.of(3, "vm1"));
        OdpMatch m = OdpKey.parse("in_port(vm1)", names);
        assertEquals(3, FlowKey.inPort(m.key(), 0));
        assertEquals("in_port(vm1),packet_type(ns=0,id=0)", OdpKey.format(m.key(), m.mask(), false, names));
        assertEquals("in_port(3),packet_type(ns=0,id=0)", OdpKey.format(m.key(), m.mask()));
    }

    @Test
    void conntrack() {
        OdpMatch m = terse("ct_state(+trk+new-est),ct_zone(5),ct_mark(0x1/0x3),ct_label(0x1/0xff)",
                "ct_state(+new-est+trk),ct_zone(0x5),ct_mark(0x1/0x3),ct_label(0x1/0xff),packet_type(ns=0,id=0)");
        assertEquals(OdpFlags.CS_TRACKED | OdpFlags.CS_NEW, get(m, FlowField.CT_STATE));
        assertEquals(OdpFlags.CS_TRACKED | OdpFlags.CS_NEW | OdpFlags.CS_ESTABLISHED, mask(m, FlowField.CT_STATE));
        // Exact forms: an 8-bit state is never the datapath's 32-bit exact, so OVS prints all eight.
        terse("ct_state(new|trk)", "ct_state(+new-est-rel-rpl-inv+trk-snat-dnat),packet_type(ns=0,id=0)");
        terse("ct_state(0x21)", "ct_state(+new-est-rel-rpl-inv+trk-snat-dnat),packet_type(ns=0,id=0)");
        terse("ct_state(0x21/0x23)", "ct_state(+new-est+trk),packet_type(ns=0,id=0)");
        m = OdpKey.parse("ct_state(0x21/0x23)");
        assertEquals("ct_state(0x21/0x23)", OdpKey.format(m.key(), m.mask(), true, null).split(",")[2]);
        m = terse("ct_label(0x100000000000000000001)", "ct_label(0x100000000000000000001),packet_type(ns=0,id=0)");
        assertEquals(1L << 16, FlowField.CT_LABEL.word(m.key(), 0, 0));
        assertEquals(1L, FlowField.CT_LABEL.word(m.key(), 0, 1));
        m = terse("ct_tuple4(src=1.1.1.1,dst=2.2.2.0/255.255.255.0,proto=6,tp_src=1,tp_dst=2/0xff),eth_type(0x0800)",
                "ct_tuple4(src=1.1.1.1,dst=2.2.2.0/255.255.255.0,proto=6,tp_src=1,tp_dst=2/0xff),"
                        + "packet_type(ns=0,id=0),eth_type(0x0800)");
        assertEquals(6, get(m, FlowField.CT_NW_PROTO));
        assertEquals(0x02020200L, get(m, FlowField.CT_NW_DST));
    }

    @Test
    void ethernetAndEthType() {
        OdpMatch m = terse(P + "eth(src=00:01:02:03:04:05/ff:ff:ff:00:00:00,dst=ff:ff:ff:ff:ff:ff),eth_type(0x1234)",
                P + "eth(src=00:01:02:03:04:05/ff:ff:ff:00:00:00,dst=ff:ff:ff:ff:ff:ff),eth_type(0x1234)");
        assertEquals(0x000102030405L, get(m, FlowField.ETH_SRC));
        assertEquals(0xffffff000000L, mask(m, FlowField.ETH_SRC));
        assertEquals(0x1234, FlowKey.ethType(m.key(), 0));
        terse(P + "eth(),eth_type(0x1234/0)", P.substring(0, P.length() - 1));
        // 802.3 without SNAP has no Ethertype: OVS prints the mask alone, last.
        m = terse(P + "eth(src=00:00:00:00:00:01),eth_type(0/0xffff)",
                P + "eth(src=00:00:00:00:00:01),eth_type(0/0xffff)");
        assertEquals(FlowKey.ETH_TYPE_NONE, FlowKey.ethType(m.key(), 0));
    }

    @Test
    void vlanAsOvsNestsIt() {
        OdpMatch m = terse(P + "eth_type(0x8100),vlan(vid=10,pcp=3),encap(eth_type(0x0800),ipv4(frag=no))",
                P + "eth_type(0x8100),vlan(vid=10,pcp=3),encap(eth_type(0x0800),ipv4(frag=no))");
        assertEquals(FlowKey.ETH_TYPE_VLAN, get(m, FlowField.VLAN0_TPID));
        assertEquals(0xffff, mask(m, FlowField.VLAN0_TPID));
        assertEquals(FlowKey.VLAN_CFI | 3 << 13 | 10, get(m, FlowField.VLAN0_TCI));
        assertEquals(0xffff, mask(m, FlowField.VLAN0_TCI));
        assertEquals(FlowKey.ETH_TYPE_IP, FlowKey.ethType(m.key(), 0));
        // vlan() alone means "tagged": CFI exact.
        m = terse(P + "eth_type(0x8100),vlan(),encap()", P + "eth_type(0x8100),vlan(),encap()");
        assertEquals(FlowKey.VLAN_CFI, mask(m, FlowField.VLAN0_TCI));
        terse(P + "eth_type(0x8100),vlan(vid=10/0xf00,pcp=3/0x1),encap()",
                P + "eth_type(0x8100),vlan(vid=10/0xf00,pcp=3/0x1),encap()");
        m = OdpKey.parse(P + "eth_type(0x8100),vlan(vid=10),encap(eth_type(0x0800))");
        assertEquals("eth_type(0x8100),vlan(vid=10,pcp=0/0x0),encap(eth_type(0x0800),ipv4(src=0.0.0.0/0.0.0.0,"
                + "dst=0.0.0.0/0.0.0.0,proto=0/0,tos=0/0,ttl=0/0))", verboseTail(m));
    }

    @Test
    void qinq() {
        OdpMatch m = terse(P + "eth_type(0x88a8),vlan(vid=100),encap(eth_type(0x8100),vlan(vid=10),"
                + "encap(eth_type(0x0800),ipv4(proto=17,frag=no),udp(dst=53)))",
                P + "eth_type(0x88a8),vlan(vid=100),encap(eth_type(0x8100),vlan(vid=10),"
                        + "encap(eth_type(0x0800),ipv4(proto=17,frag=no),udp(dst=53)))");
        assertEquals(FlowKey.ETH_TYPE_VLAN_8021AD, get(m, FlowField.VLAN0_TPID));
        assertEquals(FlowKey.ETH_TYPE_VLAN, get(m, FlowField.VLAN1_TPID));
        assertEquals(FlowKey.VLAN_CFI | 10, get(m, FlowField.VLAN1_TCI));
        // An inner tag matched only for presence prints without vlan(), as OVS does.
        m = terse(P + "eth_type(0x88a8),vlan(vid=100),encap(eth_type(0x8100),encap(eth_type(0x0800)))",
                P + "eth_type(0x88a8),vlan(vid=100),encap(eth_type(0x8100),encap(eth_type(0x0800)))");
        assertEquals(FlowKey.VLAN_CFI, get(m, FlowField.VLAN1_TCI));
        assertEquals(0, mask(m, FlowField.VLAN1_TCI));
    }

    @Test
    void truncatedVlanHeader() {
        OdpMatch m = terse(P + "eth_type(0x8100),vlan(vid=0,pcp=0,cfi=0),encap()",
                P + "eth_type(0x8100),vlan(vid=0,pcp=0,cfi=0),encap()");
        assertEquals(FlowKey.ETH_TYPE_VLAN, FlowKey.ethType(m.key(), 0));
        assertEquals(0, get(m, FlowField.VLAN0_TCI));
    }

    @Test
    void mpls() {
        OdpMatch m = terse(P + "eth_type(0x8847),mpls(label=100,tc=3,ttl=64,bos=1)",
                P + "eth_type(0x8847),mpls(label=100,tc=3,ttl=64,bos=1)");
        assertEquals(100L << 12 | 3 << 9 | 1 << 8 | 64, get(m, FlowField.MPLS_LSE));
        terse(P + "eth_type(0x8847),mpls(label=100/0xff,tc=3/1,ttl=64/0,bos=1/1)",
                P + "eth_type(0x8847),mpls(label=100/0xff,tc=3/1,ttl=64/0x0,bos=1/1)");
        terse(P + "eth_type(0x8847),mpls(bos=1)", P + "eth_type(0x8847),mpls(label=0/0x0,tc=0/0,ttl=0/0x0,bos=1/1)");
    }

    @Test
    void ipv4AndFragments() {
        OdpMatch m = terse(P + "eth_type(0x0800),ipv4(src=10.0.0.1/255.255.255.0,dst=10.1.2.3/255.255.0.255,proto=6,"
                + "tos=0x4/0xfc,ttl=64/0xf0,frag=first)", P + "eth_type(0x0800),ipv4(src=10.0.0.1/255.255.255.0,"
                + "dst=10.1.2.3/255.255.0.255,proto=6,tos=0x4/0xfc,ttl=64/0xf0,frag=first)");
        assertEquals(0x0a000001L, get(m, FlowField.NW_SRC), "the key keeps what was written");
        assertEquals(0x0a000000L, FlowField.NW_SRC.get(m.maskedKey(), 0));
        assertEquals(FlowKey.FRAG_ANY, get(m, FlowField.NW_FRAG));
        m = terse(P + "eth_type(0x0800),ipv4(frag=later)", P + "eth_type(0x0800),ipv4(frag=later)");
        assertEquals(FlowKey.FRAG_ANY | FlowKey.FRAG_LATER, get(m, FlowField.NW_FRAG));
        terse(P + "eth_type(0x0800),ipv4(ttl=5)", P + "eth_type(0x0800),ipv4(ttl=5)");
    }

    @Test
    void transport() {
        OdpMatch m = terse(P + "eth_type(0x0800),ipv4(proto=6,frag=no),tcp(src=1024/0xfc00,dst=80),tcp_flags(+syn-ack)",
                P + "eth_type(0x0800),ipv4(proto=6,frag=no),tcp(src=1024/0xfc00,dst=80),tcp_flags(+syn-ack)");
        assertEquals(80, get(m, FlowField.TP_DST));
        assertEquals(0x02, get(m, FlowField.TCP_FLAGS));
        assertEquals(0x12, mask(m, FlowField.TCP_FLAGS));
        String tcp = P + "eth_type(0x0800),ipv4(proto=6,frag=no),";
        terse(tcp + "tcp_flags(syn|ack)", tcp + "tcp_flags(syn|ack)");
        terse(tcp + "tcp_flags(0x12)", tcp + "tcp_flags(syn|ack)");
        terse(tcp + "tcp_flags(0x002/0x012)", tcp + "tcp_flags(+syn-ack)");
        terse(tcp + "tcp_flags(0/0x2)", tcp + "tcp_flags(-syn)");
        terse(tcp + "tcp_flags(+fin+syn+rst+psh+ack+urg+ece+cwr+ns+[200])",
                tcp + "tcp_flags(+fin+syn+rst+psh+ack+urg+ece+cwr+ns+[200])");
        terse(P + "eth_type(0x0800),ipv4(proto=17,frag=no),udp(src=1,dst=2/0xf000)",
                P + "eth_type(0x0800),ipv4(proto=17,frag=no),udp(src=1,dst=2/0xf000)");
        terse(P + "eth_type(0x86dd),ipv6(proto=132,frag=no),sctp(src=5,dst=6)",
                P + "eth_type(0x86dd),ipv6(proto=132,frag=no),sctp(src=5,dst=6)");
        m = terse(P + "eth_type(0x0800),ipv4(proto=1,frag=no),icmp(type=8,code=0/0xf)",
                P + "eth_type(0x0800),ipv4(proto=1,frag=no),icmp(type=8,code=0/0xf)");
        assertEquals(8, get(m, FlowField.TP_SRC));
        assertEquals(0xff, mask(m, FlowField.TP_SRC), "ICMP type is 8 bits of tp_src, as in OVS");
    }

    @Test
    void ipv6AndNeighbourDiscovery() {
        OdpMatch m = terse(P + "eth_type(0x86dd),ipv6(src=2001:db8::1,dst=fe80::/ffff::,label=0x12345,proto=58,"
                + "tclass=0x10,hlimit=255,frag=no),icmpv6(type=135,code=0),nd(target=2001:db8::2,"
                + "sll=00:11:22:33:44:55,tll=00:00:00:00:00:00)", P + "eth_type(0x86dd),ipv6(src=2001:db8::1,"
                + "dst=fe80::/ffff::,label=0x12345,proto=58,tclass=0x10,hlimit=255,frag=no),icmpv6(type=135,code=0),"
                + "nd(target=2001:db8::2,sll=00:11:22:33:44:55,tll=00:00:00:00:00:00)");
        assertEquals(0x20010db800000000L, FlowField.IPV6_SRC.word(m.key(), 0, 0));
        assertEquals(1L, FlowField.IPV6_SRC.word(m.key(), 0, 1));
        assertEquals(0x12345, get(m, FlowField.IPV6_LABEL));
        assertEquals(0xfffff, mask(m, FlowField.IPV6_LABEL));
        assertEquals(0x001122334455L, get(m, FlowField.ARP_SHA));
        terse(P + "eth_type(0x86dd),ipv6(src=::ffff:1.2.3.4,dst=1:0:0:2::3,label=0x5/0xff,frag=no)",
                P + "eth_type(0x86dd),ipv6(src=::ffff:1.2.3.4,dst=1:0:0:2::3,label=0x5/0xff,frag=no)");
        // nd's mask shows only when ICMPv6 type and code are exact (OVS exports it so).
        m = OdpKey.parse(P + "eth_type(0x86dd),ipv6(proto=58,frag=no),icmpv6(type=135/0xf0,code=0),"
                + "nd(target=::1)");
        assertEquals(P + "eth_type(0x86dd),ipv6(proto=58,frag=no),icmpv6(type=135/0xf0,code=0)",
                OdpKey.format(m.key(), m.mask()));
    }

    @Test
    void arp() {
        OdpMatch m = terse(P + "eth_type(0x0806),arp(sip=10.0.0.1,tip=10.0.0.0/255.255.255.0,op=2,"
                + "sha=00:11:22:33:44:55,tha=66:77:88:99:aa:bb/ff:ff:ff:ff:ff:00)", P + "eth_type(0x0806),"
                + "arp(sip=10.0.0.1,tip=10.0.0.0/255.255.255.0,op=2,sha=00:11:22:33:44:55,"
                + "tha=66:77:88:99:aa:bb/ff:ff:ff:ff:ff:00)");
        assertEquals(2, FlowKey.nwProto(m.key(), 0), "the ARP opcode lives in nw_proto");
        assertEquals(0x0a000001L, get(m, FlowField.NW_SRC));
        terse(P + "eth_type(0x8035),arp(op=3)", P + "eth_type(0x8035),arp(op=3)");
    }

    @Test
    void tunnel() {
        OdpMatch m = terse("tunnel(tun_id=0x7b,src=1.1.1.1,dst=2.2.2.2,ttl=64,flags(-df-csum+key)),in_port(4789)",
                "tunnel(tun_id=0x7b,src=1.1.1.1,dst=2.2.2.2,ttl=64,flags(-df-csum+key)),in_port(4789),"
                        + "packet_type(ns=0,id=0)");
        assertEquals(0x7b, get(m, FlowField.TUN_ID));
        assertEquals(0x02020202L, get(m, FlowField.TUN_DST));
        assertEquals(OdpFlags.TUN_F_KEY, get(m, FlowField.TUN_FLAGS));
        assertEquals(OdpFlags.TUN_F_KEY | OdpFlags.TUN_F_DF | OdpFlags.TUN_F_CSUM, mask(m, FlowField.TUN_FLAGS));
        terse("tunnel(tun_id=0x7b/0xff,src=1.1.1.1,dst=2.2.2.0/255.255.255.0,tos=0x4,ttl=64,tp_src=1000,"
                + "tp_dst=4789,flags(df|csum|key|oam))", "tunnel(tun_id=0x7b/0xff,src=1.1.1.1,dst=2.2.2.0/255.255.255.0,"
                + "tos=0x4,ttl=64,tp_src=1000,tp_dst=4789,flags(oam|df|csum|key)),packet_type(ns=0,id=0)");
        m = terse("tunnel(ipv6_src=2001::1,ipv6_dst=2001::2,ttl=64)",
                "tunnel(ipv6_src=2001::1,ipv6_dst=2001::2,ttl=64),packet_type(ns=0,id=0)");
        assertTrue(OdpKey.format(m.key(), m.mask(), true, null).startsWith(
                "skb_priority(0/0),tunnel(ipv6_src=2001::1,ipv6_dst=2001::2,ttl=64,flags(0/0)),skb_mark(0/0),"));
    }

    @Test
    void geneveOptions() {
        String t = "tunnel(tun_id=0x5,dst=2.2.2.2,ttl=64,geneve({class=0xffff,type=0x80,len=4,0xa}"
                + "{class=0x102,type=0x1,len=8,0x1122334455667788/0xffff}),flags(+key))";
        OdpMatch m = terse(t, t + ",packet_type(ns=0,id=0)");
        assertEquals(20, get(m, FlowField.GENEVE_LEN));
        assertEquals(0xffff8001_0000000aL, m.key()[FlowKey.W_GENEVE_OPTS], "wire order, first byte on top");
        assertEquals(0x01020102_11223344L, m.key()[FlowKey.W_GENEVE_OPTS + 1]);
        // All-wildcarded options still show, as "{}" (OVS prints them so).
        m = OdpKey.parse("tunnel(dst=2.2.2.2,geneve({class=0xffff/0,type=0x80/0,len=4/0,0xa/0}))");
        assertEquals("tunnel(dst=2.2.2.2,geneve({})),packet_type(ns=0,id=0)", OdpKey.format(m.key(), m.mask()));
        assertTrue(OdpKey.format(m.key(), m.mask(), true, null).startsWith("skb_priority(0/0),tunnel(dst=2.2.2.2,"
                + "ttl=0/0,geneve({class=0xffff/0,type=0x80/0,len=4/0,0xa/0}),flags(0/0)),skb_mark(0/0),"));
    }

    @Test
    void ufidPrefix() {
        OdpMatch m = OdpKey.parse("ufid:11111111-2222-3333-4444-555555555555 in_port(1)");
        assertEquals(new Ufid(0x1111111122223333L, 0x4444555555555555L), m.ufid());
        assertEquals(1, FlowKey.inPort(m.key(), 0));
        assertEquals(m.ufid(), OdpKey.parse("ufid:11111111-2222-3333-4444-555555555555, in_port(1)").ufid());
    }

    @Test
    void packetTypeIsEthernet() {
        OdpMatch a = OdpKey.parse("in_port(1),packet_type(ns=0,id=0),eth_type(0x0800)");
        OdpMatch b = OdpKey.parse("in_port(1),packet_type(ns=0/0,id=0x800/0),eth_type(0x0800)");
        OdpMatch c = OdpKey.parse("in_port(1),eth_type(0x0800)");
        assertEquals(a, b);
        assertEquals(a, c);
    }

    @Test
    void verboseShowsEveryAttributeWithMasks() {
        OdpMatch m = OdpKey.parseDatapathFlow("in_port(1),eth_type(0x0800),ipv4(dst=10.0.0.2,proto=17,frag=no),udp()",
                PortNames.of(Map.of(1, "p1")));
        assertEquals("skb_priority(0/0),skb_mark(0/0),ct_state(0/0),ct_zone(0/0),ct_mark(0/0),ct_label(0/0),"
                + "recirc_id(0),dp_hash(0/0),in_port(p1),packet_type(ns=0,id=0),eth(src=00:00:00:00:00:00/"
                + "00:00:00:00:00:00,dst=00:00:00:00:00:00/00:00:00:00:00:00),eth_type(0x0800),ipv4(src=0.0.0.0/0.0.0.0,"
                + "dst=10.0.0.2,proto=17,tos=0/0,ttl=0/0,frag=no),udp(src=0/0,dst=0/0)",
                OdpKey.format(m.key(), m.mask(), true, PortNames.of(Map.of(1, "p1"))));
    }

    /** The verbose form from eth_type on. */
    private static String verboseTail(OdpMatch m) {
        String v = OdpKey.format(m.key(), m.mask(), true, null);
        return v.substring(v.indexOf("eth_type("));
    }
}
