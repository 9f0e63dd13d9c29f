package org.jvswitch.dataplane.tunnel;

import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static org.jvswitch.dataplane.tunnel.InetSum.BE16;
import static org.jvswitch.dataplane.tunnel.InetSum.BE32;
import static org.jvswitch.dataplane.tunnel.InetSum.BE64;
import static org.jvswitch.dataplane.tunnel.InetSum.MEM;

import org.jvswitch.dataplane.DropReason;
import org.jvswitch.dataplane.flow.FlowKey;
import org.jvswitch.dataplane.odp.OdpFlags;
import org.jvswitch.dpdk.Mbuf;

/**
 * {@code tnl_pop} on one packet: check the outer headers, strip them, and put what they said in
 * the key's tunnel metadata (Open vSwitch's netdev pop_header functions). The caller then
 * recirculates the packet with in_port = the vport.
 *
 * <p>Checked, in order, each failure a {@link DropReason}: the outer IPv4 header (version, IHL 5:
 * no options, as OVS; total length within the frame, header checksum, not a fragment) or IPv6
 * header (version,
 * payload length within the frame, UDP or GRE right after it); that the packet is the vport's
 * protocol and UDP port ({@link DropReason#TUNNEL_PORT}); UDP length and, when not zero, UDP
 * checksum; VXLAN flags (I set, nothing else) and reserved bits; Geneve version, protocol
 * (Ethernet) and options (each within the option space; an option with the critical bit that the
 * vport does not know, or more option bytes than a key holds, is
 * {@link DropReason#TUNNEL_OPTION}); GRE flags (no routing, version 0), checksum, protocol
 * (Ethernet, or IPv4/IPv6 for legacy_l3, which gets an all-zero Ethernet header); and the key
 * against the vport's receive filter ({@link DropReason#TUNNEL_KEY}). Nothing is changed unless
 * every check passes. Ethernet padding after the outer IP datagram is trimmed.
 *
 * <p>Metadata set as OVS does: every metadata word but in_port is cleared (recirc_id 0, no
 * dp_hash, marks or conntrack state), then tun_id, the outer addresses, tos, ttl, UDP ports,
 * flags (key when the header has one, csum when a checksum was present and right, df from the
 * outer IPv4 header, oam from Geneve) and the Geneve options as wire bytes. Static,
 * allocation-free, never throws whatever the bytes.
 */
public final class TunnelDecap {
    /** What {@link #pop} returns when the packet was decapsulated. */
    public static final int OK = -1;
    private static final int W = FlowKey.WORDS;

    private TunnelDecap() {
    }

    /**
     * Decapsulates {@code mbuf}, a packet whose outer IP header starts {@code l3} bytes in (14, or
     * more behind VLAN tags; &lt;= 0 for "assume 14").
     *
     * @param portNo the vport's datapath port number: the packet's new in_port
     * @return {@link #OK}, or the {@link DropReason} to drop it for (the packet is then unchanged)
     */
    public static int pop(long mbuf, TunnelVport v, int portNo, long[] keys, int kbase, int l3) {
        if (l3 <= 0) {
            l3 = TunnelHeader.ETH_LEN;
        }
        int dlen = Mbuf.dataLen(mbuf);
        int plen = Mbuf.pktLen(mbuf);
        long a = Mbuf.dataAddress(mbuf);
        if (l3 + 20 > dlen) {
            return DropReason.TUNNEL_MALFORMED;
        }
        int ethType = u16(a + l3 - 2);
        int flags = 0;
        int tos;
        int ttl;
        int proto;
        int l4;
        int ipEnd;
        long ipv4 = 0;
        boolean ipv6 = false;
        if (ethType == FlowKey.ETH_TYPE_IP) {
            long ip = a + l3;
            int vihl = u8(ip);
            int ihl = (vihl & 0xf) * 4;
            if (vihl >>> 4 != 4 || ihl != 20) { // as OVS: no IP options on tunnel packets
                return DropReason.TUNNEL_MALFORMED;
            }
            if (l3 + ihl > dlen) {
                return DropReason.TUNNEL_MALFORMED;
            }
            int tot = u16(ip + 2);
            if (tot < ihl || l3 + tot > plen) {
                return DropReason.TUNNEL_MALFORMED;
            }
            if (InetSum.fold(InetSum.add(ip, ihl, 0)) != 0xffff) {
                return DropReason.TUNNEL_CSUM;
            }
            int frag = u16(ip + 6);
            if ((frag & 0x3fff) != 0) {
                return DropReason.TUNNEL_MALFORMED;
            }
            if ((frag & 0x4000) != 0) {
                flags |= OdpFlags.TUN_F_DF;
            }
            tos = u8(ip + 1);
            ttl = u8(ip + 8);
            proto = u8(ip + 9);
            ipv4 = MEM.get(BE64, ip + 12);
            l4 = l3 + ihl;
            ipEnd = l3 + tot;
        } else if (ethType == FlowKey.ETH_TYPE_IPV6) {
            long ip = a + l3;
            if (l3 + 40 > dlen) {
                return DropReason.TUNNEL_MALFORMED;
            }
            int w0 = MEM.get(BE32, ip);
            int pl = u16(ip + 4);
            if (w0 >>> 28 != 6 || l3 + 40 + pl > plen) {
                return DropReason.TUNNEL_MALFORMED;
            }
            ipv6 = true;
            tos = w0 >>> 20 & 0xff;
            proto = u8(ip + 6);
            ttl = u8(ip + 7);
            l4 = l3 + 40;
            ipEnd = l4 + pl;
        } else {
            return DropReason.TUNNEL_MALFORMED;
        }
        long tunId = 0;
        int tpSrc = 0;
        int tpDst = 0;
        int inner;
        int optLen = 0;
        int l3Proto = 0;
        int type = v.headerType();
        if (type == TunnelHeader.VXLAN || type == TunnelHeader.GENEVE) {
            if (proto != FlowKey.IPPROTO_UDP) {
                return DropReason.TUNNEL_PORT;
            }
            if (l4 + 8 > dlen || l4 + 8 > ipEnd) {
                return DropReason.TUNNEL_MALFORMED;
            }
            long u = a + l4;
            tpSrc = u16(u);
            tpDst = u16(u + 2);
            int ulen = u16(u + 4);
            int csum = u16(u + 6);
            if (tpDst != v.dstPort()) {
                return DropReason.TUNNEL_PORT;
            }
            if (ulen < 8 || l4 + ulen > ipEnd) {
                return DropReason.TUNNEL_MALFORMED;
            }
            ipEnd = l4 + ulen;
            if (csum != 0) {
                long s = ulen + FlowKey.IPPROTO_UDP;
                s = ipv6 ? InetSum.add(a + l3 + 8, 32, s) : InetSum.add(a + l3 + 12, 8, s);
                s = Mbuf.nbSegs(mbuf) == 1 ? InetSum.add(u, ulen, s) : InetSum.addChain(mbuf, l4, ulen, s);
                if (s < 0 || InetSum.fold(s) != 0xffff) {
                    return DropReason.TUNNEL_CSUM;
                }
                flags |= OdpFlags.TUN_F_CSUM;
            }
            long o = u + 8;
            if (l4 + 16 > dlen || l4 + 16 > ipEnd) {
                return DropReason.TUNNEL_MALFORMED;
            }
            if (type == TunnelHeader.VXLAN) {
                int vni = MEM.get(BE32, o + 4);
                if (MEM.get(BE32, o) != 0x08000000 || (vni & 0xff) != 0) {
                    return DropReason.TUNNEL_MALFORMED;
                }
                tunId = (vni & 0xffffffffL) >>> 8;
                inner = l4 + 16;
            } else {
                int b0 = u8(o);
                int b1 = u8(o + 1);
                optLen = (b0 & 0x3f) * 4;
                if (b0 >>> 6 != 0 || u16(o + 2) != TunnelHeader.ETH_TYPE_TEB || l4 + 16 + optLen > dlen
                        || l4 + 16 + optLen > ipEnd) {
                    return DropReason.TUNNEL_MALFORMED;
                }
                if ((b1 & 0x80) != 0) {
                    flags |= OdpFlags.TUN_F_OAM;
                }
                tunId = (MEM.get(BE32, o + 4) & 0xffffffffL) >>> 8;
                int bad = checkOptions(o + 8, optLen, v);
                if (bad >= 0) {
                    return bad;
                }
                inner = l4 + 16 + optLen;
            }
            flags |= OdpFlags.TUN_F_KEY;
        } else {
            if (proto != FlowKey.IPPROTO_GRE) {
                return DropReason.TUNNEL_PORT;
            }
            if (l4 + 4 > dlen || l4 + 4 > ipEnd) {
                return DropReason.TUNNEL_MALFORMED;
            }
            long g = a + l4;
            int gf = u16(g);
            int gp = u16(g + 2);
            if ((gf & (TunnelHeader.GRE_ROUTING | 0x7)) != 0) {
                return DropReason.TUNNEL_MALFORMED;
            }
            int o = l4 + 4;
            int need = o + ((gf & TunnelHeader.GRE_CSUM) != 0 ? 4 : 0) + ((gf & TunnelHeader.GRE_KEY) != 0 ? 4 : 0)
                    + ((gf & TunnelHeader.GRE_SEQ) != 0 ? 4 : 0);
            if (need > dlen || need > ipEnd) {
                return DropReason.TUNNEL_MALFORMED;
            }
            if ((gf & TunnelHeader.GRE_CSUM) != 0) {
                int len = ipEnd - l4;
                long s = Mbuf.nbSegs(mbuf) == 1 ? InetSum.add(g, len, 0) : InetSum.addChain(mbuf, l4, len, 0);
                if (s < 0 || InetSum.fold(s) != 0xffff) {
                    return DropReason.TUNNEL_CSUM;
                }
                flags |= OdpFlags.TUN_F_CSUM;
                o += 4;
            }
            if ((gf & TunnelHeader.GRE_KEY) != 0) {
                tunId = MEM.get(BE32, a + o) & 0xffffffffL;
                flags |= OdpFlags.TUN_F_KEY;
                o += 4;
            }
            if ((gf & TunnelHeader.GRE_SEQ) != 0) {
                o += 4;
            }
            if (gp == FlowKey.ETH_TYPE_IP || gp == FlowKey.ETH_TYPE_IPV6) {
                l3Proto = gp;
            } else if (gp != TunnelHeader.ETH_TYPE_TEB) {
                return DropReason.TUNNEL_MALFORMED;
            }
            inner = o;
        }
        if (!v.acceptsKey(tunId)) {
            return DropReason.TUNNEL_KEY;
        }
        if (l3Proto == 0 ? ipEnd - inner < TunnelHeader.ETH_LEN || inner + TunnelHeader.ETH_LEN > dlen
                : ipEnd - inner < 1 || inner > dlen) {
            return DropReason.TUNNEL_MALFORMED;
        }

        // Every check passed: metadata, then the packet.
        for (int w = 1; w < FlowKey.W_ETH_DST; w++) {
            keys[kbase + w] = 0;
        }
        for (int w = FlowKey.W_GENEVE_LEN; w < W; w++) {
            keys[kbase + w] = 0;
        }
        keys[kbase + FlowKey.W_IN_PORT] = FlowKey.inPortWord(portNo, 0);
        keys[kbase + FlowKey.W_TUN_ID] = tunId;
        if (ipv6) {
            long ip = a + l3;
            keys[kbase + FlowKey.W_TUN_IPV6_SRC] = MEM.get(BE64, ip + 8);
            keys[kbase + FlowKey.W_TUN_IPV6_SRC + 1] = MEM.get(BE64, ip + 16);
            keys[kbase + FlowKey.W_TUN_IPV6_DST] = MEM.get(BE64, ip + 24);
            keys[kbase + FlowKey.W_TUN_IPV6_DST + 1] = MEM.get(BE64, ip + 32);
        } else {
            keys[kbase + FlowKey.W_TUN_IPV4] = ipv4;
        }
        keys[kbase + FlowKey.W_TUN_META] = (long) flags << 48 | (long) tos << 40 | (long) ttl << 32
                | (long) tpSrc << 16 | tpDst;
        if (optLen > 0) {
            long opts = a + l4 + 16;
            keys[kbase + FlowKey.W_GENEVE_LEN] = (long) optLen << 56;
            int i = 0;
            for (; i + 8 <= optLen; i += 8) {
                keys[kbase + FlowKey.W_GENEVE_OPTS + i / 8] = MEM.get(BE64, opts + i);
            }
            if (i < optLen) {
                keys[kbase + FlowKey.W_GENEVE_OPTS + i / 8] = (long) MEM.get(BE32, opts + i) << 32;
            }
        }
        int keep = ipEnd - inner;
        if (l3Proto == 0) {
            Mbuf.adj(mbuf, inner);
        } else {
            Mbuf.adj(mbuf, inner - TunnelHeader.ETH_LEN);
            long e = Mbuf.dataAddress(mbuf);
            MEM.set(BE64, e, 0L);
            MEM.set(BE32, e + 8, 0);
            MEM.set(BE16, e + 12, (short) l3Proto);
            keep += TunnelHeader.ETH_LEN;
        }
        if (Mbuf.pktLen(mbuf) > keep && Mbuf.nbSegs(mbuf) == 1) {
            Mbuf.setLength(mbuf, keep);
        }
        return OK;
    }

    /** The drop reason for a bad option list, or -1 when every option is well-formed and known if critical. */
    private static int checkOptions(long at, int len, TunnelVport v) {
        int p = 0;
        while (p < len) {
            if (p + 4 > len) {
                return DropReason.TUNNEL_MALFORMED;
            }
            int cls = u16(at + p);
            int t = u8(at + p + 2);
            int dataLen = (u8(at + p + 3) & 0x1f) * 4;
            if (p + 4 + dataLen > len) {
                return DropReason.TUNNEL_MALFORMED;
            }
            if ((t & 0x80) != 0 && !v.knowsOption(cls << 8 | t)) {
                return DropReason.TUNNEL_OPTION;
            }
            p += 4 + dataLen;
        }
        return len > FlowKey.GENEVE_OPTS_MAX_BYTES ? DropReason.TUNNEL_OPTION : -1;
    }

    private static int u8(long at) {
        return Byte.toUnsignedInt(MEM.get(JAVA_BYTE, at));
    }

    private static int u16(long at) {
        return Short.toUnsignedInt(MEM.get(BE16, at));
    }
}
