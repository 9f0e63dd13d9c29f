package org.jvswitch.vlog;

/**
 * Where log messages go, in the order OVS lists them, each with OVS's default line pattern.
 * Patterns use OVS's pattern language (see {@link VlogPattern}).
 */
public enum VlogDestination {
    /** Standard error. */
    CONSOLE("console", "%D{%Y-%m-%dT%H:%M:%SZ}|%05N|%c%T|%p|%m"),
    /** The system log: {@code /dev/log}, or a remote UDP target. */
    SYSLOG("syslog", "ovs|%05N|%c%T|%p|%m"),
    /** The log file given with {@code --log-file}; nothing is written without one. */
    FILE("file", "%D{%Y-%m-%dT%H:%M:%S.###Z}|%05N|%c%T|%p|%m");

    private static final VlogDestination[] VALUES = values();

    private final String lowerName;
    private final String defaultPattern;

    VlogDestination(String lowerName, String defaultPattern) {
        this.lowerName = lowerName;
        this.defaultPattern = defaultPattern;
    }

    /** The name used in specs and listings: "console", "syslog", "file". */
    public String lowerName() {
        return lowerName;
    }

    public String defaultPattern() {
        return defaultPattern;
    }

    /** Parses a destination name, case-insensitively; null if it is not one. */
    public static VlogDestination parse(String word) {
        for (VlogDestination d : VALUES) {
            if (d.lowerName.equalsIgnoreCase(word)) {
                return d;
            }
        }
        return null;
    }

    /** Number of destinations, for per-destination arrays. */
    public static int count() {
        return VALUES.length;
    }
}
