package org.jvswitch.stp;

/**
 * One port of an {@link Rstp}: the 802.1D-2004 per-port variables (17.19), timers (17.17),
 * state machine states and the counters OVS reports. Field names follow the standard's
 * variable names. Mutable; touched only by the engine's calling thread (queries go through
 * {@link RstpStatus} snapshots).
 */
final class RstpPort {

    /** 17.19.9 infoIs. */
    enum InfoIs { DISABLED, AGED, MINE, RECEIVED }

    /** 17.19.27 rcvdInfo, as rcvInfo() (17.21.8) classifies a received message. */
    enum RcvdInfo { SUPERIOR_DESIGNATED, REPEATED_DESIGNATED, INFERIOR_DESIGNATED,
        INFERIOR_ROOT_ALTERNATE, OTHER }

    /** Port number, 1..4095: the low 12 bits of the port identifier. */
    final int portNo;
    String name;
    /** Port priority, a multiple of 16 in 0..240: the high 4 bits of the identifier. */
    int priority;
    /** 17.19.21 portId (9.2.7). */
    int portId;
    /** 17.19.20 PortPathCost. */
    long pathCost;

    // Management (17.13, 6.4) and MAC status.
    boolean adminEdge;
    boolean autoEdge = true;
    RstpPortSettings.AdminP2p adminP2p = RstpPortSettings.AdminP2p.FORCE_TRUE;
    boolean operPointToPointMac = true;
    boolean macOperational;
    boolean adminPortState = true;
    /** 17.19.18: macOperational && adminPortState. */
    boolean portEnabled;

    // 17.19 per-port variables.
    boolean agree;
    boolean agreed;
    PriorityVector designatedPriority;
    RstpTimes designatedTimes;
    boolean disputed;
    boolean fdbFlush;
    boolean forward;
    boolean forwarding;
    InfoIs infoIs = InfoIs.DISABLED;
    boolean learn;
    boolean learning;
    boolean mcheck;
    PriorityVector msgPriority;
    RstpTimes msgTimes;
    boolean newInfo;
    boolean operEdge;
    PriorityVector portPriority;
    RstpTimes portTimes;
    boolean proposed;
    boolean proposing;
    boolean rcvdBpdu;
    RcvdInfo rcvdInfo;
    boolean rcvdMsg;
    boolean rcvdRstp;
    boolean rcvdStp;
    boolean rcvdTc;
    boolean rcvdTcAck;
    boolean rcvdTcn;
    boolean reRoot;
    boolean reselect;
    RstpPortRole role = RstpPortRole.DISABLED;
    boolean selected;
    RstpPortRole selectedRole = RstpPortRole.DISABLED;
    boolean sendRstp;
    boolean sync;
    boolean synced;
    boolean tcAck;
    boolean tcProp;
    /** 17.19.44 txCount: BPDUs sent in the last second or so, for the hold count. */
    int txCount;
    boolean updtInfo;

    // 17.17 timers, in seconds, counting down.
    int edgeDelayWhile;
    int fdWhile;
    int helloWhen;
    int mdelayWhile;
    int rbWhile;
    int rcvdInfoWhile;
    int rrWhile;
    int tcWhile;

    /** The BPDU {@code receive} accepted, waiting for the Port Receive machine. */
    Bpdu pendingBpdu;
    /** The BPDU the current received message came from (rcvdMsg). */
    Bpdu msgBpdu;

    // State machine states.
    RstpReceive.Prx prx;
    RstpReceive.Ppm ppm;
    RstpReceive.Bdm bdm;
    RstpPortInformation.Pim pim;
    RstpRoleTransitions.Prt prt;
    RstpStateTransition.Pst pst;
    RstpTopologyChange.Tcm tcm;
    RstpTransmit.Ptx ptx;

    /** The state reported to the bridge (the Port State Transition machine's). */
    RstpPortState state = RstpPortState.DISCARDING;
    long stateEnteredMillis;
    /** OVS's counters: BPDUs sent, valid BPDUs received, bad BPDUs, seconds since added. */
    long txBpdus;
    long rxBpdus;
    long errorCount;
    long uptime;

    RstpPort(int portNo, String name, int priority, long pathCost) {
        this.portNo = portNo;
        this.name = name;
        this.pathCost = pathCost;
        setPriority(priority);
    }

    void setPriority(int p) {
        priority = p;
        portId = (p << 8) | portNo;
    }

    /** 17.20.8 MaxAge, 17.20.6 HelloTime, 17.20.5 FwdDelay: from designatedTimes. */
    int maxAge() {
        return designatedTimes.maxAge();
    }

    int helloTime() {
        return designatedTimes.helloTime();
    }

    int fwdDelay() {
        return designatedTimes.forwardDelay();
    }

    /** 17.20.7 forwardDelay: HelloTime while talking RSTP, FwdDelay otherwise. */
    int forwardDelay() {
        return sendRstp ? helloTime() : fwdDelay();
    }

    /** 17.20.4 EdgeDelay. */
    int edgeDelay() {
        return operPointToPointMac ? RstpBridge.MIGRATE_TIME : maxAge();
    }

    boolean rootOrDesignated() {
        return role == RstpPortRole.ROOT || role == RstpPortRole.DESIGNATED;
    }
}
