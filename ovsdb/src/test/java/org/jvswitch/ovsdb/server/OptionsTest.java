package org.jvswitch.ovsdb.server;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The remote syntax and jvs-ovsdb-server's command line, as ovsdb-server takes them. */
class OptionsTest {

    @Test
    void remotes() {
        RemoteSpec p = RemoteSpec.parse("ptcp:6640:127.0.0.1");
        assertTrue(p.passive() && !p.ssl() && p.port() == 6640 && p.host().equals("127.0.0.1"));
        assertEquals("", RemoteSpec.parse("pssl:6640").host());
        assertEquals("::1", RemoteSpec.parse("ptcp:6640:[::1]").host());
        RemoteSpec t = RemoteSpec.parse("ssl:[fe80::1]:6653");
        assertTrue(!t.passive() && t.ssl() && t.host().equals("fe80::1") && t.port() == 6653);
        assertEquals("/run/db.sock", RemoteSpec.parse("punix:/run/db.sock").path());
        assertEquals("Open_vSwitch,Open_vSwitch,manager_options",
                RemoteSpec.parse("db:Open_vSwitch,Open_vSwitch,manager_options").path());
        for (String bad : new String[] {"foo:1", "ptcp:x", "tcp:1.2.3.4", "tcp::5", "db:a,b", "punix:", "nocolon"}) {
            assertThrows(IllegalArgumentException.class, () -> RemoteSpec.parse(bad), bad);
        }
    }

    @Test
    void commandLine() {
        ServerOptions o = ServerOptions.parse(List.of("--remote=punix:/x.sock", "--remote", "ptcp:0", "--pidfile",
                "-p", "k.pem", "--certificate=c.pem", "--bootstrap-ca-cert=ca.pem", "--no-chdir", "--monitor", "a.db", "b.db"));
        assertEquals(List.of("punix:/x.sock", "ptcp:0"), o.remotes());
        assertEquals(List.of(Path.of("a.db"), Path.of("b.db")), o.databases());
        assertTrue(o.pidfile() && o.pidfilePath() == null);
        assertEquals("k.pem", o.privateKey());
        assertEquals("c.pem", o.certificate());
        assertEquals("ca.pem", o.caCert());
        assertEquals(Path.of("/p.pid"), ServerOptions.parse(List.of("--pidfile=/p.pid")).pidfilePath());
        assertThrows(IllegalArgumentException.class, () -> ServerOptions.parse(List.of("--bogus")));
        assertThrows(IllegalArgumentException.class, () -> ServerOptions.parse(List.of("--remote=nope:1")));
        assertThrows(IllegalArgumentException.class, () -> ServerOptions.parse(List.of("--remote")));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> ServerOptions.parse(List.of("--detach")))
                .getMessage().contains("jvs-ovsdb-server script"));
    }
}
