package org.jvswitch.pmd;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PmdHistogramTest {

    @Test
    void samplesLandInTheFirstBinWhoseWallHoldsThem() {
        PmdHistogram h = PmdHistogram.of(10, 100, 1000);
        h.record(0);
        h.record(10);
        h.record(11);
        h.record(1000);
        h.record(5000);
        assertArrayEquals(new long[] {2, 1, 1, 1, 0 + 10 + 11 + 1000 + 5000}, h.snapshot());
        assertEquals(Long.MAX_VALUE, h.walls()[3]);
    }

    @Test
    void ovsShapedWalls() {
        PmdHistogram lin = PmdHistogram.linear(0, 32);
        assertEquals(PmdHistogram.BINS, lin.bins());
        long[] w = lin.walls();
        assertEquals(0, w[0]);
        assertEquals(1, w[1]);
        assertEquals(32, w[30]);
        PmdHistogram log = PmdHistogram.log(500, 24_000_000);
        w = log.walls();
        assertEquals(500, w[0]);
        assertEquals(24_000_000, w[30]);
        for (int i = 1; i < w.length; i++) {
            assertTrue(w[i] > w[i - 1]);
        }
        w = PmdHistogram.log(0, 1000).walls();
        assertEquals(0, w[0]);
        assertEquals(1, w[1]);
        assertEquals(1000, w[30]);
    }
}
