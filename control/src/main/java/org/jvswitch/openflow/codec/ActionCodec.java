package org.jvswitch.openflow.codec;

import io.netty.buffer.ByteBuf;
import java.util.ArrayList;
import java.util.List;
import org.jvswitch.dataplane.flow.FlowField;
import org.jvswitch.ofproto.OfAction;
import org.jvswitch.ofproto.OfError;
import org.jvswitch.ofproto.OfKey;

/**
 * OpenFlow action lists to and from {@link OfAction}s, for every version. Each action is
 * {@code type (2) | len (2) | body}, a multiple of 8 bytes. Types:
 *
 * <pre>
 *   OpenFlow 1.0: 0 output (port 2, max_len 2) | 1 set_vlan_vid | 2 set_vlan_pcp | 3 strip_vlan
 *                 | 4 set_dl_src | 5 set_dl_dst | 6 set_nw_src | 7 set_nw_dst | 8 set_nw_tos
 *                 | 9 set_tp_src | 10 set_tp_dst | 11 enqueue | 0xffff vendor
 *   OpenFlow 1.1+: 0 output (port 4, max_len 2, pad 6) | 1..10 as 1.0 shifted (1.1 only)
 *                 | 11 copy_ttl_out | 12 copy_ttl_in | 15 set_mpls_ttl | 16 dec_mpls_ttl
 *                 | 17 push_vlan | 18 pop_vlan | 19 push_mpls | 20 pop_mpls | 21 set_queue
 *                 | 22 group | 23 set_nw_ttl | 24 dec_nw_ttl | 25 set_field (1.2+)
 *                 | 29 meter (1.5) | 0xffff experimenter
 * </pre>
 *
 * Nicira's vendor actions are {@link NxActions}. What a version cannot carry is written as the
 * Nicira action Open vSwitch uses for it (registers, resubmit, dec_ttl in 1.0...).
 */
public final class ActionCodec {
    private ActionCodec() {
    }

    /** Reads {@code len} bytes of actions. */
    public static List<OfAction> read(ByteBuf b, int len, int version) {
        OfWire.need(b, len, "actions");
        List<OfAction> out = new ArrayList<>();
        int end = b.readerIndex() + len;
        while (b.readerIndex() < end) {
            if (end - b.readerIndex() < 8) {
                throw bad("BAD_LEN", "truncated action");
            }
            int start = b.readerIndex();
            int type = b.readUnsignedShort();
            int alen = b.readUnsignedShort();
            if (alen < 8 || alen % 8 != 0 || start + alen > end) {
                throw bad("BAD_LEN", "action type " + type + " length " + alen);
            }
            if (type == 0xffff) {
                int vendor = b.readInt();
                if (vendor != OfWire.NX_VENDOR || alen < 16) {
                    throw bad("BAD_EXPERIMENTER", "vendor 0x" + Integer.toHexString(vendor));
                }
                int subtype = b.readUnsignedShort();
                NxActions.read(b, subtype, alen - 10, out);
            } else if (version == OfWire.OF10) {
                read10(b, type, alen, out);
            } else {
                read11(b, type, alen, version, out);
            }
            b.readerIndex(start + alen);
        }
        return out;
    }

    private static void read10(ByteBuf b, int type, int alen, List<OfAction> out) {
        switch (type) {
            case 0 -> {
                int port = b.readUnsignedShort();
                out.add(new OfAction.Output(checkPort(port), b.readUnsignedShort()));
            }
            case 1 -> out.add(new OfAction.SetVlanVid(b.readUnsignedShort() & 0xfff, true));
            case 2 -> out.add(new OfAction.SetVlanPcp(b.readUnsignedByte() & 7, true));
            case 3 -> out.add(new OfAction.StripVlan());
            case 4 -> out.add(OfAction.SetField.of(FlowField.ETH_SRC, MatchCodec.read48(need(b, 6, alen))));
            case 5 -> out.add(OfAction.SetField.of(FlowField.ETH_DST, MatchCodec.read48(need(b, 6, alen))));
            case 6 -> out.add(OfAction.SetField.of(FlowField.NW_SRC, b.readUnsignedInt()));
            case 7 -> out.add(OfAction.SetField.of(FlowField.NW_DST, b.readUnsignedInt()));
            case 8 -> out.add(OfAction.SetField.masked(FlowField.NW_TOS, b.readUnsignedByte() & 0xfc, 0xfc));
            case 9 -> out.add(OfAction.SetField.of(FlowField.TP_SRC, b.readUnsignedShort()));
            case 10 -> out.add(OfAction.SetField.of(FlowField.TP_DST, b.readUnsignedShort()));
            case 11 -> {
                need(b, 12, alen);
                int port = b.readUnsignedShort();
                b.skipBytes(6);
                out.add(new OfAction.SetQueue(b.readInt()));
                out.add(new OfAction.Output(checkPort(port)));
            }
            default -> throw bad("BAD_TYPE", "OpenFlow 1.0 action type " + type);
        }
    }

    private static void read11(ByteBuf b, int type, int alen, int version, List<OfAction> out) {
        switch (type) {
            case 0 -> {
                int port = OfWire.portFrom32(need(b, 6, alen).readInt());
                out.add(new OfAction.Output(checkPort(port), b.readUnsignedShort()));
            }
            case 1 -> out.add(new OfAction.SetVlanVid(b.readUnsignedShort() & 0xfff, true));
            case 2 -> out.add(new OfAction.SetVlanPcp(b.readUnsignedByte() & 7, true));
            case 3 -> out.add(OfAction.SetField.of(FlowField.ETH_SRC, MatchCodec.read48(need(b, 6, alen))));
            case 4 -> out.add(OfAction.SetField.of(FlowField.ETH_DST, MatchCodec.read48(need(b, 6, alen))));
            case 5 -> out.add(OfAction.SetField.of(FlowField.NW_SRC, b.readUnsignedInt()));
            case 6 -> out.add(OfAction.SetField.of(FlowField.NW_DST, b.readUnsignedInt()));
            case 7 -> out.add(OfAction.SetField.masked(FlowField.NW_TOS, b.readUnsignedByte() & 0xfc, 0xfc));
            case 8 -> out.add(OfAction.SetField.masked(FlowField.NW_TOS, b.readUnsignedByte() & 3, 3));
            case 9 -> out.add(OfAction.SetField.of(FlowField.TP_SRC, b.readUnsignedShort()));
            case 10 -> out.add(OfAction.SetField.of(FlowField.TP_DST, b.readUnsignedShort()));
            case 11 -> out.add(new OfAction.CopyTtlOut());
            case 12 -> out.add(new OfAction.CopyTtlIn());
            case 13 -> out.add(OfAction.SetField.masked(FlowField.MPLS_LSE, (b.readInt() & 0xfffffL) << 12,
                    0xfffff000L));
            case 14 -> out.add(OfAction.SetField.masked(FlowField.MPLS_LSE, (b.readUnsignedByte() & 7L) << 9, 0xe00L));
            case 15 -> out.add(new OfAction.SetMplsTtl(b.readUnsignedByte()));
            case 16 -> out.add(new OfAction.DecMplsTtl());
            case 17 -> {
                int tpid = b.readUnsignedShort();
                if (tpid != 0x8100 && tpid != 0x88a8) {
                    throw bad("BAD_ARGUMENT", "push_vlan ethertype 0x" + Integer.toHexString(tpid));
                }
                out.add(new OfAction.PushVlan(tpid));
            }
            case 18 -> out.add(new OfAction.PopVlan());
            case 19 -> out.add(new OfAction.PushMpls(b.readUnsignedShort()));
            case 20 -> out.add(new OfAction.PopMpls(b.readUnsignedShort()));
            case 21 -> out.add(new OfAction.SetQueue(b.readInt()));
            case 22 -> out.add(new OfAction.Group(b.readInt()));
            case 23 -> out.add(OfAction.SetField.of(FlowField.NW_TTL, b.readUnsignedByte()));
            case 24 -> out.add(new OfAction.DecTtl());
            case 25 -> {
                if (version < OfWire.OF12) {
                    throw bad("BAD_TYPE", "set_field before OpenFlow 1.2");
                }
                out.addAll(SetFieldCodec.readTlv(b, version >= OfWire.OF15));
            }
            case 29 -> {
                if (version < OfWire.OF15) {
                    throw bad("BAD_TYPE", "meter action before OpenFlow 1.5");
                }
                out.add(new OfAction.Meter(b.readInt()));
            }
            default -> throw bad("BAD_TYPE", "action type " + type);
        }
    }

    private static ByteBuf need(ByteBuf b, int n, int alen) {
        if (alen - 4 < n) {
            throw bad("BAD_LEN", "action length " + alen);
        }
        return b;
    }

    private static int checkPort(int port) {
        if (port < 0 || (port >= OfKey.OFPP_MAX && port < OfKey.OFPP_IN_PORT) || port == OfKey.OFPP_NONE) {
            throw bad("BAD_OUT_PORT", "output to port " + (port < 0 ? "(invalid)" : OfKey.portName(port)));
        }
        return port;
    }

    static OfCodecException bad(String code, String detail) {
        return new OfCodecException(OfError.Type.BAD_ACTION, code, detail);
    }

    // ---- encoding ----

    /** Writes actions (not instructions: those are {@link InstructionCodec}'s); returns the bytes written. */
    public static int write(ByteBuf b, List<OfAction> actions, int version) {
        int start = b.writerIndex();
        for (OfAction a : actions) {
            writeOne(b, a, version);
        }
        return b.writerIndex() - start;
    }

    private static void writeOne(ByteBuf b, OfAction a, int v) {
        boolean of10 = v == OfWire.OF10;
        switch (a) {
            case OfAction.Output o -> {
                if (of10) {
                    fixed(b, 0, 8).writeShort(o.port()).writeShort(o.maxLen());
                } else {
                    fixed(b, 0, 16).writeInt(OfWire.portTo32(o.port())).writeShort(o.maxLen()).writeZero(6);
                }
            }
            case OfAction.Controller c -> NxActions.controller(b, c);
            case OfAction.Resubmit r -> NxActions.resubmit(b, r);
            case OfAction.SetField s -> setField(b, s, v);
            case OfAction.SetTunMetadata t -> TunMetadataCodec.writeSetField(b, t, v);
            case OfAction.SetReg r -> {
                if (v >= OfWire.OF15) {
                    setField15(b, SetFieldCodec.regField(r.reg()), r.value() & 0xffffffffL, r.mask() & 0xffffffffL);
                } else {
                    NxActions.setReg(b, r);
                }
            }
            case OfAction.Move m -> NxActions.move(b, m);
            case OfAction.SetVlanVid s -> {
                if (v >= OfWire.OF12) {
                    fixed(b, 25, 16).writeInt(0x80000c02).writeShort(0x1000 | s.vid()).writeZero(6);
                } else {
                    fixed(b, 1, 8).writeShort(s.vid()).writeZero(2);
                }
            }
            case OfAction.SetVlanPcp s -> {
                if (v >= OfWire.OF12) {
                    fixed(b, 25, 16).writeInt(0x80000e01).writeByte(s.pcp()).writeZero(7);
                } else {
                    fixed(b, 2, 8).writeByte(s.pcp()).writeZero(3);
                }
            }
            case OfAction.StripVlan s -> fixed(b, of10 ? 3 : 18, 8).writeZero(4);
            case OfAction.PopVlan s -> fixed(b, of10 ? 3 : 18, 8).writeZero(4);
            case OfAction.PushVlan p -> {
                if (!of10) {
                    fixed(b, 17, 8).writeShort(p.tpid()).writeZero(2);
                }
            }
            case OfAction.PushMpls p -> {
                if (of10) {
                    NxActions.mplsEthType(b, NxActions.PUSH_MPLS, p.ethType());
                } else {
                    fixed(b, 19, 8).writeShort(p.ethType()).writeZero(2);
                }
            }
            case OfAction.PopMpls p -> {
                if (of10) {
                    NxActions.mplsEthType(b, NxActions.POP_MPLS, p.ethType());
                } else {
                    fixed(b, 20, 8).writeShort(p.ethType()).writeZero(2);
                }
            }
            case OfAction.DecTtl d -> {
                if (of10) {
                    NxActions.simple(b, NxActions.DEC_TTL);
                } else {
                    fixed(b, 24, 8).writeZero(4);
                }
            }
            case OfAction.DecMplsTtl d -> {
                if (of10) {
                    NxActions.simple(b, NxActions.DEC_MPLS_TTL);
                } else {
                    fixed(b, 16, 8).writeZero(4);
                }
            }
            case OfAction.SetMplsTtl s -> {
                if (of10) {
                    NxActions.setMplsTtl(b, s.ttl());
                } else {
                    fixed(b, 15, 8).writeByte(s.ttl()).writeZero(3);
                }
            }
            case OfAction.CopyTtlOut c -> {
                if (!of10) {
                    fixed(b, 11, 8).writeZero(4);
                }
            }
            case OfAction.CopyTtlIn c -> {
                if (!of10) {
                    fixed(b, 12, 8).writeZero(4);
                }
            }
            case OfAction.Group g -> {
                if (of10) {
                    NxActions.group(b, g.groupId());
                } else {
                    fixed(b, 22, 8).writeInt(g.groupId());
                }
            }
            case OfAction.SetQueue q -> {
                if (of10) {
                    NxActions.setQueue(b, q.queueId());
                } else {
                    fixed(b, 21, 8).writeInt(q.queueId());
                }
            }
            case OfAction.Meter m -> {
                if (v >= OfWire.OF15) {
                    fixed(b, 29, 8).writeInt(m.meterId());
                }
            }
            case OfAction.WriteMetadata w -> NxActions.writeMetadata(b, w);
            case OfAction.GotoTable g -> NxActions.resubmit(b, new OfAction.Resubmit(OfKey.OFPP_IN_PORT, g.table()));
            case OfAction.ClearActions c -> { }
            case OfAction.WriteActions w -> { }
        }
    }

    private static ByteBuf fixed(ByteBuf b, int type, int len) {
        return b.writeShort(type).writeShort(len);
    }

    private static void setField(ByteBuf b, OfAction.SetField s, int v) {
        FlowField f = s.field();
        long full = f.bits >= 64 ? -1L : (1L << f.bits) - 1;
        boolean whole = f.words == 2 ? s.mask() == -1L && s.mask2() == -1L : (s.mask() & full) == full;
        if (v <= OfWire.OF11 && whole && f.words == 1 && of10Set(b, f, s.value(), v)) {
            return;
        }
        if (v <= OfWire.OF11 && f == FlowField.NW_TOS && s.mask() == 0xfc) {
            fixed(b, v == OfWire.OF10 ? 8 : 7, 8).writeByte((int) s.value() & 0xfc).writeZero(3);
            return;
        }
        OxmField x = SetFieldCodec.fieldFor(f, f.words == 2 ? -1L : s.mask() & full, v < OfWire.OF12);
        if (x == null) {
            return;
        }
        if (f.words == 2) {
            if (whole && v >= OfWire.OF12) {
                int st = b.writerIndex();
                fixed(b, 25, 0).writeInt(x.header(false)).writeLong(s.value()).writeLong(s.value2());
                OfWire.pad8(b, st);
                b.setShort(st + 2, b.writerIndex() - st);
            } else {
                NxActions.load128(b, x, s);
            }
            return;
        }
        long sliceMask = (s.mask() & full) >>> x.shift() & x.valueBits();
        long slice = (s.value() & full) >>> x.shift() & x.valueBits();
        boolean exact = sliceMask == x.valueBits() && (x.valueBits() << x.shift()) == (s.mask() & full);
        if (v >= OfWire.OF15) {
            setField15(b, x, slice, sliceMask);
        } else if (v >= OfWire.OF12 && exact) {
            int st = b.writerIndex();
            fixed(b, 25, 0).writeInt(x.header(false));
            MatchCodec.writeN(b, x.len(), slice << x.wireShift());
            OfWire.pad8(b, st);
            b.setShort(st + 2, b.writerIndex() - st);
        } else {
            NxActions.load(b, x, slice, sliceMask);
        }
    }

    /** OpenFlow 1.5's set_field, masked when the mask is not the whole field (NXAST_REG_LOAD is gone in 1.5). */
    private static void setField15(ByteBuf b, OxmField x, long slice, long sliceMask) {
        boolean masked = sliceMask != x.valueBits();
        int st = b.writerIndex();
        fixed(b, 25, 0).writeInt(x.header(masked));
        MatchCodec.writeN(b, x.len(), (slice & sliceMask) << x.wireShift());
        if (masked) {
            MatchCodec.writeN(b, x.len(), sliceMask << x.wireShift());
        }
        OfWire.pad8(b, st);
        b.setShort(st + 2, b.writerIndex() - st);
    }

    /** OpenFlow 1.0/1.1's own set actions for whole Ethernet, IPv4 and port fields. */
    private static boolean of10Set(ByteBuf b, FlowField f, long value, int v) {
        boolean of10 = v == OfWire.OF10;
        switch (f) {
            case ETH_SRC -> MatchCodec.write48(fixed(b, of10 ? 4 : 3, 16), value);
            case ETH_DST -> MatchCodec.write48(fixed(b, of10 ? 5 : 4, 16), value);
            case NW_SRC -> {
                fixed(b, of10 ? 6 : 5, 8).writeInt((int) value);
                return true;
            }
            case NW_DST -> {
                fixed(b, of10 ? 7 : 6, 8).writeInt((int) value);
                return true;
            }
            case TP_SRC -> {
                fixed(b, 9, 8).writeShort((int) value).writeZero(2);
                return true;
            }
            case TP_DST -> {
                fixed(b, 10, 8).writeShort((int) value).writeZero(2);
                return true;
            }
            default -> {
                return false;
            }
        }
        b.writeZero(6);
        return true;
    }
}
