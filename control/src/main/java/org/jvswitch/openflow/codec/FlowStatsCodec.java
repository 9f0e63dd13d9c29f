package org.jvswitch.openflow.codec;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.util.List;
import org.jvswitch.ofproto.FlowMod;
import org.jvswitch.ofproto.OfRule;

/**
 * Flow and aggregate statistics: the requests (which rules) and the replies, in OpenFlow 1.0,
 * Nicira (NXST_FLOW / NXST_AGGREGATE), OpenFlow 1.1-1.4 and OpenFlow 1.5 (whose entries carry
 * their counters as OXS fields) forms.
 *
 * <pre>
 *   request 1.0:   ofp_match (40) | table_id (1) | pad (1) | out_port (2)
 *   request NX:    out_port (2) | match_len (2) | table_id (1) | pad (3) | NXM match (padded)
 *   request 1.1+:  table_id (1) | pad (3) | out_port (4) | out_group (4) | pad (4) | cookie (8)
 *                  | cookie_mask (8) | ofp_match
 *   entry 1.0:     length (2) | table (1) | pad (1) | ofp_match (40) | duration s/ns (8) | priority (2)
 *                  | idle (2) | hard (2) | pad (6) | cookie (8) | packets (8) | bytes (8) | actions
 *   entry NX:      length (2) | table (1) | pad (1) | duration s/ns (8) | priority (2) | idle (2) | hard (2)
 *                  | match_len (2) | idle_age (2) | hard_age (2) | cookie (8) | packets (8) | bytes (8)
 *                  | NXM match (padded) | actions
 *   entry 1.1-1.4: length (2) | table (1) | pad (1) | duration s/ns (8) | priority (2) | idle (2)
 *                  | hard (2) | flags (2, 1.3+) | importance (2, 1.4+) | pad | cookie (8) | packets (8)
 *                  | bytes (8) | ofp_match | instructions
 *   entry 1.5:     length (2) | pad (2) | table (1) | pad (1) | priority (2) | idle (2) | hard (2)
 *                  | flags (2) | importance (2) | cookie (8) | ofp_match | ofp_stats (OXS) | instructions
 *   aggregate:     packets (8) | bytes (8) | flows (4) | pad (4); 1.5: ofp_stats (OXS)
 * </pre>
 */
public final class FlowStatsCodec {
    /** Which rules a request names. */
    public record Filter(int table, long[] key, long[] mask, long cookie, long cookieMask, int outPort, int outGroup) {
    }

    private FlowStatsCodec() {
    }

    public static Filter readOf10(ByteBuf b) {
        MatchCodec.Match m = MatchCodec.readOf10(b);
        OfWire.need(b, 4, "flow stats request");
        int table = b.readUnsignedByte();
        b.skipBytes(1);
        int outPort = b.readUnsignedShort();
        return new Filter(table, m.key(), m.mask(), 0, 0, outPort, FlowMod.ANY_GROUP);
    }

    public static Filter readNx(ByteBuf b) {
        OfWire.need(b, 8, "NXST_FLOW request");
        int outPort = b.readUnsignedShort();
        int matchLen = b.readUnsignedShort();
        int table = b.readUnsignedByte();
        b.skipBytes(3);
        MatchCodec.Match m = MatchCodec.readTlvs(b, matchLen);
        return new Filter(table, m.key(), m.mask(), m.cookieValue(), m.cookieMask(), outPort, FlowMod.ANY_GROUP);
    }

    public static Filter readOf11(ByteBuf b) {
        OfWire.need(b, 32, "flow stats request");
        int table = b.readUnsignedByte();
        b.skipBytes(3);
        int outPort = OfWire.portFrom32(b.readInt());
        int outGroup = b.readInt();
        b.skipBytes(4);
        long cookie = b.readLong();
        long cookieMask = b.readLong();
        MatchCodec.Match m = MatchCodec.readOxmMatch(b);
        return new Filter(table, m.key(), m.mask(), cookie, cookieMask, outPort < 0 ? 0xffff : outPort, outGroup);
    }

    // ---- replies ----

    /** One flow stats entry for a rule, in the connection's form. */
    public static ByteBuf entry(OfRule r, int version, boolean nx, long nowMillis) {
        ByteBuf b = Unpooled.buffer(128);
        long age = Math.max(0, nowMillis - r.createdMillis());
        int sec = (int) (age / 1000);
        int nsec = (int) (age % 1000) * 1_000_000;
        b.writeShort(0);
        if (version >= OfWire.OF15) {
            b.writeZero(2).writeByte(r.table()).writeZero(1).writeShort(r.priority()).writeShort(r.idleTimeout())
                    .writeShort(r.hardTimeout()).writeShort(r.flags()).writeShort(r.importance()).writeLong(r.cookie());
            MatchCodec.writeOxmMatch(b, r.key(), r.mask());
            writeStats(b, new long[] {age, Math.max(0, nowMillis - r.usedMillis())}, -1, r.packets(), r.bytes());
            InstructionCodec.write(b, r.actions(), version);
        } else if (nx) {
            b.writeByte(r.table()).writeZero(1).writeInt(sec).writeInt(nsec).writeShort(r.priority())
                    .writeShort(r.idleTimeout()).writeShort(r.hardTimeout());
            int matchLenAt = b.writerIndex();
            b.writeShort(0);
            b.writeShort((int) Math.min(0xffff, (nowMillis - r.usedMillis()) / 1000 + 1));
            b.writeShort((int) Math.min(0xffff, (nowMillis - r.modifiedMillis()) / 1000 + 1));
            b.writeLong(r.cookie()).writeLong(r.packets()).writeLong(r.bytes());
            int matchStart = b.writerIndex();
            int n = MatchCodec.writeTlvs(b, r.key(), r.mask(), true);
            b.setShort(matchLenAt, n);
            OfWire.pad8(b, matchStart);
            ActionCodec.write(b, r.actions(), OfWire.OF10);
        } else if (version == OfWire.OF10) {
            b.writeByte(r.table()).writeZero(1);
            MatchCodec.writeOf10(b, r.key(), r.mask());
            b.writeInt(sec).writeInt(nsec).writeShort(r.priority()).writeShort(r.idleTimeout())
                    .writeShort(r.hardTimeout()).writeZero(6).writeLong(r.cookie()).writeLong(r.packets())
                    .writeLong(r.bytes());
            ActionCodec.write(b, r.actions(), OfWire.OF10);
        } else {
            b.writeByte(r.table()).writeZero(1).writeInt(sec).writeInt(nsec).writeShort(r.priority())
                    .writeShort(r.idleTimeout()).writeShort(r.hardTimeout());
            if (version >= OfWire.OF13) {
                b.writeShort(r.flags());
                if (version >= OfWire.OF14) {
                    b.writeShort(r.importance()).writeZero(2);
                } else {
                    b.writeZero(4);
                }
            } else {
                b.writeZero(6);
            }
            b.writeLong(r.cookie()).writeLong(r.packets()).writeLong(r.bytes());
            MatchCodec.writeOxmMatch(b, r.key(), r.mask());
            InstructionCodec.write(b, r.actions(), version);
        }
        b.setShort(0, b.writerIndex());
        return b;
    }

    /** A flow stats reply (as many messages as it takes). */
    public static List<ByteBuf> reply(List<OfRule> rules, int version, int xid, boolean nx, long nowMillis) {
        MultipartWriter w = new MultipartWriter(version, OfWire.MP_FLOW, xid, nx ? 0 : -1);
        for (OfRule r : rules) {
            w.add(entry(r, version, nx, nowMillis));
        }
        return w.finish();
    }

    public static ByteBuf aggregateReply(List<OfRule> rules, int version, int xid, boolean nx) {
        long packets = 0;
        long bytes = 0;
        for (OfRule r : rules) {
            packets += r.packets();
            bytes += r.bytes();
        }
        MultipartWriter w = new MultipartWriter(version, OfWire.MP_AGGREGATE, xid, nx ? 1 : -1);
        ByteBuf b = Unpooled.buffer(32);
        if (version >= OfWire.OF15) {
            writeStats(b, null, rules.size(), packets, bytes);
        } else {
            b.writeLong(packets).writeLong(bytes).writeInt(rules.size()).writeZero(4);
        }
        w.add(b);
        return w.finish().getFirst();
    }

    /**
     * An OpenFlow 1.5 ofp_stats: reserved (2) | length (2) | OXS fields (class 0x8002:
     * duration 0, idle_time 1, flow_count 3, packet_count 4, byte_count 5) | pad to 8.
     *
     * @param durations {duration, idle time} in ms, or null
     * @param flowCount -1 for none
     */
    public static void writeStats(ByteBuf b, long[] durations, int flowCount, long packets, long bytes) {
        int start = b.writerIndex();
        b.writeShort(0).writeShort(0);
        if (durations != null) {
            for (int i = 0; i < 2; i++) {
                b.writeInt(0x80020000 | i << 9 | 8);
                b.writeInt((int) (durations[i] / 1000)).writeInt((int) (durations[i] % 1000) * 1_000_000);
            }
        }
        if (flowCount >= 0) {
            b.writeInt(0x80020000 | 3 << 9 | 4).writeInt(flowCount);
        }
        b.writeInt(0x80020000 | 4 << 9 | 8).writeLong(packets);
        b.writeInt(0x80020000 | 5 << 9 | 8).writeLong(bytes);
        b.setShort(start + 2, b.writerIndex() - start);
        OfWire.pad8(b, start);
    }
}
