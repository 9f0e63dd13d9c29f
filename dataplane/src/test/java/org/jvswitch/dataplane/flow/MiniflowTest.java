package org.jvswitch.dataplane.flow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.jvswitch.dataplane.flow.ExtractStatus.BAD_IPV4_HEADER;
import static org.jvswitch.dataplane.flow.ExtractStatus.BAD_TCP_HEADER;
import static org.jvswitch.dataplane.flow.ExtractStatus.OK;
import static org.jvswitch.dataplane.flow.ExtractStatus.TRUNCATED_IPV4;
import static org.jvswitch.dataplane.flow.ExtractStatus.TRUNCATED_L4;
import static org.jvswitch.dataplane.flow.ExtractStatus.TRUNCATED_MPLS;
import static org.jvswitch.dataplane.flow.FlowField.ARP_SHA;
import static org.jvswitch.dataplane.flow.FlowField.ARP_THA;
import static org.jvswitch.dataplane.flow.FlowField.ETH_DST;
import static org.jvswitch.dataplane.flow.FlowField.ETH_SRC;
import static org.jvswitch.dataplane.flow.FlowField.ETH_TYPE;
import static org.jvswitch.dataplane.flow.FlowField.MPLS_LSE;
import static org.jvswitch.dataplane.flow.FlowField.NW_DST;
import static org.jvswitch.dataplane.flow.FlowField.NW_FRAG;
import static org.jvswitch.dataplane.flow.FlowField.NW_PROTO;
import static org.jvswitch.dataplane.flow.FlowField.NW_SRC;
import static org.jvswitch.dataplane.flow.FlowField.NW_TOS;
import static org.jvswitch.dataplane.flow.FlowField.NW_TTL;
import static org.jvswitch.dataplane.flow.FlowField.TCP_FLAGS;
import static org.jvswitch.dataplane.flow.FlowField.TP_DST;
import static org.jvswitch.dataplane.flow.FlowField.TP_SRC;
import static org.jvswitch.dataplane.flow.FlowField.VLAN0_TCI;
import static org.jvswitch.dataplane.flow.FlowField.VLAN0_TPID;
import static org.jvswitch.dataplane.flow.FlowField.VLAN1_TCI;
import static org.jvswitch.dataplane.flow.FlowField.VLAN1_TPID;
import static org.jvswitch.dataplane.flow.FlowKey.FRAG_ANY;
import static org.jvswitch.dataplane.flow.FlowKey.FRAG_LATER;
import static org.jvswitch.dataplane.flow.FlowKey.W_ARP_SHA;
import static org.jvswitch.dataplane.flow.FlowKey.W_ARP_THA;
import static org.jvswitch.dataplane.flow.FlowKey.W_ETH_DST;
import static org.jvswitch.dataplane.flow.FlowKey.W_ETH_SRC;
import static org.jvswitch.dataplane.flow.FlowKey.W_IPV6_DST;
import static org.jvswitch.dataplane.flow.FlowKey.W_IPV6_SRC;
import static org.jvswitch.dataplane.flow.FlowKey.W_L3_META;
import static org.jvswitch.dataplane.flow.FlowKey.W_NW;
import static org.jvswitch.dataplane.flow.FlowKey.W_TP;
import static org.jvswitch.dataplane.flow.FlowKey.W_VLAN;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.jvswitch.testing.dataplane.PacketBuilder;

/**
 * {@link Miniflow#extract} header by header; IPv6 and neighbor discovery are in
 * {@link MiniflowIpv6Test}, truncations in {@link MiniflowTruncationTest}.
 */
class MiniflowTest {
    static final long MAC_A = 0x0200_0000_000aL;
    static final long MAC_B = 0x0200_0000_000bL;
    static final long BROADCAST = 0xffff_ffff_ffffL;
    static final int IP_A = 0x0a00_0001;
    static final int IP_B = 0xc0a8_01fe;
    static final byte[] V6_A = PacketBuilder.ip6("2001:db8:1:2:3:4:5:6");
    static final byte[] V6_B = PacketBuilder.ip6("fe80::1234:5678:9abc:def0");
    static final byte[] V6_TARGET = PacketBuilder.ip6("2001:db8::ff:fe00:2");

    static PacketBuilder eth() {
        return new PacketBuilder().eth(MAC_B, MAC_A);
    }

    static void assertField(Extraction e, FlowField f, long expected) {
        assertEquals(expected, e.get(f), f + " in " + e);
    }

    static void assertField(Extraction e, FlowField f, int expected) {
        assertField(e, f, Integer.toUnsignedLong(expected));
    }

    static void assertIpv6Words(Extraction e, int word, byte[] addr) {
        assertEquals(PacketBuilder.ip6Word(addr, 0), e.word(word), "high word " + word);
        assertEquals(PacketBuilder.ip6Word(addr, 1), e.word(word + 1), "low word " + (word + 1));
    }

    @Nested
    class Ethernet {
        @Test
        void ethernetIIWithAnUnknownTypeKeysL2Only() {
            Extraction e = Extraction.of(eth().ethType(0x88cc).payload(30).build());
            e.assertStatus(OK);
            assertField(e, ETH_DST, MAC_B);
            assertField(e, ETH_SRC, MAC_A);
            assertField(e, ETH_TYPE, 0x88cc);
            assertEquals(MAC_A << 16, e.word(W_ETH_SRC), "eth_src word's low 16 bits are zero");
            e.assertZeroExcept(W_ETH_DST, W_ETH_SRC);
            e.assertLayers(-1, 14, -1);
        }

        @Test
        void exactlyAnEthernetHeader() {
            Extraction e = Extraction.of(eth().ethType(0x1234).build());
            e.assertStatus(OK);
            assertField(e, ETH_TYPE, 0x1234);
            e.assertLayers(-1, 14, -1);
        }

        @Test
        void typeBoundaryBetween8023AndEthernetII() {
            assertField(Extraction.of(eth().ethType(0x0600).payload(46).build()), ETH_TYPE, 0x0600);
            Extraction e = Extraction.of(eth().ethType(0x05ff).payload(46).build());
            assertField(e, ETH_TYPE, FlowKey.ETH_TYPE_NONE);
            e.assertLayers(-1, 14, -1);
        }

        @Test
        void ieee8023WithPlainLlcIsTypeNone() {
            // STP BPDU: DSAP/SSAP 0x42, UI.
            Extraction e = Extraction.of(eth().llc(0x42, 0x42, 3).payload(35).build());
            e.assertStatus(OK);
            assertField(e, ETH_TYPE, FlowKey.ETH_TYPE_NONE);
            e.assertZeroExcept(W_ETH_DST, W_ETH_SRC);
            e.assertLayers(-1, 14, -1);
        }

        @Test
        void ieee8023SnapCarriesItsType() {
            PacketBuilder b = eth().llcSnap(0).ipv4(IP_A, IP_B).udp(1000, 53).payload(4);
            Extraction e = Extraction.of(b.build());
            e.assertStatus(OK);
            assertField(e, ETH_TYPE, 0x0800);
            assertField(e, NW_SRC, IP_A);
            assertField(e, TP_DST, 53);
            e.assertLayers(-1, 22, 42);
            assertEquals(22, b.l3Offset());
        }

        @Test
        void snapWithAnotherOuiIsTypeNone() {
            // Cisco OUI 00-00-0C, protocol 0x2000 (CDP).
            Extraction e = Extraction.of(eth().llc(0xaa, 0xaa, 3).payload(new byte[] {0, 0, 0x0c, 0x20, 0, 1, 2, 3})
                    .build());
            assertField(e, ETH_TYPE, FlowKey.ETH_TYPE_NONE);
            e.assertLayers(-1, 14, -1);
        }

        @Test
        void snapWithALengthAsTypeIsTypeNone() {
            Extraction e = Extraction.of(eth().llcSnap(0x0100).payload(20).build());
            e.assertStatus(OK);
            assertField(e, ETH_TYPE, FlowKey.ETH_TYPE_NONE);
            e.assertLayers(-1, 22, -1);
        }

        @Test
        void ieee8023TooShortForSnapIsTypeNone() {
            Extraction e = Extraction.of(eth().llc(0xaa, 0xaa, 3).payload(new byte[] {0, 0, 0}).build());
            e.assertStatus(OK);
            assertField(e, ETH_TYPE, FlowKey.ETH_TYPE_NONE);
        }
    }

    @Nested
    class Vlan {
        @ParameterizedTest
        @ValueSource(ints = {0x8100, 0x88a8})
        void oneTagOfEitherTpid(int tpid) {
            Extraction e = Extraction.of(eth().vlan(tpid, 0x2064).ipv4(IP_A, IP_B).udp(1, 2).build());
            e.assertStatus(OK);
            assertField(e, VLAN0_TPID, tpid);
            assertField(e, VLAN0_TCI, 0x2064 | FlowKey.VLAN_CFI);
            assertField(e, VLAN1_TPID, 0);
            assertField(e, VLAN1_TCI, 0);
            assertField(e, ETH_TYPE, 0x0800);
            assertField(e, TP_SRC, 1);
            e.assertLayers(-1, 18, 38);
        }

        @Test
        void priorityTagWithVid0IsStillPresent() {
            Extraction e = Extraction.of(eth().vlan(0x8100, 0).ethType(0x88cc).payload(10).build());
            assertField(e, VLAN0_TCI, FlowKey.VLAN_CFI);
        }

        @Test
        void cfiAlreadySetStaysSet() {
            Extraction e = Extraction.of(eth().vlan(0x8100, 0xf064).ethType(0x88cc).build());
            assertField(e, VLAN0_TCI, 0xf064);
        }

        @Test
        void twoTagsOuterFirst() {
            Extraction e = Extraction.of(eth().vlan(0x88a8, 10).vlan(0x8100, 0xe014).ipv6(V6_A, V6_B).udp(5, 6).build());
            e.assertStatus(OK);
            assertField(e, VLAN0_TPID, 0x88a8);
            assertField(e, VLAN0_TCI, 10 | FlowKey.VLAN_CFI);
            assertField(e, VLAN1_TPID, 0x8100);
            assertField(e, VLAN1_TCI, 0xe014 | FlowKey.VLAN_CFI);
            assertField(e, ETH_TYPE, 0x86dd);
            assertField(e, TP_DST, 6);
            e.assertLayers(-1, 22, 62);
        }

        @Test
        void aThirdTagStaysInThePayload() {
            Extraction e = Extraction.of(eth().vlan(0x8100, 1).vlan(0x8100, 2).vlan(0x8100, 3).ipv4(IP_A, IP_B).build());
            e.assertStatus(OK);
            assertField(e, ETH_TYPE, 0x8100);
            assertField(e, VLAN0_TCI, 1 | FlowKey.VLAN_CFI);
            assertField(e, VLAN1_TCI, 2 | FlowKey.VLAN_CFI);
            e.assertZeroExcept(W_ETH_DST, W_ETH_SRC, W_VLAN);
            e.assertLayers(-1, 22, -1);
        }

        @Test
        void vlanThen8023Snap() {
            Extraction e = Extraction.of(eth().vlan(0x8100, 7).llcSnap(0).ipv4(IP_A, IP_B).build());
            assertField(e, ETH_TYPE, 0x0800);
            assertField(e, NW_DST, IP_B);
            e.assertLayers(-1, 26, 46);
        }
    }

    @Nested
    class Mpls {
        @Test
        void oneLabel() {
            Extraction e = Extraction.of(eth().mpls(100, 5, 64).payload(20).build());
            e.assertStatus(OK);
            assertField(e, ETH_TYPE, 0x8847);
            assertField(e, MPLS_LSE, 100 << 12 | 5 << 9 | 0x100 | 64);
            e.assertZeroExcept(W_ETH_DST, W_ETH_SRC, W_L3_META);
            e.assertLayers(14, 18, -1);
        }

        @Test
        void aStackKeysItsTopLabelAndPutsL3AfterTheBottom() {
            Extraction e = Extraction.of(eth().mpls(1000, 0, 10).mpls(2000, 1, 20).mpls(3000, 2, 30).payload(8).build());
            e.assertStatus(OK);
            assertField(e, MPLS_LSE, 1000 << 12 | 10);
            e.assertLayers(14, 26, -1);
        }

        @Test
        void multicastMpls() {
            Extraction e = Extraction.of(eth().ethType(0x8848).mpls(16, 0, 1).build());
            assertField(e, ETH_TYPE, 0x8848);
            assertField(e, MPLS_LSE, 16 << 12 | 0x100 | 1);
            e.assertLayers(14, 18, -1);
        }

        @Test
        void mplsAfterAVlanTag() {
            Extraction e = Extraction.of(eth().vlan(0x8100, 9).mpls(77, 0, 5).payload(4).build());
            assertField(e, VLAN0_TCI, 9 | FlowKey.VLAN_CFI);
            assertField(e, MPLS_LSE, 77 << 12 | 0x100 | 5);
            e.assertLayers(18, 22, -1);
        }

        @Test
        void nothingBelowTheStackIsParsed() {
            Extraction e = Extraction.of(eth().mpls(3, 0, 64).ipv4(IP_A, IP_B).udp(1, 2).build());
            assertField(e, ETH_TYPE, 0x8847);
            e.assertZeroExcept(W_ETH_DST, W_ETH_SRC, W_L3_META);
            assertField(e, NW_PROTO, 0);
        }

        @Test
        void aStackWithoutBottomKeepsItsTopLabel() {
            Extraction e = Extraction.of(eth().mplsLse(0x0006_4040).mplsLse(0x0007_4040).build());
            e.assertStatus(TRUNCATED_MPLS);
            assertField(e, MPLS_LSE, 0x0006_4040);
            e.assertLayers(14, -1, -1);
        }
    }

    @Nested
    class Arp {
        @Test
        void request() {
            Extraction e = Extraction.of(new PacketBuilder().eth(BROADCAST, MAC_A).arp(1, MAC_A, IP_A, 0, IP_B)
                    .padTo(60).build());
            e.assertStatus(OK);
            assertField(e, ETH_TYPE, 0x0806);
            assertField(e, NW_PROTO, 1);
            assertField(e, NW_SRC, IP_A);
            assertField(e, NW_DST, IP_B);
            assertField(e, ARP_SHA, MAC_A);
            assertField(e, ARP_THA, 0);
            e.assertZeroExcept(W_ETH_DST, W_ETH_SRC, W_L3_META, W_NW, W_ARP_SHA);
            e.assertLayers(-1, 14, -1);
        }

        @Test
        void reply() {
            Extraction e = Extraction.of(eth().arp(2, MAC_A, IP_A, MAC_B, IP_B).build());
            assertField(e, NW_PROTO, 2);
            assertField(e, ARP_SHA, MAC_A);
            assertField(e, ARP_THA, MAC_B);
            assertEquals(MAC_B << 16, e.word(W_ARP_THA));
            assertField(e, NW_TOS, 0);
            assertField(e, NW_TTL, 0);
        }

        @Test
        void rarp() {
            Extraction e = Extraction.of(eth().rarp(3, MAC_A, 0, MAC_A, 0).build());
            e.assertStatus(OK);
            assertField(e, ETH_TYPE, 0x8035);
            assertField(e, NW_PROTO, 3);
            assertField(e, ARP_THA, MAC_A);
        }

        @Test
        void arpAfterVlan() {
            Extraction e = Extraction.of(eth().vlan(0x8100, 5).arp(1, MAC_A, IP_A, 0, IP_B).build());
            assertField(e, NW_SRC, IP_A);
            e.assertLayers(-1, 18, -1);
        }

        @ParameterizedTest
        @ValueSource(strings = {"6,2048,6,4", "1,34525,6,4", "1,2048,8,4", "1,2048,6,16"})
        void unsupportedFormatsKeyNothingButAreNotErrors(String format) {
            String[] f = format.split(",");
            Extraction e = Extraction.of(eth().arp(1, MAC_A, IP_A, MAC_B, IP_B)
                    .arpFormat(Integer.parseInt(f[0]), Integer.parseInt(f[1]), Integer.parseInt(f[2]),
                            Integer.parseInt(f[3]))
                    .build());
            e.assertStatus(OK);
            assertField(e, ETH_TYPE, 0x0806);
            e.assertZeroExcept(W_ETH_DST, W_ETH_SRC);
            e.assertLayers(-1, 14, -1);
        }

        @Test
        void opcodeAbove255LeavesNwProtoZero() {
            Extraction e = Extraction.of(eth().arp(0x0101, MAC_A, IP_A, MAC_B, IP_B).build());
            e.assertStatus(OK);
            assertField(e, NW_PROTO, 0);
            assertField(e, NW_SRC, IP_A);
            assertField(e, ARP_THA, MAC_B);
        }
    }

    @Nested
    class Ipv4 {
        @Test
        void udpEveryField() {
            PacketBuilder b = eth().ipv4(IP_A, IP_B).tos(0xb9).ttl(17).ipId(0x1234).udp(49152, 4789).payload(18);
            Extraction e = Extraction.of(b.build());
            e.assertStatus(OK);
            assertField(e, ETH_TYPE, 0x0800);
            assertField(e, NW_SRC, IP_A);
            assertField(e, NW_DST, IP_B);
            assertField(e, NW_PROTO, 17);
            assertField(e, NW_TOS, 0xb9);
            assertField(e, NW_TTL, 17);
            assertField(e, NW_FRAG, 0);
            assertField(e, MPLS_LSE, 0);
            assertField(e, TP_SRC, 49152);
            assertField(e, TP_DST, 4789);
            assertField(e, TCP_FLAGS, 0);
            assertEquals(FlowKey.pairWord(IP_A, IP_B), e.word(W_NW));
            e.assertZeroExcept(W_ETH_DST, W_ETH_SRC, W_L3_META, W_NW, W_TP);
            e.assertLayers(-1, 14, 34);
        }

        @Test
        void optionsAreSkippedByIhl() {
            Extraction e = Extraction.of(eth().ipv4(IP_A, IP_B).ipOptions(new byte[] {(byte) 0x94, 4, 0, 0})
                    .udp(7, 8).build());
            e.assertStatus(OK);
            assertField(e, TP_SRC, 7);
            assertField(e, TP_DST, 8);
            e.assertLayers(-1, 14, 38);
        }

        @Test
        void maximalOptions() {
            Extraction e = Extraction.of(eth().ipv4(IP_A, IP_B).ipOptions(new byte[40]).tcp(80, 8080).build());
            e.assertStatus(OK);
            assertField(e, TP_SRC, 80);
            e.assertLayers(-1, 14, 74);
        }

        @Test
        void firstFragmentIsParsedToL4() {
            Extraction e = Extraction.of(eth().ipv4(IP_A, IP_B).fragment(true, 0).udp(1, 2).payload(100).build());
            e.assertStatus(OK);
            assertField(e, NW_FRAG, FRAG_ANY);
            assertField(e, TP_SRC, 1);
        }

        @Test
        void laterFragmentKeepsItsProtocolButHasNoL4() {
            // The bytes after the header look like UDP; a later fragment's are payload all the same.
            Extraction e = Extraction.of(eth().ipv4(IP_A, IP_B).fragment(true, 185).udp(1, 2).payload(20).build());
            e.assertStatus(OK);
            assertField(e, NW_FRAG, FRAG_ANY | FRAG_LATER);
            assertField(e, NW_PROTO, 17);
            assertEquals(0, e.word(W_TP));
            e.assertLayers(-1, 14, 34);
        }

        @Test
        void lastFragmentIsALaterFragment() {
            Extraction e = Extraction.of(eth().ipv4(IP_A, IP_B).fragment(false, 1).tcp(1, 2).build());
            assertField(e, NW_FRAG, FRAG_ANY | FRAG_LATER);
            assertEquals(0, e.word(W_TP));
        }

        @Test
        void dontFragmentIsNotAFragment() {
            Extraction e = Extraction.of(eth().ipv4(IP_A, IP_B).dontFragment().tcp(1, 2).build());
            assertField(e, NW_FRAG, 0);
            assertField(e, TP_DST, 2);
        }

        @ParameterizedTest
        @ValueSource(ints = {0, 1, 4})
        void ihlBelowFiveIsABadHeader(int ihl) {
            Extraction e = Extraction.of(eth().ipv4(IP_A, IP_B).ihl(ihl).udp(1, 2).build());
            e.assertStatus(BAD_IPV4_HEADER);
            assertField(e, ETH_TYPE, 0x0800);
            e.assertZeroExcept(W_ETH_DST, W_ETH_SRC);
            e.assertLayers(-1, 14, -1);
        }

        @ParameterizedTest
        @ValueSource(ints = {0, 5, 6, 15})
        void versionOtherThanFourIsABadHeader(int version) {
            Extraction e = Extraction.of(eth().ipv4(IP_A, IP_B).ipVersion(version).udp(1, 2).build());
            e.assertStatus(BAD_IPV4_HEADER);
            e.assertZeroExcept(W_ETH_DST, W_ETH_SRC);
        }

        @Test
        void ihlBeyondTheFrameIsTruncated() {
            Extraction e = Extraction.of(eth().ipv4(IP_A, IP_B).ihl(15).udp(1, 2).build());
            e.assertStatus(TRUNCATED_IPV4);
            e.assertZeroExcept(W_ETH_DST, W_ETH_SRC);
            e.assertLayers(-1, 14, -1);
        }

        @Test
        void totalLengthBeyondTheFrameIsTruncated() {
            byte[] f = eth().ipv4(IP_A, IP_B).totalLength(20 + 8 + 11).udp(1, 2).payload(10).build();
            Extraction e = Extraction.of(f);
            e.assertStatus(TRUNCATED_IPV4);
            e.assertZeroExcept(W_ETH_DST, W_ETH_SRC);
            Extraction exact = Extraction.of(eth().ipv4(IP_A, IP_B).totalLength(20 + 8 + 10).udp(1, 2).payload(10)
                    .build());
            exact.assertStatus(OK);
        }

        @Test
        void totalLengthBelowTheHeaderIsABadHeader() {
            Extraction e = Extraction.of(eth().ipv4(IP_A, IP_B).totalLength(19).udp(1, 2).build());
            e.assertStatus(BAD_IPV4_HEADER);
            e.assertZeroExcept(W_ETH_DST, W_ETH_SRC);
            Extraction withOptions = Extraction.of(eth().ipv4(IP_A, IP_B).ipOptions(new byte[4]).totalLength(20)
                    .build());
            withOptions.assertStatus(BAD_IPV4_HEADER);
        }

        @Test
        void aHeaderWithoutItsTcpIsATruncatedL4() {
            Extraction e = Extraction.of(eth().ipv4(IP_A, IP_B).proto(6).build());
            e.assertStatus(TRUNCATED_L4);
            assertField(e, NW_PROTO, 6);
            assertEquals(0, e.word(W_TP));
            e.assertLayers(-1, 14, 34);
        }

        @Test
        void ethernetPaddingIsNotPayload() {
            byte[] f = eth().ipv4(IP_A, IP_B).udp(1, 2).padTo(60).build();
            assertEquals(60, f.length);
            Extraction e = Extraction.of(f);
            e.assertStatus(OK);
            assertField(e, TP_SRC, 1);
            // A TCP header cut by the IP total length does not grow back from the padding after it.
            byte[] cut = eth().ipv4(IP_A, IP_B).totalLength(30).tcp(1, 2).padTo(60).build();
            Extraction t = Extraction.of(cut);
            t.assertStatus(TRUNCATED_L4);
            assertField(t, NW_PROTO, 6);
            assertEquals(0, t.word(W_TP));
        }

        @ParameterizedTest
        @ValueSource(ints = {0, 2, 4, 41, 47, 50, 89, 103, 255})
        void otherProtocolsKeyL3Only(int proto) {
            Extraction e = Extraction.of(eth().ipv4(IP_A, IP_B).proto(proto).payload(40).build());
            e.assertStatus(OK);
            assertField(e, NW_PROTO, proto);
            assertEquals(0, e.word(W_TP));
            e.assertLayers(-1, 14, 34);
        }
    }

    @Nested
    class Transport {
        @ParameterizedTest
        @ValueSource(ints = {0x000, 0x001, 0x002, 0x004, 0x008, 0x010, 0x012, 0x020, 0x040, 0x080, 0x100, 0xe00, 0xfff})
        void tcpFlagsAreTheTwelveLowBits(int flags) {
            Extraction e = Extraction.of(eth().ipv4(IP_A, IP_B).tcp(1234, 80).tcpFlags(flags).build());
            e.assertStatus(OK);
            assertField(e, TCP_FLAGS, flags);
            assertField(e, TP_SRC, 1234);
            assertField(e, TP_DST, 80);
            assertEquals(0, e.word(W_TP) & 0xffff, "the low 16 bits of the tp word are zero");
        }

        @Test
        void tcpWithOptions() {
            Extraction e = Extraction.of(eth().ipv4(IP_A, IP_B).tcp(1, 2).tcpFlags(0x002)
                    .tcpOptions(new byte[] {2, 4, 5, (byte) 0xb4, 1, 1, 4, 2, 1, 3, 3, 7}).payload(3).build());
            e.assertStatus(OK);
            assertField(e, TCP_FLAGS, 0x002);
            assertField(e, TP_DST, 2);
        }

        @ParameterizedTest
        @ValueSource(ints = {0, 1, 4})
        void tcpDataOffsetBelowFiveIsABadHeader(int doff) {
            Extraction e = Extraction.of(eth().ipv4(IP_A, IP_B).tcp(1, 2).tcpDataOffset(doff).payload(40).build());
            e.assertStatus(BAD_TCP_HEADER);
            assertEquals(0, e.word(W_TP));
            assertField(e, NW_PROTO, 6);
            assertField(e, NW_SRC, IP_A);
            e.assertLayers(-1, 14, 34);
        }

        @Test
        void tcpDataOffsetBeyondTheSegmentIsTruncated() {
            Extraction e = Extraction.of(eth().ipv4(IP_A, IP_B).tcp(1, 2).tcpDataOffset(15).payload(39).build());
            e.assertStatus(TRUNCATED_L4);
            assertEquals(0, e.word(W_TP));
            Extraction fits = Extraction.of(eth().ipv4(IP_A, IP_B).tcp(1, 2).tcpDataOffset(15).payload(40).build());
            fits.assertStatus(OK);
        }

        @Test
        void udpPortExtremes() {
            Extraction e = Extraction.of(eth().ipv4(IP_A, IP_B).udp(65535, 0).build());
            assertField(e, TP_SRC, 65535);
            assertField(e, TP_DST, 0);
            assertField(e, TCP_FLAGS, 0);
        }

        @Test
        void sctp() {
            Extraction v4 = Extraction.of(eth().ipv4(IP_A, IP_B).sctp(2905, 3868, 0xdeadbeef).payload(16).build());
            v4.assertStatus(OK);
            assertField(v4, NW_PROTO, 132);
            assertField(v4, TP_SRC, 2905);
            assertField(v4, TP_DST, 3868);
            assertField(v4, TCP_FLAGS, 0);
            Extraction v6 = Extraction.of(eth().ipv6(V6_A, V6_B).sctp(9, 10, 1).build());
            assertField(v6, TP_SRC, 9);
        }

        @Test
        void icmpEcho() {
            Extraction e = Extraction.of(eth().ipv4(IP_A, IP_B).icmp(8, 0).icmpRest(0x1234_0001).payload(56).build());
            e.assertStatus(OK);
            assertField(e, NW_PROTO, 1);
            assertField(e, TP_SRC, 8);
            assertField(e, TP_DST, 0);
            assertEquals(8L << 48, e.word(W_TP));
        }

        @Test
        void icmpUnreachableCarriesItsCode() {
            Extraction e = Extraction.of(eth().ipv4(IP_A, IP_B).icmp(3, 3).payload(28).build());
            assertField(e, TP_SRC, 3);
            assertField(e, TP_DST, 3);
        }

        @Test
        void icmpNeedsEightBytes() {
            Extraction e = Extraction.of(eth().ipv4(IP_A, IP_B).proto(1).payload(7).build());
            e.assertStatus(TRUNCATED_L4);
            assertEquals(0, e.word(W_TP));
        }

        @Test
        void icmpInsideIpv6AndIcmpv6InsideIpv4AreNotParsed() {
            Extraction v6 = Extraction.of(eth().ipv6(V6_A, V6_B).icmp(8, 0).build());
            v6.assertStatus(OK);
            assertField(v6, NW_PROTO, 1);
            assertEquals(0, v6.word(W_TP));
            Extraction v4 = Extraction.of(eth().ipv4(IP_A, IP_B).ndNs(V6_TARGET).sll(MAC_A).build());
            v4.assertStatus(OK);
            assertField(v4, NW_PROTO, 58);
            v4.assertZeroExcept(W_ETH_DST, W_ETH_SRC, W_L3_META, W_NW);
        }

        @Test
        void icmpv6Echo() {
            Extraction e = Extraction.of(eth().ipv6(V6_A, V6_B).icmp6(128, 0).icmpRest(0x0001_0002).payload(32).build());
            e.assertStatus(OK);
            assertField(e, NW_PROTO, 58);
            assertField(e, TP_SRC, 128);
            assertField(e, TP_DST, 0);
            e.assertZeroExcept(W_ETH_DST, W_ETH_SRC, W_L3_META, W_TP, W_IPV6_SRC, W_IPV6_SRC + 1, W_IPV6_DST,
                    W_IPV6_DST + 1);
        }
    }

    @Test
    void everyPacketWordIsOverwrittenAndMetadataIsNot() {
        // Extraction.of prefills the slot with a pattern, checks that words 0..13 and 29..37 and
        // the neighbouring slots survive, and that every packet word holds what extract wrote;
        // here every status path runs through it.
        for (byte[] f : Corpus.frames()) {
            Extraction.of(f);
        }
        assertEquals(ExtractStatus.COUNT, Corpus.statuses().size(), "the corpus reaches every status");
    }

    @Test
    void statusNames() {
        assertEquals("ok", ExtractStatus.name(OK));
        assertEquals("truncated_ipv4", ExtractStatus.name(TRUNCATED_IPV4));
        assertEquals("unknown", ExtractStatus.name(-1));
        assertEquals("unknown", ExtractStatus.name(ExtractStatus.COUNT));
        java.util.Set<String> names = new java.util.HashSet<>();
        for (int i = 0; i < ExtractStatus.COUNT; i++) {
            names.add(ExtractStatus.name(i));
        }
        assertEquals(ExtractStatus.COUNT, names.size(), "names are distinct");
    }
}
