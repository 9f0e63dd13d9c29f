package org.jvswitch.unixctl;

import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * {@code memory/show}: asks every registered {@link MemoryReporter} for its figures and prints
 * them as OVS does, {@code key:value} pairs sorted by key on one line, e.g.
 * {@code handlers:1 ports:2 revalidators:1 rules:5}.
 */
final class MemoryCommand {

    private final List<MemoryReporter> reporters = new CopyOnWriteArrayList<>();

    void add(MemoryReporter reporter) {
        reporters.add(reporter);
    }

    boolean remove(MemoryReporter reporter) {
        return reporters.remove(reporter);
    }

    void register(UnixctlCommands commands) {
        commands.register("memory/show", "", 0, 0, (conn, args) -> conn.reply(report()));
    }

    String report() {
        Map<String, Long> usage = new TreeMap<>();
        for (MemoryReporter r : reporters) {
            r.report(usage);
        }
        StringJoiner line = new StringJoiner(" ");
        usage.forEach((k, v) -> line.add(k + ":" + v));
        return line.toString();
    }
}
