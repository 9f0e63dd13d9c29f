package org.jvswitch.vswitchd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class VswitchdOptionsTest {
    @Test
    void ovsVswitchdOptions() {
        VswitchdOptions o = VswitchdOptions.parse(List.of("unix:/run/db.sock", "--pidfile", "--no-chdir",
                "--other-config=dpdk-init=true", "--other-config", "pmd-cpu-mask=0x2", "--unixctl=/tmp/x.ctl"));
        assertEquals("unix:/run/db.sock", o.database());
        assertTrue(o.pidfile());
        assertEquals(Map.of("dpdk-init", "true", "pmd-cpu-mask", "0x2"), o.otherConfig());
        assertEquals(Path.of("/tmp/x.ctl"), o.unixctlPath());
        assertEquals(Path.of("/tmp/p.pid"), VswitchdOptions.parse(List.of("--pidfile=/tmp/p.pid")).pidfilePath());
    }

    @Test
    void badOptionsSayWhat() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> VswitchdOptions.parse(List.of("--frobnicate")))
                .getMessage().contains("unrecognized option '--frobnicate'"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> VswitchdOptions.parse(List.of("--other-config=novalue"))).getMessage().contains("KEY=VALUE"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> VswitchdOptions.parse(List.of("a", "b")))
                .getMessage().contains("at most one"));
    }
}
