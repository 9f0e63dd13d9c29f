package org.jvswitch.openflow.codec;

import io.netty.buffer.ByteBuf;
import java.util.List;
import org.jvswitch.dataplane.flow.FlowField;
import org.jvswitch.ofproto.OfAction;
import org.jvswitch.ofproto.OfError;
import org.jvswitch.ofproto.OfKey;

/**
 * Packet-in (switch to controller) and packet-out (controller to switch). We never buffer: every
 * packet-in carries buffer_id NO_BUFFER and the packet (up to the asked length), and a
 * packet-out naming a buffer is refused with BUFFER_UNKNOWN.
 *
 * <pre>
 *   packet-in 1.0:   buffer_id (4) | total_len (2) | in_port (2) | reason (1) | pad (1) | data
 *   packet-in 1.1:   buffer_id (4) | in_port (4) | in_phy_port (4) | total_len (2) | reason (1) | table (1) | data
 *   packet-in 1.2:   buffer_id (4) | total_len (2) | reason (1) | table (1) | ofp_match | pad (2) | data
 *   packet-in 1.3+:  buffer_id (4) | total_len (2) | reason (1) | table (1) | cookie (8) | ofp_match | pad (2) | data
 *   packet-out 1.0:  buffer_id (4) | in_port (2) | actions_len (2) | actions | data
 *   packet-out 1.1+: buffer_id (4) | in_port (4) | actions_len (2) | pad (6) | actions | data
 *   packet-out 1.5:  buffer_id (4) | actions_len (2) | pad (2) | ofp_match | actions | data
 * </pre>
 */
public final class PacketCodec {
    /** A decoded packet-out: in_port, the pipeline metadata from a 1.5 match (or zeros), actions, packet. */
    public record PacketOut(int inPort, long[] metadata, List<OfAction> actions, byte[] packet) {
    }

    private PacketCodec() {
    }

    public static PacketOut readPacketOut(ByteBuf b, int version) {
        OfWire.need(b, 8, "packet_out");
        int bufferId = b.readInt();
        int inPort;
        int actionsLen;
        long[] meta = new long[OfKey.WORDS];
        if (version == OfWire.OF10) {
            inPort = b.readUnsignedShort();
            actionsLen = b.readUnsignedShort();
        } else if (version < OfWire.OF15) {
            OfWire.need(b, 12, "packet_out");
            inPort = OfWire.portFrom32(b.readInt());
            actionsLen = b.readUnsignedShort();
            b.skipBytes(6);
        } else {
            actionsLen = b.readUnsignedShort();
            b.skipBytes(2);
            MatchCodec.Match m = MatchCodec.readOxmMatch(b);
            inPort = FlowField.IN_PORT.isNonZero(m.mask(), 0) ? (int) FlowField.IN_PORT.get(m.key(), 0)
                    : OfKey.OFPP_CONTROLLER;
            meta = m.key();
        }
        if (inPort < 0 || (inPort >= OfKey.OFPP_MAX && inPort != OfKey.OFPP_LOCAL && inPort != OfKey.OFPP_CONTROLLER
                && inPort != OfKey.OFPP_NONE)) {
            throw new OfCodecException(OfError.Type.BAD_REQUEST, "BAD_PORT", "packet_out in_port");
        }
        List<OfAction> actions = ActionCodec.read(b, actionsLen, version);
        if (bufferId != OfWire.NO_BUFFER) {
            throw new OfCodecException(OfError.Type.BAD_REQUEST, "BUFFER_UNKNOWN", "buffer " + bufferId);
        }
        byte[] data = new byte[b.readableBytes()];
        b.readBytes(data);
        return new PacketOut(inPort == OfKey.OFPP_NONE ? OfKey.OFPP_CONTROLLER : inPort, meta, actions, data);
    }

    /**
     * A packet-in message.
     *
     * @param key the packet's OpenFlow key (in_port, metadata, registers, tunnel id and the
     *            tun_metadata fields it carries go in the match)
     * @param tlv the bridge's TLV map, which lays out the tun_metadata fields (packet-ins are
     *            encoded off the request thread: {@link TunMetadataCodec#with})
     */
    public static ByteBuf packetIn(int version, int xid, byte[] packet, int len, int totalLen, long[] key, int reason,
                                   int table, long cookie, org.jvswitch.ofproto.TlvMap tlv) {
        return TunMetadataCodec.with(tlv, () -> packetIn(version, xid, packet, len, totalLen, key, reason, table,
                cookie));
    }

    /** As above, tun_metadata laid out by this thread's TLV map ({@link TunMetadataCodec#use}). */
    public static ByteBuf packetIn(int version, int xid, byte[] packet, int len, int totalLen, long[] key, int reason,
                                   int table, long cookie) {
        ByteBuf b = OfWire.start(version, OfWire.T_PACKET_IN, xid);
        int inPort = (int) FlowField.IN_PORT.get(key, 0);
        b.writeInt(OfWire.NO_BUFFER);
        if (version == OfWire.OF10) {
            b.writeShort(totalLen).writeShort(inPort).writeByte(reason > 1 ? 1 : reason).writeZero(1);
        } else if (version == OfWire.OF11) {
            b.writeInt(OfWire.portTo32(inPort)).writeInt(OfWire.portTo32(inPort)).writeShort(totalLen)
                    .writeByte(reason > 1 ? 1 : reason).writeByte(table);
        } else {
            b.writeShort(totalLen).writeByte(reason).writeByte(table);
            if (version >= OfWire.OF13) {
                b.writeLong(cookie);
            }
            long[] mask = new long[OfKey.WORDS];
            FlowField.IN_PORT.exact(mask, 0);
            for (int w = OfKey.W_REGS; w < OfKey.WORDS; w++) {
                for (int half = 0; half < 2 && w < OfKey.W_METADATA; half++) {
                    long bits = half == 0 ? 0xffffffff00000000L : 0xffffffffL;
                    if ((key[w] & bits) != 0) {
                        mask[w] |= bits;
                    }
                }
            }
            if (key[OfKey.W_METADATA] != 0) {
                mask[OfKey.W_METADATA] = -1L;
            }
            if (FlowField.TUN_ID.get(key, 0) != 0) {
                FlowField.TUN_ID.exact(mask, 0);
            }
            TunMetadataCodec.exactPresent(key, mask);
            MatchCodec.writeOxmMatch(b, key, mask);
            b.writeZero(2);
        }
        b.writeBytes(packet, 0, Math.min(len, packet.length));
        return OfWire.finish(b);
    }
}
