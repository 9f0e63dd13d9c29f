package org.jvswitch.ovsdb.client;

import com.fasterxml.jackson.databind.node.ArrayNode;
import org.jvswitch.jsonrpc.JsonRpcMessage;
import org.jvswitch.ovsdb.schema.DatabaseSchema;
import org.jvswitch.ovsdb.server.OvsdbServer;
import org.jvswitch.ovsdb.testing.LocalSession;
import org.jvswitch.ovsdb.testing.Schemas;
import org.jvswitch.testing.TempRunDir;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The socket client: pipelined requests over unix and TCP, notifications, a server that goes away. */
class OvsdbClientTest {

    @Test
    void pipelinesRequestsAndDeliversNotifications() throws Exception {
        try (TempRunDir dir = TempRunDir.create();
             OvsdbServer s = OvsdbServer.builder().database(dir.resolve("c.db"), DatabaseSchema.read(Schemas.test()))
                     .remote("punix:" + dir.resolve("c.sock")).remote("ptcp:0:127.0.0.1").start()) {
            LinkedBlockingQueue<JsonRpcMessage> notes = new LinkedBlockingQueue<>();
            int port = s.boundPorts().get("ptcp:0:127.0.0.1");
            for (String remote : List.of("unix:" + dir.resolve("c.sock"), "tcp:127.0.0.1:" + port)) {
                try (OvsdbClient c = OvsdbClient.connect(remote, notes::add)) {
                    JsonRpcMessage m = c.request("monitor", (ArrayNode) LocalSession.json(
                            "[\"Test\", null, {\"Free\": {\"columns\": [\"a\"]}}]")).get(10, TimeUnit.SECONDS);
                    assertEquals(JsonRpcMessage.Type.REPLY, m.type(), m::toString);
                    List<CompletableFuture<ArrayNode>> f = new ArrayList<>();
                    for (int i = 0; i < 50; i++) {
                        f.add(c.transact("Test", LocalSession.json("{\"op\": \"insert\", \"table\": \"Free\", \"row\":"
                                + " {\"a\": \"" + remote.charAt(0) + i + "\"}}")));
                    }
                    for (CompletableFuture<ArrayNode> r : f) {
                        assertTrue(r.get(10, TimeUnit.SECONDS).get(0).has("uuid"));
                    }
                    for (int i = 0; i < 50; i++) {
                        JsonRpcMessage n = notes.poll(5, TimeUnit.SECONDS);
                        assertEquals("update", n.method());
                    }
                }
            }
            OvsdbClient c = OvsdbClient.connect("unix:" + dir.resolve("c.sock"), null);
            s.close();
            CompletableFuture<JsonRpcMessage> late = c.request("echo", (ArrayNode) LocalSession.json("[]"));
            assertTrue(late.handle((r, e) -> e != null).get(10, TimeUnit.SECONDS), "fails once the server is gone");
            c.close();
        }
    }
}
