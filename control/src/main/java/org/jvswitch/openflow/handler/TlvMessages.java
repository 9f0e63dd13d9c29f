package org.jvswitch.openflow.handler;

import io.netty.buffer.ByteBuf;
import java.util.ArrayList;
import java.util.List;
import org.jvswitch.ofproto.OfError;
import org.jvswitch.ofproto.Ofproto;
import org.jvswitch.ofproto.TlvMap;
import org.jvswitch.openflow.codec.OfCodecException;
import org.jvswitch.openflow.codec.OfWire;
import org.jvswitch.openflow.codec.TunMetadataCodec;
import org.jvswitch.openflow.conn.OfConnection;

/**
 * The bridge's TLV map over OpenFlow (ovs-ofctl add-tlv-map, del-tlv-map, dump-tlv-map):
 *
 * <pre>
 *   24 NXT_TLV_TABLE_MOD      command (2): 0 add, 1 delete, 2 clear | pad (6) | nx_tlv_map...
 *   25 NXT_TLV_TABLE_REQUEST  (empty)
 *   26 NXT_TLV_TABLE_REPLY    max_option_space (4) | max_fields (2) | reserved (10) | nx_tlv_map...
 *   nx_tlv_map:               option_class (2) | option_type (1) | option_len (1) | index (2) | pad (2)
 * </pre>
 *
 * Errors are Open vSwitch's NXTTMFC_* codes. A change bumps the bridge's version (revalidation).
 */
final class TlvMessages {
    static final int MOD = 24;
    static final int REQUEST = 25;
    static final int REPLY = 26;

    private TlvMessages() {
    }

    static void mod(OfConnection c, ByteBuf b) {
        OfWire.need(b, 8, "NXT_TLV_TABLE_MOD");
        int command = b.readUnsignedShort();
        b.skipBytes(6);
        if (b.readableBytes() % 8 != 0) {
            throw new OfCodecException(OfError.Type.BAD_REQUEST, "BAD_LEN", "TLV maps of " + b.readableBytes()
                    + " bytes");
        }
        List<TlvMap.Mapping> maps = new ArrayList<>();
        while (b.readableBytes() >= 8) {
            int cls = b.readUnsignedShort();
            int type = b.readUnsignedByte();
            int len = b.readUnsignedByte();
            int index = b.readUnsignedShort();
            b.skipBytes(2);
            maps.add(new TlvMap.Mapping(cls, type, len, index));
        }
        Ofproto bridge = c.manager().bridge();
        synchronized (bridge) {
            TlvMap now = bridge.tlvMap();
            TlvMap next = switch (command) {
                case 0 -> now.add(maps);
                case 1 -> now.delete(maps);
                case 2 -> TlvMap.EMPTY;
                default -> throw new OfError(OfError.Type.BAD_REQUEST, "NXTTMFC_BAD_COMMAND", "command " + command);
            };
            bridge.setTlvMap(next);
            TunMetadataCodec.use(next);
        }
    }

    static void request(OfConnection c, int xid) {
        TlvMap map = c.manager().bridge().tlvMap();
        ByteBuf r = OfWire.start(c.version(), OfWire.T_VENDOR, xid);
        r.writeInt(OfWire.NX_VENDOR).writeInt(REPLY);
        r.writeInt(TlvMap.MAX_SPACE).writeShort(TlvMap.MAX_FIELDS).writeZero(10);
        for (TlvMap.Entry e : map.entries()) {
            r.writeShort(e.cls()).writeByte(e.type()).writeByte(e.len()).writeShort(e.index()).writeZero(2);
        }
        c.send(OfWire.finish(r));
    }
}
