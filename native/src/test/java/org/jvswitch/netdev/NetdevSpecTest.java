package org.jvswitch.netdev;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NetdevSpecTest {
    private static final Path SOCKS = Path.of("/var/run/openvswitch");

    @Test
    void dpdkTakesItsDevargs() {
        NetdevSpec s = NetdevSpec.of("p0", "dpdk", Map.of("dpdk-devargs", "net_null0,size=64", "n_rxq", "2"), 0, SOCKS);
        assertEquals("net_null0,size=64", s.devargs());
        assertEquals("net_null0", s.deviceName());
        assertEquals(2, s.rxQueues());
        assertEquals(1500, s.mtu());
        assertEquals(2048, s.rxDescriptors());
    }

    @Test
    void eachKindMapsToItsVdev() {
        assertEquals("net_vhost_vhu0,iface=/var/run/openvswitch/vhu0,queues=1,client=0",
                NetdevSpec.of("vhu0", "dpdkvhostuser", Map.of(), 0, SOCKS).devargs());
        assertEquals("net_vhost_vhc0,iface=/tmp/s.sock,queues=1,client=1",
                NetdevSpec.of("vhc0", "dpdkvhostuserclient", Map.of("vhost-server-path", "/tmp/s.sock"), 0, SOCKS)
                        .devargs());
        assertEquals("net_tap_br0,iface=br0", NetdevSpec.of("br0", "internal", Map.of(), 0, SOCKS).devargs());
        assertEquals("net_af_packet_a1.1,iface=a1.1,qpairs=1", NetdevSpec.of("a1.1", "system", Map.of(), 0, SOCKS).devargs());
        assertEquals("system", NetdevSpec.of("eth9", "", Map.of(), 0, SOCKS).type(), "an empty type means system");
        assertEquals(9000, NetdevSpec.of("br0", "internal", Map.of(), 9000, SOCKS).mtu());
    }

    @Test
    void errorsReadLikeOvs() {
        assertEquals("'p0' is missing 'options:dpdk-devargs'. The old 'dpdk<port_id>' names are not supported",
                assertThrows(NetdevException.class, () -> NetdevSpec.of("p0", "dpdk", Map.of(), 0, SOCKS)).getMessage());
        assertEquals("could not open network device p0 (Address family not supported by protocol)",
                assertThrows(NetdevException.class, () -> NetdevSpec.of("p0", "bogus", Map.of(), 0, SOCKS)).getMessage());
        assertTrue(assertThrows(NetdevException.class,
                () -> NetdevSpec.of("averyveryverylongname", "internal", Map.of(), 0, SOCKS)).getMessage()
                .contains("at most 15 characters"));
        assertTrue(assertThrows(NetdevException.class,
                () -> NetdevSpec.of("p0", "dpdk", Map.of("dpdk-devargs", "x", "n_rxq", "zero"), 0, SOCKS)).getMessage()
                .contains("options:n_rxq 'zero'"));
        assertTrue(assertThrows(NetdevException.class,
                () -> NetdevSpec.of("v", "dpdkvhostuserclient", Map.of(), 0, SOCKS)).getMessage()
                .contains("vhost-server-path"));
        assertTrue(assertThrows(NetdevException.class,
                () -> NetdevSpec.of("p", "internal", Map.of(), 20, SOCKS)).getMessage().contains("mtu_request"));
    }
}
