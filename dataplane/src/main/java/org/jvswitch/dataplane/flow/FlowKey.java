package org.jvswitch.dataplane.flow;

/**
 * The layout of a flow key: every field the datapath extracts from a packet and its metadata, at
 * a fixed place in {@link #WORDS} 64-bit words.
 *
 * <p>A key is dense: unused fields are zero. That keeps every consumer simple and fast in Java:
 * the exact-match cache compares two keys with one vectorised {@code Arrays.equals} over a
 * {@code long[]} range, a classifier subtable reads only the words its mask touches, and a mask
 * has the same layout as a key. Keys are not objects: a PMD keeps the keys of a burst side by
 * side in one {@code long[]} ({@code base = slot * WORDS}), caches and flows keep theirs in
 * arrays of their own. Field values are in host order with network meaning (eth_type 0x0800,
 * IPv4 10.0.0.1 = 0x0a000001).
 *
 * <pre>
 * word  bits 63 ..................................................................... 0
 *  0    in_port (32)                         | recirc_id (32)
 *  1    dp_hash (32)                         | pkt_mark (32)
 *  2    skb_priority (32)                    | ct_mark (32)
 *  3    ct_state (8) | ct_nw_proto (8) | ct_zone (16) | ct_tp_src (16) | ct_tp_dst (16)
 *  4    ct_nw_src (32)                       | ct_nw_dst (32)
 *  5,6  ct_label (128)
 *  7    tun_id (64)
 *  8    tun_src (32)                         | tun_dst (32)
 *  9    tun_flags (16) | tun_tos (8) | tun_ttl (8) | tun_tp_src (16) | tun_tp_dst (16)
 * 10,11 tun_ipv6_src (128)
 * 12,13 tun_ipv6_dst (128)
 * 14    eth_dst (48)                                         | eth_type (16)
 * 15    eth_src (48)                                         | (0)
 * 16    vlan0 tpid (16) | vlan0 tci (16) | vlan1 tpid (16) | vlan1 tci (16)
 * 17    mpls_lse (32)                        | nw_proto (8) | nw_tos (8) | nw_ttl (8) | nw_frag (8)
 * 18    nw_src (32)                          | nw_dst (32)          (IPv4, or ARP spa/tpa)
 * 19    tp_src (16) | tp_dst (16)            | tcp_flags (16) | (0)  (ICMP: type, code)
 * 20,21 ipv6_src (128)
 * 22,23 ipv6_dst (128)
 * 24    ipv6_label (32, 20 used)             | (0)
 * 25,26 nd_target (128)
 * 27    arp_sha / nd_sll (48)                                | (0)
 * 28    arp_tha / nd_tll (48)                                | (0)
 * 29    geneve option bytes (8) | (0)
 * 30-37 geneve options: up to 64 bytes of raw option TLVs, in wire order
 * </pre>
 *
 * As in Open vSwitch: a present VLAN tag has {@link #VLAN_CFI} set in its tci; ARP's opcode is in
 * nw_proto; ICMP type and code are in tp_src and tp_dst; nw_frag holds {@link #FRAG_ANY} and
 * {@link #FRAG_LATER}; eth_type is the type after the VLAN tags (and 0x05ff for 802.3 frames
 * without SNAP, OVS's FLOW_DL_TYPE_NONE).
 */
public final class FlowKey {
    public static final int WORDS = 38;
    public static final int BYTES = WORDS * 8;

    public static final int W_IN_PORT = 0;
    public static final int W_DP_HASH = 1;
    public static final int W_PRIORITY = 2;
    public static final int W_CT = 3;
    public static final int W_CT_NW = 4;
    public static final int W_CT_LABEL = 5;
    public static final int W_TUN_ID = 7;
    public static final int W_TUN_IPV4 = 8;
    public static final int W_TUN_META = 9;
    public static final int W_TUN_IPV6_SRC = 10;
    public static final int W_TUN_IPV6_DST = 12;
    public static final int W_ETH_DST = 14;
    public static final int W_ETH_SRC = 15;
    public static final int W_VLAN = 16;
    public static final int W_L3_META = 17;
    public static final int W_NW = 18;
    public static final int W_TP = 19;
    public static final int W_IPV6_SRC = 20;
    public static final int W_IPV6_DST = 22;
    public static final int W_IPV6_LABEL = 24;
    public static final int W_ND_TARGET = 25;
    public static final int W_ARP_SHA = 27;
    public static final int W_ARP_THA = 28;
    public static final int W_GENEVE_LEN = 29;
    public static final int W_GENEVE_OPTS = 30;
    public static final int GENEVE_OPTS_MAX_BYTES = 64;

    /** The tci bit that marks a VLAN tag as present (802.1Q's CFI/DEI position, as in OVS). */
    public static final int VLAN_CFI = 0x1000;
    public static final int FRAG_ANY = 1;
    public static final int FRAG_LATER = 2;
    /** eth_type of an 802.3 frame without SNAP (OVS's FLOW_DL_TYPE_NONE). */
    public static final int ETH_TYPE_NONE = 0x05ff;

    public static final int ETH_TYPE_IP = 0x0800;
    public static final int ETH_TYPE_ARP = 0x0806;
    public static final int ETH_TYPE_RARP = 0x8035;
    public static final int ETH_TYPE_IPV6 = 0x86dd;
    public static final int ETH_TYPE_VLAN = 0x8100;
    public static final int ETH_TYPE_VLAN_8021AD = 0x88a8;
    public static final int ETH_TYPE_MPLS = 0x8847;
    public static final int ETH_TYPE_MPLS_MCAST = 0x8848;

    public static final int IPPROTO_ICMP = 1;
    public static final int IPPROTO_TCP = 6;
    public static final int IPPROTO_UDP = 17;
    public static final int IPPROTO_GRE = 47;
    public static final int IPPROTO_ICMPV6 = 58;
    public static final int IPPROTO_SCTP = 132;

    private FlowKey() {
    }

    // ---- word composition, for extraction and actions (all static, all inlinable) ----

    public static long inPortWord(int inPort, int recircId) {
        return (long) inPort << 32 | (recircId & 0xffffffffL);
    }

    public static long ethDstWord(long ethDst, int ethType) {
        return ethDst << 16 | (ethType & 0xffff);
    }

    public static long l3MetaWord(int mplsLse, int nwProto, int nwTos, int nwTtl, int nwFrag) {
        return (long) mplsLse << 32 | (nwProto & 0xffL) << 24 | (nwTos & 0xffL) << 16 | (nwTtl & 0xffL) << 8
                | (nwFrag & 0xffL);
    }

    public static long pairWord(int hi, int lo) {
        return (long) hi << 32 | (lo & 0xffffffffL);
    }

    public static long tpWord(int tpSrc, int tpDst, int tcpFlags) {
        return (tpSrc & 0xffffL) << 48 | (tpDst & 0xffffL) << 32 | (tcpFlags & 0xffffL) << 16;
    }

    // ---- field reads, for the slow path and tests ----

    public static int inPort(long[] k, int base) {
        return (int) (k[base + W_IN_PORT] >>> 32);
    }

    public static int recircId(long[] k, int base) {
        return (int) k[base + W_IN_PORT];
    }

    public static int ethType(long[] k, int base) {
        return (int) (k[base + W_ETH_DST] & 0xffff);
    }

    public static int nwProto(long[] k, int base) {
        return (int) (k[base + W_L3_META] >>> 24) & 0xff;
    }

    public static int nwFrag(long[] k, int base) {
        return (int) k[base + W_L3_META] & 0xff;
    }

    public static int tcpFlags(long[] k, int base) {
        return (int) (k[base + W_TP] >>> 16) & 0xffff;
    }
}
