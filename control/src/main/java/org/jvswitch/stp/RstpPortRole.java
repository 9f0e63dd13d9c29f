package org.jvswitch.stp;

/** 802.1D-2004 port roles (17.7), named as OVS prints them ({@code rstp_port_role_name}). */
public enum RstpPortRole {
    ROOT("Root", Bpdu.ROLE_ROOT),
    DESIGNATED("Designated", Bpdu.ROLE_DESIGNATED),
    ALTERNATE("Alternate", Bpdu.ROLE_ALTERNATE_BACKUP),
    BACKUP("Backup", Bpdu.ROLE_ALTERNATE_BACKUP),
    DISABLED("Disabled", Bpdu.ROLE_UNKNOWN);

    private final String ovsName;
    /** The role's code in an RST BPDU's flags (9.2.9). */
    final int bpduCode;

    RstpPortRole(String ovsName, int bpduCode) {
        this.ovsName = ovsName;
        this.bpduCode = bpduCode;
    }

    /** The name OVS uses in {@code rstp/show} and {@code rstp_port_role}. */
    public String ovsName() {
        return ovsName;
    }
}
