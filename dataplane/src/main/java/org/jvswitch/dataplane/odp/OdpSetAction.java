package org.jvswitch.dataplane.odp;

import java.util.ArrayList;
import java.util.List;
import org.jvswitch.dataplane.action.DpAction.SetField;
import org.jvswitch.dataplane.flow.FlowField;
import org.jvswitch.dataplane.flow.FlowKey;

/**
 * {@code set(header(field=value[/mask],...))} to and from {@link SetField}s, one per field.
 *
 * <p>Parsing makes a SetField for each field the text sets, in OVS's field order, with the mask
 * written or an exact one; fields OVS reads but no datapath writes (ipv4/ipv6 proto and frag)
 * are accepted and dropped, as OVS's datapath ignores them. Printing groups a run of SetFields of
 * the same header into one {@code set(...)}, as OVS prints its masked set actions (fields not
 * set are left out, exact ones print without a mask), except {@code set(tunnel(...))} which is
 * OVS's unmasked form (see {@link OdpTunnel}).
 *
 * <p>A SetField does not say which header it came from when fields are shared (tp_src is TCP,
 * UDP, SCTP and ICMP; nw_tos/nw_ttl are IPv4 and IPv6; nw_src/nw_dst are IPv4 and ARP), so the
 * printer takes the flow's eth_type and IP protocol from an {@link OdpActions.Context}.
 */
final class OdpSetAction {
    private OdpSetAction() {
    }

    /** Reads {@code header(...))} after "set(", including the closing parentheses. */
    static List<SetField> parse(OdpScanner sc) {
        String name = sc.name();
        if (!sc.tryConsume('(')) {
            throw sc.error(null);
        }
        List<SetField> out = new ArrayList<>();
        long[] key = new long[FlowKey.WORDS];
        long[] mask = new long[FlowKey.WORDS];
        switch (name) {
            case "eth" -> fields(sc, OdpField.ETH, key, mask, out);
            case "ipv4" -> fields(sc, OdpField.IPV4_FIELDS, key, mask, out);
            case "ipv6" -> fields(sc, OdpField.IPV6_FIELDS, key, mask, out);
            case "tcp", "udp", "sctp" -> fields(sc, OdpField.PORTS, key, mask, out);
            case "icmp", "icmpv6" -> fields(sc, OdpField.ICMP, key, mask, out);
            case "arp" -> fields(sc, OdpField.ARP, key, mask, out);
            case "nd" -> fields(sc, OdpField.ND, key, mask, out);
            case "mpls" -> {
                long[] lse = OdpKeyParser.mpls(sc);
                if (lse[1] != 0) {
                    out.add(new SetField(FlowField.MPLS_LSE, new long[] {lse[0]}, new long[] {lse[1]}));
                }
            }
            case "skb_mark" -> out.add(single(sc, FlowField.PKT_MARK));
            case "skb_priority" -> out.add(single(sc, FlowField.SKB_PRIORITY));
            case "tunnel" -> out.addAll(OdpTunnel.parseSet(sc));
            default -> throw sc.error("set(" + name + "(...)) is not supported by this datapath");
        }
        sc.expect(')');
        return out;
    }

    private static void fields(OdpScanner sc, List<OdpField> fields, long[] key, long[] mask, List<SetField> out) {
        OdpField.parseAll(sc, fields, key, mask);
        for (OdpField f : fields) {
            if (f.isZero(mask) || f.field() == FlowField.NW_FRAG
                    || f.field() == FlowField.NW_PROTO && !f.name().equals("op")) {
                continue;
            }
            if (f.field().words == 2) {
                out.add(new SetField(f.field(), new long[] {f.get(key), f.getLow(key)},
                        new long[] {f.get(mask), f.getLow(mask)}));
            } else {
                out.add(new SetField(f.field(), new long[] {f.get(key)}, new long[] {f.get(mask)}));
            }
        }
    }

    private static SetField single(OdpScanner sc, FlowField f) {
        long[] vm = sc.uintMasked(f.bits);
        sc.expect(')');
        return new SetField(f, new long[] {vm[0]}, new long[] {vm[1]});
    }

    /** Writes a SetField's value and mask into a scratch key and mask. */
    static void apply(SetField s, long[] key, long[] mask) {
        FlowField f = s.field();
        if (f.words == 2) {
            for (int i = 0; i < 2; i++) {
                f.setWord(key, 0, i, i < s.value().length ? s.value()[i] : 0);
                f.setWord(mask, 0, i, i < s.mask().length ? s.mask()[i] : 0);
            }
        } else {
            f.set(key, 0, s.value()[0]);
            f.set(mask, 0, s.mask()[0]);
        }
    }

    /**
     * The header a SetField prints under, given the flow context and the header of the run it
     * would join (so IPv6's tclass and hlimit stay with the IPv6 addresses before them); null if
     * OVS has no set action for the field.
     */
    static String header(FlowField f, OdpActions.Context ctx, String run) {
        boolean arp = ctx.ethType() == FlowKey.ETH_TYPE_ARP || ctx.ethType() == FlowKey.ETH_TYPE_RARP;
        boolean ip6 = ctx.ethType() == FlowKey.ETH_TYPE_IPV6;
        return switch (f) {
            case ETH_SRC, ETH_DST -> "eth";
            case NW_SRC, NW_DST, NW_PROTO -> arp ? "arp" : "ipv4";
            case NW_TOS, NW_TTL -> ip6 || "ipv6".equals(run) ? "ipv6" : "ipv4";
            case IPV6_SRC, IPV6_DST, IPV6_LABEL -> "ipv6";
            case TP_SRC, TP_DST -> switch (ctx.nwProto()) {
                case FlowKey.IPPROTO_UDP -> "udp";
                case FlowKey.IPPROTO_SCTP -> "sctp";
                case FlowKey.IPPROTO_ICMP -> ip6 ? "tcp" : "icmp";
                case FlowKey.IPPROTO_ICMPV6 -> ip6 ? "icmpv6" : "tcp";
                default -> "tcp";
            };
            case ND_TARGET -> "nd";
            case ARP_SHA, ARP_THA -> arp ? "arp" : ip6 ? "nd" : "arp";
            case MPLS_LSE -> "mpls";
            case PKT_MARK -> "skb_mark";
            case SKB_PRIORITY -> "skb_priority";
            default -> OdpTunnel.isSetField(f) ? "tunnel" : null;
        };
    }

    /** {@code header(...)} for a run of SetFields that {@link #header} put under {@code header}. */
    static String format(String header, List<SetField> run) {
        if (header == null) {
            // Not a datapath set action; say what it is rather than fail.
            SetField s = run.getFirst();
            return s.field().name().toLowerCase() + "(" + OdpText.hexAlt(s.value()[0]) + "/"
                    + OdpText.hexAlt(s.mask()[0]) + ")";
        }
        if (header.equals("tunnel")) {
            return OdpTunnel.formatSet(run);
        }
        long[] key = new long[FlowKey.WORDS];
        long[] mask = new long[FlowKey.WORDS];
        for (SetField s : run) {
            apply(s, key, mask);
        }
        String body = switch (header) {
            case "eth" -> OdpField.formatAll(OdpField.ETH, key, mask, false);
            case "ipv4" -> OdpField.formatAll(OdpField.IPV4_FIELDS, key, mask, false);
            case "ipv6" -> OdpField.formatAll(OdpField.IPV6_FIELDS, key, mask, false);
            case "tcp", "udp", "sctp" -> OdpField.formatAll(OdpField.PORTS, key, mask, false);
            case "icmp", "icmpv6" -> OdpField.formatAll(OdpField.ICMP, key, mask, false);
            case "arp" -> OdpField.formatAll(OdpField.ARP, key, mask, false);
            case "nd" -> OdpField.formatAll(OdpField.ND, key, mask, false);
            case "mpls" -> OdpKeyFormatter.mpls(FlowField.MPLS_LSE.get(key, 0), FlowField.MPLS_LSE.get(mask, 0));
            default -> {
                FlowField f = run.getFirst().field();
                long m = f.get(mask, 0);
                yield OdpText.hexAlt(f.get(key, 0)) + (m == OdpScanner.ones(f.bits) ? "" : "/" + OdpText.hexAlt(m));
            }
        };
        return header + "(" + body + ")";
    }
}
