package org.jvswitch.stp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class BpduCodecTest {

    private static final long MAC = 0xaa66aa660001L;

    @Test
    void configBpduIsEncodedAs8021dSays() {
        Bpdu b = Bpdu.config(Bpdu.TC | Bpdu.TCA, 0x8000_0a0b0c0d0e0fL, 19, 0x8000_aa66aa660001L,
                0x8001, 1, 20 * 256, 2 * 256, 15 * 256);
        byte[] f = BpduCodec.encode(b, MAC);
        assertEquals(60, f.length, "padded to the Ethernet minimum");
        String hex = HexFormat.of().formatHex(f, 0, 17 + 35);
        assertEquals("0180c2000000" + "aa66aa660001" + "0026" + "424203"
                + "0000" + "00" + "00" + "81"
                + "80000a0b0c0d0e0f" + "00000013" + "8000aa66aa660001" + "8001"
                + "0001" + "1400" + "0200" + "0f00", hex);
        assertTrue(Arrays.equals(new byte[60 - 52], Arrays.copyOfRange(f, 52, 60)), "zero padding");
        assertEquals(b, BpduCodec.decode(f).bpdu());
    }

    @Test
    void tcnBpdu() {
        byte[] f = BpduCodec.encode(Bpdu.tcn(), MAC);
        assertEquals("0007" + "424203" + "00000080",
                HexFormat.of().formatHex(f, 12, 21));
        assertEquals(Bpdu.Type.TCN, BpduCodec.decode(f).bpdu().type());
    }

    @Test
    void rstBpduCarriesVersion2TypeRoleAndFlags() {
        int flags = (Bpdu.ROLE_DESIGNATED << Bpdu.ROLE_SHIFT) | Bpdu.PROPOSAL | Bpdu.LEARNING
                | Bpdu.AGREEMENT;
        Bpdu b = Bpdu.rst(flags, 1, 2, 3, 0x8002, 0, 20 * 256, 2 * 256, 15 * 256);
        byte[] f = BpduCodec.encode(b, MAC);
        assertEquals(0x27, f[13], "802.3 length 3 + 36");
        assertEquals(2, f[17 + 2], "version");
        assertEquals(2, f[17 + 3], "type");
        assertEquals(0x5e, f[17 + 4] & 0xff, "flags");
        assertEquals(0, f[17 + 35], "version 1 length");
        Bpdu d = BpduCodec.decode(f).bpdu();
        assertEquals(b, d);
        assertEquals(Bpdu.ROLE_DESIGNATED, d.role());
    }

    @Test
    void mstpBpduIsReadAsRst() {
        byte[] f = BpduCodec.encode(Bpdu.rst(0x0c, 1, 2, 3, 4, 0, 5120, 512, 3840), MAC);
        f[17 + 2] = 3;
        BpduCodec.Decoded d = BpduCodec.decode(f);
        assertTrue(d.ok());
        assertEquals(2, d.bpdu().version());
    }

    @Test
    void malformedFramesAreRejectedWithAReason() {
        byte[] good = BpduCodec.encode(Bpdu.config(0, 1, 2, 3, 4, 0, 5120, 512, 3840), MAC);
        assertFalse(BpduCodec.decode(null).ok());
        assertFalse(BpduCodec.decode(Arrays.copyOf(good, 20)).ok(), "runt");

        byte[] dst = good.clone();
        dst[5] = 1;
        assertFalse(BpduCodec.decode(dst).ok(), "not to 01:80:c2:00:00:00");

        byte[] llc = good.clone();
        llc[14] = (byte) 0xaa;
        assertTrue(BpduCodec.decode(llc).error().contains("LLC"));

        byte[] proto = good.clone();
        proto[18] = 1;
        assertTrue(BpduCodec.decode(proto).error().contains("protocol"));

        byte[] shortLen = good.clone();
        shortLen[13] = 3 + 20;
        assertTrue(BpduCodec.decode(shortLen).error().contains("config BPDU of 20 bytes"));

        byte[] ethertype = good.clone();
        ethertype[12] = 0x08;
        ethertype[13] = 0x00;
        assertFalse(BpduCodec.decode(ethertype).ok());

        byte[] type = good.clone();
        type[20] = 0x55;
        assertTrue(BpduCodec.decode(type).error().contains("type"));

        byte[] truncated = Arrays.copyOf(good, 40);
        assertFalse(BpduCodec.decode(truncated).ok(), "length beyond the frame");
    }

    @Test
    void bridgeIdFormats() {
        long id = BridgeId.of(0x8000, 0xaa66aa660001L);
        assertEquals("8000.aa66aa660001", BridgeId.formatStp(id));
        assertEquals("8.000.aa66aa660001", BridgeId.formatRstp(id));
        assertEquals("aa:66:aa:66:00:01", BridgeId.formatMac(BridgeId.mac(id)));
        assertEquals(0xaa66aa660001L, BridgeId.parseMac("aa:66:aa:66:0:1"));
        assertEquals(-1, BridgeId.parseMac("aa:66:aa:66:00"));
        assertEquals(-1, BridgeId.parseMac("zz:66:aa:66:00:01"));
        assertArrayEquals(new int[] {2, 4, 19, 100, 19}, new int[] {PathCost.stp(10_000),
                PathCost.stp(1_000), PathCost.stp(100), PathCost.stp(10), PathCost.stp(0)});
        assertEquals(20_000, PathCost.rstp(1_000));
        assertEquals(200_000, PathCost.rstp(0));
    }
}
