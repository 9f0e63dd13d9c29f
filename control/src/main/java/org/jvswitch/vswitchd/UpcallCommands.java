package org.jvswitch.vswitchd;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import org.jvswitch.dataplane.flow.PmdFlowTable;
import org.jvswitch.dpif.DpifNetdev;
import org.jvswitch.dpif.Revalidations;
import org.jvswitch.pmd.PmdHistogram;
import org.jvswitch.pmd.PmdThread;
import org.jvswitch.unixctl.UnixctlConnection;
import org.jvswitch.unixctl.UnixctlJson;
import org.jvswitch.unixctl.UnixctlServer;

/**
 * Open vSwitch's {@code upcall/show} (the upcall handlers' and revalidators' view of the datapath's
 * flows) and the {@code handlers:}, {@code revalidators:} and {@code udpif keys:} figures of
 * {@code memory/show}, which OVS's tools parse.
 *
 * <pre>
 *   netdev@ovs-netdev:
 *     flows         : (current 4) (avg 3) (max 5) (limit 65536)
 *     dump duration : 1ms
 *     ufid enabled : true
 *
 *     1: (keys 4)
 * </pre>
 *
 * "current" counts the flows in every PMD now; "avg", "max" and "dump duration" come from the
 * revalidators' passes ({@link Revalidations}); the limit is each PMD's flow table's. The JSON
 * form ({@code --format json}) adds the handlers and each PMD's upcall latency histogram.
 */
final class UpcallCommands {
    private final Vswitchd vswitchd;

    private UpcallCommands(Vswitchd vswitchd) {
        this.vswitchd = vswitchd;
    }

    static void register(UnixctlServer server, Vswitchd vswitchd) {
        UpcallCommands c = new UpcallCommands(vswitchd);
        server.register("upcall/show", "", 0, 0, c::show);
        server.addMemoryReporter(usage -> {
            DpifNetdev dp = vswitchd.datapath();
            if (dp != null) {
                usage.put("handlers", (long) dp.handlerThreads());
                usage.put("revalidators", (long) dp.revalidations().threads());
                usage.put("udpif keys", (long) flows(dp));
            }
        });
    }

    private static int flows(DpifNetdev dp) {
        int n = 0;
        for (PmdThread p : dp.pmds()) {
            n += p.flowCount();
        }
        return n;
    }

    private void show(UnixctlConnection conn, String[] args) {
        DpifNetdev dp = vswitchd.datapath();
        ObjectNode json = UnixctlJson.object();
        ArrayNode list = json.putArray("datapaths");
        if (dp == null) {
            conn.reply(json, () -> "");
            return;
        }
        Revalidations r = dp.revalidations();
        int current = flows(dp);
        long durationMs = r.lastNanos() / 1_000_000;
        ObjectNode d = list.addObject();
        d.put("name", "netdev@" + dp.name());
        d.putObject("flows").put("current", current).put("avg", r.avgFlows()).put("max", r.maxFlows())
                .put("limit", PmdFlowTable.DEFAULT_LIMIT);
        d.put("dump_duration_ms", durationMs).put("ufid_enabled", true).put("handlers", dp.handlerThreads())
                .put("revalidator_passes", r.passes());
        ArrayNode revalidators = d.putArray("revalidators");
        StringBuilder out = new StringBuilder();
        out.append("netdev@").append(dp.name()).append(":\n");
        out.append(String.format("  flows         : (current %d) (avg %d) (max %d) (limit %d)%n", current,
                r.avgFlows(), r.maxFlows(), PmdFlowTable.DEFAULT_LIMIT));
        out.append("  dump duration : ").append(durationMs).append("ms\n");
        out.append("  ufid enabled : true\n\n");
        for (int i = 1; i <= r.threads(); i++) {
            int keys = i == 1 ? current : 0;
            revalidators.addObject().put("id", i).put("keys", keys);
            out.append("  ").append(i).append(": (keys ").append(keys).append(")\n");
        }
        ObjectNode latency = d.putObject("upcall_latency");
        List<PmdThread> contexts = new ArrayList<>(dp.pmds());
        contexts.add(dp.mainContext());
        for (PmdThread p : contexts) {
            PmdHistogram h = dp.upcallLatency(p.index());
            long[] walls = h.walls();
            long[] counts = h.snapshot();
            ObjectNode one = latency.putObject(p.core() < 0 ? "main" : Integer.toString(p.core()));
            ArrayNode le = one.putArray("le_ns");
            ArrayNode n = one.putArray("counts");
            long total = 0;
            for (int b = 0; b < walls.length; b++) {
                if (walls[b] == Long.MAX_VALUE) {
                    le.add("+Inf");
                } else {
                    le.add(walls[b]);
                }
                n.add(counts[b]);
                total += counts[b];
            }
            one.put("count", total).put("sum_ns", counts[walls.length]);
        }
        conn.reply(json, out::toString);
    }
}
