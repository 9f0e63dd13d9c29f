package org.jvswitch.dataplane.odp;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import org.jvswitch.dataplane.action.DpAction.TunnelPush;
import org.jvswitch.dataplane.flow.FlowKey;

/**
 * {@code tnl_push(tnl_port(P),header(...),out_port(O))}: the prebuilt outer headers of a
 * {@link TunnelPush}, decoded for printing and rebuilt from text, in OVS's fixed field order:
 * {@code header(size=50,type=4,eth(dst=..,src=..,dl_type=0x0800),ipv4(src=..,dst=..,proto=17,
 * tos=0,ttl=64,frag=0x4000),udp(src=0,dst=4789,csum=0x0),vxlan(flags=0x8000000,vni=0x7b))}.
 *
 * <p>Covered: Ethernet, then IPv4 or IPv6, then VXLAN or Geneve over UDP, or GRE (csum, key, seq).
 * The bytes the text does not show are rebuilt as OVS's parser builds them: IPv4 version/IHL
 * 0x45, total length and id 0, header checksum computed; IPv6 version 6, payload length 0; UDP
 * length 0; Geneve protocol 0x6558. So printing a header OVS built and parsing it back gives the
 * same bytes. Type numbers are OVS's datapath port types.
 */
final class OdpTunnelHeader {
    static final int GRE = 3;
    static final int VXLAN = 4;
    static final int GENEVE = 5;
    static final int IP6GRE = 109;
    private static final int GRE_CSUM = 0x8000;
    private static final int GRE_KEY = 0x2000;
    private static final int GRE_SEQ = 0x1000;

    private OdpTunnelHeader() {
    }

    static String format(TunnelPush t, PortNames names) {
        return "tnl_push(tnl_port(" + OdpActionFormatter.port(t.tnlPort(), names) + ")," + header(t)
                + ",out_port(" + OdpActionFormatter.port(t.outPort(), names) + "))";
    }

    private static String header(TunnelPush t) {
        byte[] h = t.header();
        StringBuilder b = new StringBuilder("header(size=").append(h.length).append(",type=")
                .append(Integer.toUnsignedString(t.headerType())).append(',');
        if (h.length < 14) {
            return b.append("truncated)").toString();
        }
        int dlType = u(h, 12, 2);
        b.append("eth(dst=").append(OdpText.mac(u48(h, 0))).append(",src=").append(OdpText.mac(u48(h, 6)))
                .append(String.format(",dl_type=0x%04x),", dlType));
        int l4;
        if (dlType == FlowKey.ETH_TYPE_IP) {
            if (h.length < 34) {
                return b.append("truncated)").toString();
            }
            b.append("ipv4(src=").append(OdpText.ipv4(u(h, 26, 4))).append(",dst=").append(OdpText.ipv4(u(h, 30, 4)))
                    .append(",proto=").append(u(h, 23, 1)).append(",tos=").append(OdpText.hexAlt(u(h, 15, 1)))
                    .append(",ttl=").append(u(h, 22, 1)).append(",frag=0x").append(Integer.toHexString(u(h, 20, 2)))
                    .append("),");
            l4 = 34;
        } else {
            if (h.length < 54) {
                return b.append("truncated)").toString();
            }
            long flow = u(h, 14, 4) & 0xffffffffL;
            b.append("ipv6(src=").append(OdpText.ipv6(u64(h, 22), u64(h, 30))).append(",dst=")
                    .append(OdpText.ipv6(u64(h, 38), u64(h, 46))).append(",label=").append(flow & 0xfffff)
                    .append(",proto=").append(u(h, 20, 1)).append(",tclass=0x").append(Long.toHexString(flow >>> 20 & 0xff))
                    .append(",hlimit=").append(u(h, 21, 1)).append("),");
            l4 = 54;
        }
        int type = t.headerType();
        if ((type == VXLAN || type == GENEVE) && h.length >= l4 + 16) {
            b.append("udp(src=").append(u(h, l4, 2)).append(",dst=").append(u(h, l4 + 2, 2)).append(",csum=0x")
                    .append(Integer.toHexString(u(h, l4 + 6, 2))).append("),");
            int o = l4 + 8;
            if (type == VXLAN) {
                b.append("vxlan(flags=0x").append(Integer.toHexString(u(h, o, 4))).append(",vni=0x")
                        .append(Integer.toHexString(u(h, o + 4, 4) >>> 8)).append(')');
            } else {
                int optLen = (h[o] & 0x3f) * 4;
                b.append("geneve(").append((h[o + 1] & 0x80) != 0 ? "oam," : "")
                        .append((h[o + 1] & 0x40) != 0 ? "crit," : "").append("vni=0x")
                        .append(Integer.toHexString(u(h, o + 4, 4) >>> 8));
                if (optLen > 0) {
                    int n = Math.min(optLen, h.length - o - 8);
                    b.append(",options(").append(OdpTunnel.formatGeneve(Arrays.copyOfRange(h, o + 8, o + 8 + n),
                            null, n, false)).append(')');
                }
                b.append(')');
            }
        } else if ((type == GRE || type == IP6GRE) && h.length >= l4 + 4) {
            int flags = u(h, l4, 2);
            b.append("gre((flags=0x").append(Integer.toHexString(flags)).append(",proto=0x")
                    .append(Integer.toHexString(u(h, l4 + 2, 2))).append(')');
            int o = l4 + 4;
            if ((flags & GRE_CSUM) != 0 && h.length >= o + 4) {
                b.append(",csum=0x").append(Integer.toHexString(u(h, o, 2)));
                o += 4;
            }
            if ((flags & GRE_KEY) != 0 && h.length >= o + 4) {
                b.append(",key=0x").append(Integer.toHexString(u(h, o, 4)));
                o += 4;
            }
            if ((flags & GRE_SEQ) != 0 && h.length >= o + 4) {
                b.append(",seq=0x").append(Integer.toHexString(u(h, o, 4)));
            }
            b.append(')');
        }
        return b.append(')').toString();
    }

    /** Reads the rest of {@code tnl_push(...)} after "tnl_push(", through its closing ')'. */
    static TunnelPush parse(OdpScanner sc, PortNames names) {
        sc.expect("tnl_port(");
        int tnlPort = OdpActionParser.port(sc, names);
        sc.expect("),header(size=");
        long size = sc.uint(32);
        sc.expect(",type=");
        int type = (int) sc.uint(32);
        sc.expect(",eth(dst=");
        ByteArrayOutputStream h = new ByteArrayOutputStream(64);
        put(h, sc.mac(), 6);
        sc.expect(",src=");
        put(h, sc.mac(), 6);
        sc.expect(",dl_type=");
        int dlType = (int) sc.uint(16);
        put(h, dlType, 2);
        sc.expect("),");
        if (dlType == FlowKey.ETH_TYPE_IP) {
            sc.expect("ipv4(src=");
            int src = sc.ipv4();
            sc.expect(",dst=");
            int dst = sc.ipv4();
            sc.expect(",proto=");
            long proto = sc.uint(8);
            sc.expect(",tos=");
            long tos = sc.uint(8);
            sc.expect(",ttl=");
            long ttl = sc.uint(8);
            sc.expect(",frag=");
            long frag = sc.uint(16);
            sc.expect("),");
            byte[] ip = new byte[20];
            ip[0] = 0x45;
            ip[1] = (byte) tos;
            ip[6] = (byte) (frag >>> 8);
            ip[7] = (byte) frag;
            ip[8] = (byte) ttl;
            ip[9] = (byte) proto;
            putInt(ip, 12, src);
            putInt(ip, 16, dst);
            int csum = checksum(ip);
            ip[10] = (byte) (csum >>> 8);
            ip[11] = (byte) csum;
            h.writeBytes(ip);
        } else {
            sc.expect("ipv6(src=");
            long[] src = sc.ipv6();
            sc.expect(",dst=");
            long[] dst = sc.ipv6();
            sc.expect(",label=");
            long label = sc.uint(20);
            sc.expect(",proto=");
            long proto = sc.uint(8);
            sc.expect(",tclass=");
            long tclass = sc.uint(8);
            sc.expect(",hlimit=");
            long hlimit = sc.uint(8);
            sc.expect("),");
            put(h, 6L << 28 | tclass << 20 | label, 4);
            put(h, 0, 2);
            put(h, proto, 1);
            put(h, hlimit, 1);
            put(h, src[0], 8);
            put(h, src[1], 8);
            put(h, dst[0], 8);
            put(h, dst[1], 8);
        }
        int built = l4(sc, h, dlType);
        if (built != type) {
            throw sc.error("header type " + type + " does not match the header, which is type " + built);
        }
        if (size != h.size()) {
            throw sc.error("header size " + size + " does not match the header's " + h.size() + " bytes");
        }
        sc.expect(",out_port(");
        int outPort = OdpActionParser.port(sc, names);
        sc.expect("))");
        return new TunnelPush(tnlPort, type, h.toByteArray(), outPort);
    }

    /** The tunnel header after the IP header, and the closing ')' of header(...). Returns its type. */
    private static int l4(OdpScanner sc, ByteArrayOutputStream h, int dlType) {
        if (sc.tryConsume("udp(src=")) {
            put(h, sc.uint(16), 2);
            sc.expect(",dst=");
            put(h, sc.uint(16), 2);
            sc.expect(",csum=");
            long csum = sc.uint(16);
            put(h, 0, 2);
            put(h, csum, 2);
            sc.expect("),");
            if (sc.tryConsume("vxlan(flags=")) {
                put(h, sc.uint(32), 4);
                sc.expect(",vni=");
                put(h, sc.uint(24) << 8, 4);
                sc.expect("))");
                return VXLAN;
            }
            if (sc.tryConsume("geneve(")) {
                boolean oam = sc.tryConsume("oam,");
                boolean crit = sc.tryConsume("crit,");
                sc.expect("vni=");
                long vni = sc.uint(24);
                byte[] opts = new byte[252];
                int len = sc.tryConsume(",options(") ? OdpTunnel.parseGeneve(sc, opts, null) : 0;
                sc.expect("))");
                put(h, len / 4, 1);
                put(h, (oam ? 0x80 : 0) | (crit ? 0x40 : 0), 1);
                put(h, 0x6558, 2);
                put(h, vni << 8, 4);
                h.write(opts, 0, len);
                return GENEVE;
            }
            throw sc.error("expected vxlan(...) or geneve(...) after udp(...)");
        }
        if (sc.tryConsume("gre((flags=")) {
            long flags = sc.uint(16);
            sc.expect(",proto=");
            put(h, flags, 2);
            put(h, sc.uint(16), 2);
            sc.expect(')');
            if ((flags & GRE_CSUM) != 0) {
                sc.expect(",csum=");
                put(h, sc.uint(16), 2);
                put(h, 0, 2);
            }
            if ((flags & GRE_KEY) != 0) {
                sc.expect(",key=");
                put(h, sc.uint(32), 4);
            }
            if ((flags & GRE_SEQ) != 0) {
                sc.expect(",seq=");
                put(h, sc.uint(32), 4);
            }
            sc.expect("))");
            return dlType == FlowKey.ETH_TYPE_IP ? GRE : IP6GRE;
        }
        throw sc.error("tunnel header must be udp(...) with vxlan(...) or geneve(...), or gre(...)");
    }

    /** The Internet checksum of an IPv4 header. */
    static int checksum(byte[] ip) {
        int sum = 0;
        for (int i = 0; i < ip.length; i += 2) {
            sum += (ip[i] & 0xff) << 8 | ip[i + 1] & 0xff;
        }
        while (sum >>> 16 != 0) {
            sum = (sum & 0xffff) + (sum >>> 16);
        }
        return ~sum & 0xffff;
    }

    private static void put(ByteArrayOutputStream h, long v, int n) {
        for (int i = n - 1; i >= 0; i--) {
            h.write((int) (v >>> (8 * i)));
        }
    }

    private static void putInt(byte[] b, int off, int v) {
        for (int i = 0; i < 4; i++) {
            b[off + i] = (byte) (v >>> (24 - 8 * i));
        }
    }

    private static int u(byte[] b, int off, int n) {
        int v = 0;
        for (int i = 0; i < n; i++) {
            v = v << 8 | b[off + i] & 0xff;
        }
        return v;
    }

    private static long u48(byte[] b, int off) {
        return (long) u(b, off, 2) << 32 | u(b, off + 2, 4) & 0xffffffffL;
    }

    private static long u64(byte[] b, int off) {
        return OdpText.bytesToLong(b, off);
    }
}
