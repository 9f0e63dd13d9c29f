package org.jvswitch.dpdk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class EtherAddrTest {
    @Test
    void roundTrips() {
        assertEquals("0a:00:27:00:00:01", EtherAddr.format(0x0a0027000001L));
        assertEquals(0x0a0027000001L, EtherAddr.parse("0a:00:27:00:00:01"));
        assertEquals(0xffffffffffffL, EtherAddr.parse("FF:ff:ff:ff:ff:ff"));
    }

    @Test
    void rejectsGarbage() {
        assertThrows(IllegalArgumentException.class, () -> EtherAddr.parse("0a:00:27:00:00"));
        assertThrows(IllegalArgumentException.class, () -> EtherAddr.parse("0a:00:27:00:00:zz"));
        assertThrows(IllegalArgumentException.class, () -> EtherAddr.parse("0a:00:27:00:00:123"));
    }

    @Test
    void multicastBit() {
        assertTrue(EtherAddr.isMulticast(0x01005e000001L));
        assertFalse(EtherAddr.isMulticast(0x0a0027000001L));
    }
}
