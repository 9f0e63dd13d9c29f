package org.jvswitch.unixctl;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.jvswitch.coverage.CoverageCounter;
import org.jvswitch.coverage.CoverageRegistry;

/**
 * {@code coverage/show} (OVS's report of every counter's rates and total) and
 * {@code coverage/read-counter COUNTER} (one counter's total).
 */
final class CoverageCommands {

    private CoverageCommands() {
    }

    static void register(UnixctlCommands commands, CoverageRegistry registry) {
        commands.register("coverage/show", "", 0, 0, (conn, args) -> {
            CoverageRegistry.Report r = registry.report();
            conn.reply(json(r), () -> CoverageRegistry.format(r));
        });
        commands.register("coverage/read-counter", "COUNTER", 1, 1, (conn, args) -> {
            CoverageCounter c = registry.counters().get(args[0]);
            if (c == null) {
                conn.error("No such counter");
            } else {
                long total = c.total();
                conn.reply(UnixctlJson.object().put("name", c.name()).put("total", total), () -> Long.toString(total));
            }
        });
    }

    /** {"hash", "counters": [{"name", "rate_5s", "rate_1m", "rate_1h", "total"}...], "never_hit"}. */
    private static ObjectNode json(CoverageRegistry.Report r) {
        ObjectNode o = UnixctlJson.object();
        o.put("hash", String.format("%08x", r.hash()));
        ArrayNode counters = o.putArray("counters");
        for (CoverageRegistry.Line l : r.lines()) {
            counters.addObject().put("name", l.name()).put("rate_5s", l.rate5s()).put("rate_1m", l.rateMinute())
                    .put("rate_1h", l.rateHour()).put("total", l.total());
        }
        o.put("never_hit", r.neverHit());
        return o;
    }
}
