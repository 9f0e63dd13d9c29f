package org.jvswitch.vlog;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;

import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class VlogRateLimiterTest {

    private static final Logger LOG = Vlog.module("rl_test");
    private final AtomicLong now = new AtomicLong(1_000_000);
    private final ListAppender<ILoggingEvent> captured = new ListAppender<>();

    @BeforeEach
    void capture() {
        captured.start();
        ((ch.qos.logback.classic.Logger) LOG).addAppender(captured);
    }

    @AfterEach
    void release() {
        ((ch.qos.logback.classic.Logger) LOG).detachAppender(captured);
        Vlog.reset();
    }

    @Test
    void burstThenRate() {
        // 6 a minute (one per 10 s), bursts of 3
        VlogRateLimiter rl = new VlogRateLimiter(LOG, 6, 3, now::get);
        assertTrue(rl.shouldLog());
        assertTrue(rl.shouldLog());
        assertTrue(rl.shouldLog());
        assertFalse(rl.shouldLog());
        now.addAndGet(5_000);
        assertFalse(rl.shouldLog());
        assertTrue(captured.list.isEmpty());
        now.addAndGet(7_000);
        assertTrue(rl.shouldLog(), "10 s earned a token");
        assertEquals(1, captured.list.size());
        assertEquals("Dropped 2 log messages in last 12 seconds (most recently, 7 seconds ago) "
                + "due to excessive rate", captured.list.get(0).getFormattedMessage());
        assertEquals(VlogLevel.INFO, VlogLevel.of(captured.list.get(0)));
        assertFalse(rl.shouldLog());
        now.addAndGet(3_600_000);
        for (int i = 0; i < 3; i++) {
            assertTrue(rl.shouldLog(), "the bucket refills to the burst, no more");
        }
        assertFalse(rl.shouldLog());
    }

    @Test
    void disabledRateLimitLetsEverythingThrough() throws Exception {
        VlogRateLimiter rl = new VlogRateLimiter(LOG, 1, 1, now::get);
        assertTrue(rl.shouldLog());
        assertFalse(rl.shouldLog());
        Vlog.setRateLimit("rl_test", false);
        assertTrue(rl.shouldLog());
        assertTrue(rl.shouldLog());
        assertEquals(1, captured.list.size(), "the earlier drop is still reported");
    }
}
