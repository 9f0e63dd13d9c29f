package org.jvswitch.vlog;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.LoggingEvent;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class VlogPatternTest {

    /** 2024-03-05T07:08:09.045Z */
    private static final long TIME = Instant.parse("2024-03-05T07:08:09.045Z").toEpochMilli();

    private static LoggingEvent event(String module, Level level, String thread, long seq, String msg) {
        LoggingEvent e = new LoggingEvent();
        e.setLoggerName(module);
        e.setLevel(level);
        e.setThreadName(thread);
        e.setSequenceNumber(seq);
        e.setTimeStamp(TIME);
        e.setMessage(msg);
        return e;
    }

    private static String format(String pattern, LoggingEvent e) {
        return VlogPattern.parse(pattern).format(e);
    }

    @Test
    void ovsDefaultPatterns() {
        LoggingEvent e = event("bridge", Level.INFO, "main", 42, "bridge br0: added");
        assertEquals("2024-03-05T07:08:09.045Z|00042|bridge|INFO|bridge br0: added",
                format(VlogDestination.FILE.defaultPattern(), e));
        assertEquals("2024-03-05T07:08:09Z|00042|bridge|INFO|bridge br0: added",
                format(VlogDestination.CONSOLE.defaultPattern(), e));
        assertEquals("ovs|00042|bridge|INFO|bridge br0: added",
                format(VlogDestination.SYSLOG.defaultPattern(), e));
    }

    @Test
    void threadOtherThanMainIsShownInParentheses() {
        LoggingEvent e = event("dpif_netdev", Level.WARN, "pmd-c03/id:8", 7, "x");
        assertEquals("dpif_netdev(pmd-c03/id:8)|WARN|pmd-c03/id:8", format("%c%T|%p|%t", e));
    }

    @Test
    void levels() {
        assertEquals("DBG", format("%p", event("m", Level.DEBUG, "main", 1, "")));
        assertEquals("DBG", format("%p", event("m", Level.TRACE, "main", 1, "")));
        assertEquals("ERR", format("%p", event("m", Level.ERROR, "main", 1, "")));
        LoggingEvent emer = event("m", Level.ERROR, "main", 1, "");
        emer.addMarker(Vlog.EMER);
        assertEquals("EMER", format("%p", emer));
        // daemon (3) * 8 + LOG_ALERT (1), as OVS sends EMER
        assertEquals("25", format("%B", emer));
        assertEquals("29", format("%B", event("m", Level.INFO, "main", 1, "")));
    }

    @Test
    void widthsAndFlags() {
        LoggingEvent e = event("ofproto", Level.INFO, "main", 5, "m");
        assertEquals("[ofproto   ]", format("[%-10c]", e));
        assertEquals("[   ofproto]", format("[%10c]", e));
        assertEquals("[0000000005]", format("[%010N]", e));
        assertEquals("[5]", format("[%N]", e));
        assertEquals("[ofproto]", format("[%3c]", e));
        assertEquals("100% m %q", format("100%% %m %q", e));
        assertEquals("tail %-0", format("tail %-0", e));
        assertEquals("a\nb", format("a%nb", e));
    }

    @Test
    void timesAndProcess() {
        LoggingEvent e = event("m", Level.INFO, "main", 1, "");
        assertEquals("2024-03-05 07:08:09.045", format("%D", e));
        assertEquals("Tue Mar  5 07:08:09 2024 +0000 UTC 065 1709622489 .0450",
                format("%D{%a %b %e %T %Y %z %Z %j %s .####}", e));
        assertEquals("03/05/24 07 AM 2024-03-05 07:08", format("%D{%D %I %p %F %R}", e));
        assertEquals(String.valueOf(ProcessHandle.current().pid()), format("%P", e));
        assertEquals(Vlog.programName(), format("%A", e));
        assertTrue(!format("%E", e).isEmpty());
        // %d is local time: same instant, so only the layout is checked here
        assertTrue(format("%d{%Y-%m-%d %H:%M:%S.###}", e).matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d\\.045"));
    }

    @Test
    void layoutAddsNewlineAndStackTraceForLines() {
        VlogPatternLayout line = new VlogPatternLayout("%c|%m", true);
        VlogPatternLayout datagram = new VlogPatternLayout("%c|%m", false);
        LoggingEvent e = event("m", Level.INFO, "main", 1, "hi");
        assertEquals("m|hi\n", line.doLayout(e));
        assertEquals("m|hi", datagram.doLayout(e));
        e.setThrowableProxy(new ch.qos.logback.classic.spi.ThrowableProxy(new IllegalStateException("boom")));
        String withTrace = line.doLayout(e);
        assertTrue(withTrace.startsWith("m|hi\njava.lang.IllegalStateException: boom\n"), withTrace);
        line.setPattern("%p %m");
        assertEquals("%p %m", line.pattern());
    }
}
