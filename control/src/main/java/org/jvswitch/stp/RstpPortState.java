package org.jvswitch.stp;

/**
 * 802.1D-2004 port states (17.30, 7.4), named as OVS prints them ({@code rstp_state_name}).
 * A managed port is Discarding, Learning or Forwarding (Discarding while its link is down);
 * {@link #DISABLED} is reported only for ports the engine does not manage.
 */
public enum RstpPortState {
    DISABLED("Disabled"),
    LEARNING("Learning"),
    FORWARDING("Forwarding"),
    DISCARDING("Discarding");

    private final String ovsName;

    RstpPortState(String ovsName) {
        this.ovsName = ovsName;
    }

    /** The name OVS uses in {@code rstp/show}, {@code rstp_port_state} and its logs. */
    public String ovsName() {
        return ovsName;
    }

    public boolean forwards() {
        return this == FORWARDING;
    }

    public boolean learns() {
        return this == LEARNING || this == FORWARDING;
    }
}
