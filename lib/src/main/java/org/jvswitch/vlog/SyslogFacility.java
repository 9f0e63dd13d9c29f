package org.jvswitch.vlog;

import java.util.List;
import java.util.Locale;

/**
 * Syslog facility names (as {@code FACILITY:name} and {@code --syslog-facility} take them) and
 * their RFC 3164 codes. The default is {@code daemon}, as for OVS's daemons.
 */
public final class SyslogFacility {

    /** Facility names indexed by code (0..23). */
    private static final List<String> NAMES = List.of(
            "kern", "user", "mail", "daemon", "auth", "syslog", "lpr", "news", "uucp", "clock",
            "authpriv", "ftp", "ntp", "audit", "alert", "clock2", "local0", "local1", "local2",
            "local3", "local4", "local5", "local6", "local7");

    /** Code of the {@code daemon} facility. */
    public static final int DAEMON = 3;

    private SyslogFacility() {
    }

    /** The code of facility {@code name} (case-insensitive), or -1 if there is no such facility. */
    public static int parse(String name) {
        String n = name.trim().toLowerCase(Locale.ROOT);
        if (n.equals("cron")) {
            return 9;  // the name most systems use for OVS's "clock"
        }
        return NAMES.indexOf(n);
    }

    /** The name of facility {@code code}. */
    public static String name(int code) {
        return NAMES.get(code);
    }
}
