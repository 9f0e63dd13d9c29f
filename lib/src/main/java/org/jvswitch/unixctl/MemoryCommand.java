package org.jvswitch.unixctl;

import com.fasterxml.jackson.databind.node.ObjectNode;
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
        commands.register("memory/show", "", 0, 0, (conn, args) -> {
            Map<String, Long> usage = usage();
            ObjectNode json = UnixctlJson.object();
            usage.forEach(json::put);
            conn.reply(json, () -> format(usage));
        });
    }

    String report() {
        return format(usage());
    }

    private Map<String, Long> usage() {
        Map<String, Long> usage = new TreeMap<>();
        for (MemoryReporter r : reporters) {
            r.report(usage);
        }
        return usage;
    }

    private static String format(Map<String, Long> usage) {
        StringJoiner line = new StringJoiner(" ");
        usage.forEach((k, v) -> line.add(k + ":" + v));
        return line.toString();
    }
}
