package org.jvswitch.dataplane.flow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.jvswitch.dataplane.flow.ExtractStatus.BAD_IPV6_EXT;
import static org.jvswitch.dataplane.flow.ExtractStatus.BAD_IPV6_HEADER;
import static org.jvswitch.dataplane.flow.ExtractStatus.BAD_ND;
import static org.jvswitch.dataplane.flow.ExtractStatus.OK;
import static org.jvswitch.dataplane.flow.ExtractStatus.TRUNCATED_IPV6;
import static org.jvswitch.dataplane.flow.ExtractStatus.TRUNCATED_L4;
import static org.jvswitch.dataplane.flow.FlowField.ARP_SHA;
import static org.jvswitch.dataplane.flow.FlowField.ARP_THA;
import static org.jvswitch.dataplane.flow.FlowField.ETH_TYPE;
import static org.jvswitch.dataplane.flow.FlowField.IPV6_LABEL;
import static org.jvswitch.dataplane.flow.FlowField.NW_FRAG;
import static org.jvswitch.dataplane.flow.FlowField.NW_PROTO;
import static org.jvswitch.dataplane.flow.FlowField.NW_TOS;
import static org.jvswitch.dataplane.flow.FlowField.NW_TTL;
import static org.jvswitch.dataplane.flow.FlowField.TCP_FLAGS;
import static org.jvswitch.dataplane.flow.FlowField.TP_DST;
import static org.jvswitch.dataplane.flow.FlowField.TP_SRC;
import static org.jvswitch.dataplane.flow.FlowKey.FRAG_ANY;
import static org.jvswitch.dataplane.flow.FlowKey.FRAG_LATER;
import static org.jvswitch.dataplane.flow.FlowKey.W_ARP_SHA;
import static org.jvswitch.dataplane.flow.FlowKey.W_ARP_THA;
import static org.jvswitch.dataplane.flow.FlowKey.W_ETH_DST;
import static org.jvswitch.dataplane.flow.FlowKey.W_ETH_SRC;
import static org.jvswitch.dataplane.flow.FlowKey.W_IPV6_DST;
import static org.jvswitch.dataplane.flow.FlowKey.W_IPV6_LABEL;
import static org.jvswitch.dataplane.flow.FlowKey.W_IPV6_SRC;
import static org.jvswitch.dataplane.flow.FlowKey.W_L3_META;
import static org.jvswitch.dataplane.flow.FlowKey.W_ND_TARGET;
import static org.jvswitch.dataplane.flow.FlowKey.W_TP;
import static org.jvswitch.dataplane.flow.MiniflowTest.MAC_A;
import static org.jvswitch.dataplane.flow.MiniflowTest.MAC_B;
import static org.jvswitch.dataplane.flow.MiniflowTest.V6_A;
import static org.jvswitch.dataplane.flow.MiniflowTest.V6_B;
import static org.jvswitch.dataplane.flow.MiniflowTest.V6_TARGET;
import static org.jvswitch.dataplane.flow.MiniflowTest.assertField;
import static org.jvswitch.dataplane.flow.MiniflowTest.assertIpv6Words;
import static org.jvswitch.dataplane.flow.MiniflowTest.eth;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.jvswitch.testing.dataplane.PacketBuilder;

/**
 * {@link Miniflow#extract} on IPv6: the header, extension header walks and fragments, and
 * neighbor discovery (target and link-layer address options). The helpers are {@link MiniflowTest}'s.
 */
class MiniflowIpv6Test {
    @Nested
    class Ipv6 {
        @Test
        void tcpEveryField() {
            Extraction e = Extraction.of(eth().ipv6(V6_A, V6_B).tos(0xb8).flowLabel(0xabcde).ttl(255)
                    .tcp(443, 51000).tcpFlags(0x018).payload(10).build());
            e.assertStatus(OK);
            assertField(e, ETH_TYPE, 0x86dd);
            assertIpv6Words(e, W_IPV6_SRC, V6_A);
            assertIpv6Words(e, W_IPV6_DST, V6_B);
            assertField(e, IPV6_LABEL, 0xabcde);
            assertEquals(0xabcdeL << 32, e.word(W_IPV6_LABEL));
            assertField(e, NW_TOS, 0xb8);
            assertField(e, NW_TTL, 255);
            assertField(e, NW_PROTO, 6);
            assertField(e, NW_FRAG, 0);
            assertField(e, TP_SRC, 443);
            assertField(e, TP_DST, 51000);
            assertField(e, TCP_FLAGS, 0x018);
            e.assertZeroExcept(W_ETH_DST, W_ETH_SRC, W_L3_META, W_TP, W_IPV6_SRC, W_IPV6_SRC + 1, W_IPV6_DST,
                    W_IPV6_DST + 1, W_IPV6_LABEL);
            e.assertLayers(-1, 14, 54);
        }

        @ParameterizedTest
        @ValueSource(ints = {0, 43, 60, 51})
        void eachExtensionHeaderIsWalked(int type) {
            PacketBuilder b = eth().ipv6(V6_A, V6_B);
            int len = switch (type) {
                case 0 -> 8;
                case 43 -> 16;
                case 60 -> 24;
                default -> 24;
            };
            b = type == 51 ? b.ah(0x1000) : b.ipv6Ext(type, len);
            Extraction e = Extraction.of(b.udp(1, 2).build());
            e.assertStatus(OK);
            assertField(e, NW_PROTO, 17);
            assertField(e, TP_SRC, 1);
            assertField(e, TP_DST, 2);
            e.assertLayers(-1, 14, 54 + len);
        }

        @Test
        void aChainOfEveryKindWithAFirstFragment() {
            PacketBuilder b = eth().ipv6(V6_A, V6_B).hopByHop().routing().destinationOptions().ah(7)
                    .fragment6(0, true, 0x1234).destinationOptions().tcp(22, 2222).tcpFlags(0x002);
            Extraction e = Extraction.of(b.build());
            e.assertStatus(OK);
            assertField(e, NW_FRAG, FRAG_ANY);
            assertField(e, NW_PROTO, 6);
            assertField(e, TP_SRC, 22);
            assertField(e, TCP_FLAGS, 0x002);
            e.assertLayers(-1, 14, 54 + 8 + 8 + 8 + 24 + 8 + 8);
            assertEquals(b.l4Offset(), e.l4);
        }

        @Test
        void laterFragmentHasNwProto44AndNoL4() {
            Extraction e = Extraction.of(eth().ipv6(V6_A, V6_B).fragment6(100, true, 7).udp(1, 2).payload(8).build());
            e.assertStatus(OK);
            assertField(e, NW_FRAG, FRAG_ANY | FRAG_LATER);
            assertField(e, NW_PROTO, 44);
            assertEquals(0, e.word(W_TP));
            e.assertLayers(-1, 14, 62);
        }

        @Test
        void lastFragmentIsALaterFragment() {
            Extraction e = Extraction.of(eth().ipv6(V6_A, V6_B).hopByHop().fragment6(3, false, 7).udp(1, 2).build());
            assertField(e, NW_FRAG, FRAG_ANY | FRAG_LATER);
            assertField(e, NW_PROTO, 44);
            e.assertLayers(-1, 14, 70);
        }

        @Test
        void atomicFragmentIsNotAFragment() {
            Extraction e = Extraction.of(eth().ipv6(V6_A, V6_B).fragment6(0, false, 7).udp(1, 2).build());
            assertField(e, NW_FRAG, 0);
            assertField(e, NW_PROTO, 17);
            assertField(e, TP_SRC, 1);
        }

        @Test
        void espStopsTheWalk() {
            Extraction e = Extraction.of(eth().ipv6(V6_A, V6_B).hopByHop().proto(50).payload(32).build());
            e.assertStatus(OK);
            assertField(e, NW_PROTO, 50);
            assertEquals(0, e.word(W_TP));
            e.assertLayers(-1, 14, 62);
        }

        @Test
        void noNextHeader() {
            Extraction e = Extraction.of(eth().ipv6(V6_A, V6_B).destinationOptions().build());
            e.assertStatus(OK);
            assertField(e, NW_PROTO, 59);
            e.assertLayers(-1, 14, 62);
        }

        @Test
        void anExtensionHeaderRunningPastThePayloadKeepsOnlyTheAddresses() {
            Extraction e = Extraction.of(eth().ipv6(V6_A, V6_B).tos(3).flowLabel(5).hopByHop().extLengthField(10)
                    .udp(1, 2).build());
            e.assertStatus(BAD_IPV6_EXT);
            assertField(e, ETH_TYPE, 0x86dd);
            assertIpv6Words(e, W_IPV6_SRC, V6_A);
            assertIpv6Words(e, W_IPV6_DST, V6_B);
            e.assertZeroExcept(W_ETH_DST, W_ETH_SRC, W_IPV6_SRC, W_IPV6_SRC + 1, W_IPV6_DST, W_IPV6_DST + 1);
            e.assertLayers(-1, 14, -1);
        }

        @Test
        void anExtensionHeaderShorterThanEightBytesIsBad() {
            Extraction e = Extraction.of(eth().ipv6(V6_A, V6_B).proto(60).payload(7).build());
            e.assertStatus(BAD_IPV6_EXT);
        }

        @Test
        void theWalkIsBounded() {
            Extraction e = Extraction.of(chain(Miniflow.MAX_IPV6_EXT_HEADERS).udp(1, 2).build());
            e.assertStatus(OK);
            assertField(e, TP_SRC, 1);
            Extraction tooMany = Extraction.of(chain(Miniflow.MAX_IPV6_EXT_HEADERS + 1).udp(1, 2).build());
            tooMany.assertStatus(BAD_IPV6_EXT);
            tooMany.assertZeroExcept(W_ETH_DST, W_ETH_SRC, W_IPV6_SRC, W_IPV6_SRC + 1, W_IPV6_DST, W_IPV6_DST + 1);
        }

        private PacketBuilder chain(int n) {
            PacketBuilder b = eth().ipv6(V6_A, V6_B);
            for (int i = 0; i < n; i++) {
                b.destinationOptions();
            }
            return b;
        }

        @ParameterizedTest
        @ValueSource(ints = {0, 4, 7, 15})
        void versionOtherThanSixIsABadHeader(int version) {
            Extraction e = Extraction.of(eth().ipv6(V6_A, V6_B).ipVersion(version).udp(1, 2).build());
            e.assertStatus(BAD_IPV6_HEADER);
            assertField(e, ETH_TYPE, 0x86dd);
            e.assertZeroExcept(W_ETH_DST, W_ETH_SRC);
            e.assertLayers(-1, 14, -1);
        }

        @Test
        void payloadLengthBeyondTheFrameIsTruncated() {
            Extraction e = Extraction.of(eth().ipv6(V6_A, V6_B).payloadLength(9).udp(1, 2).build());
            e.assertStatus(TRUNCATED_IPV6);
            e.assertZeroExcept(W_ETH_DST, W_ETH_SRC);
            e.assertLayers(-1, 14, -1);
        }

        @Test
        void ethernetPaddingIsNotPayload() {
            Extraction e = Extraction.of(eth().ipv6(V6_A, V6_B).udp(1, 2).padTo(100).build());
            e.assertStatus(OK);
            assertField(e, TP_SRC, 1);
            Extraction t = Extraction.of(eth().ipv6(V6_A, V6_B).payloadLength(19).tcp(1, 2).padTo(100).build());
            t.assertStatus(TRUNCATED_L4);
            assertEquals(0, t.word(W_TP));
        }
    }

    @Nested
    class NeighborDiscovery {
        PacketBuilder v6() {
            return eth().ipv6(V6_A, PacketBuilder.ip6("ff02::1:ff00:2")).ttl(255);
        }

        void assertNoNd(Extraction e) {
            assertEquals(0, e.word(W_ND_TARGET));
            assertEquals(0, e.word(W_ND_TARGET + 1));
            assertEquals(0, e.word(W_ARP_SHA));
            assertEquals(0, e.word(W_ARP_THA));
        }

        @Test
        void solicitationWithSourceLinkAddress() {
            Extraction e = Extraction.of(v6().ndNs(V6_TARGET).sll(MAC_A).build());
            e.assertStatus(OK);
            assertField(e, TP_SRC, 135);
            assertField(e, TP_DST, 0);
            assertIpv6Words(e, W_ND_TARGET, V6_TARGET);
            assertField(e, ARP_SHA, MAC_A);
            assertField(e, ARP_THA, 0);
            assertEquals(MAC_A << 16, e.word(W_ARP_SHA));
            e.assertLayers(-1, 14, 54);
        }

        @Test
        void advertisementWithTargetLinkAddress() {
            Extraction e = Extraction.of(v6().ndNa(V6_TARGET, 0x60).tll(MAC_B).build());
            e.assertStatus(OK);
            assertField(e, TP_SRC, 136);
            assertIpv6Words(e, W_ND_TARGET, V6_TARGET);
            assertField(e, ARP_SHA, 0);
            assertField(e, ARP_THA, MAC_B);
        }

        @Test
        void targetWithoutOptions() {
            Extraction e = Extraction.of(v6().ndNs(V6_TARGET).build());
            e.assertStatus(OK);
            assertIpv6Words(e, W_ND_TARGET, V6_TARGET);
            assertField(e, ARP_SHA, 0);
        }

        @Test
        void linkAddressesAreTakenFromEitherMessage() {
            // As in OVS: SLL and TLL are keyed wherever they appear.
            Extraction e = Extraction.of(v6().ndNa(V6_TARGET, 0).sll(MAC_A).tll(MAC_B).build());
            e.assertStatus(OK);
            assertField(e, ARP_SHA, MAC_A);
            assertField(e, ARP_THA, MAC_B);
        }

        @Test
        void otherOptionsAreSkipped() {
            Extraction e = Extraction.of(v6().ndNs(V6_TARGET).ndOption(14, 1, new byte[] {1, 2, 3, 4, 5, 6})
                    .ndOption(1, 2, new byte[14]).sll(MAC_A).build());
            e.assertStatus(OK);
            assertField(e, ARP_SHA, MAC_A);
        }

        @Test
        void trailingBytesShorterThanAnOptionAreIgnored() {
            Extraction e = Extraction.of(v6().ndNs(V6_TARGET).sll(MAC_A).payload(7).build());
            e.assertStatus(OK);
            assertField(e, ARP_SHA, MAC_A);
        }

        @Test
        void aZeroLengthOptionInvalidatesTheMessage() {
            Extraction e = Extraction.of(v6().ndNs(V6_TARGET).sll(MAC_A).ndOption(14, 0, new byte[0]).build());
            e.assertStatus(BAD_ND);
            assertField(e, TP_SRC, 135);
            assertField(e, NW_PROTO, 58);
            assertNoNd(e);
            e.assertLayers(-1, 14, 54);
        }

        @Test
        void anOptionRunningPastThePayloadInvalidatesTheMessage() {
            Extraction e = Extraction.of(v6().ndNa(V6_TARGET, 0).tll(MAC_B).ndOption(14, 3, new byte[0])
                    .payloadLength(8 + 16 + 8 + 16).build());
            e.assertStatus(BAD_ND);
            assertField(e, TP_SRC, 136);
            assertNoNd(e);
        }

        @Test
        void aSecondSourceLinkAddressInvalidatesTheMessage() {
            Extraction e = Extraction.of(v6().ndNs(V6_TARGET).sll(MAC_A).sll(MAC_B).build());
            e.assertStatus(BAD_ND);
            assertNoNd(e);
        }

        @Test
        void noRoomForTheTarget() {
            Extraction e = Extraction.of(v6().icmp6(135, 0).payload(15).build());
            e.assertStatus(BAD_ND);
            assertField(e, TP_SRC, 135);
            assertNoNd(e);
        }

        @Test
        void aNonZeroCodeIsPlainIcmpv6() {
            Extraction e = Extraction.of(v6().icmp6(135, 1).payload(V6_TARGET).build());
            e.assertStatus(OK);
            assertField(e, TP_SRC, 135);
            assertField(e, TP_DST, 1);
            assertNoNd(e);
        }

        @Test
        void routerSolicitationIsNotKeyedAsNd() {
            Extraction e = Extraction.of(v6().icmp6(133, 0).sll(MAC_A).build());
            e.assertStatus(OK);
            assertField(e, TP_SRC, 133);
            assertNoNd(e);
        }

        @Test
        void ndAfterExtensionHeaders() {
            Extraction e = Extraction.of(v6().hopByHop().ndNs(V6_TARGET).sll(MAC_A).build());
            e.assertStatus(OK);
            assertIpv6Words(e, W_ND_TARGET, V6_TARGET);
            assertField(e, ARP_SHA, MAC_A);
            e.assertLayers(-1, 14, 62);
        }
    }
}
