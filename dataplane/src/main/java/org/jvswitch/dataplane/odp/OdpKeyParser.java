package org.jvswitch.dataplane.odp;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jvswitch.dataplane.flow.FlowField;
import org.jvswitch.dataplane.flow.FlowKey;
import org.jvswitch.dataplane.flow.Ufid;

/**
 * Parses a datapath flow key with masks ({@code in_port(1),eth(),eth_type(0x0800),ipv4(...)})
 * into a {@link FlowKey} and a mask of the same layout. One instance per string.
 *
 * <p>As OVS's odp_flow_from_string: fields given without {@code /mask} are exact, fields an
 * attribute leaves out are wildcarded, attributes left out are wildcarded; a "ufid:..." prefix is
 * picked up. Then, because this datapath holds keys as dense words rather than netlink
 * attributes, the checks OVS's datapath makes later happen here, with their reasons: an
 * attribute must be possible for the key's eth_type and protocol (else it could not be printed
 * back), VLANs nest as OVS writes them, and only Ethernet packet types exist.
 */
final class OdpKeyParser {
    private static final Set<String> TOP_ONLY = Set.of("skb_priority", "skb_mark", "recirc_id", "dp_hash",
            "ct_state", "ct_zone", "ct_mark", "ct_label", "ct_tuple4", "tunnel", "in_port", "packet_type", "eth");
    private static final Set<String> INNERMOST = Set.of("mpls", "ipv4", "ipv6", "arp", "tcp", "udp", "sctp",
            "tcp_flags", "icmp", "icmpv6", "nd");
    private static final FlowField[] TPID = {FlowField.VLAN0_TPID, FlowField.VLAN1_TPID};
    private static final FlowField[] TCI = {FlowField.VLAN0_TCI, FlowField.VLAN1_TCI};

    private record Attr(String name, int depth, int pos) {
    }

    private final OdpScanner sc;
    private final PortNames names;
    private final long[] key = new long[FlowKey.WORDS];
    private final long[] mask = new long[FlowKey.WORDS];
    private final List<Attr> attrs = new ArrayList<>();
    private final Set<String> seen = new HashSet<>();
    /** Per nesting depth: eth_type {value, mask, pos}, vlan {tci, mask, pos}, whether encap follows. */
    private final long[][] ethType = new long[3][];
    private final long[][] vlan = new long[3][];
    private final boolean[] encap = new boolean[3];
    private Ufid ufid;

    private OdpKeyParser(String s, PortNames names) {
        this.sc = new OdpScanner(s);
        this.names = names == null ? PortNames.NUMBERS : names;
    }

    static OdpMatch parse(String s, PortNames names) {
        return new OdpKeyParser(s, names).run();
    }

    private OdpMatch run() {
        for (;;) {
            sc.skipDelimiters();
            if (sc.atEnd()) {
                break;
            }
            if (sc.startsWith("ufid:") && attrs.isEmpty() && ufid == null) {
                sc.mark();
                ufid = Ufids.parse(sc);
                continue;
            }
            attr(0);
        }
        assemble();
        check();
        return new OdpMatch(key, mask, ufid);
    }

    private void attr(int depth) {
        sc.mark();
        int start = sc.pos();
        String name = sc.name();
        if (!sc.tryConsume('(')) {
            throw sc.error(name.isEmpty() ? "expected an attribute" : null);
        }
        if (!seen.add(name + "@" + depth)) {
            throw sc.error("duplicate " + name + " attribute in flow key");
        }
        switch (name) {
            case "skb_priority" -> single(FlowField.SKB_PRIORITY);
            case "skb_mark" -> single(FlowField.PKT_MARK);
            case "recirc_id" -> single(FlowField.RECIRC_ID);
            case "dp_hash" -> single(FlowField.DP_HASH);
            case "ct_zone" -> single(FlowField.CT_ZONE);
            case "ct_mark" -> single(FlowField.CT_MARK);
            case "ct_state" -> {
                long[] fm = OdpFlags.parse(sc, OdpFlags.CT_STATE, 0xff, ')', "ct_state");
                sc.expect(')');
                FlowField.CT_STATE.set(key, 0, fm[0]);
                FlowField.CT_STATE.set(mask, 0, fm[1] & 0xff);
            }
            case "ct_label" -> {
                long[] v = sc.u128();
                long[] m = sc.tryConsume('/') ? sc.u128() : new long[] {-1L, -1L};
                sc.expect(')');
                FlowField.CT_LABEL.setWord(key, 0, 0, v[0]);
                FlowField.CT_LABEL.setWord(key, 0, 1, v[1]);
                FlowField.CT_LABEL.setWord(mask, 0, 0, m[0]);
                FlowField.CT_LABEL.setWord(mask, 0, 1, m[1]);
            }
            case "ct_tuple4" -> OdpField.parseAll(sc, OdpField.CT_TUPLE4, key, mask);
            case "tunnel" -> OdpTunnel.parse(sc, key, mask);
            case "in_port" -> inPort();
            case "packet_type" -> packetType();
            case "eth" -> OdpField.parseAll(sc, OdpField.ETH, key, mask);
            case "vlan" -> vlan(depth, start);
            case "eth_type" -> {
                long[] vm = sc.uintMasked(16);
                sc.expect(')');
                ethType[depth] = new long[] {vm[0], vm[1], start};
            }
            case "encap" -> encap(depth);
            case "mpls" -> {
                long[] lse = mpls(sc);
                FlowField.MPLS_LSE.set(key, 0, lse[0]);
                FlowField.MPLS_LSE.set(mask, 0, lse[1]);
            }
            case "ipv4" -> OdpField.parseAll(sc, OdpField.IPV4_FIELDS, key, mask);
            case "ipv6" -> OdpField.parseAll(sc, OdpField.IPV6_FIELDS, key, mask);
            case "tcp", "udp", "sctp" -> OdpField.parseAll(sc, OdpField.PORTS, key, mask);
            case "tcp_flags" -> {
                long[] fm = OdpFlags.parse(sc, OdpFlags.TCP, OdpFlags.TCP_FLAGS_MASK, ')', "tcp");
                sc.expect(')');
                FlowField.TCP_FLAGS.set(key, 0, fm[0]);
                FlowField.TCP_FLAGS.set(mask, 0, fm[1] & 0xffff);
            }
            case "icmp", "icmpv6" -> OdpField.parseAll(sc, OdpField.ICMP, key, mask);
            case "arp" -> OdpField.parseAll(sc, OdpField.ARP, key, mask);
            case "nd" -> OdpField.parseAll(sc, OdpField.ND, key, mask);
            case "ct_tuple6", "nd_ext", "nsh" -> throw sc.error(name + "(...) is not supported by this datapath");
            default -> throw sc.error(null);
        }
        attrs.add(new Attr(name, depth, start));
    }

    /** {@code value[/mask])} of a whole field. */
    private void single(FlowField f) {
        long[] vm = sc.uintMasked(f.bits);
        sc.expect(')');
        f.set(key, 0, vm[0]);
        f.set(mask, 0, vm[1]);
    }

    private void inPort() {
        long[] vm;
        if (Character.isDigit(sc.peek())) {
            vm = sc.uintMasked(32);
        } else {
            int from = sc.pos();
            String in = sc.input();
            int to = in.indexOf(')', from);
            String name = in.substring(from, to < 0 ? in.length() : to);
            int port = names.portOf(name);
            if (port < 0) {
                throw sc.error("unknown port \"" + name + "\"");
            }
            sc.pos(from + name.length());
            vm = new long[] {port & 0xffffffffL, 0xffffffffL};
        }
        sc.expect(')');
        FlowField.IN_PORT.set(key, 0, vm[0]);
        FlowField.IN_PORT.set(mask, 0, vm[1]);
    }

    /** The datapath carries Ethernet frames only: packet_type may be (ns=0,id=0) or wildcarded. */
    private void packetType() {
        long[] ns = {0, 0};
        long[] id = {0, 0};
        while (!sc.tryConsume(')')) {
            if (sc.tryConsume("ns=")) {
                ns = sc.uintMasked(16);
            } else if (sc.tryConsume("id=")) {
                id = sc.uintMasked(16);
            } else {
                throw sc.error("expected ns= or id=");
            }
            if (!sc.tryConsume(',') && sc.peek() != ')') {
                throw sc.error("expected ',' or ')'");
            }
        }
        if ((ns[0] & ns[1]) != 0 || (id[0] & id[1]) != 0) {
            throw sc.error("only Ethernet frames, packet_type(ns=0,id=0), exist in this datapath");
        }
    }

    /** OVS starts a vlan() as "tag present": CFI set in key and mask. */
    private void vlan(int depth, int start) {
        long tci = FlowKey.VLAN_CFI;
        long tm = FlowKey.VLAN_CFI;
        while (!sc.tryConsume(')')) {
            int shift;
            int bits;
            if (sc.tryConsume("vid=")) {
                shift = 0;
                bits = 12;
            } else if (sc.tryConsume("pcp=")) {
                shift = 13;
                bits = 3;
            } else if (sc.tryConsume("cfi=")) {
                shift = 12;
                bits = 1;
            } else {
                throw sc.error("expected vid=, pcp= or cfi=");
            }
            long v = sc.uint(16);
            long m = sc.tryConsume('/') ? sc.uint(16) : OdpScanner.ones(bits);
            if ((v | m) >>> bits != 0) {
                throw sc.error("vlan field out of range (" + bits + " bits)");
            }
            long field = OdpScanner.ones(bits) << shift;
            tci = tci & ~field | v << shift;
            tm = tm & ~field | m << shift;
            if (!sc.tryConsume(',') && sc.peek() != ')') {
                throw sc.error("expected ',' or ')'");
            }
        }
        vlan[depth] = new long[] {tci, tm, start};
    }

    private void encap(int depth) {
        if (depth >= 2) {
            throw sc.error("at most two VLAN headers");
        }
        encap[depth] = true;
        for (;;) {
            sc.skipDelimiters();
            if (sc.atEnd()) {
                throw sc.error("missing ')' after encap(");
            }
            if (sc.tryConsume(')')) {
                return;
            }
            attr(depth + 1);
        }
    }

    /** One label stack entry (label 20 bits, tc 3, bos 1, ttl 8) and ')'. Returns {lse, mask}. */
    static long[] mpls(OdpScanner sc) {
        long lse = 0;
        long lm = 0;
        Set<String> given = new HashSet<>();
        while (!sc.tryConsume(')')) {
            String f = sc.name();
            int shift;
            int bits;
            switch (f) {
                case "label" -> {
                    shift = 12;
                    bits = 20;
                }
                case "tc" -> {
                    shift = 9;
                    bits = 3;
                }
                case "bos" -> {
                    shift = 8;
                    bits = 1;
                }
                case "ttl" -> {
                    shift = 0;
                    bits = 8;
                }
                default -> throw sc.error("expected label=, tc=, ttl= or bos=");
            }
            if (!given.add(f)) {
                throw sc.error("only one MPLS label stack entry is supported");
            }
            sc.expect('=');
            long v = sc.uint(32);
            long m = sc.tryConsume('/') ? sc.uint(32) : OdpScanner.ones(bits);
            if ((v | m) >>> bits != 0) {
                throw sc.error("mpls " + f + " out of range (" + bits + " bits)");
            }
            lse |= v << shift;
            lm |= m << shift;
            if (!sc.tryConsume(',') && sc.peek() != ')') {
                throw sc.error("expected ',' or ')'");
            }
        }
        return new long[] {lse, lm};
    }

    /** Places eth_type and VLAN tags by nesting depth. */
    private void assemble() {
        for (int d = 0; d < 2; d++) {
            // A tag whose TCI is wildcarded prints as eth_type(TPID),encap(...) without vlan().
            if (vlan[d] == null && encap[d] && ethType[d] != null && isTpid(ethType[d][0])) {
                vlan[d] = new long[] {FlowKey.VLAN_CFI, 0, ethType[d][2]};
            }
        }
        int tags = 0;
        while (tags < 3 && vlan[tags] != null) {
            tags++;
        }
        if (tags > 2) {
            throw at((int) vlan[2][2], "at most two VLAN headers");
        }
        for (int d = 0; d < 3; d++) {
            if (vlan[d] != null && d >= tags) {
                throw at((int) vlan[d][2], "vlan(...) inside encap() needs an outer vlan(...)");
            }
            if (encap[d] && vlan[d] == null) {
                throw new OdpParseException("encap(...) must follow vlan(...)");
            }
        }
        boolean truncated = false;
        for (int d = 0; d < tags; d++) {
            long[] et = ethType[d];
            long tci = vlan[d][0];
            if (et == null || !isTpid(et[0])) {
                throw at((int) vlan[d][2], "vlan(...) needs eth_type(0x8100) or eth_type(0x88a8) before it");
            }
            if ((tci & FlowKey.VLAN_CFI) == 0) {
                // A header cut short: OVS keeps the TPID as eth_type and an empty encap().
                if (tci != 0 || d != tags - 1 || ethType[d + 1] != null || hasDepth(d + 1)) {
                    throw at((int) vlan[d][2], "vlan(...,cfi=0) stands for a truncated header: vid=0, pcp=0"
                            + " and nothing inside encap()");
                }
                FlowField.ETH_TYPE.set(key, 0, et[0]);
                FlowField.ETH_TYPE.set(mask, 0, 0xffff);
                TCI[d].set(mask, 0, vlan[d][1]);
                truncated = true;
            } else {
                // As OVS exports it, a tag's TPID is always matched exactly.
                TPID[d].set(key, 0, et[0]);
                TPID[d].set(mask, 0, 0xffff);
                TCI[d].set(key, 0, tci);
                TCI[d].set(mask, 0, vlan[d][1]);
            }
        }
        long[] et = ethType[tags];
        if (!truncated && et != null) {
            FlowField.ETH_TYPE.set(key, 0, et[0] < 0x600 ? FlowKey.ETH_TYPE_NONE : et[0]);
            FlowField.ETH_TYPE.set(mask, 0, et[1]);
            if (tags < 2 && et[1] != 0) {
                // An Ethertype that is not a TPID at this depth means "no (further) tag", as in OVS's
                // datapath, where a tagged packet's key has eth_type(0x8100) and encap() instead.
                TCI[tags].set(mask, 0, TCI[tags].get(mask, 0) | FlowKey.VLAN_CFI);
            }
        }
        for (Attr a : attrs) {
            if (a.depth > 0 && TOP_ONLY.contains(a.name)) {
                throw at(a.pos, a.name + "(...) cannot be inside encap(...)");
            }
            if (a.depth != tags && INNERMOST.contains(a.name)) {
                throw at(a.pos, a.name + "(...) belongs " + (tags == 0 ? "outside encap(...)"
                        : "in the innermost encap(...), after the last vlan(...)"));
            }
        }
    }

    private static boolean isTpid(long et) {
        return et == FlowKey.ETH_TYPE_VLAN || et == FlowKey.ETH_TYPE_VLAN_8021AD;
    }

    private boolean hasDepth(int depth) {
        for (Attr a : attrs) {
            if (a.depth == depth) {
                return true;
            }
        }
        return false;
    }

    /** Each attribute given must be one the key's eth_type and protocol can carry. */
    private void check() {
        int et = FlowKey.ethType(key, 0);
        int proto = FlowKey.nwProto(key, 0);
        boolean ip = et == FlowKey.ETH_TYPE_IP;
        boolean ip6 = et == FlowKey.ETH_TYPE_IPV6;
        boolean later = (FlowKey.nwFrag(key, 0) & FlowKey.FRAG_LATER) != 0;
        for (Attr a : attrs) {
            String why = switch (a.name) {
                case "tunnel" -> OdpTunnel.present(key) ? null : "needs src, dst, ipv6_src or ipv6_dst";
                case "ct_tuple4" -> ip && FlowField.CT_NW_PROTO.get(key, 0) != 0 ? null
                        : "needs eth_type(0x0800) and a non-zero proto";
                case "ipv4" -> ip ? null : "needs eth_type(0x0800)";
                case "ipv6" -> ip6 ? null : "needs eth_type(0x86dd)";
                case "arp" -> et == FlowKey.ETH_TYPE_ARP || et == FlowKey.ETH_TYPE_RARP ? null
                        : "needs eth_type(0x0806) or eth_type(0x8035)";
                case "mpls" -> et == FlowKey.ETH_TYPE_MPLS || et == FlowKey.ETH_TYPE_MPLS_MCAST ? null
                        : "needs eth_type(0x8847) or eth_type(0x8848)";
                case "tcp", "tcp_flags" -> l4(ip || ip6, proto == FlowKey.IPPROTO_TCP, later, "ipv4/ipv6(proto=6)");
                case "udp" -> l4(ip || ip6, proto == FlowKey.IPPROTO_UDP, later, "ipv4/ipv6(proto=17)");
                case "sctp" -> l4(ip || ip6, proto == FlowKey.IPPROTO_SCTP, later, "ipv4/ipv6(proto=132)");
                case "icmp" -> l4(ip, proto == FlowKey.IPPROTO_ICMP, later, "ipv4(proto=1)");
                case "icmpv6", "nd" -> {
                    String w = l4(ip6, proto == FlowKey.IPPROTO_ICMPV6, later, "ipv6(proto=58)");
                    long type = FlowField.TP_SRC.get(key, 0);
                    yield w != null || !a.name.equals("nd") ? w
                            : (type == 135 || type == 136) && FlowField.TP_DST.get(key, 0) == 0 ? null
                            : "needs icmpv6(type=135 or 136,code=0)";
                }
                default -> null;
            };
            if (why != null) {
                throw new OdpParseException(a.name + "(...) " + why, a.pos);
            }
        }
    }

    private static String l4(boolean l3, boolean proto, boolean later, String needs) {
        return l3 && proto && !later ? null : "needs " + needs + " and not frag=later";
    }

    private OdpParseException at(int pos, String why) {
        sc.pos(pos);
        sc.mark();
        return sc.error(why);
    }
}
