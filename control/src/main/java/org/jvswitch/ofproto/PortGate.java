package org.jvswitch.ofproto;

/**
 * What spanning tree allows on each port (STP or RSTP, when enabled on the bridge): whether
 * NORMAL may learn on it and forward through it, and whether BPDUs go to the protocol. The
 * default allows everything and processes nothing.
 */
public interface PortGate {
    boolean forwardPermitted(int ofport);

    boolean learnPermitted(int ofport);

    /** Whether spanning tree runs on this bridge (BPDUs go to it, not through NORMAL). */
    boolean enabled();

    PortGate OPEN = new PortGate() {
        @Override
        public boolean forwardPermitted(int ofport) {
            return true;
        }

        @Override
        public boolean learnPermitted(int ofport) {
            return true;
        }

        @Override
        public boolean enabled() {
            return false;
        }
    };
}
