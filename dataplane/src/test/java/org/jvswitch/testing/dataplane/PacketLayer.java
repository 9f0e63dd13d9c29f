package org.jvswitch.testing.dataplane;

/**
 * One header of a {@link PacketBuilder} frame and its fields; which fields mean something depends
 * on the kind. The builder fills them in and encodes them at build time.
 */
final class PacketLayer {
    enum Kind {
        ETH, VLAN, LLC, LLC_SNAP, MPLS, ARP, IPV4, IPV6, IPV6_EXT, IPV6_FRAG, TCP, UDP, SCTP, ICMP, ICMPV6, PAYLOAD;

        boolean isIp() {
            return this == IPV4 || this == IPV6;
        }

        boolean isL4() {
            return this == TCP || this == UDP || this == SCTP || this == ICMP || this == ICMPV6;
        }
    }

    final Kind kind;
    long mac1;
    long mac2;
    int a; // tpid, lse, ip src, port src, arp op, ext type, icmp type, ...
    int b; // tci, ip dst, port dst, icmp code, ...
    byte[] src6;
    byte[] dst6;
    Integer typeOverride; // ethType / proto / next header
    Integer lenOverride; // total length / payload length / ext length field
    Integer ihlOverride;
    Integer versionOverride;
    Integer checksumOverride;
    Integer doffOverride;
    Boolean bosOverride;
    int tos;
    int ttl = 64;
    int id;
    int fragField;
    int flowLabel;
    long seq;
    long ack;
    int flags = 0x010;
    int window = 0xffff;
    int rest; // ICMP bytes 4..7, SCTP verification tag, ARP format word
    byte[] options = new byte[0];
    byte[] body = new byte[0];
    int offset = -1;

    PacketLayer(Kind kind) {
        this.kind = kind;
    }
}
