package org.jvswitch.openflow.codec;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import org.jvswitch.ofproto.OfKey;

/**
 * OpenFlow wire facts shared by our own codecs: versions, message and multipart type numbers,
 * header writing, padding, and port number conversions.
 *
 * <pre>
 *   ofp_header:  version (1) | type (1) | length (2) | xid (4)
 *   multipart:   ofp_header | type (2) | flags (2) | pad (4, OF1.1+)
 *   NX vendor:   ofp_header | vendor 0x00002320 (4) | subtype (4)
 * </pre>
 *
 * Ports: jvswitch keeps Open vSwitch's 16-bit port numbers ({@link OfKey}); OpenFlow 1.1 and later
 * carry 32-bit ones whose reserved values are 0xffffff00 and up, OVS's plus 0xffff0000.
 */
public final class OfWire {
    public static final int OF10 = 1;
    public static final int OF11 = 2;
    public static final int OF12 = 3;
    public static final int OF13 = 4;
    public static final int OF14 = 5;
    public static final int OF15 = 6;

    public static final int HEADER = 8;
    public static final int MAX_LENGTH = 0xffff;

    // Message types common to every version.
    public static final int T_HELLO = 0;
    public static final int T_ERROR = 1;
    public static final int T_ECHO_REQUEST = 2;
    public static final int T_ECHO_REPLY = 3;
    public static final int T_VENDOR = 4;
    public static final int T_FEATURES_REQUEST = 5;
    public static final int T_FEATURES_REPLY = 6;
    public static final int T_GET_CONFIG_REQUEST = 7;
    public static final int T_GET_CONFIG_REPLY = 8;
    public static final int T_SET_CONFIG = 9;
    public static final int T_PACKET_IN = 10;
    public static final int T_FLOW_REMOVED = 11;
    public static final int T_PORT_STATUS = 12;
    public static final int T_PACKET_OUT = 13;
    public static final int T_FLOW_MOD = 14;
    // OpenFlow 1.0 only.
    public static final int T10_PORT_MOD = 15;
    public static final int T10_STATS_REQUEST = 16;
    public static final int T10_STATS_REPLY = 17;
    public static final int T10_BARRIER_REQUEST = 18;
    // OpenFlow 1.1 and later.
    public static final int T_GROUP_MOD = 15;
    public static final int T_MULTIPART_REQUEST = 18;
    public static final int T_MULTIPART_REPLY = 19;
    public static final int T_METER_MOD = 29;

    // Multipart (stats) types.
    public static final int MP_DESC = 0;
    public static final int MP_FLOW = 1;
    public static final int MP_AGGREGATE = 2;
    public static final int MP_GROUP_DESC = 7;
    public static final int MP_VENDOR = 0xffff;
    public static final int MP_REPLY_MORE = 1;

    /** Nicira's vendor (experimenter) id. */
    public static final int NX_VENDOR = 0x00002320;
    /** ONF's experimenter id (OpenFlow 1.3 extension OXMs). */
    public static final int ONF_VENDOR = 0x4f4e4600;

    public static final int NO_BUFFER = 0xffffffff;
    public static final int OFPP11_MAX = 0xffffff00;
    public static final int OFPP11_OFFSET = 0xffff0000;

    private OfWire() {
    }

    public static String versionName(int v) {
        return switch (v) {
            case OF10 -> "OpenFlow10";
            case OF11 -> "OpenFlow11";
            case OF12 -> "OpenFlow12";
            case OF13 -> "OpenFlow13";
            case OF14 -> "OpenFlow14";
            case OF15 -> "OpenFlow15";
            default -> "OpenFlow 0x" + Integer.toHexString(v);
        };
    }

    /** The version of an OVS protocols name ("OpenFlow13"), or -1. */
    public static int versionOf(String name) {
        for (int v = OF10; v <= OF15; v++) {
            if (versionName(v).equalsIgnoreCase(name.trim())) {
                return v;
            }
        }
        return -1;
    }

    /** A 32-bit OpenFlow 1.1+ port number as OVS's 16-bit one; -1 if it has none. */
    public static int portFrom32(int p) {
        if (Integer.compareUnsigned(p, OfKey.OFPP_MAX) < 0) {
            return p;
        }
        if (Integer.compareUnsigned(p, OFPP11_MAX) >= 0) {
            return p - OFPP11_OFFSET;
        }
        return -1;
    }

    public static int portTo32(int ofport) {
        return ofport >= OfKey.OFPP_MAX ? ofport + OFPP11_OFFSET : ofport;
    }

    /** A new message buffer with its header written (length fixed by {@link #finish}). */
    public static ByteBuf start(int version, int type, int xid) {
        ByteBuf b = Unpooled.buffer(64);
        b.writeByte(version).writeByte(type).writeShort(0).writeInt(xid);
        return b;
    }

    /** Sets the header's length to the buffer's size. */
    public static ByteBuf finish(ByteBuf b) {
        if (b.writerIndex() > MAX_LENGTH) {
            throw new IllegalStateException("OpenFlow message of " + b.writerIndex() + " bytes");
        }
        b.setShort(2, b.writerIndex());
        return b;
    }

    /** Writes zeros until the buffer's size from {@code from} is a multiple of 8. */
    public static void pad8(ByteBuf b, int from) {
        int len = b.writerIndex() - from;
        b.writeZero((len + 7) / 8 * 8 - len);
    }

    public static int padded8(int len) {
        return (len + 7) / 8 * 8;
    }

    /** An error for a message that is too short or has a bad inner length. */
    public static OfCodecException badLen(String what) {
        return new OfCodecException(org.jvswitch.ofproto.OfError.Type.BAD_REQUEST, "BAD_LEN", what);
    }

    /** Checks that {@code n} bytes remain. */
    public static void need(ByteBuf b, int n, String what) {
        if (b.readableBytes() < n) {
            throw badLen(what + ": " + b.readableBytes() + " bytes left, " + n + " needed");
        }
    }
}
