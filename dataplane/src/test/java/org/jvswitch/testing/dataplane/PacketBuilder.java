package org.jvswitch.testing.dataplane;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.CRC32C;
import org.jvswitch.testing.dataplane.PacketLayer.Kind;

/**
 * Builds Ethernet frames for tests, one header at a time, the way a sender would lay them out:
 *
 * <pre>{@code
 * byte[] frame = new PacketBuilder()
 *         .eth(PacketBuilder.mac("02:00:00:00:00:01"), PacketBuilder.mac("02:00:00:00:00:02"))
 *         .vlan(0x8100, 100)
 *         .ipv4("10.0.0.1", "10.0.0.2").ttl(17)
 *         .udp(1234, 4789)
 *         .payload(18)
 *         .build();
 * long addr = PacketBuilder.copy(arena, frame);   // native memory, for Miniflow.extract and actions
 * }</pre>
 *
 * <p>Headers are appended in wire order. What links them is filled in at {@link #build()}, from
 * the header that follows: EtherTypes (VLAN TPID, 0x0800, 0x86dd, 0x0806, 0x8847, or the 802.3
 * length before LLC), IPv4 protocol and IPv6 next-header numbers, MPLS bottom-of-stack, IPv4 ihl,
 * total length and header checksum, IPv6 payload length, UDP length, and the TCP, UDP, ICMP,
 * ICMPv6 (pseudo-header) and SCTP (CRC32c) checksums. Every automatic value can be overridden to
 * build malformed frames ({@link #ihl}, {@link #ipVersion}, {@link #totalLength},
 * {@link #payloadLength}, {@link #proto}, {@link #ethType}, {@link #tcpDataOffset},
 * {@link #ipChecksum}, {@link #l4Checksum}).
 *
 * <p>Modifiers ({@link #ttl}, {@link #tcpFlags}, {@link #sll}, ...) apply to the most recently added
 * header of the kind they modify, so {@code .ipv4(a, b).udp(1, 2).ttl(5)} sets the IPv4 TTL. They
 * throw {@link IllegalStateException} when there is no such header.
 *
 * <p>Defaults: TTL/hop limit 64, TCP flags ACK, window 65535, everything else zero. With nothing
 * after it, an Ethernet or VLAN header gets EtherType 0x88b5 (IEEE local experimental), IPv4
 * protocol 253 (RFC 3692 experimental) and IPv6 next header 59 (no next header).
 *
 * <p>MAC addresses are {@code long}s holding 48 bits ({@code 0x0200_0000_0001L}), IPv4 addresses
 * {@code int}s in host order with network meaning (10.0.0.1 = {@code 0x0a000001}), IPv6 addresses
 * 16-byte arrays: the conventions of {@code FlowKey}. After {@link #build()}, {@link #offsets()},
 * {@link #l3Offset()} and {@link #l4Offset()} say where the headers landed.
 */
public final class PacketBuilder {
    /** IEEE 802 local experimental EtherType, used when nothing says what follows an L2 header. */
    public static final int ETH_TYPE_EXPERIMENTAL = 0x88b5;

    private final List<PacketLayer> layers = new ArrayList<>();
    private int padTo;

    public PacketBuilder() {
    }

    // ---- L2 ----

    /** Ethernet II header; the type comes from what follows, or {@link #ethType}. */
    public PacketBuilder eth(long dst, long src) {
        PacketLayer l = add(Kind.ETH);
        l.mac1 = dst;
        l.mac2 = src;
        return this;
    }

    public PacketBuilder eth(String dst, String src) {
        return eth(mac(dst), mac(src));
    }

    /** A VLAN tag: {@code tpid} (0x8100, 0x88a8, anything) goes in the type field before it. */
    public PacketBuilder vlan(int tpid, int tci) {
        PacketLayer l = add(Kind.VLAN);
        l.a = tpid;
        l.b = tci;
        return this;
    }

    /** Forces the type field of the most recent Ethernet or VLAN header. */
    public PacketBuilder ethType(int type) {
        last(Kind.ETH, Kind.VLAN).typeOverride = type;
        return this;
    }

    /** An 802.2 LLC header (3 bytes); the type field before it becomes the 802.3 length. */
    public PacketBuilder llc(int dsap, int ssap, int control) {
        PacketLayer l = add(Kind.LLC);
        l.a = dsap;
        l.b = ssap;
        l.rest = control;
        return this;
    }

    /** LLC/SNAP with the Ethernet OUI (AA AA 03 00 00 00 type); type 0 = from what follows. */
    public PacketBuilder llcSnap(int type) {
        PacketLayer l = add(Kind.LLC_SNAP);
        if (type != 0) {
            l.typeOverride = type;
        }
        return this;
    }

    /** An MPLS label stack entry; bottom-of-stack is set when no MPLS entry follows. */
    public PacketBuilder mpls(int label, int tc, int ttl) {
        PacketLayer l = add(Kind.MPLS);
        l.a = (label & 0xfffff) << 12 | (tc & 7) << 9 | (ttl & 0xff);
        return this;
    }

    /** An MPLS entry exactly as given (the BOS bit included, nothing automatic). */
    public PacketBuilder mplsLse(int lse) {
        PacketLayer l = add(Kind.MPLS);
        l.a = lse & ~0x100;
        l.bosOverride = (lse & 0x100) != 0;
        return this;
    }

    /** Ethernet/IPv4 ARP (28 bytes); the header before it gets type 0x0806. */
    public PacketBuilder arp(int op, long sha, int spa, long tha, int tpa) {
        PacketLayer l = add(Kind.ARP);
        l.a = op;
        l.mac1 = sha;
        l.b = spa;
        l.mac2 = tha;
        l.id = tpa;
        l.rest = 0x0001_0800;
        l.fragField = 0x0604;
        return this;
    }

    /** As {@link #arp} with EtherType 0x8035. */
    public PacketBuilder rarp(int op, long sha, int spa, long tha, int tpa) {
        arp(op, sha, spa, tha, tpa);
        last(Kind.ARP).typeOverride = 0x8035;
        return this;
    }

    /** Overrides the most recent ARP's htype, ptype, hlen and plen (the message stays 28 bytes). */
    public PacketBuilder arpFormat(int htype, int ptype, int hlen, int plen) {
        PacketLayer l = last(Kind.ARP);
        l.rest = (htype & 0xffff) << 16 | (ptype & 0xffff);
        l.fragField = (hlen & 0xff) << 8 | (plen & 0xff);
        return this;
    }

    // ---- L3 ----

    public PacketBuilder ipv4(int src, int dst) {
        PacketLayer l = add(Kind.IPV4);
        l.a = src;
        l.b = dst;
        return this;
    }

    public PacketBuilder ipv4(String src, String dst) {
        return ipv4(ip4(src), ip4(dst));
    }

    public PacketBuilder ipv6(byte[] src, byte[] dst) {
        PacketLayer l = add(Kind.IPV6);
        l.src6 = checkIp6(src).clone();
        l.dst6 = checkIp6(dst).clone();
        return this;
    }

    public PacketBuilder ipv6(String src, String dst) {
        return ipv6(ip6(src), ip6(dst));
    }

    /** IPv4 TOS byte or IPv6 traffic class of the most recent IP header. */
    public PacketBuilder tos(int tos) {
        last(Kind.IPV4, Kind.IPV6).tos = tos;
        return this;
    }

    /** IPv4 TTL or IPv6 hop limit of the most recent IP header. */
    public PacketBuilder ttl(int ttl) {
        last(Kind.IPV4, Kind.IPV6).ttl = ttl;
        return this;
    }

    public PacketBuilder ipId(int id) {
        last(Kind.IPV4).id = id;
        return this;
    }

    /** IPv4 fragment: MF flag and offset in 8-byte units (keeps DF as set by {@link #dontFragment}). */
    public PacketBuilder fragment(boolean more, int offset8) {
        PacketLayer l = last(Kind.IPV4);
        l.fragField = l.fragField & 0x4000 | (more ? 0x2000 : 0) | offset8 & 0x1fff;
        return this;
    }

    public PacketBuilder dontFragment() {
        last(Kind.IPV4).fragField |= 0x4000;
        return this;
    }

    /** IPv4 options, zero-padded to a multiple of 4 bytes. */
    public PacketBuilder ipOptions(byte[] options) {
        last(Kind.IPV4).options = Arrays.copyOf(options, (options.length + 3) & ~3);
        return this;
    }

    /** Forces the IPv4 ihl field (in 4-byte words); the header still has its real length. */
    public PacketBuilder ihl(int ihl) {
        last(Kind.IPV4).ihlOverride = ihl;
        return this;
    }

    /** Forces the version nibble of the most recent IP header. */
    public PacketBuilder ipVersion(int version) {
        last(Kind.IPV4, Kind.IPV6).versionOverride = version;
        return this;
    }

    public PacketBuilder totalLength(int totalLength) {
        last(Kind.IPV4).lenOverride = totalLength;
        return this;
    }

    public PacketBuilder payloadLength(int payloadLength) {
        last(Kind.IPV6).lenOverride = payloadLength;
        return this;
    }

    public PacketBuilder ipChecksum(int checksum) {
        last(Kind.IPV4).checksumOverride = checksum;
        return this;
    }

    public PacketBuilder flowLabel(int label) {
        last(Kind.IPV6).flowLabel = label;
        return this;
    }

    /** Forces the IPv4 protocol or next-header of the most recent IP or IPv6 extension header. */
    public PacketBuilder proto(int proto) {
        last(Kind.IPV4, Kind.IPV6, Kind.IPV6_EXT, Kind.IPV6_FRAG).typeOverride = proto;
        return this;
    }

    /** IPv6 hop-by-hop options header, 8 bytes of Pad1/PadN. */
    public PacketBuilder hopByHop() {
        return ipv6Ext(0, 8);
    }

    /** IPv6 routing header (type 0 layout, segments left 0), 8 bytes. */
    public PacketBuilder routing() {
        return ipv6Ext(43, 8);
    }

    /** IPv6 destination options header, 8 bytes of padding. */
    public PacketBuilder destinationOptions() {
        return ipv6Ext(60, 8);
    }

    /** IPv6 authentication header with a 12-byte ICV (24 bytes, length field 4). */
    public PacketBuilder ah(int spi) {
        ipv6Ext(51, 24);
        last(Kind.IPV6_EXT).id = spi;
        return this;
    }

    /**
     * A generic IPv6 extension header of {@code length} bytes (a multiple of 8, or of 4 for AH),
     * length field set accordingly, body zero (zero option bytes are Pad1 options).
     */
    public PacketBuilder ipv6Ext(int type, int length) {
        if (length < 8 || length % (type == 51 ? 4 : 8) != 0) {
            throw new IllegalArgumentException("bad extension header length " + length);
        }
        PacketLayer l = add(Kind.IPV6_EXT);
        l.a = type;
        l.b = length;
        return this;
    }

    /** Forces the length field (byte 1) of the most recent IPv6 extension header. */
    public PacketBuilder extLengthField(int value) {
        last(Kind.IPV6_EXT).lenOverride = value;
        return this;
    }

    /** IPv6 fragment header: offset in 8-byte units, M flag, identification. */
    public PacketBuilder fragment6(int offset8, boolean more, int id) {
        PacketLayer l = add(Kind.IPV6_FRAG);
        l.fragField = (offset8 & 0x1fff) << 3 | (more ? 1 : 0);
        l.id = id;
        return this;
    }

    // ---- L4 ----

    public PacketBuilder tcp(int srcPort, int dstPort) {
        PacketLayer l = add(Kind.TCP);
        l.a = srcPort;
        l.b = dstPort;
        return this;
    }

    /** The 12 flag bits (FIN 0x001 .. NS 0x100, and the 3 reserved bits above). */
    public PacketBuilder tcpFlags(int flags) {
        last(Kind.TCP).flags = flags;
        return this;
    }

    public PacketBuilder seq(long seq) {
        last(Kind.TCP).seq = seq;
        return this;
    }

    public PacketBuilder ack(long ack) {
        last(Kind.TCP).ack = ack;
        return this;
    }

    public PacketBuilder window(int window) {
        last(Kind.TCP).window = window;
        return this;
    }

    /** TCP options, padded with End-of-Option-List zeros to a multiple of 4 bytes. */
    public PacketBuilder tcpOptions(byte[] options) {
        last(Kind.TCP).options = Arrays.copyOf(options, (options.length + 3) & ~3);
        return this;
    }

    /** Forces the TCP data offset (in 4-byte words); the header still has its real length. */
    public PacketBuilder tcpDataOffset(int words) {
        last(Kind.TCP).doffOverride = words;
        return this;
    }

    public PacketBuilder udp(int srcPort, int dstPort) {
        PacketLayer l = add(Kind.UDP);
        l.a = srcPort;
        l.b = dstPort;
        return this;
    }

    /** SCTP common header (12 bytes); chunks go in {@link #payload}. */
    public PacketBuilder sctp(int srcPort, int dstPort, int verificationTag) {
        PacketLayer l = add(Kind.SCTP);
        l.a = srcPort;
        l.b = dstPort;
        l.rest = verificationTag;
        return this;
    }

    /** ICMPv4 header: type, code, and bytes 4..7 (e.g. echo identifier and sequence) zero. */
    public PacketBuilder icmp(int type, int code) {
        PacketLayer l = add(Kind.ICMP);
        l.a = type;
        l.b = code;
        return this;
    }

    /** ICMPv6 header: type, code, bytes 4..7 zero. */
    public PacketBuilder icmp6(int type, int code) {
        PacketLayer l = add(Kind.ICMPV6);
        l.a = type;
        l.b = code;
        return this;
    }

    /** Bytes 4..7 of the most recent ICMP or ICMPv6 header (echo id/seq, NA flags, MTU...). */
    public PacketBuilder icmpRest(int rest) {
        last(Kind.ICMP, Kind.ICMPV6).rest = rest;
        return this;
    }

    /** Neighbor solicitation (ICMPv6 135) for {@code target}; add options with {@link #sll}. */
    public PacketBuilder ndNs(byte[] target) {
        icmp6(135, 0);
        last(Kind.ICMPV6).body = checkIp6(target).clone();
        return this;
    }

    /** Neighbor advertisement (ICMPv6 136); {@code flags} are R 0x80, S 0x40, O 0x20. */
    public PacketBuilder ndNa(byte[] target, int flags) {
        icmp6(136, 0);
        PacketLayer l = last(Kind.ICMPV6);
        l.rest = (flags & 0xff) << 24;
        l.body = checkIp6(target).clone();
        return this;
    }

    /** Source link-layer address option (type 1, 8 bytes) on the most recent ICMPv6 message. */
    public PacketBuilder sll(long mac) {
        return ndOption(1, 1, macBytes(mac));
    }

    /** Target link-layer address option (type 2, 8 bytes) on the most recent ICMPv6 message. */
    public PacketBuilder tll(long mac) {
        return ndOption(2, 1, macBytes(mac));
    }

    /**
     * An ND option with the given length field (in 8-byte units, 0 allowed for malformed tests):
     * type, length, then {@code value} zero-padded or cut to {@code lengthUnits * 8 - 2} bytes (to
     * 6 bytes when the length field is 0).
     */
    public PacketBuilder ndOption(int type, int lengthUnits, byte[] value) {
        PacketLayer l = last(Kind.ICMPV6);
        int size = lengthUnits == 0 ? 8 : lengthUnits * 8;
        byte[] opt = new byte[size];
        opt[0] = (byte) type;
        opt[1] = (byte) lengthUnits;
        System.arraycopy(value, 0, opt, 2, Math.min(value.length, size - 2));
        l.body = concat(l.body, opt);
        return this;
    }

    /** Forces the checksum of the most recent TCP, UDP, ICMP, ICMPv6 or SCTP header. */
    public PacketBuilder l4Checksum(int checksum) {
        last(Kind.TCP, Kind.UDP, Kind.ICMP, Kind.ICMPV6, Kind.SCTP).checksumOverride = checksum;
        return this;
    }

    // ---- payload and padding ----

    public PacketBuilder payload(byte[] bytes) {
        add(Kind.PAYLOAD).body = bytes.clone();
        return this;
    }

    /** {@code n} payload bytes counting up from 0 (so truncations are easy to recognise). */
    public PacketBuilder payload(int n) {
        byte[] b = new byte[n];
        for (int i = 0; i < n; i++) {
            b[i] = (byte) i;
        }
        return payload(b);
    }

    /** Zero-pads the built frame to at least {@code frameLength} bytes (Ethernet padding, not payload). */
    public PacketBuilder padTo(int frameLength) {
        this.padTo = frameLength;
        return this;
    }

    // ---- build ----

    /** The frame, with every automatic field computed. The builder can be modified and built again. */
    public byte[] build() {
        byte[] tail = new byte[0];
        for (int i = layers.size() - 1; i >= 0; i--) {
            PacketLayer l = layers.get(i);
            PacketLayer next = i + 1 < layers.size() ? layers.get(i + 1) : null;
            tail = concat(encode(i, l, next, tail), tail);
        }
        int off = 0;
        for (PacketLayer l : layers) {
            l.offset = off;
            off += headerLength(l);
        }
        return tail.length >= padTo ? tail : Arrays.copyOf(tail, padTo);
    }

    /** Offsets of the headers in the last built frame, in the order they were added. */
    public int[] offsets() {
        return layers.stream().mapToInt(l -> l.offset).toArray();
    }

    /** Offset of the first ARP, IPv4 or IPv6 header in the last built frame, or -1. */
    public int l3Offset() {
        for (PacketLayer l : layers) {
            if (l.kind == Kind.ARP || l.kind.isIp()) {
                return l.offset;
            }
        }
        return -1;
    }

    /** Offset of the first TCP, UDP, SCTP, ICMP or ICMPv6 header in the last built frame, or -1. */
    public int l4Offset() {
        for (PacketLayer l : layers) {
            if (l.kind.isL4()) {
                return l.offset;
            }
        }
        return -1;
    }

    private int headerLength(PacketLayer l) {
        return switch (l.kind) {
            case ETH -> 14;
            case VLAN, MPLS -> 4;
            case LLC -> 3;
            case LLC_SNAP, IPV6_FRAG, UDP -> 8;
            case ICMP, ICMPV6 -> 8 + l.body.length;
            case ARP -> 28;
            case IPV4 -> 20 + l.options.length;
            case IPV6 -> 40;
            case IPV6_EXT -> l.b;
            case TCP -> 20 + l.options.length;
            case SCTP -> 12;
            case PAYLOAD -> l.body.length;
        };
    }

    private byte[] encode(int index, PacketLayer l, PacketLayer next, byte[] tail) {
        switch (l.kind) {
            case ETH -> {
                byte[] h = new byte[14];
                putMac(h, 0, l.mac1);
                putMac(h, 6, l.mac2);
                put16(h, 12, l2Type(l, next, tail));
                return h;
            }
            case VLAN -> {
                byte[] h = new byte[4];
                put16(h, 0, l.b);
                put16(h, 2, l2Type(l, next, tail));
                return h;
            }
            case LLC -> {
                return new byte[] {(byte) l.a, (byte) l.b, (byte) l.rest};
            }
            case LLC_SNAP -> {
                byte[] h = {(byte) 0xaa, (byte) 0xaa, 3, 0, 0, 0, 0, 0};
                put16(h, 6, l.typeOverride != null ? l.typeOverride : l2Type(l, next, tail));
                return h;
            }
            case MPLS -> {
                boolean bos = l.bosOverride != null ? l.bosOverride : next == null || next.kind != Kind.MPLS;
                byte[] h = new byte[4];
                put32(h, 0, l.a | (bos ? 0x100 : 0));
                return h;
            }
            case ARP -> {
                byte[] h = new byte[28];
                put32(h, 0, l.rest);
                put16(h, 4, l.fragField);
                put16(h, 6, l.a);
                putMac(h, 8, l.mac1);
                put32(h, 14, l.b);
                putMac(h, 18, l.mac2);
                put32(h, 24, l.id);
                return h;
            }
            case IPV4 -> {
                int hlen = 20 + l.options.length;
                byte[] h = new byte[hlen];
                int version = l.versionOverride != null ? l.versionOverride : 4;
                int ihl = l.ihlOverride != null ? l.ihlOverride : hlen / 4;
                h[0] = (byte) (version << 4 | ihl & 0xf);
                h[1] = (byte) l.tos;
                put16(h, 2, l.lenOverride != null ? l.lenOverride : hlen + tail.length);
                put16(h, 4, l.id);
                put16(h, 6, l.fragField);
                h[8] = (byte) l.ttl;
                h[9] = (byte) ipProto(l, next, 253);
                put32(h, 12, l.a);
                put32(h, 16, l.b);
                System.arraycopy(l.options, 0, h, 20, l.options.length);
                put16(h, 10, l.checksumOverride != null ? l.checksumOverride : Checksums.inetChecksum(h, 0, hlen, 0));
                return h;
            }
            case IPV6 -> {
                byte[] h = new byte[40];
                int version = l.versionOverride != null ? l.versionOverride : 6;
                put32(h, 0, version << 28 | (l.tos & 0xff) << 20 | l.flowLabel & 0xfffff);
                put16(h, 4, l.lenOverride != null ? l.lenOverride : tail.length);
                h[6] = (byte) ipProto(l, next, 59);
                h[7] = (byte) l.ttl;
                System.arraycopy(l.src6, 0, h, 8, 16);
                System.arraycopy(l.dst6, 0, h, 24, 16);
                return h;
            }
            case IPV6_EXT -> {
                byte[] h = new byte[l.b];
                h[0] = (byte) ipProto(l, next, 59);
                int lenField = l.a == 51 ? l.b / 4 - 2 : l.b / 8 - 1;
                h[1] = (byte) (l.lenOverride != null ? l.lenOverride : lenField);
                if (l.a == 51) {
                    put32(h, 4, l.id);
                } else if (l.a == 43) {
                    h[2] = 0; // routing type 0, segments left 0: nothing to route through
                }
                return h;
            }
            case IPV6_FRAG -> {
                byte[] h = new byte[8];
                h[0] = (byte) ipProto(l, next, 59);
                put16(h, 2, l.fragField);
                put32(h, 4, l.id);
                return h;
            }
            case TCP -> {
                int hlen = 20 + l.options.length;
                byte[] h = new byte[hlen];
                put16(h, 0, l.a);
                put16(h, 2, l.b);
                put32(h, 4, (int) l.seq);
                put32(h, 8, (int) l.ack);
                int doff = l.doffOverride != null ? l.doffOverride : hlen / 4;
                put16(h, 12, (doff & 0xf) << 12 | l.flags & 0xfff);
                put16(h, 14, l.window);
                System.arraycopy(l.options, 0, h, 20, l.options.length);
                return withL4Checksum(index, l, h, tail, 16, 6);
            }
            case UDP -> {
                byte[] h = new byte[8];
                put16(h, 0, l.a);
                put16(h, 2, l.b);
                put16(h, 4, 8 + tail.length);
                return withL4Checksum(index, l, h, tail, 6, 17);
            }
            case SCTP -> {
                byte[] h = new byte[12];
                put16(h, 0, l.a);
                put16(h, 2, l.b);
                put32(h, 4, l.rest);
                int crc;
                if (l.checksumOverride != null) {
                    crc = l.checksumOverride;
                } else {
                    CRC32C c = new CRC32C();
                    c.update(h);
                    c.update(tail);
                    crc = (int) c.getValue();
                }
                // SCTP stores the CRC32c value least significant byte first (RFC 4960, Appendix B).
                h[8] = (byte) crc;
                h[9] = (byte) (crc >>> 8);
                h[10] = (byte) (crc >>> 16);
                h[11] = (byte) (crc >>> 24);
                return h;
            }
            case ICMP, ICMPV6 -> {
                byte[] h = concat(new byte[8], l.body);
                h[0] = (byte) l.a;
                h[1] = (byte) l.b;
                put32(h, 4, l.rest);
                if (l.kind == Kind.ICMP) {
                    int sum = l.checksumOverride != null ? l.checksumOverride
                            : Checksums.inetChecksum(concat(h, tail), 0, h.length + tail.length, 0);
                    put16(h, 2, sum);
                    return h;
                }
                return withL4Checksum(index, l, h, tail, 2, 58);
            }
            case PAYLOAD -> {
                return l.body;
            }
            default -> throw new AssertionError(l.kind);
        }
    }

    /** The type field of an Ethernet or VLAN header (or SNAP): override, else from what follows. */
    private static int l2Type(PacketLayer l, PacketLayer next, byte[] tail) {
        if (l.typeOverride != null) {
            return l.typeOverride;
        }
        if (next == null) {
            return ETH_TYPE_EXPERIMENTAL;
        }
        return switch (next.kind) {
            case VLAN -> next.a;
            case MPLS -> 0x8847;
            case ARP -> next.typeOverride != null ? next.typeOverride : 0x0806;
            case IPV4 -> 0x0800;
            case IPV6 -> 0x86dd;
            case LLC, LLC_SNAP -> tail.length; // 802.3: a length, LLC and everything after it
            default -> ETH_TYPE_EXPERIMENTAL;
        };
    }

    private static int ipProto(PacketLayer l, PacketLayer next, int none) {
        if (l.typeOverride != null) {
            return l.typeOverride;
        }
        if (next == null) {
            return none;
        }
        return switch (next.kind) {
            case TCP -> 6;
            case UDP -> 17;
            case SCTP -> 132;
            case ICMP -> 1;
            case ICMPV6 -> 58;
            case IPV4 -> 4;
            case IPV6 -> 41;
            case IPV6_EXT -> next.a;
            case IPV6_FRAG -> 44;
            default -> none;
        };
    }

    /** Sets the checksum at {@code at} in {@code h} over the pseudo-header of the enclosing IP header. */
    private byte[] withL4Checksum(int index, PacketLayer l, byte[] h, byte[] tail, int at, int proto) {
        if (l.checksumOverride != null) {
            put16(h, at, l.checksumOverride);
            return h;
        }
        PacketLayer ip = null;
        for (int i = index - 1; i >= 0 && ip == null; i--) {
            if (layers.get(i).kind.isIp()) {
                ip = layers.get(i);
            }
        }
        if (ip == null) {
            return h; // no IP header: nothing to checksum against
        }
        byte[] segment = concat(h, tail);
        int sum = Checksums.l4Checksum(ip.kind == Kind.IPV4, ip.kind == Kind.IPV4 ? ipv4Bytes(ip.a) : ip.src6,
                ip.kind == Kind.IPV4 ? ipv4Bytes(ip.b) : ip.dst6, proto, segment, 0, segment.length);
        if (proto == 17 && sum == 0) {
            sum = 0xffff; // UDP sends a computed 0 as all ones: 0 means "no checksum"
        }
        put16(h, at, sum);
        return h;
    }

    // ---- static helpers ----

    /** Copies a frame into native memory from {@code arena} (64-byte aligned) and returns its address. */
    public static long copy(Arena arena, byte[] frame) {
        return segment(arena, frame).address();
    }

    /** As {@link #copy}, returning the segment. */
    public static MemorySegment segment(Arena arena, byte[] frame) {
        MemorySegment seg = arena.allocate(Math.max(1, frame.length), 64);
        MemorySegment.copy(frame, 0, seg, ValueLayout.JAVA_BYTE, 0, frame.length);
        return seg;
    }

    /** "02:00:00:00:00:01" as a 48-bit long. */
    public static long mac(String mac) {
        String[] parts = mac.split(":");
        if (parts.length != 6) {
            throw new IllegalArgumentException("not a MAC address: " + mac);
        }
        long v = 0;
        for (String p : parts) {
            v = v << 8 | Integer.parseInt(p, 16);
        }
        return v;
    }

    /** "10.0.0.1" as an int in host order (0x0a000001). */
    public static int ip4(String addr) {
        byte[] b = literal(addr);
        if (b.length != 4) {
            throw new IllegalArgumentException("not an IPv4 address: " + addr);
        }
        return (b[0] & 0xff) << 24 | (b[1] & 0xff) << 16 | (b[2] & 0xff) << 8 | b[3] & 0xff;
    }

    /** "2001:db8::1" as 16 bytes. */
    public static byte[] ip6(String addr) {
        byte[] b = literal(addr);
        if (b.length != 16) {
            throw new IllegalArgumentException("not an IPv6 address: " + addr);
        }
        return b;
    }

    /** The high (i = 0) or low (i = 1) 64 bits of an IPv6 address, as FlowKey stores them. */
    public static long ip6Word(byte[] addr, int i) {
        long v = 0;
        for (int j = 0; j < 8; j++) {
            v = v << 8 | addr[i * 8 + j] & 0xff;
        }
        return v;
    }

    // ---- internals ----

    private PacketLayer add(Kind kind) {
        PacketLayer l = new PacketLayer(kind);
        layers.add(l);
        return l;
    }

    private PacketLayer last(Kind... kinds) {
        for (int i = layers.size() - 1; i >= 0; i--) {
            PacketLayer l = layers.get(i);
            for (Kind k : kinds) {
                if (l.kind == k) {
                    return l;
                }
            }
        }
        throw new IllegalStateException("no " + Arrays.toString(kinds) + " header to modify");
    }

    private static byte[] literal(String addr) {
        // Only literals: InetAddress.getByName does no lookup for them, and we refuse anything else.
        if (!addr.matches("[0-9a-fA-F:.]+")) {
            throw new IllegalArgumentException("not an IP literal: " + addr);
        }
        try {
            return InetAddress.getByName(addr).getAddress();
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("not an IP literal: " + addr, e);
        }
    }

    private static byte[] checkIp6(byte[] a) {
        if (a.length != 16) {
            throw new IllegalArgumentException("IPv6 address must be 16 bytes");
        }
        return a;
    }

    private static byte[] ipv4Bytes(int a) {
        return new byte[] {(byte) (a >>> 24), (byte) (a >>> 16), (byte) (a >>> 8), (byte) a};
    }

    private static byte[] macBytes(long mac) {
        byte[] b = new byte[6];
        putMac(b, 0, mac);
        return b;
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] r = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, r, a.length, b.length);
        return r;
    }

    private static void putMac(byte[] b, int off, long mac) {
        for (int i = 0; i < 6; i++) {
            b[off + i] = (byte) (mac >>> (40 - 8 * i));
        }
    }

    private static void put16(byte[] b, int off, int v) {
        b[off] = (byte) (v >>> 8);
        b[off + 1] = (byte) v;
    }

    private static void put32(byte[] b, int off, int v) {
        b[off] = (byte) (v >>> 24);
        b[off + 1] = (byte) (v >>> 16);
        b[off + 2] = (byte) (v >>> 8);
        b[off + 3] = (byte) v;
    }
}
