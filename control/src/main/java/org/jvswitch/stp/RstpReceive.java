package org.jvswitch.stp;

/**
 * The machines that sit between a received BPDU and the port's information: Port Receive
 * (17.23), Port Protocol Migration (17.24) and Bridge Detection (17.25).
 *
 * <p>Port Protocol Migration is how an RSTP port interoperates with an 802.1D-1998 bridge:
 * after Migrate Time (3 s) of talking RSTP, a port that hears a Config or TCN BPDU switches
 * to sending STP BPDUs (sendRSTP false) for at least Migrate Time, and switches back when it
 * hears an RST BPDU, when the link goes down, or when management sets mcheck.
 *
 * <p>Threads: the engine's calling thread only.
 */
final class RstpReceive {

    enum Prx { DISCARD, RECEIVE }

    enum Ppm { CHECKING_RSTP, SELECTING_STP, SENSING }

    enum Bdm { EDGE, NOT_EDGE }

    private RstpReceive() {
    }

    static void begin(RstpBridge b, RstpPort p) {
        enterDiscard(p);
        enterCheckingRstp(b, p);
        if (p.adminEdge) {
            enterEdge(p);
        } else {
            enterNotEdge(p);
        }
    }

    // ---- 17.23 Port Receive ----------------------------------------------------------------

    static boolean receiveStep(RstpBridge b, RstpPort p) {
        if ((p.rcvdBpdu || p.edgeDelayWhile != RstpBridge.MIGRATE_TIME) && !p.portEnabled) {
            enterDiscard(p);
            return true;
        }
        boolean receive = switch (p.prx) {
            case DISCARD -> p.rcvdBpdu && p.portEnabled;
            case RECEIVE -> p.rcvdBpdu && p.portEnabled && !p.rcvdMsg;
        };
        if (receive) {
            enterReceive(p);
        }
        return receive;
    }

    private static void enterDiscard(RstpPort p) {
        p.prx = Prx.DISCARD;
        p.rcvdBpdu = false;
        p.rcvdRstp = false;
        p.rcvdStp = false;
        p.rcvdMsg = false;                  // clearAllRcvdMsgs()
        p.pendingBpdu = null;
        p.edgeDelayWhile = RstpBridge.MIGRATE_TIME;
    }

    private static void enterReceive(RstpPort p) {
        p.prx = Prx.RECEIVE;
        p.msgBpdu = p.pendingBpdu;
        p.pendingBpdu = null;
        // 17.21.22 updtBPDUVersion().
        if (p.msgBpdu.type() == Bpdu.Type.RST) {
            p.rcvdRstp = true;
        } else {
            p.rcvdStp = true;
        }
        p.operEdge = false;
        p.rcvdBpdu = false;
        p.rcvdMsg = true;
        p.edgeDelayWhile = RstpBridge.MIGRATE_TIME;
    }

    // ---- 17.24 Port Protocol Migration -----------------------------------------------------

    static boolean migrationStep(RstpBridge b, RstpPort p) {
        if (p.mdelayWhile != RstpBridge.MIGRATE_TIME && !p.portEnabled) {
            enterCheckingRstp(b, p);
            return true;
        }
        switch (p.ppm) {
            case CHECKING_RSTP -> {
                if (p.mdelayWhile == 0) {
                    enterSensing(p);
                    return true;
                }
            }
            case SELECTING_STP -> {
                if (p.mdelayWhile == 0 || !p.portEnabled || p.mcheck) {
                    enterSensing(p);
                    return true;
                }
            }
            case SENSING -> {
                if (!p.portEnabled || p.mcheck || (b.rstpVersion() && !p.sendRstp && p.rcvdRstp)) {
                    enterCheckingRstp(b, p);
                    return true;
                }
                if (p.sendRstp && p.rcvdStp) {
                    enterSelectingStp(p);
                    return true;
                }
            }
        }
        return false;
    }

    private static void enterCheckingRstp(RstpBridge b, RstpPort p) {
        p.ppm = Ppm.CHECKING_RSTP;
        p.mcheck = false;
        p.sendRstp = b.rstpVersion();
        p.mdelayWhile = RstpBridge.MIGRATE_TIME;
    }

    private static void enterSelectingStp(RstpPort p) {
        p.ppm = Ppm.SELECTING_STP;
        p.sendRstp = false;
        p.mdelayWhile = RstpBridge.MIGRATE_TIME;
    }

    private static void enterSensing(RstpPort p) {
        p.ppm = Ppm.SENSING;
        p.rcvdRstp = false;
        p.rcvdStp = false;
    }

    // ---- 17.25 Bridge Detection ------------------------------------------------------------

    static boolean edgeStep(RstpPort p) {
        if (p.bdm == Bdm.EDGE) {
            if ((!p.portEnabled && !p.adminEdge) || !p.operEdge) {
                enterNotEdge(p);
                return true;
            }
        } else if ((!p.portEnabled && p.adminEdge)
                || (p.edgeDelayWhile == 0 && p.autoEdge && p.sendRstp && p.proposing)) {
            enterEdge(p);
            return true;
        }
        return false;
    }

    static void enterEdge(RstpPort p) {
        p.bdm = Bdm.EDGE;
        p.operEdge = true;
    }

    static void enterNotEdge(RstpPort p) {
        p.bdm = Bdm.NOT_EDGE;
        p.operEdge = false;
    }
}
