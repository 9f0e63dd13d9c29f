package org.jvswitch.stp;

/**
 * One port of an {@link Stp}: the 802.1D-1998 port parameters (8.5.5) and timers (8.5.6) plus
 * the counters OVS reports. Mutable; touched only by the engine's calling thread. Queries from
 * other threads go through {@link StpStatus} snapshots.
 */
final class StpPort {
    /** STP port number, 1..255: the low byte of the port identifier. */
    final int portNo;
    String name;
    /** 8.5.5.1: priority in the high byte, port number in the low byte. */
    int portId;
    /** 8.5.5.2. */
    StpPortState state = StpPortState.DISABLED;
    /** 8.5.5.3: 1..65535. */
    int pathCost;
    /** 8.5.5.4-8.5.5.7: the designated root, cost, bridge and port for this port's LAN. */
    long designatedRoot;
    long designatedCost;
    long designatedBridge;
    int designatedPort;
    /** 8.5.5.8-8.5.5.10. */
    boolean topologyChangeAck;
    boolean configPending;
    boolean changeDetectionEnabled = true;

    final StpTimer messageAgeTimer = new StpTimer();
    final StpTimer forwardDelayTimer = new StpTimer();
    final StpTimer holdTimer = new StpTimer();

    /** BPDUs sent, valid BPDUs received, bad BPDUs received (OVS's stp_*_count). */
    long txCount;
    long rxCount;
    long errorCount;
    /** Engine clock when {@link #state} last changed, for {@code stp_sec_in_state}. */
    long stateEnteredMillis;

    StpPort(int portNo, String name, int priority, int pathCost) {
        this.portNo = portNo;
        this.name = name;
        this.portId = ((priority & 0xFF) << 8) | portNo;
        this.pathCost = pathCost;
    }

    int priority() {
        return portId >>> 8;
    }

    boolean enabled() {
        return state != StpPortState.DISABLED;
    }
}
