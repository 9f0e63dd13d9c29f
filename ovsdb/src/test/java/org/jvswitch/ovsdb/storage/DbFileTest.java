package org.jvswitch.ovsdb.storage;

import com.fasterxml.jackson.databind.JsonNode;
import org.jvswitch.jsonrpc.JsonRpcMessage;
import org.jvswitch.ovsdb.schema.DatabaseSchema;
import org.jvswitch.ovsdb.server.OvsdbServer;
import org.jvswitch.ovsdb.testing.LocalSession;
import org.jvswitch.ovsdb.testing.Schemas;
import org.jvswitch.testing.TempRunDir;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The database file: everything committed reads back after a restart (diffs of sets and maps
 * included, ephemeral columns excepted), a torn or corrupt tail is cut at the last good record,
 * compaction keeps the contents in a smaller file, and the lock keeps a second server out.
 */
class DbFileTest {

    private static final String SELECT_ALL = "[\"Test\", {\"op\": \"select\", \"table\": \"Root\", \"where\": [], "
            + "\"columns\": [\"name\", \"i\", \"r\", \"s\", \"e\", \"iset\", \"rset\", \"smap\", \"imap\", \"kids\", \"weak1\", \"eph\"]},"
            + "{\"op\": \"select\", \"table\": \"Child\", \"where\": [], \"columns\": [\"_uuid\", \"name\", \"n\"]},"
            + "{\"op\": \"select\", \"table\": \"Free\", \"where\": [], \"columns\": [\"_uuid\", \"a\", \"b\"]}]";

    private TempRunDir dir;
    private Path db;

    @BeforeEach
    void setUp() throws IOException {
        dir = TempRunDir.create();
        db = dir.resolve("t.db");
        DbFile.create(db, DatabaseSchema.read(Schemas.test()));
    }

    @AfterEach
    void tearDown() {
        dir.close();
    }

    private static JsonRpcMessage call(OvsdbServer s, String method, String params) {
        try (LocalSession c = new LocalSession(s)) {
            return c.call(method, params);
        }
    }

    private JsonNode contents() throws IOException {
        try (OvsdbServer s = OvsdbServer.builder().database(db).start()) {
            return sorted(call(s, "transact", SELECT_ALL).result());
        }
    }

    /** Rows in a fixed order, so contents compare. */
    private static JsonNode sorted(JsonNode results) {
        for (JsonNode r : results) {
            java.util.List<JsonNode> rows = new java.util.ArrayList<>();
            r.get("rows").forEach(rows::add);
            rows.sort(java.util.Comparator.comparing(JsonNode::toString));
            ((com.fasterxml.jackson.databind.node.ArrayNode) r.get("rows")).removeAll().addAll(rows);
        }
        return results;
    }

    private void populate() throws IOException {
        try (OvsdbServer s = OvsdbServer.builder().database(db).start()) {
            String[] txns = {
                "{\"op\": \"insert\", \"table\": \"Child\", \"uuid-name\": \"c\", \"row\": {\"name\": \"c1\", \"n\": 1}},"
                    + "{\"op\": \"insert\", \"table\": \"Root\", \"row\": {\"name\": \"r\", \"ie\": 2, \"i\": 5, \"r\": 2.5,"
                    + " \"s\": \"abc\", \"e\": [\"set\", [\"red\", \"blue\"]], \"iset\": [\"set\", [1, 2]],"
                    + " \"smap\": [\"map\", [[\"k1\", \"v1\"], [\"k2\", \"v2\"]]], \"imap\": [\"map\", [[1, \"x\"]]],"
                    + " \"kids\": [\"named-uuid\", \"c\"], \"weak1\": [\"named-uuid\", \"c\"], \"eph\": 9}}",
                "{\"op\": \"mutate\", \"table\": \"Root\", \"where\": [], \"mutations\": [[\"smap\", \"delete\", [\"set\", [\"k1\"]]],"
                    + " [\"smap\", \"insert\", [\"map\", [[\"k3\", \"v3\"]]]], [\"iset\", \"delete\", 1], [\"iset\", \"insert\", 3],"
                    + " [\"rset\", \"insert\", [\"set\", [0.5, 1e20]]], [\"imap\", \"insert\", [\"map\", [[0, \"\"]]]]]}",
                "{\"op\": \"update\", \"table\": \"Root\", \"where\": [], \"row\": {\"smap\": [\"map\", [[\"k2\", \"changed\"], [\"k3\", \"v3\"]]],"
                    + " \"s\": [\"set\", []], \"e\": \"green\"}}",
                "{\"op\": \"insert\", \"table\": \"Free\", \"row\": {\"a\": \"f1\", \"b\": 1}},"
                    + "{\"op\": \"insert\", \"table\": \"Free\", \"row\": {\"a\": \"f2\"}}",
                "{\"op\": \"delete\", \"table\": \"Free\", \"where\": [[\"a\", \"==\", \"f2\"]]},"
                    + "{\"op\": \"mutate\", \"table\": \"Free\", \"where\": [], \"mutations\": [[\"b\", \"*=\", 7]]}",
            };
            for (String t : txns) {
                JsonRpcMessage r = call(s, "transact", "[\"Test\", " + t + "]");
                assertFalse(r.result().toString().contains("error"), r::toString);
            }
        }
    }

    @Test
    void everythingCommittedReadsBack() throws IOException {
        populate();
        JsonNode c = contents();
        String text = c.toString();
        assertTrue(text.contains("\"smap\":[\"map\",[[\"k2\",\"changed\"],[\"k3\",\"v3\"]]]"), text);
        assertTrue(text.contains("\"iset\":[\"set\",[2,3]]"), text);
        assertTrue(text.contains("\"rset\":[\"set\",[0.5,1.0E20]]"), text);
        assertTrue(text.contains("\"e\":\"green\"") && text.contains("\"s\":[\"set\",[]]"), text);
        assertTrue(text.contains("\"eph\":[\"set\",[]]"), "ephemeral columns are not written: " + text);
        assertTrue(text.contains("\"a\":\"f1\",\"b\":7") && !text.contains("\"f2\""), text);
        assertEquals(c, contents(), "stable across restarts");
    }

    @Test
    void tornOrCorruptTailsAreTruncatedAtTheLastGoodRecord() throws IOException {
        populate();
        JsonNode expected = contents();
        long good = Files.size(db);
        String[] tails = {
            "OVSDB JS",
            "OVSDB JSON 99 0123456789012345678901234567890123456789\n{\"Free\": {}}\n",
            "OVSDB JSON 13 0123456789012345678901234567890123456789\n{\"Free\":{}}\n",
            "\u0000\u0000\u0000\u0000garbage",
            "OVSDB JSON 5 " + "a".repeat(40) + "\n[1]\n\n",
        };
        for (String tail : tails) {
            Files.writeString(db, tail, StandardCharsets.ISO_8859_1, StandardOpenOption.APPEND);
            assertEquals(expected, contents(), "after a tail of " + tail);
            assertEquals(good, Files.size(db), "the bad tail is gone: " + tail);
        }
        // A flipped byte inside the last record fails its SHA-1: that record is dropped, the rest kept.
        try (RandomAccessFile f = new RandomAccessFile(db.toFile(), "rw")) {
            f.seek(good - 3);
            int b = f.read();
            f.seek(good - 3);
            f.write(b ^ 1);
        }
        JsonNode after = contents();
        assertTrue(Files.size(db) < good);
        assertTrue(after.toString().contains("\"a\":\"f1\",\"b\":1"), "back to the state before the last record: " + after);
    }

    @Test
    void compactionKeepsTheContentsInLessSpace() throws IOException {
        populate();
        JsonNode expected = contents();
        long before = Files.size(db);
        try (OvsdbServer s = OvsdbServer.builder().database(db).start()) {
            for (int i = 0; i < 50; i++) {
                call(s, "transact", "[\"Test\", {\"op\": \"mutate\", \"table\": \"Free\", \"where\": [], \"mutations\": [[\"b\", \"+=\", 1]]}]");
            }
            call(s, "transact", "[\"Test\", {\"op\": \"mutate\", \"table\": \"Free\", \"where\": [], \"mutations\": [[\"b\", \"-=\", 50]]}]");
            long grown = Files.size(db);
            assertTrue(grown > before);
            assertTrue(s.compact("Test"));
            assertTrue(Files.size(db) < before, "compacted: " + Files.size(db) + " < " + before);
            call(s, "transact", "[\"Test\", {\"op\": \"insert\", \"table\": \"Free\", \"row\": {\"a\": \"after\"}}]");
        }
        String text = contents().toString();
        assertTrue(text.contains("\"a\":\"after\""), text);
        assertEquals(expected.get(0), contents().get(0));
    }

    @Test
    void aSecondServerCannotOpenTheSameFile() throws IOException {
        try (OvsdbServer s = OvsdbServer.builder().database(db).start()) {
            IOException e = assertThrows(IOException.class, () -> OvsdbServer.builder().database(db).start());
            assertTrue(e.getMessage().contains("in use by another process"), e.getMessage());
        }
        assertFalse(Files.exists(Lockfile.pathFor(db)), "the lock file goes when the server closes");
    }

    @Test
    void aFileThatIsNotADatabaseIsRefused() throws IOException {
        Path bad = dir.resolve("bad.db");
        Files.writeString(bad, "hello\n");
        IOException e = assertThrows(IOException.class, () -> OvsdbServer.builder().database(bad).start());
        assertTrue(e.getMessage().contains("not an OVSDB database file"), e.getMessage());
        assertEquals("hello\n", Files.readString(bad), "and left alone");
    }
}
