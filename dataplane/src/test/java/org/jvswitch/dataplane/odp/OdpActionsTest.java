package org.jvswitch.dataplane.odp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.jvswitch.dataplane.action.DpAction;
import org.jvswitch.dataplane.action.DpAction.SetField;
import org.jvswitch.dataplane.flow.FlowField;
import org.jvswitch.dataplane.flow.FlowKey;
import org.junit.jupiter.api.Test;

/** Each datapath action: what it parses into and how it prints. */
class OdpActionsTest {
    private static final OdpActions.Context IP_UDP = new OdpActions.Context(FlowKey.ETH_TYPE_IP, 17);
    private static final OdpActions.Context IP6_TCP = new OdpActions.Context(FlowKey.ETH_TYPE_IPV6, 6);

    private static List<DpAction> roundTrip(String s, OdpActions.Context ctx) {
        List<DpAction> a = OdpActions.parse(s);
        assertEquals(s, OdpActions.format(a, ctx, PortNames.NUMBERS));
        return a;
    }

    private static List<DpAction> roundTrip(String s) {
        return roundTrip(s, OdpActions.Context.UNKNOWN);
    }

    @Test
    void outputsAndDrop() {
        assertEquals(List.of(new DpAction.Output(2), new DpAction.Output(3)), roundTrip("2,3"));
        assertEquals(List.of(), OdpActions.parse("drop"));
        assertEquals(List.of(), OdpActions.parse(""));
        assertEquals("drop", OdpActions.format(List.of()));
        assertEquals(List.of(new DpAction.Output(-1)), roundTrip("4294967295"));
        PortNames names = PortNames.of(Map.of(2, "p2", 4789, "vxlan_sys_4789"));
        assertEquals(List.of(new DpAction.Output(2), new DpAction.TunnelPop(4789)),
                OdpActions.parse("p2,tnl_pop(vxlan_sys_4789)", names));
        assertEquals("p2,tnl_pop(vxlan_sys_4789)", OdpActions.format(
                List.of(new DpAction.Output(2), new DpAction.TunnelPop(4789)), null, names));
    }

    @Test
    void userspace() {
        DpAction.Userspace u = (DpAction.Userspace) roundTrip("userspace(pid=4294967295,userdata(0102030405))").get(0);
        assertEquals(-1, u.pid());
        assertArrayEquals(new byte[] {1, 2, 3, 4, 5}, u.userdata());
        assertNull(((DpAction.Userspace) roundTrip("userspace(pid=7)").get(0)).userdata());
        roundTrip("userspace(pid=7,userdata())");
    }

    @Test
    void setEthernetAndIpv4OneSetFieldPerField() {
        List<DpAction> a = roundTrip("set(eth(src=00:01:02:03:04:05,dst=00:01:02:03:04:06/ff:ff:ff:ff:ff:00)),"
                + "set(ipv4(src=1.1.1.1,dst=2.2.2.2,tos=0x4/0xfc,ttl=63))");
        assertEquals(List.of(SetField.of(FlowField.ETH_SRC, 0x000102030405L),
                new SetField(FlowField.ETH_DST, new long[] {0x000102030406L}, new long[] {0xffffffffff00L}),
                SetField.of(FlowField.NW_SRC, 0x01010101L), SetField.of(FlowField.NW_DST, 0x02020202L),
                new SetField(FlowField.NW_TOS, new long[] {4}, new long[] {0xfc}), SetField.of(FlowField.NW_TTL, 63)), a);
        // OVS's unmasked form with proto and frag: the datapath ignores both, so do we.
        assertEquals(List.of(SetField.of(FlowField.NW_SRC, 0x0a000001L), SetField.of(FlowField.NW_TTL, 64)),
                OdpActions.parse("set(ipv4(src=10.0.0.1,proto=6,ttl=64,frag=no))"));
        roundTrip("set(ipv4(src=10.0.0.1/255.255.255.0))");
    }

    @Test
    void setIpv6AndL4UnderTheFlowsProtocol() {
        List<DpAction> a = roundTrip("set(ipv6(src=::1,dst=2001::5/ffff::,label=0x12345,tclass=0x4/0xfc,hlimit=63)),"
                + "set(tcp(src=1,dst=2/0xff))", IP6_TCP);
        assertEquals(new SetField(FlowField.IPV6_SRC, new long[] {0, 1}, new long[] {-1, -1}), a.get(0));
        assertEquals(new SetField(FlowField.IPV6_LABEL, new long[] {0x12345}, new long[] {0xfffff}), a.get(2));
        roundTrip("set(udp(src=1/0xff)),set(ipv4(ttl=3))", IP_UDP);
        roundTrip("set(sctp(dst=99))", new OdpActions.Context(FlowKey.ETH_TYPE_IP, 132));
        roundTrip("set(icmp(type=0,code=0))", new OdpActions.Context(FlowKey.ETH_TYPE_IP, 1));
        roundTrip("set(icmpv6(type=1)),set(nd(target=::1/::ffff,sll=00:00:00:00:00:01))",
                new OdpActions.Context(FlowKey.ETH_TYPE_IPV6, 58));
        roundTrip("set(arp(sip=1.1.1.1,tip=2.2.2.2,op=2,sha=00:00:00:00:00:01,tha=00:00:00:00:00:02))",
                new OdpActions.Context(FlowKey.ETH_TYPE_ARP, 1));
        // The same SetFields under another flow print under that flow's headers.
        assertEquals("set(tcp(src=1/0xff)),set(ipv6(hlimit=3))",
                OdpActions.format(OdpActions.parse("set(udp(src=1/0xff)),set(ipv4(ttl=3))"), IP6_TCP, null));
    }

    @Test
    void consecutiveSetsOfOneHeaderPrintAsOne() {
        List<DpAction> a = List.of(SetField.of(FlowField.NW_TTL, 63), SetField.of(FlowField.NW_SRC, 0x0a000001L),
                SetField.of(FlowField.TP_DST, 53), SetField.of(FlowField.NW_TTL, 62), new DpAction.Output(2));
        assertEquals("set(ipv4(src=10.0.0.1,ttl=63)),set(udp(dst=53)),set(ipv4(ttl=62)),2",
                OdpActions.format(a, IP_UDP, null));
        // A field set twice starts a new set().
        assertEquals("set(ipv4(ttl=63)),set(ipv4(ttl=62))", OdpActions.format(
                List.of(SetField.of(FlowField.NW_TTL, 63), SetField.of(FlowField.NW_TTL, 62)), IP_UDP, null));
    }

    @Test
    void setMetadataMplsAndTunnel() {
        assertEquals(List.of(new SetField(FlowField.PKT_MARK, new long[] {0x10}, new long[] {0xff}),
                SetField.of(FlowField.SKB_PRIORITY, 1)), roundTrip("set(skb_mark(0x10/0xff)),set(skb_priority(0x1))"));
        assertEquals(List.of(new SetField(FlowField.MPLS_LSE, new long[] {63}, new long[] {0xff})),
                roundTrip("set(mpls(label=0/0x0,tc=0/0,ttl=63/0xff,bos=0/0))"));
        List<DpAction> t = roundTrip("set(tunnel(tun_id=0x7b,src=1.1.1.1,dst=2.2.2.2,ttl=64,tp_dst=4789,flags(df|key)))");
        assertEquals(10, t.size(), "a tunnel set replaces every tunnel field");
        assertEquals(SetField.of(FlowField.TUN_ID, 0x7b), t.get(0));
        assertEquals(SetField.of(FlowField.TUN_FLAGS, OdpFlags.TUN_F_DF | OdpFlags.TUN_F_KEY), t.get(9));
        roundTrip("set(tunnel(ipv6_dst=2001::1,tos=0x10,ttl=64,tp_src=5,flags(oam|csum)))");
        roundTrip("set(tunnel(dst=2.2.2.2,ttl=64))");
    }

    @Test
    void vlanMplsRecircHash() {
        assertEquals(List.of(new DpAction.PushVlan(0x8100, FlowKey.VLAN_CFI | 7 << 13 | 4095),
                new DpAction.PushVlan(0x88a8, FlowKey.VLAN_CFI), new DpAction.PushVlan(0x8100, 1 << 13 | 5),
                new DpAction.PopVlan()),
                roundTrip("push_vlan(vid=4095,pcp=7),push_vlan(tpid=0x88a8,vid=0,pcp=0),push_vlan(vid=5,pcp=1,cfi=0),"
                        + "pop_vlan"));
        assertEquals(List.of(new DpAction.PushMpls(100 << 12 | 1 << 8 | 64, 0x8847), new DpAction.PopMpls(0x800)),
                roundTrip("push_mpls(label=100,tc=0,ttl=64,bos=1,eth_type=0x8847),pop_mpls(eth_type=0x800)"));
        assertEquals(List.of(new DpAction.Recirc(1)), roundTrip("recirc(0x1)"));
        assertEquals(List.of(new DpAction.Recirc(1)), OdpActions.parse("recirc(1)"));
        assertEquals(List.of(new DpAction.Hash(DpAction.Hash.L4, 0), new DpAction.Hash(DpAction.Hash.SYM_L4, 7)),
                roundTrip("hash(l4(0)),hash(sym_l4(7))"));
    }

    @Test
    void popMplsChangesTheHeaderLaterSetsPrintUnder() {
        List<DpAction> a = List.of(new DpAction.PopMpls(FlowKey.ETH_TYPE_IPV6), SetField.of(FlowField.NW_TTL, 9));
        assertEquals("pop_mpls(eth_type=0x86dd),set(ipv6(hlimit=9))",
                OdpActions.format(a, new OdpActions.Context(FlowKey.ETH_TYPE_MPLS, 0), null));
    }

    @Test
    void nestedCloneAndSample() {
        List<DpAction> a = roundTrip("clone(set(ipv4(ttl=3)),2),clone(drop),sample(sample=12.5%,actions(1)),"
                + "sample(sample=0.0%,actions(drop)),sample(sample=100.0%,actions(clone(3),4))");
        assertEquals(new DpAction.Clone(List.of(SetField.of(FlowField.NW_TTL, 3), new DpAction.Output(2))), a.get(0));
        assertEquals(new DpAction.Clone(List.of()), a.get(1));
        assertEquals(1L << 29, ((DpAction.Sample) a.get(2)).probability(), "12.5% of 2^32");
        assertEquals(1L << 32, ((DpAction.Sample) a.get(4)).probability(), "100% is always");
    }

    @Test
    void truncMeterTunnelPop() {
        assertEquals(List.of(new DpAction.Truncate(100), new DpAction.Meter(7), new DpAction.TunnelPop(4)),
                roundTrip("trunc(100),meter(7),tnl_pop(4)"));
    }

    @Test
    void tunnelPushVxlanBytesAsOvsBuildsThem() {
        String s = "tnl_push(tnl_port(4789),header(size=50,type=4,eth(dst=f8:bc:12:44:34:b6,src=ee:55:0d:bc:bc:4e,"
                + "dl_type=0x0800),ipv4(src=1.1.2.88,dst=1.1.2.92,proto=17,tos=0,ttl=64,frag=0x4000),"
                + "udp(src=0,dst=4789,csum=0x0),vxlan(flags=0x8000000,vni=0x7b)),out_port(5))";
        DpAction.TunnelPush t = (DpAction.TunnelPush) roundTrip(s).get(0);
        assertEquals(4789, t.tnlPort());
        assertEquals(5, t.outPort());
        assertEquals(OdpTunnelHeader.VXLAN, t.headerType());
        // eth | IPv4 (0x45, total length 0, id 0, DF, ttl 64, UDP, checksum 0x3438) | UDP (length 0) | VXLAN
        assertEquals("f8bc124434b6ee550dbcbc4e0800" + "45000000000040004011343801010258" + "0101025c"
                + "000012b500000000" + "0800000000007b00", HexFormat.of().formatHex(t.header()));
        assertEquals(0, OdpTunnelHeader.checksum(java.util.Arrays.copyOfRange(t.header(), 14, 34)),
                "the IPv4 header checksum is filled in");
    }

    @Test
    void tunnelPushGeneveGreAndIpv6() {
        roundTrip("tnl_push(tnl_port(6081),header(size=58,type=5,eth(dst=f8:bc:12:44:34:b6,src=f8:bc:12:46:58:e0,"
                + "dl_type=0x0800),ipv4(src=1.1.2.88,dst=1.1.2.92,proto=17,tos=0x10,ttl=64,frag=0x4000),"
                + "udp(src=0,dst=6081,csum=0x0),geneve(oam,vni=0x1c7,options({class=0xffff,type=0x80,len=4,0xa}))),"
                + "out_port(1))");
        roundTrip("tnl_push(tnl_port(6081),header(size=50,type=5,eth(dst=f8:bc:12:44:34:b6,src=f8:bc:12:46:58:e0,"
                + "dl_type=0x0800),ipv4(src=1.1.2.88,dst=1.1.2.92,proto=17,tos=0,ttl=64,frag=0x4000),"
                + "udp(src=0,dst=6081,csum=0x0),geneve(crit,vni=0x1c7)),out_port(1))");
        roundTrip("tnl_push(tnl_port(4),header(size=42,type=3,eth(dst=f8:bc:12:44:34:b6,src=f8:bc:12:46:58:e0,"
                + "dl_type=0x0800),ipv4(src=1.1.2.88,dst=1.1.2.92,proto=47,tos=0,ttl=64,frag=0x4000),"
                + "gre((flags=0x2000,proto=0x6558),key=0x1e241)),out_port(1))");
        roundTrip("tnl_push(tnl_port(6),header(size=70,type=109,eth(dst=f8:bc:12:44:34:b6,src=f8:bc:12:46:58:e0,"
                + "dl_type=0x86dd),ipv6(src=2001:cafe::88,dst=2001:cafe::92,label=0,proto=47,tclass=0x0,hlimit=64),"
                + "gre((flags=0xb000,proto=0x6558),csum=0x0,key=0x1e241,seq=0x5)),out_port(1))");
        roundTrip("tnl_push(tnl_port(4789),header(size=70,type=4,eth(dst=f8:bc:12:44:34:b6,src=f8:bc:12:46:58:e0,"
                + "dl_type=0x86dd),ipv6(src=2001:cafe::88,dst=2001:cafe::92,label=5,proto=17,tclass=0x0,hlimit=64),"
                + "udp(src=0,dst=4789,csum=0xffff),vxlan(flags=0x8000000,vni=0x1c7)),out_port(1))");
    }

    @Test
    void everyActionInOneList() {
        roundTrip("userspace(pid=1,userdata(01)),set(eth(dst=00:00:00:00:00:01)),push_vlan(vid=1,pcp=0),pop_vlan,"
                + "push_mpls(label=1,tc=0,ttl=1,bos=1,eth_type=0x8848),pop_mpls(eth_type=0x800),recirc(0x2),"
                + "hash(l4(1)),clone(1),sample(sample=50.0%,actions(2)),trunc(64),meter(0),tnl_pop(3),4", IP_UDP);
    }
}
