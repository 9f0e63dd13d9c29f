package org.jvswitch.openflow.codec;

import io.netty.buffer.ByteBuf;
import org.jvswitch.ofproto.OfRule;

/**
 * Flow-removed notifications:
 *
 * <pre>
 *   1.0:     ofp_match (40) | cookie (8) | priority (2) | reason (1) | pad (1) | duration s/ns (8)
 *            | idle (2) | pad (2) | packets (8) | bytes (8)
 *   NX:      vendor | subtype 14 | cookie (8) | priority (2) | reason (1) | table (1) | duration s/ns (8)
 *            | idle (2) | match_len (2) | packets (8) | bytes (8) | NXM match (padded)
 *   1.1-1.4: cookie (8) | priority (2) | reason (1) | table (1) | duration s/ns (8) | idle (2)
 *            | hard (2, 1.2+; pad in 1.1) | packets (8) | bytes (8) | ofp_match
 *   1.5:     table (1) | reason (1) | priority (2) | idle (2) | hard (2) | cookie (8) | ofp_match | ofp_stats
 * </pre>
 */
public final class FlowRemovedCodec {
    private static final int NXT_FLOW_REMOVED = 14;

    private FlowRemovedCodec() {
    }

    /** The notification for rule {@code r} of a bridge whose TLV map is {@code tlv} (its tun_metadata fields). */
    public static ByteBuf encode(OfRule r, int reason, int version, boolean nx, int xid, long nowMillis,
                                 org.jvswitch.ofproto.TlvMap tlv) {
        return TunMetadataCodec.with(tlv, () -> encode(r, reason, version, nx, xid, nowMillis));
    }

    public static ByteBuf encode(OfRule r, int reason, int version, boolean nx, int xid, long nowMillis) {
        long age = Math.max(0, nowMillis - r.createdMillis());
        int sec = (int) (age / 1000);
        int nsec = (int) (age % 1000) * 1_000_000;
        if (nx && version == OfWire.OF10) {
            ByteBuf b = OfWire.start(version, OfWire.T_VENDOR, xid);
            b.writeInt(OfWire.NX_VENDOR).writeInt(NXT_FLOW_REMOVED);
            b.writeLong(r.cookie()).writeShort(r.priority()).writeByte(reason).writeByte(r.table()).writeInt(sec)
                    .writeInt(nsec).writeShort(r.idleTimeout());
            int lenAt = b.writerIndex();
            b.writeShort(0).writeLong(r.packets()).writeLong(r.bytes());
            int start = b.writerIndex();
            b.setShort(lenAt, MatchCodec.writeTlvs(b, r.key(), r.mask(), true));
            OfWire.pad8(b, start);
            return OfWire.finish(b);
        }
        ByteBuf b = OfWire.start(version, OfWire.T_FLOW_REMOVED, xid);
        if (version == OfWire.OF10) {
            MatchCodec.writeOf10(b, r.key(), r.mask());
            b.writeLong(r.cookie()).writeShort(r.priority()).writeByte(reason).writeZero(1).writeInt(sec)
                    .writeInt(nsec).writeShort(r.idleTimeout()).writeZero(2).writeLong(r.packets())
                    .writeLong(r.bytes());
        } else if (version < OfWire.OF15) {
            b.writeLong(r.cookie()).writeShort(r.priority()).writeByte(reason).writeByte(r.table()).writeInt(sec)
                    .writeInt(nsec).writeShort(r.idleTimeout()).writeShort(version >= OfWire.OF12 ? r.hardTimeout() : 0)
                    .writeLong(r.packets()).writeLong(r.bytes());
            MatchCodec.writeOxmMatch(b, r.key(), r.mask());
        } else {
            b.writeByte(r.table()).writeByte(reason).writeShort(r.priority()).writeShort(r.idleTimeout())
                    .writeShort(r.hardTimeout()).writeLong(r.cookie());
            MatchCodec.writeOxmMatch(b, r.key(), r.mask());
            FlowStatsCodec.writeStats(b, new long[] {age, Math.max(0, nowMillis - r.usedMillis())}, -1, r.packets(),
                    r.bytes());
        }
        return OfWire.finish(b);
    }
}
