package org.jvswitch.ovsdb.it;

import com.fasterxml.jackson.databind.JsonNode;
import org.jvswitch.jsonrpc.JsonRpcMessage;
import org.jvswitch.ovsdb.schema.DatabaseSchema;
import org.jvswitch.ovsdb.server.LocalClient;
import org.jvswitch.ovsdb.server.OvsdbServer;
import org.jvswitch.ovsdb.storage.DbFile;
import org.jvswitch.ovsdb.testing.RpcClient;
import org.jvswitch.ovsdb.testing.Schemas;
import org.jvswitch.ovsdb.testing.ServerProcess;
import org.jvswitch.testing.Cmd;
import org.jvswitch.testing.Peers;
import org.jvswitch.testing.TempRunDir;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * SIGKILL at any moment loses no acknowledged transaction: several clients commit as fast as
 * they can while the server process is killed at a random instant; reopened, the database holds
 * every transaction a client got a successful reply for, and OVS's ovsdb-tool reads the file.
 * Three rounds on the same file.
 */
class CrashTest {

    @Test
    @Timeout(120)
    void killDashNineLosesNothingAcknowledged() throws Exception {
        try (TempRunDir dir = TempRunDir.create()) {
            Path db = dir.resolve("crash.db");
            Path sock = dir.resolve("crash.sock");
            DbFile.create(db, DatabaseSchema.read(Schemas.test()));
            Set<String> acked = ConcurrentHashMap.newKeySet();
            for (int round = 0; round < 3; round++) {
                int r = round;
                try (ServerProcess server = ServerProcess.start(dir.env(), sock, dir.resolve("server.log"),
                        "--remote=punix:" + sock, db.toString())) {
                    AtomicBoolean stop = new AtomicBoolean();
                    List<Thread> writers = new ArrayList<>();
                    for (int w = 0; w < 4; w++) {
                        int id = w;
                        writers.add(Thread.ofPlatform().start(() -> write(sock, "r" + r + "w" + id + "-", acked, stop)));
                    }
                    Thread.sleep(ThreadLocalRandom.current().nextInt(300, 900));
                    server.kill();
                    stop.set(true);
                    for (Thread t : writers) {
                        t.join(10_000);
                    }
                }
            }
            assertTrue(acked.size() > 50, "the writers got work done: " + acked.size());
            Set<String> present = new HashSet<>();
            try (OvsdbServer s = OvsdbServer.builder().database(db).start();
                 LocalClient c = s.connect(null)) {
                JsonNode rows = c.transact("Test", org.jvswitch.jsonrpc.JsonRpcMapper.get().readTree(
                        "{\"op\": \"select\", \"table\": \"Free\", \"where\": [], \"columns\": [\"a\"]}")).get().get(0).get("rows");
                rows.forEach(row -> present.add(row.get("a").textValue()));
            }
            Set<String> lost = new HashSet<>(acked);
            lost.removeAll(present);
            assertTrue(lost.isEmpty(), lost.size() + " acknowledged transactions lost: " + lost);
            Path tool = Peers.find("ovsdb-tool");
            if (tool != null) {
                Cmd.Result show = Cmd.run(Duration.ofSeconds(30), null, tool.toString(), "show-log", db.toString());
                assertTrue(show.ok(), show::toString);
            }
        }
    }

    private static void write(Path sock, String prefix, Set<String> acked, AtomicBoolean stop) {
        try (RpcClient c = RpcClient.connect(sock)) {
            for (int i = 0; !stop.get(); i++) {
                String name = prefix + i;
                JsonRpcMessage reply = c.call("transact", "[\"Test\", {\"op\": \"insert\", \"table\": \"Free\", \"row\":"
                        + " {\"a\": \"" + name + "\", \"b\": " + i + "}}]");
                if (reply == null) {
                    return;
                }
                if (reply.type() == JsonRpcMessage.Type.REPLY && reply.result().get(0).has("uuid")
                        && reply.result().size() == 1) {
                    acked.add(name);
                }
            }
        } catch (Exception e) {
            // the server died under us: expected
        }
    }
}
