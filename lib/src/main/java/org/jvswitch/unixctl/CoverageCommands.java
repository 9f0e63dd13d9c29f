package org.jvswitch.unixctl;

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
        commands.register("coverage/show", "", 0, 0, (conn, args) -> conn.reply(registry.show()));
        commands.register("coverage/read-counter", "COUNTER", 1, 1, (conn, args) -> {
            CoverageCounter c = registry.counters().get(args[0]);
            if (c == null) {
                conn.error("No such counter");
            } else {
                conn.reply(Long.toString(c.total()));
            }
        });
    }
}
