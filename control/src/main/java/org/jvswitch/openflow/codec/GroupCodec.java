package org.jvswitch.openflow.codec;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.util.ArrayList;
import java.util.List;
import org.jvswitch.ofproto.OfAction;
import org.jvswitch.ofproto.OfError;
import org.jvswitch.ofproto.OfGroup;

/**
 * Group-mods and group descriptions (OpenFlow 1.1+; OpenFlow 1.0 has no groups).
 *
 * <pre>
 *   group_mod 1.1-1.4: command (2) | type (1) | pad (1) | group_id (4) | buckets
 *     bucket:          len (2) | weight (2) | watch_port (4) | watch_group (4) | pad (4) | actions
 *   group_mod 1.5:     command (2) | type (1) | pad (1) | group_id (4) | bucket_array_len (2) | pad (2)
 *                      | command_bucket_id (4) | buckets | properties
 *     bucket:          len (2) | action_array_len (2) | bucket_id (4) | actions | properties
 *                      (0 weight: weight (2) pad (2); 1 watch_port (4); 2 watch_group (4))
 *   group_desc 1.1-1.4: length (2) | type (1) | pad (1) | group_id (4) | buckets
 *   group_desc 1.5:     length (2) | type (1) | pad (1) | group_id (4) | bucket_array_len (2) | pad (6)
 *                       | buckets | properties
 * </pre>
 */
public final class GroupCodec {
    public enum Command { ADD, MODIFY, DELETE, INSERT_BUCKET, REMOVE_BUCKET }

    public record GroupMod(Command command, OfGroup.Type type, int groupId, List<OfGroup.Bucket> buckets) {
    }

    private GroupCodec() {
    }

    public static GroupMod read(ByteBuf b, int version) {
        return read(b, version, version);
    }

    /**
     * Reads a group-mod laid out as {@code version} with actions of {@code actionVersion}
     * (Nicira's NXT_GROUP_MOD: the OpenFlow 1.5 layout with OpenFlow 1.0 actions).
     */
    public static GroupMod read(ByteBuf b, int version, int actionVersion) {
        OfWire.need(b, 8, "group_mod");
        int cmd = b.readUnsignedShort();
        int type = b.readUnsignedByte();
        b.skipBytes(1);
        int id = b.readInt();
        Command command = switch (cmd) {
            case 0 -> Command.ADD;
            case 1 -> Command.MODIFY;
            case 2 -> Command.DELETE;
            case 3 -> Command.INSERT_BUCKET;
            case 5 -> Command.REMOVE_BUCKET;
            default -> throw bad("BAD_COMMAND", "group command " + cmd);
        };
        if (command == Command.INSERT_BUCKET || command == Command.REMOVE_BUCKET) {
            throw bad("BAD_COMMAND", "insert/remove bucket is not supported");
        }
        OfGroup.Type t = switch (type) {
            case 0 -> OfGroup.Type.ALL;
            case 1 -> OfGroup.Type.SELECT;
            case 2 -> OfGroup.Type.INDIRECT;
            case 3 -> OfGroup.Type.FAST_FAILOVER;
            default -> throw bad("BAD_TYPE", "group type " + type);
        };
        List<OfGroup.Bucket> buckets = new ArrayList<>();
        if (version < OfWire.OF15) {
            while (b.readableBytes() > 0) {
                OfWire.need(b, 16, "bucket");
                int start = b.readerIndex();
                int len = b.readUnsignedShort();
                if (len < 16 || len % 8 != 0 || start + len > b.writerIndex()) {
                    throw bad("BAD_BUCKET", "bucket length " + len);
                }
                int weight = b.readUnsignedShort();
                int watchPort = b.readInt();
                int watchGroup = b.readInt();
                b.skipBytes(4);
                List<OfAction> actions = ActionCodec.read(b, len - 16, actionVersion);
                buckets.add(new OfGroup.Bucket(weight, watchPort(watchPort), watchGroup, actions));
            }
        } else {
            OfWire.need(b, 8, "group_mod");
            int arrayLen = b.readUnsignedShort();
            b.skipBytes(6);
            OfWire.need(b, arrayLen, "buckets");
            int end = b.readerIndex() + arrayLen;
            while (b.readerIndex() < end) {
                buckets.add(readBucket15(b, end, t, actionVersion));
            }
            b.readerIndex(b.writerIndex());
        }
        return new GroupMod(command, t, id, buckets);
    }

    private static OfGroup.Bucket readBucket15(ByteBuf b, int end, OfGroup.Type t, int version) {
        int start = b.readerIndex();
        OfWire.need(b, 8, "bucket");
        int len = b.readUnsignedShort();
        int actionsLen = b.readUnsignedShort();
        b.skipBytes(4);
        if (len < 8 + actionsLen || start + len > end) {
            throw bad("BAD_BUCKET", "bucket length " + len);
        }
        List<OfAction> actions = ActionCodec.read(b, actionsLen, version);
        int weight = t == OfGroup.Type.SELECT ? 1 : 0;
        int watchPort = OfGroup.WATCH_NONE;
        int watchGroup = OfGroup.WATCH_NONE;
        while (b.readerIndex() + 4 <= start + len) {
            int ptype = b.readUnsignedShort();
            int plen = b.readUnsignedShort();
            if (plen < 4) {
                throw bad("BAD_BUCKET", "bucket property length " + plen);
            }
            int pstart = b.readerIndex() - 4;
            switch (ptype) {
                case 0 -> weight = b.readUnsignedShort();
                case 1 -> watchPort = watchPort(b.readInt());
                case 2 -> watchGroup = b.readInt();
                default -> { }
            }
            b.readerIndex(Math.min(start + len, pstart + OfWire.padded8(plen)));
        }
        b.readerIndex(start + len);
        return new OfGroup.Bucket(weight, watchPort, watchGroup, actions);
    }

    /** Watch ports are 32-bit on the wire; we keep OVS's 16-bit numbers (ANY stays ANY). */
    private static int watchPort(int p) {
        if (p == OfGroup.WATCH_NONE) {
            return p;
        }
        int port = OfWire.portFrom32(p);
        return port < 0 ? OfGroup.WATCH_NONE : port;
    }

    private static int watchPortOut(int p) {
        return p == OfGroup.WATCH_NONE ? p : OfWire.portTo32(p);
    }

    private static OfCodecException bad(String code, String detail) {
        return new OfCodecException(OfError.Type.GROUP_MOD_FAILED, code, detail);
    }

    /** A group description entry. */
    public static ByteBuf descEntry(OfGroup g, int version) {
        return descEntry(g, version, version);
    }

    /** A group description entry laid out as {@code version}, actions as {@code actionVersion}. */
    public static ByteBuf descEntry(OfGroup g, int version, int actionVersion) {
        ByteBuf b = Unpooled.buffer(64);
        b.writeShort(0).writeByte(g.type().ordinal()).writeZero(1).writeInt(g.id());
        if (version < OfWire.OF15) {
            for (OfGroup.Bucket bk : g.buckets()) {
                int s = b.writerIndex();
                b.writeShort(0).writeShort(bk.weight()).writeInt(watchPortOut(bk.watchPort()))
                        .writeInt(bk.watchGroup()).writeZero(4);
                ActionCodec.write(b, bk.actions(), actionVersion);
                b.setShort(s, b.writerIndex() - s);
            }
        } else {
            int arrayLenAt = b.writerIndex();
            b.writeShort(0).writeZero(6);
            int arrayStart = b.writerIndex();
            int id = 0;
            for (OfGroup.Bucket bk : g.buckets()) {
                int s = b.writerIndex();
                b.writeShort(0).writeShort(0).writeInt(id++);
                int n = ActionCodec.write(b, bk.actions(), actionVersion);
                b.setShort(s + 2, n);
                if (g.type() == OfGroup.Type.SELECT) {
                    b.writeShort(0).writeShort(8).writeShort(bk.weight()).writeZero(2);
                }
                if (g.type() == OfGroup.Type.FAST_FAILOVER) {
                    b.writeShort(1).writeShort(8).writeInt(watchPortOut(bk.watchPort()));
                    b.writeShort(2).writeShort(8).writeInt(bk.watchGroup());
                }
                b.setShort(s, b.writerIndex() - s);
            }
            b.setShort(arrayLenAt, b.writerIndex() - arrayStart);
        }
        b.setShort(0, b.writerIndex());
        return b;
    }

    /**
     * A group statistics entry in OpenFlow 1.3's layout (Nicira's NXST_GROUP uses it):
     * length (2) | pad (2) | group_id (4) | ref_count (4) | pad (4) | packets (8) | bytes (8)
     * | duration s/ns (8) | per bucket: packets (8) | bytes (8).
     */
    public static ByteBuf statsEntry(OfGroup g, long refCount, long nowMillis) {
        ByteBuf b = Unpooled.buffer(64);
        long age = Math.max(0, nowMillis - g.createdMillis());
        b.writeShort(0).writeZero(2).writeInt(g.id()).writeInt((int) refCount).writeZero(4)
                .writeLong(g.packets().get()).writeLong(g.bytes().get()).writeInt((int) (age / 1000))
                .writeInt((int) (age % 1000) * 1_000_000);
        for (OfGroup.Bucket bk : g.buckets()) {
            b.writeLong(bk.packets().get()).writeLong(bk.bytes().get());
        }
        b.setShort(0, b.writerIndex());
        return b;
    }
}
