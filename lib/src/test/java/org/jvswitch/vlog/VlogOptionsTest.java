package org.jvswitch.vlog;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.jvswitch.daemon.RunDirs;
import org.jvswitch.testing.TempRunDir;

import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class VlogOptionsTest {

    private static final RunDirs DIRS = RunDirs.from(Map.of("OVS_LOGDIR", "/tmp/logs"));

    @AfterEach
    void reset() {
        Vlog.reset();
    }

    @Test
    void takesLoggingOptionsAndLeavesTheRest() {
        VlogOptions o = VlogOptions.parse("ovs-vswitchd", DIRS, "unix:/run/db.sock", "-vconsole:emer",
                "--pidfile", "-vsyslog:err", "--verbose=file:info", "-v", "--verbose", "--log-file",
                "--detach", "--", "-vnot-mine");
        assertEquals(List.of("console:emer", "syslog:err", "file:info", "", ""), o.specs());
        assertEquals(Path.of("/tmp/logs/ovs-vswitchd.log"), o.logFile().orElseThrow());
        assertEquals(List.of("unix:/run/db.sock", "--pidfile", "--detach", "--", "-vnot-mine"), o.remainingArgs());
        assertTrue(o.syslogTarget().isEmpty());
    }

    @Test
    void defaultLogDirIsOvss() {
        VlogOptions o = VlogOptions.parse("ovsdb-server", RunDirs.from(Map.of()), "--log-file");
        assertEquals(Path.of("/var/log/openvswitch/ovsdb-server.log"), o.logFile().orElseThrow());
    }

    @Test
    void explicitLogFileAndSyslogTarget() {
        VlogOptions o = VlogOptions.parse("p", DIRS, "--log-file=/x/y.log", "--syslog-target=192.0.2.1:514");
        assertEquals(Path.of("/x/y.log"), o.logFile().orElseThrow());
        InetSocketAddress t = o.syslogTarget().orElseThrow();
        assertEquals("192.0.2.1", t.getHostString());
        assertEquals(514, t.getPort());
        o = VlogOptions.parse("p", DIRS, "--syslog-target", "[::1]:5514");
        assertEquals("::1", o.syslogTarget().orElseThrow().getHostString());
        assertThrows(IllegalArgumentException.class, () -> VlogOptions.parse("p", DIRS, "--syslog-target=nohost"));
        assertThrows(IllegalArgumentException.class, () -> VlogOptions.parse("p", DIRS, "--syslog-target=h:0"));
        assertThrows(IllegalArgumentException.class, () -> VlogOptions.parse("p", DIRS, "--syslog-target"));
    }

    @Test
    void applyConfiguresVlog() throws Exception {
        Vlog.declareModules("options_test");
        try (TempRunDir dir = TempRunDir.create()) {
            Path log = dir.resolve("d.log");
            VlogOptions.parse("test-daemon", DIRS, "-vconsole:emer", "-voptions_test:file:dbg",
                    "--log-file=" + log).apply();
            assertEquals("test-daemon", Vlog.programName());
            assertEquals(VlogLevel.EMER, Vlog.level("options_test", VlogDestination.CONSOLE));
            assertEquals(VlogLevel.DBG, Vlog.level("options_test", VlogDestination.FILE));
            Vlog.module("options_test").debug("to the file");
            assertTrue(Files.readString(log).contains("|options_test|DBG|to the file"));
            Vlog.closeSyslog();
            Vlog.setProgramName("jvswitch");
        }
    }

    @Test
    void applyRejectsBadSpecs() {
        VlogSpecException e = assertThrows(VlogSpecException.class,
                () -> VlogOptions.parse("p", DIRS, "-vconsole:dgb").apply());
        assertEquals("no destination, level, or module \"dgb\"", e.getMessage());
    }
}
