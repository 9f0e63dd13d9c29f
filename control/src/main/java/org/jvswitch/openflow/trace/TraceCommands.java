package org.jvswitch.openflow.trace;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jvswitch.dataplane.flow.FlowKey;
import org.jvswitch.dataplane.odp.OdpActions;
import org.jvswitch.dataplane.odp.OdpKey;
import org.jvswitch.ofproto.OfKey;
import org.jvswitch.ofproto.OfPort;
import org.jvswitch.ofproto.OfRule;
import org.jvswitch.ofproto.Ofproto;
import org.jvswitch.ofproto.Xlate;
import org.jvswitch.openflow.conn.ConnManager;
import org.jvswitch.unixctl.UnixctlServer;

/**
 * {@code ofproto/trace [BRIDGE] FLOW}: how a flow goes through a bridge's tables, which datapath
 * actions come out, and the megaflow that would be installed. FLOW is OpenFlow syntax
 * ({@code in_port=1,tcp,nw_dst=10.0.0.2}, BRIDGE needed when there are several bridges) or
 * datapath syntax ({@code in_port(1),eth_type(0x0800),...}, the bridge found by its port).
 * The translation has no side effects: nothing is learned, nothing is sent. Also
 * {@code ofproto/list}: the bridges.
 */
public final class TraceCommands {
    private final Xlate xlate;
    private final Map<String, ConnManager> bridges;

    public TraceCommands(Xlate xlate, Map<String, ConnManager> bridges) {
        this.xlate = xlate;
        this.bridges = bridges;
    }

    public void register(UnixctlServer u) {
        u.register("ofproto/trace", "{[dp_name] odp_flow | bridge br_flow}", 1, 2, (conn, args) -> {
            try {
                conn.reply(trace(args));
            } catch (IllegalArgumentException e) {
                conn.error(e.getMessage() + "\n");
            }
        });
        u.register("bridge/dump-flows", "[--offload-stats] bridge", 1, 2, (conn, args) -> {
            ConnManager m = bridges.get(args[args.length - 1]);
            if (m == null) {
                conn.error("Unknown bridge " + args[args.length - 1] + "\n");
                return;
            }
            conn.reply(dumpFlows(m.bridge(), System.currentTimeMillis()));
        });
        u.register("ofproto/list", "", 0, 0, (conn, args) -> {
            StringBuilder b = new StringBuilder();
            bridges.keySet().stream().sorted().forEach(n -> b.append(n).append('\n'));
            conn.reply(b.toString());
        });
    }

    public void unregister(UnixctlServer u) {
        u.unregister("ofproto/trace");
        u.unregister("bridge/dump-flows");
        u.unregister("ofproto/list");
    }

    /**
     * Every flow of a bridge, hidden ones included (the fail-open flow), as OVS's
     * bridge/dump-flows writes them: {@code [table_id=N, ]duration=Ns, n_packets=N, n_bytes=N,
     * MATCH,actions=ACTIONS}.
     */
    public static String dumpFlows(Ofproto br, long nowMillis) {
        StringBuilder b = new StringBuilder();
        for (OfRule r : br.rules(org.jvswitch.ofproto.FlowMod.ALL_TABLES, true)) {
            if (r.table() != 0) {
                b.append("table_id=").append(r.table()).append(", ");
            }
            b.append("duration=").append(Math.max(0, nowMillis - r.createdMillis()) / 1000).append("s, ");
            b.append("n_packets=").append(r.packets()).append(", n_bytes=").append(r.bytes()).append(", ");
            b.append(RuleFormat.ovsMatch(r.key(), r.mask(), r.priority())).append(",actions=")
                    .append(RuleFormat.actions(r.actions())).append('\n');
        }
        return b.toString();
    }

    /** The trace text for unixctl arguments. */
    public String trace(String[] args) {
        Ofproto br = null;
        String flowText;
        if (args.length == 2) {
            ConnManager m = bridges.get(args[0]);
            if (m == null) {
                throw new IllegalArgumentException(args[0] + ": unknown bridge");
            }
            br = m.bridge();
            flowText = args[1];
        } else {
            flowText = args[0];
        }
        long[] dpKey;
        if (flowText.contains("(")) {
            dpKey = OdpKey.parse(flowText).key().clone();
            int odp = FlowKey.inPort(dpKey, 0);
            for (ConnManager m : bridges.values()) {
                if (m.bridge().portByOdp(odp) != null) {
                    br = m.bridge();
                }
            }
            if (br == null) {
                throw new IllegalArgumentException("no bridge has datapath port " + odp);
            }
        } else {
            if (br == null) {
                if (bridges.size() != 1) {
                    throw new IllegalArgumentException("must specify bridge name");
                }
                br = bridges.values().iterator().next().bridge();
            }
            FlowSyntax.Flow f = FlowSyntax.parse(flowText, br);
            int ofport = FlowKey.inPort(f.key(), 0);
            OfPort in = br.port(ofport);
            if (in == null || in.odpPort() < 0) {
                throw new IllegalArgumentException("in_port " + OfKey.portName(ofport) + ": no such port on "
                        + br.name());
            }
            dpKey = new long[FlowKey.WORDS];
            System.arraycopy(f.key(), 0, dpKey, 0, FlowKey.WORDS);
            dpKey[FlowKey.W_IN_PORT] = FlowKey.inPortWord(in.odpPort(), 0);
        }
        return run(br, dpKey);
    }

    private String run(Ofproto br, long[] dpKey) {
        List<String> lines = new ArrayList<>();
        String[] lastBridge = {""};
        Xlate.Tracer tracer = (depth, bridge, table, rule) -> {
            if (!bridge.name().equals(lastBridge[0])) {
                lastBridge[0] = bridge.name();
                String head = "bridge(\"" + bridge.name() + "\")";
                lines.add("");
                lines.add(indent(depth) + head);
                lines.add(indent(depth) + "-".repeat(head.length()));
            }
            if (rule == null) {
                lines.add(indent(depth) + String.format("%2d. No match.", table));
                lines.add(indent(depth) + "    drop");
            } else {
                String match = describe(rule);
                lines.add(indent(depth) + String.format("%2d. %spriority %d%s", table,
                        match.isEmpty() ? "" : match + ", ", rule.priority(),
                        rule.cookie() != 0 ? ", cookie 0x" + Long.toHexString(rule.cookie()) : ""));
                lines.add(indent(depth) + "    " + RuleFormat.actions(rule.actions()));
            }
        };
        long[] all = new long[OfKey.WORDS];
        java.util.Arrays.fill(all, 0, FlowKey.WORDS, -1L);
        // Native tunneling's steps (TunnelXlate's notes) under the action that took them, as OVS prints them.
        Xlate.Result r = xlate.trace(dpKey, Xlate.Tracer.withNotes(tracer,
                (text, depth) -> lines.add(indent(depth) + "-> " + text)), System.currentTimeMillis());
        StringBuilder b = new StringBuilder();
        b.append("Flow: ").append(OdpKey.format(dpKey, all)).append('\n');
        for (String l : lines) {
            b.append(l).append('\n');
        }
        b.append('\n');
        if (r == null) {
            b.append("no bridge has the flow's in_port\n");
            return b.toString();
        }
        long[] masked = new long[FlowKey.WORDS];
        for (int i = 0; i < FlowKey.WORDS; i++) {
            masked[i] = dpKey[i] & r.mask()[i];
        }
        b.append("Megaflow: ").append(OdpKey.format(masked, r.mask())).append('\n');
        b.append("Datapath actions: ").append(r.actions().isEmpty() ? "drop"
                : OdpActions.format(r.actions(), OdpActions.Context.of(dpKey), null)).append('\n');
        return b.toString();
    }

    private static String describe(OfRule r) {
        return RuleFormat.ovsMatch(r.key(), r.mask(), 0x8000);
    }

    private static String indent(int depth) {
        return "    ".repeat(Math.max(0, depth));
    }
}
