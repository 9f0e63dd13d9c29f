package org.jvswitch.stp;

import java.util.Map;

/**
 * Reading {@code other_config} values the way OVS's {@code smap_get_*} helpers do: a missing
 * key, or one that does not parse, gives the default.
 */
final class OtherConfig {
    private OtherConfig() {
    }

    /** {@code smap_get_ullong}: decimal, or hex with 0x, as strtoull with base 0 reads. */
    static long getLong(Map<String, String> oc, String key, long dflt) {
        String s = oc.get(key);
        if (s == null) {
            return dflt;
        }
        s = s.trim();
        try {
            if (s.startsWith("0x") || s.startsWith("0X")) {
                return Long.parseUnsignedLong(s.substring(2), 16);
            }
            return Long.parseLong(s);
        } catch (NumberFormatException e) {
            return dflt;
        }
    }

    /** {@code smap_get_bool}: true only for "true", false for anything else, default if absent. */
    static boolean getBool(Map<String, String> oc, String key, boolean dflt) {
        String s = oc.get(key);
        return s == null ? dflt : s.equals("true");
    }

    static long clamp(long v, long min, long max) {
        return Math.max(min, Math.min(max, v));
    }
}
