package org.jvswitch.coverage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Counters fed by totals kept elsewhere (the datapath's per-PMD counters). */
class CoverageSourceTest {

    @Test
    void sourcesAddToTheTotalAndKeepTheirCountWhenClosed() {
        String name = "test_source_" + System.nanoTime();
        CoverageCounter c = Coverage.counter(name);
        c.add(2);
        AtomicLong elsewhere = new AtomicLong(10);
        Coverage.Source s = Coverage.addSource(name, elsewhere::get);
        assertEquals(12, c.total());
        elsewhere.set(15);
        assertEquals(17, c.total());
        s.close();
        elsewhere.set(1000);
        assertEquals(17, c.total(), "its last value kept, no longer read");
        s.close();
        assertEquals(17, c.total(), "closing twice changes nothing");
        assertTrue(Coverage.registry().show().contains(name));
    }
}
