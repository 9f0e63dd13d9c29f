package org.jvswitch.dataplane.flow;

import static org.jvswitch.dataplane.flow.ExtractStatus.BAD_IPV4_HEADER;
import static org.jvswitch.dataplane.flow.ExtractStatus.BAD_IPV6_EXT;
import static org.jvswitch.dataplane.flow.ExtractStatus.BAD_IPV6_HEADER;
import static org.jvswitch.dataplane.flow.ExtractStatus.BAD_ND;
import static org.jvswitch.dataplane.flow.ExtractStatus.BAD_TCP_HEADER;
import static org.jvswitch.dataplane.flow.ExtractStatus.OK;
import static org.jvswitch.dataplane.flow.ExtractStatus.TRUNCATED_ARP;
import static org.jvswitch.dataplane.flow.ExtractStatus.TRUNCATED_ETH;
import static org.jvswitch.dataplane.flow.ExtractStatus.TRUNCATED_IPV4;
import static org.jvswitch.dataplane.flow.ExtractStatus.TRUNCATED_IPV6;
import static org.jvswitch.dataplane.flow.ExtractStatus.TRUNCATED_L4;
import static org.jvswitch.dataplane.flow.ExtractStatus.TRUNCATED_MPLS;
import static org.jvswitch.dataplane.flow.ExtractStatus.TRUNCATED_VLAN;
import static org.jvswitch.dataplane.flow.FlowKey.ETH_TYPE_ARP;
import static org.jvswitch.dataplane.flow.FlowKey.ETH_TYPE_IP;
import static org.jvswitch.dataplane.flow.FlowKey.ETH_TYPE_IPV6;
import static org.jvswitch.dataplane.flow.FlowKey.ETH_TYPE_MPLS;
import static org.jvswitch.dataplane.flow.FlowKey.ETH_TYPE_MPLS_MCAST;
import static org.jvswitch.dataplane.flow.FlowKey.ETH_TYPE_NONE;
import static org.jvswitch.dataplane.flow.FlowKey.ETH_TYPE_RARP;
import static org.jvswitch.dataplane.flow.FlowKey.ETH_TYPE_VLAN;
import static org.jvswitch.dataplane.flow.FlowKey.ETH_TYPE_VLAN_8021AD;
import static org.jvswitch.dataplane.flow.FlowKey.FRAG_ANY;
import static org.jvswitch.dataplane.flow.FlowKey.FRAG_LATER;
import static org.jvswitch.dataplane.flow.FlowKey.IPPROTO_ICMP;
import static org.jvswitch.dataplane.flow.FlowKey.IPPROTO_ICMPV6;
import static org.jvswitch.dataplane.flow.FlowKey.IPPROTO_SCTP;
import static org.jvswitch.dataplane.flow.FlowKey.IPPROTO_TCP;
import static org.jvswitch.dataplane.flow.FlowKey.IPPROTO_UDP;
import static org.jvswitch.dataplane.flow.FlowKey.VLAN_CFI;
import static org.jvswitch.dataplane.flow.FlowKey.W_ARP_SHA;
import static org.jvswitch.dataplane.flow.FlowKey.W_ARP_THA;
import static org.jvswitch.dataplane.flow.FlowKey.W_ETH_DST;
import static org.jvswitch.dataplane.flow.FlowKey.W_ETH_SRC;
import static org.jvswitch.dataplane.flow.FlowKey.W_IPV6_DST;
import static org.jvswitch.dataplane.flow.FlowKey.W_IPV6_LABEL;
import static org.jvswitch.dataplane.flow.FlowKey.W_IPV6_SRC;
import static org.jvswitch.dataplane.flow.FlowKey.W_L3_META;
import static org.jvswitch.dataplane.flow.FlowKey.W_ND_TARGET;
import static org.jvswitch.dataplane.flow.FlowKey.W_NW;
import static org.jvswitch.dataplane.flow.FlowKey.W_TP;
import static org.jvswitch.dataplane.flow.FlowKey.W_VLAN;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;
import java.util.Objects;
import org.jvswitch.dpdk.Mbuf;

/**
 * Flow-key extraction from packet bytes: the packet half of a {@link FlowKey} (words
 * {@link FlowKey#W_ETH_DST} .. {@link FlowKey#W_ARP_THA}), parsed straight out of native memory.
 * Open vSwitch calls this step {@code miniflow_extract}; the semantics follow it, field by field.
 *
 * <pre>
 *  Ethernet  dst(6) src(6) type(2)                   -&gt; eth_dst, eth_src, eth_type
 *   [VLAN]   tpid(2) tci(2), at most 2 (0x8100/0x88a8) -&gt; vlan0, vlan1 (tci | CFI); a 3rd stays payload
 *   [802.3]  len(2) AA AA 03 00 00 00 type(2)        -&gt; SNAP type, else eth_type 0x05ff
 *  MPLS      lse(4) ... until bottom of stack        -&gt; mpls_lse (top entry only); no deeper parse
 *  ARP/RARP  1/0x0800/6/4 only, 28 bytes             -&gt; op in nw_proto, spa/tpa, sha/tha
 *  IPv4      ihl &gt;= 5, version 4, tot_len in frame  -&gt; nw_*, nw_frag; L4 bounded by tot_len
 *  IPv6      40 bytes, version 6, plen in frame       -&gt; ipv6_*, nw_*; L4 bounded by plen
 *   [ext]    hop-by-hop 0, routing 43, dst-opts 60, AH 51, fragment 44 (at most 16 headers)
 *  L4        TCP 20+ (ports, 12 flag bits), UDP 8, SCTP 12, ICMP/ICMPv6 8 (type, code)
 *   [ND]     ICMPv6 135/136 code 0: target(16), options SLL(1)/TLL(2) of 8 bytes
 * </pre>
 *
 * <p>Contract, as in OVS: parse as far as the frame is valid and stop there. A truncated or
 * malformed layer leaves its fields and everything after it zero, the layers before keep their
 * values, and the return value ({@link ExtractStatus}) says where it stopped; the packet is still
 * classified and forwarded on that key. Nothing throws, whatever the bytes: every read is bounded
 * by {@code len} (and L4 by the IP length, so Ethernet padding is never parsed as payload).
 *
 * <p>Where OVS's behaviour is subtle and kept on purpose: an IPv4 or IPv6 header that fails its
 * sanity check sets no L3 field at all (eth_type stays); a bad IPv6 extension chain keeps only the
 * addresses; a later IPv6 fragment has nw_proto 44 (what OVS and its controllers expect), a later
 * IPv4 fragment keeps its protocol; ARP opcodes above 255 leave nw_proto 0; an ND message with a bad
 * option clears target, SLL and TLL but keeps the ICMPv6 type and code; SLL and TLL are taken from
 * NS and NA alike; ICMP headers need their 8 fixed bytes.
 *
 * <p>The packet path: no allocation, no exception, no virtual call. Bytes are read by absolute
 * address through {@link Mbuf#MEMORY} with big-endian unaligned layouts, mostly 8 bytes at a time
 * (one read gives eth_src and eth_type; one gives both IPv4 addresses as the key word they form).
 * Each key word is composed in a local and written exactly once on every path; the metadata words
 * 0..13 and the Geneve words 29..37 belong to the caller and are never touched. The per-protocol
 * methods ({@code ipv4}, {@code ipv6}, {@code transport}, ...) stay under C2's hot inlining limit
 * (325 bytecodes), so the common paths compile into {@code extract} as one body with no call in
 * it; rare work (extension-header walks, ND options, truncated tags) lives in methods of its own.
 * Static, stateless, callable from any thread on keys and packets that thread owns.
 */
public final class Miniflow {
    /** Most IPv6 extension headers walked before the chain is declared bad (RFC 8200 allows any number). */
    public static final int MAX_IPV6_EXT_HEADERS = 16;

    private static final MemorySegment MEM = Mbuf.MEMORY;
    private static final ValueLayout.OfShort BE16 = ValueLayout.JAVA_SHORT_UNALIGNED.withOrder(ByteOrder.BIG_ENDIAN);
    private static final ValueLayout.OfInt BE32 = ValueLayout.JAVA_INT_UNALIGNED.withOrder(ByteOrder.BIG_ENDIAN);
    private static final ValueLayout.OfLong BE64 = ValueLayout.JAVA_LONG_UNALIGNED.withOrder(ByteOrder.BIG_ENDIAN);

    private static final int ETH_HEADER_LEN = 14;
    private static final int VLAN_HEADER_LEN = 4;
    /** Below this an Ethernet type field is an 802.3 length (OVS's ETH_TYPE_MIN). */
    private static final int ETH_TYPE_MIN = 0x600;
    /** LLC DSAP/SSAP 0xAA, control 0x03, SNAP OUI 00-00-00: the top 48 bits of the 8-byte header. */
    private static final long LLC_SNAP_ETHERNET = 0xAAAA_0300_0000L;
    private static final int ARP_ETH_IPV4_LEN = 28;
    /** htype 1 (Ethernet), ptype 0x0800, hlen 6, plen 4: the top 48 bits of an ARP header. */
    private static final long ARP_ETH_IPV4 = 0x0001_0800_0604L;
    private static final int MPLS_BOS = 0x100;
    private static final int IPV4_HEADER_LEN = 20;
    private static final int IPV4_MF_AND_OFFSET = 0x3fff;
    private static final int IPV4_OFFSET = 0x1fff;
    private static final int IPV6_HEADER_LEN = 40;
    private static final int IPPROTO_FRAGMENT = 44;
    private static final int IPPROTO_AH = 51;
    /** Bits 0 (hop-by-hop), 43 (routing), 44 (fragment), 51 (AH), 60 (destination options). */
    private static final long IPV6_EXT_HEADERS = 1L | 1L << 43 | 1L << IPPROTO_FRAGMENT | 1L << IPPROTO_AH | 1L << 60;
    /** The fragment-offset bits of an IPv6 fragment header's offset/flags word. */
    private static final int IPV6_FRAG_OFFSET = 0xfff8;
    private static final int TCP_HEADER_LEN = 20;
    private static final int UDP_HEADER_LEN = 8;
    private static final int SCTP_HEADER_LEN = 12;
    private static final int ICMP_HEADER_LEN = 8;
    private static final int ND_NEIGHBOR_SOLICIT = 135;
    private static final int ND_NEIGHBOR_ADVERT = 136;
    private static final int ND_TARGET_LEN = 16;
    private static final int ND_OPT_SOURCE_LINKADDR = 1;
    private static final int ND_OPT_TARGET_LINKADDR = 2;
    private static final long MAC_MASK = 0xffff_ffff_ffffL;
    /** An IP protocol number no packet carries: "no ICMP here" for {@link #transport}. */
    private static final int NO_PROTO = -1;

    private Miniflow() {
    }

    /**
     * Extracts the packet fields of one frame into a flow key.
     *
     * @param data   address of the first byte of the frame (Ethernet header)
     * @param len    bytes available at data (the first segment's data_len)
     * @param key    keys array; this packet's key occupies key[base .. base + FlowKey.WORDS)
     * @param layers layer offsets out: layers[lbase] = l2_5 (first MPLS label or -1), layers[lbase+1] = l3 (or -1),
     *               layers[lbase+2] = l4 (or -1), offsets from data
     * @return 0 if the frame parsed cleanly, else one of the ExtractStatus codes saying where it stopped being valid
     */
    public static int extract(long data, int len, long[] key, int base, int[] layers, int lbase) {
        if (len < ETH_HEADER_LEN) {
            zero(key, base, W_ETH_DST, W_ARP_THA);
            setLayers(layers, lbase, -1, -1, -1);
            return TRUNCATED_ETH;
        }
        long dst = be64(data) >>> 16;
        long srcAndType = be64(data + 6);
        int type = (int) srcAndType & 0xffff;
        int off = ETH_HEADER_LEN;
        long vlan = 0;
        if (isVlan(type)) {
            // Each tag needs its 4 bytes and the 2-byte type after it; without them the TPID is the type.
            if (len < off + VLAN_HEADER_LEN) {
                return truncatedVlan(key, base, layers, lbase, dst, srcAndType, type, 0);
            }
            int tag = be32(data + off); // tci(16) | next type(16)
            vlan = (long) type << 48 | (long) ((tag >>> 16) | VLAN_CFI) << 32;
            type = tag & 0xffff;
            off += VLAN_HEADER_LEN;
            if (isVlan(type)) {
                if (len < off + VLAN_HEADER_LEN) {
                    return truncatedVlan(key, base, layers, lbase, dst, srcAndType, type, vlan);
                }
                tag = be32(data + off);
                vlan |= (long) type << 16 | ((tag >>> 16) | VLAN_CFI);
                type = tag & 0xffff;
                off += VLAN_HEADER_LEN;
            }
        }
        if (type < ETH_TYPE_MIN) {
            // 802.3: the type field is a length. Only LLC/SNAP with an Ethernet OUI carries a type.
            type = ETH_TYPE_NONE;
            if (len - off >= 8) {
                long llc = be64(data + off);
                if (llc >>> 16 == LLC_SNAP_ETHERNET) {
                    off += 8;
                    int snapType = (int) llc & 0xffff;
                    if (snapType >= ETH_TYPE_MIN) {
                        type = snapType;
                    }
                }
            }
        }
        key[base + W_ETH_DST] = FlowKey.ethDstWord(dst, type);
        key[base + W_ETH_SRC] = srcAndType & ~0xffffL;
        key[base + W_VLAN] = vlan;

        if (type == ETH_TYPE_IP) {
            return ipv4(data, off, len, key, base, layers, lbase);
        } else if (type == ETH_TYPE_IPV6) {
            return ipv6(data, off, len, key, base, layers, lbase);
        } else if (type == ETH_TYPE_ARP || type == ETH_TYPE_RARP) {
            return arp(data, off, len, key, base, layers, lbase);
        } else if (type == ETH_TYPE_MPLS || type == ETH_TYPE_MPLS_MCAST) {
            return mpls(data, off, len, key, base, layers, lbase);
        }
        zero(key, base, W_L3_META, W_ARP_THA);
        setLayers(layers, lbase, -1, off, -1);
        return OK;
    }

    private static boolean isVlan(int type) {
        return type == ETH_TYPE_VLAN || type == ETH_TYPE_VLAN_8021AD;
    }

    /** A VLAN TPID with no room for its tag: eth_type is that TPID, the tags before it stay (OVS). */
    private static int truncatedVlan(long[] key, int base, int[] layers, int lbase, long dst, long srcAndType,
            int tpid, long vlan) {
        key[base + W_ETH_DST] = FlowKey.ethDstWord(dst, tpid);
        key[base + W_ETH_SRC] = srcAndType & ~0xffffL;
        key[base + W_VLAN] = vlan;
        zero(key, base, W_L3_META, W_ARP_THA);
        setLayers(layers, lbase, -1, -1, -1);
        return TRUNCATED_VLAN;
    }

    // ---- L3 ----

    private static int ipv4(long data, int l3, int len, long[] key, int base, int[] layers, int lbase) {
        int avail = len - l3;
        int status = OK;
        if (avail < IPV4_HEADER_LEN) {
            status = TRUNCATED_IPV4;
        } else {
            int w0 = be32(data + l3); // version(4) ihl(4) tos(8) tot_len(16)
            int ihl = (w0 >>> 22) & 0x3c;
            int totLen = w0 & 0xffff;
            if (w0 >>> 28 != 4 || ihl < IPV4_HEADER_LEN) {
                status = BAD_IPV4_HEADER;
            } else if (ihl > avail) {
                status = TRUNCATED_IPV4;
            } else if (totLen < ihl) {
                status = BAD_IPV4_HEADER;
            } else if (totLen > avail) {
                status = TRUNCATED_IPV4;
            }
            if (status == OK) {
                long w1 = be64(data + l3 + 4); // id(16) flags+offset(16) ttl(8) proto(8) csum(16)
                int fragField = (int) (w1 >>> 32);
                int nwFrag = 0;
                if ((fragField & IPV4_MF_AND_OFFSET) != 0) {
                    nwFrag = (fragField & IPV4_OFFSET) != 0 ? FRAG_ANY | FRAG_LATER : FRAG_ANY;
                }
                int proto = (int) (w1 >>> 16) & 0xff;
                key[base + W_L3_META] = FlowKey.l3MetaWord(0, proto, w0 >>> 16, (int) (w1 >>> 24), nwFrag);
                key[base + W_NW] = be64(data + l3 + 12);
                int l4 = l3 + ihl;
                int l4avail = totLen - ihl;
                if ((nwFrag & FRAG_LATER) != 0) {
                    key[base + W_TP] = 0;
                } else {
                    status = transport(data, l4, l4avail, proto, IPPROTO_ICMP, key, base);
                }
                zeroIpv6Up(key, base);
                setLayers(layers, lbase, -1, l3, l4);
                return status;
            }
        }
        zero(key, base, W_L3_META, W_ARP_THA);
        setLayers(layers, lbase, -1, l3, -1);
        return status;
    }

    private static int ipv6(long data, int l3, int len, long[] key, int base, int[] layers, int lbase) {
        int avail = len - l3;
        long w0 = 0; // version(4) tc(8) label(20) | plen(16) next(8) hlim(8)
        int status = OK;
        if (avail < IPV6_HEADER_LEN) {
            status = TRUNCATED_IPV6;
        } else {
            w0 = be64(data + l3);
            if (w0 >>> 60 != 6) {
                status = BAD_IPV6_HEADER;
            } else if (((int) (w0 >>> 16) & 0xffff) > avail - IPV6_HEADER_LEN) {
                status = TRUNCATED_IPV6;
            }
        }
        if (status != OK) {
            return l3Failed(status, key, base, layers, lbase, l3);
        }
        int vtcfl = (int) (w0 >>> 32);
        int plen = (int) (w0 >>> 16) & 0xffff;
        ipv6Addresses(data + l3, key, base);

        int nh = (int) (w0 >>> 8) & 0xff;
        int p = l3 + IPV6_HEADER_LEN;
        int end = p + plen;
        int nwFrag = 0;
        if (isIpv6Ext(nh)) {
            long walked = walkIpv6Ext(data, p, end, nh);
            if (walked < 0) {
                return badIpv6Ext(key, base, layers, lbase, l3);
            }
            nh = (int) walked & 0xff;
            nwFrag = (int) (walked >>> 8) & 0xff;
            p = (int) (walked >>> 16);
        }
        key[base + W_L3_META] = FlowKey.l3MetaWord(0, nh, vtcfl >>> 20, (int) w0, nwFrag);
        key[base + W_IPV6_LABEL] = (long) (vtcfl & 0xfffff) << 32;

        setLayers(layers, lbase, -1, l3, p);
        if ((nwFrag & FRAG_LATER) != 0) {
            key[base + W_TP] = 0;
            zero(key, base, W_ND_TARGET, W_ARP_THA);
            return OK;
        }
        return ipv6Transport(data, p, end, nh, key, base);
    }

    /** IPv6's L4: ICMPv6 (and ND) or the common transports; writes the tp word and words 25..28. */
    private static int ipv6Transport(long data, int l4, int end, int nh, long[] key, int base) {
        if (nh == IPPROTO_ICMPV6) {
            return icmpv6(data, l4, end, key, base);
        }
        zero(key, base, W_ND_TARGET, W_ARP_THA);
        return transport(data, l4, end - l4, nh, NO_PROTO, key, base);
    }

    /** An IPv4/IPv6 header that fails its sanity check: no L3 field at all, eth_type stays. */
    private static int l3Failed(int status, long[] key, int base, int[] layers, int lbase, int l3) {
        zero(key, base, W_L3_META, W_ARP_THA);
        setLayers(layers, lbase, -1, l3, -1);
        return status;
    }

    /** Source and destination addresses (header bytes 8..39) into their four words; nw word zero. */
    private static void ipv6Addresses(long ip6, long[] key, int base) {
        key[base + W_NW] = 0;
        key[base + W_IPV6_SRC] = be64(ip6 + 8);
        key[base + W_IPV6_SRC + 1] = be64(ip6 + 16);
        key[base + W_IPV6_DST] = be64(ip6 + 24);
        key[base + W_IPV6_DST + 1] = be64(ip6 + 32);
    }

    private static boolean isIpv6Ext(int nh) {
        return nh < 64 && (IPV6_EXT_HEADERS & 1L << nh) != 0;
    }

    /**
     * Walks the IPv6 extension headers from {@code p} (first header type {@code nh}) within
     * {@code end}. Returns offset after the chain (bits 16..47), nw_frag (8..15) and the final next
     * header (0..7), or -1 for a chain that runs past the payload or is longer than
     * {@link #MAX_IPV6_EXT_HEADERS}. Kept apart so the common IPv6 path stays small enough to inline.
     */
    private static long walkIpv6Ext(long data, int p, int end, int nh) {
        int nwFrag = 0;
        for (int n = 0; isIpv6Ext(nh); n++) {
            // Every extension header is at least 8 bytes, and those 8 hold all that is read here.
            if (n == MAX_IPV6_EXT_HEADERS || end - p < 8) {
                return -1;
            }
            long ext = be64(data + p);
            int next = (int) (ext >>> 56);
            if (nh == IPPROTO_FRAGMENT) {
                int offlg = (int) (ext >>> 32) & 0xffff;
                p += 8;
                nh = next;
                if (offlg != 0) {
                    nwFrag = FRAG_ANY;
                    if ((offlg & IPV6_FRAG_OFFSET) != 0) {
                        // OVS keys every later fragment with nw_proto 44, not the protocol inside.
                        nwFrag = FRAG_ANY | FRAG_LATER;
                        nh = IPPROTO_FRAGMENT;
                        break;
                    }
                }
            } else {
                int hdrLen = (int) (ext >>> 48) & 0xff;
                hdrLen = nh == IPPROTO_AH ? (hdrLen + 2) << 2 : (hdrLen + 1) << 3;
                if (hdrLen > end - p) {
                    return -1;
                }
                p += hdrLen;
                nh = next;
            }
        }
        return (long) p << 16 | nwFrag << 8 | nh;
    }

    /** A bad extension chain: OVS has pushed the addresses and nothing after them (the words already written). */
    private static int badIpv6Ext(long[] key, int base, int[] layers, int lbase, int l3) {
        key[base + W_L3_META] = 0;
        key[base + W_TP] = 0;
        zero(key, base, W_IPV6_LABEL, W_ARP_THA);
        setLayers(layers, lbase, -1, l3, -1);
        return BAD_IPV6_EXT;
    }

    private static int arp(long data, int l3, int len, long[] key, int base, int[] layers, int lbase) {
        if (len - l3 < ARP_ETH_IPV4_LEN) {
            zero(key, base, W_L3_META, W_ARP_THA);
            setLayers(layers, lbase, -1, l3, -1);
            return TRUNCATED_ARP;
        }
        long hdr = be64(data + l3); // htype(16) ptype(16) hlen(8) plen(8) op(16)
        if (hdr >>> 16 != ARP_ETH_IPV4) {
            // ARP for another hardware or protocol: well formed, nothing jvswitch keys on.
            zero(key, base, W_L3_META, W_ARP_THA);
        } else {
            int op = (int) hdr & 0xffff;
            // OVS keys the opcode's low 8 bits only when the opcode fits in them.
            key[base + W_L3_META] = FlowKey.l3MetaWord(0, op <= 0xff ? op : 0, 0, 0, 0);
            key[base + W_NW] = FlowKey.pairWord(be32(data + l3 + 14), be32(data + l3 + 24));
            zero(key, base, W_TP, W_ND_TARGET + 1);
            key[base + W_ARP_SHA] = be64(data + l3 + 8) & ~0xffffL;
            key[base + W_ARP_THA] = be64(data + l3 + 18) & ~0xffffL;
        }
        setLayers(layers, lbase, -1, l3, -1);
        return OK;
    }

    /**
     * MPLS: the top label into mpls_lse and nothing below it (what is under a label stack is not
     * knowable from the stack). The stack is walked to its bottom only to place l3 where pop_mpls
     * and recirculation expect it; a stack without a bottom keeps its top label but has no l3.
     */
    private static int mpls(long data, int l25, int len, long[] key, int base, int[] layers, int lbase) {
        if (len - l25 < 4) {
            zero(key, base, W_L3_META, W_ARP_THA);
            setLayers(layers, lbase, -1, -1, -1);
            return TRUNCATED_MPLS;
        }
        int top = be32(data + l25);
        key[base + W_L3_META] = (long) top << 32;
        zero(key, base, W_NW, W_ARP_THA);
        int p = l25 + 4;
        int lse = top;
        while ((lse & MPLS_BOS) == 0) {
            if (len - p < 4) {
                setLayers(layers, lbase, l25, -1, -1);
                return TRUNCATED_MPLS;
            }
            lse = be32(data + p);
            p += 4;
        }
        setLayers(layers, lbase, l25, p, -1);
        return OK;
    }

    // ---- L4 ----

    /**
     * TCP, UDP and SCTP ports (and TCP flags), or the type and code of {@code icmpProto} (ICMP for
     * IPv4; ICMPv6 is the caller's, for ND), into the tp word; zero for any other protocol.
     */
    private static int transport(long data, int l4, int avail, int proto, int icmpProto, long[] key, int base) {
        long tp = 0;
        int status = OK;
        if (proto == IPPROTO_TCP) {
            if (avail < TCP_HEADER_LEN) {
                status = TRUNCATED_L4;
            } else {
                int ctl = be16(data + l4 + 12); // data offset(4) flags(12)
                int doff = (ctl >>> 10) & 0x3c;
                if (doff < TCP_HEADER_LEN) {
                    status = BAD_TCP_HEADER;
                } else if (doff > avail) {
                    status = TRUNCATED_L4;
                } else {
                    tp = (long) be32(data + l4) << 32 | (long) (ctl & 0xfff) << 16;
                }
            }
        } else if (proto == IPPROTO_UDP) {
            if (avail < UDP_HEADER_LEN) {
                status = TRUNCATED_L4;
            } else {
                tp = (long) be32(data + l4) << 32;
            }
        } else if (proto == IPPROTO_SCTP) {
            if (avail < SCTP_HEADER_LEN) {
                status = TRUNCATED_L4;
            } else {
                tp = (long) be32(data + l4) << 32;
            }
        } else if (proto == icmpProto) {
            if (avail < ICMP_HEADER_LEN) {
                status = TRUNCATED_L4;
            } else {
                tp = icmpWord(be32(data + l4));
            }
        }
        key[base + W_TP] = tp;
        return status;
    }

    /** ICMPv6 type and code into the tp word, and for neighbor discovery the ND words (25..28). */
    private static int icmpv6(long data, int l4, int end, long[] key, int base) {
        if (end - l4 < ICMP_HEADER_LEN) {
            key[base + W_TP] = 0;
            zero(key, base, W_ND_TARGET, W_ARP_THA);
            return TRUNCATED_L4;
        }
        int icmp = be32(data + l4);
        key[base + W_TP] = icmpWord(icmp);
        int typeCode = icmp >>> 16;
        if (typeCode == ND_NEIGHBOR_SOLICIT << 8 || typeCode == ND_NEIGHBOR_ADVERT << 8) {
            return nd(data, l4 + ICMP_HEADER_LEN, end, key, base);
        }
        zero(key, base, W_ND_TARGET, W_ARP_THA);
        return OK;
    }

    /** type(8) code(8) csum(16) -&gt; tp_src = type, tp_dst = code. */
    private static long icmpWord(int icmp) {
        return (long) (icmp >>> 24) << 48 | (long) ((icmp >>> 16) & 0xff) << 32;
    }

    /**
     * Neighbor discovery body at {@code p} (after the 8-byte ICMPv6 header), bounded by {@code end}:
     * target, then 8-byte-unit options. Trailing bytes shorter than an option are ignored; an option
     * of length 0 or past the end, or a second SLL/TLL, makes the message invalid: no ND field at all.
     */
    private static int nd(long data, int p, int end, long[] key, int base) {
        if (end - p < ND_TARGET_LEN) {
            zero(key, base, W_ND_TARGET, W_ARP_THA);
            return BAD_ND;
        }
        long targetHi = be64(data + p);
        long targetLo = be64(data + p + 8);
        p += ND_TARGET_LEN;
        long sll = 0;
        long tll = 0;
        while (end - p >= 8) {
            long opt = be64(data + p); // type(8) len(8, in 8-byte units) mac(48) for SLL/TLL
            int optLen = (int) (opt >>> 45) & 0x7f8;
            if (optLen == 0 || optLen > end - p) {
                zero(key, base, W_ND_TARGET, W_ARP_THA);
                return BAD_ND;
            }
            if (optLen == 8) {
                int optType = (int) (opt >>> 56);
                if (optType == ND_OPT_SOURCE_LINKADDR) {
                    if (sll != 0) {
                        zero(key, base, W_ND_TARGET, W_ARP_THA);
                        return BAD_ND;
                    }
                    sll = opt & MAC_MASK;
                } else if (optType == ND_OPT_TARGET_LINKADDR) {
                    if (tll != 0) {
                        zero(key, base, W_ND_TARGET, W_ARP_THA);
                        return BAD_ND;
                    }
                    tll = opt & MAC_MASK;
                }
            }
            p += optLen;
        }
        key[base + W_ND_TARGET] = targetHi;
        key[base + W_ND_TARGET + 1] = targetLo;
        key[base + W_ARP_SHA] = sll << 16;
        key[base + W_ARP_THA] = tll << 16;
        return OK;
    }

    // ---- helpers ----

    /**
     * Zeroes words {@link FlowKey#W_IPV6_SRC} .. {@link FlowKey#W_ARP_THA}, what an IPv4 key
     * leaves unused: straight-line stores behind one range check (the common packet's path).
     */
    private static void zeroIpv6Up(long[] key, int base) {
        assert W_ARP_THA - W_IPV6_SRC == 8 : "zeroIpv6Up writes nine words";
        int b = base + W_IPV6_SRC;
        Objects.checkFromToIndex(b, base + W_ARP_THA + 1, key.length);
        key[b] = 0;
        key[b + 1] = 0;
        key[b + 2] = 0;
        key[b + 3] = 0;
        key[b + 4] = 0;
        key[b + 5] = 0;
        key[b + 6] = 0;
        key[b + 7] = 0;
        key[b + 8] = 0;
    }

    /** Zeroes key words {@code from .. to}, both inclusive. */
    private static void zero(long[] key, int base, int from, int to) {
        for (int i = base + from; i <= base + to; i++) {
            key[i] = 0;
        }
    }

    private static void setLayers(int[] layers, int lbase, int l25, int l3, int l4) {
        layers[lbase] = l25;
        layers[lbase + 1] = l3;
        layers[lbase + 2] = l4;
    }

    private static int be16(long addr) {
        return MEM.get(BE16, addr) & 0xffff;
    }

    private static int be32(long addr) {
        return MEM.get(BE32, addr);
    }

    private static long be64(long addr) {
        return MEM.get(BE64, addr);
    }
}
