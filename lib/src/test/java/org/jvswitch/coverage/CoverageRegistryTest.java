package org.jvswitch.coverage;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CoverageRegistryTest {

    private static final long SECOND = 1_000_000_000L;

    @Test
    void countersAreSharedByName() {
        CoverageRegistry r = new CoverageRegistry();
        assertSame(r.counter("a"), r.counter("a"));
        r.counter("a").inc();
        r.counter("a").add(4);
        assertEquals(5, r.counter("a").total());
    }

    @Test
    void ratesOverFiveSecondsMinuteAndHour() {
        CoverageRegistry r = new CoverageRegistry();
        CoverageCounter c = r.counter("flow_mod");
        long t = 0;
        r.sample(t);
        // 10 events a second for two minutes
        for (int s = 0; s < 120; s++) {
            c.add(10);
            t += SECOND;
            r.sample(t);
        }
        assertEquals(10.0, r.rate5s(c), 1e-9);
        assertEquals(10.0, r.rateMinute(c), 1e-9);
        assertEquals(2 * 600 / 3600.0, r.rateHour(c), 1e-9, "two whole minutes of 600");
        // then silence for 5 seconds: the 5 s rate drops to 0, the minute rate to 55/60 of it
        for (int s = 0; s < 5; s++) {
            t += SECOND;
            r.sample(t);
        }
        assertEquals(0.0, r.rate5s(c), 1e-9);
        assertEquals(550 / 60.0, r.rateMinute(c), 1e-9);
    }

    @Test
    void extraOrLateSamplesDoNotSkewRates() {
        CoverageRegistry r = new CoverageRegistry();
        CoverageCounter c = r.counter("x");
        r.sample(0);
        c.add(50);
        r.sample(SECOND / 2);  // less than a second: nothing recorded yet
        r.sample(SECOND);
        r.sample(SECOND + 1);  // a second sampler in the same second: no-op
        assertEquals(10.0, r.rate5s(c), 1e-9);
        c.add(30);
        r.sample(4 * SECOND + SECOND / 3);  // three seconds late
        assertEquals(16.0, r.rate5s(c), 1e-9);
        r.sample(10_000 * SECOND);  // a stall longer than the history
        assertEquals(0.0, r.rate5s(c), 1e-9);
        assertEquals(0.0, r.rateHour(c), 1e-9);
        assertEquals(80, c.total());
    }

    @Test
    void showPrintsOvsFormat() {
        CoverageRegistry r = new CoverageRegistry();
        r.counter("never_hit_1");
        r.counter("never_hit_2");
        CoverageCounter b = r.counter("bridge_reconfigure");
        CoverageCounter a = r.counter("a_counter");
        r.sample(0);
        b.add(5);
        a.inc();
        r.sample(SECOND);
        List<String> lines = r.show().lines().toList();
        assertTrue(lines.get(0).matches(
                "Event coverage, avg rate over last: 5 seconds, last minute, last hour,  hash=[0-9a-f]{8}:"),
                lines.get(0));
        assertEquals("a_counter                  0.2/sec     0.017/sec     0.0000/sec   total: 1", lines.get(1));
        assertEquals("bridge_reconfigure         1.0/sec     0.083/sec     0.0000/sec   total: 5", lines.get(2));
        assertEquals("2 events never hit", lines.get(3));
        assertEquals(4, lines.size());

        String before = lines.get(0);
        b.inc();
        assertNotEquals(before, r.show().lines().findFirst().orElseThrow(), "hash follows the totals");
    }

    @Test
    void incrementIsThreadSafe() throws Exception {
        CoverageRegistry r = new CoverageRegistry();
        CoverageCounter c = r.counter("mt");
        AtomicLong done = new AtomicLong();
        Thread[] threads = new Thread[4];
        for (int i = 0; i < threads.length; i++) {
            threads[i] = Thread.ofPlatform().start(() -> {
                for (int k = 0; k < 100_000; k++) {
                    c.inc();
                }
                done.incrementAndGet();
            });
        }
        for (Thread t : threads) {
            t.join();
        }
        assertEquals(400_000, c.total());
    }
}
