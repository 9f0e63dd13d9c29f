package org.jvswitch.stp;

import org.jvswitch.vlog.Vlog;
import org.slf4j.Logger;

/**
 * The 802.1D-2004 management of an {@link RstpBridge} (17.13, 14.8.2): bridge and port
 * parameters, validated as OVS validates {@code other_config:rstp-*}: a value out of range is
 * rejected with a warning and the previous one stays (OVS logs nothing; jvswitch says why).
 * Changes that affect priority vectors ask for role reselection; the caller then runs the
 * state machines.
 *
 * <p>Threads: the engine's calling thread only.
 */
final class RstpManagement {

    private static final Logger LOG = Vlog.module("rstp");

    private RstpManagement() {
    }

    /** {@code rstp-address}: the MAC in the bridge identifier. */
    static void setAddress(RstpBridge bridge, long mac) {
        if (BridgeId.mac(mac) != bridge.address) {
            bridge.address = BridgeId.mac(mac);
            bridgeIdChanged(bridge);
        }
    }

    /** {@code rstp-priority}: rounded down to a multiple of 4096, then 0..61440. */
    static boolean setPriority(RstpBridge bridge, int priority) {
        int p = Math.floorDiv(priority, 4096) * 4096;
        if (p < 0 || p > 61440) {
            LOG.warn("{}: rstp-priority {} out of range 0..61440, ignored", bridge.name, priority);
            return false;
        }
        if (p != bridge.priority) {
            bridge.priority = p;
            bridgeIdChanged(bridge);
        }
        return true;
    }

    /** 17.13: a new bridge identifier recomputes every priority vector. */
    private static void bridgeIdChanged(RstpBridge bridge) {
        bridge.bridgeId = BridgeId.of(bridge.priority, bridge.address);
        for (RstpPort p : bridge.ports.values()) {
            p.selected = false;
            p.reselect = true;
        }
        RstpRoleSelection.updtRolesTree(bridge);
    }

    /** {@code rstp-ageing-time}: 10..1000000 s. */
    static boolean setAgeingTime(RstpBridge bridge, int seconds) {
        if (seconds < 10 || seconds > 1_000_000) {
            LOG.warn("{}: rstp-ageing-time {} out of range 10..1000000, ignored", bridge.name,
                    seconds);
            return false;
        }
        bridge.ageingTime = seconds;
        return true;
    }

    /** {@code rstp-force-protocol-version}: 0 or 2; a change reinitialises the bridge (BEGIN). */
    static boolean setForceProtocolVersion(RstpBridge bridge, int version) {
        if (version != 0 && version != 2) {
            LOG.warn("{}: rstp-force-protocol-version {} is neither 0 nor 2, ignored", bridge.name,
                    version);
            return false;
        }
        if (version != bridge.forceProtocolVersion) {
            bridge.forceProtocolVersion = version;
            bridge.begin();
        }
        return true;
    }

    /**
     * {@code rstp-max-age} (6..40 s) and {@code rstp-forward-delay} (4..30 s), checked together
     * against 17.14's 2 x (forward delay - 1) >= max age >= 2 x (hello + 1), so that raising
     * both at once works whichever OVS would have applied first.
     */
    static boolean setTimes(RstpBridge bridge, int maxAge, int forwardDelay) {
        RstpTimes t = bridge.bridgeTimes;
        if (maxAge == t.maxAge() && forwardDelay == t.forwardDelay()) {
            return true;
        }
        if (maxAge < 6 || maxAge > 40 || forwardDelay < 4 || forwardDelay > 30
                || 2 * (forwardDelay - 1) < maxAge || maxAge < 2 * (RstpBridge.HELLO_TIME + 1)) {
            LOG.warn("{}: rstp-max-age {} and rstp-forward-delay {} must be in 6..40 and 4..30 with "
                    + "2 x (forward delay - 1) >= max age; keeping {} and {}", bridge.name, maxAge,
                    forwardDelay, t.maxAge(), t.forwardDelay());
            return false;
        }
        bridge.bridgeTimes = new RstpTimes(0, maxAge, forwardDelay, RstpBridge.HELLO_TIME);
        for (RstpPort p : bridge.ports.values()) {
            p.reselect = true;
        }
        RstpRoleSelection.updtRolesTree(bridge);
        return true;
    }

    /** {@code rstp-transmit-hold-count}: 1..10; a change resets every port's txCount. */
    static boolean setTransmitHoldCount(RstpBridge bridge, int count) {
        if (count < 1 || count > 10) {
            LOG.warn("{}: rstp-transmit-hold-count {} out of range 1..10, ignored", bridge.name,
                    count);
            return false;
        }
        if (count != bridge.transmitHoldCount) {
            bridge.transmitHoldCount = count;
            for (RstpPort p : bridge.ports.values()) {
                p.txCount = 0;                          // 17.13
            }
        }
        return true;
    }

    /** A port's {@code rstp-*} settings but its number; bad priority or cost is rejected. */
    static void applyPortSettings(RstpBridge bridge, RstpPort p, RstpPortSettings s) {
        int prio = s.priority() - Math.floorMod(s.priority(), 16);
        if (s.priority() < 0 || s.priority() > 240) {
            LOG.warn("{}: port {}: rstp-port-priority {} out of range 0..240, ignored",
                    bridge.name, p.name, s.priority());
        } else if (prio != p.priority) {
            p.setPriority(prio);
            p.selected = false;
            p.reselect = true;
        }
        if (s.pathCost() < 1 || s.pathCost() > 200_000_000) {
            LOG.warn("{}: port {}: rstp-path-cost {} out of range 1..200000000, ignored",
                    bridge.name, p.name, s.pathCost());
        } else if (s.pathCost() != p.pathCost) {
            p.pathCost = s.pathCost();
            p.selected = false;
            p.reselect = true;
        }
        if (s.adminEdge() != p.adminEdge) {
            p.adminEdge = s.adminEdge();
            if (p.adminEdge) {
                RstpReceive.enterEdge(p);
            } else {
                RstpReceive.enterNotEdge(p);
            }
        }
        p.autoEdge = s.autoEdge();
        p.adminP2p = s.adminP2pMac();
        // AUTO: no way to tell a point-to-point LAN, so false (6.4.3), as OVS does.
        p.operPointToPointMac = s.adminP2pMac() == RstpPortSettings.AdminP2p.FORCE_TRUE;
        p.adminPortState = s.adminPortState();
        updatePortEnabled(p);
        if (s.mcheck() && bridge.rstpVersion()) {
            p.mcheck = true;
        }
    }

    /** 17.19.18 portEnabled = MAC_Operational && adminPortState (administrative state). */
    static void updatePortEnabled(RstpPort p) {
        boolean enabled = p.macOperational && p.adminPortState;
        if (enabled != p.portEnabled) {
            p.portEnabled = enabled;
            RstpTransmit.begin(p);      // a port coming up starts with new information to send
        }
    }
}
