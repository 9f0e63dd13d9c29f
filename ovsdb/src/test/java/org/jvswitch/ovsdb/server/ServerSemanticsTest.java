package org.jvswitch.ovsdb.server;

import org.jvswitch.jsonrpc.JsonRpcMessage;
import org.jvswitch.ovsdb.schema.DatabaseSchema;
import org.jvswitch.ovsdb.testing.LocalSession;
import org.jvswitch.ovsdb.testing.Schemas;
import org.jvswitch.testing.TempRunDir;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The server's behaviour over time, through in-process clients: blocked waits and their
 * timeouts and cancellation, locks and their notices, monitor_cond_since resuming from a known
 * transaction, the _Server database following databases added and removed, update-before-reply
 * order under pipelined transactions, and what a closed session leaves behind.
 */
class ServerSemanticsTest {

    private TempRunDir dir;
    private OvsdbServer server;

    @BeforeEach
    void start() throws Exception {
        dir = TempRunDir.create();
        server = OvsdbServer.builder().database(dir.resolve("t.db"), DatabaseSchema.read(Schemas.test())).start();
    }

    @AfterEach
    void stop() {
        server.close();
        dir.close();
    }

    private static String insert(String a) {
        return "[\"Test\", {\"op\": \"insert\", \"table\": \"Free\", \"row\": {\"a\": \"" + a + "\"}}]";
    }

    private static final String WAIT_FOR_W = "[\"Test\", {\"op\": \"wait\", \"table\": \"Free\", \"where\":"
            + " [[\"a\", \"==\", \"w\"]], \"columns\": [\"a\"], \"until\": \"==\", \"rows\": [{\"a\": \"w\"}]%s},"
            + " {\"op\": \"insert\", \"table\": \"Free\", \"row\": {\"a\": \"after-w\"}}]";

    @Test
    void blockedWaitCompletesWhenItsConditionHolds() throws Exception {
        try (LocalSession a = new LocalSession(server); LocalSession b = new LocalSession(server)) {
            CompletableFuture<JsonRpcMessage> waiting = a.async("transact", String.format(WAIT_FOR_W, ""));
            Thread.sleep(200);
            assertFalse(waiting.isDone(), "blocked until the row exists");
            b.call("transact", insert("w"));
            JsonRpcMessage r = waiting.join();
            assertTrue(r.result().toString().startsWith("[{},{\"uuid\""), r::toString);
            JsonRpcMessage rows = b.call("transact", "[\"Test\", {\"op\": \"select\", \"table\": \"Free\", \"where\":"
                    + " [[\"a\", \"==\", \"after-w\"]]}]");
            assertEquals(1, rows.result().get(0).get("rows").size(), "the rest of the transaction was committed");
        }
    }

    @Test
    void blockedWaitTimesOutAndCanBeCancelled() throws Exception {
        try (LocalSession a = new LocalSession(server)) {
            long t0 = System.nanoTime();
            JsonRpcMessage r = a.call("transact", String.format(WAIT_FOR_W, ", \"timeout\": 300"));
            long ms = (System.nanoTime() - t0) / 1_000_000;
            assertTrue(ms >= 280, "waited the timeout: " + ms);
            assertEquals("timed out", r.result().get(0).get("error").textValue(), r::toString);
            assertTrue(r.result().get(0).get("details").textValue().startsWith("\"wait\" timed out after "), r::toString);

            CompletableFuture<JsonRpcMessage> waiting = a.async("transact", String.format(WAIT_FOR_W, ""));
            Thread.sleep(100);
            assertFalse(waiting.isDone());
            a.notify("cancel", "[2]");  // this session's second request
            JsonRpcMessage c = waiting.join();
            assertEquals(JsonRpcMessage.Type.ERROR, c.type(), c::toString);
            assertEquals("\"canceled\"", c.error().toString());
        }
    }

    @Test
    void locksQueueStealAndNotify() throws Exception {
        try (LocalSession a = new LocalSession(server); LocalSession b = new LocalSession(server);
             LocalSession c = new LocalSession(server)) {
            assertEquals("{\"locked\":true}", a.call("lock", "[\"L\"]").result().toString());
            assertEquals("{\"locked\":false}", b.call("lock", "[\"L\"]").result().toString());
            String assertL = "[\"Test\", {\"op\": \"assert\", \"lock\": \"L\"}]";
            assertEquals("[{}]", a.call("transact", assertL).result().toString());
            assertEquals("not owner", b.call("transact", assertL).result().get(0).get("error").textValue());
            a.call("unlock", "[\"L\"]");
            JsonRpcMessage n = b.note();
            assertEquals("locked", n.method());
            assertEquals("[\"L\"]", n.params().toString());
            assertEquals("{\"locked\":true}", c.call("steal", "[\"L\"]").result().toString());
            n = b.note();
            assertEquals("stolen", n.method());
            assertEquals("not owner", b.call("transact", assertL).result().get(0).get("error").textValue());
            // The thief leaves; the lock returns to the session still queued for it.
            c.close();
            n = b.note();
            assertEquals("locked", n.method());
        }
    }

    @Test
    void monitorCondSinceResumesFromAKnownTransaction() throws Exception {
        String req = "[\"Test\", \"m\", {\"Free\": [{\"columns\": [\"a\"]}]}, \"%s\"]";
        String last;
        try (LocalSession a = new LocalSession(server)) {
            a.call("transact", insert("x1"));
            JsonRpcMessage r = a.call("monitor_cond_since", String.format(req, "00000000-0000-0000-0000-000000000000"));
            assertEquals(false, r.result().get(0).booleanValue());
            assertTrue(r.result().get(2).toString().contains("\"initial\":{\"a\":\"x1\"}"), r::toString);
            last = r.result().get(1).textValue();
            a.call("transact", insert("x2"));
            JsonRpcMessage u = a.note();
            assertEquals("update3", u.method());
            last = u.params().get(1).textValue();
        }
        try (LocalSession b = new LocalSession(server)) {
            b.call("transact", insert("x3"));
            b.call("transact", "[\"Test\", {\"op\": \"delete\", \"table\": \"Free\", \"where\": [[\"a\", \"==\", \"x1\"]]}]");
            JsonRpcMessage r = b.call("monitor_cond_since", String.format(req, last));
            assertEquals(true, r.result().get(0).booleanValue(), r::toString);
            String changes = r.result().get(2).toString();
            assertTrue(changes.contains("\"insert\":{\"a\":\"x3\"}") && changes.contains("\"delete\":null")
                    && !changes.contains("x2"), "only what was missed: " + changes);
            JsonRpcMessage stale = b.call("monitor_cond_since", String.format(req.replace("\"m\"", "\"n\""),
                    "11111111-2222-3333-4444-555555555555"));
            assertEquals(false, stale.result().get(0).booleanValue(), "unknown id: full contents");
        }
    }

    @Test
    void updatesComeBeforeRepliesUnderPipelining() throws Exception {
        try (LocalSession a = new LocalSession(server)) {
            a.call("monitor", "[\"Test\", 1, {\"Free\": {\"columns\": [\"a\"]}}]");
            List<CompletableFuture<JsonRpcMessage>> pending = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                pending.add(a.async("transact", insert("p" + i)));
            }
            for (int i = 0; i < 200; i++) {
                JsonRpcMessage reply = pending.get(i).join();
                assertTrue(reply.result().get(0).has("uuid"), reply::toString);
                JsonRpcMessage u = a.note();
                assertTrue(u.params().toString().contains("\"p" + i + "\""), "update " + i + " in order: " + u);
            }
            assertNull(a.note(100));
        }
    }

    @Test
    void serverDatabaseFollowsDatabasesAddedAndRemoved() throws Exception {
        try (LocalSession aware = new LocalSession(server); LocalSession plain = new LocalSession(server)) {
            aware.call("set_db_change_aware", "[true]");
            aware.call("monitor_cond", "[\"_Server\", \"s\", {\"Database\": [{\"columns\": [\"name\", \"model\"]}]}]");
            server.addDatabase(dir.resolve("vs.db"), OvsdbServer.vswitchSchema());
            JsonRpcMessage n = aware.note();
            assertTrue(n.toString().contains("\"insert\":{\"model\":\"standalone\",\"name\":\"Open_vSwitch\"}")
                    || n.toString().contains("\"name\":\"Open_vSwitch\""), n::toString);
            aware.call("monitor_cond", "[\"Open_vSwitch\", \"o\", {\"Bridge\": [{}]}]");
            plain.call("monitor_cond", "[\"Open_vSwitch\", \"o\", {\"Bridge\": [{}]}]");
            assertTrue(server.removeDatabase("Open_vSwitch"));
            List<String> got = new ArrayList<>();
            for (JsonRpcMessage m = aware.note(); m != null; m = aware.note(300)) {
                got.add(m.method() + m.params());
            }
            assertTrue(got.contains("monitor_canceled[\"o\"]"), got::toString);
            assertTrue(got.stream().anyMatch(s -> s.startsWith("update2[\"s\"") && s.contains("\"delete\":null")), got::toString);
            // A session that did not ask to be told is disconnected instead.
            assertTrue(plain.async("echo", "[]").handle((r, e) -> e != null || r == null).join());
            assertEquals(List.of("Test", "_Server"), server.databaseNames());
        }
    }

    @Test
    void aClosedSessionLeavesNothingBehind() throws Exception {
        try (LocalSession a = new LocalSession(server); LocalSession b = new LocalSession(server)) {
            a.call("monitor", "[\"Test\", 1, {\"Free\": {}}]");
            a.call("lock", "[\"K\"]");
            b.call("lock", "[\"K\"]");
            a.close();
            assertEquals("locked", b.note().method());
            assertEquals(0L, server.memory().get("monitors"));
        }
    }
}
