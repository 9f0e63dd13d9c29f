package org.jvswitch.ovsdb.it;

import org.jvswitch.ovsdb.schema.DatabaseSchema;
import org.jvswitch.ovsdb.storage.DbFile;
import org.jvswitch.ovsdb.testing.OvsReference;
import org.jvswitch.ovsdb.testing.Schemas;
import org.jvswitch.ovsdb.testing.ServerProcess;
import org.jvswitch.testing.Cmd;
import org.jvswitch.testing.Peers;
import org.jvswitch.testing.TempRunDir;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code jvs-ovsdb-server} as its own process, driven by the real {@code ovs-appctl}: its
 * ovsdb-server commands answer as OVS's ovsdb-server does (same output, same errors, same exit
 * codes), {@code ovs-appctl -t ovsdb-server} finds it by pidfile, and {@code exit} stops it
 * cleanly.
 */
class UnixctlDiffTest {

    private static final String[][] COMMANDS = {
        {"ovsdb-server/list-dbs"},
        {"ovsdb-server/add-remote", "ptcp:0:127.0.0.1"},
        {"ovsdb-server/list-remotes"},
        {"ovsdb-server/remove-remote", "ptcp:0:127.0.0.1"},
        {"ovsdb-server/remove-remote", "ptcp:0:127.0.0.1"},
        {"ovsdb-server/list-remotes"},
        {"ovsdb-server/compact"},
        {"ovsdb-server/compact", "Open_vSwitch"},
        {"ovsdb-server/compact", "nope"},
        {"ovsdb-server/reconnect"},
        {"ovsdb-server/nosuch"},
    };

    private static List<String> run(Path ctl, Path dir) {
        List<String> out = new ArrayList<>();
        for (String[] c : COMMANDS) {
            List<String> argv = new ArrayList<>(List.of(Peers.require("ovs-appctl").toString(), "-t", ctl.toString()));
            argv.addAll(List.of(c));
            Cmd.Result r = Cmd.run(Duration.ofSeconds(20), null, argv.toArray(String[]::new));
            out.add(String.join(" ", c) + " -> " + r.exitCode() + "\n"
                    + (r.stdout() + r.stderr()).replace(ctl.toString(), "<ctl>").replace(dir.toString(), "<dir>"));
        }
        return out;
    }

    @Test
    @Timeout(90)
    void sameAnswersAsOvsdbServer() throws Exception {
        Path schema = Schemas.vswitch();
        List<String> expected;
        try (OvsReference ref = OvsReference.start(schema)) {
            expected = run(ref.controlSocket(), ref.dir().path());
            expected.replaceAll(s -> s.replace("ref.sock", "db.sock"));
        }
        try (TempRunDir dir = TempRunDir.create()) {
            Path db = dir.resolve("conf.db");
            DbFile.create(db, DatabaseSchema.read(schema));
            Path sock = dir.resolve("db.sock");
            try (ServerProcess p = ServerProcess.start(dir.env(), sock, dir.resolve("out.log"),
                    "--remote=punix:" + sock, "--pidfile", "--log-file", db.toString())) {
                p.awaitFile(dir.resolve("ovsdb-server." + p.pid() + ".ctl"));
                List<String> actual = run(dir.resolve("ovsdb-server." + p.pid() + ".ctl"), dir.path());
                assertEquals(String.join("\n", expected), String.join("\n", actual));

                // Found by name through the pidfile, as OVS's scripts do it.
                Cmd.Result v = Cmd.run(Duration.ofSeconds(20), dir.env(), Peers.require("ovs-appctl").toString(),
                        "-t", "ovsdb-server", "version");
                assertTrue(v.stdout().startsWith("ovsdb-server (Open vSwitch) 3.1.0\n"), v::toString);
                Cmd.Result mem = Cmd.run(Duration.ofSeconds(20), dir.env(), Peers.require("ovs-appctl").toString(),
                        "-t", "ovsdb-server", "memory/show");
                assertTrue(mem.stdout().contains("cells:") && mem.stdout().contains("monitors:"), mem::toString);
                Cmd.Result exit = Cmd.run(Duration.ofSeconds(20), dir.env(), Peers.require("ovs-appctl").toString(),
                        "-t", "ovsdb-server", "exit");
                assertTrue(exit.ok(), exit::toString);
                assertEquals(0, p.waitFor(Duration.ofSeconds(20)), "exited cleanly");
                assertFalse(Files.exists(dir.resolve("ovsdb-server.pid")), "pidfile removed");
                assertTrue(Files.readString(dir.resolve("ovsdb-server.log")).contains("started"));
            }
        }
    }
}
