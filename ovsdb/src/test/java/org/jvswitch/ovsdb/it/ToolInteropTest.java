package org.jvswitch.ovsdb.it;

import org.jvswitch.ovsdb.testing.JvsInstance;
import org.jvswitch.ovsdb.testing.OutputNormalizer;
import org.jvswitch.ovsdb.testing.OvsReference;
import org.jvswitch.ovsdb.testing.Schemas;
import org.jvswitch.ovsdb.server.OvsdbServer;
import org.jvswitch.testing.Cmd;
import org.jvswitch.testing.Peers;
import org.jvswitch.testing.TempRunDir;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The database file is OVS's: {@code ovsdb-tool} reads what jvswitch writes (before and after
 * compaction), jvswitch opens what OVS's ovsdb-server wrote, and the two agree on the contents.
 */
class ToolInteropTest {

    private static final String QUERY = "[\"Open_vSwitch\", {\"op\": \"select\", \"table\": \"Bridge\", \"where\": [],"
            + " \"columns\": [\"name\", \"fail_mode\", \"flood_vlans\", \"external_ids\", \"ports\"]},"
            + " {\"op\": \"select\", \"table\": \"Port\", \"where\": [], \"columns\": [\"name\", \"tag\"]},"
            + " {\"op\": \"select\", \"table\": \"Interface\", \"where\": [], \"columns\": [\"name\", \"type\"]}]";

    private static Cmd.Result tool(String... args) {
        List<String> argv = new ArrayList<>(List.of(Peers.require("ovsdb-tool").toString()));
        argv.addAll(List.of(args));
        return Cmd.run(Duration.ofSeconds(30), null, argv.toArray(String[]::new));
    }

    private static void vsctl(String remote, String... args) {
        List<String> argv = new ArrayList<>(List.of(Peers.require("ovs-vsctl").toString(), "--db=" + remote,
                "--no-wait", "--timeout=20"));
        argv.addAll(List.of(args));
        Cmd.Result r = Cmd.run(Duration.ofSeconds(30), null, argv.toArray(String[]::new));
        assertTrue(r.ok(), r::toString);
    }

    private static void populate(String remote) {
        vsctl(remote, "init", "--", "add-br", "br0", "--", "set", "bridge", "br0", "fail_mode=secure",
                "flood_vlans=1,2", "external_ids:a=b");
        vsctl(remote, "add-port", "br0", "p1", "tag=5", "--", "add-port", "br0", "p2");
        vsctl(remote, "add-br", "br1", "--", "del-port", "br0", "p2", "--", "set", "port", "p1", "tag=6");
        vsctl(remote, "set", "bridge", "br0", "external_ids:c=d", "--", "remove", "bridge", "br0", "flood_vlans", "1");
    }

    @Test
    @Timeout(60)
    void ovsdbToolReadsOurFile() throws IOException {
        Path schema = Schemas.vswitch();
        String expected;
        try (OvsReference ref = OvsReference.start(schema)) {
            populate(ref.remote());
            ref.stop();
            Cmd.Result q = tool("query", ref.db().toString(), QUERY);
            assertTrue(q.ok(), q::toString);
            expected = OutputNormalizer.json(q.stdout());
        }
        try (JvsInstance jvs = JvsInstance.start(schema)) {
            populate(jvs.remote());
            jvs.server().close();
            Cmd.Result log = tool("show-log", "-m", jvs.db().toString());
            assertTrue(log.ok(), log::toString);
            assertTrue(log.stdout().contains("table Bridge insert row \"br0\""), log.stdout());
            assertTrue(log.stdout().contains("\"ovs-vsctl"), "the transactions' comments: " + log.stdout());
            Cmd.Result q = tool("query", jvs.db().toString(), QUERY);
            assertTrue(q.ok(), q::toString);
            assertEquals(expected, OutputNormalizer.json(q.stdout()));
            Cmd.Result version = tool("db-version", jvs.db().toString());
            assertEquals("8.3.1\n", version.stdout(), version::toString);
            Cmd.Result name = tool("db-name", jvs.db().toString());
            assertEquals("Open_vSwitch\n", name.stdout(), name::toString);

            // Compacted by jvswitch: still OVS's format, same contents.
            jvs.restart();
            assertTrue(jvs.server().compact("Open_vSwitch"));
            jvs.server().close();
            Cmd.Result log2 = tool("show-log", jvs.db().toString());
            assertTrue(log2.ok(), log2::toString);
            assertTrue(log2.stdout().contains("compacting database online"), log2.stdout());
            Cmd.Result q2 = tool("query", jvs.db().toString(), QUERY);
            assertEquals(expected, OutputNormalizer.json(q2.stdout()), q2::toString);

            // And ovsdb-tool's own compaction of our file reads back in jvswitch.
            Cmd.Result c = tool("compact", jvs.db().toString());
            assertTrue(c.ok(), c::toString);
            jvs.restart();
            vsctl(jvs.remote(), "add-port", "br1", "p9");
            jvs.server().close();
            Cmd.Result q3 = tool("query", jvs.db().toString(),
                    "[\"Open_vSwitch\", {\"op\": \"select\", \"table\": \"Port\", \"where\": [[\"name\", \"==\", \"p9\"]],"
                            + " \"columns\": [\"name\"]}]");
            assertTrue(q3.stdout().contains("p9"), q3::toString);
        }
    }

    @Test
    @Timeout(60)
    void weOpenAFileOvsdbServerWrote() throws IOException {
        Path schema = Schemas.vswitch();
        try (OvsReference ref = OvsReference.start(schema); TempRunDir dir = TempRunDir.create()) {
            populate(ref.remote());
            ref.stop();
            Cmd.Result q = tool("query", ref.db().toString(), QUERY);
            Path copy = dir.resolve("copy.db");
            Files.copy(ref.db(), copy);
            try (OvsdbServer s = OvsdbServer.builder().database(copy).remote("punix:" + dir.resolve("s.sock")).start()) {
                Cmd.Result ours = Cmd.run(Duration.ofSeconds(30), null, Peers.require("ovsdb-client").toString(),
                        "transact", "unix:" + dir.resolve("s.sock"), QUERY);
                assertTrue(ours.ok(), ours::toString);
                assertEquals(OutputNormalizer.json(q.stdout()), OutputNormalizer.json(ours.stdout()));
                // The UUIDs survive too: the same rows, not copies.
                assertEquals(sortedUuids(q.stdout()), sortedUuids(ours.stdout()));
            }
        }
    }

    private static List<String> sortedUuids(String s) {
        List<String> out = new ArrayList<>();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile(
                "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}").matcher(s);
        while (m.find()) {
            out.add(m.group());
        }
        out.sort(null);
        return out;
    }

    @Test
    @Timeout(60)
    void tornTailIsTruncatedAndTheRestKept() throws IOException {
        try (JvsInstance jvs = JvsInstance.start(Schemas.vswitch())) {
            populate(jvs.remote());
            jvs.server().close();
            long good = Files.size(jvs.db());
            // A record cut short, as a crash in the middle of a write leaves it.
            Files.writeString(jvs.db(), "OVSDB JSON 500 0123456789012345678901234567890123456789\n{\"Bridge\":",
                    StandardOpenOption.APPEND);
            jvs.restart();
            assertEquals(good, Files.size(jvs.db()), "truncated back to the last good record");
            vsctl(jvs.remote(), "add-br", "br7");
            jvs.server().close();
            Cmd.Result q = tool("query", jvs.db().toString(), QUERY);
            assertTrue(q.ok(), q::toString);
            assertTrue(q.stdout().contains("br0") && q.stdout().contains("br7") && q.stdout().contains("p1"), q.stdout());
            Cmd.Result log = tool("show-log", jvs.db().toString());
            assertTrue(log.ok(), log::toString);
        }
    }
}
