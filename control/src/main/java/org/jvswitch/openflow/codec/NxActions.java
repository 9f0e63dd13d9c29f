package org.jvswitch.openflow.codec;

import io.netty.buffer.ByteBuf;
import java.util.List;
import org.jvswitch.dataplane.flow.FlowField;
import org.jvswitch.ofproto.OfAction;
import org.jvswitch.ofproto.OfError;

/**
 * The Nicira extension actions we understand, as vendor (experimenter) actions in any OpenFlow
 * version. Layout: {@code type 0xffff (2) | len (2) | vendor 0x2320 (4) | subtype (2) | body},
 * padded to a multiple of 8:
 *
 * <pre>
 *   1  RESUBMIT        in_port (2) | pad (4)
 *   14 RESUBMIT_TABLE  in_port (2) | table (1) | pad (3)        (44 RESUBMIT_TABLE_CT: the same)
 *   2  SET_TUNNEL      pad (2) | tun_id (4)          9 SET_TUNNEL64  pad (6) | tun_id (8)
 *   4  SET_QUEUE       pad (2) | queue (4)           5 POP_QUEUE     pad (6)
 *   6  REG_MOVE        n_bits (2) | src_ofs (2) | dst_ofs (2) | src (4) | dst (4)
 *   7  REG_LOAD        ofs_nbits (2) | dst (4) | value (8)
 *   33 REG_LOAD2       one NXM/OXM TLV, maybe masked
 *   8  NOTE            bytes                         17 EXIT
 *   18 DEC_TTL         pad (6)                       21 DEC_TTL_CNT_IDS  n (2) | pad (4) | ids
 *   20 CONTROLLER      max_len (2) | controller_id (2) | reason (1) | pad (1)
 *   37 CONTROLLER2     properties: max_len (0), controller_id (1), reason (2), others ignored
 *   22 WRITE_METADATA  pad (6) | metadata (8) | mask (8)
 *   23 PUSH_MPLS / 24 POP_MPLS   ethertype (2) | pad (4)
 *   25 SET_MPLS_TTL    ttl (1) | pad (5)              26 DEC_MPLS_TTL  pad (6)
 *   30 SET_MPLS_LABEL  pad (2) | label (4)            31 SET_MPLS_TC   tc (1) | pad (5)
 *   40 GROUP           pad (2) | group_id (4)        (groups in OpenFlow 1.0)
 * </pre>
 */
public final class NxActions {
    static final int RESUBMIT = 1;
    static final int SET_TUNNEL = 2;
    static final int SET_QUEUE = 4;
    static final int POP_QUEUE = 5;
    static final int REG_MOVE = 6;
    static final int REG_LOAD = 7;
    static final int NOTE = 8;
    static final int SET_TUNNEL64 = 9;
    static final int RESUBMIT_TABLE = 14;
    static final int EXIT = 17;
    static final int DEC_TTL = 18;
    static final int CONTROLLER = 20;
    static final int DEC_TTL_CNT_IDS = 21;
    static final int WRITE_METADATA = 22;
    static final int PUSH_MPLS = 23;
    static final int POP_MPLS = 24;
    static final int SET_MPLS_TTL = 25;
    static final int DEC_MPLS_TTL = 26;
    static final int SET_MPLS_LABEL = 30;
    static final int SET_MPLS_TC = 31;
    static final int REG_LOAD2 = 33;
    static final int CONTROLLER2 = 37;
    static final int GROUP = 40;
    static final int RESUBMIT_TABLE_CT = 44;

    private NxActions() {
    }

    /** Decodes the body of an NX action; {@code b} is positioned after the subtype, {@code bodyLen} bytes remain. */
    static void read(ByteBuf b, int subtype, int bodyLen, List<OfAction> out) {
        int start = b.readerIndex();
        switch (subtype) {
            case RESUBMIT -> out.add(new OfAction.Resubmit(b.readUnsignedShort(), 0xff));
            case RESUBMIT_TABLE, RESUBMIT_TABLE_CT -> {
                int port = b.readUnsignedShort();
                out.add(new OfAction.Resubmit(port, b.readUnsignedByte()));
            }
            case SET_TUNNEL -> {
                b.skipBytes(2);
                out.add(OfAction.SetField.of(FlowField.TUN_ID, b.readUnsignedInt()));
            }
            case SET_TUNNEL64 -> {
                b.skipBytes(6);
                out.add(OfAction.SetField.of(FlowField.TUN_ID, b.readLong()));
            }
            case SET_QUEUE -> {
                b.skipBytes(2);
                out.add(new OfAction.SetQueue(b.readInt()));
            }
            case POP_QUEUE, NOTE, EXIT -> { }
            case REG_MOVE -> {
                int nBits = b.readUnsignedShort();
                int srcOfs = b.readUnsignedShort();
                int dstOfs = b.readUnsignedShort();
                int src = b.readInt();
                int dst = b.readInt();
                out.add(new OfAction.Move(SetFieldCodec.refOf(src, srcOfs, nBits),
                        SetFieldCodec.refOf(dst, dstOfs, nBits)));
            }
            case REG_LOAD -> {
                int ofsNbits = b.readUnsignedShort();
                int dst = b.readInt();
                long value = b.readLong();
                int ofs = ofsNbits >>> 6;
                int nBits = (ofsNbits & 0x3f) + 1;
                OxmField f = OxmFields.byHeader(dst);
                if (f == null || ofs + nBits > 8 * f.len()) {
                    throw badArg("reg_load to 0x" + Integer.toHexString(dst));
                }
                long bits = nBits >= 64 ? -1L : (1L << nBits) - 1;
                if ((value & ~bits) != 0) {
                    throw badArg("reg_load value wider than " + nBits + " bits");
                }
                if (f.len() == 16) {
                    // A 128-bit field (IPv6 address, nd_target, tun_ipv6_*): ovs-ofctl loads it in
                    // two 64-bit halves, bit 0 being the address's last bit.
                    load128Half(out, f, value, bits, ofs);
                    break;
                }
                long wireMask = bits << ofs;
                out.addAll(SetFieldCodec.write(f, (value << ofs) >>> f.wireShift() & f.valueBits(),
                        wireMask >>> f.wireShift() & f.valueBits()));
            }
            case REG_LOAD2 -> out.addAll(SetFieldCodec.readTlv(b, true));
            case DEC_TTL, DEC_TTL_CNT_IDS -> out.add(new OfAction.DecTtl());
            case CONTROLLER -> {
                int maxLen = b.readUnsignedShort();
                int id = b.readUnsignedShort();
                int reason = b.readUnsignedByte();
                out.add(new OfAction.Controller(maxLen, reason, id));
            }
            case CONTROLLER2 -> out.add(readController2(b, bodyLen));
            case WRITE_METADATA -> {
                b.skipBytes(6);
                long md = b.readLong();
                long mask = b.readLong();
                out.add(new OfAction.WriteMetadata(md & mask, mask));
            }
            case PUSH_MPLS -> out.add(new OfAction.PushMpls(b.readUnsignedShort()));
            case POP_MPLS -> out.add(new OfAction.PopMpls(b.readUnsignedShort()));
            case SET_MPLS_TTL -> out.add(new OfAction.SetMplsTtl(b.readUnsignedByte()));
            case DEC_MPLS_TTL -> out.add(new OfAction.DecMplsTtl());
            case SET_MPLS_LABEL -> {
                b.skipBytes(2);
                out.add(OfAction.SetField.masked(FlowField.MPLS_LSE, (b.readInt() & 0xfffffL) << 12, 0xfffff000L));
            }
            case GROUP -> {
                b.skipBytes(2);
                out.add(new OfAction.Group(b.readInt()));
            }
            case SET_MPLS_TC -> out.add(OfAction.SetField.masked(FlowField.MPLS_LSE, (b.readUnsignedByte() & 7L) << 9,
                    0xe00L));
            default -> throw new OfCodecException(OfError.Type.BAD_ACTION, "BAD_EXPERIMENTER_TYPE",
                    "Nicira action subtype " + subtype);
        }
        if (b.readerIndex() - start > bodyLen) {
            throw new OfCodecException(OfError.Type.BAD_ACTION, "BAD_LEN", "Nicira action " + subtype);
        }
        b.readerIndex(start + bodyLen);
    }

    private static OfAction readController2(ByteBuf b, int bodyLen) {
        int maxLen = 0xffff;
        int id = 0;
        int reason = 1;
        int end = b.readerIndex() + bodyLen;
        b.skipBytes(6);
        while (end - b.readerIndex() >= 4) {
            int type = b.readUnsignedShort();
            int len = b.readUnsignedShort();
            if (len < 4 || b.readerIndex() - 4 + len > end) {
                break;
            }
            int propEnd = b.readerIndex() - 4 + OfWire.padded8(len);
            switch (type) {
                case 0 -> maxLen = b.readUnsignedShort();
                case 1 -> id = b.readUnsignedShort();
                case 2 -> reason = b.readUnsignedByte();
                default -> { }
            }
            b.readerIndex(Math.min(end, propEnd));
        }
        return new OfAction.Controller(maxLen, reason, id);
    }

    private static OfCodecException badArg(String what) {
        return new OfCodecException(OfError.Type.BAD_ACTION, "BAD_ARGUMENT", what);
    }

    // ---- encoding ----

    private static int begin(ByteBuf b, int subtype) {
        int start = b.writerIndex();
        b.writeShort(0xffff).writeShort(0).writeInt(OfWire.NX_VENDOR).writeShort(subtype);
        return start;
    }

    private static void end(ByteBuf b, int start) {
        OfWire.pad8(b, start);
        b.setShort(start + 2, b.writerIndex() - start);
    }

    static void resubmit(ByteBuf b, OfAction.Resubmit r) {
        int s = begin(b, r.table() == 0xff ? RESUBMIT : RESUBMIT_TABLE);
        b.writeShort(r.port()).writeByte(r.table() == 0xff ? 0 : r.table());
        end(b, s);
    }

    static void controller(ByteBuf b, OfAction.Controller c) {
        int s = begin(b, CONTROLLER);
        b.writeShort(c.maxLen()).writeShort(c.controllerId()).writeByte(c.reason());
        end(b, s);
    }

    static void simple(ByteBuf b, int subtype) {
        int s = begin(b, subtype);
        end(b, s);
    }

    static void group(ByteBuf b, int groupId) {
        int s = begin(b, GROUP);
        b.writeShort(0).writeInt(groupId);
        end(b, s);
    }

    static void setQueue(ByteBuf b, int queue) {
        int s = begin(b, SET_QUEUE);
        b.writeShort(0).writeInt(queue);
        end(b, s);
    }

    static void writeMetadata(ByteBuf b, OfAction.WriteMetadata w) {
        int s = begin(b, WRITE_METADATA);
        b.writeZero(6).writeLong(w.value()).writeLong(w.mask());
        end(b, s);
    }

    static void mplsEthType(ByteBuf b, int subtype, int ethType) {
        int s = begin(b, subtype);
        b.writeShort(ethType);
        end(b, s);
    }

    static void setMplsTtl(ByteBuf b, int ttl) {
        int s = begin(b, SET_MPLS_TTL);
        b.writeByte(ttl);
        end(b, s);
    }

    static void move(ByteBuf b, OfAction.Move m) {
        int s = begin(b, REG_MOVE);
        b.writeShort(m.src().nBits()).writeShort(m.src().ofs()).writeShort(m.dst().ofs());
        b.writeInt(SetFieldCodec.headerOf(m.src())).writeInt(SetFieldCodec.headerOf(m.dst()));
        end(b, s);
    }

    /** NXAST_REG_LOAD when the mask is one run of bits, else NXAST_REG_LOAD2 with a masked TLV. */
    static void load(ByteBuf b, OxmField f, long value, long mask) {
        long wireValue = value << f.wireShift();
        long wireMask = mask << f.wireShift();
        int ofs = Long.numberOfTrailingZeros(wireMask);
        int nBits = 64 - Long.numberOfLeadingZeros(wireMask) - ofs;
        boolean contiguous = wireMask != 0 && Long.bitCount(wireMask) == nBits && f.len() <= 8;
        if (contiguous) {
            int s = begin(b, REG_LOAD);
            b.writeShort(ofs << 6 | nBits - 1).writeInt(f.header(false)).writeLong(wireValue >>> ofs
                    & (nBits >= 64 ? -1L : (1L << nBits) - 1));
            end(b, s);
            return;
        }
        int s = begin(b, REG_LOAD2);
        b.writeInt(f.header(true));
        MatchCodec.writeN(b, f.len(), wireValue & wireMask);
        MatchCodec.writeN(b, f.len(), wireMask);
        end(b, s);
    }

    /**
     * Adds a REG_LOAD of bits {@code [ofs, ofs+nBits)} of a 128-bit field as a SetField (value =
     * high word, value2 = low word), merged into the previous action when that one loaded the
     * other bits of the same field, so a whole address loaded in two halves is one set_field.
     */
    private static void load128Half(List<OfAction> out, OxmField f, long value, long bits, int ofs) {
        long hi;
        long mhi;
        long lo;
        long mlo;
        if (ofs >= 64) {
            hi = value << (ofs - 64);
            mhi = bits << (ofs - 64);
            lo = 0;
            mlo = 0;
        } else {
            lo = value << ofs;
            mlo = bits << ofs;
            hi = ofs == 0 ? 0 : value >>> (64 - ofs);
            mhi = ofs == 0 ? 0 : bits >>> (64 - ofs);
        }
        if (!out.isEmpty() && out.getLast() instanceof OfAction.SetField p && p.field() == f.flowField()
                && (p.mask() & mhi) == 0 && (p.mask2() & mlo) == 0) {
            out.set(out.size() - 1, new OfAction.SetField(p.field(), p.value() | hi, p.mask() | mhi, p.value2() | lo,
                    p.mask2() | mlo));
            return;
        }
        out.add(new OfAction.SetField(f.flowField(), hi, mhi, lo, mlo));
    }

    static void load128(ByteBuf b, OxmField f, OfAction.SetField s) {
        int st = begin(b, REG_LOAD2);
        boolean masked = s.mask() != -1L || s.mask2() != -1L;
        b.writeInt(f.header(masked));
        b.writeLong(s.value()).writeLong(s.value2());
        if (masked) {
            b.writeLong(s.mask()).writeLong(s.mask2());
        }
        end(b, st);
    }

    /** Registers' and metadata's loads as NX actions. */
    static void setReg(ByteBuf b, OfAction.SetReg r) {
        load(b, SetFieldCodec.regField(r.reg()), r.value() & 0xffffffffL, r.mask() & 0xffffffffL);
    }
}
