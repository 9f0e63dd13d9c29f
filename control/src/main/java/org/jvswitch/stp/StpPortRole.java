package org.jvswitch.stp;

/** Roles OVS reports for STP ports ({@code stp_role_name}). */
public enum StpPortRole {
    ROOT("root"),
    DESIGNATED("designated"),
    ALTERNATE("alternate"),
    DISABLED("disabled");

    private final String ovsName;

    StpPortRole(String ovsName) {
        this.ovsName = ovsName;
    }

    /** The name OVS uses in {@code stp/show} and {@code stp_role}. */
    public String ovsName() {
        return ovsName;
    }
}
