package org.jvswitch.dataplane.tunnel;

import java.io.ByteArrayOutputStream;
import org.jvswitch.dataplane.action.DpAction;
import org.jvswitch.dataplane.flow.FlowKey;

/**
 * Builds the outer headers of a {@code tnl_push} the way Open vSwitch does, so its datapath flows
 * print the same: IPv4 with IHL 5, id 0, total length 0 and the checksum of that; IPv6 with
 * payload length 0; UDP with source port and length 0 and checksum 0xffff when checksums are on
 * (0 otherwise); VXLAN flags 0x08000000; Geneve with the C bit when an option is critical; GRE
 * with the C, K and S bits as configured. The per-packet fields are filled by {@link TunnelEncap}.
 *
 * <pre>{@code
 * DpAction.TunnelPush p = new TunnelHeaderBuilder().eth(dstMac, srcMac).ipv4(src, dst, 0, 64, true)
 *         .vxlan(4789, 0x7b, false).push(vport, outPort);
 * }</pre>
 *
 * Control path only (it allocates).
 */
public final class TunnelHeaderBuilder {
    private long ethDst;
    private long ethSrc;
    private boolean ipv6;
    private int src4;
    private int dst4;
    private final long[] src6 = new long[2];
    private final long[] dst6 = new long[2];
    private int tos;
    private int ttl = 64;
    private boolean df = true;
    private int type = -1;
    private int udpDst;
    private boolean csum;
    private long key;
    private boolean hasKey;
    private boolean seq;
    private int greProto = TunnelHeader.ETH_TYPE_TEB;
    private byte[] geneveOptions = new byte[0];
    private boolean oam;

    public TunnelHeaderBuilder eth(long dst, long src) {
        ethDst = dst;
        ethSrc = src;
        return this;
    }

    /** An IPv4 outer header; {@code df} sets Don't Fragment. */
    public TunnelHeaderBuilder ipv4(int src, int dst, int tos, int ttl, boolean df) {
        ipv6 = false;
        src4 = src;
        dst4 = dst;
        this.tos = tos;
        this.ttl = ttl;
        this.df = df;
        return this;
    }

    /** An IPv6 outer header; addresses as two words, high first (FlowKey's convention). */
    public TunnelHeaderBuilder ipv6(long srcHi, long srcLo, long dstHi, long dstLo, int tclass, int hlimit) {
        ipv6 = true;
        src6[0] = srcHi;
        src6[1] = srcLo;
        dst6[0] = dstHi;
        dst6[1] = dstLo;
        tos = tclass;
        ttl = hlimit;
        return this;
    }

    public TunnelHeaderBuilder vxlan(int dstPort, long vni, boolean udpCsum) {
        type = TunnelHeader.VXLAN;
        udpDst = dstPort;
        key = vni & 0xffffff;
        csum = udpCsum;
        return this;
    }

    /** Geneve; {@code options} are TLVs in wire order (a multiple of 4 bytes). */
    public TunnelHeaderBuilder geneve(int dstPort, long vni, boolean udpCsum, byte[] options, boolean oamBit) {
        if (options.length % 4 != 0 || options.length > 252) {
            throw new IllegalArgumentException("Geneve options of " + options.length + " bytes");
        }
        type = TunnelHeader.GENEVE;
        udpDst = dstPort;
        key = vni & 0xffffff;
        csum = udpCsum;
        geneveOptions = options.clone();
        oam = oamBit;
        return this;
    }

    /**
     * GRE carrying {@code proto} (0x6558 for Ethernet, 0x0800 or 0x86dd for legacy_l3), with a key
     * when {@code withKey}, a checksum when {@code greCsum}, a sequence number when {@code withSeq}.
     */
    public TunnelHeaderBuilder gre(int proto, boolean withKey, long greKey, boolean greCsum, boolean withSeq) {
        type = TunnelHeader.GRE;
        greProto = proto;
        hasKey = withKey;
        key = greKey & 0xffffffffL;
        csum = greCsum;
        seq = withSeq;
        return this;
    }

    /** The header bytes. */
    public byte[] build() {
        if (type < 0) {
            throw new IllegalStateException("no tunnel protocol given");
        }
        ByteArrayOutputStream h = new ByteArrayOutputStream(64);
        put(h, ethDst, 6);
        put(h, ethSrc, 6);
        put(h, ipv6 ? FlowKey.ETH_TYPE_IPV6 : FlowKey.ETH_TYPE_IP, 2);
        int proto = type == TunnelHeader.GRE ? FlowKey.IPPROTO_GRE : FlowKey.IPPROTO_UDP;
        if (ipv6) {
            put(h, 6L << 28 | (long) (tos & 0xff) << 20, 4);
            put(h, 0, 2);
            put(h, proto, 1);
            put(h, ttl, 1);
            put(h, src6[0], 8);
            put(h, src6[1], 8);
            put(h, dst6[0], 8);
            put(h, dst6[1], 8);
        } else {
            byte[] ip = new byte[20];
            ip[0] = 0x45;
            ip[1] = (byte) tos;
            ip[6] = (byte) (df ? 0x40 : 0);
            ip[8] = (byte) ttl;
            ip[9] = (byte) proto;
            for (int i = 0; i < 4; i++) {
                ip[12 + i] = (byte) (src4 >>> 24 - 8 * i);
                ip[16 + i] = (byte) (dst4 >>> 24 - 8 * i);
            }
            long sum = 0;
            for (int i = 0; i < 20; i += 2) {
                sum += (ip[i] & 0xff) << 8 | ip[i + 1] & 0xff;
            }
            int c = InetSum.finish(sum);
            ip[10] = (byte) (c >>> 8);
            ip[11] = (byte) c;
            h.writeBytes(ip);
        }
        if (type == TunnelHeader.GRE) {
            put(h, (csum ? TunnelHeader.GRE_CSUM : 0) | (hasKey ? TunnelHeader.GRE_KEY : 0)
                    | (seq ? TunnelHeader.GRE_SEQ : 0), 2);
            put(h, greProto, 2);
            if (csum) {
                put(h, 0, 4);
            }
            if (hasKey) {
                put(h, key, 4);
            }
            if (seq) {
                put(h, 0, 4);
            }
        } else {
            put(h, 0, 2);
            put(h, udpDst, 2);
            put(h, 0, 2);
            put(h, csum ? 0xffff : 0, 2);
            if (type == TunnelHeader.VXLAN) {
                put(h, 0x08000000L, 4);
                put(h, key << 8, 4);
            } else {
                boolean crit = false;
                for (int o = 0; o + 4 <= geneveOptions.length; o += 4 + (geneveOptions[o + 3] & 0x1f) * 4) {
                    crit |= (geneveOptions[o + 2] & 0x80) != 0;
                }
                put(h, geneveOptions.length / 4, 1);
                put(h, (oam ? 0x80 : 0) | (crit ? 0x40 : 0), 1);
                put(h, TunnelHeader.ETH_TYPE_TEB, 2);
                put(h, key << 8, 4);
                h.writeBytes(geneveOptions);
            }
        }
        return h.toByteArray();
    }

    /** The odp type of the header: GRE (3), VXLAN (4), Geneve (5), or ip6gre (109) for GRE over IPv6. */
    public int headerType() {
        return type == TunnelHeader.GRE && ipv6 ? TunnelHeader.IP6GRE : type;
    }

    /** The tnl_push action: encapsulate for vport {@code tnlPort}, the route's underlay port {@code outPort}. */
    public DpAction.TunnelPush push(int tnlPort, int outPort) {
        return new DpAction.TunnelPush(tnlPort, headerType(), build(), outPort);
    }

    private static void put(ByteArrayOutputStream h, long v, int n) {
        for (int i = n - 1; i >= 0; i--) {
            h.write((int) (v >>> (8 * i)));
        }
    }
}
