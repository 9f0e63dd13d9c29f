package org.jvswitch.vswitchd;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jvswitch.dataplane.action.DpAction;
import org.jvswitch.dataplane.flow.DpNetdevFlow;
import org.jvswitch.dataplane.flow.Ufid;
import org.jvswitch.dataplane.odp.DpifFlow;
import org.jvswitch.dataplane.odp.DpifFlowFormat;
import org.jvswitch.dataplane.odp.OdpActions;
import org.jvswitch.dataplane.odp.OdpKey;
import org.jvswitch.dataplane.odp.OdpMatch;
import org.jvswitch.dataplane.odp.OdpParseException;
import org.jvswitch.dataplane.odp.PortNames;
import org.jvswitch.dataplane.odp.Ufids;
import org.jvswitch.dpif.DpPort;
import org.jvswitch.dpif.DpifException;
import org.jvswitch.dpif.DpifFlows;
import org.jvswitch.dpif.DpifNetdev;
import org.jvswitch.unixctl.UnixctlConnection;
import org.jvswitch.unixctl.UnixctlJson;
import org.jvswitch.unixctl.UnixctlServer;

/**
 * Open vSwitch's datapath flow commands, in its datapath flow syntax, so the datapath can be
 * driven and inspected before (and beside) OpenFlow:
 *
 * <pre>
 *   dpctl/add-flow [DP] FLOW ACTIONS
 *   dpctl/mod-flow [--clear] [--may-create] [DP] FLOW ACTIONS
 *   dpctl/del-flow [DP] FLOW | ufid:UFID
 *   dpctl/del-flows [DP]
 *   dpctl/get-flow [DP] ufid:UFID
 *   dpctl/dump-flows [-m] [--names|--no-names] [DP] [FILTER]
 * </pre>
 *
 * As in OVS's userspace datapath, a flow without a PMD named goes into every PMD, and dumps show
 * each PMD's flows under "flow-dump from pmd on cpu core: N". Errors read like OVS's dpctl's.
 */
public final class DpctlFlowCommands {
    private final Vswitchd vswitchd;

    private DpctlFlowCommands(Vswitchd vswitchd) {
        this.vswitchd = vswitchd;
    }

    static void register(UnixctlServer server, Vswitchd vswitchd) {
        DpctlFlowCommands c = new DpctlFlowCommands(vswitchd);
        server.register("dpctl/add-flow", "[dp] flow actions", 2, 3, (conn, a) -> c.put(conn, a, true, false));
        server.register("dpctl/mod-flow", "[dp] flow actions", 2, 6, (conn, a) -> c.put(conn, a, false, true));
        server.register("dpctl/del-flow", "[dp] flow", 1, 2, c::delFlow);
        server.register("dpctl/del-flows", "[dp]", 0, 1, c::delFlows);
        server.register("dpctl/get-flow", "[dp] ufid", 1, 4, c::getFlow);
        server.register("dpctl/dump-flows", "[-m] [--names|--no-names] [dp] [filter] [type]", 0, 6, c::dumpFlows);
    }

    private DpifNetdev dp(UnixctlConnection conn) {
        DpifNetdev dp = vswitchd.datapath();
        if (dp == null) {
            conn.error("no datapath: " + vswitchd.datapathFailure());
        }
        return dp;
    }

    /** The arguments without a leading datapath name (netdev@ovs-netdev or ovs-netdev). */
    private static List<String> withoutDp(List<String> args, DpifNetdev dp) {
        List<String> out = new ArrayList<>(args);
        if (!out.isEmpty() && (out.getFirst().equals(dp.name()) || out.getFirst().equals("netdev@" + dp.name()))) {
            out.removeFirst();
        }
        return out;
    }

    private static PortNames names(DpifNetdev dp) {
        Map<Integer, String> m = new HashMap<>();
        for (DpPort p : dp.ports()) {
            m.put(p.portNo(), p.name());
        }
        return PortNames.of(m);
    }

    private void put(UnixctlConnection conn, String[] argv, boolean create, boolean modify) {
        DpifNetdev dp = dp(conn);
        if (dp == null) {
            return;
        }
        List<String> args = new ArrayList<>();
        boolean clear = false;
        boolean mayCreate = create;
        for (String a : argv) {
            switch (a) {
                case "--clear" -> clear = true;
                case "--may-create" -> mayCreate = true;
                case "-s", "--statistics" -> { }
                default -> args.add(a);
            }
        }
        args = withoutDp(args, dp);
        if (args.size() != 2) {
            conn.error("\"" + (create ? "add-flow" : "mod-flow") + "\" needs a flow and actions");
            return;
        }
        PortNames names = names(dp);
        OdpMatch match;
        List<DpAction> actions;
        try {
            match = OdpKey.parseDatapathFlow(args.get(0), names);
        } catch (OdpParseException e) {
            conn.error("parsing flow key (" + e.getMessage() + ")");
            return;
        }
        try {
            actions = OdpActions.parse(args.get(1), names);
        } catch (OdpParseException e) {
            conn.error("parsing actions (" + e.getMessage() + ")");
            return;
        }
        try {
            dp.flows().put(match.ufid(), match.key(), match.mask(), actions, mayCreate, modify, clear);
            conn.reply("");
        } catch (DpifException e) {
            conn.error("updating flow table (" + e.getMessage() + ")");
        }
    }

    private void delFlow(UnixctlConnection conn, String[] argv) {
        DpifNetdev dp = dp(conn);
        if (dp == null) {
            return;
        }
        List<String> args = withoutDp(List.of(argv), dp);
        if (args.size() != 1) {
            conn.error("\"del-flow\" needs a flow or a ufid");
            return;
        }
        Ufid ufid;
        try {
            ufid = ufidOrKey(args.getFirst(), names(dp));
        } catch (OdpParseException e) {
            conn.error("parsing flow key (" + e.getMessage() + ")");
            return;
        }
        try {
            dp.flows().delete(ufid);
            conn.reply("");
        } catch (DpifException e) {
            conn.error("deleting flow (" + e.getMessage() + ")");
        }
    }

    /** A "ufid:..." argument, or the UFID of a flow key given in full. */
    private static Ufid ufidOrKey(String arg, PortNames names) {
        if (arg.startsWith("ufid:")) {
            return Ufids.parse(arg);
        }
        OdpMatch m = OdpKey.parseDatapathFlow(arg, names);
        return m.ufid() != null ? m.ufid() : DpifFlows.ufidOf(m.key(), m.mask());
    }

    private void delFlows(UnixctlConnection conn, String[] argv) {
        DpifNetdev dp = dp(conn);
        if (dp != null) {
            dp.flows().flush();
            conn.reply("");
        }
    }

    private void getFlow(UnixctlConnection conn, String[] argv) {
        DpifNetdev dp = dp(conn);
        if (dp == null) {
            return;
        }
        List<String> args = withoutDp(List.of(argv), dp).stream().filter(a -> !a.startsWith("-")).toList();
        if (args.size() != 1) {
            conn.error("\"get-flow\" needs a ufid");
            return;
        }
        Ufid ufid;
        try {
            ufid = Ufids.parse(args.getFirst());
        } catch (OdpParseException e) {
            conn.error("parsing ufid (" + e.getMessage() + ")");
            return;
        }
        List<DpifFlows.PmdFlows> found = dp.flows().get(ufid);
        if (found.isEmpty()) {
            conn.error("getting flow (" + DpifException.ENOENT + ")");
            return;
        }
        StringBuilder out = new StringBuilder();
        long now = System.nanoTime() / 1_000_000L;
        PortNames names = names(dp);
        for (DpifFlows.PmdFlows pf : found) {
            for (DpNetdevFlow f : pf.flows()) {
                out.append(DpifFlowFormat.format(toDpif(f), now, true, names)).append('\n');
            }
        }
        conn.reply(out.toString());
    }

    private void dumpFlows(UnixctlConnection conn, String[] argv) {
        DpifNetdev dp = dp(conn);
        if (dp == null) {
            return;
        }
        boolean verbose = false;
        Boolean useNames = null;
        List<String> rest = new ArrayList<>();
        for (String a : argv) {
            switch (a) {
                case "-m", "--more" -> verbose = true;
                case "--names" -> useNames = true;
                case "--no-names" -> useNames = false;
                default -> {
                    if (!a.startsWith("type=")) {
                        rest.add(a);
                    }
                }
            }
        }
        rest = withoutDp(rest, dp);
        String filter = rest.isEmpty() ? null : rest.getFirst();
        PortNames names = Boolean.TRUE.equals(useNames) || useNames == null && verbose ? names(dp) : PortNames.NUMBERS;
        long now = System.nanoTime() / 1_000_000L;
        StringBuilder out = new StringBuilder();
        ObjectNode json = UnixctlJson.object();
        ArrayNode flowsJson = json.putArray("flows");
        for (DpifFlows.PmdFlows pf : dp.flows().dump()) {
            if (pf.flows().isEmpty()) {
                continue;
            }
            StringBuilder lines = new StringBuilder();
            for (DpNetdevFlow f : pf.flows()) {
                String line = DpifFlowFormat.format(toDpif(f), now, verbose, names);
                if (filter == null || line.contains(filter)) {
                    lines.append(line).append('\n');
                    flowsJson.addObject().put("pmd", pf.pmd().core() < 0 ? "main" : Integer.toString(pf.pmd().core()))
                            .put("ufid", Ufids.format(f.ufid())).put("packets", f.packets()).put("bytes", f.bytes())
                            .put("used_ms_ago", f.usedMillis() < 0 ? -1 : Math.max(0, now - f.usedMillis()))
                            .put("flow", DpifFlowFormat.format(toDpif(f), now, true, names));
                }
            }
            if (!lines.isEmpty()) {
                out.append(pf.pmd().core() < 0 ? DpifFlowFormat.mainThreadHeader()
                        : DpifFlowFormat.pmdHeader(pf.pmd().core())).append('\n').append(lines);
            }
        }
        conn.reply(json, out::toString);
    }

    public static DpifFlow toDpif(DpNetdevFlow f) {
        return new DpifFlow(f.ufid(), f.key(), f.mask(), f.packets(), f.bytes(), f.usedMillis(), f.tcpFlags(),
                f.actions(), null);
    }
}
