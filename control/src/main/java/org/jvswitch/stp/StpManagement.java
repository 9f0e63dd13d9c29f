package org.jvswitch.stp;

import org.jvswitch.vlog.Vlog;
import org.slf4j.Logger;

/**
 * The 802.1D-1998 management procedures (8.8) on an {@link StpBridge}: ports coming up and going
 * down, and changes of bridge identifier, port priority, path cost and bridge times. {@link Stp}
 * calls them from its public setters.
 *
 * <p>Threads: the engine's calling thread only.
 */
final class StpManagement {

    private static final Logger LOG = Vlog.module("stp");

    private StpManagement() {
    }

    /** 8.8.2 Enable Port: link up; the port starts blocking and is then selected. */
    static void enablePort(StpBridge b, StpPort p) {
        if (p.enabled()) {
            return;
        }
        b.becomeDesignatedPort(p);
        b.setState(p, StpPortState.BLOCKING);
        p.topologyChangeAck = false;
        p.configPending = false;
        p.changeDetectionEnabled = true;
        p.messageAgeTimer.stop();
        p.forwardDelayTimer.stop();
        p.holdTimer.stop();
        b.portStateSelection();
    }

    /** 8.8.3 Disable Port: link down. */
    static void disablePort(StpBridge b, StpPort p) {
        if (!p.enabled()) {
            return;
        }
        boolean wasRoot = b.isRootBridge();
        b.becomeDesignatedPort(p);
        b.setState(p, StpPortState.DISABLED);
        p.topologyChangeAck = false;
        p.configPending = false;
        p.messageAgeTimer.stop();
        p.forwardDelayTimer.stop();
        b.configurationUpdate();
        b.portStateSelection();
        if (b.isRootBridge() && !wasRoot) {
            b.becomeRootBridge();
        }
    }

    /** 8.8.4 Set Bridge Priority, for any change of the bridge identifier. */
    static void setBridgeId(StpBridge b, long id) {
        if (id == b.bridgeId) {
            return;
        }
        boolean wasRoot = b.isRootBridge();
        for (StpPort p : b.ports) {
            if (p != null && p.enabled() && b.isDesignatedPort(p)) {
                p.designatedBridge = id;
            }
        }
        b.bridgeId = id;
        b.configurationUpdate();
        b.portStateSelection();
        if (b.isRootBridge() && !wasRoot) {
            b.becomeRootBridge();
        } else if (!b.isRootBridge() && wasRoot) {
            b.stopBeingRoot();
        }
    }

    /** 8.8.5 Set Port Priority. */
    static void setPortPriority(StpBridge b, StpPort p, int priority) {
        int newId = (priority << 8) | p.portNo;
        if (newId == p.portId) {
            return;
        }
        if (b.isDesignatedPort(p)) {
            p.designatedPort = newId;
        }
        p.portId = newId;
        if (b.bridgeId == p.designatedBridge && p.portId < p.designatedPort) {
            b.becomeDesignatedPort(p);
            b.portStateSelection();
        }
    }

    /** 8.8.6 Set Path Cost. */
    static void setPathCost(StpBridge b, StpPort p, int cost) {
        if (cost != p.pathCost) {
            p.pathCost = cost;
            b.configurationUpdate();
            b.portStateSelection();
        }
    }

    /**
     * Sets the bridge times from the requested ones (ms), clamped as OVS's
     * {@code stp_update_bridge_timers} does: hello 1..10 s, max age max(6 s, 2 x (hello + 1 s))
     * ..40 s, forward delay max age / 2 + 1 s..30 s, which keeps 8.10.2's relations. A root
     * bridge starts using them at once; others keep the root's.
     */
    static void setBridgeTimes(StpBridge b, String name, int helloMs, int maxAgeMs, int fwdDelayMs) {
        int ht = clamp(helloMs, 1000, 10000);
        int ma = clamp(maxAgeMs, Math.max(2 * (ht + 1000), 6000), 40000);
        int fd = clamp(fwdDelayMs, ma / 2 + 1000, 30000);
        if (ht != helloMs || ma != maxAgeMs || fd != fwdDelayMs) {
            LOG.warn("{}: STP times hello {} ms, max age {} ms, forward delay {} ms out of range, "
                    + "using {} ms, {} ms, {} ms", name, helloMs, maxAgeMs, fwdDelayMs, ht, ma, fd);
        }
        b.bridgeHelloTime = millisToTicks(ht);
        b.bridgeMaxAge = millisToTicks(ma);
        b.bridgeForwardDelay = millisToTicks(fd);
        if (b.isRootBridge()) {
            b.maxAge = b.bridgeMaxAge;
            b.helloTime = b.bridgeHelloTime;
            b.forwardDelay = b.bridgeForwardDelay;
        }
    }

    static int clamp(int x, int min, int max) {
        return x < min ? min : Math.min(x, max);
    }

    static int millisToTicks(int ms) {
        return (int) ((long) ms * StpBridge.HZ / 1000);
    }

    static int ticksToMillis(int ticks) {
        return (int) ((long) ticks * 1000 / StpBridge.HZ);
    }
}
