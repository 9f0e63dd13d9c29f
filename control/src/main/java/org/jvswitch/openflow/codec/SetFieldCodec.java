package org.jvswitch.openflow.codec;

import io.netty.buffer.ByteBuf;
import java.util.List;
import org.jvswitch.dataplane.flow.FlowField;
import org.jvswitch.ofproto.OfAction;
import org.jvswitch.ofproto.OfError;
import org.jvswitch.ofproto.OfKey;

/**
 * Field writes between their wire forms (an OXM/NXM TLV in OFPAT_SET_FIELD or NXAST_REG_LOAD2;
 * a header plus bit range in NXAST_REG_LOAD and NXAST_REG_MOVE) and {@link OfAction}s:
 * {@link OfAction.SetField} for packet fields, {@link OfAction.SetReg} for registers,
 * {@link OfAction.WriteMetadata} for metadata, {@link OfAction.SetVlanVid}/{@code SetVlanPcp}
 * for the VLAN fields (a set_field on vlan_vid gives an untagged packet a tag, as in OVS).
 */
public final class SetFieldCodec {
    private SetFieldCodec() {
    }

    /** Reads one TLV (value, and mask if it has one) as the actions that write it. */
    public static List<OfAction> readTlv(ByteBuf b, boolean allowMask) {
        OfWire.need(b, 4, "set_field");
        int h = b.readInt();
        if (TunMetadataCodec.index(h) >= 0) {
            return List.of(TunMetadataCodec.readSetField(b, h, allowMask));
        }
        OxmField f = OxmFields.byHeader(h);
        boolean hasMask = (h & 0x100) != 0;
        int len = h & 0xff;
        if (f == null) {
            throw new OfCodecException(OfError.Type.BAD_ACTION, "BAD_SET_TYPE", "field 0x" + Integer.toHexString(h));
        }
        if (len != (hasMask ? 2 * f.len() : f.len()) || (hasMask && !allowMask)) {
            throw new OfCodecException(OfError.Type.BAD_ACTION, "BAD_SET_LEN", f.name());
        }
        OfWire.need(b, len, "set_field value");
        if (f.len() == 16) {
            long hi = b.readLong();
            long lo = b.readLong();
            long mhi = hasMask ? b.readLong() : -1L;
            long mlo = hasMask ? b.readLong() : -1L;
            return List.of(new OfAction.SetField(f.flowField(), hi & mhi, mhi, lo & mlo, mlo));
        }
        long v = MatchCodec.readN(b, f.len());
        long m = hasMask ? MatchCodec.readN(b, f.len()) : -1L;
        return write(f, v >>> f.wireShift() & f.valueBits(), m >>> f.wireShift() & f.valueBits());
    }

    /** The actions that write {@code value} (a slice of {@code f}) under {@code mask}. */
    public static List<OfAction> write(OxmField f, long value, long mask) {
        long full = f.valueBits();
        return switch (f.target()) {
            case REG -> List.of(new OfAction.SetReg(f.reg(), value & mask, mask));
            case WORD -> {
                if (f.reg() == OfKey.W_METADATA) {
                    yield List.of(new OfAction.WriteMetadata(value & mask, mask));
                }
                int r = (f.reg() - OfKey.W_REGS) * 2;
                yield List.of(new OfAction.SetReg(r, (int) (value >>> 32 & mask >>> 32), mask >>> 32),
                        new OfAction.SetReg(r + 1, (int) (value & mask), mask & 0xffffffffL));
            }
            case IN_PORT16, IN_PORT32 -> {
                int port = f.target() == OxmField.Target.IN_PORT32 ? OfWire.portFrom32((int) value) : (int) value;
                yield List.of(OfAction.SetField.of(FlowField.IN_PORT, port));
            }
            case FLOW -> {
                if (f.name().equals("vlan_vid") && mask == full) {
                    yield List.of(new OfAction.SetVlanVid((int) value & 0xfff, true));
                }
                if (f.name().equals("vlan_pcp") && mask == full) {
                    yield List.of(new OfAction.SetVlanPcp((int) value & 7, true));
                }
                yield List.of(OfAction.SetField.masked(f.flowField(), (value & mask) << f.shift(), mask << f.shift()));
            }
        };
    }

    /**
     * The OXM (or, with {@code nxm}, NXM) field that a SetField writes whole, or the full-width
     * field when the mask covers part of it ({@code null} if no header names the field).
     */
    public static OxmField fieldFor(FlowField field, long mask, boolean nxm) {
        OxmField whole = null;
        for (OxmField f : OxmFields.all()) {
            if (f.target() != OxmField.Target.FLOW || f.flowField() != field || f.cfi() || !(nxm ? f.nxm() : f.oxm())) {
                continue;
            }
            long sliceMask = f.valueBits() << f.shift();
            if (field.words == 1 && sliceMask == mask) {
                return f;
            }
            if (f.shift() == 0 && f.bits() >= Math.min(field.bits, 64) && whole == null) {
                whole = f;
            }
        }
        return whole;
    }

    /** The register field {@code reg0}..{@code reg15}. */
    public static OxmField regField(int reg) {
        return OxmFields.byId(OxmFields.NXM_NX << 7 | reg);
    }

    /** An NXM field reference (header and bit offset) for a {@link OfAction.FieldRef}. */
    public static int headerOf(OfAction.FieldRef r) {
        if (r.field() == null) {
            return regField(r.reg()).header(false);
        }
        OxmField f = fieldFor(r.field(), -1L, true);
        if (f == null) {
            throw new OfCodecException(OfError.Type.BAD_ACTION, "BAD_ARGUMENT", "no NXM header for " + r.field());
        }
        return f.header(false);
    }

    /** The field reference a header and bit range name. */
    public static OfAction.FieldRef refOf(int header, int ofs, int nBits) {
        OxmField f = OxmFields.byHeader(header);
        if (f == null || f.target() == OxmField.Target.WORD || ofs + nBits > 8 * f.len() || nBits <= 0) {
            throw new OfCodecException(OfError.Type.BAD_ACTION, "BAD_ARGUMENT",
                    "field 0x" + Integer.toHexString(header) + "[" + ofs + ".." + (ofs + nBits - 1) + "]");
        }
        return switch (f.target()) {
            case REG -> new OfAction.FieldRef(null, f.reg(), ofs, nBits);
            case IN_PORT16, IN_PORT32 -> new OfAction.FieldRef(FlowField.IN_PORT, 0, ofs, nBits);
            default -> new OfAction.FieldRef(f.flowField(), 0, Math.max(0, ofs - f.wireShift()) + f.shift(), nBits);
        };
    }
}
