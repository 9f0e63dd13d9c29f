package org.jvswitch.dataplane.odp;

import static org.jvswitch.dataplane.odp.OdpField.Style.DEC;
import static org.jvswitch.dataplane.odp.OdpField.Style.FRAG;
import static org.jvswitch.dataplane.odp.OdpField.Style.HEX;
import static org.jvswitch.dataplane.odp.OdpField.Style.IPV4;
import static org.jvswitch.dataplane.odp.OdpField.Style.IPV6;
import static org.jvswitch.dataplane.odp.OdpField.Style.LABEL;
import static org.jvswitch.dataplane.odp.OdpField.Style.MAC;

import java.util.List;
import org.jvswitch.dataplane.flow.FlowField;
import org.jvswitch.dataplane.flow.FlowKey;

/**
 * One {@code name=value[/mask]} field inside a datapath key attribute such as {@code ipv4(...)}:
 * its name in the text, the bits of a {@link FlowField} it occupies, and how OVS writes it.
 * The attribute tables below list the fields of each attribute in OVS's order, which is the
 * order they print in; the key parser, the key formatter and {@code set(...)} actions share them.
 *
 * @param shift    where the field starts inside the FlowField's value
 * @param bits     how many bits of the FlowField it holds (ICMP type is 8 bits of tp_src)
 * @param textBits how wide the number may be in the text (ARP op is 16 bits in OVS's syntax,
 *                 8 bits in the key, like OVS's own flow)
 */
record OdpField(String name, FlowField field, int shift, int bits, int textBits, Style style) {

    /** How a value prints, after OVS's format_u8u, format_u8x/be16x, format_ipv4, and so on. */
    enum Style {
        /** Decimal value, {@code /%#x} mask. */
        DEC,
        /** {@code %#x} value and mask. */
        HEX,
        IPV4,
        IPV6,
        MAC,
        /** IPv6 flow label: hex, exact when the low 20 bits of the mask are set. */
        LABEL,
        /** no/first/later from nw_frag; all or nothing. */
        FRAG
    }

    static final List<OdpField> ETH = List.of(of("src", FlowField.ETH_SRC, MAC), of("dst", FlowField.ETH_DST, MAC));

    static final List<OdpField> IPV4_FIELDS = List.of(of("src", FlowField.NW_SRC, IPV4),
            of("dst", FlowField.NW_DST, IPV4), of("proto", FlowField.NW_PROTO, DEC), of("tos", FlowField.NW_TOS, HEX),
            of("ttl", FlowField.NW_TTL, DEC), of("frag", FlowField.NW_FRAG, FRAG));

    static final List<OdpField> IPV6_FIELDS = List.of(of("src", FlowField.IPV6_SRC, IPV6),
            of("dst", FlowField.IPV6_DST, IPV6), new OdpField("label", FlowField.IPV6_LABEL, 0, 20, 20, LABEL),
            of("proto", FlowField.NW_PROTO, DEC), of("tclass", FlowField.NW_TOS, HEX),
            of("hlimit", FlowField.NW_TTL, DEC), of("frag", FlowField.NW_FRAG, FRAG));

    /** tcp, udp and sctp. */
    static final List<OdpField> PORTS = List.of(of("src", FlowField.TP_SRC, DEC), of("dst", FlowField.TP_DST, DEC));

    /** icmp and icmpv6: type and code are the low 8 bits of tp_src and tp_dst. */
    static final List<OdpField> ICMP = List.of(new OdpField("type", FlowField.TP_SRC, 0, 8, 8, DEC),
            new OdpField("code", FlowField.TP_DST, 0, 8, 8, DEC));

    static final List<OdpField> ARP = List.of(of("sip", FlowField.NW_SRC, IPV4), of("tip", FlowField.NW_DST, IPV4),
            new OdpField("op", FlowField.NW_PROTO, 0, 8, 16, DEC), of("sha", FlowField.ARP_SHA, MAC),
            of("tha", FlowField.ARP_THA, MAC));

    static final List<OdpField> ND = List.of(of("target", FlowField.ND_TARGET, IPV6),
            of("sll", FlowField.ARP_SHA, MAC), of("tll", FlowField.ARP_THA, MAC));

    static final List<OdpField> CT_TUPLE4 = List.of(of("src", FlowField.CT_NW_SRC, IPV4),
            of("dst", FlowField.CT_NW_DST, IPV4), of("proto", FlowField.CT_NW_PROTO, DEC),
            of("tp_src", FlowField.CT_TP_SRC, DEC), of("tp_dst", FlowField.CT_TP_DST, DEC));

    static OdpField of(String name, FlowField f, Style style) {
        int bits = Math.min(f.bits, 64);
        return new OdpField(name, f, 0, bits, bits, style);
    }

    long ones() {
        return OdpScanner.ones(bits);
    }

    /** The field's value in key or mask {@code k} (IPv6: the high 64 bits). */
    long get(long[] k) {
        return (field.get(k, 0) >>> shift) & ones();
    }

    long getLow(long[] k) {
        return field.word(k, 0, 1);
    }

    void put(long[] k, long v) {
        long fieldOnes = OdpScanner.ones(Math.min(field.bits, 64));
        long cur = field.get(k, 0) & fieldOnes;
        long m = ones() << shift;
        field.set(k, 0, cur & ~m | (v << shift) & m);
    }

    void put128(long[] k, long hi, long lo) {
        field.setWord(k, 0, 0, hi);
        field.setWord(k, 0, 1, lo);
    }

    boolean isZero(long[] m) {
        return switch (style) {
            case IPV6 -> get(m) == 0 && getLow(m) == 0;
            case FRAG -> (get(m) & FlowKey.FRAG_ANY) == 0;
            default -> get(m) == 0;
        };
    }

    boolean isExact(long[] m) {
        return switch (style) {
            case IPV6 -> get(m) == -1L && getLow(m) == -1L;
            case FRAG -> (get(m) & FlowKey.FRAG_ANY) != 0;
            default -> get(m) == ones();
        };
    }

    // ---- text ----

    /** Reads {@code value[/mask]} into the key and mask. */
    void parse(OdpScanner sc, long[] key, long[] mask) {
        switch (style) {
            case DEC, HEX -> {
                long v = sc.uint(textBits);
                long m = sc.tryConsume('/') ? sc.uint(textBits) : OdpScanner.ones(textBits);
                if ((v & ~ones()) != 0) {
                    throw sc.error(name + "=" + v + " is out of range (at most " + ones() + ")");
                }
                put(key, v);
                put(mask, m & ones());
            }
            case LABEL -> {
                long v = sc.uint(32);
                long m = sc.tryConsume('/') ? sc.uint(32) : ones();
                if ((v & ~ones()) != 0 || (m & ~ones()) != 0) {
                    throw sc.error("IPv6 flow label is 20 bits");
                }
                put(key, v);
                put(mask, m);
            }
            case IPV4 -> {
                put(key, sc.ipv4() & 0xffffffffL);
                put(mask, sc.tryConsume('/') ? sc.ipv4() & 0xffffffffL : 0xffffffffL);
            }
            case MAC -> {
                put(key, sc.mac());
                put(mask, sc.tryConsume('/') ? sc.mac() : 0xffffffffffffL);
            }
            case IPV6 -> {
                long[] v = sc.ipv6();
                long[] m = sc.tryConsume('/') ? sc.ipv6() : new long[] {-1L, -1L};
                put128(key, v[0], v[1]);
                put128(mask, m[0], m[1]);
            }
            case FRAG -> {
                String f = sc.name();
                long v = switch (f) {
                    case "no" -> 0;
                    case "first" -> FlowKey.FRAG_ANY;
                    case "later" -> FlowKey.FRAG_ANY | FlowKey.FRAG_LATER;
                    default -> throw sc.error("frag must be no, first or later, not \"" + f + "\"");
                };
                put(key, v);
                put(mask, FlowKey.FRAG_ANY | FlowKey.FRAG_LATER);
            }
        }
    }

    /**
     * Appends {@code name=value[/mask],} as OVS does: nothing when the mask is empty (unless
     * verbose), no mask when it is exact. A null {@code mask} means exact.
     */
    void format(StringBuilder b, long[] key, long[] mask, boolean verbose) {
        if (mask != null && !verbose && isZero(mask) && style != FRAG) {
            return;
        }
        long v = get(key);
        long m = mask == null ? ones() : get(mask);
        switch (style) {
            case DEC -> b.append(name).append('=').append(v).append(m == ones() ? "" : "/" + OdpText.hexAlt(m));
            case HEX, LABEL -> b.append(name).append('=').append(OdpText.hexAlt(v))
                    .append(m == ones() ? "" : "/" + OdpText.hexAlt(m));
            case IPV4 -> b.append(name).append('=').append(OdpText.ipv4(v))
                    .append(m == ones() ? "" : "/" + OdpText.ipv4(m));
            case MAC -> b.append(name).append('=').append(OdpText.mac(v))
                    .append(m == ones() ? "" : "/" + OdpText.mac(m));
            case IPV6 -> {
                b.append(name).append('=').append(OdpText.ipv6(v, getLow(key)));
                if (mask != null && !isExact(mask)) {
                    b.append('/').append(OdpText.ipv6(m, getLow(mask)));
                }
            }
            case FRAG -> {
                // The datapath's frag is an enumeration: matched whole or not at all.
                if (mask != null && (m & FlowKey.FRAG_ANY) == 0) {
                    return;
                }
                b.append(name).append('=').append((v & FlowKey.FRAG_ANY) == 0 ? "no"
                        : (v & FlowKey.FRAG_LATER) != 0 ? "later" : "first");
            }
        }
        b.append(',');
    }

    /** Formats a whole attribute's fields (without the name and parentheses). */
    static String formatAll(List<OdpField> fields, long[] key, long[] mask, boolean verbose) {
        StringBuilder b = new StringBuilder();
        for (OdpField f : fields) {
            f.format(b, key, mask, verbose);
        }
        if (!b.isEmpty()) {
            b.setLength(b.length() - 1);
        }
        return b.toString();
    }

    /** True if every field of the attribute is wildcarded in {@code mask}. */
    static boolean allZero(List<OdpField> fields, long[] mask) {
        for (OdpField f : fields) {
            if (!f.isZero(mask)) {
                return false;
            }
        }
        return true;
    }

    /** True if every field of the attribute is exact in {@code mask}. */
    static boolean allExact(List<OdpField> fields, long[] mask) {
        for (OdpField f : fields) {
            if (!f.isExact(mask)) {
                return false;
            }
        }
        return true;
    }

    /** Reads {@code field=value,...)} (the name and '(' already consumed) against a table. */
    static void parseAll(OdpScanner sc, List<OdpField> fields, long[] key, long[] mask) {
        while (!sc.tryConsume(')')) {
            OdpField f = null;
            for (OdpField c : fields) {
                if (sc.startsWith(c.name + "=")) {
                    f = c;
                    break;
                }
            }
            if (f == null) {
                throw sc.error(sc.atEnd() ? "missing ')'" : "unknown field at \"" + rest(sc) + "\"");
            }
            sc.tryConsume(f.name + "=");
            f.parse(sc, key, mask);
            if (!sc.tryConsume(',') && sc.peek() != ')') {
                throw sc.error(sc.atEnd() ? "missing ')'"
                        : "expected ',' or ')' after " + f.name + " at \"" + rest(sc) + "\"");
            }
        }
    }

    private static String rest(OdpScanner sc) {
        String in = sc.input();
        int end = sc.pos();
        while (end < in.length() && in.charAt(end) != ',' && in.charAt(end) != ')') {
            end++;
        }
        return in.substring(sc.pos(), end);
    }
}
