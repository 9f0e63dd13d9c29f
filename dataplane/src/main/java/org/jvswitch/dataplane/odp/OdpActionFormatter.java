package org.jvswitch.dataplane.odp;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jvswitch.dataplane.action.DpAction;
import org.jvswitch.dataplane.action.DpAction.SetField;
import org.jvswitch.dataplane.flow.FlowField;
import org.jvswitch.dataplane.flow.FlowKey;

/**
 * Writes {@link DpAction}s as OVS's format_odp_actions does: comma-separated, "drop" for none
 * (also inside clone() and sample()), ports by name when names are given. Consecutive
 * {@link SetField}s of one header print as one {@code set(...)}; push_mpls and pop_mpls change
 * the eth_type later sets are read against.
 */
final class OdpActionFormatter {
    private OdpActionFormatter() {
    }

    static String format(List<DpAction> actions, OdpActions.Context ctx, PortNames names) {
        StringBuilder b = new StringBuilder();
        list(b, actions, ctx, names == null ? PortNames.NUMBERS : names);
        return b.toString();
    }

    private static void list(StringBuilder b, List<DpAction> actions, OdpActions.Context ctx, PortNames names) {
        if (actions.isEmpty()) {
            b.append("drop");
            return;
        }
        OdpActions.Context c = ctx;
        for (int i = 0; i < actions.size(); i++) {
            if (i > 0) {
                b.append(',');
            }
            switch (actions.get(i)) {
                case DpAction.Output o -> b.append(port(o.port(), names));
                case DpAction.Userspace u -> b.append("userspace(pid=").append(Integer.toUnsignedString(u.pid()))
                        .append(u.userdata() == null ? "" : ",userdata(" + OdpText.hexPairs(u.userdata()) + ")")
                        .append(')');
                case SetField s -> i = set(b, actions, i, c);
                case DpAction.PushVlan p -> {
                    b.append("push_vlan(");
                    if (p.tpid() != FlowKey.ETH_TYPE_VLAN) {
                        b.append(String.format("tpid=0x%04x,", p.tpid()));
                    }
                    b.append("vid=").append(p.tci() & 0xfff).append(",pcp=").append(p.tci() >>> 13 & 7);
                    b.append((p.tci() & FlowKey.VLAN_CFI) == 0 ? ",cfi=0)" : ")");
                }
                case DpAction.PopVlan p -> b.append("pop_vlan");
                case DpAction.PushMpls p -> {
                    b.append("push_mpls(").append(OdpKeyFormatter.mpls(p.lse() & 0xffffffffL, 0xffffffffL))
                            .append(",eth_type=0x").append(Integer.toHexString(p.ethType() & 0xffff)).append(')');
                    c = c.withEthType(p.ethType());
                }
                case DpAction.PopMpls p -> {
                    b.append("pop_mpls(eth_type=0x").append(Integer.toHexString(p.ethType() & 0xffff)).append(')');
                    c = c.withEthType(p.ethType());
                }
                case DpAction.Recirc r -> b.append("recirc(").append(OdpText.hexAlt(r.id() & 0xffffffffL)).append(')');
                case DpAction.Hash h -> b.append("hash(").append(switch (h.alg()) {
                    case DpAction.Hash.L4 -> "l4(" + Integer.toUnsignedString(h.basis()) + ")";
                    case DpAction.Hash.SYM_L4 -> "sym_l4(" + Integer.toUnsignedString(h.basis()) + ")";
                    default -> "Unknown hash algorithm(" + h.alg() + ")";
                }).append(')');
                case DpAction.Clone cl -> {
                    b.append("clone(");
                    list(b, cl.actions(), c, names);
                    b.append(')');
                }
                case DpAction.Sample s -> {
                    b.append(String.format(Locale.ROOT, "sample(sample=%.1f%%,actions(", 100.0 * s.probability() / 0x1p32));
                    list(b, s.actions(), c, names);
                    b.append("))");
                }
                case DpAction.Truncate t -> b.append("trunc(").append(Integer.toUnsignedString(t.maxLen())).append(')');
                case DpAction.Meter m -> b.append("meter(").append(Integer.toUnsignedString(m.id())).append(')');
                case DpAction.TunnelPush t -> b.append(OdpTunnelHeader.format(t, names));
                case DpAction.TunnelPop t -> b.append("tnl_pop(").append(port(t.tnlPort(), names)).append(')');
            }
        }
    }

    /** Prints the run of SetFields starting at {@code i} as one set(...); returns the run's last index. */
    private static int set(StringBuilder b, List<DpAction> actions, int i, OdpActions.Context c) {
        SetField first = (SetField) actions.get(i);
        String header = OdpSetAction.header(first.field(), c, null);
        List<SetField> run = new ArrayList<>();
        run.add(first);
        List<FlowField> fields = new ArrayList<>(List.of(first.field()));
        int j = i + 1;
        while (header != null && j < actions.size() && actions.get(j) instanceof SetField s
                && header.equals(OdpSetAction.header(s.field(), c, header)) && !fields.contains(s.field())) {
            run.add(s);
            fields.add(s.field());
            j++;
        }
        b.append("set(").append(OdpSetAction.format(header, run)).append(')');
        return j - 1;
    }

    /** A datapath port as OVS prints it: its name when known, else its number. */
    static String port(int port, PortNames names) {
        String name = names == null ? null : names.nameOf(port);
        return name != null ? name : Integer.toUnsignedString(port);
    }
}
