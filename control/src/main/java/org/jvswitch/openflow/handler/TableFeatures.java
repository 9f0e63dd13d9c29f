package org.jvswitch.openflow.handler;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.jvswitch.ofproto.Ofproto;
import org.jvswitch.openflow.codec.MultipartWriter;
import org.jvswitch.openflow.codec.OfWire;
import org.jvswitch.openflow.codec.OxmField;
import org.jvswitch.openflow.codec.OxmFields;

/**
 * The table-features reply (our codec: openflowj pads OpenFlow 1.5's properties wrongly):
 * every table with its name, size, metadata bits and OpenFlow's required properties. 255 tables
 * with their next-table lists do not fit in one message, so the reply is a multipart series.
 * Tables cannot be reconfigured through it (a request with a body gets the current features).
 *
 * <pre>
 *   entry 1.3/1.4: length (2) | table_id (1) | pad (5) | name (32) | metadata_match (8)
 *                  | metadata_write (8) | config (4) | max_entries (4) | properties
 *   entry 1.5:     length (2) | table_id (1) | command (1) | features (4) | name ... as above
 *   property:      type (2) | length (2) | body | pad to 8
 *     0 instructions (type, len 4 each) | 2 next_tables (1 byte each) | 4 write_actions, 6 apply_actions
 *     (type, len 4 each) | 8 match, 10 wildcards, 12 write_setfield, 14 apply_setfield (OXM headers)
 * </pre>
 */
final class TableFeatures {
    private static final int[] ACTIONS = {0, 11, 12, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25};

    private TableFeatures() {
    }

    static List<ByteBuf> reply(int version, Ofproto br, int xid) {
        int[] instructions = version == OfWire.OF13 || version == OfWire.OF14 ? new int[] {1, 2, 3, 4, 5, 6}
                : new int[] {1, 2, 3, 4, 5};
        MultipartWriter w = new MultipartWriter(version, 12, xid, -1);
        for (int t = 0; t < Ofproto.TABLES; t++) {
            ByteBuf b = Unpooled.buffer(1024);
            b.writeShort(0).writeByte(t);
            if (version >= OfWire.OF15) {
                b.writeByte(0).writeInt(0);
            } else {
                b.writeZero(5);
            }
            byte[] name = (t == 0 ? "classifier" : br.tableName(t)).getBytes(StandardCharsets.US_ASCII);
            b.writeBytes(name, 0, Math.min(31, name.length)).writeZero(32 - Math.min(31, name.length));
            b.writeLong(-1L).writeLong(-1L).writeInt(0).writeInt(1_000_000);
            ids(b, 0, instructions);
            int prop = b.writerIndex();
            b.writeShort(2).writeShort(0);
            for (int n = t + 1; n < Ofproto.TABLES; n++) {
                b.writeByte(n);
            }
            end(b, prop);
            ids(b, 4, ACTIONS);
            ids(b, 6, ACTIONS);
            for (int type : new int[] {8, 10, 12, 14}) {
                int s = b.writerIndex();
                b.writeShort(type).writeShort(0);
                for (OxmField x : OxmFields.all()) {
                    if (x.oxm()) {
                        b.writeInt(x.header(false));
                    }
                }
                end(b, s);
            }
            b.setShort(0, b.writerIndex());
            w.add(b);
        }
        return w.finish();
    }

    private static void ids(ByteBuf b, int type, int[] ids) {
        int s = b.writerIndex();
        b.writeShort(type).writeShort(0);
        for (int id : ids) {
            b.writeShort(id).writeShort(4);
        }
        end(b, s);
    }

    private static void end(ByteBuf b, int start) {
        b.setShort(start + 2, b.writerIndex() - start);
        OfWire.pad8(b, start);
    }
}
