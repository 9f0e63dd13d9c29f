package org.jvswitch.daemon;

import java.nio.file.Path;
import java.util.Map;

/**
 * OVS's directories, from the same environment variables and with the same defaults, so OVS's
 * tools and jvswitch agree on where pidfiles, control sockets, databases and logs live.
 *
 * <ul>
 * <li>{@code rundir}: {@code $OVS_RUNDIR}, else {@code /var/run/openvswitch} (pidfiles, sockets)</li>
 * <li>{@code dbdir}: {@code $OVS_DBDIR}, else {@code $OVS_SYSCONFDIR/openvswitch} when that is
 *     set, else {@code /etc/openvswitch}</li>
 * <li>{@code logdir}: {@code $OVS_LOGDIR}, else {@code /var/log/openvswitch}</li>
 * <li>{@code sysconfdir}: {@code $OVS_SYSCONFDIR}, else {@code /etc}</li>
 * </ul>
 * Empty variables count as unset.
 */
public record RunDirs(Path rundir, Path dbdir, Path logdir, Path sysconfdir) {

    public static final String DEFAULT_RUNDIR = "/var/run/openvswitch";
    public static final String DEFAULT_DBDIR = "/etc/openvswitch";
    public static final String DEFAULT_LOGDIR = "/var/log/openvswitch";
    public static final String DEFAULT_SYSCONFDIR = "/etc";

    /** The directories of this process's environment. */
    public static RunDirs fromEnv() {
        return from(System.getenv());
    }

    /** The directories an environment {@code env} selects. */
    public static RunDirs from(Map<String, String> env) {
        String sysconf = get(env, "OVS_SYSCONFDIR");
        String db = get(env, "OVS_DBDIR");
        if (db == null) {
            db = sysconf != null ? sysconf + "/openvswitch" : DEFAULT_DBDIR;
        }
        return new RunDirs(
                Path.of(orDefault(get(env, "OVS_RUNDIR"), DEFAULT_RUNDIR)),
                Path.of(db),
                Path.of(orDefault(get(env, "OVS_LOGDIR"), DEFAULT_LOGDIR)),
                Path.of(orDefault(sysconf, DEFAULT_SYSCONFDIR)));
    }

    /** {@code <rundir>/<program>.pid}, where OVS's tools look for a daemon's pidfile. */
    public Path pidfile(String program) {
        return rundir.resolve(program + ".pid");
    }

    /** {@code <rundir>/<program>.<pid>.ctl}, the daemon's unixctl socket. */
    public Path unixctlSocket(String program, long pid) {
        return rundir.resolve(program + "." + pid + ".ctl");
    }

    /** {@code <logdir>/<program>.log}, the default {@code --log-file}. */
    public Path logFile(String program) {
        return logdir.resolve(program + ".log");
    }

    private static String get(Map<String, String> env, String name) {
        String v = env.get(name);
        return v == null || v.isEmpty() ? null : v;
    }

    private static String orDefault(String value, String dflt) {
        return value != null ? value : dflt;
    }
}
