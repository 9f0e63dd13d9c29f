package org.jvswitch.stp;

/**
 * 802.1D-1998 port states (8.4), named as OVS prints them ({@code stp_state_name}).
 *
 * <p>As in OVS, a port the engine manages forwards only in {@link #FORWARDING}; {@link #DISABLED}
 * (link down) neither learns nor forwards. Ports the engine does not manage at all
 * ({@code stp-enable=false}) are not in any state and always forward.
 */
public enum StpPortState {
    DISABLED("disabled"),
    LISTENING("listening"),
    LEARNING("learning"),
    FORWARDING("forwarding"),
    BLOCKING("blocking");

    private final String ovsName;

    StpPortState(String ovsName) {
        this.ovsName = ovsName;
    }

    /** The name OVS uses in {@code stp/show}, {@code stp_state} and its logs. */
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
