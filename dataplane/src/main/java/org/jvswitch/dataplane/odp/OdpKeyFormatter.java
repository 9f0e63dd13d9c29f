package org.jvswitch.dataplane.odp;

import java.util.List;
import org.jvswitch.dataplane.flow.FlowField;
import org.jvswitch.dataplane.flow.FlowKey;

/**
 * Writes a key and mask as OVS's userspace datapath prints a megaflow in dpctl/dump-flows.
 *
 * <p>Which attributes exist follows from the key, as OVS builds them from a flow: metadata
 * always, a tunnel when an outer address is set, ct_tuple4 when the key has a conntrack protocol
 * and is IPv4, then in_port, packet_type and eth, VLAN tags as eth_type(TPID),vlan(..),encap(..),
 * eth_type, one L3 attribute for the eth_type, one L4 attribute for IP protocols (none for later
 * fragments), tcp_flags when set in key or mask, nd for neighbour discovery. Terse output leaves
 * out attributes whose mask is all zero (nested ones, tunnel and encap, stay), fields whose mask
 * is zero, and masks that are exact; verbose output (dump-flows -m) prints everything with masks.
 *
 * <p>packet_type always prints as {@code packet_type(ns=0,id=0)}: this datapath carries Ethernet
 * frames only, so every flow matches exactly that, and as in OVS's userspace datapath a
 * wildcarded eth() is then left out.
 */
final class OdpKeyFormatter {
    private static final FlowField[] TPID = {FlowField.VLAN0_TPID, FlowField.VLAN1_TPID};
    private static final FlowField[] TCI = {FlowField.VLAN0_TCI, FlowField.VLAN1_TCI};

    private final long[] key;
    private final long[] mask;
    private final boolean verbose;
    private final PortNames names;
    private final StringBuilder b = new StringBuilder(256);

    private OdpKeyFormatter(long[] key, long[] mask, boolean verbose, PortNames names) {
        this.key = key;
        this.mask = mask;
        this.verbose = verbose;
        this.names = names == null ? PortNames.NUMBERS : names;
    }

    static String format(long[] key, long[] mask, boolean verbose, PortNames names) {
        return new OdpKeyFormatter(key, mask, verbose, names).run();
    }

    private String run() {
        hex("skb_priority", FlowField.SKB_PRIORITY);
        if (OdpTunnel.present(key)) {
            attr("tunnel", OdpTunnel.format(key, mask, verbose));
        }
        hex("skb_mark", FlowField.PKT_MARK);
        long cs = FlowField.CT_STATE.get(mask, 0);
        if (verbose || cs != 0) {
            // An 8-bit state never equals the datapath's 32-bit exact mask: OVS prints it masked.
            long v = FlowField.CT_STATE.get(key, 0);
            attr("ct_state", verbose ? OdpText.hexAlt(v) + "/" + OdpText.hexAlt(cs)
                    : OdpFlags.masked(v, cs, 0xffffffffL, OdpFlags.CT_STATE));
        }
        hex("ct_zone", FlowField.CT_ZONE);
        hex("ct_mark", FlowField.CT_MARK);
        long lh = FlowField.CT_LABEL.word(mask, 0, 0);
        long ll = FlowField.CT_LABEL.word(mask, 0, 1);
        if (verbose || (lh | ll) != 0) {
            attr("ct_label", OdpText.u128(FlowField.CT_LABEL.word(key, 0, 0), FlowField.CT_LABEL.word(key, 0, 1))
                    + (lh == -1L && ll == -1L ? "" : "/" + OdpText.u128(lh, ll)));
        }
        if (FlowKey.ethType(key, 0) == FlowKey.ETH_TYPE_IP && FlowField.CT_NW_PROTO.get(key, 0) != 0) {
            struct("ct_tuple4", OdpField.CT_TUPLE4, mask);
        }
        hex("recirc_id", FlowField.RECIRC_ID);
        hex("dp_hash", FlowField.DP_HASH);
        long pm = FlowField.IN_PORT.get(mask, 0);
        if (verbose || pm != 0) {
            long port = FlowField.IN_PORT.get(key, 0);
            String name = pm == 0xffffffffL ? names.nameOf((int) port) : null;
            attr("in_port", name != null ? name
                    : port + (pm == 0xffffffffL ? "" : "/" + OdpText.hexAlt(pm)));
        }
        attr("packet_type", "ns=0,id=0");
        struct("eth", OdpField.ETH, mask);
        l2(0);
        return b.toString();
    }

    /** VLAN tags as eth_type(TPID),vlan(TCI),encap(...), then what is inside. */
    private void l2(int d) {
        int et = FlowKey.ethType(key, 0);
        if (d < 2) {
            long tci = TCI[d].get(key, 0);
            boolean truncated = tci == 0 && (et == FlowKey.ETH_TYPE_VLAN || et == FlowKey.ETH_TYPE_VLAN_8021AD);
            if (tci != 0 || truncated) {
                long tpid = truncated ? et : TPID[d].get(key, 0);
                // OVS exports a tag's TPID as exact, whatever the mask says.
                attr("eth_type", String.format("0x%04x", tpid == 0 ? FlowKey.ETH_TYPE_VLAN : tpid));
                long tm = TCI[d].get(mask, 0);
                if (verbose || tm != 0) {
                    attr("vlan", vlan(tci, tm));
                }
                sep();
                b.append("encap(");
                if (!truncated) {
                    l2(d + 1);
                }
                b.append(')');
                return;
            }
        }
        long em = FlowField.ETH_TYPE.get(mask, 0);
        if (et >= 0x600 && (verbose || em != 0)) {
            attr("eth_type", String.format("0x%04x", et) + (em == 0xffff ? "" : String.format("/0x%04x", em)));
        }
        l3(et);
        if (et < 0x600 && em != 0) {
            // No Ethertype (802.3 without SNAP): OVS shows the mask alone.
            attr("eth_type", String.format("0/0x%04x", em));
        }
    }

    private String vlan(long tci, long m) {
        StringBuilder v = new StringBuilder();
        long vid = tci & 0xfff;
        long vidMask = m & 0xfff;
        long pcp = tci >>> 13 & 7;
        long pcpMask = m >>> 13 & 7;
        if (verbose || vid != 0 || vidMask != 0) {
            v.append("vid=").append(vid).append(vidMask == 0xfff ? "" : "/0x" + Long.toHexString(vidMask)).append(',');
        }
        if (verbose || pcp != 0 || pcpMask != 0) {
            v.append("pcp=").append(pcp).append(pcpMask == 7 ? "" : "/0x" + Long.toHexString(pcpMask)).append(',');
        }
        if ((tci & FlowKey.VLAN_CFI) == 0) {
            v.append("cfi=0,");
        }
        if (!v.isEmpty()) {
            v.setLength(v.length() - 1);
        }
        return v.toString();
    }

    private void l3(int et) {
        switch (et) {
            case FlowKey.ETH_TYPE_IP -> struct("ipv4", OdpField.IPV4_FIELDS, mask);
            case FlowKey.ETH_TYPE_IPV6 -> struct("ipv6", OdpField.IPV6_FIELDS, mask);
            case FlowKey.ETH_TYPE_ARP, FlowKey.ETH_TYPE_RARP -> struct("arp", OdpField.ARP, mask);
            case FlowKey.ETH_TYPE_MPLS, FlowKey.ETH_TYPE_MPLS_MCAST -> mpls();
            default -> {
                return;
            }
        }
        boolean ip = et == FlowKey.ETH_TYPE_IP;
        if (!ip && et != FlowKey.ETH_TYPE_IPV6 || (FlowKey.nwFrag(key, 0) & FlowKey.FRAG_LATER) != 0) {
            return;
        }
        switch (FlowKey.nwProto(key, 0)) {
            case FlowKey.IPPROTO_TCP -> {
                struct("tcp", OdpField.PORTS, mask);
                long v = FlowField.TCP_FLAGS.get(key, 0);
                long m = FlowField.TCP_FLAGS.get(mask, 0) & OdpFlags.TCP_FLAGS_MASK;
                if ((v != 0 || FlowField.TCP_FLAGS.get(mask, 0) != 0) && (verbose || m != 0)) {
                    attr("tcp_flags", m == OdpFlags.TCP_FLAGS_MASK ? OdpFlags.pipe(v, OdpFlags.TCP)
                            : OdpFlags.masked(v, m, OdpFlags.TCP_FLAGS_MASK, OdpFlags.TCP));
                }
            }
            case FlowKey.IPPROTO_UDP -> struct("udp", OdpField.PORTS, mask);
            case FlowKey.IPPROTO_SCTP -> struct("sctp", OdpField.PORTS, mask);
            case FlowKey.IPPROTO_ICMP -> {
                if (ip) {
                    struct("icmp", OdpField.ICMP, mask);
                }
            }
            case FlowKey.IPPROTO_ICMPV6 -> {
                if (!ip) {
                    struct("icmpv6", OdpField.ICMP, mask);
                    long type = FlowField.TP_SRC.get(key, 0);
                    if ((type == 135 || type == 136) && FlowField.TP_DST.get(key, 0) == 0) {
                        // OVS exports nd's mask only when ICMPv6 type and code are exact.
                        boolean typeExact = OdpField.ICMP.get(0).isExact(mask) && OdpField.ICMP.get(1).isExact(mask);
                        struct("nd", OdpField.ND, typeExact ? mask : new long[FlowKey.WORDS]);
                    }
                }
            }
            default -> {
            }
        }
    }

    private void mpls() {
        long m = FlowField.MPLS_LSE.get(mask, 0);
        if (!verbose && m == 0) {
            return;
        }
        attr("mpls", mpls(FlowField.MPLS_LSE.get(key, 0), m));
    }

    /** An MPLS label stack entry as OVS's format_mpls writes it: all fields, masked unless exact. */
    static String mpls(long v, long m) {
        if (m == 0xffffffffL) {
            return "label=" + (v >>> 12) + ",tc=" + (v >>> 9 & 7) + ",ttl=" + (v & 0xff) + ",bos=" + (v >>> 8 & 1);
        }
        return "label=" + (v >>> 12) + "/0x" + Long.toHexString(m >>> 12) + ",tc=" + (v >>> 9 & 7) + "/"
                + Long.toHexString(m >>> 9 & 7) + ",ttl=" + (v & 0xff) + "/0x" + Long.toHexString(m & 0xff)
                + ",bos=" + (v >>> 8 & 1) + "/" + Long.toHexString(m >>> 8 & 1);
    }

    /** A one-number attribute written {@code %#x[/%#x]}. */
    private void hex(String name, FlowField f) {
        long m = f.get(mask, 0);
        if (verbose || m != 0) {
            attr(name, OdpText.hexAlt(f.get(key, 0)) + (m == OdpScanner.ones(f.bits) ? "" : "/" + OdpText.hexAlt(m)));
        }
    }

    private void struct(String name, List<OdpField> fields, long[] m) {
        if (verbose || !OdpField.allZero(fields, m)) {
            attr(name, OdpField.formatAll(fields, key, m, verbose));
        }
    }

    private void attr(String name, String body) {
        sep();
        b.append(name).append('(').append(body).append(')');
    }

    private void sep() {
        if (!b.isEmpty() && b.charAt(b.length() - 1) != '(') {
            b.append(',');
        }
    }
}
