package org.jvswitch.bridge;

import java.util.Locale;

/** Ethernet addresses in OVS's text form ({@code aa:bb:cc:dd:ee:ff}) and as 48-bit longs. */
public final class Macs {
    private Macs() {
    }

    /** The address, or -1 when {@code s} is not six colon-separated hex bytes. */
    public static long parse(String s) {
        if (s == null) {
            return -1;
        }
        String[] parts = s.trim().split(":");
        if (parts.length != 6) {
            return -1;
        }
        long mac = 0;
        for (String p : parts) {
            if (p.isEmpty() || p.length() > 2) {
                return -1;
            }
            try {
                mac = mac << 8 | Integer.parseInt(p, 16);
            } catch (NumberFormatException e) {
                return -1;
            }
        }
        return mac;
    }

    public static String format(long mac) {
        return String.format(Locale.ROOT, "%02x:%02x:%02x:%02x:%02x:%02x", mac >>> 40 & 0xff, mac >>> 32 & 0xff,
                mac >>> 24 & 0xff, mac >>> 16 & 0xff, mac >>> 8 & 0xff, mac & 0xff);
    }
}
