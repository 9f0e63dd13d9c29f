package org.jvswitch.vlog;

import org.jvswitch.daemon.RunDirs;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A daemon's logging options, taken out of its command line the way OVS's daemons accept them:
 *
 * <ul>
 * <li>{@code -v}, {@code --verbose}: every module, every destination at {@code dbg};
 *     {@code -vSPEC}, {@code --verbose=SPEC}: apply SPEC (see {@link VlogSpec}), e.g.
 *     {@code -vconsole:emer -vsyslog:err -vfile:info}. Like getopt's optional arguments, SPEC
 *     must be attached.</li>
 * <li>{@code --log-file}: log to {@code <logdir>/<program>.log}; {@code --log-file=FILE}: to
 *     FILE, exactly as given.</li>
 * <li>{@code --syslog-target=HOST:PORT} (or as two arguments): send syslog over UDP there
 *     instead of to {@code /dev/log}. IPv6 hosts go in brackets.</li>
 * </ul>
 * Everything else is left, in order, for the program's own parser; so is everything from a
 * {@code --} on. Parsing only records; {@link #apply} then acts.
 */
public final class VlogOptions {

    private final String program;
    private final List<String> specs;
    private final Path logFile;
    private final InetSocketAddress syslogTarget;
    private final List<String> remaining;

    private VlogOptions(String program, List<String> specs, Path logFile,
                        InetSocketAddress syslogTarget, List<String> remaining) {
        this.program = program;
        this.specs = List.copyOf(specs);
        this.logFile = logFile;
        this.syslogTarget = syslogTarget;
        this.remaining = List.copyOf(remaining);
    }

    /** Parses with the directories of this process's environment. */
    public static VlogOptions parse(String program, String... args) {
        return parse(program, RunDirs.fromEnv(), args);
    }

    /**
     * Takes the logging options out of {@code args}.
     *
     * @param program the daemon's name, e.g. "ovs-vswitchd" (log file name, syslog tag)
     * @throws IllegalArgumentException if an option's argument is missing or malformed
     */
    public static VlogOptions parse(String program, RunDirs dirs, String... args) {
        List<String> specs = new ArrayList<>();
        List<String> rest = new ArrayList<>();
        Path logFile = null;
        InetSocketAddress target = null;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (a.equals("--")) {
                rest.addAll(List.of(args).subList(i, args.length));
                break;
            } else if (a.equals("-v") || a.equals("--verbose")) {
                specs.add("");
            } else if (a.startsWith("--verbose=")) {
                specs.add(a.substring("--verbose=".length()));
            } else if (a.startsWith("-v") && !a.startsWith("--")) {
                specs.add(a.substring(2));
            } else if (a.equals("--log-file")) {
                logFile = dirs.logFile(program);
            } else if (a.startsWith("--log-file=")) {
                logFile = Path.of(a.substring("--log-file=".length()));
            } else if (a.equals("--syslog-target")) {
                if (i + 1 >= args.length) {
                    throw new IllegalArgumentException("option '--syslog-target' requires an argument");
                }
                target = parseTarget(args[++i]);
            } else if (a.startsWith("--syslog-target=")) {
                target = parseTarget(a.substring("--syslog-target=".length()));
            } else {
                rest.add(a);
            }
        }
        return new VlogOptions(program, specs, logFile, target, rest);
    }

    /** Parses {@code HOST:PORT} or {@code [IPV6]:PORT}; the host is resolved when applied. */
    static InetSocketAddress parseTarget(String s) {
        int colon = s.lastIndexOf(':');
        String host = colon > 0 ? s.substring(0, colon) : "";
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        int port = -1;
        try {
            port = Integer.parseInt(s.substring(colon + 1));
        } catch (NumberFormatException e) {
            // reported below
        }
        if (host.isEmpty() || port <= 0 || port > 65535) {
            throw new IllegalArgumentException("invalid syslog target \"" + s
                    + "\" (expected HOST:PORT)");
        }
        return InetSocketAddress.createUnresolved(host, port);
    }

    /** The specs given with {@code -v}/{@code --verbose}, in order ("" for a bare one). */
    public List<String> specs() {
        return specs;
    }

    /** The log file, if {@code --log-file} was given. */
    public Optional<Path> logFile() {
        return Optional.ofNullable(logFile);
    }

    /** The remote syslog target, if {@code --syslog-target} was given (unresolved). */
    public Optional<InetSocketAddress> syslogTarget() {
        return Optional.ofNullable(syslogTarget);
    }

    /** The arguments that were not logging options, in their order. */
    public List<String> remainingArgs() {
        return remaining;
    }

    /**
     * Configures {@link Vlog}: program name, levels and patterns, the log file, and syslog (the
     * target, else {@code /dev/log} if it exists). Modules named in specs must already be
     * registered ({@link Vlog#declareModules}), as OVS rejects unknown modules.
     *
     * @throws VlogSpecException for a bad spec, with OVS's message
     * @throws IOException       if the log file or syslog socket cannot be opened
     */
    public void apply() throws VlogSpecException, IOException {
        Vlog.setProgramName(program);
        for (String spec : specs) {
            Vlog.set(spec);
        }
        if (logFile != null) {
            Vlog.openLogFile(logFile);
        }
        Vlog.openSyslog(syslogTarget);
    }
}
