package org.jvswitch.dpdk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

class MbufPoolsTest {
    @Test
    void bufferSizeFollowsTheMtuLikeOvs() {
        assertEquals(2176, MbufPools.dataRoomForMtu(1500), "MTU 1500 gives DPDK's default 2176-byte buffers");
        assertEquals(2176, MbufPools.dataRoomForMtu(2000 - MbufPools.FRAME_OVERHEAD));
        assertEquals(3200, MbufPools.dataRoomForMtu(2049 - MbufPools.FRAME_OVERHEAD));
        assertEquals(9344, MbufPools.dataRoomForMtu(9000));
    }

    @Test
    void poolSizeDefaultsToOvssSharedPoolAndIsConfigurable() {
        assertEquals(262143, MbufPools.initialMbufs(Map.of()));
        assertEquals(16383, MbufPools.initialMbufs(Map.of("dpdk-mbufs", "16383")));
        for (String bad : new String[] {"lots", "-1", "100", "99999999999"}) {
            var e = assertThrows(IllegalArgumentException.class,
                    () -> MbufPools.initialMbufs(Map.of("dpdk-mbufs", bad)));
            assertTrue(e.getMessage().contains("other_config:dpdk-mbufs '" + bad + "'"), e.getMessage());
        }
    }
}
