package org.jvswitch.netdev;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.jvswitch.testing.Cmd;
import org.jvswitch.testing.Peers;
import org.jvswitch.testing.dpdk.Responder;
import org.jvswitch.testing.dpdk.TestEal;
import org.jvswitch.testing.net.Netns;

/**
 * Ports that are kernel interfaces: internal (net_tap, a new kernel interface) and system
 * (net_af_packet on an existing one). In each, the test plays a host behind the port and the
 * kernel's own ping must get through.
 */
class NetdevKernelTest {
    private static final Path NO_SOCKETS = Path.of("/nonexistent");

    @BeforeEach
    void dpdk() {
        TestEal.ensure();
        Peers.require("ping");
    }

    @Test
    void internalPortIsAKernelInterfaceTheKernelReaches() throws Exception {
        String name = Netns.uniqueName("jvt");
        String net = "10.201." + ProcessHandle.current().pid() % 200;
        NetdevSpec spec = NetdevSpec.of(name, "internal", Map.of(), 0, NO_SOCKETS);
        try (NetdevDpdk port = NetdevDpdk.open(spec, TestEal.pools(), 1)) {
            assertTrue(Files.exists(Path.of("/sys/class/net", name)), "the tap interface appears");
            port.ethDev().setMtu(1400);
            assertEquals("1400", Files.readString(Path.of("/sys/class/net", name, "mtu")).strip(), "MTU reaches the kernel");
            port.ethDev().setMtu(1500);
            assertEquals(org.jvswitch.dpdk.EtherAddr.format(port.mac()),
                    Files.readString(Path.of("/sys/class/net", name, "address")).strip(), "one MAC on both sides");
            Netns.run("ip", "addr", "add", net + ".1/24", "dev", name);
            Netns.run("ip", "link", "set", name, "up");
            try (Responder host = new Responder(port, net + ".2", 0x0a0000c90002L)) {
                Cmd.Result ping = Cmd.run(Duration.ofSeconds(20), Map.of(), "ping", "-c", "3", "-i", "0.2", "-W", "2",
                        net + ".2");
                assertTrue(ping.ok(), ping.toString());
                assertTrue(host.answered() >= 4, "ARP and echo replies went back: " + host.answered());
            }
            assertTrue(port.stats().rxPackets() >= 4);
        }
        assertFalse(Files.exists(Path.of("/sys/class/net", name)), "the tap interface goes with the port");
    }

    @Test
    void systemPortCarriesAVethWhosePeerIsInANamespace() throws Exception {
        String outside = Netns.uniqueName("jva");
        String net = "10.202." + ProcessHandle.current().pid() % 200;
        try (Netns ns = Netns.create("jvn")) {
            ns.addVeth(outside, Netns.uniqueName("jvb"), net + ".1/24");
            NetdevSpec spec = NetdevSpec.of(outside, "system", Map.of(), 0, NO_SOCKETS);
            try (NetdevDpdk port = NetdevDpdk.open(spec, TestEal.pools(), 1);
                 Responder host = new Responder(port, net + ".2", 0x0a0000ca0002L)) {
                Cmd.Result ping = ns.tryExec(Duration.ofSeconds(20), "ping", "-c", "3", "-i", "0.2", "-W", "2",
                        net + ".2");
                assertTrue(ping.ok(), ping.toString());
                assertTrue(host.answered() >= 4, "answers: " + host.answered());
                assertEquals("system", port.type());
            }
        }
    }

    @Test
    void systemPortOnAMissingInterfaceSaysSo() {
        NetdevSpec spec = NetdevSpec.of("jvnosuch0", "system", Map.of(), 0, NO_SOCKETS);
        NetdevException e = org.junit.jupiter.api.Assertions.assertThrows(NetdevException.class,
                () -> NetdevDpdk.open(spec, TestEal.pools(), 1));
        assertTrue(e.getMessage().startsWith("could not open network device jvnosuch0 (No such device)"),
                e.getMessage());
    }
}
