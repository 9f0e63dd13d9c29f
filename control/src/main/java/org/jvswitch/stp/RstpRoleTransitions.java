package org.jvswitch.stp;

/**
 * The Port Role Transitions machine (17.29): moves a port into its selected role and drives
 * its learn and forward flags. This is where RSTP converges fast: a designated port proposes,
 * the root port on the other side syncs its bridge (every designated port discards or is
 * agreed) and agrees, and the designated port forwards at once (proposal/agreement, 17.10);
 * a root port whose predecessors are all retired forwards without waiting (reRooted).
 *
 * <p>Each step takes one transition. The states the figures leave through UCT (ROOT_PROPOSED,
 * DESIGNATED_SYNCED, ALTERNATE_AGREED, ...) run their actions and then re-enter their role's
 * resting state, as the figures do; only resting states are stored.
 *
 * <p>Follows 802.1D-2004 Figures 17-20 to 17-23 with two refinements from IEEE 802.1Q-2005:
 * ROOT_SYNCED (so a root port's sync and synced settle) and allSynced not counting the port
 * that asks. DISABLE_PORT sets role DisabledPort rather than selectedRole, so that a port whose
 * role was selected while it was still disabling moves on to that role.
 *
 * <p>Threads: the engine's calling thread only.
 */
final class RstpRoleTransitions {

    enum Prt { DISABLE_PORT, DISABLED_PORT, ROOT_PORT, DESIGNATED_PORT, BLOCK_PORT, ALTERNATE_PORT }

    private RstpRoleTransitions() {
    }

    /** INIT_PORT, then (UCT) DISABLE_PORT. */
    static void begin(RstpPort p) {
        p.role = RstpPortRole.DISABLED;
        p.learn = false;
        p.forward = false;
        p.synced = false;
        p.sync = true;
        p.reRoot = true;
        p.rrWhile = p.fwdDelay();
        p.fdWhile = p.maxAge();
        p.rbWhile = 0;
        enterDisablePort(p);
    }

    static boolean step(RstpBridge b, RstpPort p) {
        // Every transition but UCT is qualified by selected && !updtInfo.
        if (!p.selected || p.updtInfo) {
            return false;
        }
        if (p.role != p.selectedRole) {
            switch (p.selectedRole) {
                case DISABLED -> enterDisablePort(p);
                case ROOT -> enterRootPort(p);
                case DESIGNATED -> enterDesignatedPort(p);
                case ALTERNATE, BACKUP -> enterBlockPort(p);
            }
            return true;
        }
        return switch (p.prt) {
            case DISABLE_PORT -> {
                if (!p.learning && !p.forwarding) {
                    enterDisabledPort(p);
                    yield true;
                }
                yield false;
            }
            case DISABLED_PORT -> {
                if (p.fdWhile != p.maxAge() || p.sync || p.reRoot || !p.synced) {
                    enterDisabledPort(p);
                    yield true;
                }
                yield false;
            }
            case ROOT_PORT -> rootStep(b, p);
            case DESIGNATED_PORT -> designatedStep(p);
            case BLOCK_PORT -> {
                if (!p.learning && !p.forwarding) {
                    enterAlternatePort(p);
                    yield true;
                }
                yield false;
            }
            case ALTERNATE_PORT -> alternateStep(b, p);
        };
    }

    // ---- Disabled port (Figure 17-20) --------------------------------------------------------

    private static void enterDisablePort(RstpPort p) {
        p.prt = Prt.DISABLE_PORT;
        p.role = RstpPortRole.DISABLED;
        p.learn = false;
        p.forward = false;
    }

    private static void enterDisabledPort(RstpPort p) {
        p.prt = Prt.DISABLED_PORT;
        p.fdWhile = p.maxAge();
        p.synced = true;
        p.rrWhile = 0;
        p.sync = false;
        p.reRoot = false;
    }

    // ---- Root port (Figure 17-21) ------------------------------------------------------------

    private static void enterRootPort(RstpPort p) {
        p.prt = Prt.ROOT_PORT;
        p.role = RstpPortRole.ROOT;
        p.rrWhile = p.fwdDelay();
    }

    private static boolean rootStep(RstpBridge b, RstpPort p) {
        if (p.proposed && !p.agree) {                                   // ROOT_PROPOSED
            b.setSyncTree();
            p.proposed = false;
        } else if ((b.allSynced(p) && !p.agree) || (p.proposed && p.agree)) {  // ROOT_AGREED
            p.proposed = false;
            p.sync = false;
            p.agree = true;
            p.newInfo = true;
        } else if ((p.agreed && !p.synced) || (p.sync && p.synced)) {   // ROOT_SYNCED
            p.synced = true;
            p.sync = false;
        } else if (!p.forward && !p.reRoot) {                           // REROOT
            b.setReRootTree();
        } else if (p.rrWhile != p.fwdDelay()) {                         // ROOT_PORT
            // Re-entered below: restarts rrWhile.
        } else if (p.reRoot && p.forward) {                             // REROOTED
            p.reRoot = false;
        } else if (mayForward(b, p) && !p.learn) {                      // ROOT_LEARN
            p.fdWhile = p.forwardDelay();
            p.learn = true;
        } else if (mayForward(b, p) && p.learn && !p.forward) {         // ROOT_FORWARD
            p.fdWhile = 0;
            p.forward = true;
        } else {
            return false;
        }
        enterRootPort(p);
        return true;
    }

    private static boolean mayForward(RstpBridge b, RstpPort p) {
        return p.fdWhile == 0 || (b.reRooted(p) && p.rbWhile == 0 && b.rstpVersion());
    }

    // ---- Designated port (Figure 17-22) ------------------------------------------------------

    private static void enterDesignatedPort(RstpPort p) {
        p.prt = Prt.DESIGNATED_PORT;
        p.role = RstpPortRole.DESIGNATED;
    }

    private static boolean designatedStep(RstpPort p) {
        boolean mayGo = (p.fdWhile == 0 || p.agreed || p.operEdge)
                && (p.rrWhile == 0 || !p.reRoot) && !p.sync;
        if (!p.forward && !p.agreed && !p.proposing && !p.operEdge) {   // DESIGNATED_PROPOSE
            p.proposing = true;
            p.edgeDelayWhile = p.edgeDelay();
            p.newInfo = true;
        } else if ((!p.learning && !p.forwarding && !p.synced) || (p.agreed && !p.synced)
                || (p.operEdge && !p.synced) || (p.sync && p.synced)) {  // DESIGNATED_SYNCED
            p.rrWhile = 0;
            p.synced = true;
            p.sync = false;
        } else if (p.rrWhile == 0 && p.reRoot) {                        // DESIGNATED_RETIRED
            p.reRoot = false;
        } else if (((p.sync && !p.synced) || (p.reRoot && p.rrWhile != 0) || p.disputed)
                && !p.operEdge && (p.learn || p.forward)) {             // DESIGNATED_DISCARD
            p.learn = false;
            p.forward = false;
            p.disputed = false;
            p.fdWhile = p.forwardDelay();
        } else if (mayGo && !p.learn) {                                 // DESIGNATED_LEARN
            p.learn = true;
            p.fdWhile = p.forwardDelay();
        } else if (mayGo && p.learn && !p.forward) {                    // DESIGNATED_FORWARD
            p.forward = true;
            p.fdWhile = 0;
            p.agreed = p.sendRstp;
        } else {
            return false;
        }
        enterDesignatedPort(p);
        return true;
    }

    // ---- Alternate and backup ports (Figure 17-23) -------------------------------------------

    private static void enterBlockPort(RstpPort p) {
        p.prt = Prt.BLOCK_PORT;
        p.role = p.selectedRole;
        p.learn = false;
        p.forward = false;
    }

    private static void enterAlternatePort(RstpPort p) {
        p.prt = Prt.ALTERNATE_PORT;
        p.fdWhile = p.forwardDelay();
        p.synced = true;
        p.rrWhile = 0;
        p.sync = false;
        p.reRoot = false;
    }

    private static boolean alternateStep(RstpBridge b, RstpPort p) {
        if (p.proposed && !p.agree) {                                   // ALTERNATE_PROPOSED
            b.setSyncTree();
            p.proposed = false;
        } else if ((b.allSynced(p) && !p.agree) || (p.proposed && p.agree)) {  // ALTERNATE_AGREED
            p.proposed = false;
            p.agree = true;
            p.newInfo = true;
        } else if (p.fdWhile != p.forwardDelay() || p.sync || p.reRoot || !p.synced) {
            // ALTERNATE_PORT again: restarts fdWhile.
        } else if (p.rbWhile != 2 * p.helloTime() && p.role == RstpPortRole.BACKUP) {  // BACKUP_PORT
            p.rbWhile = 2 * p.helloTime();
        } else {
            return false;
        }
        enterAlternatePort(p);
        return true;
    }
}
