package org.jvswitch.ofproto;

import java.nio.ByteBuffer;

/**
 * What a datapath userspace action tells its upcall handler, encoded in the action's user data
 * (Open vSwitch's user_action_cookie): a packet for the controllers (bridge, reason, max length,
 * table, cookie), or a packet for the slow path (a BPDU for spanning tree).
 *
 * <pre>
 *   byte 0      type: 1 controller, 2 STP/RSTP BPDU, 3 neighbour snooping (native tunneling)
 *   bytes 1-4   bridge id (Ofproto.id)
 *   controller: byte 5 reason, bytes 6-7 max_len, byte 8 table, bytes 9-16 cookie, bytes 17-18 controller id,
 *               byte 19 flags (bit 0: output by a table-miss rule, OVS's OFPR_EXPLICIT_MISS)
 *   bpdu:       bytes 5-6 the OpenFlow port it arrived on
 *   snoop:      bytes 5-6 the OpenFlow (internal) port it was output to
 * </pre>
 */
public record Userdata(int type, int bridgeId, int reason, int maxLen, int table, long cookie, int controllerId,
                       int ofport, boolean explicitMiss) {
    public static final int CONTROLLER = 1;
    public static final int BPDU = 2;
    public static final int NEIGH_SNOOP = 3;

    public static byte[] controller(int bridgeId, int reason, int maxLen, int table, long cookie, int controllerId) {
        return controller(bridgeId, reason, maxLen, table, cookie, controllerId, false);
    }

    /** @param explicitMiss output to the controller by a table-miss rule (priority 0, matching everything) */
    public static byte[] controller(int bridgeId, int reason, int maxLen, int table, long cookie, int controllerId,
                                    boolean explicitMiss) {
        return ByteBuffer.allocate(20).put((byte) CONTROLLER).putInt(bridgeId).put((byte) reason)
                .putShort((short) maxLen).put((byte) table).putLong(cookie).putShort((short) controllerId)
                .put((byte) (explicitMiss ? 1 : 0)).array();
    }

    public static byte[] bpdu(int bridgeId, int ofport) {
        return ByteBuffer.allocate(7).put((byte) BPDU).putInt(bridgeId).putShort((short) ofport).array();
    }

    /** An ARP reply or neighbour advertisement output to internal port {@code ofport}: a copy for the neighbour cache. */
    public static byte[] neighSnoop(int bridgeId, int ofport) {
        return ByteBuffer.allocate(7).put((byte) NEIGH_SNOOP).putInt(bridgeId).putShort((short) ofport).array();
    }

    /** Decodes user data; null if it is not ours. */
    public static Userdata decode(byte[] d) {
        if (d == null || d.length < 5) {
            return null;
        }
        ByteBuffer b = ByteBuffer.wrap(d);
        int type = b.get();
        int bridge = b.getInt();
        if (type == CONTROLLER && d.length >= 19) {
            return new Userdata(type, bridge, b.get() & 0xff, b.getShort() & 0xffff, b.get() & 0xff, b.getLong(),
                    b.getShort() & 0xffff, -1, d.length >= 20 && (b.get() & 1) != 0);
        }
        if ((type == BPDU || type == NEIGH_SNOOP) && d.length >= 7) {
            return new Userdata(type, bridge, 0, 0, 0, 0, 0, b.getShort() & 0xffff, false);
        }
        return null;
    }
}
