package org.jvswitch.ovsdb.it;

import org.jvswitch.ovsdb.testing.JvsInstance;
import org.jvswitch.ovsdb.testing.OutputNormalizer;
import org.jvswitch.ovsdb.testing.OvsReference;
import org.jvswitch.ovsdb.testing.Schemas;
import org.jvswitch.testing.Cmd;
import org.jvswitch.testing.Peers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.UnaryOperator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The real {@code ovsdb-client} against OVS's ovsdb-server and jvswitch's: list-dbs,
 * get-schema, get-schema-version, get-schema-cksum, list-tables, list-columns, dump, transact,
 * wait, monitor and monitor-cond (the last two watching changes made by ovs-vsctl while they
 * run) print the same output.
 */
class OvsdbClientDiffTest {

    private record Step(String[] args, UnaryOperator<String> norm) {
    }

    private static final List<Step> STEPS = List.of(
            new Step(new String[] {"list-dbs"}, OutputNormalizer::mask),
            new Step(new String[] {"get-schema"}, OutputNormalizer::json),
            new Step(new String[] {"get-schema", "_Server"}, OutputNormalizer::json),
            new Step(new String[] {"get-schema", "Nope"}, OutputNormalizer::mask),
            new Step(new String[] {"get-schema-version"}, OutputNormalizer::mask),
            new Step(new String[] {"get-schema-cksum"}, OutputNormalizer::mask),
            new Step(new String[] {"list-tables"}, OutputNormalizer::lines),
            new Step(new String[] {"list-columns", "Open_vSwitch", "Bridge"}, OutputNormalizer::lines),
            new Step(new String[] {"list-columns", "_Server"}, OutputNormalizer::lines),
            new Step(new String[] {"dump"}, OvsdbClientDiffTest::dump),
            new Step(new String[] {"dump", "Open_vSwitch", "Bridge", "name", "fail_mode", "ports"}, OvsdbClientDiffTest::dump),
            new Step(new String[] {"--format=json", "dump", "Open_vSwitch", "Port"}, OutputNormalizer::json),
            new Step(new String[] {"--format=csv", "dump", "_Server"}, OvsdbClientDiffTest::dump),
            new Step(new String[] {"transact", "[\"Open_vSwitch\", {\"op\": \"select\", \"table\": \"Bridge\", \"where\": [],"
                    + " \"columns\": [\"name\", \"fail_mode\"]}]"}, OutputNormalizer::json),
            new Step(new String[] {"transact", "[\"Open_vSwitch\", {\"op\": \"insert\", \"table\": \"Bridge\", \"row\":"
                    + " {\"name\": \"br0\", \"fail_mode\": \"wrong\"}}]"}, OutputNormalizer::json),
            new Step(new String[] {"transact", "[\"Open_vSwitch\", {\"op\": \"bogus\"}]"}, OutputNormalizer::json),
            new Step(new String[] {"transact", "not json"}, OutputNormalizer::mask),
            new Step(new String[] {"wait", "Open_vSwitch", "connected"}, OutputNormalizer::mask));

    @Test
    @Timeout(120)
    void sameOutputAsOvsdbServer() throws Exception {
        Path schema = Schemas.vswitch();
        List<String> expected;
        try (OvsReference ref = OvsReference.start(schema)) {
            expected = run(ref.remote(), ref.dir().path());
        }
        List<String> actual;
        try (JvsInstance jvs = JvsInstance.start(schema)) {
            actual = run(jvs.remote(), jvs.dir().path());
        }
        List<String> diffs = new ArrayList<>();
        for (int i = 0; i < expected.size(); i++) {
            if (!expected.get(i).equals(actual.get(i))) {
                diffs.add("--- ovsdb-server:\n" + expected.get(i) + "\n--- jvswitch:\n" + actual.get(i));
            }
        }
        assertEquals("", String.join("\n\n", diffs), diffs.size() + " of " + expected.size() + " outputs differ");
    }

    private static List<String> run(String remote, Path dir) throws Exception {
        Path client = Peers.require("ovsdb-client");
        vsctl(remote, "init", "--", "add-br", "br0", "--", "add-port", "br0", "p1", "--", "set", "port", "p1", "tag=7");
        vsctl(remote, "add-br", "br1", "--", "set", "bridge", "br1", "fail_mode=secure");
        List<String> out = new ArrayList<>();
        for (Step s : STEPS) {
            List<String> argv = new ArrayList<>(List.of(client.toString(), "--timeout=20"));
            // Options go before the command, the server right after it.
            int cmd = 0;
            while (s.args()[cmd].startsWith("--")) {
                argv.add(s.args()[cmd++]);
            }
            argv.add(s.args()[cmd]);
            argv.add(remote);
            argv.addAll(Arrays.asList(s.args()).subList(cmd + 1, s.args().length));
            Cmd.Result r = Cmd.run(Duration.ofSeconds(30), null, argv.toArray(String[]::new));
            out.add("ovsdb-client " + String.join(" ", s.args()) + "\nexit " + r.exitCode() + "\n"
                    + s.norm().apply(r.stdout()) + "\n-- stderr\n"
                    + OutputNormalizer.mask(r.stderr()).replace(remote, "<remote>"));
        }
        out.add(monitor(client, remote, dir, "monitor", List.of("Open_vSwitch", "Bridge", "name,fail_mode")));
        out.add(monitor(client, remote, dir, "monitor-cond",
                List.of("Open_vSwitch", "[[\"name\",\"==\",\"br9\"]]", "Bridge", "name,fail_mode")));
        return out;
    }

    /** Runs a monitor while ovs-vsctl makes changes; returns what it printed. */
    private static String monitor(Path client, String remote, Path dir, String cmd, List<String> args) throws Exception {
        File outFile = dir.resolve(cmd + ".out").toFile();
        List<String> argv = new ArrayList<>(List.of("stdbuf", "-oL", client.toString(), "--format=csv", cmd, remote));
        argv.addAll(args);
        Process p = new ProcessBuilder(argv).redirectOutput(outFile).redirectErrorStream(false)
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        try {
            if (cmd.equals("monitor")) {
                waitForLines(outFile, 1);
                Thread.sleep(200);
            } else {
                Thread.sleep(1000);  // nothing matches yet, so nothing is printed to wait for
            }
            vsctl(remote, "set", "bridge", "br1", "fail_mode=standalone");
            vsctl(remote, "add-br", "br9");
            vsctl(remote, "set", "bridge", "br9", "fail_mode=secure");
            vsctl(remote, "del-br", "br9");
            waitForText(outFile, "delete");
            Thread.sleep(200);
        } finally {
            p.destroy();
            p.waitFor();
        }
        String text = Files.readString(outFile.toPath());
        // Each update is a block; rows within the initial block come in UUID-hash order.
        List<String> blocks = new ArrayList<>();
        for (String b : OutputNormalizer.mask(text).split("\n\n")) {
            List<String> lines = new ArrayList<>(Arrays.asList(b.split("\n")));
            if (lines.size() > 1 && lines.get(1).contains(",initial,")) {
                List<String> rows = new ArrayList<>(lines.subList(1, lines.size()));
                rows.sort(null);
                lines = new ArrayList<>(List.of(lines.get(0)));
                lines.addAll(rows);
            }
            blocks.add(String.join("\n", lines));
        }
        return cmd + "\n" + String.join("\n\n", blocks);
    }

    private static void waitForText(File f, String text) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline) {
            if (f.exists() && Files.readString(f.toPath()).contains(text)) {
                return;
            }
            Thread.sleep(20);
        }
    }

    private static void waitForLines(File f, int n) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline) {
            if (f.exists() && Files.readAllLines(f.toPath()).size() >= n) {
                return;
            }
            Thread.sleep(20);
        }
    }

    private static void vsctl(String remote, String... args) {
        List<String> argv = new ArrayList<>(List.of(Peers.require("ovs-vsctl").toString(), "--db=" + remote,
                "--no-wait", "--timeout=20"));
        argv.addAll(List.of(args));
        Cmd.Result r = Cmd.run(Duration.ofSeconds(30), null, argv.toArray(String[]::new));
        assertTrue(r.ok(), r::toString);
    }

    /** ovsdb-client dump: tables in a fixed order, and rows within each table. */
    private static String dump(String s) {
        List<String> tables = new ArrayList<>();
        for (String block : OutputNormalizer.mask(s).split("\n\n")) {
            String[] lines = block.split("\n");
            int head = Math.min(lines.length, lines.length > 1 && lines[1].startsWith("-") ? 3 : 2);
            List<String> rows = new ArrayList<>(Arrays.asList(lines).subList(head, lines.length));
            rows.sort(null);
            tables.add(String.join("\n", Arrays.asList(lines).subList(0, head)) + "\n" + String.join("\n", rows));
        }
        tables.sort(null);
        return String.join("\n\n", tables);
    }
}
