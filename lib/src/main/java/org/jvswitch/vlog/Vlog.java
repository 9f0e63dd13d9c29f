package org.jvswitch.vlog;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.Marker;
import org.slf4j.MarkerFactory;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * OVS's vlog on SLF4J and Logback: named modules, each with a level per destination
 * (console, syslog, file), the {@code vlog/*} operations, and OVS's line formats.
 *
 * <p>Use: {@code private static final Logger LOG = Vlog.module("bridge");} then log through
 * SLF4J as usual. {@code LOG.error(Vlog.EMER, ...)} logs at EMER. Messages then go to each
 * destination whose level for that module shows them.
 *
 * <p>How: {@link VlogBackend} puts one appender per destination on Logback's root logger, each
 * with a filter that reads the module's level for its destination; each module's Logback
 * logger is set to the most verbose level among the destinations in use, so a disabled
 * {@code LOG.debug(...)} costs one level check. Loggers that are not vlog modules (libraries)
 * are held to {@link #externalLevel}: WARN and above, and no more than the default level of
 * the destination.
 *
 * <p>Modules are registered as their classes load, so a module may appear after settings that
 * named no module were applied; it starts with the current defaults (the levels last set for
 * all modules). Daemons should {@link #declareModules} the modules they have up front so that
 * {@code -v} options and {@code vlog/set} can name them before their classes load.
 *
 * <p>Threads: settings change under a lock on control threads (start-up, unixctl); logging
 * threads read levels lock-free from volatile fields.
 */
public final class Vlog {

    /** Marker for messages at EMER (SLF4J has no such level; they are logged at ERROR). */
    public static final Marker EMER = MarkerFactory.getMarker("EMER");

    private static final Object LOCK = new Object();
    /** Modules by exact name (the name of their SLF4J logger). */
    private static final ConcurrentHashMap<String, VlogModule> MODULES = new ConcurrentHashMap<>();
    /** Level per destination given to newly registered modules; guarded by LOCK. */
    private static final VlogLevel[] DEFAULTS = defaultLevels();
    /** Level per destination for loggers that are not modules; replaced under LOCK. */
    private static volatile VlogLevel[] external = externalLevels(DEFAULTS);
    private static volatile String programName = "jvswitch";
    private static volatile int facility = SyslogFacility.DAEMON;
    /** Configured log file (kept across vlog/close so vlog/reopen can reopen it); LOCK. */
    private static Path logFile;
    private static final VlogBackend BACKEND = VlogBackend.install();

    static {
        synchronized (LOCK) {
            refreshLoggerLevels();
        }
    }

    private Vlog() {
    }

    /** Returns the logger of module {@code name}, registering the module if it is new. */
    public static Logger module(String name) {
        register(name);
        return LoggerFactory.getLogger(name);
    }

    /** Registers modules without getting their loggers, so settings can name them early. */
    public static void declareModules(String... names) {
        for (String name : names) {
            register(name);
        }
    }

    private static VlogModule register(String name) {
        if (name == null || name.isEmpty()) {
            throw new IllegalArgumentException("a vlog module needs a name");
        }
        VlogModule existing = MODULES.get(name);
        if (existing != null) {
            return existing;
        }
        synchronized (LOCK) {
            VlogModule m = MODULES.get(name);
            if (m == null) {
                m = new VlogModule(name, DEFAULTS);
                MODULES.put(name, m);
                refreshLoggerLevel(m);
            }
            return m;
        }
    }

    /** Names of the registered modules, sorted. */
    public static List<String> modules() {
        return List.copyOf(new TreeSet<>(MODULES.keySet()));
    }

    /** The module a logger name belongs to, or null. Lock-free; any thread. */
    static VlogModule lookup(String loggerName) {
        return MODULES.get(loggerName);
    }

    /** The canonical name of the module {@code word} names, ignoring case; null if none. */
    private static String moduleNamed(String word) {
        if (MODULES.containsKey(word)) {
            return word;
        }
        for (String name : MODULES.keySet()) {
            if (name.equalsIgnoreCase(word)) {
                return name;
            }
        }
        return null;
    }

    /** Threshold on {@code d} for loggers that are not vlog modules. Any thread. */
    static VlogLevel externalLevel(VlogDestination d) {
        return external[d.ordinal()];
    }

    /**
     * Applies one setting as {@code vlog/set} and {@code -v} take it (see {@link VlogSpec}).
     *
     * @throws VlogSpecException with OVS's message if it is malformed or names no module
     */
    public static void set(String spec) throws VlogSpecException {
        switch (VlogSpec.parse(spec, Vlog::moduleNamed)) {
            case VlogSpec.Levels l -> setLevel(l.module(), l.destination(), l.level());
            case VlogSpec.Pattern p -> setPattern(p.destination(), p.pattern());
            case VlogSpec.Facility f -> facility = f.code();
        }
    }

    /**
     * Sets the level of {@code module} (null: every module, and the default for modules yet to
     * come) on {@code destination} (null: all).
     *
     * @throws VlogSpecException if {@code module} is not a registered module
     */
    public static void setLevel(String module, VlogDestination destination, VlogLevel level)
            throws VlogSpecException {
        synchronized (LOCK) {
            if (module != null) {
                String name = moduleNamed(module);
                if (name == null) {
                    throw new VlogSpecException("no module named " + module);
                }
                VlogModule m = MODULES.get(name);
                m.setLevel(destination, level);
                refreshLoggerLevel(m);
                return;
            }
            for (VlogDestination d : VlogDestination.values()) {
                if (destination == null || destination == d) {
                    DEFAULTS[d.ordinal()] = level;
                }
            }
            external = externalLevels(DEFAULTS);
            for (VlogModule m : MODULES.values()) {
                m.setLevel(destination, level);
            }
            refreshLoggerLevels();
        }
    }

    /** The level of {@code module} on {@code destination}. */
    public static VlogLevel level(String module, VlogDestination destination) {
        VlogModule m = MODULES.get(module);
        if (m == null) {
            throw new IllegalArgumentException("no module named " + module);
        }
        return m.level(destination);
    }

    /** The {@code vlog/list} table: levels of every module, one line each, sorted. */
    public static String listLevels() {
        return VlogListing.levels(MODULES.values());
    }

    /**
     * Every module's level per destination ({@code vlog/list} as data): module name to
     * destination name to lower-case level, sorted by module.
     */
    public static SortedMap<String, Map<String, String>> levels() {
        SortedMap<String, Map<String, String>> out = new TreeMap<>();
        for (VlogModule m : MODULES.values()) {
            Map<String, String> byDest = new LinkedHashMap<>();
            for (VlogDestination d : VlogDestination.values()) {
                byDest.put(d.lowerName(), m.level(d).lowerName());
            }
            out.put(m.name(), byDest);
        }
        return out;
    }

    /** The {@code vlog/list-pattern} table: each destination's prefix and pattern. */
    public static String listPatterns() {
        synchronized (LOCK) {
            return VlogListing.patterns(BACKEND.syslogPrefix());
        }
    }

    /** Sets the line pattern of {@code destination} (null: all). */
    public static void setPattern(VlogDestination destination, String pattern) {
        for (VlogDestination d : VlogDestination.values()) {
            if (destination == null || destination == d) {
                BACKEND.layout(d).setPattern(pattern);
            }
        }
    }

    public static String pattern(VlogDestination destination) {
        return BACKEND.layout(destination).pattern();
    }

    /**
     * Makes {@code module} (null: all modules) honour rate limits or not
     * ({@code vlog/enable-rate-limit}, {@code vlog/disable-rate-limit}).
     *
     * @throws VlogSpecException "unknown module" if there is no such module
     */
    public static void setRateLimit(String module, boolean honor) throws VlogSpecException {
        if (module == null || module.equalsIgnoreCase("any")) {
            MODULES.values().forEach(m -> m.setHonorRateLimits(honor));
            return;
        }
        String name = moduleNamed(module);
        if (name == null) {
            throw new VlogSpecException("unknown module");
        }
        MODULES.get(name).setHonorRateLimits(honor);
    }

    /** False if {@code loggerName} is a module whose rate limiting was disabled. */
    public static boolean honorsRateLimits(String loggerName) {
        VlogModule m = MODULES.get(loggerName);
        return m == null || m.honorRateLimits();
    }

    /** The program name ({@code %A}, syslog tag), e.g. "ovs-vswitchd". */
    public static String programName() {
        return programName;
    }

    public static void setProgramName(String name) {
        programName = name;
    }

    /** The syslog facility code (default {@code daemon}). */
    public static int syslogFacility() {
        return facility;
    }

    /** Opens {@code path} as the log file (closing any other) and remembers it for reopening. */
    public static void openLogFile(Path path) throws IOException {
        synchronized (LOCK) {
            logFile = path;
            BACKEND.openFile(path);
            refreshLoggerLevels();
        }
    }

    /**
     * Closes and reopens the log file, for log rotation; reopens a file closed by
     * {@link #closeLogFile}.
     *
     * @throws IllegalStateException "Logging to file not configured" without a log file
     */
    public static void reopenLogFile() throws IOException {
        synchronized (LOCK) {
            if (logFile == null) {
                throw new IllegalStateException("Logging to file not configured");
            }
            if (BACKEND.filePath() == null) {
                openLogFile(logFile);
            } else {
                BACKEND.reopenFile();
            }
        }
    }

    /** Closes the log file if open; {@link #reopenLogFile} opens it again. */
    public static void closeLogFile() {
        synchronized (LOCK) {
            BACKEND.closeFile();
            refreshLoggerLevels();
        }
    }

    /** The configured log file, open or closed. */
    public static Optional<Path> logFile() {
        synchronized (LOCK) {
            return Optional.ofNullable(logFile);
        }
    }

    /**
     * Starts sending to syslog: to {@code target} over UDP when given, else to {@code /dev/log}
     * when it exists, else nowhere: syslog output is then dropped silently, as a daemon in a
     * container without a syslog socket should not complain about it on every message.
     */
    public static void openSyslog(InetSocketAddress target) throws IOException {
        if (target != null) {
            openSyslog(SyslogSender.udp(target), true);
        } else if (Files.exists(Path.of("/dev/log"))) {
            openSyslog(SyslogSender.unix(Path.of("/dev/log")), false);
        }
    }

    /** Starts sending to syslog over a local AF_UNIX datagram socket at {@code socket}. */
    public static void openSyslog(Path socket) throws IOException {
        openSyslog(SyslogSender.unix(socket), false);
    }

    private static void openSyslog(SyslogSender sender, boolean remote) {
        synchronized (LOCK) {
            BACKEND.openSyslog(sender, remote);
            refreshLoggerLevels();
        }
    }

    /** Stops sending to syslog and closes its socket and thread. */
    public static void closeSyslog() {
        synchronized (LOCK) {
            BACKEND.closeSyslog();
            refreshLoggerLevels();
        }
    }

    /**
     * Back to the start-up state: every level INFO, default patterns and facility, rate limits
     * honoured, no log file, no syslog. Modules stay registered. Meant for tests.
     */
    public static void reset() {
        synchronized (LOCK) {
            BACKEND.closeFile();
            BACKEND.closeSyslog();
            logFile = null;
            facility = SyslogFacility.DAEMON;
            for (VlogDestination d : VlogDestination.values()) {
                setPattern(d, d.defaultPattern());
            }
            Arrays.fill(DEFAULTS, VlogLevel.INFO);
            external = externalLevels(DEFAULTS);
            for (VlogModule m : MODULES.values()) {
                m.setLevel(null, VlogLevel.INFO);
                m.setHonorRateLimits(true);
            }
            refreshLoggerLevels();
        }
    }

    private static VlogLevel[] defaultLevels() {
        VlogLevel[] levels = new VlogLevel[VlogDestination.count()];
        Arrays.fill(levels, VlogLevel.INFO);
        return levels;
    }

    private static VlogLevel[] externalLevels(VlogLevel[] defaults) {
        VlogLevel[] levels = new VlogLevel[defaults.length];
        for (int i = 0; i < levels.length; i++) {
            levels[i] = VlogLevel.leastVerbose(VlogLevel.WARN, defaults[i]);
        }
        return levels;
    }

    /** Sets every Logback logger level from the levels of the destinations in use; LOCK. */
    private static void refreshLoggerLevels() {
        for (VlogModule m : MODULES.values()) {
            refreshLoggerLevel(m);
        }
        VlogLevel root = VlogLevel.OFF;
        for (VlogDestination d : VlogDestination.values()) {
            if (BACKEND.active(d)) {
                root = VlogLevel.mostVerbose(root, external[d.ordinal()]);
            }
        }
        BACKEND.setLoggerLevel(null, root);
    }

    private static void refreshLoggerLevel(VlogModule m) {
        VlogLevel most = VlogLevel.OFF;
        for (VlogDestination d : VlogDestination.values()) {
            if (BACKEND.active(d)) {
                most = VlogLevel.mostVerbose(most, m.level(d));
            }
        }
        BACKEND.setLoggerLevel(m.name(), most);
    }
}
