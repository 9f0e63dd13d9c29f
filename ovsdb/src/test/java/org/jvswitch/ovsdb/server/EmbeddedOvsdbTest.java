package org.jvswitch.ovsdb.server;

import org.jvswitch.jsonrpc.JsonRpcMessage;
import org.jvswitch.ovsdb.testing.LocalSession;
import org.jvswitch.testing.Cmd;
import org.jvswitch.testing.Peers;
import org.jvswitch.testing.TempRunDir;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The server as the switch embeds it: conf.db created from the shipped schema, db.sock for OVS's
 * clients, its own pidfile and control socket for {@code ovs-appctl -t ovsdb-server}, and an
 * in-process session for the switch.
 */
class EmbeddedOvsdbTest {

    @Test
    void looksLikeOvsdbServerToOvsTools() throws Exception {
        try (TempRunDir dir = TempRunDir.create()) {
            try (EmbeddedOvsdb e = EmbeddedOvsdb.start(dir.runDirs(), null);
                 LocalSession self = new LocalSession(e.server())) {
                assertTrue(Files.exists(dir.resolve("conf.db")));
                assertTrue(Files.exists(dir.resolve("ovsdb-server.pid")));
                JsonRpcMessage r = self.call("transact", "[\"Open_vSwitch\", {\"op\": \"insert\", \"table\": \"Open_vSwitch\","
                        + " \"row\": {\"ovs_version\": \"3.1.0\"}}]");
                assertTrue(r.result().get(0).has("uuid"), r::toString);
                if (Peers.find("ovs-vsctl") != null || Peers.integrationMode()) {
                    Cmd.Result v = Cmd.run(Duration.ofSeconds(20), dir.env(), Peers.require("ovs-vsctl").toString(),
                            "--no-wait", "add-br", "br0");
                    assertTrue(v.ok(), v::toString);
                    Cmd.Result a = Cmd.run(Duration.ofSeconds(20), dir.env(), Peers.require("ovs-appctl").toString(),
                            "-t", "ovsdb-server", "ovsdb-server/list-remotes");
                    assertEquals("db:Open_vSwitch,Open_vSwitch,manager_options\npunix:" + dir.resolve("db.sock") + "\n",
                            a.stdout(), a::toString);
                }
            }
            assertFalse(Files.exists(dir.resolve("ovsdb-server.pid")));
            try (EmbeddedOvsdb again = EmbeddedOvsdb.start(dir.runDirs(), null);
                 LocalSession self = new LocalSession(again.server())) {
                JsonRpcMessage r = self.call("transact", "[\"Open_vSwitch\", {\"op\": \"select\", \"table\": \"Open_vSwitch\","
                        + " \"where\": [], \"columns\": [\"ovs_version\"]}]");
                assertEquals("[{\"rows\":[{\"ovs_version\":\"3.1.0\"}]}]", r.result().toString(), "reopened from disk");
            }
        }
    }
}
