package org.jvswitch.openflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.jvswitch.ofproto.FlowMod;
import org.jvswitch.ofproto.OfAction;
import org.jvswitch.ofproto.OfKey;
import org.jvswitch.ofproto.OfRule;
import org.jvswitch.ofproto.PacketInSink;
import org.projectfloodlight.openflow.protocol.OFControllerRole;
import org.projectfloodlight.openflow.protocol.OFFactories;
import org.projectfloodlight.openflow.protocol.OFFactory;
import org.projectfloodlight.openflow.protocol.OFFlowModFlags;
import org.projectfloodlight.openflow.protocol.OFRoleReply;
import org.projectfloodlight.openflow.protocol.OFVersion;
import org.projectfloodlight.openflow.protocol.match.MatchField;
import org.projectfloodlight.openflow.types.EthType;
import org.projectfloodlight.openflow.types.U64;

/**
 * Controllers from the Controller table: passive (ptcp) and active (tcp) connections,
 * reconnection with backoff, inactivity probes, roles with generation ids, asynchronous messages
 * (packet-in with rate limits, flow-removed, port-status), and fail-open for standalone bridges.
 * Only 127.0.0.1 is used.
 */
@Timeout(60)
class ControllerTest {
    private static final OFFactory OF13 = OFFactories.getFactory(OFVersion.OF_13);

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private static BridgeOfConfig with(ControllerConfig... c) {
        return new BridgeOfConfig(List.of(c), true, Set.of(1, 4), null);
    }

    /** Hello exchange as an OpenFlow 1.3 controller. */
    private static RawOfClient handshake(RawOfClient c) throws Exception {
        byte[] hello = c.receiveType(0, 5000);
        assertNotNull(hello);
        c.send(OF13.buildHello().setXid(1).build());
        return c;
    }

    private static RawOfClient connect(int port) throws Exception {
        for (int i = 0; i < 50; i++) {
            try {
                return handshake(RawOfClient.tcp(port));
            } catch (IOException e) {
                Thread.sleep(100);
            }
        }
        throw new AssertionError("no listener on " + port);
    }

    private static void awaitConnected(OfTestSwitch sw, boolean up) throws InterruptedException {
        for (int i = 0; i < 100; i++) {
            if (sw.manager.controllerStatus("br0").stream().anyMatch(s -> s.isConnected() == up)) {
                return;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("controller connected=" + up + " never: " + sw.manager.controllerStatus("br0"));
    }

    @Test
    void passiveControllersRolesAndGenerationIds() throws Exception {
        int port = freePort();
        try (OfTestSwitch sw = new OfTestSwitch(with(ControllerConfig.of("ptcp:" + port + ":127.0.0.1")),
                OfDatapath.NONE);
             RawOfClient a = connect(port); RawOfClient b = connect(port)) {
            a.send(OF13.buildFeaturesRequest().setXid(2).build());
            assertNotNull(a.receiveType(6, 3000), "features reply");
            a.send(OF13.buildRoleRequest().setXid(3).setRole(OFControllerRole.ROLE_MASTER)
                    .setGenerationId(U64.of(1)).build());
            OFRoleReply ra = (OFRoleReply) OF13.getReader().readFrom(io.netty.buffer.Unpooled.wrappedBuffer(
                    a.receiveType(25, 3000)));
            assertEquals(OFControllerRole.ROLE_MASTER, ra.getRole());
            b.send(OF13.buildRoleRequest().setXid(4).setRole(OFControllerRole.ROLE_MASTER)
                    .setGenerationId(U64.of(2)).build());
            assertNotNull(b.receiveType(25, 3000));
            awaitConnected(sw, true);
            assertEquals("master", sw.manager.controllerStatus("br0").getFirst().role());
            // a is a slave now: it may not change the switch.
            a.send(OF13.buildFlowAdd().setXid(5).setPriority(1).setActions(List.of()).build());
            byte[] err = a.receiveType(1, 3000);
            assertNotNull(err);
            assertEquals("1/10", ByteBuffer.wrap(err).getShort(8) + "/" + ByteBuffer.wrap(err).getShort(10),
                    "BAD_REQUEST/IS_SLAVE");
            b.send(OF13.buildFlowAdd().setXid(6).setPriority(1).setActions(List.of()).build());
            b.send(OF13.buildBarrierRequest().setXid(7).build());
            assertNotNull(b.receiveType(21, 3000));
            // As in OVS, a Controller row (passive ones too) means no priority-0 NORMAL flow.
            assertEquals(1, sw.br.rules(0xff).size(), "the master's flow only");
        }
    }

    @Test
    void asyncMessagesGoToControllersThatWantThem() throws Exception {
        int port = freePort();
        try (OfTestSwitch sw = new OfTestSwitch(with(ControllerConfig.of("ptcp:" + port + ":127.0.0.1")
                .withRateLimit(100, 5)), OfDatapath.NONE); RawOfClient c = connect(port)) {
            c.send(OF13.buildBarrierRequest().setXid(2).build());
            assertNotNull(c.receiveType(21, 3000));
            awaitConnected(sw, true);
            byte[] pkt = new byte[60];
            pkt[12] = 0x08;
            long[] key = new long[OfKey.WORDS];
            key[0] = (long) 1 << 32;
            OfKey.setReg(key, 1, 0x42);
            sw.br.sink().packetIn(sw.br, pkt, 60, 60, key, PacketInSink.REASON_ACTION, 3, 0x99, 0xffff, 0);
            // openflowj cannot read NXM_NX_REG1 in an OpenFlow 1.3 match (OVS sends registers with
            // their NXM headers, as here), so the packet-in is read field by field.
            ByteBuffer pin = ByteBuffer.wrap(c.receiveType(10, 3000));
            assertEquals(60, pin.getShort(12), "total_len");
            assertEquals(PacketInSink.REASON_ACTION, pin.get(14), "reason");
            assertEquals(3, pin.get(15), "table_id");
            assertEquals(0x99, pin.getLong(16), "cookie");
            assertEquals(1, pin.getShort(24), "OFPMT_OXM");
            int matchLen = pin.getShort(26);
            java.util.Map<Integer, Long> oxms = new java.util.HashMap<>();
            for (int o = 28; o < 24 + matchLen; ) {
                int header = pin.getInt(o);
                int len = header & 0xff;
                oxms.put(header, len == 4 ? pin.getInt(o + 4) & 0xffffffffL : -1L);
                o += 4 + len;
            }
            assertEquals(1L, oxms.get(0x80000004), "OXM_OF_IN_PORT");
            assertEquals(0x42L, oxms.get(0x00010204), "NXM_NX_REG1");
            int data = 24 + (matchLen + 7) / 8 * 8 + 2;
            assertEquals(60, pin.limit() - data, "the whole packet");
            assertEquals(0x08, pin.get(data + 12));
            // The rate limit: a burst of 5, then 100/s.
            for (int i = 0; i < 50; i++) {
                sw.br.sink().packetIn(sw.br, pkt, 60, 60, key, PacketInSink.REASON_ACTION, 0, 0, 20, 0);
            }
            int got = 0;
            while (c.receiveType(10, 300) != null) {
                got++;
            }
            assertTrue(got >= 4 && got <= 15, "rate limited to about the burst: " + got);

            // Flow-removed for a flow with send_flow_rem.
            c.send(OF13.buildFlowAdd().setXid(3).setPriority(9).setFlags(Set.of(OFFlowModFlags.SEND_FLOW_REM))
                    .setMatch(OF13.buildMatch().setExact(MatchField.ETH_TYPE, EthType.IPv4).build())
                    .setActions(List.of()).build());
            c.send(OF13.buildFlowDelete().setXid(4).setTableId(org.projectfloodlight.openflow.types.TableId.ALL)
                    .setMatch(OF13.buildMatch().setExact(MatchField.ETH_TYPE, EthType.IPv4).build()).build());
            byte[] fr = c.receiveType(11, 3000);
            assertNotNull(fr, "flow removed");
            assertEquals(2, fr[8 + 8 + 2], "reason DELETE");

            // Port status.
            sw.manager.portChanged("br0", OfTestSwitch.port(7, "p7", 17), OpenFlowManager.PortReason.ADD);
            byte[] ps = c.receiveType(12, 3000);
            assertNotNull(ps, "port status");
            assertEquals(0, ps[8], "reason ADD");

            // A slave gets no packet-ins (default async config).
            c.send(OF13.buildRoleRequest().setXid(5).setRole(OFControllerRole.ROLE_SLAVE)
                    .setGenerationId(U64.of(7)).build());
            assertNotNull(c.receiveType(25, 3000));
            Thread.sleep(1100);
            sw.br.sink().packetIn(sw.br, pkt, 60, 60, key, PacketInSink.REASON_ACTION, 0, 0, 0xffff, 0);
            assertNull(c.receiveType(10, 500));
        }
    }

    @Test
    void activeControllerReconnectsAndProbes() throws Exception {
        try (ServerSocketChannel server = ServerSocketChannel.open()) {
            server.bind(new InetSocketAddress("127.0.0.1", 0));
            int port = ((InetSocketAddress) server.getLocalAddress()).getPort();
            ControllerConfig cc = new ControllerConfig("tcp:127.0.0.1:" + port, 1000, 1000, "out-of-band", 0, 0, true);
            try (OfTestSwitch sw = new OfTestSwitch(with(cc), OfDatapath.NONE)) {
                SocketChannel s1 = server.accept();
                try (RawOfClient c = handshake(RawOfClient.of(s1))) {
                    awaitConnected(sw, true);
                    // Ignore the probes: the switch gives up after two intervals and reconnects.
                    byte[] echo = c.receive(3000);
                    assertNotNull(echo);
                    assertEquals(2, echo[1], "an echo request after a quiet second");
                }
                SocketChannel s2 = server.accept();
                try (RawOfClient c = handshake(RawOfClient.of(s2))) {
                    awaitConnected(sw, true);
                    assertTrue(sw.manager.controllerStatus("br0").getFirst().status().containsKey("sec_since_connect"));
                }
            }
        }
    }

    @Test
    void standaloneFailsOpenSecureDoesNot() throws Exception {
        int dead = freePort();
        ControllerConfig cc = new ControllerConfig("tcp:127.0.0.1:" + dead, 1000, 300, "out-of-band", 0, 0, true);
        try (OfTestSwitch sw = new OfTestSwitch(with(cc), OfDatapath.NONE)) {
            assertTrue(sw.br.rules(0xff).isEmpty(), "controllers configured: no NORMAL flow at creation");
            for (int i = 0; i < 60 && !sw.manager.connections("br0").failOpen(); i++) {
                Thread.sleep(100);
            }
            assertTrue(sw.manager.connections("br0").failOpen(), "standalone: fail-open after the probes");
            assertTrue(sw.br.rules(0xff).isEmpty(), "the fail-open flow is hidden");
            assertFalse(sw.manager.controllerStatus("br0").getFirst().isConnected());
            sw.manager.configureBridge("br0", with(cc).withFailMode(false));
            assertFalse(sw.manager.connections("br0").failOpen(), "secure: no fail-open");
        }
    }
}
