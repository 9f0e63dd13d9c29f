package org.jvswitch.stp;

/**
 * The 802.1D-1998 clause 8 elements of procedure for one bridge: the bridge parameters (8.5.3),
 * bridge timers (8.5.4) and the procedures of 8.6-8.8, as OVS's {@code lib/stp.c} implements
 * them. {@link Stp} wraps it with the public API, clocks, snapshots and callbacks.
 *
 * <p>How: plain fields and methods named after the standard's procedures; times are in STP
 * ticks of 1/256 s, as carried in BPDUs. Identifiers compare unsigned. Ports live in an array
 * indexed by port number so that every "for each port" runs in port number order, which makes
 * the engine deterministic.
 *
 * <p>Threads: the engine's calling thread only.
 */
final class StpBridge {

    /** What the procedures produce; implemented by {@link Stp}. */
    interface Output {
        void send(StpPort port, Bpdu bpdu);

        void stateChanged(StpPort port, StpPortState from, StpPortState to);

        /** A change the MAC learning table must follow (OVS's fdb_needs_flush). */
        void flush();

        void topologyChangeDetected();
    }

    /** Ticks per second. */
    static final int HZ = 256;
    /** 8.10.2: added to the message age at each bridge; OVS and Linux use one tick. */
    static final int MESSAGE_AGE_INCREMENT = 1;
    /** 8.10.2 Hold Time: at most one config BPDU per port per second. */
    static final int HOLD_TIME = HZ;

    private final Output out;
    final StpPort[] ports = new StpPort[Stp.MAX_PORTS + 1];

    /** 8.5.3.7. */
    long bridgeId;
    /** 8.5.3.8-8.5.3.10: the times this bridge uses when it is root. */
    int bridgeMaxAge;
    int bridgeHelloTime;
    int bridgeForwardDelay;
    /** 8.5.3.4-8.5.3.6: the times in use, learned from the root. */
    int maxAge;
    int helloTime;
    int forwardDelay;
    /** 8.5.3.1-8.5.3.3. */
    long designatedRoot;
    long rootPathCost;
    StpPort rootPort;
    /** 8.5.3.11-8.5.3.12. */
    boolean topologyChangeDetected;
    boolean topologyChange;

    final StpTimer helloTimer = new StpTimer();
    final StpTimer tcnTimer = new StpTimer();
    final StpTimer topologyChangeTimer = new StpTimer();

    /** Engine clock, for stamping state changes. */
    long nowMillis;

    StpBridge(Output out) {
        this.out = out;
    }

    /** 8.8.1 Initialization (no ports are enabled yet); the bridge times are set next. */
    void initialize(long id) {
        bridgeId = id;
        designatedRoot = bridgeId;
        rootPathCost = 0;
        rootPort = null;
        topologyChangeDetected = false;
        topologyChange = false;
        tcnTimer.stop();
        topologyChangeTimer.stop();
        // Started already expired, as OVS does: the first tick sends the first hellos.
        helloTimer.start(Integer.MAX_VALUE / 2);
    }

    boolean isRootBridge() {
        return designatedRoot == bridgeId;
    }

    boolean isDesignatedPort(StpPort p) {
        return p.designatedBridge == bridgeId && p.designatedPort == p.portId;
    }

    // ---- 8.6 Elements of procedure -------------------------------------------------------

    /** 8.6.1 Transmit Configuration BPDU. */
    void transmitConfig(StpPort p) {
        if (p.holdTimer.active()) {
            p.configPending = true;
            return;
        }
        int messageAge = isRootBridge() || rootPort == null
                ? 0 : rootPort.messageAgeTimer.value() + MESSAGE_AGE_INCREMENT;
        if (messageAge >= maxAge) {
            return;
        }
        int flags = (topologyChange ? Bpdu.TC : 0) | (p.topologyChangeAck ? Bpdu.TCA : 0);
        out.send(p, Bpdu.config(flags, designatedRoot, rootPathCost, bridgeId, p.portId,
                messageAge, maxAge, helloTime, forwardDelay));
        p.topologyChangeAck = false;
        p.configPending = false;
        p.holdTimer.start(0);
    }

    /** 8.6.2 Record Configuration Information. */
    private void recordConfigInformation(StpPort p, Bpdu b) {
        p.designatedRoot = b.rootId();
        p.designatedCost = b.rootPathCost();
        p.designatedBridge = b.bridgeId();
        p.designatedPort = b.portId();
        p.messageAgeTimer.start(b.messageAge());
    }

    /** 8.6.3 Record Configuration Timeout Values. */
    private void recordConfigTimeoutValues(Bpdu b) {
        maxAge = b.maxAge();
        helloTime = b.helloTime();
        forwardDelay = b.forwardDelay();
        topologyChange = b.has(Bpdu.TC);
    }

    /** 8.6.4 Configuration BPDU Generation. */
    void configBpduGeneration() {
        for (StpPort p : ports) {
            if (p != null && p.enabled() && isDesignatedPort(p)) {
                transmitConfig(p);
            }
        }
    }

    /** 8.6.6 Transmit Topology Change Notification BPDU (through the root port). */
    private void transmitTcn() {
        if (rootPort != null) {
            out.send(rootPort, Bpdu.tcn());
        }
    }

    /** 8.6.7 Configuration Update. */
    void configurationUpdate() {
        rootSelection();
        designatedPortSelection();
    }

    /** 8.6.8 Root Selection. */
    private void rootSelection() {
        StpPort best = null;
        for (StpPort p : ports) {
            if (p == null || !p.enabled() || isDesignatedPort(p)
                    || Long.compareUnsigned(p.designatedRoot, bridgeId) >= 0) {
                continue;
            }
            if (best == null || betterRoot(p, best)) {
                best = p;
            }
        }
        rootPort = best;
        if (best == null) {
            designatedRoot = bridgeId;
            rootPathCost = 0;
        } else {
            designatedRoot = best.designatedRoot;
            rootPathCost = best.designatedCost + best.pathCost;
        }
    }

    private static boolean betterRoot(StpPort p, StpPort q) {
        int c = Long.compareUnsigned(p.designatedRoot, q.designatedRoot);
        if (c == 0) {
            c = Long.compare(p.designatedCost + p.pathCost, q.designatedCost + q.pathCost);
        }
        if (c == 0) {
            c = Long.compareUnsigned(p.designatedBridge, q.designatedBridge);
        }
        if (c == 0) {
            c = Integer.compare(p.designatedPort, q.designatedPort);
        }
        if (c == 0) {
            c = Integer.compare(p.portId, q.portId);
        }
        return c < 0;
    }

    /** 8.6.9 Designated Port Selection. */
    private void designatedPortSelection() {
        for (StpPort p : ports) {
            if (p == null || !p.enabled()) {
                continue;
            }
            if (isDesignatedPort(p) || p.designatedRoot != designatedRoot
                    || rootPathCost < p.designatedCost
                    || (rootPathCost == p.designatedCost
                        && (Long.compareUnsigned(bridgeId, p.designatedBridge) < 0
                            || (bridgeId == p.designatedBridge && p.portId <= p.designatedPort)))) {
                becomeDesignatedPort(p);
            }
        }
    }

    /** 8.6.10 Become Designated Port. */
    void becomeDesignatedPort(StpPort p) {
        p.designatedRoot = designatedRoot;
        p.designatedCost = rootPathCost;
        p.designatedBridge = bridgeId;
        p.designatedPort = p.portId;
    }

    /** 8.6.11 Port State Selection. */
    void portStateSelection() {
        for (StpPort p : ports) {
            if (p == null || !p.enabled()) {
                continue;
            }
            if (p == rootPort) {
                p.configPending = false;
                p.topologyChangeAck = false;
                makeForwarding(p);
            } else if (isDesignatedPort(p)) {
                p.messageAgeTimer.stop();
                makeForwarding(p);
            } else {
                p.configPending = false;
                p.topologyChangeAck = false;
                makeBlocking(p);
            }
        }
    }

    /** 8.6.12 Make Forwarding: start the listening/learning progression. */
    private void makeForwarding(StpPort p) {
        if (p.state == StpPortState.BLOCKING) {
            setState(p, StpPortState.LISTENING);
            p.forwardDelayTimer.start(0);
        }
    }

    /** 8.6.13 Make Blocking. */
    private void makeBlocking(StpPort p) {
        if (p.state != StpPortState.DISABLED && p.state != StpPortState.BLOCKING) {
            if ((p.state == StpPortState.FORWARDING || p.state == StpPortState.LEARNING)
                    && p.changeDetectionEnabled) {
                topologyChangeDetection();
            }
            setState(p, StpPortState.BLOCKING);
            p.forwardDelayTimer.stop();
        }
    }

    void setState(StpPort p, StpPortState state) {
        StpPortState old = p.state;
        if (old != state) {
            p.state = state;
            p.stateEnteredMillis = nowMillis;
            out.stateChanged(p, old, state);
        }
    }

    /** 8.6.14 Topology Change Detection. */
    void topologyChangeDetection() {
        if (isRootBridge()) {
            topologyChange = true;
            topologyChangeTimer.start(0);
        } else if (!topologyChangeDetected) {
            transmitTcn();
            tcnTimer.start(0);
        }
        topologyChangeDetected = true;
        out.flush();
        out.topologyChangeDetected();
    }

    /** 8.6.15 Topology Change Acknowledged. */
    private void topologyChangeAcknowledged() {
        topologyChangeDetected = false;
        tcnTimer.stop();
    }

    /** 8.6.16 Acknowledge Topology Change. */
    private void acknowledgeTopologyChange(StpPort p) {
        p.topologyChangeAck = true;
        transmitConfig(p);
    }

    // ---- 8.7 Operation of the protocol ---------------------------------------------------

    /** 8.6.2.2 supersedes: the received information is better than, or refreshes, the port's. */
    private boolean supersedesPortInfo(StpPort p, Bpdu b) {
        int c = Long.compareUnsigned(b.rootId(), p.designatedRoot);
        if (c != 0) {
            return c < 0;
        }
        if (b.rootPathCost() != p.designatedCost) {
            return b.rootPathCost() < p.designatedCost;
        }
        c = Long.compareUnsigned(b.bridgeId(), p.designatedBridge);
        if (c != 0) {
            return c < 0;
        }
        return b.bridgeId() != bridgeId || b.portId() <= p.designatedPort;
    }

    /** 8.7.1 Received Configuration BPDU. */
    void receivedConfigBpdu(StpPort p, Bpdu b) {
        if (!p.enabled()) {
            return;
        }
        boolean wasRoot = isRootBridge();
        if (supersedesPortInfo(p, b)) {
            recordConfigInformation(p, b);
            configurationUpdate();
            portStateSelection();
            if (!isRootBridge() && wasRoot) {
                stopBeingRoot();
            }
            if (p == rootPort) {
                recordConfigTimeoutValues(b);
                configBpduGeneration();
                if (b.has(Bpdu.TCA)) {
                    topologyChangeAcknowledged();
                }
                if (b.has(Bpdu.TC)) {
                    out.flush();        // as OVS: relearn while the root signals a change
                }
            }
        } else if (isDesignatedPort(p)) {
            transmitConfig(p);
        }
    }

    /** 8.7.2 Received Topology Change Notification BPDU. */
    void receivedTcnBpdu(StpPort p) {
        if (p.enabled() && isDesignatedPort(p)) {
            topologyChangeDetection();
            acknowledgeTopologyChange(p);
        }
    }

    /** The part of 8.7.1 that runs when a superior BPDU makes this bridge stop being root. */
    void stopBeingRoot() {
        helloTimer.stop();
        if (topologyChangeDetected) {
            topologyChangeTimer.stop();
            transmitTcn();
            tcnTimer.start(0);
        }
    }

    /** The part of 8.7.5 and 8.8.3 that runs when this bridge becomes root. */
    void becomeRootBridge() {
        maxAge = bridgeMaxAge;
        helloTime = bridgeHelloTime;
        forwardDelay = bridgeForwardDelay;
        topologyChangeDetection();
        tcnTimer.stop();
        configBpduGeneration();
        helloTimer.start(0);
    }

    /** 8.7.5 Message Age Timer Expiry. */
    private void messageAgeTimerExpiry(StpPort p) {
        boolean wasRoot = isRootBridge();
        becomeDesignatedPort(p);
        configurationUpdate();
        portStateSelection();
        if (isRootBridge() && !wasRoot) {
            becomeRootBridge();
        }
    }

    /** 8.7.6 Forward Delay Timer Expiry. */
    private void forwardDelayTimerExpiry(StpPort p) {
        if (p.state == StpPortState.LISTENING) {
            setState(p, StpPortState.LEARNING);
            p.forwardDelayTimer.start(0);
        } else if (p.state == StpPortState.LEARNING) {
            setState(p, StpPortState.FORWARDING);
            if (designatedForSomePort() && p.changeDetectionEnabled) {
                topologyChangeDetection();
            }
        }
    }

    private boolean designatedForSomePort() {
        for (StpPort p : ports) {
            if (p != null && p.enabled() && p.designatedBridge == bridgeId) {
                return true;
            }
        }
        return false;
    }

    /** 8.7.3-8.7.8: advances every timer by {@code elapsed} ticks and runs the expiries. */
    void tick(int elapsed) {
        if (helloTimer.expired(elapsed, helloTime)) {
            configBpduGeneration();                         // 8.7.3
            helloTimer.start(0);
        }
        if (tcnTimer.expired(elapsed, bridgeHelloTime)) {
            transmitTcn();                                  // 8.7.7
            tcnTimer.start(0);
        }
        if (topologyChangeTimer.expired(elapsed, maxAge + forwardDelay)) {
            topologyChangeDetected = false;                 // 8.7.8
            topologyChange = false;
        }
        for (StpPort p : ports) {
            if (p != null && p.enabled() && p.messageAgeTimer.expired(elapsed, maxAge)) {
                messageAgeTimerExpiry(p);
            }
        }
        for (StpPort p : ports) {
            if (p == null || !p.enabled()) {
                continue;
            }
            if (p.forwardDelayTimer.expired(elapsed, forwardDelay)) {
                forwardDelayTimerExpiry(p);
            }
            if (p.holdTimer.expired(elapsed, HOLD_TIME) && p.configPending) {
                transmitConfig(p);                          // 8.7.4
            }
        }
    }
}
