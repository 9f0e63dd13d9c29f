package org.jvswitch.dataplane.flow;

/**
 * What {@link Miniflow#extract} says about a frame: {@link #OK}, or the first place where the
 * frame stopped being a valid packet. Plain {@code int} codes, dense from 0 to {@link #COUNT} - 1,
 * so a PMD keeps one {@code long} counter per code in an array indexed by the code (VPP's error
 * counters, OVS's {@code miniflow_extract_*} coverage counters) and nothing is boxed or looked up
 * per packet. {@link #name} is for whoever exports the counters, off the packet path.
 *
 * <p>A status is not a verdict: the key is still complete and valid up to the failing layer, and
 * the packet is classified and forwarded like any other (OVS does the same). Unknown EtherTypes and
 * IP protocols, and well-formed ARP for other hardware or protocol types, are {@link #OK}.
 */
public final class ExtractStatus {
    /** The frame parsed as far as jvswitch looks into it. */
    public static final int OK = 0;
    /** Fewer than 14 bytes: no Ethernet header, the whole key is zero. */
    public static final int TRUNCATED_ETH = 1;
    /** A VLAN TPID without the 4-byte tag and the 2-byte type after it. */
    public static final int TRUNCATED_VLAN = 2;
    /** An MPLS EtherType without a complete top label, or a stack that ends before its bottom. */
    public static final int TRUNCATED_MPLS = 3;
    /** ARP/RARP shorter than the 28 bytes of an Ethernet/IPv4 ARP message. */
    public static final int TRUNCATED_ARP = 4;
    /** IPv4 header, its options, or the total length running past the frame. */
    public static final int TRUNCATED_IPV4 = 5;
    /** IPv4 version not 4, ihl below 5, or total length shorter than the header. */
    public static final int BAD_IPV4_HEADER = 6;
    /** IPv6 fixed header or payload length running past the frame. */
    public static final int TRUNCATED_IPV6 = 7;
    /** IPv6 version not 6. */
    public static final int BAD_IPV6_HEADER = 8;
    /** An IPv6 extension header running past the payload, or too many of them. */
    public static final int BAD_IPV6_EXT = 9;
    /** A TCP, UDP, SCTP, ICMP or ICMPv6 header shorter than its fixed part. */
    public static final int TRUNCATED_L4 = 10;
    /** A TCP data offset below 5 words. */
    public static final int BAD_TCP_HEADER = 11;
    /** A neighbor solicitation/advertisement without room for its target, or with a bad option. */
    public static final int BAD_ND = 12;

    /** Number of codes: size a counter array with it. */
    public static final int COUNT = 13;

    private static final String[] NAMES = {
        "ok",
        "truncated_eth",
        "truncated_vlan",
        "truncated_mpls",
        "truncated_arp",
        "truncated_ipv4",
        "bad_ipv4_header",
        "truncated_ipv6",
        "bad_ipv6_header",
        "bad_ipv6_ext",
        "truncated_l4",
        "bad_tcp_header",
        "bad_nd",
    };

    private ExtractStatus() {
    }

    /** The counter name of a code ("truncated_ipv4"), or "unknown" for a code out of range. */
    public static String name(int code) {
        return code >= 0 && code < COUNT ? NAMES[code] : "unknown";
    }
}
