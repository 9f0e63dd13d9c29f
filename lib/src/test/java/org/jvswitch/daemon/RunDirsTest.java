package org.jvswitch.daemon;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

class RunDirsTest {

    @Test
    void ovsDefaults() {
        RunDirs d = RunDirs.from(Map.of());
        assertEquals(Path.of("/var/run/openvswitch"), d.rundir());
        assertEquals(Path.of("/etc/openvswitch"), d.dbdir());
        assertEquals(Path.of("/var/log/openvswitch"), d.logdir());
        assertEquals(Path.of("/etc"), d.sysconfdir());
        assertEquals(Path.of("/var/run/openvswitch/ovs-vswitchd.pid"), d.pidfile("ovs-vswitchd"));
        assertEquals(Path.of("/var/run/openvswitch/ovs-vswitchd.123.ctl"), d.unixctlSocket("ovs-vswitchd", 123));
        assertEquals(Path.of("/var/log/openvswitch/ovsdb-server.log"), d.logFile("ovsdb-server"));
    }

    @Test
    void environmentOverrides() {
        RunDirs d = RunDirs.from(Map.of("OVS_RUNDIR", "/r", "OVS_LOGDIR", "/l", "OVS_SYSCONFDIR", "/s",
                "OVS_DBDIR", ""));
        assertEquals(Path.of("/r"), d.rundir());
        assertEquals(Path.of("/l"), d.logdir());
        assertEquals(Path.of("/s"), d.sysconfdir());
        assertEquals(Path.of("/s/openvswitch"), d.dbdir(), "empty OVS_DBDIR counts as unset");
        assertEquals(Path.of("/d"), RunDirs.from(Map.of("OVS_DBDIR", "/d")).dbdir());
    }
}
