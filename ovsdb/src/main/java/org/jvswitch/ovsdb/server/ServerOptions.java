package org.jvswitch.ovsdb.server;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code jvs-ovsdb-server}'s command line: ovsdb-server's common options, less the logging ones
 * (taken first by {@code VlogOptions}).
 *
 * <pre>
 *   [DATABASE]...                database files (default &lt;dbdir&gt;/conf.db)
 *   --remote=REMOTE              punix:, ptcp:, pssl:, unix:, tcp:, ssl:, db: (repeatable)
 *   --pidfile[=FILE]             write and lock a pidfile (default &lt;rundir&gt;/ovsdb-server.pid)
 *   --unixctl=SOCKET             control socket (default &lt;rundir&gt;/ovsdb-server.&lt;pid&gt;.ctl)
 *   -p, --private-key=FILE       SSL private key (or db:DB,TABLE,COLUMN)
 *   -c, --certificate=FILE       SSL certificate (or db:...)
 *   -C, --ca-cert=FILE           SSL CA certificate (or db:...)
 *   --bootstrap-ca-cert=FILE     taken as --ca-cert
 *   --no-chdir, --monitor, --overwrite-pidfile, --disable-file-column-diff,
 *   --ssl-protocols=, --ssl-ciphers=   accepted for OVS's scripts
 *   -h, --help / -V, --version
 * </pre>
 *
 * {@code --detach} is handled by the {@code jvs-ovsdb-server} script (a JVM cannot fork).
 */
public record ServerOptions(List<Path> databases, List<String> remotes, boolean pidfile, Path pidfilePath,
                            Path unixctlPath, String privateKey, String certificate, String caCert,
                            boolean help, boolean version) {

    public static final String USAGE = """
            ovsdb-server (jvswitch): an Open vSwitch database server
            usage: ovsdb-server [OPTIONS] [DATABASE...]
            where each DATABASE is a database file in ovsdb format.
            The default DATABASE, if none is given, is $OVS_DBDIR/conf.db.

            JSON-RPC options (may be specified any number of times):
              --remote=REMOTE         connect or listen to REMOTE
            Active JSON-RPC connection methods:
              tcp:HOST:PORT           PORT at remote HOST
              ssl:HOST:PORT           SSL PORT at remote HOST
              unix:FILE               Unix domain socket named FILE
            Passive JSON-RPC connection methods:
              ptcp:PORT[:IP]          listen to TCP PORT on IP
              pssl:PORT[:IP]          listen for SSL on PORT on IP
              punix:FILE              listen on Unix domain socket FILE
              db:DB,TABLE,COLUMN      the remotes named in COLUMN of TABLE in DB
            PKI configuration (required to use SSL):
              -p, --private-key=FILE  file with private key
              -c, --certificate=FILE  file with certificate for private key
              -C, --ca-cert=FILE      file with peer CA certificate
            Daemon options:
              --detach                run in background as daemon (jvs-ovsdb-server)
              --pidfile[=FILE]        create pidfile (default: $OVS_RUNDIR/ovsdb-server.pid)
              --unixctl=SOCKET        override default control socket name
            Logging options:
              -vSPEC, --verbose=SPEC   set logging levels
              -v, --verbose            set maximum verbosity level
              --log-file[=FILE]        enable logging to specified FILE
              --syslog-target=HOST:PORT  also send syslog msgs to HOST:PORT via UDP
            Other options:
              -h, --help              display this help message
              -V, --version           display version information
            """;

    /** @throws IllegalArgumentException with a one-line reason for a bad option */
    public static ServerOptions parse(List<String> args) {
        List<Path> dbs = new ArrayList<>();
        List<String> remotes = new ArrayList<>();
        boolean pidfile = false;
        Path pidfilePath = null;
        Path unixctl = null;
        String key = null;
        String cert = null;
        String ca = null;
        boolean help = false;
        boolean version = false;
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            String[] kv = a.startsWith("--") && a.contains("=") ? a.split("=", 2) : new String[] {a, null};
            String name = kv[0];
            String value = kv[1];
            boolean takesValue = switch (name) {
                case "--remote", "--unixctl", "-p", "--private-key", "-c", "--certificate", "-C", "--ca-cert",
                     "--bootstrap-ca-cert", "--ssl-protocols", "--ssl-ciphers", "--user" -> true;
                default -> false;
            };
            if (takesValue && value == null) {
                if (i + 1 >= args.size()) {
                    throw new IllegalArgumentException("option '" + name + "' requires an argument");
                }
                value = args.get(++i);
            }
            switch (name) {
                case "--remote" -> {
                    RemoteSpec.parse(value);
                    remotes.add(value);
                }
                case "--pidfile" -> {
                    pidfile = true;
                    pidfilePath = value != null ? Path.of(value) : null;
                }
                case "--unixctl" -> unixctl = Path.of(value);
                case "-p", "--private-key" -> key = value;
                case "-c", "--certificate" -> cert = value;
                case "-C", "--ca-cert", "--bootstrap-ca-cert" -> ca = value;
                case "--no-chdir", "--monitor", "--overwrite-pidfile", "--disable-file-column-diff",
                     "--ssl-protocols", "--ssl-ciphers", "--user" -> {
                }
                case "--detach" -> throw new IllegalArgumentException("--detach is not supported by the JVM itself"
                        + " (a JVM cannot fork): run it through the jvs-ovsdb-server script");
                case "-h", "--help" -> help = true;
                case "-V", "--version" -> version = true;
                default -> {
                    if (a.startsWith("-")) {
                        throw new IllegalArgumentException("unrecognized option '" + a + "' (use --help for help)");
                    }
                    dbs.add(Path.of(a));
                }
            }
        }
        return new ServerOptions(List.copyOf(dbs), List.copyOf(remotes), pidfile, pidfilePath, unixctl, key, cert, ca,
                help, version);
    }
}
