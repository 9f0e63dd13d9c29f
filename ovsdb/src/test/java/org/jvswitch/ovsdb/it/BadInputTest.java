package org.jvswitch.ovsdb.it;

import com.fasterxml.jackson.databind.JsonNode;
import org.jvswitch.jsonrpc.JsonRpcMessage;
import org.jvswitch.ovsdb.schema.DatabaseSchema;
import org.jvswitch.ovsdb.server.OvsdbServer;
import org.jvswitch.ovsdb.testing.RpcClient;
import org.jvswitch.ovsdb.testing.Schemas;
import org.jvswitch.testing.TempRunDir;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Bad input gets an error reply, or, for a stream that cannot be parsed, a closed connection;
 * nothing else changes, and other clients (one holding a monitor throughout) notice nothing.
 */
class BadInputTest {

    private static TempRunDir dir;
    private static OvsdbServer server;
    private static Path sock;
    /** A well-behaved client with a monitor, checked after every bad one. */
    private static RpcClient watcher;

    @BeforeAll
    static void start() throws IOException {
        dir = TempRunDir.create();
        sock = dir.resolve("bad.sock");
        server = OvsdbServer.builder().database(dir.resolve("bad.db"), DatabaseSchema.read(Schemas.test()))
                .remote("punix:" + sock).maxMessageBytes(64 * 1024).start();
        watcher = RpcClient.connect(sock);
        JsonRpcMessage m = watcher.call("monitor", "[\"Test\", \"w\", {\"Free\": {\"columns\": [\"a\"]}}]");
        assertEquals(JsonRpcMessage.Type.REPLY, m.type());
    }

    @AfterAll
    static void stop() throws IOException {
        watcher.close();
        server.close();
        dir.close();
    }

    /** The watcher still works and still gets updates; the database has only what was committed. */
    private static void serverStillFine(String name) throws IOException {
        try (RpcClient c = RpcClient.connect(sock)) {
            JsonRpcMessage r = c.call("transact", "[\"Test\", {\"op\": \"insert\", \"table\": \"Free\", \"row\":"
                    + " {\"a\": \"" + name + "\"}}]");
            assertEquals(1, r.result().size(), r::toString);
            assertTrue(r.result().get(0).has("uuid"), r::toString);
        }
        JsonRpcMessage echo = watcher.call("echo", "[\"still here\"]");
        assertEquals("still here", echo.result().get(0).textValue());
        List<JsonRpcMessage> notes = watcher.drainNotifications();
        assertEquals(1, notes.size(), notes::toString);
        assertTrue(notes.get(0).toString().contains(name), notes::toString);
    }

    private static void closedAfter(String raw, String name) throws IOException {
        try (RpcClient bad = RpcClient.connect(sock)) {
            bad.sendRaw(raw);
            assertTrue(bad.closedByServer(Duration.ofSeconds(5)), "connection closed after: " + raw);
        }
        serverStillFine(name);
    }

    @Test
    void malformedJsonClosesOnlyThatConnection() throws IOException {
        closedAfter("{\"method\": \"echo\", \"params\": [}", "a1");
        closedAfter("{\"method\": 5, \"params\": [], \"id\": 1}", "a2");
        closedAfter("{\"method\": \"echo\", \"params\": {}, \"id\": 1}", "a3");
        closedAfter("{\"method\": \"echo\", \"id\": 1}", "a4");
        closedAfter("{\"result\": 1, \"error\": 2, \"id\": 1}", "a5");
        closedAfter("{\"bogus\": 1}", "a6");
        closedAfter("\u0000\u0001\u0002garbage}", "a7");
        closedAfter("[" .repeat(5000) + "]".repeat(5000), "a8");
    }

    @Test
    void oversizedMessageClosesTheConnection() throws IOException {
        closedAfter("{\"method\": \"echo\", \"params\": [\"" + "x".repeat(100_000) + "\"], \"id\": 1}", "b1");
    }

    @Test
    void halfAMessageThenHangUpIsHarmless() throws IOException {
        try (RpcClient bad = RpcClient.connect(sock)) {
            bad.sendRaw("{\"method\": \"transact\", \"params\": [\"Test\", {\"op\": \"insert\", \"table\": \"Free\"");
        }
        serverStillFine("c1");
    }

    @Test
    void badRequestsGetErrorsAndChangeNothing() throws IOException {
        try (RpcClient c = RpcClient.connect(sock)) {
            assertEquals("\"unknown method\"", c.call("nosuch", "[]").error().toString());
            JsonRpcMessage r = c.call("transact", "[\"Test\", {\"op\": \"insert\", \"table\": \"Free\", \"row\": {\"a\": \"d1\"}},"
                    + " {\"op\": \"insert\", \"table\": \"Nope\", \"row\": {}}]");
            assertEquals("syntax error", r.result().get(1).get("error").textValue(), r::toString);
            r = c.call("transact", "[\"Test\", {\"op\": \"insert\", \"table\": \"Free\", \"row\": {\"a\": \"d2\", \"nosuch\": 1}}]");
            assertEquals("unknown column", r.result().get(0).get("error").textValue(), r::toString);
            r = c.call("transact", "[\"Test\", {\"op\": \"insert\", \"table\": \"Free\", \"row\": {\"a\": \"d3\", \"b\": \"x\"}}]");
            assertEquals("syntax error", r.result().get(0).get("error").textValue(), r::toString);
            r = c.call("monitor", "[\"Test\"]");
            assertNotNull(r.error(), r::toString);
            r = c.call("transact", "[\"Test\", {\"op\": \"select\", \"table\": \"Free\", \"where\": [],"
                    + " \"columns\": [\"a\"]}]");
            JsonNode rows = r.result().get(0).get("rows");
            for (String name : new String[] {"\"d1\"", "\"d2\"", "\"d3\""}) {
                assertFalse(rows.toString().contains(name), "nothing of the failed transactions was applied: " + rows);
            }
            // The connection that sent them is still good.
            assertEquals("[1]", c.call("echo", "[1]").result().toString());
        }
        assertTrue(watcher.drainNotifications().isEmpty(), "failed transactions send no updates");
        serverStillFine("d4");
    }
}
