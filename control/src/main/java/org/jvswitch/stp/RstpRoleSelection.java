package org.jvswitch.stp;

import org.jvswitch.stp.RstpPort.InfoIs;

/**
 * The Port Role Selection machine (17.28), one per bridge: whenever some port asks to
 * reselect, computes the root priority vector, the root port and every port's designated
 * priority vector and selected role (updtRolesTree, 17.21.25).
 *
 * <p>Threads: the engine's calling thread only.
 */
final class RstpRoleSelection {

    private RstpRoleSelection() {
    }

    /** INIT_BRIDGE: updtRoleDisabledTree(), and this bridge as root until told otherwise. */
    static void begin(RstpBridge b) {
        for (RstpPort p : b.ports.values()) {
            p.selectedRole = RstpPortRole.DISABLED;
        }
        b.rootPriority = b.bridgePriority();
        b.rootPortId = 0;
        b.rootTimes = b.bridgeTimes;
    }

    /** ROLE_SELECTION, entered again whenever a port has reselect set. */
    static boolean step(RstpBridge b) {
        boolean reselect = false;
        for (RstpPort p : b.ports.values()) {
            reselect |= p.reselect;
        }
        if (!reselect) {
            return false;
        }
        for (RstpPort p : b.ports.values()) {
            p.reselect = false;                         // clearReselectTree()
        }
        updtRolesTree(b);
        for (RstpPort p : b.ports.values()) {
            p.selected = true;                          // setSelectedTree()
        }
        return true;
    }

    /** 17.21.25 updtRolesTree(). */
    static void updtRolesTree(RstpBridge b) {
        // a)-c): the best of the bridge's own vector and each root path priority vector
        // received from another bridge; its port becomes the root port.
        PriorityVector best = b.bridgePriority();
        RstpTimes times = b.bridgeTimes;
        int rootPortId = 0;
        long ownAddress = BridgeId.mac(b.bridgeId);
        for (RstpPort p : b.ports.values()) {
            if (p.infoIs != InfoIs.RECEIVED
                    || BridgeId.mac(p.portPriority.designatedBridgeId()) == ownAddress) {
                continue;
            }
            PriorityVector pp = p.portPriority;
            PriorityVector rootPath = new PriorityVector(pp.rootBridgeId(),
                    pp.rootPathCost() + p.pathCost, pp.designatedBridgeId(),
                    pp.designatedPortId(), p.portId);
            if (rootPath.compareTo(best) < 0) {
                best = rootPath;
                times = p.portTimes.withMessageAge(p.portTimes.messageAge() + 1);
                rootPortId = p.portId;
            }
        }
        b.rootPriority = best;
        b.rootPortId = rootPortId;
        b.rootTimes = times;

        // d)-e): each port's designated priority vector and times.
        RstpTimes designatedTimes = times.withHelloTime(b.bridgeTimes.helloTime());
        for (RstpPort p : b.ports.values()) {
            p.designatedPriority = new PriorityVector(best.rootBridgeId(), best.rootPathCost(),
                    b.bridgeId, p.portId, p.portId);
            p.designatedTimes = designatedTimes;
        }

        // f)-l): roles.
        for (RstpPort p : b.ports.values()) {
            switch (p.infoIs) {
                case DISABLED -> p.selectedRole = RstpPortRole.DISABLED;
                case AGED -> {
                    p.updtInfo = true;
                    p.selectedRole = RstpPortRole.DESIGNATED;
                }
                case MINE -> {
                    p.selectedRole = RstpPortRole.DESIGNATED;
                    if (!p.portPriority.equals(p.designatedPriority)
                            || !p.portTimes.equals(p.designatedTimes)) {
                        p.updtInfo = true;
                    }
                }
                case RECEIVED -> {
                    if (rootPortId != 0 && p.portId == rootPortId) {
                        p.selectedRole = RstpPortRole.ROOT;
                        p.updtInfo = false;
                    } else if (p.designatedPriority.compare4(p.portPriority) >= 0) {
                        // The LAN has a better designated port: ours blocks. It is a backup if
                        // that designated port is one of this bridge's own.
                        p.selectedRole = BridgeId.mac(p.portPriority.designatedBridgeId()) == ownAddress
                                ? RstpPortRole.BACKUP : RstpPortRole.ALTERNATE;
                        p.updtInfo = false;
                    } else {
                        p.selectedRole = RstpPortRole.DESIGNATED;
                        p.updtInfo = true;
                    }
                }
            }
        }
    }
}
