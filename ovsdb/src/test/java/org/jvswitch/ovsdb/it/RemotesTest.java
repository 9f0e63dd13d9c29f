package org.jvswitch.ovsdb.it;

import org.jvswitch.ovsdb.server.OvsdbServer;
import org.jvswitch.ovsdb.testing.Schemas;
import org.jvswitch.testing.Cmd;
import org.jvswitch.testing.Peers;
import org.jvswitch.testing.TempRunDir;
import org.jvswitch.testing.TestPki;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every kind of remote, driven by OVS's own clients: {@code ptcp:} and {@code pssl:} (with
 * ovsdb-client's SSL), active {@code tcp:} to an ovsdb-client that listens, and the targets of
 * the {@code Manager} table ({@code ovs-vsctl set-manager}) with the {@code SSL} table's files,
 * opened and closed as the database changes.
 */
class RemotesTest {

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private static Cmd.Result client(Duration timeout, String... args) {
        List<String> argv = new ArrayList<>(List.of(Peers.require("ovsdb-client").toString()));
        argv.addAll(List.of(args));
        return Cmd.run(timeout, null, argv.toArray(String[]::new));
    }

    private static void vsctl(String remote, String... args) {
        List<String> argv = new ArrayList<>(List.of(Peers.require("ovs-vsctl").toString(), "--db=" + remote,
                "--no-wait", "--timeout=20"));
        argv.addAll(List.of(args));
        Cmd.Result r = Cmd.run(Duration.ofSeconds(30), null, argv.toArray(String[]::new));
        assertTrue(r.ok(), r::toString);
    }

    @Test
    @Timeout(60)
    void passiveTcpAndSsl() throws Exception {
        try (TempRunDir dir = TempRunDir.create()) {
            Path d = dir.path();
            TestPki.create(d);
            try (OvsdbServer s = OvsdbServer.builder().database(dir.resolve("r.db"), OvsdbServer.vswitchSchema())
                    .remote("ptcp:0:127.0.0.1").remote("pssl:0:127.0.0.1")
                    .ssl(d + "/server.key", d + "/server.crt", d + "/ca.crt").start()) {
                int tcp = s.boundPorts().get("ptcp:0:127.0.0.1");
                int ssl = s.boundPorts().get("pssl:0:127.0.0.1");
                Cmd.Result r = client(Duration.ofSeconds(20), "list-dbs", "tcp:127.0.0.1:" + tcp);
                assertEquals("Open_vSwitch\n_Server\n", r.stdout(), r::toString);
                r = client(Duration.ofSeconds(20), "-p", d + "/client.key", "-c", d + "/client.crt", "-C", d + "/ca.crt",
                        "list-dbs", "ssl:127.0.0.1:" + ssl);
                assertEquals("Open_vSwitch\n_Server\n", r.stdout(), r::toString);
                vsctl("ssl:127.0.0.1:" + ssl, "--private-key=" + d + "/client.key", "--certificate=" + d + "/client.crt",
                        "--ca-cert=" + d + "/ca.crt", "init", "--", "add-br", "br-ssl");
                // A client without a certificate signed by our CA is refused.
                TestPki.openssl("req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", d + "/rogue.key", "-out",
                        d + "/rogue.crt", "-subj", "/CN=rogue", "-days", "2");
                r = client(Duration.ofSeconds(3), "-p", d + "/rogue.key", "-c", d + "/rogue.crt", "-C", d + "/ca.crt",
                        "list-dbs", "ssl:127.0.0.1:" + ssl);
                assertFalse(r.stdout().contains("Open_vSwitch"), r::toString);
                r = client(Duration.ofSeconds(20), "dump", "tcp:127.0.0.1:" + tcp, "Open_vSwitch", "Bridge", "name");
                assertTrue(r.stdout().contains("br-ssl"), r::toString);
            }
        }
    }

    @Test
    @Timeout(60)
    void activeTcpConnectsToAListeningClient() throws Exception {
        try (TempRunDir dir = TempRunDir.create();
             OvsdbServer s = OvsdbServer.builder().database(dir.resolve("r.db"), OvsdbServer.vswitchSchema()).start()) {
            int port = freePort();
            // ovsdb-client with a passive remote waits for the server to connect to it.
            Process p = new ProcessBuilder(Peers.require("ovsdb-client").toString(), "--timeout=20", "list-dbs",
                    "ptcp:" + port + ":127.0.0.1").redirectErrorStream(true).start();
            try {
                Thread.sleep(300);
                assertTrue(s.addRemote("tcp:127.0.0.1:" + port));
                assertTrue(p.waitFor(20, java.util.concurrent.TimeUnit.SECONDS));
                String out = new String(p.getInputStream().readAllBytes());
                assertTrue(out.contains("Open_vSwitch") && out.contains("_Server"), out);
                assertTrue(s.listRemotes().contains("tcp:127.0.0.1:" + port));
                assertTrue(s.removeRemote("tcp:127.0.0.1:" + port));
                assertFalse(s.removeRemote("tcp:127.0.0.1:" + port));
            } finally {
                p.destroyForcibly();
            }
        }
    }

    @Test
    @Timeout(60)
    void activeSslConnectsToAListeningSslClient() throws Exception {
        try (TempRunDir dir = TempRunDir.create()) {
            Path d = dir.path();
            TestPki.create(d);
            try (OvsdbServer s = OvsdbServer.builder().database(dir.resolve("r.db"), OvsdbServer.vswitchSchema())
                    .ssl(d + "/server.key", d + "/server.crt", d + "/ca.crt").start()) {
                int port = freePort();
                Process p = new ProcessBuilder(Peers.require("ovsdb-client").toString(), "--timeout=20",
                        "-p", d + "/client.key", "-c", d + "/client.crt", "-C", d + "/ca.crt",
                        "list-dbs", "pssl:" + port + ":127.0.0.1").redirectErrorStream(true).start();
                try {
                    Thread.sleep(300);
                    s.addRemote("ssl:127.0.0.1:" + port);
                    assertTrue(p.waitFor(20, java.util.concurrent.TimeUnit.SECONDS));
                    String out = new String(p.getInputStream().readAllBytes());
                    assertTrue(out.contains("Open_vSwitch") && out.contains("_Server"), out);
                } finally {
                    p.destroyForcibly();
                }
            }
        }
    }

    @Test
    @Timeout(60)
    void managerTableTargetsAndSslTable() throws Exception {
        try (TempRunDir dir = TempRunDir.create()) {
            Path d = dir.path();
            TestPki.create(d);
            Path sock = dir.resolve("m.sock");
            try (OvsdbServer s = OvsdbServer.builder().database(dir.resolve("m.db"), OvsdbServer.vswitchSchema())
                    .remote("punix:" + sock).remote("db:Open_vSwitch,Open_vSwitch,manager_options")
                    .ssl("db:Open_vSwitch,SSL,private_key", "db:Open_vSwitch,SSL,certificate",
                            "db:Open_vSwitch,SSL,ca_cert").start()) {
                String unix = "unix:" + sock;
                int tcp = freePort();
                int ssl = freePort();
                vsctl(unix, "init", "--", "set-ssl", d + "/server.key", d + "/server.crt", d + "/ca.crt");
                vsctl(unix, "set-manager", "ptcp:" + tcp + ":127.0.0.1", "pssl:" + ssl + ":127.0.0.1");
                Cmd.Result r = waitFor(() -> client(Duration.ofSeconds(5), "list-dbs", "tcp:127.0.0.1:" + tcp));
                assertEquals("Open_vSwitch\n_Server\n", r.stdout(), r::toString);
                r = waitFor(() -> client(Duration.ofSeconds(5), "-p", d + "/client.key", "-c", d + "/client.crt", "-C",
                        d + "/ca.crt", "list-dbs", "ssl:127.0.0.1:" + ssl));
                assertEquals("Open_vSwitch\n_Server\n", r.stdout(), r::toString);
                r = waitFor(() -> {
                    Cmd.Result q = client(Duration.ofSeconds(5), "dump", unix, "Open_vSwitch", "Manager", "target", "status");
                    return q.stdout().contains("bound_port") ? q : new Cmd.Result(q.argv(), 1, q.stdout(), q.stderr(), false);
                });
                assertTrue(r.stdout().contains("LISTENING"), "the Manager rows show their state: " + r);
                vsctl(unix, "del-manager");
                Thread.sleep(500);
                r = client(Duration.ofSeconds(5), "list-dbs", "tcp:127.0.0.1:" + tcp);
                assertFalse(r.ok(), "the remote closed with its Manager row: " + r);
            }
        }
    }

    private interface Attempt {
        Cmd.Result run();
    }

    private static Cmd.Result waitFor(Attempt a) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        Cmd.Result r = a.run();
        while (!r.ok() && System.nanoTime() < deadline) {
            Thread.sleep(100);
            r = a.run();
        }
        return r;
    }
}
