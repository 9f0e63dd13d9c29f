package org.jvswitch.stp;

/**
 * A bridge protocol data unit, decoded (802.1D-2004 clause 9). Times are on-the-wire values in
 * units of 1/256 s; identifiers are 64-bit bridge IDs and 16-bit port IDs.
 *
 * @param type          configuration, topology change notification, or rapid spanning tree
 * @param version       protocol version identifier: 0 for STP, 2 for RSTP (3 for MSTP, read as 2)
 * @param flags         the flags octet ({@link #TC}, {@link #PROPOSAL}, role bits, ...); 0 for TCN
 * @param rootId        root bridge identifier
 * @param rootPathCost  root path cost (unsigned 32 bits)
 * @param bridgeId      identifier of the transmitting bridge
 * @param portId        identifier of the transmitting port
 * @param messageAge    message age, 1/256 s
 * @param maxAge        max age, 1/256 s
 * @param helloTime     hello time, 1/256 s
 * @param forwardDelay  forward delay, 1/256 s
 */
public record Bpdu(Type type, int version, int flags, long rootId, long rootPathCost, long bridgeId,
                   int portId, int messageAge, int maxAge, int helloTime, int forwardDelay) {

    /** BPDU types (9.3.1-9.3.3). */
    public enum Type {
        CONFIG(0x00), TCN(0x80), RST(0x02);

        /** The BPDU type octet. */
        public final int code;

        Type(int code) {
            this.code = code;
        }
    }

    /** Topology Change flag (bit 1). */
    public static final int TC = 0x01;
    /** Proposal flag (bit 2, RST only). */
    public static final int PROPOSAL = 0x02;
    /** Port Role field (bits 3-4, RST only). */
    public static final int ROLE_MASK = 0x0C;
    public static final int ROLE_SHIFT = 2;
    /** Learning flag (bit 5, RST only). */
    public static final int LEARNING = 0x10;
    /** Forwarding flag (bit 6, RST only). */
    public static final int FORWARDING = 0x20;
    /** Agreement flag (bit 7, RST only). */
    public static final int AGREEMENT = 0x40;
    /** Topology Change Acknowledgment flag (bit 8). */
    public static final int TCA = 0x80;

    /** Port Role values in the role field (9.2.9). */
    public static final int ROLE_UNKNOWN = 0;
    public static final int ROLE_ALTERNATE_BACKUP = 1;
    public static final int ROLE_ROOT = 2;
    public static final int ROLE_DESIGNATED = 3;

    /** A configuration BPDU (version 0). */
    public static Bpdu config(int flags, long rootId, long rootPathCost, long bridgeId, int portId,
                              int messageAge, int maxAge, int helloTime, int forwardDelay) {
        return new Bpdu(Type.CONFIG, 0, flags & (TC | TCA), rootId, rootPathCost, bridgeId, portId,
                messageAge, maxAge, helloTime, forwardDelay);
    }

    /** A topology change notification BPDU. */
    public static Bpdu tcn() {
        return new Bpdu(Type.TCN, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
    }

    /** A rapid spanning tree BPDU (version 2). */
    public static Bpdu rst(int flags, long rootId, long rootPathCost, long bridgeId, int portId,
                           int messageAge, int maxAge, int helloTime, int forwardDelay) {
        return new Bpdu(Type.RST, 2, flags, rootId, rootPathCost, bridgeId, portId,
                messageAge, maxAge, helloTime, forwardDelay);
    }

    /** The role field of an RST BPDU's flags. */
    public int role() {
        return (flags & ROLE_MASK) >>> ROLE_SHIFT;
    }

    public boolean has(int flag) {
        return (flags & flag) != 0;
    }
}
