package org.jvswitch.stp;

import java.util.TreeMap;
import org.jvswitch.vlog.Vlog;
import org.slf4j.Logger;

/**
 * The 802.1D-2004 clause 17 bridge: the per-bridge variables (17.18), the ports, and the loop
 * that runs the state machines until they settle. {@link Rstp} wraps it with the public API.
 *
 * <p>How: each state machine is a class whose {@code step} takes at most one transition (and
 * runs the new state's actions, including any UCT states after it) and says whether it did.
 * {@link #run} steps every machine of every port until none moves, so the machines behave as
 * if they ran concurrently and reached their stable states before the next event (17.16).
 * Transmission (the Port Transmit machine) is stepped only once everything else has settled,
 * so a burst of changes goes out as one BPDU carrying the final information rather than one
 * BPDU per intermediate step (the hold count would otherwise throttle convergence).
 * Ports are kept in port number order, which makes the engine deterministic.
 *
 * <p>Threads: the engine's calling thread only.
 */
final class RstpBridge {

    /** What the machines produce; implemented by {@link Rstp}. */
    interface Output {
        void send(RstpPort port, Bpdu bpdu);

        void stateChanged(RstpPort port, RstpPortState from, RstpPortState to);

        /** Flush MAC entries learned on {@code port}. */
        void flush(RstpPort port);
    }

    private static final Logger LOG = Vlog.module("rstp");
    /** 17.13.9 Migrate Time, fixed. */
    static final int MIGRATE_TIME = 3;
    /** 17.13.6 Bridge Hello Time, fixed at 2 s (as OVS). */
    static final int HELLO_TIME = 2;
    /** Guard against machines that never settle (a bug): far above any real sequence. */
    private static final int MAX_ITERATIONS = 1000;

    final String name;
    final Output out;
    final TreeMap<Integer, RstpPort> ports = new TreeMap<>();

    /** 17.18.2-17.18.3: address and priority make the BridgeIdentifier. */
    long address;
    int priority;
    long bridgeId;
    /** 17.18.4 BridgeTimes (message age 0). */
    RstpTimes bridgeTimes;
    int ageingTime;
    /** 17.13.4 ForceProtocolVersion: 0 (STP) or 2. */
    int forceProtocolVersion = 2;
    /** 17.13.12 TxHoldCount. */
    int transmitHoldCount;
    /** 17.18.6-17.18.8. */
    PriorityVector rootPriority;
    int rootPortId;
    RstpTimes rootTimes;

    /** Engine clock, for stamping state changes. */
    long nowMillis;

    RstpBridge(String name, Output out) {
        this.name = name;
        this.out = out;
    }

    /** 17.20.11 rstpVersion. */
    boolean rstpVersion() {
        return forceProtocolVersion >= 2;
    }

    /** 17.18.3 BridgePriority: this bridge as root. */
    PriorityVector bridgePriority() {
        return new PriorityVector(bridgeId, 0, bridgeId, 0, 0);
    }

    boolean isRootBridge() {
        return rootPriority.designatedBridgeId() == bridgeId;
    }

    RstpPort rootPort() {
        for (RstpPort p : ports.values()) {
            if (rootPortId != 0 && p.portId == rootPortId) {
                return p;
            }
        }
        return null;
    }

    /** BEGIN for the whole bridge (17.28 INIT_BRIDGE) and each of its ports. */
    void begin() {
        RstpRoleSelection.begin(this);
        for (RstpPort p : ports.values()) {
            beginPort(p);
        }
    }

    /** BEGIN for one port: every per-port machine to its initial state. */
    void beginPort(RstpPort p) {
        p.designatedTimes = bridgeTimes;
        p.portTimes = bridgeTimes;
        p.designatedPriority = new PriorityVector(rootPriority.rootBridgeId(),
                rootPriority.rootPathCost(), bridgeId, p.portId, p.portId);
        p.portPriority = p.designatedPriority;
        p.selectedRole = RstpPortRole.DISABLED;
        p.selected = false;
        p.updtInfo = false;
        p.reselect = true;
        p.pendingBpdu = null;
        RstpReceive.begin(this, p);
        RstpTransmit.begin(p);
        RstpPortInformation.begin(p);
        RstpRoleTransitions.begin(p);
        RstpStateTransition.begin(this, p);
        RstpTopologyChange.begin(this, p);
    }

    /** Runs the state machines until none of them can move. */
    void run() {
        for (int i = 0; i < MAX_ITERATIONS; i++) {
            boolean moved = RstpRoleSelection.step(this);
            for (RstpPort p : ports.values()) {
                moved |= RstpReceive.receiveStep(this, p);
                moved |= RstpReceive.migrationStep(this, p);
                moved |= RstpReceive.edgeStep(p);
                moved |= RstpPortInformation.step(this, p);
                moved |= RstpRoleTransitions.step(this, p);
                moved |= RstpStateTransition.step(this, p);
                moved |= RstpTopologyChange.step(this, p);
            }
            if (!moved) {
                for (RstpPort p : ports.values()) {
                    moved |= RstpTransmit.step(this, p);
                }
                if (!moved) {
                    return;
                }
            }
        }
        LOG.error("{}: RSTP state machines did not settle after {} iterations", name,
                MAX_ITERATIONS);
    }

    /** 17.22 Port Timers: one second has passed. */
    void tickSecond() {
        for (RstpPort p : ports.values()) {
            p.edgeDelayWhile = dec(p.edgeDelayWhile);
            p.fdWhile = dec(p.fdWhile);
            p.helloWhen = dec(p.helloWhen);
            p.mdelayWhile = dec(p.mdelayWhile);
            p.rbWhile = dec(p.rbWhile);
            p.rcvdInfoWhile = dec(p.rcvdInfoWhile);
            p.rrWhile = dec(p.rrWhile);
            p.tcWhile = dec(p.tcWhile);
            p.txCount = dec(p.txCount);
            p.uptime++;
        }
        run();
    }

    private static int dec(int t) {
        return t > 0 ? t - 1 : 0;
    }

    // ---- Functions shared by the machines (17.21) ------------------------------------------

    /** 17.21.14 setSyncTree. */
    void setSyncTree() {
        for (RstpPort p : ports.values()) {
            p.sync = true;
        }
    }

    /** 17.21.15 setReRootTree. */
    void setReRootTree() {
        for (RstpPort p : ports.values()) {
            p.reRoot = true;
        }
    }

    /** 17.21.18 setTcPropTree: every port but {@code except}. */
    void setTcPropTree(RstpPort except) {
        for (RstpPort p : ports.values()) {
            if (p != except) {
                p.tcProp = true;
            }
        }
    }

    /**
     * 17.20.3 allSynced, for {@code given} (a Root or Alternate port): every port has its
     * selected role and no pending update, and every other port is synced. The Root Port
     * counts as synced: it faces the root, so agreeing elsewhere cannot loop through it.
     */
    boolean allSynced(RstpPort given) {
        for (RstpPort p : ports.values()) {
            if (!p.selected || p.role != p.selectedRole || p.updtInfo) {
                return false;
            }
            if (p != given && p.role != RstpPortRole.ROOT && !p.synced) {
                return false;
            }
        }
        return true;
    }

    /** 17.20.10 reRooted: no other port is still a recent root port. */
    boolean reRooted(RstpPort given) {
        for (RstpPort p : ports.values()) {
            if (p != given && p.rrWhile != 0) {
                return false;
            }
        }
        return true;
    }

    /** Records a fdbFlush request and hands it to the bridge at once (17.19.7). */
    void flush(RstpPort p) {
        p.fdbFlush = false;
        out.flush(p);
    }

    void setState(RstpPort p, RstpPortState state) {
        RstpPortState old = p.state;
        if (old != state) {
            p.state = state;
            p.stateEnteredMillis = nowMillis;
            out.stateChanged(p, old, state);
        }
    }
}
