package org.jvswitch.stp;

import org.jvswitch.stp.RstpPort.InfoIs;
import org.jvswitch.stp.RstpPort.RcvdInfo;

/**
 * The Port Information machine (17.27): keeps the port's priority vector and times
 * (portPriority, portTimes) either from received messages or from the bridge's own
 * designated information, ages received information out, and records proposals, agreements,
 * disputes and topology change flags.
 *
 * <p>UPDATE, RECEIVE and the states RECEIVE branches to fall through unconditionally to
 * CURRENT; they run as one step here and only the resting states are stored.
 *
 * <p>Threads: the engine's calling thread only.
 */
final class RstpPortInformation {

    enum Pim { DISABLED, AGED, CURRENT }

    private RstpPortInformation() {
    }

    static void begin(RstpPort p) {
        enterDisabled(p);
    }

    static boolean step(RstpBridge b, RstpPort p) {
        if (!p.portEnabled && p.infoIs != InfoIs.DISABLED) {
            enterDisabled(p);
            return true;
        }
        switch (p.pim) {
            case DISABLED -> {
                if (p.rcvdMsg) {
                    enterDisabled(p);
                    return true;
                }
                if (p.portEnabled) {
                    enterAged(p);
                    return true;
                }
            }
            case AGED -> {
                if (p.selected && p.updtInfo) {
                    update(p);
                    return true;
                }
            }
            case CURRENT -> {
                if (p.selected && p.updtInfo) {
                    update(p);
                    return true;
                }
                if (p.infoIs == InfoIs.RECEIVED && p.rcvdInfoWhile == 0 && !p.updtInfo
                        && !p.rcvdMsg) {
                    enterAged(p);
                    return true;
                }
                if (p.rcvdMsg && !p.updtInfo) {
                    receive(b, p);
                    return true;
                }
            }
        }
        return false;
    }

    private static void enterDisabled(RstpPort p) {
        p.pim = Pim.DISABLED;
        p.rcvdMsg = false;
        p.proposing = false;
        p.proposed = false;
        p.agree = false;
        p.agreed = false;
        p.rcvdInfoWhile = 0;
        p.infoIs = InfoIs.DISABLED;
        p.reselect = true;
        p.selected = false;
    }

    private static void enterAged(RstpPort p) {
        p.pim = Pim.AGED;
        p.infoIs = InfoIs.AGED;
        p.reselect = true;
        p.selected = false;
    }

    /** UPDATE: the port's information becomes the bridge's designated information. */
    private static void update(RstpPort p) {
        p.proposing = false;
        p.proposed = false;
        p.agreed = p.agreed && betterOrSameInfo(p, InfoIs.MINE);
        p.synced = p.synced && p.agreed;
        p.portPriority = p.designatedPriority;
        p.portTimes = p.designatedTimes;
        p.updtInfo = false;
        p.infoIs = InfoIs.MINE;
        p.newInfo = true;
        p.pim = Pim.CURRENT;
    }

    /** RECEIVE and the state its rcvdInfo leads to, then CURRENT. */
    private static void receive(RstpBridge b, RstpPort p) {
        p.rcvdInfo = rcvInfo(p);
        switch (p.rcvdInfo) {
            case SUPERIOR_DESIGNATED -> {
                p.agreed = false;
                p.proposing = false;
                recordProposal(p);
                setTcFlags(p);
                p.agree = p.agree && betterOrSameInfo(p, InfoIs.RECEIVED);
                p.portPriority = p.msgPriority;                 // recordPriority()
                p.portTimes = p.msgTimes;                       // recordTimes()
                updtRcvdInfoWhile(p);
                p.infoIs = InfoIs.RECEIVED;
                p.reselect = true;
                p.selected = false;
            }
            case REPEATED_DESIGNATED -> {
                recordProposal(p);
                setTcFlags(p);
                updtRcvdInfoWhile(p);
            }
            case INFERIOR_DESIGNATED -> recordDispute(p);
            case INFERIOR_ROOT_ALTERNATE -> {
                recordAgreement(b, p);
                setTcFlags(p);
            }
            case OTHER -> {
                // 802.1D-2004 never reaches setTcFlags() for a TCN BPDU (rcvInfo() returns
                // OtherInfo for it); record it here so an 802.1D-1998 neighbour's TCN works.
                if (p.msgBpdu.type() == Bpdu.Type.TCN) {
                    p.rcvdTcn = true;
                }
            }
        }
        p.rcvdMsg = false;
        p.pim = Pim.CURRENT;
    }

    /** 17.21.8 rcvInfo(): decodes the message priority and times and classifies them. */
    private static RcvdInfo rcvInfo(RstpPort p) {
        Bpdu m = p.msgBpdu;
        if (m.type() == Bpdu.Type.TCN) {
            return RcvdInfo.OTHER;
        }
        p.msgPriority = new PriorityVector(m.rootId(), m.rootPathCost(), m.bridgeId(), m.portId(),
                p.portId);
        p.msgTimes = new RstpTimes(RstpTimes.fromWire(m.messageAge()), RstpTimes.fromWire(m.maxAge()),
                RstpTimes.fromWire(m.forwardDelay()), Math.max(1, RstpTimes.fromWire(m.helloTime())));
        // A Configuration BPDU conveys the Designated role (17.21.8).
        int role = m.type() == Bpdu.Type.CONFIG ? Bpdu.ROLE_DESIGNATED : m.role();
        int c = p.msgPriority.compare4(p.portPriority);
        if (role == Bpdu.ROLE_DESIGNATED) {
            if (p.msgPriority.superiorTo(p.portPriority)
                    || (c == 0 && !p.msgTimes.equals(p.portTimes))) {
                return RcvdInfo.SUPERIOR_DESIGNATED;
            }
            return c == 0 ? RcvdInfo.REPEATED_DESIGNATED : RcvdInfo.INFERIOR_DESIGNATED;
        }
        if ((role == Bpdu.ROLE_ROOT || role == Bpdu.ROLE_ALTERNATE_BACKUP) && c >= 0) {
            return RcvdInfo.INFERIOR_ROOT_ALTERNATE;
        }
        return RcvdInfo.OTHER;
    }

    /** 17.21.1 betterorsameInfo(newInfoIs). */
    private static boolean betterOrSameInfo(RstpPort p, InfoIs newInfoIs) {
        if (newInfoIs == InfoIs.RECEIVED && p.infoIs == InfoIs.RECEIVED) {
            return p.msgPriority.compareTo(p.portPriority) <= 0;
        }
        if (newInfoIs == InfoIs.MINE && p.infoIs == InfoIs.MINE) {
            return p.designatedPriority.compareTo(p.portPriority) <= 0;
        }
        return false;
    }

    /** 17.21.11 recordProposal(): a Designated message with the Proposal flag. */
    private static void recordProposal(RstpPort p) {
        Bpdu m = p.msgBpdu;
        if (m.type() == Bpdu.Type.RST && m.role() == Bpdu.ROLE_DESIGNATED && m.has(Bpdu.PROPOSAL)) {
            p.proposed = true;
        }
    }

    /** 17.21.9 recordAgreement(): only on point-to-point links while talking RSTP. */
    private static void recordAgreement(RstpBridge b, RstpPort p) {
        Bpdu m = p.msgBpdu;
        if (b.rstpVersion() && p.operPointToPointMac && m.type() == Bpdu.Type.RST
                && m.has(Bpdu.AGREEMENT)) {
            p.agreed = true;
            p.proposing = false;
        } else {
            p.agreed = false;
        }
    }

    /** 17.21.10 recordDispute(): an inferior designated port claiming to learn. */
    private static void recordDispute(RstpPort p) {
        Bpdu m = p.msgBpdu;
        if (m.type() == Bpdu.Type.RST && m.has(Bpdu.LEARNING)) {
            p.disputed = true;
            p.agreed = false;
        }
    }

    /** 17.21.17 setTcFlags(). */
    private static void setTcFlags(RstpPort p) {
        Bpdu m = p.msgBpdu;
        if (m.type() == Bpdu.Type.TCN) {
            p.rcvdTcn = true;
            return;
        }
        if (m.has(Bpdu.TC)) {
            p.rcvdTc = true;
        }
        if (m.has(Bpdu.TCA)) {
            p.rcvdTcAck = true;
        }
    }

    /** 17.21.23 updtRcvdInfoWhile(). */
    private static void updtRcvdInfoWhile(RstpPort p) {
        RstpTimes t = p.portTimes;
        p.rcvdInfoWhile = t.messageAge() + 1 <= t.maxAge() ? 3 * t.helloTime() : 0;
    }
}
