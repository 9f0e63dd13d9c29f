package org.jvswitch.openflow.codec;

import io.netty.buffer.ByteBuf;
import java.util.ArrayList;
import java.util.List;
import org.jvswitch.ofproto.OfAction;
import org.jvswitch.ofproto.OfError;

/**
 * OpenFlow 1.1+ instructions to and from the flat {@link OfAction} list a rule holds. Each
 * instruction is {@code type (2) | len (2) | body}:
 *
 * <pre>
 *   1 goto_table      table (1) | pad (3)
 *   2 write_metadata  pad (4) | metadata (8) | mask (8)
 *   3 write_actions   pad (4) | actions
 *   4 apply_actions   pad (4) | actions
 *   5 clear_actions   pad (4)
 *   6 meter           meter_id (4)                  (1.3 and 1.4; an action in 1.5)
 * </pre>
 *
 * The list comes out in the order OpenFlow executes instructions (meter, apply-actions,
 * clear-actions, write-actions, write-metadata, goto-table), whatever their order on the wire.
 */
public final class InstructionCodec {
    private InstructionCodec() {
    }

    public static List<OfAction> read(ByteBuf b, int len, int version) {
        OfWire.need(b, len, "instructions");
        OfAction meter = null;
        List<OfAction> apply = null;
        OfAction clear = null;
        OfAction write = null;
        OfAction metadata = null;
        OfAction gotoTable = null;
        int end = b.readerIndex() + len;
        while (b.readerIndex() < end) {
            if (end - b.readerIndex() < 8) {
                throw bad("BAD_LEN", "truncated instruction");
            }
            int start = b.readerIndex();
            int type = b.readUnsignedShort();
            int ilen = b.readUnsignedShort();
            if (ilen < 8 || ilen % 8 != 0 || start + ilen > end) {
                throw bad("BAD_LEN", "instruction type " + type + " length " + ilen);
            }
            boolean dup = switch (type) {
                case 1 -> gotoTable != null;
                case 2 -> metadata != null;
                case 3 -> write != null;
                case 4 -> apply != null;
                case 5 -> clear != null;
                case 6 -> meter != null;
                default -> false;
            };
            if (dup) {
                throw bad("UNSUP_INST", "instruction type " + type + " twice");
            }
            switch (type) {
                case 1 -> gotoTable = new OfAction.GotoTable(b.readUnsignedByte());
                case 2 -> {
                    if (ilen != 24) {
                        throw bad("BAD_LEN", "write_metadata length " + ilen);
                    }
                    b.skipBytes(4);
                    long md = b.readLong();
                    long mask = b.readLong();
                    metadata = new OfAction.WriteMetadata(md & mask, mask);
                }
                case 3 -> {
                    b.skipBytes(4);
                    write = new OfAction.WriteActions(ActionCodec.read(b, ilen - 8, version));
                }
                case 4 -> {
                    b.skipBytes(4);
                    apply = ActionCodec.read(b, ilen - 8, version);
                }
                case 5 -> clear = new OfAction.ClearActions();
                case 6 -> {
                    if (version < OfWire.OF13 || version >= OfWire.OF15) {
                        throw bad("UNKNOWN_INST", "meter instruction in " + OfWire.versionName(version));
                    }
                    meter = new OfAction.Meter(b.readInt());
                }
                case 0xffff -> throw bad("UNSUP_INST", "experimenter instruction");
                default -> throw bad("UNKNOWN_INST", "instruction type " + type);
            }
            b.readerIndex(start + ilen);
        }
        List<OfAction> out = new ArrayList<>();
        if (meter != null) {
            out.add(meter);
        }
        if (apply != null) {
            out.addAll(apply);
        }
        for (OfAction a : new OfAction[] {clear, write, metadata, gotoTable}) {
            if (a != null) {
                out.add(a);
            }
        }
        return out;
    }

    /** Writes a rule's actions as instructions; returns the bytes written. */
    public static int write(ByteBuf b, List<OfAction> actions, int version) {
        int start = b.writerIndex();
        List<OfAction> apply = new ArrayList<>();
        for (OfAction a : actions) {
            if (a instanceof OfAction.Meter m && version < OfWire.OF15) {
                b.writeShort(6).writeShort(8).writeInt(m.meterId());
            } else if (!(a instanceof OfAction.ClearActions || a instanceof OfAction.WriteActions
                    || a instanceof OfAction.WriteMetadata || a instanceof OfAction.GotoTable)) {
                apply.add(a);
            }
        }
        if (!apply.isEmpty()) {
            int s = b.writerIndex();
            b.writeShort(4).writeShort(0).writeZero(4);
            ActionCodec.write(b, apply, version);
            b.setShort(s + 2, b.writerIndex() - s);
        }
        for (OfAction a : actions) {
            switch (a) {
                case OfAction.ClearActions c -> b.writeShort(5).writeShort(8).writeZero(4);
                case OfAction.WriteActions w -> {
                    int s = b.writerIndex();
                    b.writeShort(3).writeShort(0).writeZero(4);
                    ActionCodec.write(b, w.actions(), version);
                    b.setShort(s + 2, b.writerIndex() - s);
                }
                default -> { }
            }
        }
        for (OfAction a : actions) {
            if (a instanceof OfAction.WriteMetadata w) {
                b.writeShort(2).writeShort(24).writeZero(4).writeLong(w.value()).writeLong(w.mask());
            }
        }
        for (OfAction a : actions) {
            if (a instanceof OfAction.GotoTable g) {
                b.writeShort(1).writeShort(8).writeByte(g.table()).writeZero(3);
            }
        }
        return b.writerIndex() - start;
    }

    private static OfCodecException bad(String code, String detail) {
        return new OfCodecException(OfError.Type.BAD_INSTRUCTION, code, detail);
    }
}
