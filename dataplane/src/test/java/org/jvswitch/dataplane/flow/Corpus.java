package org.jvswitch.dataplane.flow;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.jvswitch.testing.dataplane.PacketBuilder;

/** A set of frames that between them take every path through {@link Miniflow#extract}. */
final class Corpus {
    private static final long A = 0x0200_0000_000aL;
    private static final long B = 0x0200_0000_000bL;
    private static final int IP_A = 0x0a00_0001;
    private static final int IP_B = 0x0a00_0002;
    private static final byte[] V6_A = PacketBuilder.ip6("2001:db8::1");
    private static final byte[] V6_B = PacketBuilder.ip6("2001:db8::2");

    private Corpus() {
    }

    private static PacketBuilder eth() {
        return new PacketBuilder().eth(B, A);
    }

    static List<byte[]> frames() {
        List<byte[]> f = new ArrayList<>();
        byte[] udp4 = eth().ipv4(IP_A, IP_B).udp(1, 2).payload(18).build();
        f.add(udp4);
        f.add(new byte[0]);
        f.add(Arrays.copyOf(udp4, 13));
        f.add(eth().ethType(0x88cc).payload(20).build());
        f.add(eth().llc(0x42, 0x42, 3).payload(40).build());
        f.add(eth().llcSnap(0).ipv4(IP_A, IP_B).tcp(1, 2).build());
        f.add(eth().vlan(0x8100, 5).ipv4(IP_A, IP_B).tcp(3, 4).tcpFlags(0x012).build());
        f.add(eth().vlan(0x88a8, 5).vlan(0x8100, 6).ipv6(V6_A, V6_B).udp(3, 4).build());
        f.add(eth().vlan(0x8100, 1).vlan(0x8100, 2).vlan(0x8100, 3).build());
        f.add(Arrays.copyOf(eth().vlan(0x8100, 5).ipv4(IP_A, IP_B).build(), 16));
        f.add(Arrays.copyOf(eth().vlan(0x8100, 5).vlan(0x8100, 6).ipv4(IP_A, IP_B).build(), 20));
        f.add(eth().mpls(1, 2, 3).mpls(4, 5, 6).payload(10).build());
        f.add(eth().mplsLse(0x1000).build());
        f.add(Arrays.copyOf(eth().mpls(1, 2, 3).build(), 16));
        f.add(eth().arp(1, A, IP_A, 0, IP_B).padTo(60).build());
        f.add(eth().arp(1, A, IP_A, 0, IP_B).arpFormat(6, 0x800, 6, 4).build());
        f.add(Arrays.copyOf(eth().arp(2, A, IP_A, B, IP_B).build(), 41));
        f.add(eth().ipv4(IP_A, IP_B).ipOptions(new byte[8]).sctp(5, 6, 7).build());
        f.add(eth().ipv4(IP_A, IP_B).icmp(8, 0).payload(8).build());
        f.add(eth().ipv4(IP_A, IP_B).fragment(true, 0).udp(1, 2).build());
        f.add(eth().ipv4(IP_A, IP_B).fragment(true, 9).udp(1, 2).build());
        f.add(eth().ipv4(IP_A, IP_B).proto(47).payload(20).build());
        f.add(eth().ipv4(IP_A, IP_B).ihl(3).build());
        f.add(eth().ipv4(IP_A, IP_B).ipVersion(6).build());
        f.add(eth().ipv4(IP_A, IP_B).totalLength(200).udp(1, 2).build());
        f.add(eth().ipv4(IP_A, IP_B).totalLength(10).build());
        f.add(eth().ipv4(IP_A, IP_B).totalLength(30).tcp(1, 2).padTo(60).build());
        f.add(eth().ipv4(IP_A, IP_B).tcp(1, 2).tcpDataOffset(2).payload(20).build());
        f.add(eth().ipv6(V6_A, V6_B).tcp(1, 2).build());
        f.add(eth().ipv6(V6_A, V6_B).hopByHop().routing().ah(1).fragment6(0, true, 1).destinationOptions().udp(1, 2)
                .build());
        f.add(eth().ipv6(V6_A, V6_B).fragment6(9, false, 1).udp(1, 2).build());
        f.add(eth().ipv6(V6_A, V6_B).proto(50).payload(16).build());
        f.add(eth().ipv6(V6_A, V6_B).hopByHop().extLengthField(9).build());
        f.add(eth().ipv6(V6_A, V6_B).ipVersion(4).build());
        f.add(eth().ipv6(V6_A, V6_B).payloadLength(100).build());
        f.add(eth().ipv6(V6_A, V6_B).icmp6(128, 0).build());
        f.add(eth().ipv6(V6_A, V6_B).ndNs(V6_B).sll(A).build());
        f.add(eth().ipv6(V6_A, V6_B).ndNa(V6_B, 0x40).tll(B).build());
        f.add(eth().ipv6(V6_A, V6_B).ndNs(V6_B).ndOption(1, 0, new byte[0]).build());
        f.add(eth().ipv6(V6_A, V6_B).icmp6(136, 0).payload(4).build());
        f.add(eth().ipv6(V6_A, V6_B).proto(58).payload(4).build());
        f.add(eth().ipv6(V6_A, V6_B).sctp(1, 2, 3).build());
        return f;
    }

    /** The statuses the corpus reaches. */
    static Set<Integer> statuses() {
        Set<Integer> s = new TreeSet<>();
        for (byte[] frame : frames()) {
            s.add(Extraction.of(frame).status);
        }
        return s;
    }
}
