package org.jvswitch.openflow.handler;

import io.netty.buffer.ByteBuf;
import org.jvswitch.ofproto.OfError;
import org.jvswitch.openflow.codec.GroupCodec;
import org.jvswitch.openflow.codec.OfCodecException;
import org.jvswitch.openflow.codec.OfWire;
import org.jvswitch.openflow.conn.AsyncConfig;
import org.jvswitch.openflow.conn.OfConnection;

/**
 * Nicira vendor (experimenter) messages: {@code ofp_header | vendor 0x2320 (4) | subtype (4) | body}.
 *
 * <pre>
 *   10 NXT_ROLE_REQUEST         role (4): 0 other, 1 master, 2 slave    (reply 11 NXT_ROLE_REPLY)
 *   12 NXT_SET_FLOW_FORMAT      format (4): 0 OpenFlow 1.0, 2 NXM
 *   13 NXT_FLOW_MOD             see FlowModCodec
 *   15 NXT_FLOW_MOD_TABLE_ID    set (1) | pad (7)
 *   16 NXT_SET_PACKET_IN_FORMAT format (4): only 0 (standard packet-ins)
 *   19 NXT_SET_ASYNC_CONFIG     packet_in[2] | port_status[2] | flow_removed[2] (4 each)
 *   20 NXT_SET_CONTROLLER_ID    pad (6) | controller_id (2)
 *   24 NXT_TLV_TABLE_MOD, 25 NXT_TLV_TABLE_REQUEST (reply 26): see TlvMessages
 *   31 NXT_GROUP_MOD            OpenFlow 1.5's group_mod layout with the connection's actions
 * </pre>
 */
final class NxMessages {
    private final FlowMessages flows;
    private final GroupMeterMessages groups;

    NxMessages(FlowMessages flows, GroupMeterMessages groups) {
        this.flows = flows;
        this.groups = groups;
    }

    void handle(OfConnection c, ByteBuf frame, int xid) {
        ByteBuf b = frame.duplicate().skipBytes(OfWire.HEADER);
        OfWire.need(b, 8, "vendor message");
        int vendor = b.readInt();
        int subtype = b.readInt();
        if (vendor != OfWire.NX_VENDOR) {
            throw new OfCodecException(OfError.Type.BAD_REQUEST, "BAD_EXPERIMENTER", "vendor 0x"
                    + Integer.toHexString(vendor));
        }
        switch (subtype) {
            case 10 -> role(c, b, xid);
            case 12 -> {
                OfWire.need(b, 4, "NXT_SET_FLOW_FORMAT");
                int format = b.readInt();
                if (format != 0 && format != 2) {
                    throw new OfCodecException(OfError.Type.BAD_REQUEST, "EPERM", "flow format " + format);
                }
                c.setNxm(format == 2);
            }
            case 13 -> flows.nxFlowMod(c, b);
            case 15 -> {
                OfWire.need(b, 1, "NXT_FLOW_MOD_TABLE_ID");
                c.setTableIdExt(b.readUnsignedByte() != 0);
            }
            case 16 -> {
                OfWire.need(b, 4, "NXT_SET_PACKET_IN_FORMAT");
                int format = b.readInt();
                if (format != 0) {
                    throw new OfCodecException(OfError.Type.BAD_REQUEST, "EPERM", "packet-in format " + format
                            + " (only standard packet-ins)");
                }
            }
            case 19 -> {
                OfWire.need(b, 24, "NXT_SET_ASYNC_CONFIG");
                int[] m = new int[6];
                for (int i = 0; i < 6; i++) {
                    m[i] = b.readInt();
                }
                c.setAsync(new AsyncConfig(new int[] {m[0], m[1]}, new int[] {m[2], m[3]}, new int[] {m[4], m[5]}));
            }
            case 20 -> {
                OfWire.need(b, 8, "NXT_SET_CONTROLLER_ID");
                b.skipBytes(6);
                c.setControllerId(b.readUnsignedShort());
            }
            case TlvMessages.MOD -> TlvMessages.mod(MessageHandler.checkWrite(c), b);
            case TlvMessages.REQUEST -> TlvMessages.request(c, xid);
            case 31 -> groups.groupMod(MessageHandler.checkWrite(c), GroupCodec.read(b, OfWire.OF15, c.version()));
            default -> throw new OfCodecException(OfError.Type.BAD_REQUEST, "BAD_EXP_TYPE", "Nicira message subtype "
                    + subtype);
        }
    }

    private static void role(OfConnection c, ByteBuf b, int xid) {
        OfWire.need(b, 4, "NXT_ROLE_REQUEST");
        int r = b.readInt();
        OfConnection.Role role = switch (r) {
            case 0 -> OfConnection.Role.EQUAL;
            case 1 -> OfConnection.Role.MASTER;
            case 2 -> OfConnection.Role.SLAVE;
            default -> throw new OfCodecException(OfError.Type.ROLE_REQUEST_FAILED, "BAD_ROLE", "role " + r);
        };
        c.manager().changeRole(c, role, false, 0);
        ByteBuf reply = OfWire.start(c.version(), OfWire.T_VENDOR, xid);
        reply.writeInt(OfWire.NX_VENDOR).writeInt(11).writeInt(r);
        c.send(OfWire.finish(reply));
    }
}
