package org.jvswitch.tnl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The route table: OVS's commands and output, longest-prefix lookups, the kernel's tables read. */
class OvsRouterTest {
    private final OvsRouter router = new OvsRouter();

    private static OvsRouter.DeviceAddress addr(String ip, int plen) {
        return new OvsRouter.DeviceAddress(IpAddrs.parse(ip), plen);
    }

    @Test
    void addressesGiveConnectedAndLocalRoutesAndUserRoutesNeedASource() {
        AtomicInteger changes = new AtomicInteger();
        router.setListener(changes::incrementAndGet);
        router.setDeviceAddresses("br0", List.of(addr("2.2.2.2", 24), addr("2001:db8:cafe::1", 64)));
        assertEquals(null, router.add("2.2.2.3/32", "br0", null, 1));
        assertEquals(null, router.add("1.1.1.0/24", "br0", "2.2.2.10", 0));
        assertEquals(null, router.add("1.1.2.0/24", "br0", "2.2.2.10", 2));
        assertEquals("Error while inserting route.", router.add("1.1.3.0/24", "br0", null, 3));
        assertEquals("Invalid parameters", router.add("1.1.foo.bar/24", "br0", "2.2.2.10", 0));
        assertEquals(null, router.add("2001:db8:babe::/64", "br0", "2001:db8:cafe::2", 0));
        assertEquals("""
                Route Table:
                Cached: 2.2.2.2/32 dev br0 SRC 2.2.2.2 local
                Cached: 2001:db8:cafe::1/128 dev br0 SRC 2001:db8:cafe::1 local
                User: 2.2.2.3/32 MARK 1 dev br0 SRC 2.2.2.2
                Cached: 2.2.2.0/24 dev br0 SRC 2.2.2.2
                User: 1.1.1.0/24 dev br0 GW 2.2.2.10 SRC 2.2.2.2
                User: 1.1.2.0/24 MARK 2 dev br0 GW 2.2.2.10 SRC 2.2.2.2
                Cached: 2001:db8:cafe::/64 dev br0 SRC 2001:db8:cafe::1
                User: 2001:db8:babe::/64 dev br0 GW 2001:db8:cafe::2 SRC 2001:db8:cafe::1
                """, router.show());
        OvsRouter.Route r = router.lookup(IpAddrs.parse("1.1.1.7"), 0);
        assertEquals("br0", r.dev());
        assertEquals(IpAddrs.parse("2.2.2.10"), r.gw());
        assertNull(router.lookup(IpAddrs.parse("1.1.2.7"), 0), "that route has a mark");
        assertEquals(IpAddrs.parse("2.2.2.10"), router.lookup(IpAddrs.parse("1.1.2.7"), 2).gw());
        assertTrue(router.lookup(IpAddrs.parse("2.2.2.2"), 0).local());
        assertNull(router.lookup(IpAddrs.parse("9.9.9.9"), 0));
        assertEquals(IpAddrs.parse("2001:db8:cafe::2"), router.lookup(IpAddrs.parse("2001:db8:babe::1eaf"), 0).gw());
        assertTrue(router.delete("1.1.1.0/24", 0));
        assertFalse(router.delete("1.1.1.0/24", 0));
        assertFalse(router.delete("2.2.2.0/24", 0), "cached routes are the kernel's");
        assertTrue(router.isLocalAddress("br0", IpAddrs.parse("2.2.2.2")));
        assertFalse(router.isLocalAddress("br0", IpAddrs.parse("2.2.2.3")));
        assertTrue(changes.get() >= 6);
    }

    @Test
    void longestPrefixWinsAndAUserRouteReplacesTheCachedOne() {
        router.setDeviceAddresses("br-phy", List.of(addr("10.10.10.1", 24)));
        assertEquals(null, router.add("0.0.0.0/0", "br-phy", "10.10.10.254", 0));
        assertNull(router.lookup(IpAddrs.parse("10.10.10.2"), 0).gw(), "on-link beats the default route");
        assertEquals(IpAddrs.parse("10.10.10.254"), router.lookup(IpAddrs.parse("8.8.8.8"), 0).gw());
        assertEquals(null, router.add("10.10.10.0/24", "br-phy", "10.10.10.253", 0));
        assertEquals(IpAddrs.parse("10.10.10.253"), router.lookup(IpAddrs.parse("10.10.10.2"), 0).gw());
        assertFalse(router.show().contains("Cached: 10.10.10.0/24"));
    }

    @Test
    void kernelTablesAsIpJsonGivesThem() throws Exception {
        ObjectMapper json = new ObjectMapper();
        var addrs = json.readTree("""
                [{"ifname":"lo","addr_info":[]},{"ifname":"br-phy","addr_info":[
                 {"family":"inet","local":"10.10.10.1","prefixlen":24},
                 {"family":"inet6","local":"2001:db8::1","prefixlen":64},
                 {"family":"inet6","local":"fe80::5495:cbff:fe06:e24a","prefixlen":64}]}]""");
        var v4 = json.readTree("""
                [{"dst":"10.10.10.0/24","dev":"br-phy","protocol":"kernel","scope":"link","prefsrc":"10.10.10.1"},
                 {"type":"local","dst":"10.10.10.1","dev":"br-phy","table":"local","prefsrc":"10.10.10.1"},
                 {"type":"broadcast","dst":"10.10.10.255","dev":"br-phy","table":"local","prefsrc":"10.10.10.1"},
                 {"dst":"default","gateway":"10.10.10.254","dev":"br-phy"}]""");
        var v6 = json.readTree("""
                [{"dst":"2001:db8::/64","dev":"br-phy","protocol":"kernel","metric":256},
                 {"dst":"fe80::/64","dev":"br-phy","protocol":"kernel","metric":256},
                 {"type":"local","dst":"2001:db8::1","dev":"br-phy","table":"local"},
                 {"type":"multicast","dst":"ff00::/8","dev":"br-phy","table":"local"}]""");
        Map<String, List<OvsRouter.DeviceAddress>> devices = SystemRoutes.parseAddresses(addrs);
        List<OvsRouter.Route> routes = new java.util.ArrayList<>(SystemRoutes.parseRoutes(v4, devices, true));
        routes.addAll(SystemRoutes.parseRoutes(v6, devices, false));
        router.setSystem(routes, devices);
        assertEquals("""
                Route Table:
                Cached: 10.10.10.1/32 dev br-phy SRC 10.10.10.1 local
                Cached: 2001:db8::1/128 dev br-phy SRC 2001:db8::1 local
                Cached: 10.10.10.0/24 dev br-phy SRC 10.10.10.1
                Cached: 0.0.0.0/0 dev br-phy GW 10.10.10.254 SRC 10.10.10.1
                Cached: 2001:db8::/64 dev br-phy SRC 2001:db8::1
                Cached: fe80::/64 dev br-phy SRC fe80::5495:cbff:fe06:e24a
                """, router.show());
        assertTrue(router.isLocalAddress("br-phy", IpAddrs.parse("2001:db8::1")));
    }
}
