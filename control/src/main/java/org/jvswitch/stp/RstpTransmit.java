package org.jvswitch.stp;

/**
 * The Port Transmit machine (17.26) and the BPDUs it builds (txConfig, txTcn, txRstp,
 * 17.21.19-17.21.21): sends when there is new information, at most TxHoldCount BPDUs per
 * second, and a periodic hello from designated ports (and from a root port signalling a
 * topology change).
 *
 * <p>As in 802.1D-2004, an RSTP port of any role sends RST BPDUs when it has new information:
 * that is how an alternate port's agreement reaches the designated port facing it.
 *
 * <p>Threads: the engine's calling thread only.
 */
final class RstpTransmit {

    enum Ptx { IDLE }

    private RstpTransmit() {
    }

    /** TRANSMIT_INIT, then IDLE. */
    static void begin(RstpPort p) {
        p.newInfo = true;
        p.txCount = 0;
        enterIdle(p);
    }

    static boolean step(RstpBridge b, RstpPort p) {
        // All transitions are qualified by selected && !updtInfo; nothing goes out on a port
        // whose link is down.
        if (!p.selected || p.updtInfo || !p.portEnabled) {
            return false;
        }
        if (p.helloWhen == 0) {                                         // TRANSMIT_PERIODIC
            p.newInfo = p.newInfo || p.role == RstpPortRole.DESIGNATED
                    || (p.role == RstpPortRole.ROOT && p.tcWhile != 0);
            enterIdle(p);
            return true;
        }
        if (!p.newInfo || p.txCount >= b.transmitHoldCount) {
            return false;
        }
        if (!p.sendRstp && p.role == RstpPortRole.DESIGNATED) {         // TRANSMIT_CONFIG
            txConfig(b, p);
            p.tcAck = false;
        } else if (!p.sendRstp && p.role == RstpPortRole.ROOT) {        // TRANSMIT_TCN
            b.out.send(p, Bpdu.tcn());
        } else if (p.sendRstp && p.role != RstpPortRole.DISABLED) {     // TRANSMIT_RSTP
            txRstp(b, p);
            p.tcAck = false;
        } else {
            return false;
        }
        p.newInfo = false;
        p.txCount++;
        enterIdle(p);
        return true;
    }

    static void enterIdle(RstpPort p) {
        p.ptx = Ptx.IDLE;
        p.helloWhen = p.helloTime();
    }

    /** 17.21.19 txConfig(). */
    private static void txConfig(RstpBridge b, RstpPort p) {
        int flags = (p.tcWhile != 0 ? Bpdu.TC : 0) | (p.tcAck ? Bpdu.TCA : 0);
        PriorityVector v = p.designatedPriority;
        RstpTimes t = p.designatedTimes;
        b.out.send(p, Bpdu.config(flags, v.rootBridgeId(), cost(v), v.designatedBridgeId(),
                v.designatedPortId(), RstpTimes.toWire(t.messageAge()), RstpTimes.toWire(t.maxAge()),
                RstpTimes.toWire(t.helloTime()), RstpTimes.toWire(t.forwardDelay())));
    }

    /** 17.21.20 txRstp(). */
    private static void txRstp(RstpBridge b, RstpPort p) {
        int flags = (p.role.bpduCode << Bpdu.ROLE_SHIFT)
                | (p.tcWhile != 0 ? Bpdu.TC : 0)
                | (p.proposing ? Bpdu.PROPOSAL : 0)
                | (p.learning ? Bpdu.LEARNING : 0)
                | (p.forwarding ? Bpdu.FORWARDING : 0)
                | (p.agree ? Bpdu.AGREEMENT : 0);
        PriorityVector v = p.designatedPriority;
        RstpTimes t = p.designatedTimes;
        b.out.send(p, Bpdu.rst(flags, v.rootBridgeId(), cost(v), v.designatedBridgeId(),
                v.designatedPortId(), RstpTimes.toWire(t.messageAge()), RstpTimes.toWire(t.maxAge()),
                RstpTimes.toWire(t.helloTime()), RstpTimes.toWire(t.forwardDelay())));
    }

    private static long cost(PriorityVector v) {
        return Math.min(v.rootPathCost(), 0xFFFF_FFFFL);
    }
}
