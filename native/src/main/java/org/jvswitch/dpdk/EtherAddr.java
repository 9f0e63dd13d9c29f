package org.jvswitch.dpdk;

import java.util.HexFormat;

/** Ethernet addresses as 48-bit values in a {@code long}, and their "aa:bb:cc:dd:ee:ff" text. */
public final class EtherAddr {
    private EtherAddr() {
    }

    public static String format(long mac) {
        StringBuilder sb = new StringBuilder(17);
        for (int shift = 40; shift >= 0; shift -= 8) {
            if (shift != 40) {
                sb.append(':');
            }
            HexFormat.of().toHexDigits(sb, (byte) (mac >>> shift));
        }
        return sb.toString();
    }

    /**
     * @throws IllegalArgumentException when the text is not six colon-separated hex octets
     */
    public static long parse(String text) {
        String[] parts = text.split(":", -1);
        if (parts.length != 6) {
            throw new IllegalArgumentException("'" + text + "' is not an Ethernet address (xx:xx:xx:xx:xx:xx)");
        }
        long mac = 0;
        for (String p : parts) {
            if (p.isEmpty() || p.length() > 2) {
                throw new IllegalArgumentException("'" + text + "' is not an Ethernet address (xx:xx:xx:xx:xx:xx)");
            }
            try {
                mac = mac << 8 | Integer.parseInt(p, 16);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("'" + text + "' is not an Ethernet address (xx:xx:xx:xx:xx:xx)");
            }
        }
        return mac;
    }

    public static boolean isMulticast(long mac) {
        return (mac & 0x0100_0000_0000L) != 0;
    }
}
