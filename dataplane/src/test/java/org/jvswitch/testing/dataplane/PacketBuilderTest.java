package org.jvswitch.testing.dataplane;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.foreign.Arena;
import java.lang.foreign.ValueLayout;
import java.util.HexFormat;
import org.jvswitch.dpdk.Mbuf;
import org.junit.jupiter.api.Test;

class PacketBuilderTest {
    private static final HexFormat HEX = HexFormat.of();

    @Test
    void ipv4HeaderChecksumMatchesAKnownHeader() {
        // The classic example header: 4500 0073 0000 4000 4011 b861 c0a8 0001 c0a8 00c7.
        byte[] f = new PacketBuilder().eth(1, 2).ipv4("192.168.0.1", "192.168.0.199").dontFragment()
                .udp(1, 2).payload(0x73 - 28).build();
        assertEquals("45000073000040004011b861c0a80001c0a800c7", HEX.formatHex(f, 14, 34));
    }

    @Test
    void layoutAndAutomaticFields() {
        PacketBuilder b = new PacketBuilder().eth("02:00:00:00:00:01", "02:00:00:00:00:02").vlan(0x8100, 100)
                .ipv4("10.0.0.1", "10.0.0.2").ttl(9).udp(1234, 80).payload(4);
        byte[] f = b.build();
        assertEquals("020000000001" + "020000000002" + "8100" + "0064" + "0800", HEX.formatHex(f, 0, 18));
        assertEquals(18, b.l3Offset());
        assertEquals(38, b.l4Offset());
        assertArrayEquals(new int[] {0, 14, 18, 38, 46}, b.offsets());
        assertEquals(0x45, f[18] & 0xff);
        assertEquals(32, (f[20] & 0xff) << 8 | f[21] & 0xff, "total length");
        assertEquals(9, f[26]);
        assertEquals(17, f[27], "protocol from the next header");
        assertEquals(12, (f[42] & 0xff) << 8 | f[43] & 0xff, "udp length");
        assertTrue(Checksums.checksumsValid(f));
    }

    @Test
    void checksumsOfEveryKindAreValidAndDetectCorruption() {
        byte[] v6 = PacketBuilder.ip6("2001:db8::1");
        byte[] v6b = PacketBuilder.ip6("2001:db8::2");
        PacketBuilder[] all = {
            new PacketBuilder().eth(1, 2).ipv4("10.0.0.1", "10.0.0.2").tcp(1, 2).tcpFlags(0x18).payload(33),
            new PacketBuilder().eth(1, 2).ipv4("10.0.0.1", "10.0.0.2").ipOptions(new byte[] {1}).udp(1, 2).payload(7),
            new PacketBuilder().eth(1, 2).ipv4("10.0.0.1", "10.0.0.2").icmp(8, 0).icmpRest(0x10001).payload(9),
            new PacketBuilder().eth(1, 2).ipv4("10.0.0.1", "10.0.0.2").sctp(1, 2, 3).payload(16),
            new PacketBuilder().eth(1, 2).vlan(0x88a8, 1).vlan(0x8100, 2).ipv6(v6, v6b).tcp(3, 4).payload(5),
            new PacketBuilder().eth(1, 2).ipv6(v6, v6b).hopByHop().ah(5).udp(3, 4).payload(5),
            new PacketBuilder().eth(1, 2).ipv6(v6, v6b).ndNs(v6b).sll(0x0200_0000_0001L),
            new PacketBuilder().eth(1, 2).ipv6(v6, v6b).sctp(1, 2, 3).payload(4),
        };
        for (PacketBuilder b : all) {
            byte[] f = b.build();
            assertTrue(Checksums.checksumsValid(f), HEX.formatHex(f));
            byte[] bad = f.clone();
            bad[bad.length - 1] ^= 0x40;
            assertFalse(Checksums.checksumsValid(bad), "corrupted " + HEX.formatHex(bad));
        }
        byte[] badIp = new PacketBuilder().eth(1, 2).ipv4("10.0.0.1", "10.0.0.2").ipChecksum(0x1234).build();
        assertFalse(Checksums.checksumsValid(badIp));
    }

    @Test
    void udpChecksumOfZeroIsSentAsAllOnes() {
        // Find a payload that makes the computed sum 0: vary 2 bytes until it happens.
        for (int v = 0; v < 65536; v++) {
            byte[] f = new PacketBuilder().eth(1, 2).ipv4("10.0.0.1", "10.0.0.2").udp(1, 2)
                    .payload(new byte[] {(byte) (v >>> 8), (byte) v}).build();
            int sum = (f[40] & 0xff) << 8 | f[41] & 0xff;
            assertTrue(sum != 0);
            if (sum == 0xffff) {
                assertTrue(Checksums.checksumsValid(f));
                return;
            }
        }
        throw new AssertionError("no payload hit a zero sum");
    }

    @Test
    void mplsBottomOfStackAndEthernetTypes() {
        byte[] f = new PacketBuilder().eth(1, 2).mpls(1, 0, 64).mpls(2, 0, 64).build();
        assertEquals("8847", HEX.formatHex(f, 12, 14));
        assertEquals("00001040" + "00002140", HEX.formatHex(f, 14, 22));
        byte[] snap = new PacketBuilder().eth(1, 2).llcSnap(0).ipv4("1.2.3.4", "5.6.7.8").build();
        assertEquals(8 + 20, (snap[12] & 0xff) << 8 | snap[13] & 0xff, "802.3 length");
        assertEquals("aaaa030000000800", HEX.formatHex(snap, 14, 22));
        byte[] arp = new PacketBuilder().eth(1, 2).arp(1, 3, 4, 5, 6).build();
        assertEquals("0806" + "0001080006040001" + "000000000003" + "00000004", HEX.formatHex(arp, 12, 32));
    }

    @Test
    void ipv6ChainNumbersAndLengths() {
        byte[] v6 = PacketBuilder.ip6("::1");
        PacketBuilder b = new PacketBuilder().eth(1, 2).ipv6(v6, v6).tos(0xab).flowLabel(0x12345).hopByHop()
                .fragment6(3, true, 9).ah(1).udp(1, 2);
        byte[] f = b.build();
        assertEquals("6ab12345" + "0030" + "00" + "40", HEX.formatHex(f, 14, 22));
        assertEquals(44, f[54], "hop-by-hop -> fragment");
        assertEquals(51, f[62], "fragment -> AH");
        assertEquals("0019" + "00000009", HEX.formatHex(f, 64, 70), "offset 3, M");
        assertEquals(17, f[70], "AH -> UDP");
        assertEquals(4, f[71], "AH length in 4-byte units minus 2");
        assertEquals(94, b.l4Offset());
    }

    @Test
    void copyPutsTheFrameInNativeMemory() {
        byte[] f = new PacketBuilder().eth(1, 2).payload(10).build();
        try (Arena arena = Arena.ofConfined()) {
            long addr = PacketBuilder.copy(arena, f);
            assertEquals(0, addr % 64);
            for (int i = 0; i < f.length; i++) {
                assertEquals(f[i], Mbuf.MEMORY.get(ValueLayout.JAVA_BYTE, addr + i));
            }
            assertTrue(PacketBuilder.copy(arena, new byte[0]) != 0);
        }
    }

    @Test
    void helpersAndMisuse() {
        assertEquals(0x0a00_0001, PacketBuilder.ip4("10.0.0.1"));
        assertEquals(0x0200_0000_00ffL, PacketBuilder.mac("02:00:00:00:00:ff"));
        assertEquals(0x2001_0db8_0000_0000L, PacketBuilder.ip6Word(PacketBuilder.ip6("2001:db8::1"), 0));
        assertEquals(1L, PacketBuilder.ip6Word(PacketBuilder.ip6("2001:db8::1"), 1));
        assertThrows(IllegalArgumentException.class, () -> PacketBuilder.ip4("example.com"));
        assertThrows(IllegalArgumentException.class, () -> PacketBuilder.ip4("::1"));
        assertThrows(IllegalStateException.class, () -> new PacketBuilder().eth(1, 2).tcpFlags(2));
        assertThrows(IllegalArgumentException.class, () -> new PacketBuilder().ipv6Ext(0, 12));
        assertEquals(60, new PacketBuilder().eth(1, 2).arp(1, 1, 1, 1, 1).padTo(60).build().length);
    }
}
