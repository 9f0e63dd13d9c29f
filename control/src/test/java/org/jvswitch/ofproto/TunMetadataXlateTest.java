package org.jvswitch.ofproto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.jvswitch.dataplane.action.DpAction;
import org.jvswitch.dataplane.flow.FlowField;
import org.jvswitch.dataplane.flow.FlowKey;
import org.jvswitch.dataplane.odp.OdpFlags;
import org.jvswitch.dataplane.tunnel.TunnelVport;
import org.jvswitch.dpif.DpPort;
import org.jvswitch.tnl.IpAddrs;
import org.jvswitch.tnl.OvsRouter;
import org.jvswitch.tnl.TunnelPorts;
import org.jvswitch.tnl.TunnelService;

/**
 * tun_metadata in translation: a TLV map on br-int, set_field to tun_metadata0 making the Geneve
 * header carry the option, matches on tun_metadata0 of a decapsulated packet, and the megaflow
 * matching exactly the option bytes consulted. Also the TLV map's own rules (NXTTMFC_* errors).
 */
class TunMetadataXlateTest {
    private static final int LOCAL_IP = 0x0a0a0a01;
    private static final int REMOTE_IP = 0x0a0a0a02;
    private static final int GUEST_ODP = 3;

    private final TestBridges bridges = new TestBridges();
    private final Xlate xlate = new Xlate(bridges);
    private final TunnelService tunnels = new TunnelService(new TunnelPorts.Vports() {
        private int next = 10;

        @Override
        public DpPort add(String name, String type, Map<String, String> options) {
            return new DpPort(next++, name, TunnelVport.open(name, type, options, null));
        }

        @Override
        public void delete(String name) {
        }
    });
    private Ofproto brInt;
    private int genevOdp;

    private static OfPort port(int ofport, String name, int odp, String type, long mac) {
        return new OfPort(ofport, name, odp, type, null, VlanMode.TRUNK, -1, Set.of(), false, false, false, false, true,
                mac);
    }

    @BeforeEach
    void topology() {
        xlate.setTunnels(new TunnelXlate(tunnels, null));
        Ofproto phy = bridges.bridge("br-phy");
        phy.putPort(port(OfKey.OFPP_LOCAL, "br-phy", 1, "internal", 0x0200000000aaL));
        phy.putPort(port(1, "eth1", 2, "system", 0x020000000011L));
        phy.flowMod(TestBridges.add(0, 0, List.of(new OfAction.Output(OfKey.OFPP_NORMAL))), 0);
        brInt = bridges.bridge("br-int");
        brInt.putPort(port(1, "guest", GUEST_ODP, "system", 0x020000000022L));
        DpPort vp = tunnels.ports().add("br-int", "gnv0", "geneve", Map.of("remote_ip", "10.10.10.2", "key", "0x7b"));
        genevOdp = vp.portNo();
        brInt.putPort(port(2, "gnv0", genevOdp, "geneve", 0));
        tunnels.router().setDeviceAddresses("br-phy", List.of(new OvsRouter.DeviceAddress(IpAddrs.ipv4(LOCAL_IP), 24)));
        tunnels.neighbors().set("br-phy", "10.10.10.2", "02:00:00:00:00:bb");
        brInt.setTlvMap(TlvMap.EMPTY.add(List.of(new TlvMap.Mapping(0xffff, 0, 4, 0))));
    }

    private static byte[] bytes(String hex) {
        return HexFormat.of().parseHex(hex);
    }

    /** A decapsulated Geneve packet carrying {@code options} (raw, as TunnelDecap puts them in the key). */
    private long[] decapsulated(String options) {
        long[] k = TestBridges.key(genevOdp, 0x0a0000000002L, 0x0a0000000001L);
        k[FlowKey.W_TUN_ID] = 0x7b;
        FlowField.TUN_SRC.set(k, 0, REMOTE_IP);
        FlowField.TUN_DST.set(k, 0, LOCAL_IP);
        FlowField.TUN_TTL.set(k, 0, 64);
        FlowField.TUN_TP_DST.set(k, 0, 6081);
        FlowField.TUN_FLAGS.set(k, 0, OdpFlags.TUN_F_KEY);
        byte[] o = bytes(options);
        k[FlowKey.W_GENEVE_LEN] = (long) o.length << 56;
        for (int i = 0; i < o.length; i++) {
            k[FlowKey.W_GENEVE_OPTS + i / 8] |= (long) (o[i] & 0xff) << (56 - 8 * (i % 8));
        }
        return k;
    }

    private FlowMod matchMd0(int priority, String value, List<OfAction> actions) {
        FlowMod fm = TestBridges.add(0, priority, actions, FlowField.IN_PORT, 2);
        TlvMap.Entry e = brInt.tlvMap().entry(0);
        byte[] v = bytes(value);
        for (int i = 0; i < e.len(); i++) {
            TlvMap.setMdByte(fm.key(), e.offset() + i, v[i]);
            TlvMap.setMdByte(fm.mask(), e.offset() + i, 0xff);
        }
        fm.key()[OfKey.W_TUN_MD_PRESENT] |= 1;
        fm.mask()[OfKey.W_TUN_MD_PRESENT] |= 1;
        return fm;
    }

    @Test
    void setFieldMakesTheGeneveHeaderCarryTheOption() {
        brInt.flowMod(TestBridges.add(0, 10, List.of(new OfAction.SetTunMetadata(0, bytes("00001234"),
                bytes("ffffffff")), new OfAction.Output(2)), FlowField.IN_PORT, 1), 0);
        Xlate.Result r = xlate.translate(TestBridges.key(GUEST_ODP, 1, 2), null, 0, true, 1000);
        DpAction.TunnelPush push = (DpAction.TunnelPush) ((DpAction.Clone) r.actions().get(0)).actions().get(0);
        String h = HexFormat.of().formatHex(push.header());
        // Geneve: ver/optlen=2 words, proto 0x6558, vni 0x7b, then option class ffff type 0 len 1 word 00001234.
        assertTrue(h.endsWith("0200655800007b00" + "ffff000100001234"), h);
    }

    @Test
    void aMatchOnTunMetadataConsultsOnlyThatOptionsBytes() {
        brInt.flowMod(matchMd0(20, "00001234", List.of(new OfAction.Output(1))), 0);
        String other = "0102050100000009"; // class 0x0102 type 5, 4 bytes: not mapped
        Xlate.Result hit = xlate.translate(decapsulated(other + "ffff000100001234"), null, 0, true, 1000);
        assertEquals(List.of(new DpAction.Output(GUEST_ODP)), hit.actions());
        long[] m = hit.mask();
        assertTrue(FlowField.GENEVE_LEN.isExact(m, 0));
        assertEquals(0xffffffff00000000L, m[FlowKey.W_GENEVE_OPTS], "the other option: header only");
        assertEquals(-1L, m[FlowKey.W_GENEVE_OPTS + 1], "tun_metadata0's header and value");
        assertEquals(0, m[FlowKey.W_GENEVE_OPTS + 2]);

        assertTrue(xlate.translate(decapsulated("ffff000100001235"), null, 0, true, 1000).actions().isEmpty());
        assertTrue(xlate.translate(decapsulated(other), null, 0, true, 1000).actions().isEmpty(), "absent");
        assertTrue(xlate.translate(decapsulated(""), null, 0, true, 1000).actions().isEmpty(), "no options");
    }

    @Test
    void withoutTunMetadataRulesTheOptionsStayWildcarded() {
        brInt.flowMod(TestBridges.add(0, 10, List.of(new OfAction.Output(1)), FlowField.IN_PORT, 2), 0);
        Xlate.Result r = xlate.translate(decapsulated("ffff000100001234"), null, 0, true, 1000);
        assertEquals(List.of(new DpAction.Output(GUEST_ODP)), r.actions());
        assertEquals(0, r.mask()[FlowKey.W_GENEVE_OPTS]);
        assertEquals(0, r.mask()[FlowKey.W_GENEVE_LEN]);
    }

    @Test
    void tlvMapErrorsAsOpenVswitch() {
        TlvMap m = brInt.tlvMap();
        assertEquals("NXTTMFC_ALREADY_MAPPED", code(() -> m.add(List.of(new TlvMap.Mapping(1, 1, 4, 0)))));
        assertEquals("NXTTMFC_DUP_ENTRY", code(() -> m.add(List.of(new TlvMap.Mapping(0xffff, 0, 4, 1)))));
        assertEquals("NXTTMFC_DUP_ENTRY", code(() -> m.add(List.of(new TlvMap.Mapping(1, 1, 4, 1),
                new TlvMap.Mapping(1, 1, 4, 2)))));
        assertEquals("NXTTMFC_BAD_OPT_LEN", code(() -> m.add(List.of(new TlvMap.Mapping(1, 1, 5, 1)))));
        assertEquals("NXTTMFC_BAD_OPT_LEN", code(() -> m.add(List.of(new TlvMap.Mapping(1, 1, 128, 1)))));
        assertEquals("NXTTMFC_BAD_FIELD_IDX", code(() -> m.add(List.of(new TlvMap.Mapping(1, 1, 4, 64)))));
        assertEquals("NXTTMFC_INVALID_TLV_DEL", code(() -> m.delete(List.of(new TlvMap.Mapping(1, 1, 4, 7)))));
        TlvMap full = m.add(List.of(new TlvMap.Mapping(1, 1, 124, 1), new TlvMap.Mapping(1, 2, 124, 2)));
        assertEquals(252, full.entry(2).offset() + full.entry(2).len());
        assertEquals("NXTTMFC_TABLE_FULL", code(() -> full.add(List.of(new TlvMap.Mapping(1, 3, 8, 3)))));
        TlvMap freed = full.delete(List.of(new TlvMap.Mapping(0, 0, 0, 0)));
        assertEquals(0, freed.add(List.of(new TlvMap.Mapping(1, 3, 4, 3))).entry(3).offset(), "first fit");
    }

    private static String code(Runnable r) {
        return assertThrows(OfError.class, r::run).code();
    }
}
