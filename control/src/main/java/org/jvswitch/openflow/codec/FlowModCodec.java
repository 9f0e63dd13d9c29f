package org.jvswitch.openflow.codec;

import io.netty.buffer.ByteBuf;
import java.util.List;
import org.jvswitch.ofproto.FlowMod;
import org.jvswitch.ofproto.OfAction;
import org.jvswitch.ofproto.OfError;
import org.jvswitch.ofproto.OfKey;
import org.jvswitch.ofproto.OfRule;

/**
 * Flow-mods in their three shapes, decoded into {@link FlowMod}s:
 *
 * <pre>
 *   OFPT_FLOW_MOD 1.0:  header | ofp_match (40) | cookie (8) | command (2) | idle (2) | hard (2)
 *                       | priority (2) | buffer_id (4) | out_port (2) | flags (2) | actions
 *   NXT_FLOW_MOD:       header | vendor (4) | subtype 13 (4) | cookie (8) | command (2) | idle (2)
 *                       | hard (2) | priority (2) | buffer_id (4) | out_port (2) | flags (2)
 *                       | match_len (2) | pad (6) | NXM match (padded to 8) | actions
 *   OFPT_FLOW_MOD 1.1+: header | cookie (8) | cookie_mask (8) | table_id (1) | command (1)
 *                       | idle (2) | hard (2) | priority (2) | buffer_id (4) | out_port (4)
 *                       | out_group (4) | flags (2) | importance (2, 1.4+; pad before) | ofp_match
 *                       | instructions
 * </pre>
 *
 * In OpenFlow 1.0 the command's high byte is the table when the connection turned on
 * NXT_FLOW_MOD_TABLE_ID; otherwise adds go to table 0 and modifies and deletes to every table.
 */
public final class FlowModCodec {
    /** A decoded flow-mod and the buffer it names (we buffer nothing: NO_BUFFER or an error). */
    public record Decoded(FlowMod mod, int bufferId) {
    }

    private FlowModCodec() {
    }

    /** Decodes an OpenFlow 1.0 flow-mod; {@code b} is at the match (after the header). */
    public static Decoded readOf10(ByteBuf b, boolean tableIdExt) {
        MatchCodec.Match m = MatchCodec.readOf10(b);
        OfWire.need(b, 24, "flow_mod");
        return readOf10Body(b, m, tableIdExt, false);
    }

    /** Decodes an NXT_FLOW_MOD; {@code b} is after the vendor and subtype. */
    public static Decoded readNx(ByteBuf b, boolean tableIdExt) {
        OfWire.need(b, 32, "NXT_FLOW_MOD");
        int start = b.readerIndex();
        b.skipBytes(24);
        int matchLen = b.readUnsignedShort();
        b.skipBytes(6);
        MatchCodec.Match m = MatchCodec.readTlvs(b, matchLen);
        int pad = OfWire.padded8(matchLen) - matchLen;
        OfWire.need(b, pad, "NXT_FLOW_MOD match padding");
        b.skipBytes(pad);
        b.readerIndex(start);
        return readOf10Body(b, m, tableIdExt, true);
    }

    private static Decoded readOf10Body(ByteBuf b, MatchCodec.Match m, boolean tableIdExt, boolean nx) {
        long cookie = b.readLong();
        int command = b.readUnsignedShort();
        int idle = b.readUnsignedShort();
        int hard = b.readUnsignedShort();
        int priority = b.readUnsignedShort();
        int bufferId = b.readInt();
        int outPort = b.readUnsignedShort();
        int flags = b.readUnsignedShort() & (OfRule.SEND_FLOW_REM | OfRule.CHECK_OVERLAP);
        if (nx) {
            int matchLen = b.readUnsignedShort();
            b.skipBytes(6 + OfWire.padded8(matchLen));
        }
        List<OfAction> actions = ActionCodec.read(b, b.readableBytes(), OfWire.OF10);
        FlowMod.Command cmd = command(command & 0xff);
        int table = tableIdExt ? command >>> 8 : cmd == FlowMod.Command.ADD ? 0 : FlowMod.ALL_TABLES;
        if (cmd == FlowMod.Command.ADD && table == FlowMod.ALL_TABLES) {
            table = 0;    // "any table" on an add means table 0 with the table-id extension
        }
        long cookieMask = 0;
        if (nx && m.cookieMask() != 0 && cmd != FlowMod.Command.ADD) {
            cookie = m.cookieValue();
            cookieMask = m.cookieMask();
        }
        return new Decoded(new FlowMod(cmd, table, m.key(), m.mask(), priority, cookie, cookieMask, idle, hard, flags, 0,
                outPort, FlowMod.ANY_GROUP, actions), bufferId);
    }

    /** Decodes an OpenFlow 1.1+ flow-mod; {@code b} is after the header. */
    public static Decoded readOf11(ByteBuf b, int version) {
        OfWire.need(b, 40, "flow_mod");
        long cookie = b.readLong();
        long cookieMask = b.readLong();
        int table = b.readUnsignedByte();
        int command = b.readUnsignedByte();
        int idle = b.readUnsignedShort();
        int hard = b.readUnsignedShort();
        int priority = b.readUnsignedShort();
        int bufferId = b.readInt();
        int outPort32 = b.readInt();
        int outGroup = b.readInt();
        int flags = b.readUnsignedShort() & 0x1f;
        int importance = b.readUnsignedShort();
        if (version < OfWire.OF14) {
            importance = 0;
        }
        MatchCodec.Match m = MatchCodec.readOxmMatch(b);
        List<OfAction> actions = InstructionCodec.read(b, b.readableBytes(), version);
        int outPort = OfWire.portFrom32(outPort32);
        if (outPort < 0) {
            throw new OfCodecException(OfError.Type.FLOW_MOD_FAILED, "UNKNOWN", "out_port "
                    + Integer.toUnsignedString(outPort32));
        }
        FlowMod.Command cmd = command(command);
        if (cmd == FlowMod.Command.ADD) {
            cookieMask = 0;
        }
        return new Decoded(new FlowMod(cmd, table, m.key(), m.mask(), priority, cookie, cookieMask, idle, hard, flags,
                importance, outPort, outGroup, actions), bufferId);
    }

    private static FlowMod.Command command(int c) {
        return switch (c) {
            case 0 -> FlowMod.Command.ADD;
            case 1 -> FlowMod.Command.MODIFY;
            case 2 -> FlowMod.Command.MODIFY_STRICT;
            case 3 -> FlowMod.Command.DELETE;
            case 4 -> FlowMod.Command.DELETE_STRICT;
            default -> throw new OfCodecException(OfError.Type.FLOW_MOD_FAILED, "BAD_COMMAND", "command " + c);
        };
    }

    /** A flow-mod as OVS's ofproto checks it before applying: in_port, ports and tables. */
    public static void validate(FlowMod fm) {
        if (fm.priority() > 0xffff) {
            throw new OfCodecException(OfError.Type.FLOW_MOD_FAILED, "UNKNOWN", "priority " + fm.priority());
        }
        long[] mask = fm.mask();
        for (int i = 0; i < OfKey.WORDS; i++) {
            if ((fm.key()[i] & ~mask[i]) != 0) {
                fm.key()[i] &= mask[i];
            }
        }
    }
}
