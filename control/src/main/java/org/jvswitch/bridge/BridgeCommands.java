package org.jvswitch.bridge;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletionException;
import java.util.concurrent.RejectedExecutionException;
import org.jvswitch.dataplane.flow.DpNetdevFlow;
import org.jvswitch.dataplane.odp.DpifFlowFormat;
import org.jvswitch.dataplane.odp.PortNames;
import org.jvswitch.dpif.DpifFlows;
import org.jvswitch.dpif.DpifNetdev;
import org.jvswitch.ofproto.MacLearning;
import org.jvswitch.ofproto.OfKey;
import org.jvswitch.ofproto.OfPort;
import org.jvswitch.pmd.PmdStats;
import org.jvswitch.pmd.PmdThread;
import org.jvswitch.stp.Rstp;
import org.jvswitch.stp.Stp;
import org.jvswitch.unixctl.UnixctlConnection;
import org.jvswitch.unixctl.UnixctlServer;
import org.jvswitch.vswitchd.DpctlFlowCommands;

/**
 * The bridge's unixctl commands, as ovs-vswitchd has them:
 *
 * <pre>
 *   fdb/show BRIDGE            fdb/flush [BRIDGE]
 *   fdb/add BRIDGE PORT VLAN MAC   fdb/del BRIDGE VLAN MAC
 *   dpif/show                  dpif/dump-flows [-m] BRIDGE
 *   stp/show [BRIDGE]          stp/tcn [BRIDGE]
 *   rstp/show [BRIDGE]         rstp/tcn [BRIDGE]
 * </pre>
 *
 * Each runs on the bridge thread (the state it reads is that thread's) and answers from there.
 */
final class BridgeCommands {
    private final BridgeService service;

    private BridgeCommands(BridgeService service) {
        this.service = service;
    }

    static void register(UnixctlServer s, BridgeService service) {
        BridgeCommands c = new BridgeCommands(service);
        s.register("fdb/show", "bridge", 1, 1, (conn, a) -> c.run(conn, () -> c.fdbShow(a[0])));
        s.register("fdb/flush", "[bridge]", 0, 1, (conn, a) -> c.run(conn, () -> c.fdbFlush(a.length > 0 ? a[0] : null)));
        s.register("fdb/add", "bridge port vlan mac", 4, 4, (conn, a) -> c.run(conn, () -> c.fdbAdd(a)));
        s.register("fdb/del", "bridge vlan mac", 3, 3, (conn, a) -> c.run(conn, () -> c.fdbDel(a)));
        s.register("dpif/show", "", 0, 0, (conn, a) -> c.run(conn, c::dpifShow));
        s.register("dpif/dump-flows", "[-m] [--names | --no-names] bridge", 1, 3,
                (conn, a) -> c.run(conn, () -> c.dpifDumpFlows(a)));
        s.register("stp/show", "[bridge]", 0, 1, (conn, a) -> c.run(conn, () -> c.show(false, a)));
        s.register("stp/tcn", "[bridge]", 0, 1, (conn, a) -> c.run(conn, () -> c.tcn(false, a)));
        s.register("rstp/show", "[bridge]", 0, 1, (conn, a) -> c.run(conn, () -> c.show(true, a)));
        s.register("rstp/tcn", "[bridge]", 0, 1, (conn, a) -> c.run(conn, () -> c.tcn(true, a)));
    }

    /** A command's outcome: its text, or the error to answer with. */
    private record Answer(String text, String error) {
        static Answer ok(String text) {
            return new Answer(text, null);
        }

        static Answer err(String error) {
            return new Answer(null, error);
        }
    }

    /** Runs {@code body} on the bridge thread and answers from there (the control thread never waits). */
    private void run(UnixctlConnection conn, Callable<Answer> body) {
        service.call(body).whenComplete((a, err) -> {
            if (err != null) {
                Throwable cause = err instanceof CompletionException && err.getCause() != null
                        ? err.getCause() : err;
                conn.error(cause instanceof RejectedExecutionException
                        ? "the switch is shutting down" : String.valueOf(cause.getMessage()));
            } else if (a.error() != null) {
                conn.error(a.error());
            } else {
                conn.reply(a.text());
            }
        });
    }

    // ---- fdb ----

    private Answer fdbShow(String name) {
        BridgeRuntime br = service.bridge(name);
        if (br == null) {
            return Answer.err("no such bridge");
        }
        StringBuilder out = new StringBuilder(" port  VLAN  MAC                Age\n");
        long now = System.currentTimeMillis();
        for (MacLearning.Entry e : br.ofproto.macs().entries()) {
            out.append(String.format("%5s  %4d  %s  ", OfKey.portName(e.port()), e.vlan(), Macs.format(e.mac())));
            out.append(e.isStatic() ? "static\n" : String.format("%3d%n", Math.max(0, (now - e.usedMillis()) / 1000)));
        }
        return Answer.ok(out.toString());
    }

    private Answer fdbFlush(String name) {
        if (name != null) {
            BridgeRuntime br = service.bridge(name);
            if (br == null) {
                return Answer.err("no such bridge");
            }
            br.ofproto.macs().flush();
        } else {
            service.bridges().forEach(b -> b.ofproto.macs().flush());
        }
        service.revalidate();
        return Answer.ok("table successfully flushed");
    }

    private Answer fdbAdd(String[] a) {
        BridgeRuntime br = service.bridge(a[0]);
        if (br == null) {
            return Answer.err("no such bridge");
        }
        OfPort port = br.ofproto.portByName(a[1]);
        if (port == null) {
            return Answer.err("no such port");
        }
        int vlan = vlanOf(a[2]);
        if (vlan < 0) {
            return Answer.err("invalid vlan");
        }
        long mac = Macs.parse(a[3]);
        if (mac < 0) {
            return Answer.err("invalid mac");
        }
        br.ofproto.macs().addStatic(vlan, mac, port.ofport());
        service.revalidate();
        return Answer.ok("OK");
    }

    private Answer fdbDel(String[] a) {
        BridgeRuntime br = service.bridge(a[0]);
        if (br == null) {
            return Answer.err("no such bridge");
        }
        int vlan = vlanOf(a[1]);
        if (vlan < 0) {
            return Answer.err("invalid vlan");
        }
        long mac = Macs.parse(a[2]);
        if (mac < 0) {
            return Answer.err("invalid mac");
        }
        if (!br.ofproto.macs().delete(vlan, mac)) {
            return Answer.err("no such mac entry");
        }
        service.revalidate();
        return Answer.ok("OK");
    }

    private static int vlanOf(String s) {
        try {
            int v = Integer.parseInt(s);
            return v >= 0 && v <= 4095 ? v : -1;
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    // ---- dpif ----

    private Answer dpifShow() {
        DpifNetdev dp = service.datapath();
        StringBuilder out = new StringBuilder();
        if (dp != null) {
            long hit = 0;
            long missed = 0;
            for (PmdThread p : dp.pmds()) {
                PmdStats s = p.stats();
                hit += s.get(PmdStats.SIMPLE_MATCH_HIT) + s.get(PmdStats.EMC_HIT) + s.get(PmdStats.SMC_HIT)
                        + s.get(PmdStats.MEGAFLOW_HIT);
                missed += s.get(PmdStats.MISS);
            }
            out.append("netdev@").append(dp.name()).append(": hit:").append(hit).append(" missed:").append(missed)
                    .append('\n');
        }
        for (BridgeRuntime br : service.bridges()) {
            out.append("  ").append(br.name).append(":\n");
            List<IfaceRuntime> ifaces = new ArrayList<>(br.ifaces.values());
            ifaces.sort((x, y) -> x.name().compareTo(y.name()));
            for (IfaceRuntime i : ifaces) {
                if (i.failed()) {
                    continue;
                }
                String odp = i.dp != null ? Integer.toString(i.dp.portNo()) : "none";
                String type = i.cfg.type().equals("internal") ? "tap" : i.cfg.type().isEmpty() ? "system" : i.cfg.type();
                out.append("    ").append(i.name()).append(' ').append(OfKey.portName(i.ofport)).append('/').append(odp)
                        .append(": (").append(type);
                if (i.isPatch()) {
                    out.append(": peer=").append(i.cfg.options().get("peer"));
                }
                out.append(")\n");
            }
        }
        return Answer.ok(out.toString());
    }

    private Answer dpifDumpFlows(String[] a) {
        boolean verbose = false;
        String name = null;
        for (String s : a) {
            if (s.equals("-m") || s.equals("--more")) {
                verbose = true;
            } else if (!s.startsWith("--")) {
                name = s;
            }
        }
        BridgeRuntime br = name == null ? null : service.bridge(name);
        if (br == null) {
            return Answer.err("no such bridge");
        }
        DpifNetdev dp = service.datapath();
        if (dp == null) {
            return Answer.ok("");
        }
        long now = System.nanoTime() / 1_000_000L;
        StringBuilder out = new StringBuilder();
        for (DpifFlows.PmdFlows pf : dp.flows().dump()) {
            for (DpNetdevFlow f : pf.flows()) {
                if (br.ofproto.portByOdp(f.inPort()) != null) {
                    out.append(DpifFlowFormat.format(DpctlFlowCommands.toDpif(f), now, verbose, PortNames.NUMBERS))
                            .append('\n');
                }
            }
        }
        return Answer.ok(out.toString());
    }

    // ---- spanning tree ----

    private Answer show(boolean rstp, String[] a) {
        StringBuilder out = new StringBuilder();
        for (BridgeRuntime br : service.bridges()) {
            if (a.length > 0 && !br.name.equals(a[0])) {
                continue;
            }
            if (br.stp != null && br.stp.rstp == rstp) {
                out.append(br.stp.engine().show());
            } else if (a.length > 0) {
                return Answer.err(rstp ? Rstp.NO_SUCH_BRIDGE : Stp.NO_SUCH_BRIDGE);
            }
        }
        if (a.length > 0 && out.isEmpty()) {
            return Answer.err(rstp ? Rstp.NO_SUCH_BRIDGE : Stp.NO_SUCH_BRIDGE);
        }
        return Answer.ok(out.toString());
    }

    private Answer tcn(boolean rstp, String[] a) {
        boolean any = false;
        for (BridgeRuntime br : service.bridges()) {
            if ((a.length == 0 || br.name.equals(a[0])) && br.stp != null && br.stp.rstp == rstp) {
                br.stp.engine().tcn();
                any = true;
            }
        }
        if (!any && a.length > 0) {
            return Answer.err(rstp ? Rstp.NO_SUCH_BRIDGE : Stp.NO_SUCH_BRIDGE);
        }
        return Answer.ok("OK");
    }
}
