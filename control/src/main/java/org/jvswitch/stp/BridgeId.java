package org.jvswitch.stp;

/**
 * Bridge identifiers and MAC addresses as spanning tree and OVS write them.
 *
 * <p>A bridge identifier is 64 bits: a 16-bit priority over a 48-bit MAC address (802.1D-1998
 * 9.2.5); 802.1D-2004 splits the priority into a 4-bit priority and a 12-bit system ID
 * extension, which OVS prints separately. Identifiers compare as unsigned numbers, lower is
 * better: use {@link Long#compareUnsigned}.
 */
public final class BridgeId {

    /** Low 48 bits: the MAC address part of an identifier. */
    public static final long MAC_MASK = 0xFFFF_FFFF_FFFFL;

    private BridgeId() {
    }

    /** The identifier with priority {@code priority} (16 bits) and address {@code mac}. */
    public static long of(int priority, long mac) {
        return ((long) (priority & 0xFFFF) << 48) | (mac & MAC_MASK);
    }

    /** The 16-bit priority of {@code id}. */
    public static int priority(long id) {
        return (int) (id >>> 48);
    }

    /** The MAC address of {@code id}. */
    public static long mac(long id) {
        return id & MAC_MASK;
    }

    /** OVS's {@code STP_ID_FMT}: {@code 8000.0a1b2c3d4e5f}. */
    public static String formatStp(long id) {
        return String.format("%04x.%012x", priority(id), mac(id));
    }

    /** OVS's {@code RSTP_ID_FMT}: priority nibble, system ID extension, MAC: {@code 8.000.0a1b2c3d4e5f}. */
    public static String formatRstp(long id) {
        return String.format("%01x.%03x.%012x", id >>> 60, (id >>> 48) & 0xFFF, mac(id));
    }

    /** A MAC address as {@code aa:bb:cc:dd:ee:ff}. */
    public static String formatMac(long mac) {
        StringBuilder sb = new StringBuilder(17);
        for (int shift = 40; shift >= 0; shift -= 8) {
            if (shift != 40) {
                sb.append(':');
            }
            sb.append(Character.forDigit((int) (mac >>> (shift + 4)) & 0xF, 16));
            sb.append(Character.forDigit((int) (mac >>> shift) & 0xF, 16));
        }
        return sb.toString();
    }

    /**
     * Parses {@code aa:bb:cc:dd:ee:ff} (one or two hex digits per byte, as OVS's
     * {@code eth_addr_from_string} accepts); returns -1 if {@code s} is not a MAC address.
     */
    public static long parseMac(String s) {
        if (s == null) {
            return -1;
        }
        String[] parts = s.trim().split(":", -1);
        if (parts.length != 6) {
            return -1;
        }
        long mac = 0;
        for (String part : parts) {
            if (part.isEmpty() || part.length() > 2) {
                return -1;
            }
            int b = 0;
            for (int i = 0; i < part.length(); i++) {
                int d = Character.digit(part.charAt(i), 16);
                if (d < 0) {
                    return -1;
                }
                b = b * 16 + d;
            }
            mac = (mac << 8) | b;
        }
        return mac;
    }
}
