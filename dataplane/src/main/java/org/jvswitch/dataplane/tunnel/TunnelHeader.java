package org.jvswitch.dataplane.tunnel;

import org.jvswitch.dataplane.action.DpAction;
import org.jvswitch.dataplane.flow.FlowKey;

/**
 * A {@code tnl_push} compiled for the fast path: the prebuilt outer headers of a
 * {@link DpAction.TunnelPush} as 8-byte words ready to store, plus where the per-packet fields
 * are and the outer packet's flow key words. Built once when a flow is installed
 * ({@link #of}, which rejects headers the datapath cannot push with a one-line reason);
 * immutable afterwards except the GRE sequence number.
 *
 * <pre>
 *  Ethernet  dst(6) src(6) type(2)                                   0
 *  IPv4      0x45 tos totlen(=0) id flags/frag ttl proto csum src dst  14   (IHL 5 only)
 *   or IPv6  ver/tc/label plen(=0) next-header hlimit src(16) dst(16)  14
 *  UDP       src(=0) dst len(=0) csum (0: none, else computed)         l4
 *   VXLAN    flags(0x08000000) vni(24)|0                               l4 + 8
 *   Geneve   ver/optlen O|C|rsvd proto(0x6558) vni|0 options           l4 + 8
 *  GRE       C|K|S flags, proto (0x6558 Ethernet, 0x0800/0x86dd L3) [csum rsvd] [key] [seq]
 * </pre>
 *
 * Per packet ({@link TunnelEncap}) the IPv4 total length and header checksum (incrementally from
 * the template's, whose total length is 0, as OVS builds it), the IPv6 payload length, the UDP
 * source port (from the packet's hash), UDP length and, when the template's UDP checksum is not
 * zero, the UDP checksum; the GRE checksum when its C bit is set and the sequence number when
 * its S bit is.
 */
public final class TunnelHeader {
    /** OVS's datapath tunnel types, as {@code tnl_push(...header(type=N...))} prints them. */
    public static final int GRE = 3;
    public static final int VXLAN = 4;
    public static final int GENEVE = 5;
    public static final int IP6GRE = 109;
    /** OVS's default tunnel UDP source port range (tnl/egress_port_range). */
    public static final int UDP_SRC_MIN = 32768;
    public static final int UDP_SRC_MAX = 61000;
    /** The packet words of a key the push rewrites: eth_dst .. arp_tha. */
    static final int KEY_FROM = FlowKey.W_ETH_DST;
    static final int KEY_WORDS = FlowKey.W_ARP_THA + 1 - KEY_FROM;

    static final int ETH_LEN = 14;
    static final int GRE_CSUM = 0x8000;
    static final int GRE_ROUTING = 0x4000;
    static final int GRE_KEY = 0x2000;
    static final int GRE_SEQ = 0x1000;
    static final int ETH_TYPE_TEB = 0x6558;

    final DpAction.TunnelPush push;
    final int length;
    /** Bytes [8i, 8i + 8) of the header, big-endian, for i below length / 8. */
    final long[] words;
    /** The last 8 bytes of the header (stored last, overlapping the last full word). */
    final long tail;
    final boolean ipv6;
    /** Offset of the UDP or GRE header. */
    final int l4;
    final boolean udp;
    final boolean udpCsum;
    /** Offset of the GRE checksum, 0 when the header has none. */
    final int greCsumAt;
    /** Offset of the GRE sequence number, 0 when the header has none. */
    final int greSeqAt;
    /** IPv4: the header's one's-complement sum with total length and checksum 0. */
    final long ipSum;
    /** UDP checksum: the pseudo-header sum without the length. */
    final long pseudoSum;
    /** GRE carrying an L3 packet (legacy_l3): the inner Ethernet header is removed first. */
    final boolean l3Payload;
    /** The outer packet's key words {@link #KEY_FROM}.. (UDP source port 0). */
    final long[] keyWords;
    /** GRE sequence number: a plain field several PMDs may bump (a lost increment is harmless). */
    int seq;

    private TunnelHeader(DpAction.TunnelPush push, boolean ipv6, int l4, boolean udp, boolean udpCsum,
                         int greCsumAt, int greSeqAt, long ipSum, long pseudoSum, boolean l3Payload,
                         long[] keyWords, int seq) {
        this.push = push;
        byte[] h = push.header();
        this.length = h.length;
        this.words = new long[h.length / 8];
        for (int i = 0; i < words.length; i++) {
            words[i] = be(h, 8 * i, 8);
        }
        this.tail = be(h, h.length - 8, 8);
        this.ipv6 = ipv6;
        this.l4 = l4;
        this.udp = udp;
        this.udpCsum = udpCsum;
        this.greCsumAt = greCsumAt;
        this.greSeqAt = greSeqAt;
        this.ipSum = ipSum;
        this.pseudoSum = pseudoSum;
        this.l3Payload = l3Payload;
        this.keyWords = keyWords;
        this.seq = seq;
    }

    /** The action this came from. */
    public DpAction.TunnelPush push() {
        return push;
    }

    /** Header bytes pushed on every packet. */
    public int length() {
        return length;
    }

    /**
     * Writes the outer packet's flow key words (eth_dst .. arp_tha; UDP source port 0, the
     * per-packet one is not known) into {@code key} at {@code base}: what translation continues
     * with on the underlay bridge.
     */
    public void outerKey(long[] key, int base) {
        System.arraycopy(keyWords, 0, key, base + KEY_FROM, KEY_WORDS);
    }

    /** Whether the header carries an L3 packet (GRE legacy_l3), so the push removes the inner Ethernet header. */
    public boolean l3Payload() {
        return l3Payload;
    }

    /**
     * Compiles a tnl_push.
     *
     * @throws IllegalArgumentException with a one-line reason for a header the datapath cannot push
     */
    public static TunnelHeader of(DpAction.TunnelPush p) {
        byte[] h = p.header();
        int type = p.headerType();
        if (h.length < ETH_LEN + 20 + 4) {
            throw bad(p, "is too short (" + h.length + " bytes)");
        }
        if (h.length > 128) {
            throw bad(p, "is longer than 128 bytes");
        }
        long[] kw = new long[KEY_WORDS];
        long ethDst = be(h, 0, 6);
        long ethSrc = be(h, 6, 6);
        int ethType = (int) be(h, 12, 2);
        kw[FlowKey.W_ETH_DST - KEY_FROM] = FlowKey.ethDstWord(ethDst, ethType);
        kw[FlowKey.W_ETH_SRC - KEY_FROM] = ethSrc << 16;
        boolean ipv6;
        int proto;
        int l4;
        long ipSum = 0;
        long pseudo;
        if (ethType == FlowKey.ETH_TYPE_IP) {
            ipv6 = false;
            if ((h[ETH_LEN] & 0xff) != 0x45) {
                throw bad(p, "has an IPv4 header that is not version 4 with 20 bytes (0x45)");
            }
            proto = h[ETH_LEN + 9] & 0xff;
            for (int i = 0; i < 20; i += 2) {
                if (i != 2 && i != 10) {
                    ipSum += be(h, ETH_LEN + i, 2);
                }
            }
            l4 = ETH_LEN + 20;
            pseudo = be(h, ETH_LEN + 12, 2) + be(h, ETH_LEN + 14, 2) + be(h, ETH_LEN + 16, 2)
                    + be(h, ETH_LEN + 18, 2) + proto;
            int tos = h[ETH_LEN + 1] & 0xff;
            int ttl = h[ETH_LEN + 8] & 0xff;
            kw[FlowKey.W_L3_META - KEY_FROM] = FlowKey.l3MetaWord(0, proto, tos, ttl, 0);
            kw[FlowKey.W_NW - KEY_FROM] = be(h, ETH_LEN + 12, 8);
        } else if (ethType == FlowKey.ETH_TYPE_IPV6) {
            ipv6 = true;
            if (h.length < ETH_LEN + 40 + 4 || (h[ETH_LEN] & 0xf0) != 0x60) {
                throw bad(p, "has a truncated or non-version-6 IPv6 header");
            }
            proto = h[ETH_LEN + 6] & 0xff;
            l4 = ETH_LEN + 40;
            pseudo = proto;
            for (int i = 8; i < 40; i += 2) {
                pseudo += be(h, ETH_LEN + i, 2);
            }
            long w0 = be(h, ETH_LEN, 4);
            kw[FlowKey.W_L3_META - KEY_FROM] = FlowKey.l3MetaWord(0, proto, (int) (w0 >>> 20) & 0xff,
                    h[ETH_LEN + 7] & 0xff, 0);
            kw[FlowKey.W_IPV6_SRC - KEY_FROM] = be(h, ETH_LEN + 8, 8);
            kw[FlowKey.W_IPV6_SRC + 1 - KEY_FROM] = be(h, ETH_LEN + 16, 8);
            kw[FlowKey.W_IPV6_DST - KEY_FROM] = be(h, ETH_LEN + 24, 8);
            kw[FlowKey.W_IPV6_DST + 1 - KEY_FROM] = be(h, ETH_LEN + 32, 8);
            kw[FlowKey.W_IPV6_LABEL - KEY_FROM] = (w0 & 0xfffff) << 32;
        } else {
            throw bad(p, "has outer eth_type 0x" + Integer.toHexString(ethType) + ", not IPv4 or IPv6");
        }
        if (proto == FlowKey.IPPROTO_UDP) {
            if (type != VXLAN && type != GENEVE) {
                throw bad(p, "is UDP but of type " + type + " (VXLAN is 4, Geneve 5)");
            }
            int o = l4 + 8;
            if (h.length < o + 8) {
                throw bad(p, "has no room for its " + (type == VXLAN ? "VXLAN" : "Geneve") + " header");
            }
            int expect = type == VXLAN ? o + 8 : o + 8 + (h[o] & 0x3f) * 4;
            if (h.length != expect) {
                throw bad(p, "is " + h.length + " bytes where its headers make " + expect);
            }
            kw[FlowKey.W_TP - KEY_FROM] = FlowKey.tpWord(0, (int) be(h, l4 + 2, 2), 0);
            boolean csum = be(h, l4 + 6, 2) != 0;
            return new TunnelHeader(p, ipv6, l4, true, csum, 0, 0, ipSum, pseudo, false, kw, 0);
        }
        if (proto == FlowKey.IPPROTO_GRE) {
            if (type != GRE && type != IP6GRE) {
                throw bad(p, "is GRE but of type " + type + " (GRE is 3, ip6gre 109)");
            }
            int flags = (int) be(h, l4, 2);
            int gproto = (int) be(h, l4 + 2, 2);
            if ((flags & ~(GRE_CSUM | GRE_KEY | GRE_SEQ)) != 0) {
                throw bad(p, "has GRE flags 0x" + Integer.toHexString(flags) + " (only C, K and S are supported)");
            }
            int o = l4 + 4;
            int csumAt = 0;
            int seqAt = 0;
            if ((flags & GRE_CSUM) != 0) {
                csumAt = o;
                o += 4;
            }
            if ((flags & GRE_KEY) != 0) {
                o += 4;
            }
            if ((flags & GRE_SEQ) != 0) {
                seqAt = o;
                o += 4;
            }
            if (h.length != o) {
                throw bad(p, "is " + h.length + " bytes where its headers make " + o);
            }
            boolean l3 = gproto == FlowKey.ETH_TYPE_IP || gproto == FlowKey.ETH_TYPE_IPV6;
            if (!l3 && gproto != ETH_TYPE_TEB) {
                throw bad(p, "carries GRE protocol 0x" + Integer.toHexString(gproto) + " (0x6558, 0x800 or 0x86dd)");
            }
            int seq = seqAt > 0 ? (int) be(h, seqAt, 4) : 0;
            return new TunnelHeader(p, ipv6, l4, false, false, csumAt, seqAt, ipSum, pseudo, l3, kw, seq);
        }
        throw bad(p, "has IP protocol " + proto + ", not UDP or GRE");
    }

    private static IllegalArgumentException bad(DpAction.TunnelPush p, String why) {
        return new IllegalArgumentException("tnl_push to tnl_port(" + p.tnlPort() + "): the header " + why);
    }

    static long be(byte[] b, int off, int n) {
        long v = 0;
        for (int i = 0; i < n; i++) {
            v = v << 8 | b[off + i] & 0xff;
        }
        return v;
    }

    @Override
    public String toString() {
        return push.toString();
    }
}
