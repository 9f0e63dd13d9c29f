package org.jvswitch.tnl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The neighbour cache: OVS's show format, set's errors, aging, request rate limiting. */
class TunnelNeighborsTest {
    private final AtomicLong now = new AtomicLong(1_000_000);
    private final TunnelNeighbors n = new TunnelNeighbors(now::get);

    @Test
    void showSetFlushAsOvs() {
        assertEquals("bad IP address", n.set("br0", "1.2.3", "aa:bb:cc:dd:ee:01"));
        assertEquals("bad MAC address", n.set("br0", "1.2.3.4", "zz"));
        assertEquals(null, n.set("br-phy", "2001:db8::2", "aa:bb:cc:dd:ee:01"));
        assertEquals(null, n.set("br-phy", "10.10.10.2", "aa:bb:cc:dd:ee:ff"));
        n.learn("br0", IpAddrs.parse("1.1.2.92"), 0xf8bc124434b6L);
        assertEquals("""
                IP                                            MAC                 Bridge
                ==========================================================================
                1.1.2.92                                      f8:bc:12:44:34:b6   br0
                10.10.10.2                                    aa:bb:cc:dd:ee:ff   br-phy
                2001:db8::2                                   aa:bb:cc:dd:ee:01   br-phy
                """, n.show());
        assertEquals(0xaabbccddeeffL, n.lookup(IpAddrs.parse("10.10.10.2"), "br-phy"));
        assertEquals(-1, n.lookup(IpAddrs.parse("10.10.10.2"), "br0"), "per bridge");
        n.flush();
        assertEquals(-1, n.lookup(IpAddrs.parse("10.10.10.2"), "br-phy"));
    }

    @Test
    void learnedEntriesAgeSetOnesDoNot() {
        n.learn("br0", IpAddrs.parse("1.1.2.92"), 1);
        n.set("br0", "1.1.2.93", "00:00:00:00:00:02");
        assertEquals(900, n.agingSeconds());
        assertEquals("bad aging value", n.setAging("0"));
        assertEquals(null, n.setAging("60"));
        now.addAndGet(61_000);
        assertEquals(-1, n.lookup(IpAddrs.parse("1.1.2.92"), "br0"));
        assertEquals(2, n.lookup(IpAddrs.parse("1.1.2.93"), "br0"));
        n.learn("br0", IpAddrs.parse("1.1.2.93"), 3);
        assertEquals(2, n.lookup(IpAddrs.parse("1.1.2.93"), "br0"), "snooping does not override tnl/neigh/set");
    }

    @Test
    void requestsAreRateLimitedPerAddress() {
        assertTrue(n.shouldRequest(IpAddrs.parse("10.0.0.1")));
        assertFalse(n.shouldRequest(IpAddrs.parse("10.0.0.1")));
        assertTrue(n.shouldRequest(IpAddrs.parse("10.0.0.2")));
        now.addAndGet(1000);
        assertTrue(n.shouldRequest(IpAddrs.parse("10.0.0.1")));
    }
}
