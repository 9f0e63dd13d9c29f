package org.jvswitch.vlog;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import org.slf4j.Marker;

import java.util.List;
import java.util.Locale;

/**
 * OVS's log levels, least to most verbose. A destination at level L shows messages of L and of
 * every level before it; {@code OFF} shows nothing.
 *
 * <p>Mapping to SLF4J/Logback: EMER and ERR are both ERROR (EMER carries the {@link Vlog#EMER}
 * marker), WARN is WARN, INFO is INFO, DBG is DEBUG (TRACE counts as DBG too). Syslog severities
 * are OVS's: EMER is sent as LOG_ALERT (EMER would be broadcast to every terminal), INFO as
 * LOG_NOTICE.
 */
public enum VlogLevel {
    OFF(Level.OFF, -1),
    EMER(Level.ERROR, 1),
    ERR(Level.ERROR, 3),
    WARN(Level.WARN, 4),
    INFO(Level.INFO, 5),
    DBG(Level.DEBUG, 7);

    private static final VlogLevel[] VALUES = values();

    private final Level logback;
    private final int syslogSeverity;

    VlogLevel(Level logback, int syslogSeverity) {
        this.logback = logback;
        this.syslogSeverity = syslogSeverity;
    }

    /** The name as OVS prints it in logs and {@code vlog/list}: "EMER", "DBG", ... */
    public String upperName() {
        return name();
    }

    /** The name as OVS accepts it in specs: "emer", "dbg", ... */
    public String lowerName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The Logback level a logger needs so that messages of this level are created at all. */
    public Level logbackLevel() {
        return logback;
    }

    /** RFC 3164 severity (0..7) for syslog; meaningless for {@code OFF}. */
    public int syslogSeverity() {
        return syslogSeverity;
    }

    /** True if a destination at this level shows a message of level {@code message}. */
    public boolean shows(VlogLevel message) {
        return message != OFF && message.ordinal() <= ordinal();
    }

    /** The more verbose of two levels. */
    public static VlogLevel mostVerbose(VlogLevel a, VlogLevel b) {
        return a.ordinal() >= b.ordinal() ? a : b;
    }

    /** The less verbose of two levels. */
    public static VlogLevel leastVerbose(VlogLevel a, VlogLevel b) {
        return a.ordinal() <= b.ordinal() ? a : b;
    }

    /** Parses a level name, case-insensitively; null if it is not one. */
    public static VlogLevel parse(String word) {
        for (VlogLevel l : VALUES) {
            if (l.name().equalsIgnoreCase(word)) {
                return l;
            }
        }
        return null;
    }

    /** The vlog level of a Logback event. */
    public static VlogLevel of(ILoggingEvent event) {
        Level level = event.getLevel();
        if (level.toInt() >= Level.ERROR_INT) {
            return isEmer(event.getMarkerList()) ? EMER : ERR;
        } else if (level.toInt() >= Level.WARN_INT) {
            return WARN;
        } else if (level.toInt() >= Level.INFO_INT) {
            return INFO;
        }
        return DBG;
    }

    private static boolean isEmer(List<Marker> markers) {
        if (markers != null) {
            for (Marker m : markers) {
                if (m == Vlog.EMER || m.contains(Vlog.EMER)) {
                    return true;
                }
            }
        }
        return false;
    }
}
