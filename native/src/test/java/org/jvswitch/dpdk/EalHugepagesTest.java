package org.jvswitch.dpdk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.junit.jupiter.api.Test;

class EalHugepagesTest {
    @Test
    void noFreeHugepagesIsOneLineWithTheFix() {
        assertEquals("DPDK cannot start: no free hugepages (HugePages_Total=0, HugePages_Free=0); reserve some with"
                + " 'sudo ./jvs setup' (JVS_HUGEPAGES_MB sets how much), or set other_config:dpdk-extra=--no-huge"
                + " (vhost-user ports need hugepages)",
                Eal.hugepageProblem(List.of("x", "--in-memory"), new Hugepages(2048, 0, 0, 0)));
    }

    @Test
    void enoughWhenFreeOrNotNeeded() {
        assertNull(Eal.hugepageProblem(List.of("x"), new Hugepages(2048, 512, 10, 0)));
        assertNull(Eal.hugepageProblem(List.of("x"), new Hugepages(2048, 0, 0, 2)), "1 GiB pages count too");
        assertNull(Eal.hugepageProblem(List.of("x", "--no-huge"), new Hugepages(2048, 0, 0, 0)));
    }

    @Test
    void readsThisHost() {
        Hugepages hp = Hugepages.read();
        assertEquals(hp.free() > 0 || hp.freeGigantic() > 0, hp.available());
    }
}
