package org.jvswitch.pmd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class CpuMaskTest {
    @Test
    void masksAndLists() {
        assertEquals(List.of(1, 2), CpuMask.parseMask("pmd-cpu-mask", "0x6"));
        assertEquals(List.of(0, 64), CpuMask.parseMask("pmd-cpu-mask", "10000000000000001"));
        assertEquals(List.of(0, 1, 2, 3, 8), CpuMask.parseList("0-3,8"));
    }

    @Test
    void badMasks() {
        assertThrows(IllegalArgumentException.class, () -> CpuMask.parseMask("pmd-cpu-mask", "0x0"));
        assertThrows(IllegalArgumentException.class, () -> CpuMask.parseMask("pmd-cpu-mask", "cores"));
    }

    @Test
    void pmdCoresAreTheMasksAllowedCores() {
        List<String> warnings = new java.util.ArrayList<>();
        assertEquals(List.of(2), CpuMask.pmdCores(null, "2-5", warnings::add), "no mask: the first allowed CPU");
        assertEquals(List.of(1, 3), CpuMask.pmdCores("0xb", "1-3", warnings::add));
        assertEquals(1, warnings.size(), "core 0 left out, and said");
        assertThrows(IllegalArgumentException.class, () -> CpuMask.pmdCores("0x10", "0-3", warnings::add));
        assertThrows(IllegalArgumentException.class, () -> CpuMask.pmdCores("zz", "0-3", warnings::add));
    }

    @Test
    void maxSleep() {
        assertEquals(0, PmdIdle.parseMaxSleep(null));
        assertEquals(500, PmdIdle.parseMaxSleep("500"));
        assertEquals(PmdIdle.MAX_SLEEP_US, PmdIdle.parseMaxSleep("99999"));
        assertThrows(IllegalArgumentException.class, () -> PmdIdle.parseMaxSleep("-1"));
    }
}
