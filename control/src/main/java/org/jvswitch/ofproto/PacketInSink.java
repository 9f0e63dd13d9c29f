package org.jvswitch.ofproto;

/**
 * Where a bridge's packet-ins and flow-removed notifications go: its OpenFlow connection manager.
 * Called on upcall handler and revalidator threads; implementations queue and return.
 */
public interface PacketInSink {
    /** OFPR_* reasons, OpenFlow 1.3 values. */
    int REASON_NO_MATCH = 0;
    int REASON_ACTION = 1;
    int REASON_INVALID_TTL = 2;
    /**
     * Not on the wire: a table-miss rule's output to the controller (OVS's OFPR_EXPLICIT_MISS),
     * sent as ACTION to OpenFlow 1.0-1.2 connections and as NO_MATCH from 1.3 on.
     */
    int REASON_EXPLICIT_MISS = 0x80;

    /**
     * @param packet    the packet (the first {@code len} bytes; {@code totalLen} on the wire)
     * @param key       its OpenFlow key, for the packet-in's match (in_port, metadata, registers)
     * @param maxLen    how much of it the controller asked for (0xffff: all)
     */
    void packetIn(Ofproto bridge, byte[] packet, int len, int totalLen, long[] key, int reason, int tableId,
                  long cookie, int maxLen, int controllerId);

    /** A rule was removed (delete, timeout) and had SEND_FLOW_REM; reason OFPRR_*. */
    void flowRemoved(Ofproto bridge, OfRule rule, int reason);

    PacketInSink NONE = new PacketInSink() {
        @Override
        public void packetIn(Ofproto bridge, byte[] packet, int len, int totalLen, long[] key, int reason, int tableId,
                             long cookie, int maxLen, int controllerId) {
        }

        @Override
        public void flowRemoved(Ofproto bridge, OfRule rule, int reason) {
        }
    };
}
