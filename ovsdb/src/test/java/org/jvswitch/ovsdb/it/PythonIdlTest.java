package org.jvswitch.ovsdb.it;

import org.jvswitch.ovsdb.testing.JvsInstance;
import org.jvswitch.ovsdb.testing.OvsReference;
import org.jvswitch.ovsdb.testing.Schemas;
import org.jvswitch.testing.Cmd;
import org.jvswitch.testing.Peers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * OVS's Python IDL ({@code python3-openvswitch}) connects, reads, writes, and sees changes
 * made by ovs-vsctl, step by step exactly as it does with OVS's ovsdb-server.
 */
class PythonIdlTest {

    @Test
    @Timeout(90)
    void pythonIdlWorksAsWithOvsdbServer() throws IOException {
        Path python = Path.of("/usr/bin/python3");
        Peers.require("ovs-vsctl");
        Path script = Files.createTempFile("jvs-idl", ".py");
        try (InputStream in = PythonIdlTest.class.getResourceAsStream("/org/jvswitch/ovsdb/idl_client.py")) {
            Files.copy(in, script, StandardCopyOption.REPLACE_EXISTING);
        }
        try {
            Cmd.Result check = Cmd.run(Duration.ofSeconds(20), null, python.toString(), "-c", "import ovs.db.idl");
            if (!check.ok()) {
                Peers.require("python3-openvswitch (import ovs.db.idl)");
            }
            Path schema = Schemas.vswitch();
            String expected;
            try (OvsReference ref = OvsReference.start(schema)) {
                init(ref.remote());
                expected = run(python, script, ref.remote(), schema);
            }
            try (JvsInstance jvs = JvsInstance.start(schema)) {
                init(jvs.remote());
                String actual = run(python, script, jvs.remote(), schema);
                assertEquals(expected, actual);
                assertTrue(actual.contains("commit success") && actual.contains("duplicate error") && actual.endsWith("done\n"),
                        actual);
            }
        } finally {
            Files.deleteIfExists(script);
        }
    }

    private static void init(String remote) {
        Cmd.Result r = Cmd.run(Duration.ofSeconds(20), null, Peers.require("ovs-vsctl").toString(), "--db=" + remote,
                "--no-wait", "init", "--", "add-br", "br0");
        assertTrue(r.ok(), r::toString);
    }

    private static String run(Path python, Path script, String remote, Path schema) {
        Cmd.Result r = Cmd.run(Duration.ofSeconds(60), Map.of("PYTHONPATH", "/usr/lib/python3/dist-packages"),
                python.toString(), script.toString(), remote, schema.toString());
        assertTrue(r.ok(), r::toString);
        return r.stdout();
    }
}
