package org.jvswitch.stp;

/**
 * The Topology Change machine (17.31): when a non-edge port starts forwarding as root or
 * designated port, or a topology change is received, flushes the MAC entries learned on the
 * bridge's other ports and tells the rest of the network (TC flag for tcWhile; TCN BPDUs and
 * the TCA flag towards 802.1D-1998 bridges).
 *
 * <p>fdbFlush requests go to the bridge at once ({@link RstpBridge#flush}), which stands for
 * the filtering database having flushed, so the INACTIVE to LEARNING transition does not wait.
 *
 * <p>Threads: the engine's calling thread only.
 */
final class RstpTopologyChange {

    enum Tcm { INACTIVE, LEARNING, ACTIVE }

    private RstpTopologyChange() {
    }

    static void begin(RstpBridge b, RstpPort p) {
        enterInactive(b, p);
    }

    static boolean step(RstpBridge b, RstpPort p) {
        boolean rcvdAny = p.rcvdTc || p.rcvdTcn || p.rcvdTcAck || p.tcProp;
        switch (p.tcm) {
            case INACTIVE -> {
                if (p.learn && !p.fdbFlush) {
                    enterLearning(p);
                    return true;
                }
            }
            case LEARNING -> {
                if (p.rootOrDesignated() && p.forward && !p.operEdge) {     // DETECTED
                    newTcWhile(b, p);
                    b.setTcPropTree(p);
                    p.newInfo = true;
                    p.tcm = Tcm.ACTIVE;
                    return true;
                }
                if (!p.rootOrDesignated() && !(p.learn || p.learning) && !rcvdAny) {
                    enterInactive(b, p);
                    return true;
                }
                if (rcvdAny) {
                    enterLearning(p);
                    return true;
                }
            }
            case ACTIVE -> {
                if (!p.rootOrDesignated() || p.operEdge) {
                    enterLearning(p);
                } else if (p.rcvdTcn) {                                     // NOTIFIED_TCN
                    newTcWhile(b, p);
                    notifiedTc(b, p);
                } else if (p.rcvdTc) {
                    notifiedTc(b, p);
                } else if (p.tcProp && !p.operEdge) {                       // PROPAGATING
                    newTcWhile(b, p);
                    b.flush(p);
                    p.tcProp = false;
                } else if (p.rcvdTcAck) {                                   // ACKNOWLEDGED
                    p.tcWhile = 0;
                    p.rcvdTcAck = false;
                } else {
                    return false;
                }
                return true;
            }
        }
        return false;
    }

    private static void enterInactive(RstpBridge b, RstpPort p) {
        p.tcm = Tcm.INACTIVE;
        b.flush(p);
        p.tcWhile = 0;
        p.tcAck = false;
    }

    private static void enterLearning(RstpPort p) {
        p.tcm = Tcm.LEARNING;
        p.rcvdTc = false;
        p.rcvdTcn = false;
        p.rcvdTcAck = false;
        p.tcProp = false;
    }

    /**
     * NOTIFIED_TC, then back to ACTIVE. Also sets newInfo with tcAck so the acknowledgment goes
     * out at once, as an 802.1D-1998 bridge acknowledges a TCN (8.6.16), instead of with the
     * next hello: the neighbour then sends one TCN, not one per hello time.
     */
    private static void notifiedTc(RstpBridge b, RstpPort p) {
        p.rcvdTcn = false;
        p.rcvdTc = false;
        if (p.role == RstpPortRole.DESIGNATED) {
            p.tcAck = true;
            p.newInfo = true;
        }
        b.setTcPropTree(p);
    }

    /** 17.21.7 newTcWhile(). */
    static void newTcWhile(RstpBridge b, RstpPort p) {
        if (p.tcWhile != 0) {
            return;
        }
        if (p.sendRstp) {
            p.tcWhile = p.helloTime() + 1;
            p.newInfo = true;
        } else {
            p.tcWhile = b.rootTimes.maxAge() + b.rootTimes.forwardDelay();
        }
    }
}
