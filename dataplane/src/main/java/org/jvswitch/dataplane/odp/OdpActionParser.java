package org.jvswitch.dataplane.odp;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jvswitch.dataplane.action.DpAction;
import org.jvswitch.dataplane.flow.FlowKey;

/**
 * Parses a datapath action list ({@code set(ipv4(ttl=63)),push_vlan(vid=10,pcp=0),2}) into
 * {@link DpAction}s, as OVS's odp_actions_from_string reads it: actions separated by commas or
 * blanks, {@code drop} (alone) for none, port numbers for outputs (or names, given
 * {@link PortNames}). Also accepted, beyond what OVS 3.1 reads back: {@code recirc(0x1)} in hex
 * (OVS prints it so but reads only decimal), {@code push_mpls}, {@code pop_mpls} and
 * {@code hash} (OVS prints them but cannot read them), {@code drop} alone inside clone() or
 * sample(), and push_vlan fields in any order.
 */
final class OdpActionParser {
    /** OVS actions this datapath does not have: named in the error rather than "syntax error". */
    private static final Set<String> UNSUPPORTED = Set.of("ct", "ct_clear", "lb_output", "check_pkt_len",
            "push_eth", "pop_eth", "push_nsh", "pop_nsh", "add_mpls", "ptap_push_mpls", "ptap_pop_mpls",
            "set_masked", "drop_reason");

    private OdpActionParser() {
    }

    static List<DpAction> parse(String s, PortNames names) {
        OdpScanner sc = new OdpScanner(s);
        sc.skipDelimiters();
        int start = sc.pos();
        if (sc.tryConsume("drop")) {
            sc.skipDelimiters();
            if (sc.atEnd()) {
                return List.of();
            }
            sc.pos(start);
            sc.mark();
            throw sc.error("drop must be the only action");
        }
        return list(sc, names == null ? PortNames.NUMBERS : names, false);
    }

    /** Actions to the end of the input, or (nested) to a ')' which is left for the caller. */
    private static List<DpAction> list(OdpScanner sc, PortNames names, boolean nested) {
        List<DpAction> out = new ArrayList<>();
        for (;;) {
            sc.skipDelimiters();
            if (sc.atEnd()) {
                if (nested) {
                    throw sc.error("missing ')'");
                }
                return out;
            }
            if (nested && sc.peek() == ')') {
                return out;
            }
            sc.mark();
            if (isDrop(sc)) {
                sc.tryConsume("drop");
                if (!nested || !out.isEmpty() || sc.peek() != ')') {
                    throw sc.error("drop must be the only action");
                }
                return out;
            }
            action(sc, names, out);
            char c = sc.peek();
            if (!sc.atEnd() && OdpScanner.DELIMITERS.indexOf(c) < 0 && !(nested && c == ')')) {
                throw sc.error("expected ',' between actions");
            }
        }
    }

    /** "drop" as a word (not the start of a port name). */
    private static boolean isDrop(OdpScanner sc) {
        if (!sc.startsWith("drop")) {
            return false;
        }
        int after = sc.pos() + 4;
        String in = sc.input();
        return after >= in.length() || (OdpScanner.DELIMITERS + ")").indexOf(in.charAt(after)) >= 0;
    }

    private static void action(OdpScanner sc, PortNames names, List<DpAction> out) {
        if (Character.isDigit(sc.peek())) {
            out.add(new DpAction.Output((int) sc.uint(32)));
            return;
        }
        int start = sc.pos();
        String name = sc.name();
        switch (name) {
            case "userspace" -> out.add(userspace(sc));
            case "set" -> {
                sc.expect('(');
                out.addAll(OdpSetAction.parse(sc));
            }
            case "push_vlan" -> out.add(pushVlan(sc));
            case "pop_vlan" -> out.add(new DpAction.PopVlan());
            case "push_mpls" -> out.add(pushMpls(sc));
            case "pop_mpls" -> {
                sc.expect("(eth_type=");
                int et = (int) sc.uint(16);
                sc.expect(')');
                out.add(new DpAction.PopMpls(et));
            }
            case "recirc" -> out.add(new DpAction.Recirc((int) number(sc)));
            case "hash" -> {
                sc.expect('(');
                int alg = sc.tryConsume("l4(") ? DpAction.Hash.L4
                        : sc.tryConsume("sym_l4(") ? DpAction.Hash.SYM_L4 : -1;
                if (alg < 0) {
                    throw sc.error("hash algorithm must be l4(basis) or sym_l4(basis)");
                }
                int basis = (int) sc.uint(32);
                sc.expect("))");
                out.add(new DpAction.Hash(alg, basis));
            }
            case "clone" -> {
                sc.expect('(');
                List<DpAction> body = list(sc, names, true);
                sc.expect(')');
                out.add(new DpAction.Clone(List.copyOf(body)));
            }
            case "sample" -> out.add(sample(sc, names));
            case "trunc" -> out.add(new DpAction.Truncate((int) number(sc)));
            case "meter" -> out.add(new DpAction.Meter((int) number(sc)));
            case "tnl_pop" -> {
                sc.expect('(');
                int port = port(sc, names);
                sc.expect(')');
                out.add(new DpAction.TunnelPop(port));
            }
            case "tnl_push" -> {
                sc.expect('(');
                out.add(OdpTunnelHeader.parse(sc, names));
            }
            default -> {
                if (UNSUPPORTED.contains(name)) {
                    throw sc.error(name + " is not supported by this datapath");
                }
                sc.pos(start);
                int port = sc.atEnd() ? -1 : names.portOf(token(sc));
                if (port < 0 || name.isEmpty() && sc.pos() == start) {
                    sc.pos(start);
                    throw sc.error(null);
                }
                out.add(new DpAction.Output(port));
            }
        }
    }

    /** {@code (N)}: a 32-bit number in parentheses. */
    private static long number(OdpScanner sc) {
        sc.expect('(');
        long v = sc.uint(32);
        sc.expect(')');
        return v;
    }

    /** A port number, or a port name up to the next ')' or delimiter. */
    static int port(OdpScanner sc, PortNames names) {
        if (Character.isDigit(sc.peek())) {
            return (int) sc.uint(32);
        }
        int from = sc.pos();
        String name = token(sc);
        int port = names == null ? -1 : names.portOf(name);
        if (port < 0) {
            sc.pos(from);
            throw sc.error("unknown port \"" + name + "\"");
        }
        return port;
    }

    private static String token(OdpScanner sc) {
        String in = sc.input();
        int from = sc.pos();
        int to = from;
        while (to < in.length() && (OdpScanner.DELIMITERS + "()").indexOf(in.charAt(to)) < 0) {
            to++;
        }
        sc.pos(to);
        return in.substring(from, to);
    }

    private static DpAction userspace(OdpScanner sc) {
        sc.expect("(pid=");
        int pid = (int) sc.uint(32);
        byte[] userdata = null;
        for (;;) {
            if (sc.tryConsume(",userdata(")) {
                userdata = sc.hexBytes();
                sc.expect(')');
            } else if (sc.tryConsume(',')) {
                String what = sc.name();
                throw sc.error("userspace(..." + what + "...) is not supported by this datapath: give the"
                        + " cookie as userdata(hex)");
            } else {
                break;
            }
        }
        sc.expect(')');
        return new DpAction.Userspace(pid, userdata);
    }

    /** push_vlan([tpid=T,]vid=V,pcp=P[,cfi=C]); the tag's CFI bit is set unless cfi=0. */
    private static DpAction pushVlan(OdpScanner sc) {
        sc.expect('(');
        int tpid = FlowKey.ETH_TYPE_VLAN;
        int vid = 0;
        int pcp = 0;
        int cfi = 1;
        while (!sc.tryConsume(')')) {
            if (sc.tryConsume("tpid=")) {
                tpid = (int) sc.uint(16);
            } else if (sc.tryConsume("vid=")) {
                vid = (int) sc.uint(12);
            } else if (sc.tryConsume("pcp=")) {
                pcp = (int) sc.uint(3);
            } else if (sc.tryConsume("cfi=")) {
                cfi = (int) sc.uint(1);
            } else {
                throw sc.error("expected tpid=, vid=, pcp= or cfi=");
            }
            if (!sc.tryConsume(',') && sc.peek() != ')') {
                throw sc.error("expected ',' or ')'");
            }
        }
        return new DpAction.PushVlan(tpid, pcp << 13 | cfi << 12 | vid);
    }

    private static DpAction pushMpls(OdpScanner sc) {
        sc.expect('(');
        long label = 0;
        long tc = 0;
        long ttl = 0;
        long bos = 0;
        int ethType = FlowKey.ETH_TYPE_MPLS;
        while (!sc.tryConsume(')')) {
            if (sc.tryConsume("label=")) {
                label = sc.uint(20);
            } else if (sc.tryConsume("tc=")) {
                tc = sc.uint(3);
            } else if (sc.tryConsume("ttl=")) {
                ttl = sc.uint(8);
            } else if (sc.tryConsume("bos=")) {
                bos = sc.uint(1);
            } else if (sc.tryConsume("eth_type=")) {
                ethType = (int) sc.uint(16);
            } else {
                throw sc.error("expected label=, tc=, ttl=, bos= or eth_type=");
            }
            if (!sc.tryConsume(',') && sc.peek() != ')') {
                throw sc.error("expected ',' or ')'");
            }
        }
        return new DpAction.PushMpls((int) (label << 12 | tc << 9 | bos << 8 | ttl), ethType);
    }

    /** sample(sample=P%,actions(...)): P percent of 2^32, the record's unit. */
    private static DpAction sample(OdpScanner sc, PortNames names) {
        sc.expect("(sample=");
        double pct = sc.decimal();
        if (pct < 0 || pct > 100) {
            throw sc.error("sample probability must be between 0% and 100%");
        }
        sc.expect("%,actions(");
        List<DpAction> body = list(sc, names, true);
        sc.expect("))");
        return new DpAction.Sample(Math.round(pct / 100.0 * 0x1p32), List.copyOf(body));
    }
}
