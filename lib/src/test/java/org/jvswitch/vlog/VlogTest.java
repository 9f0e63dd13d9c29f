package org.jvswitch.vlog;

import ch.qos.logback.classic.LoggerContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.jvswitch.testing.TempRunDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class VlogTest {

    private static final Logger LOG = Vlog.module("vlog_test");

    @AfterEach
    void reset() {
        Vlog.reset();
    }

    @Test
    void listShowsOvsTable() throws Exception {
        Vlog.declareModules("bridge", "netdev_dpdk");
        Vlog.set("netdev_dpdk:console:off");
        Vlog.set("bridge:syslog:err");
        Vlog.setRateLimit("bridge", false);
        String list = Vlog.listLevels();
        List<String> lines = list.lines().toList();
        assertEquals("                 console    syslog    file", lines.get(0));
        assertEquals("                 -------    ------    ------", lines.get(1));
        assertTrue(lines.contains("bridge            INFO        ERR       INFO    (rate limiting disabled)"), list);
        assertTrue(lines.contains("netdev_dpdk        OFF       INFO       INFO"), list);
        assertTrue(lines.contains("vlog_test         INFO       INFO       INFO"), list);
        List<String> body = lines.subList(2, lines.size());
        assertEquals(body.stream().sorted().toList(), body, "sorted");
        assertTrue(list.endsWith("\n"));
    }

    @Test
    void settingsWithoutModuleApplyToModulesRegisteredLater() throws Exception {
        Vlog.set("any:file:dbg");
        Vlog.declareModules("late_module");
        assertEquals(VlogLevel.DBG, Vlog.level("late_module", VlogDestination.FILE));
        assertEquals(VlogLevel.INFO, Vlog.level("late_module", VlogDestination.CONSOLE));
    }

    @Test
    void unknownModuleIsAnError() {
        assertEquals("no destination, level, or module \"no_such_module\"",
                assertThrows(VlogSpecException.class, () -> Vlog.set("no_such_module:dbg")).getMessage());
        assertEquals("unknown module",
                assertThrows(VlogSpecException.class, () -> Vlog.setRateLimit("no_such_module", true)).getMessage());
    }

    @Test
    void patternsListedAndSet() throws Exception {
        String list = Vlog.listPatterns();
        assertEquals("""
                         prefix                            format
                         ------                            ------
                console  none                              %D{%Y-%m-%dT%H:%M:%SZ}|%05N|%c%T|%p|%m
                syslog   none                              ovs|%05N|%c%T|%p|%m
                file     none                              %D{%Y-%m-%dT%H:%M:%S.###Z}|%05N|%c%T|%p|%m
                """, list);
        Vlog.set("PATTERN:file:%c:%m");
        assertEquals("%c:%m", Vlog.pattern(VlogDestination.FILE));
    }

    @Test
    void loggerLevelFollowsTheDestinationsInUse() throws Exception {
        assertFalse(LOG.isDebugEnabled(), "info by default");
        Vlog.set("vlog_test:file:dbg");
        assertFalse(LOG.isDebugEnabled(), "no log file open: file level does not count");
        try (TempRunDir dir = TempRunDir.create()) {
            Vlog.openLogFile(dir.resolve("test.log"));
            assertTrue(LOG.isDebugEnabled());
            Vlog.closeLogFile();
            assertFalse(LOG.isDebugEnabled());
        }
        Vlog.set("vlog_test:console:off");
        Vlog.set("vlog_test:file:off");
        assertFalse(LOG.isErrorEnabled(), "all destinations off: statements cost nothing");
    }

    @Test
    void fileLoggingReopenAndClose() throws Exception {
        try (TempRunDir dir = TempRunDir.create()) {
            Path log = dir.resolve("logs/test.log");
            Vlog.openLogFile(log);
            Vlog.set("vlog_test:file:dbg");
            LOG.debug("first {}", 1);
            LOG.error(Vlog.EMER, "the end is near");
            LoggerFactory.getLogger("io.example.Library").info("library chatter");
            LoggerFactory.getLogger("io.example.Library").warn("library warning");

            List<String> lines = Files.readAllLines(log);
            assertEquals(3, lines.size(), lines.toString());
            String t = "\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z\\|\\d{5}\\|";
            assertTrue(lines.get(0).matches(t + "vlog_test(\\(.+\\))?\\|DBG\\|first 1"), lines.get(0));
            assertTrue(lines.get(1).matches(t + "vlog_test(\\(.+\\))?\\|EMER\\|the end is near"), lines.get(1));
            assertTrue(lines.get(2).matches(t + "io\\.example\\.Library(\\(.+\\))?\\|WARN\\|library warning"),
                    lines.get(2));
            long n0 = Long.parseLong(lines.get(0).split("\\|")[1]);
            long n1 = Long.parseLong(lines.get(1).split("\\|")[1]);
            assertTrue(n1 > n0, "sequence numbers increase");

            // logrotate: move the file away, then reopen
            Path rotated = dir.resolve("logs/test.log.1");
            Files.move(log, rotated);
            LOG.info("still old file");
            Vlog.reopenLogFile();
            LOG.info("new file");
            assertEquals(4, Files.readAllLines(rotated).size());
            assertEquals(1, Files.readAllLines(log).size());

            Vlog.closeLogFile();
            LOG.info("not logged to file");
            assertEquals(1, Files.readAllLines(log).size());
            assertEquals(log, Vlog.logFile().orElseThrow());
            Vlog.reopenLogFile();
            LOG.info("after reopen");
            assertEquals(2, Files.readAllLines(log).size());
            Vlog.closeLogFile();
        }
    }

    @Test
    void reopenWithoutFileIsAnError() {
        assertEquals("Logging to file not configured",
                assertThrows(IllegalStateException.class, Vlog::reopenLogFile).getMessage());
    }

    @Test
    void vlogOwnsLogback() {
        var root = ((LoggerContext) LoggerFactory.getILoggerFactory()).getLogger(Logger.ROOT_LOGGER_NAME);
        List<String> names = new java.util.ArrayList<>();
        root.iteratorForAppenders().forEachRemaining(a -> names.add(a.getName()));
        assertEquals(List.of("vlog-console"), names);
    }
}
