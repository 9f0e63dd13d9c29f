package org.jvswitch.openflow.codec;

import io.netty.buffer.ByteBuf;
import org.jvswitch.dataplane.flow.FlowField;
import org.jvswitch.dataplane.flow.FlowKey;
import org.jvswitch.ofproto.OfError;
import org.jvswitch.ofproto.OfKey;

/**
 * Matches on the wire, to and from {@link OfKey} key/mask pairs: NXM/OXM TLV lists (Nicira
 * messages and OpenFlow 1.2+'s {@code ofp_match} of type OXM) and OpenFlow 1.0's fixed 40-byte
 * {@code ofp_match}.
 *
 * <pre>
 *   OpenFlow 1.2+ ofp_match:  type (2) = 1 | length (2, without padding) | OXM TLVs | pad to 8
 *   OpenFlow 1.0 ofp_match:   wildcards (4) | in_port (2) | dl_src (6) | dl_dst (6) | dl_vlan (2)
 *                             | dl_vlan_pcp (1) | pad (1) | dl_type (2) | nw_tos (1) | nw_proto (1)
 *                             | pad (2) | nw_src (4) | nw_dst (4) | tp_src (2) | tp_dst (2)
 * </pre>
 */
public final class MatchCodec {
    /** A decoded match: key and mask over {@link OfKey#WORDS} words (key already masked). */
    public record Match(long[] key, long[] mask, long[] cookie) {
        public Match(long[] key, long[] mask) {
            this(key, mask, new long[2]);
        }

        public static Match any() {
            return new Match(new long[OfKey.WORDS], new long[OfKey.WORDS]);
        }

        /** NXM_NX_COOKIE(_W) in a Nicira match: the cookie filter of a flow-mod or stats request. */
        public long cookieValue() {
            return cookie[0];
        }

        public long cookieMask() {
            return cookie[1];
        }
    }

    /** NXM_NX_COOKIE: not a packet field, a cookie filter in Nicira flow-mods and flow stats requests. */
    private static final int NXM_NX_COOKIE = OxmFields.NXM_NX << 7 | 30;

    public static final int OF10_MATCH_LEN = 40;
    private static final int OFPMT_OXM = 1;

    private MatchCodec() {
    }

    // ---- NXM / OXM TLV lists ----

    /** Reads {@code len} bytes of TLVs into a new match. */
    public static Match readTlvs(ByteBuf b, int len) {
        OfWire.need(b, len, "match");
        Match m = Match.any();
        int end = b.readerIndex() + len;
        while (b.readerIndex() < end) {
            if (end - b.readerIndex() < 4) {
                throw bad("BAD_LEN", "truncated match field header");
            }
            int h = b.readInt();
            int cls = h >>> 16;
            int fieldLen = h & 0xff;
            boolean hasMask = (h & 0x100) != 0;
            if (fieldLen == 0 || end - b.readerIndex() < fieldLen) {
                throw bad("BAD_LEN", "match field 0x" + Integer.toHexString(h) + " overruns the match");
            }
            if (h >>> 9 == NXM_NX_COOKIE && fieldLen == (hasMask ? 16 : 8)) {
                long c = b.readLong();
                long cm = hasMask ? b.readLong() : -1L;
                m.cookie()[0] = c & cm;
                m.cookie()[1] = cm;
                continue;
            }
            if (TunMetadataCodec.index(h) >= 0) {
                TunMetadataCodec.readMatch(b, h, m);
                continue;
            }
            OxmField f = cls == OxmFields.OXM_EXPERIMENTER ? null : OxmFields.byHeader(h);
            if (f == null) {
                throw bad("BAD_FIELD", "unknown match field 0x" + Integer.toHexString(h));
            }
            if (fieldLen != (hasMask ? 2 * f.len() : f.len())) {
                throw bad("BAD_LEN", f.name() + " with length " + fieldLen);
            }
            if (hasMask && !f.maskable()) {
                throw bad("BAD_MASK", f.name() + " cannot be masked");
            }
            if (f.inMask(m.mask())) {
                throw bad("DUP_FIELD", f.name() + " twice");
            }
            readField(b, f, hasMask, m);
        }
        return m;
    }

    private static void readField(ByteBuf b, OxmField f, boolean hasMask, Match m) {
        if (f.len() == 16) {
            long hi = b.readLong();
            long lo = b.readLong();
            long mhi = hasMask ? b.readLong() : -1L;
            long mlo = hasMask ? b.readLong() : -1L;
            f.put(m.key(), hi & mhi, false);
            f.put2(m.key(), lo & mlo);
            f.put(m.mask(), mhi, true);
            f.put2(m.mask(), mlo);
            return;
        }
        long v = readN(b, f.len());
        long mask = hasMask ? readN(b, f.len()) : -1L;
        long bits = f.valueBits();
        long slice = v >>> f.wireShift() & bits;
        long sliceMask = (hasMask ? mask >>> f.wireShift() : -1L) & bits;
        f.put(m.key(), slice & sliceMask, false);
        f.put(m.mask(), sliceMask, true);
        if (f.cfi()) {
            m.key()[FlowKey.W_VLAN] |= (long) FlowKey.VLAN_CFI << 32;
            m.mask()[FlowKey.W_VLAN] |= (long) FlowKey.VLAN_CFI << 32;
        }
    }

    /** Writes the match's fields as TLVs in the NXM ({@code nxm}) or OXM dialect; returns the bytes written. */
    public static int writeTlvs(ByteBuf b, long[] key, long[] mask, boolean nxm) {
        int start = b.writerIndex();
        for (OxmField f : OxmFields.all()) {
            if (!(nxm ? f.nxm() : f.oxm()) || !f.inMask(mask) || !f.prereq().holds(key, mask)) {
                continue;
            }
            writeField(b, f, key, mask);
        }
        if (mask.length > OfKey.W_TUN_MD_PRESENT) {
            TunMetadataCodec.writeMatch(b, key, mask);
        }
        return b.writerIndex() - start;
    }

    private static void writeField(ByteBuf b, OxmField f, long[] key, long[] mask) {
        if (f.len() == 16) {
            boolean exact = f.exactIn(mask);
            b.writeInt(f.header(!exact));
            b.writeLong(f.get(key) & f.get(mask)).writeLong(f.get2(key) & f.get2(mask));
            if (!exact) {
                b.writeLong(f.get(mask)).writeLong(f.get2(mask));
            }
            return;
        }
        long bits = f.valueBits();
        long m = f.get(mask) & bits;
        long v = f.get(key) & m;
        boolean exact = f.exactIn(mask);
        if (f.target() == OxmField.Target.IN_PORT16 || f.target() == OxmField.Target.IN_PORT32) {
            exact = true;
        }
        boolean masked = !exact && f.maskable();
        b.writeInt(f.header(masked));
        writeN(b, f.len(), v << f.wireShift());
        if (masked) {
            writeN(b, f.len(), m << f.wireShift());
        }
    }

    /** Reads an OpenFlow 1.2+ {@code ofp_match} (with its padding). */
    public static Match readOxmMatch(ByteBuf b) {
        OfWire.need(b, 4, "ofp_match");
        int type = b.readUnsignedShort();
        int len = b.readUnsignedShort();
        if (type != OFPMT_OXM) {
            throw bad("BAD_TYPE", "match type " + type);
        }
        if (len < 4) {
            throw bad("BAD_LEN", "match length " + len);
        }
        Match m = readTlvs(b, len - 4);
        int pad = OfWire.padded8(len) - len;
        OfWire.need(b, pad, "match padding");
        b.skipBytes(pad);
        return m;
    }

    /** Writes an OpenFlow 1.2+ {@code ofp_match} (OXM dialect, padded). */
    public static void writeOxmMatch(ByteBuf b, long[] key, long[] mask) {
        int start = b.writerIndex();
        b.writeShort(OFPMT_OXM).writeShort(0);
        int n = writeTlvs(b, key, mask, false);
        b.setShort(start + 2, 4 + n);
        OfWire.pad8(b, start);
    }

    // ---- OpenFlow 1.0 ----

    private static final int W_IN_PORT = 1;
    private static final int W_DL_VLAN = 1 << 1;
    private static final int W_DL_SRC = 1 << 2;
    private static final int W_DL_DST = 1 << 3;
    private static final int W_DL_TYPE = 1 << 4;
    private static final int W_NW_PROTO = 1 << 5;
    private static final int W_TP_SRC = 1 << 6;
    private static final int W_TP_DST = 1 << 7;
    private static final int W_NW_SRC_SHIFT = 8;
    private static final int W_NW_DST_SHIFT = 14;
    private static final int W_DL_VLAN_PCP = 1 << 20;
    private static final int W_NW_TOS = 1 << 21;
    private static final int OFP_VLAN_NONE = 0xffff;

    public static Match readOf10(ByteBuf b) {
        OfWire.need(b, OF10_MATCH_LEN, "ofp_match");
        Match m = Match.any();
        long[] k = m.key();
        long[] mk = m.mask();
        int w = b.readInt();
        int inPort = b.readUnsignedShort();
        long dlSrc = read48(b);
        long dlDst = read48(b);
        int vlan = b.readUnsignedShort();
        int pcp = b.readUnsignedByte();
        b.skipBytes(1);
        int dlType = b.readUnsignedShort();
        int tos = b.readUnsignedByte();
        int proto = b.readUnsignedByte();
        b.skipBytes(2);
        long nwSrc = b.readUnsignedInt();
        long nwDst = b.readUnsignedInt();
        int tpSrc = b.readUnsignedShort();
        int tpDst = b.readUnsignedShort();
        if ((w & W_IN_PORT) == 0) {
            set(k, mk, FlowField.IN_PORT, inPort, -1L);
        }
        if ((w & W_DL_SRC) == 0) {
            set(k, mk, FlowField.ETH_SRC, dlSrc, -1L);
        }
        if ((w & W_DL_DST) == 0) {
            set(k, mk, FlowField.ETH_DST, dlDst, -1L);
        }
        int tci = 0;
        int tciMask = 0;
        if ((w & W_DL_VLAN) == 0) {
            if (vlan == OFP_VLAN_NONE) {
                tciMask = 0xffff;
            } else {
                tci |= FlowKey.VLAN_CFI | vlan & 0xfff;
                tciMask |= 0x1fff;
            }
        }
        if ((w & W_DL_VLAN_PCP) == 0 && !((w & W_DL_VLAN) == 0 && vlan == OFP_VLAN_NONE)) {
            tci |= FlowKey.VLAN_CFI | (pcp & 7) << 13;
            tciMask |= 0xf000 | FlowKey.VLAN_CFI;
        }
        set(k, mk, FlowField.VLAN0_TCI, tci, tciMask);
        if ((w & W_DL_TYPE) == 0) {
            set(k, mk, FlowField.ETH_TYPE, dlType, -1L);
        }
        boolean ip = (w & W_DL_TYPE) == 0 && dlType == FlowKey.ETH_TYPE_IP;
        boolean arp = (w & W_DL_TYPE) == 0 && dlType == FlowKey.ETH_TYPE_ARP;
        if (ip || arp) {
            if ((w & W_NW_PROTO) == 0) {
                set(k, mk, FlowField.NW_PROTO, proto, -1L);
            }
            set(k, mk, FlowField.NW_SRC, nwSrc, prefixMask(w >>> W_NW_SRC_SHIFT & 0x3f));
            set(k, mk, FlowField.NW_DST, nwDst, prefixMask(w >>> W_NW_DST_SHIFT & 0x3f));
        }
        if (ip && (w & W_NW_TOS) == 0) {
            set(k, mk, FlowField.NW_TOS, tos & 0xfc, 0xfc);
        }
        boolean l4 = ip && (w & W_NW_PROTO) == 0 && (proto == FlowKey.IPPROTO_TCP || proto == FlowKey.IPPROTO_UDP
                || proto == FlowKey.IPPROTO_ICMP || proto == FlowKey.IPPROTO_SCTP);
        if (l4) {
            if ((w & W_TP_SRC) == 0) {
                set(k, mk, FlowField.TP_SRC, tpSrc, proto == FlowKey.IPPROTO_ICMP ? 0xff : -1L);
            }
            if ((w & W_TP_DST) == 0) {
                set(k, mk, FlowField.TP_DST, tpDst, proto == FlowKey.IPPROTO_ICMP ? 0xff : -1L);
            }
        }
        return m;
    }

    /** Writes an OpenFlow 1.0 match; what it cannot express (registers, IPv6...) is left out. */
    public static void writeOf10(ByteBuf b, long[] k, long[] mk) {
        int w = 0;
        if (!FlowField.IN_PORT.isNonZero(mk, 0)) {
            w |= W_IN_PORT;
        }
        if (!FlowField.ETH_SRC.isNonZero(mk, 0)) {
            w |= W_DL_SRC;
        }
        if (!FlowField.ETH_DST.isNonZero(mk, 0)) {
            w |= W_DL_DST;
        }
        int tci = (int) FlowField.VLAN0_TCI.get(k, 0);
        int tciMask = (int) FlowField.VLAN0_TCI.get(mk, 0);
        int vlan;
        if (tciMask == 0xffff && tci == 0) {
            vlan = OFP_VLAN_NONE;
            w |= W_DL_VLAN_PCP;
        } else {
            vlan = tci & 0xfff;
            if ((tciMask & 0xfff) != 0xfff) {
                w |= W_DL_VLAN;
            }
            if ((tciMask & 0xe000) != 0xe000) {
                w |= W_DL_VLAN_PCP;
            }
        }
        if (!FlowField.ETH_TYPE.isNonZero(mk, 0)) {
            w |= W_DL_TYPE;
        }
        if (!FlowField.NW_PROTO.isNonZero(mk, 0)) {
            w |= W_NW_PROTO;
        }
        if (!FlowField.TP_SRC.isNonZero(mk, 0)) {
            w |= W_TP_SRC;
        }
        if (!FlowField.TP_DST.isNonZero(mk, 0)) {
            w |= W_TP_DST;
        }
        if ((FlowField.NW_TOS.get(mk, 0) & 0xfc) == 0) {
            w |= W_NW_TOS;
        }
        w |= wildBits(FlowField.NW_SRC.get(mk, 0)) << W_NW_SRC_SHIFT;
        w |= wildBits(FlowField.NW_DST.get(mk, 0)) << W_NW_DST_SHIFT;
        b.writeInt(w);
        b.writeShort((int) FlowField.IN_PORT.get(k, 0));
        write48(b, FlowField.ETH_SRC.get(k, 0));
        write48(b, FlowField.ETH_DST.get(k, 0));
        b.writeShort(vlan);
        b.writeByte(tci >>> 13 & 7);
        b.writeZero(1);
        b.writeShort((int) FlowField.ETH_TYPE.get(k, 0));
        b.writeByte((int) FlowField.NW_TOS.get(k, 0) & 0xfc);
        b.writeByte((int) FlowField.NW_PROTO.get(k, 0));
        b.writeZero(2);
        b.writeInt((int) FlowField.NW_SRC.get(k, 0));
        b.writeInt((int) FlowField.NW_DST.get(k, 0));
        b.writeShort((int) FlowField.TP_SRC.get(k, 0));
        b.writeShort((int) FlowField.TP_DST.get(k, 0));
    }

    // ---- helpers ----

    private static void set(long[] k, long[] mk, FlowField f, long v, long m) {
        long all = f.bits >= 64 ? -1L : (1L << f.bits) - 1;
        m &= all;
        f.set(mk, 0, f.get(mk, 0) | m);
        f.set(k, 0, f.get(k, 0) | v & m);
    }

    /** OpenFlow 1.0's nw_src/nw_dst wildcard count (0 exact .. 32+ any) as a mask. */
    private static long prefixMask(int wild) {
        return wild >= 32 ? 0 : 0xffffffffL << wild & 0xffffffffL;
    }

    private static int wildBits(long mask) {
        return mask == 0 ? 32 : Long.numberOfTrailingZeros(mask | 1L << 32);
    }

    static long readN(ByteBuf b, int n) {
        long v = 0;
        for (int i = 0; i < n; i++) {
            v = v << 8 | b.readUnsignedByte();
        }
        return v;
    }

    static void writeN(ByteBuf b, int n, long v) {
        for (int i = n - 1; i >= 0; i--) {
            b.writeByte((int) (v >>> 8 * i));
        }
    }

    static long read48(ByteBuf b) {
        return readN(b, 6);
    }

    static void write48(ByteBuf b, long v) {
        writeN(b, 6, v);
    }

    private static OfCodecException bad(String code, String detail) {
        return new OfCodecException(OfError.Type.BAD_MATCH, code, detail);
    }
}
