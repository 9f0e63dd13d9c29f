package org.jvswitch.ovsdb.json;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * UUIDs as OVSDB writes them: 36 characters, {@code 8-4-4-4-12} hex digits, lowercase on
 * output. {@link UUID#fromString} accepts shorter forms that OVS rejects, hence {@link #parse}.
 * Ordering is OVS's too: the 128 bits compared as unsigned numbers, which is the order of the
 * text form.
 */
public final class Uuids {

    /** The all-zeros UUID, an OVSDB column's default uuid value. */
    public static final UUID ZERO = new UUID(0, 0);

    private Uuids() {
    }

    /** The UUID written in {@code s}, or null if it is not in the 36-character form. */
    public static UUID parse(String s) {
        if (s == null || s.length() != 36 || s.charAt(8) != '-' || s.charAt(13) != '-'
                || s.charAt(18) != '-' || s.charAt(23) != '-') {
            return null;
        }
        long hi = 0;
        long lo = 0;
        int digits = 0;
        for (int i = 0; i < 36; i++) {
            if (i == 8 || i == 13 || i == 18 || i == 23) {
                continue;
            }
            int v = Character.digit(s.charAt(i), 16);
            if (v < 0) {
                return null;
            }
            if (digits < 16) {
                hi = (hi << 4) | v;
            } else {
                lo = (lo << 4) | v;
            }
            digits++;
        }
        return new UUID(hi, lo);
    }

    /** A random (version 4) UUID, from a fast generator: row UUIDs need to be unique, not secret. */
    public static UUID random() {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        long hi = (r.nextLong() & ~0xF000L) | 0x4000L;
        long lo = (r.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(hi, lo);
    }

    /** OVS's order: unsigned comparison of the 128 bits. */
    public static int compare(UUID a, UUID b) {
        int c = Long.compareUnsigned(a.getMostSignificantBits(), b.getMostSignificantBits());
        return c != 0 ? c : Long.compareUnsigned(a.getLeastSignificantBits(), b.getLeastSignificantBits());
    }

    /** True if {@code s} is an OVSDB &lt;id&gt;: a letter or underscore, then letters, digits, underscores. */
    public static boolean isId(String s) {
        if (s == null || s.isEmpty()) {
            return false;
        }
        char c = s.charAt(0);
        if (!isAsciiAlpha(c) && c != '_') {
            return false;
        }
        for (int i = 1; i < s.length(); i++) {
            c = s.charAt(i);
            if (!isAsciiAlpha(c) && !(c >= '0' && c <= '9') && c != '_') {
                return false;
            }
        }
        return true;
    }

    static boolean isAsciiAlpha(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }
}
