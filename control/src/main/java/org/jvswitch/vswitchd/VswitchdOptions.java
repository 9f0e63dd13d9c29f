package org.jvswitch.vswitchd;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * ovs-vswitchd's command line, less the logging options (taken first by VlogOptions):
 *
 * <pre>
 *   [DATABASE]                 the OVSDB remote (accepted; the database arrives with OVSDB)
 *   --pidfile[=FILE]           write and lock a pidfile (default &lt;rundir&gt;/ovs-vswitchd.pid)
 *   --unixctl=SOCKET           control socket (default &lt;rundir&gt;/ovs-vswitchd.&lt;pid&gt;.ctl)
 *   --other-config=KEY=VALUE   bootstrap Open_vSwitch other_config (dpdk-*, pmd-cpu-mask, ...),
 *                              used until the switch reads its database
 *   --no-chdir, --monitor      accepted for compatibility with OVS's scripts
 *   -h, --help / -V, --version
 * </pre>
 *
 * {@code --detach} is refused: a JVM cannot fork, so {@code ./jvs start} (or systemd) runs the
 * switch in the background instead.
 */
public record VswitchdOptions(String database, boolean pidfile, Path pidfilePath, Path unixctlPath,
                              Map<String, String> otherConfig, boolean help, boolean version) {

    public static final String USAGE = """
            ovs-vswitchd (jvswitch): an Open vSwitch-compatible virtual switch on DPDK
            usage: ovs-vswitchd [OPTIONS] [DATABASE]

            Daemon options:
              --pidfile[=FILE]          create pidfile (default: $OVS_RUNDIR/ovs-vswitchd.pid)
              --unixctl=SOCKET          override default control socket name
              --other-config=KEY=VALUE  bootstrap Open_vSwitch other_config (repeatable)
            Logging options:
              -vSPEC, --verbose=SPEC    set logging levels (module:destination:level)
              -v, --verbose             set maximum verbosity level
              --log-file[=FILE]         enable logging to specified FILE
              --syslog-target=HOST:PORT also send syslog msgs to HOST:PORT via UDP
            Other options:
              -h, --help                display this help message
              -V, --version             display version information
            """;

    /**
     * @throws IllegalArgumentException with a one-line reason for an unknown or malformed option
     */
    public static VswitchdOptions parse(List<String> args) {
        String database = null;
        boolean pidfile = false;
        Path pidfilePath = null;
        Path unixctl = null;
        Map<String, String> oc = new LinkedHashMap<>();
        boolean help = false;
        boolean version = false;
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (a.equals("--pidfile")) {
                pidfile = true;
            } else if (a.startsWith("--pidfile=")) {
                pidfile = true;
                pidfilePath = Path.of(a.substring("--pidfile=".length()));
            } else if (a.startsWith("--unixctl=")) {
                unixctl = Path.of(a.substring("--unixctl=".length()));
            } else if (a.equals("--unixctl") && i + 1 < args.size()) {
                unixctl = Path.of(args.get(++i));
            } else if (a.startsWith("--other-config=") || a.equals("--other-config") && i + 1 < args.size()) {
                String kv = a.equals("--other-config") ? args.get(++i) : a.substring("--other-config=".length());
                int eq = kv.indexOf('=');
                if (eq <= 0) {
                    throw new IllegalArgumentException("--other-config needs KEY=VALUE, not '" + kv + "'");
                }
                oc.put(kv.substring(0, eq), kv.substring(eq + 1));
            } else if (a.equals("--no-chdir") || a.equals("--monitor") || a.equals("--mlockall")) {
                continue;
            } else if (a.equals("--detach")) {
                throw new IllegalArgumentException("--detach is not supported (a JVM cannot fork):"
                        + " use './jvs start' or a systemd unit to run the switch in the background");
            } else if (a.equals("-h") || a.equals("--help")) {
                help = true;
            } else if (a.equals("-V") || a.equals("--version")) {
                version = true;
            } else if (a.startsWith("-")) {
                throw new IllegalArgumentException("unrecognized option '" + a + "' (use --help for help)");
            } else if (database == null) {
                database = a;
            } else {
                throw new IllegalArgumentException("at most one non-option argument (the database) accepted, not '"
                        + a + "'");
            }
        }
        return new VswitchdOptions(database, pidfile, pidfilePath, unixctl, Map.copyOf(oc), help, version);
    }
}
