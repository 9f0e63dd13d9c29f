package org.jvswitch.openflow.codec;

import io.netty.buffer.ByteBuf;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds a multipart (stats) reply of any length as a series of messages, each at most 64 KiB,
 * all but the last flagged REPLY_MORE. Reply headers:
 *
 * <pre>
 *   OpenFlow 1.0:      ofp_header (type 17) | stats type (2) | flags (2)
 *   Nicira (1.0):      ofp_header (type 17) | 0xffff (2) | flags (2) | vendor (4) | subtype (4) | pad (4)
 *   OpenFlow 1.1+:     ofp_header (type 19) | multipart type (2) | flags (2) | pad (4)
 * </pre>
 */
public final class MultipartWriter {
    private final int version;
    private final int type;
    private final int xid;
    private final int nxSubtype;
    private final List<ByteBuf> done = new ArrayList<>();
    private ByteBuf current;

    /**
     * @param nxSubtype the Nicira stats subtype (NXST_FLOW 0, NXST_AGGREGATE 1), or -1 for a
     *                  standard reply of {@code type}
     */
    public MultipartWriter(int version, int type, int xid, int nxSubtype) {
        this.version = version;
        this.type = type;
        this.xid = xid;
        this.nxSubtype = nxSubtype;
    }

    private ByteBuf open() {
        boolean of10 = version == OfWire.OF10;
        ByteBuf b = OfWire.start(version, of10 ? OfWire.T10_STATS_REPLY : OfWire.T_MULTIPART_REPLY, xid);
        if (nxSubtype >= 0) {
            b.writeShort(OfWire.MP_VENDOR).writeShort(0).writeInt(OfWire.NX_VENDOR).writeInt(nxSubtype).writeInt(0);
        } else {
            b.writeShort(type).writeShort(0);
            if (!of10) {
                b.writeInt(0);
            }
        }
        return b;
    }

    /** Adds one entry (its bytes, read from its reader index). */
    public void add(ByteBuf entry) {
        if (current == null) {
            current = open();
        }
        if (current.writerIndex() + entry.readableBytes() > OfWire.MAX_LENGTH) {
            current.setShort(OfWire.HEADER + 2, OfWire.MP_REPLY_MORE);
            done.add(OfWire.finish(current));
            current = open();
        }
        current.writeBytes(entry);
        entry.release();
    }

    /** The messages; an empty reply is one message with no entries. */
    public List<ByteBuf> finish() {
        if (current == null) {
            current = open();
        }
        done.add(OfWire.finish(current));
        current = null;
        return done;
    }
}
