package org.jvswitch.stp;

/**
 * The Port State Transition machine (17.30): turns the role machine's learn and forward
 * decisions into the port's state (Discarding, Learning, Forwarding), which is what the bridge
 * asks about. Each change is reported to the bridge.
 *
 * <p>Threads: the engine's calling thread only.
 */
final class RstpStateTransition {

    enum Pst { DISCARDING, LEARNING, FORWARDING }

    private RstpStateTransition() {
    }

    static void begin(RstpBridge b, RstpPort p) {
        enterDiscarding(b, p);
    }

    static boolean step(RstpBridge b, RstpPort p) {
        switch (p.pst) {
            case DISCARDING -> {
                if (p.learn) {
                    p.pst = Pst.LEARNING;
                    p.learning = true;                  // enableLearning()
                    b.setState(p, RstpPortState.LEARNING);
                    return true;
                }
            }
            case LEARNING -> {
                if (!p.learn) {
                    enterDiscarding(b, p);
                    return true;
                }
                if (p.forward) {
                    p.pst = Pst.FORWARDING;
                    p.forwarding = true;                // enableForwarding()
                    b.setState(p, RstpPortState.FORWARDING);
                    return true;
                }
            }
            case FORWARDING -> {
                if (!p.forward) {
                    enterDiscarding(b, p);
                    return true;
                }
            }
        }
        return false;
    }

    private static void enterDiscarding(RstpBridge b, RstpPort p) {
        p.pst = Pst.DISCARDING;
        p.learning = false;                             // disableLearning()
        p.forwarding = false;                           // disableForwarding()
        b.setState(p, RstpPortState.DISCARDING);
    }
}
