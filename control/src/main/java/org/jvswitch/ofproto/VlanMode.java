package org.jvswitch.ofproto;

/**
 * The Port table's vlan_mode, as Open vSwitch's NORMAL interprets it: which VLAN a packet
 * arriving on the port belongs to, and how it leaves.
 *
 * <ul>
 * <li>ACCESS: untagged, in VLAN {@code tag}; tagged packets (other than priority-tagged) are dropped.</li>
 * <li>TRUNK: tagged, in the VLANs of {@code trunks} (all when empty); untagged packets are in VLAN 0.</li>
 * <li>NATIVE_TAGGED: as TRUNK, but untagged packets belong to VLAN {@code tag}; output is tagged.</li>
 * <li>NATIVE_UNTAGGED: as NATIVE_TAGGED, but packets of VLAN {@code tag} leave untagged.</li>
 * <li>DOT1Q_TUNNEL: every packet gets an outer 802.1ad tag {@code tag}; it leaves without it.</li>
 * </ul>
 */
public enum VlanMode {
    ACCESS("access"),
    TRUNK("trunk"),
    NATIVE_TAGGED("native-tagged"),
    NATIVE_UNTAGGED("native-untagged"),
    DOT1Q_TUNNEL("dot1q-tunnel");

    private final String ovsName;

    VlanMode(String ovsName) {
        this.ovsName = ovsName;
    }

    public String ovsName() {
        return ovsName;
    }

    /** The mode for the Port table's vlan_mode (null: OVS's default from whether a tag is set). */
    public static VlanMode of(String vlanMode, boolean hasTag) {
        if (vlanMode == null || vlanMode.isEmpty()) {
            return hasTag ? ACCESS : TRUNK;
        }
        for (VlanMode m : values()) {
            if (m.ovsName.equals(vlanMode)) {
                return m;
            }
        }
        throw new IllegalArgumentException("vlan_mode '" + vlanMode + "' is not access, trunk, native-tagged,"
                + " native-untagged or dot1q-tunnel");
    }
}
