package org.jvswitch.openflow.codec;

import io.netty.buffer.ByteBuf;
import java.util.HexFormat;
import org.jvswitch.ofproto.OfAction;
import org.jvswitch.ofproto.OfError;
import org.jvswitch.ofproto.OfKey;
import org.jvswitch.ofproto.TlvMap;

/**
 * The match fields and set_field targets {@code tun_metadata0..63} (NXM_NX_TUN_METADATA0..63:
 * class 0x0001, fields 40..103, in both NXM and OXM dialects). Their values are variable length
 * (up to 124 bytes) and their place in the {@link OfKey} depends on the bridge's {@link TlvMap}:
 * the OpenFlow layer sets the map of the bridge whose message it is handling for the thread
 * ({@link #use}). A value shorter than its mapping is right-aligned (leading zero bytes), as
 * ovs-ofctl sends the shortest encoding; on the way out every field has its mapping's length.
 */
public final class TunMetadataCodec {
    public static final int FIRST_FIELD = 40;
    private static final ThreadLocal<TlvMap> MAP = ThreadLocal.withInitial(() -> TlvMap.EMPTY);

    private TunMetadataCodec() {
    }

    /** Sets the TLV map the codec uses on this thread (null: none). */
    public static void use(TlvMap map) {
        MAP.set(map == null ? TlvMap.EMPTY : map);
    }

    /**
     * Runs {@code encode} with {@code map} as this thread's TLV map, then puts the thread's map back:
     * for the asynchronous messages (packet-in, flow-removed), encoded off the request thread.
     */
    public static <T> T with(TlvMap map, java.util.function.Supplier<T> encode) {
        TlvMap before = MAP.get();
        use(map);
        try {
            return encode.get();
        } finally {
            MAP.set(before);
        }
    }

    /** Matches every mapped tun_metadata field the key carries exactly (a packet-in's match, as OVS). */
    static void exactPresent(long[] key, long[] mask) {
        long present = key[OfKey.W_TUN_MD_PRESENT];
        if (present == 0) {
            return;
        }
        for (TlvMap.Entry e : MAP.get().entries()) {
            if ((present & 1L << e.index()) != 0) {
                mask[OfKey.W_TUN_MD_PRESENT] |= 1L << e.index();
                for (int i = 0; i < e.len(); i++) {
                    TlvMap.setMdByte(mask, e.offset() + i, 0xff);
                }
            }
        }
    }

    /** tun_metadataN's index for a TLV header, or -1 when it is another field. */
    public static int index(int header) {
        int cls = header >>> 16;
        int field = header >>> 9 & 0x7f;
        return cls == OxmFields.NXM_NX && field >= FIRST_FIELD && field < FIRST_FIELD + TlvMap.MAX_FIELDS
                ? field - FIRST_FIELD : -1;
    }

    public static int header(int index, boolean masked, int len) {
        return OxmFields.NXM_NX << 16 | (FIRST_FIELD + index) << 9 | (masked ? 1 << 8 : 0) | (masked ? 2 * len : len);
    }

    private static TlvMap.Entry mapped(int index, OfError.Type type) {
        TlvMap.Entry e = MAP.get().entry(index);
        if (e == null) {
            throw new OfCodecException(type, "NXFMFC_INVALID_TLV_FIELD", "tun_metadata" + index
                    + " has no TLV mapping (ovs-ofctl add-tlv-map)");
        }
        return e;
    }

    /** Reads {@code n} value bytes right-aligned into {@code len} bytes (leading extra bytes must be zero). */
    private static byte[] aligned(ByteBuf b, int n, int len, String what, OfError.Type type, String code) {
        byte[] out = new byte[len];
        for (int i = 0; i < n; i++) {
            int v = b.readUnsignedByte();
            int at = i - (n - len);
            if (at < 0) {
                if (v != 0) {
                    throw new OfCodecException(type, code, what + " is longer than its " + len + "-byte mapping");
                }
            } else {
                out[at] = (byte) v;
            }
        }
        return out;
    }

    /** Reads one tun_metadata match TLV (header already read) into the match. */
    static void readMatch(ByteBuf b, int header, MatchCodec.Match m) {
        int index = index(header);
        boolean hasMask = (header & 0x100) != 0;
        int fieldLen = header & 0xff;
        TlvMap.Entry e = mapped(index, OfError.Type.BAD_MATCH);
        if (hasMask && fieldLen % 2 != 0) {
            throw new OfCodecException(OfError.Type.BAD_MATCH, "BAD_LEN", "tun_metadata" + index + " length "
                    + fieldLen);
        }
        if (TlvMap.present(m.mask(), index)) {
            throw new OfCodecException(OfError.Type.BAD_MATCH, "DUP_FIELD", "tun_metadata" + index + " twice");
        }
        int n = hasMask ? fieldLen / 2 : fieldLen;
        String what = "tun_metadata" + index;
        byte[] v = aligned(b, n, e.len(), what, OfError.Type.BAD_MATCH, "BAD_LEN");
        byte[] mk = hasMask ? aligned(b, n, e.len(), what + " mask", OfError.Type.BAD_MATCH, "BAD_LEN") : null;
        for (int i = 0; i < e.len(); i++) {
            int mb = mk == null ? 0xff : mk[i] & 0xff;
            TlvMap.setMdByte(m.key(), e.offset() + i, v[i] & mb);
            TlvMap.setMdByte(m.mask(), e.offset() + i, mb);
        }
        m.key()[OfKey.W_TUN_MD_PRESENT] |= 1L << index;
        m.mask()[OfKey.W_TUN_MD_PRESENT] |= 1L << index;
    }

    /** Writes the match's tun_metadata fields (those mapped and matched) as TLVs. */
    static void writeMatch(ByteBuf b, long[] key, long[] mask) {
        if (mask[OfKey.W_TUN_MD_PRESENT] == 0) {
            return;
        }
        for (TlvMap.Entry e : MAP.get().entries()) {
            if (!TlvMap.present(mask, e.index())) {
                continue;
            }
            boolean exact = true;
            for (int i = 0; i < e.len(); i++) {
                exact &= TlvMap.mdByte(mask, e.offset() + i) == 0xff;
            }
            b.writeInt(header(e.index(), !exact, e.len()));
            for (int i = 0; i < e.len(); i++) {
                b.writeByte(TlvMap.mdByte(key, e.offset() + i) & TlvMap.mdByte(mask, e.offset() + i));
            }
            if (!exact) {
                for (int i = 0; i < e.len(); i++) {
                    b.writeByte(TlvMap.mdByte(mask, e.offset() + i));
                }
            }
        }
    }

    /** Reads a set_field / reg_load2 TLV for tun_metadata (header already read). */
    static OfAction.SetTunMetadata readSetField(ByteBuf b, int header, boolean allowMask) {
        int index = index(header);
        boolean hasMask = (header & 0x100) != 0;
        int fieldLen = header & 0xff;
        TlvMap.Entry e = mapped(index, OfError.Type.BAD_ACTION);
        if (hasMask && (!allowMask || fieldLen % 2 != 0)) {
            throw new OfCodecException(OfError.Type.BAD_ACTION, "BAD_SET_LEN", "tun_metadata" + index);
        }
        OfWire.need(b, fieldLen, "set_field value");
        int n = hasMask ? fieldLen / 2 : fieldLen;
        String what = "tun_metadata" + index;
        byte[] v = aligned(b, n, e.len(), what, OfError.Type.BAD_ACTION, "BAD_SET_LEN");
        byte[] mk;
        if (hasMask) {
            mk = aligned(b, n, e.len(), what + " mask", OfError.Type.BAD_ACTION, "BAD_SET_LEN");
        } else {
            mk = new byte[e.len()];
            java.util.Arrays.fill(mk, (byte) 0xff);
        }
        for (int i = 0; i < v.length; i++) {
            v[i] &= mk[i];
        }
        return new OfAction.SetTunMetadata(index, v, mk);
    }

    /** Writes a set_field to tun_metadata: OFPAT_SET_FIELD in OpenFlow 1.2+ when whole (or 1.5+), else NXAST_REG_LOAD2. */
    static void writeSetField(ByteBuf b, OfAction.SetTunMetadata s, int version) {
        boolean whole = true;
        for (byte x : s.mask()) {
            whole &= x == (byte) 0xff;
        }
        int st = b.writerIndex();
        if (version >= OfWire.OF12 && (whole || version >= OfWire.OF15)) {
            b.writeShort(25).writeShort(0);
        } else {
            b.writeShort(0xffff).writeShort(0).writeInt(OfWire.NX_VENDOR).writeShort(33);
        }
        b.writeInt(header(s.index(), !whole, s.value().length)).writeBytes(s.value());
        if (!whole) {
            b.writeBytes(s.mask());
        }
        OfWire.pad8(b, st);
        b.setShort(st + 2, b.writerIndex() - st);
    }

    /** ovs-ofctl's form: {@code set_field:0x...->tun_metadataN} (with /mask when partial). */
    public static String format(OfAction.SetTunMetadata s) {
        boolean whole = true;
        for (byte x : s.mask()) {
            whole &= x == (byte) 0xff;
        }
        return "set_field:0x" + HexFormat.of().formatHex(s.value()) + (whole ? "" : "/0x"
                + HexFormat.of().formatHex(s.mask())) + "->tun_metadata" + s.index();
    }
}
