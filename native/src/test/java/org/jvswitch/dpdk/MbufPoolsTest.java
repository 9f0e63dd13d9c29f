package org.jvswitch.dpdk;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class MbufPoolsTest {
    @Test
    void bufferSizeFollowsTheMtuLikeOvs() {
        assertEquals(2176, MbufPools.dataRoomForMtu(1500), "MTU 1500 gives DPDK's default 2176-byte buffers");
        assertEquals(2176, MbufPools.dataRoomForMtu(2000 - MbufPools.FRAME_OVERHEAD));
        assertEquals(3200, MbufPools.dataRoomForMtu(2049 - MbufPools.FRAME_OVERHEAD));
        assertEquals(9344, MbufPools.dataRoomForMtu(9000));
    }
}
