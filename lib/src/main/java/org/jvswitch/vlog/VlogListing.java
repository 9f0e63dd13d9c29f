package org.jvswitch.vlog;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

/**
 * The tables {@code vlog/list} and {@code vlog/list-pattern} print, column for column as OVS
 * prints them, since people and scripts read them.
 */
final class VlogListing {

    private VlogListing() {
    }

    /** Header, then one line per module (sorted), levels upper-case, rate-limit note if off. */
    static String levels(Collection<VlogModule> modules) {
        StringBuilder sb = new StringBuilder();
        sb.append("                 console    syslog    file\n");
        sb.append("                 -------    ------    ------\n");
        List<String> lines = new ArrayList<>();
        for (VlogModule m : modules) {
            String line = String.format(Locale.ROOT, "%-16s  %4s       %4s       %4s", m.name(),
                    m.level(VlogDestination.CONSOLE).upperName(),
                    m.level(VlogDestination.SYSLOG).upperName(),
                    m.level(VlogDestination.FILE).upperName());
            if (!m.honorRateLimits()) {
                line += "    (rate limiting disabled)";
            }
            lines.add(line + "\n");
        }
        lines.sort(null);
        lines.forEach(sb::append);
        return sb.toString();
    }

    /** Header, then each destination with its prefix ("none" but for open syslog) and pattern. */
    static String patterns(String syslogPrefix) {
        StringBuilder sb = new StringBuilder();
        sb.append("         prefix                            format\n");
        sb.append("         ------                            ------\n");
        for (VlogDestination d : VlogDestination.values()) {
            String prefix = d == VlogDestination.SYSLOG ? syslogPrefix : "none";
            sb.append(String.format(Locale.ROOT, "%-7s  %-32s  %s\n", d.lowerName(), prefix,
                    Vlog.pattern(d)));
        }
        return sb.toString();
    }
}
