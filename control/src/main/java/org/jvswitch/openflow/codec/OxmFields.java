package org.jvswitch.openflow.codec;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jvswitch.dataplane.flow.FlowField;
import org.jvswitch.ofproto.OfKey;
import org.jvswitch.openflow.codec.OxmField.Prereq;
import org.jvswitch.openflow.codec.OxmField.Target;

/**
 * Every NXM and OXM match field we know, in the order a match is encoded (prerequisites first:
 * in_port, metadata and registers, Ethernet, VLAN, MPLS, IP, then L4 and ND), with the header
 * each dialect uses. NXM is the dialect of OpenFlow 1.0 Nicira messages (NXM_OF_* and NXM_NX_*
 * headers, OXM headers for fields NXM never named); OXM is the dialect of OpenFlow 1.2 and
 * later (OpenFlow basic headers, NXM_NX_* for Open vSwitch's own fields such as registers).
 * Decoding accepts every header listed here in either dialect, as Open vSwitch does.
 */
public final class OxmFields {
    public static final int NXM_OF = 0x0000;
    public static final int NXM_NX = 0x0001;
    public static final int OXM_BASIC = 0x8000;
    public static final int OXM_PACKET_REGS = 0x8001;
    public static final int OXM_EXPERIMENTER = 0xffff;

    private static final List<OxmField> ALL = new ArrayList<>();
    private static final Map<Integer, OxmField> BY_ID = new HashMap<>();
    private static final Map<String, OxmField> BY_NAME = new HashMap<>();

    private enum D { N, O, B, NONE }

    static {
        // Metadata and OVS's registers.
        add("in_port", NXM_OF, 0, 2, false, D.N, Target.IN_PORT16, null, 0, 16, 0, Prereq.NONE);
        add("in_port", OXM_BASIC, 0, 4, false, D.O, Target.IN_PORT32, null, 0, 32, 0, Prereq.NONE);
        add("metadata", OXM_BASIC, 2, 8, true, D.B, Target.WORD, null, 0, 64, OfKey.W_METADATA, Prereq.NONE);
        for (int i = 0; i < 16; i++) {
            add("reg" + i, NXM_NX, i, 4, true, D.B, Target.REG, null, 0, 32, i, Prereq.NONE);
        }
        for (int i = 0; i < 8; i++) {
            add("xreg" + i, OXM_PACKET_REGS, i, 8, true, D.NONE, Target.WORD, null, 0, 64, OfKey.W_REGS + i,
                    Prereq.NONE);
        }
        flow("tun_id", NXM_NX, 16, 8, true, D.N, FlowField.TUN_ID, Prereq.NONE);
        flow("tun_id", OXM_BASIC, 38, 8, true, D.O, FlowField.TUN_ID, Prereq.NONE);
        flow("tun_src", NXM_NX, 31, 4, true, D.B, FlowField.TUN_SRC, Prereq.NONE);
        flow("tun_dst", NXM_NX, 32, 4, true, D.B, FlowField.TUN_DST, Prereq.NONE);
        flow("pkt_mark", NXM_NX, 33, 4, true, D.B, FlowField.PKT_MARK, Prereq.NONE);
        // tun_flags: only Open vSwitch's public flag oam (bit 0); tun_metadata0..63 are TunMetadataCodec's.
        add("tun_flags", NXM_NX, 104, 2, true, D.B, Target.FLOW, FlowField.TUN_FLAGS, 0, 1, 0, Prereq.NONE);
        flow("tun_ipv6_src", NXM_NX, 109, 16, true, D.B, FlowField.TUN_IPV6_SRC, Prereq.NONE);
        flow("tun_ipv6_dst", NXM_NX, 110, 16, true, D.B, FlowField.TUN_IPV6_DST, Prereq.NONE);
        add("ct_state", NXM_NX, 105, 4, true, D.B, Target.FLOW, FlowField.CT_STATE, 0, 8, 0, Prereq.NONE);
        flow("ct_zone", NXM_NX, 106, 2, false, D.B, FlowField.CT_ZONE, Prereq.NONE);
        flow("ct_mark", NXM_NX, 107, 4, true, D.B, FlowField.CT_MARK, Prereq.NONE);
        // Ethernet and VLAN.
        flow("dl_dst", NXM_OF, 1, 6, true, D.N, FlowField.ETH_DST, Prereq.NONE);
        flow("dl_dst", OXM_BASIC, 3, 6, true, D.O, FlowField.ETH_DST, Prereq.NONE);
        flow("dl_src", NXM_OF, 2, 6, true, D.N, FlowField.ETH_SRC, Prereq.NONE);
        flow("dl_src", OXM_BASIC, 4, 6, true, D.O, FlowField.ETH_SRC, Prereq.NONE);
        flow("dl_type", NXM_OF, 3, 2, false, D.N, FlowField.ETH_TYPE, Prereq.NONE);
        flow("dl_type", OXM_BASIC, 5, 2, false, D.O, FlowField.ETH_TYPE, Prereq.NONE);
        flow("vlan_tci", NXM_OF, 4, 2, true, D.N, FlowField.VLAN0_TCI, Prereq.NONE);
        add("vlan_vid", OXM_BASIC, 6, 2, true, D.O, Target.FLOW, FlowField.VLAN0_TCI, 0, 13, 0, Prereq.NONE);
        register(new OxmField("vlan_pcp", OXM_BASIC, 7, 1, false, false, true, Target.FLOW, FlowField.VLAN0_TCI, 13,
                3, 0, Prereq.VLAN, true, 0));
        // MPLS.
        add("mpls_label", OXM_BASIC, 34, 4, false, D.B, Target.FLOW, FlowField.MPLS_LSE, 12, 20, 0, Prereq.MPLS);
        add("mpls_tc", OXM_BASIC, 35, 1, false, D.B, Target.FLOW, FlowField.MPLS_LSE, 9, 3, 0, Prereq.MPLS);
        add("mpls_bos", OXM_BASIC, 36, 1, false, D.B, Target.FLOW, FlowField.MPLS_LSE, 8, 1, 0, Prereq.MPLS);
        // IP.
        flow("nw_proto", NXM_OF, 6, 1, false, D.N, FlowField.NW_PROTO, Prereq.IP_ANY);
        flow("nw_proto", OXM_BASIC, 10, 1, false, D.O, FlowField.NW_PROTO, Prereq.IP_ANY);
        register(new OxmField("nw_tos", NXM_OF, 5, 1, false, true, false, Target.FLOW, FlowField.NW_TOS, 2, 6, 0,
                Prereq.IP_ANY, false, 2));
        add("ip_dscp", OXM_BASIC, 8, 1, false, D.O, Target.FLOW, FlowField.NW_TOS, 2, 6, 0, Prereq.IP_ANY);
        add("nw_ecn", NXM_NX, 28, 1, false, D.N, Target.FLOW, FlowField.NW_TOS, 0, 2, 0, Prereq.IP_ANY);
        add("nw_ecn", OXM_BASIC, 9, 1, false, D.O, Target.FLOW, FlowField.NW_TOS, 0, 2, 0, Prereq.IP_ANY);
        flow("nw_ttl", NXM_NX, 29, 1, false, D.B, FlowField.NW_TTL, Prereq.IP_ANY);
        flow("ip_frag", NXM_NX, 26, 1, true, D.B, FlowField.NW_FRAG, Prereq.IP_ANY);
        flow("nw_src", NXM_OF, 7, 4, true, D.N, FlowField.NW_SRC, Prereq.IPV4);
        flow("nw_src", OXM_BASIC, 11, 4, true, D.O, FlowField.NW_SRC, Prereq.IPV4);
        flow("nw_dst", NXM_OF, 8, 4, true, D.N, FlowField.NW_DST, Prereq.IPV4);
        flow("nw_dst", OXM_BASIC, 12, 4, true, D.O, FlowField.NW_DST, Prereq.IPV4);
        flow("ipv6_src", NXM_NX, 19, 16, true, D.N, FlowField.IPV6_SRC, Prereq.IPV6);
        flow("ipv6_src", OXM_BASIC, 26, 16, true, D.O, FlowField.IPV6_SRC, Prereq.IPV6);
        flow("ipv6_dst", NXM_NX, 20, 16, true, D.N, FlowField.IPV6_DST, Prereq.IPV6);
        flow("ipv6_dst", OXM_BASIC, 27, 16, true, D.O, FlowField.IPV6_DST, Prereq.IPV6);
        add("ipv6_label", NXM_NX, 27, 4, true, D.N, Target.FLOW, FlowField.IPV6_LABEL, 0, 20, 0, Prereq.IPV6);
        add("ipv6_label", OXM_BASIC, 28, 4, true, D.O, Target.FLOW, FlowField.IPV6_LABEL, 0, 20, 0, Prereq.IPV6);
        // ARP.
        add("arp_op", NXM_OF, 15, 2, false, D.N, Target.FLOW, FlowField.NW_PROTO, 0, 8, 0, Prereq.ARP);
        add("arp_op", OXM_BASIC, 21, 2, false, D.O, Target.FLOW, FlowField.NW_PROTO, 0, 8, 0, Prereq.ARP);
        flow("arp_spa", NXM_OF, 16, 4, true, D.N, FlowField.NW_SRC, Prereq.ARP);
        flow("arp_spa", OXM_BASIC, 22, 4, true, D.O, FlowField.NW_SRC, Prereq.ARP);
        flow("arp_tpa", NXM_OF, 17, 4, true, D.N, FlowField.NW_DST, Prereq.ARP);
        flow("arp_tpa", OXM_BASIC, 23, 4, true, D.O, FlowField.NW_DST, Prereq.ARP);
        flow("arp_sha", NXM_NX, 17, 6, true, D.N, FlowField.ARP_SHA, Prereq.ARP);
        flow("arp_sha", OXM_BASIC, 24, 6, true, D.O, FlowField.ARP_SHA, Prereq.ARP);
        flow("arp_tha", NXM_NX, 18, 6, true, D.N, FlowField.ARP_THA, Prereq.ARP);
        flow("arp_tha", OXM_BASIC, 25, 6, true, D.O, FlowField.ARP_THA, Prereq.ARP);
        // L4.
        flow("tcp_src", NXM_OF, 9, 2, true, D.N, FlowField.TP_SRC, Prereq.TCP);
        flow("tcp_src", OXM_BASIC, 13, 2, true, D.O, FlowField.TP_SRC, Prereq.TCP);
        flow("tcp_dst", NXM_OF, 10, 2, true, D.N, FlowField.TP_DST, Prereq.TCP);
        flow("tcp_dst", OXM_BASIC, 14, 2, true, D.O, FlowField.TP_DST, Prereq.TCP);
        add("tcp_flags", NXM_NX, 34, 2, true, D.B, Target.FLOW, FlowField.TCP_FLAGS, 0, 12, 0, Prereq.TCP);
        add("tcp_flags", OXM_BASIC, 42, 2, true, D.NONE, Target.FLOW, FlowField.TCP_FLAGS, 0, 12, 0, Prereq.TCP);
        flow("udp_src", NXM_OF, 11, 2, true, D.N, FlowField.TP_SRC, Prereq.UDP);
        flow("udp_src", OXM_BASIC, 15, 2, true, D.O, FlowField.TP_SRC, Prereq.UDP);
        flow("udp_dst", NXM_OF, 12, 2, true, D.N, FlowField.TP_DST, Prereq.UDP);
        flow("udp_dst", OXM_BASIC, 16, 2, true, D.O, FlowField.TP_DST, Prereq.UDP);
        flow("sctp_src", OXM_BASIC, 17, 2, true, D.B, FlowField.TP_SRC, Prereq.SCTP);
        flow("sctp_dst", OXM_BASIC, 18, 2, true, D.B, FlowField.TP_DST, Prereq.SCTP);
        add("icmp_type", NXM_OF, 13, 1, false, D.N, Target.FLOW, FlowField.TP_SRC, 0, 8, 0, Prereq.ICMPV4);
        add("icmp_type", OXM_BASIC, 19, 1, false, D.O, Target.FLOW, FlowField.TP_SRC, 0, 8, 0, Prereq.ICMPV4);
        add("icmp_code", NXM_OF, 14, 1, false, D.N, Target.FLOW, FlowField.TP_DST, 0, 8, 0, Prereq.ICMPV4);
        add("icmp_code", OXM_BASIC, 20, 1, false, D.O, Target.FLOW, FlowField.TP_DST, 0, 8, 0, Prereq.ICMPV4);
        add("icmpv6_type", NXM_NX, 21, 1, false, D.N, Target.FLOW, FlowField.TP_SRC, 0, 8, 0, Prereq.ICMPV6);
        add("icmpv6_type", OXM_BASIC, 29, 1, false, D.O, Target.FLOW, FlowField.TP_SRC, 0, 8, 0, Prereq.ICMPV6);
        add("icmpv6_code", NXM_NX, 22, 1, false, D.N, Target.FLOW, FlowField.TP_DST, 0, 8, 0, Prereq.ICMPV6);
        add("icmpv6_code", OXM_BASIC, 30, 1, false, D.O, Target.FLOW, FlowField.TP_DST, 0, 8, 0, Prereq.ICMPV6);
        flow("nd_target", NXM_NX, 23, 16, true, D.N, FlowField.ND_TARGET, Prereq.ND);
        flow("nd_target", OXM_BASIC, 31, 16, true, D.O, FlowField.ND_TARGET, Prereq.ND);
        flow("nd_sll", NXM_NX, 24, 6, true, D.N, FlowField.ARP_SHA, Prereq.ND_SOLICIT);
        flow("nd_sll", OXM_BASIC, 32, 6, true, D.O, FlowField.ARP_SHA, Prereq.ND_SOLICIT);
        flow("nd_tll", NXM_NX, 25, 6, true, D.N, FlowField.ARP_THA, Prereq.ND_ADVERT);
        flow("nd_tll", OXM_BASIC, 33, 6, true, D.O, FlowField.ARP_THA, Prereq.ND_ADVERT);
    }

    private OxmFields() {
    }

    private static void flow(String name, int cls, int field, int len, boolean maskable, D d, FlowField f, Prereq p) {
        add(name, cls, field, len, maskable, d, Target.FLOW, f, 0, Math.min(f.bits, 64), 0, p);
    }

    private static void add(String name, int cls, int field, int len, boolean maskable, D d, Target t, FlowField f,
                            int shift, int bits, int reg, Prereq p) {
        register(new OxmField(name, cls, field, len, maskable, d == D.N || d == D.B, d == D.O || d == D.B, t, f,
                shift, bits, reg, p, false, 0));
    }

    private static void register(OxmField f) {
        ALL.add(f);
        BY_ID.putIfAbsent(f.id(), f);
        if (f.nxm() || f.oxm()) {
            BY_NAME.putIfAbsent(f.name() + (f.oxm() && !f.nxm() ? "/oxm" : ""), f);
        }
    }

    /** Every field in encoding order. */
    public static List<OxmField> all() {
        return ALL;
    }

    /** The field with this class and number ({@code class << 7 | field}), or null. */
    public static OxmField byId(int id) {
        return BY_ID.get(id);
    }

    /** The field whose TLV header this is (mask bit and length ignored), or null. */
    public static OxmField byHeader(int header) {
        return BY_ID.get(header >>> 9);
    }

    /** The NXM-dialect field of a name (reg0, dl_dst, nw_ttl...), or null. */
    public static OxmField byName(String name) {
        OxmField f = BY_NAME.get(name);
        return f != null ? f : BY_NAME.get(name + "/oxm");
    }
}
