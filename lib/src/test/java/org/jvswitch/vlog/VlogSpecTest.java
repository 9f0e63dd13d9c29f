package org.jvswitch.vlog;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.function.UnaryOperator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class VlogSpecTest {

    private static final UnaryOperator<String> MODULES = w -> List.of("bridge", "netdev_dpdk").stream()
            .filter(m -> m.equalsIgnoreCase(w)).findFirst().orElse(null);

    private static VlogSpec parse(String s) throws VlogSpecException {
        return VlogSpec.parse(s, MODULES);
    }

    private static String error(String s) {
        return assertThrows(VlogSpecException.class, () -> parse(s)).getMessage();
    }

    @Test
    void levelsInAnyOrderWithAnySeparator() throws Exception {
        assertEquals(new VlogSpec.Levels("bridge", VlogDestination.FILE, VlogLevel.DBG), parse("bridge:file:dbg"));
        assertEquals(new VlogSpec.Levels("bridge", VlogDestination.FILE, VlogLevel.DBG), parse("dbg,file bridge"));
        assertEquals(new VlogSpec.Levels("netdev_dpdk", VlogDestination.CONSOLE, VlogLevel.OFF),
                parse("NETDEV_DPDK:Console:OFF"));
        assertEquals(new VlogSpec.Levels(null, VlogDestination.SYSLOG, VlogLevel.ERR), parse("syslog:err"));
    }

    @Test
    void missingPartsMeanAllAndDbg() throws Exception {
        assertEquals(new VlogSpec.Levels(null, VlogDestination.FILE, VlogLevel.DBG), parse("any:file:dbg"));
        assertEquals(new VlogSpec.Levels(null, null, VlogLevel.INFO), parse("info"));
        assertEquals(new VlogSpec.Levels("bridge", null, VlogLevel.DBG), parse("bridge"));
        assertEquals(new VlogSpec.Levels(null, null, VlogLevel.DBG), parse(""));
        assertEquals(new VlogSpec.Levels(null, null, VlogLevel.WARN), parse("any:any:warn"));
    }

    @Test
    void patternKeepsItsColons() throws Exception {
        assertEquals(new VlogSpec.Pattern(VlogDestination.CONSOLE, "%D{%H:%M:%S}|%c|%m"),
                parse("PATTERN:console:%D{%H:%M:%S}|%c|%m"));
        assertEquals(new VlogSpec.Pattern(null, "%m"), parse("pattern:any:%m"));
        assertEquals("missing destination", error("PATTERN"));
        assertEquals("unknown destination \"disk\"", error("PATTERN:disk:%m"));
    }

    @Test
    void facility() throws Exception {
        assertEquals(new VlogSpec.Facility(16), parse("FACILITY:local0"));
        assertEquals(new VlogSpec.Facility(3), parse("facility:daemon"));
        assertEquals("invalid facility", error("FACILITY:nope"));
    }

    @Test
    void errorsAreOvss() {
        assertEquals("no destination, level, or module \"bogus\"", error("bogus:file:dbg"));
        assertEquals("cannot specify multiple destinations", error("file:console"));
        assertEquals("cannot specify multiple levels", error("dbg:info"));
        assertEquals("cannot specify multiple modules", error("bridge:netdev_dpdk"));
    }
}
