package org.jvswitch.ofproto;

/**
 * A MAC address NORMAL learned (or would have learned) while translating a megaflow: the
 * megaflow's cache entry, so the revalidators can refresh it whenever the megaflow carries
 * packets (Open vSwitch's xlate cache XC_NORMAL). Without it a MAC used only through megaflows
 * would age out, or stay forgotten after a flush, while traffic keeps flowing.
 */
record LearnedMac(Ofproto bridge, int vlan, long mac, int ofport) {
    /** Learns (or refreshes) the entry; true if the MAC table changed. */
    boolean refresh(long nowMillis) {
        return bridge.gate().learnPermitted(ofport) && bridge.macs().learn(vlan, mac, ofport, nowMillis);
    }
}
