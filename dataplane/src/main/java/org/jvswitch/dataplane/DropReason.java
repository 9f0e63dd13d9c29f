package org.jvswitch.dataplane;

/**
 * Why the datapath dropped a packet: one counter per reason per PMD (the datapath counts, it does
 * not log). Int constants, not an enum, so the fast path indexes a {@code long[]} directly.
 */
public final class DropReason {
    /** A flow's actions said drop (or were empty). */
    public static final int ACTION_DROP = 0;
    /** No flow and no upcall handler took the packet (the miss was handled by dropping it). */
    public static final int NO_FLOW = 1;
    /** The upcall queue was full: a lost upcall. */
    public static final int UPCALL_QUEUE_FULL = 2;
    /** The driver's tx queue was full. */
    public static final int TX_QUEUE_FULL = 3;
    /** A meter band dropped it. */
    public static final int METER = 4;
    /** The frame was truncated or malformed. */
    public static final int MALFORMED = 5;
    /** Output to a port the datapath does not have. */
    public static final int NO_SUCH_PORT = 6;
    /** Recirculated more than {@link #MAX_RECIRC_DEPTH} times. */
    public static final int RECIRC_DEPTH = 7;
    /** No room to copy the packet (mbuf pool empty or scratch slots exhausted). */
    public static final int NO_MBUF = 8;
    /** A push action found no headroom, or a pop found no such header. */
    public static final int BAD_PUSH_POP = 9;
    /** Tunnel encapsulation failed: no headroom for the outer headers, or a checksum it cannot compute. */
    public static final int TUNNEL = 10;
    /** Larger than the output port's MTU. */
    public static final int MTU = 11;
    /** tnl_pop: an outer header is truncated or malformed (IP version, lengths, a fragment, VXLAN flags...). */
    public static final int TUNNEL_MALFORMED = 12;
    /** tnl_pop: a bad outer IPv4 header, UDP or GRE checksum. */
    public static final int TUNNEL_CSUM = 13;
    /** tnl_pop: a critical Geneve option the switch does not know, or more options than a key holds. */
    public static final int TUNNEL_OPTION = 14;
    /** tnl_pop: a key (VNI, GRE key) no tunnel port of that vport receives. */
    public static final int TUNNEL_KEY = 15;
    /** tnl_pop: the port is no tunnel vport, or the packet is not that vport's protocol or UDP port. */
    public static final int TUNNEL_PORT = 16;
    public static final int COUNT = 17;

    /** OVS's recirculation limit. */
    public static final int MAX_RECIRC_DEPTH = 6;

    private static final String[] NAMES = {"action_drop", "no_flow", "upcall_queue_full", "tx_queue_full", "meter",
        "malformed", "no_such_port", "recirc_depth", "no_mbuf", "bad_push_pop", "tunnel", "mtu", "tunnel_malformed",
        "tunnel_bad_csum", "tunnel_bad_option", "tunnel_unknown_key", "tunnel_unknown_port"};

    private DropReason() {
    }

    public static String name(int reason) {
        return reason >= 0 && reason < COUNT ? NAMES[reason] : "unknown";
    }
}
