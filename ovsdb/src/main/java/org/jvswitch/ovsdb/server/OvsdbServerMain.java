package org.jvswitch.ovsdb.server;

import org.jvswitch.daemon.Pidfile;
import org.jvswitch.daemon.PidfileException;
import org.jvswitch.daemon.RunDirs;
import org.jvswitch.unixctl.UnixctlServer;
import org.jvswitch.vlog.Vlog;
import org.jvswitch.vlog.VlogOptions;
import org.jvswitch.vlog.VlogSpecException;
import org.slf4j.Logger;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;

/**
 * {@code jvs-ovsdb-server}: jvswitch's OVSDB server as a process of its own, with
 * ovsdb-server's options, pidfile and unixctl socket, so OVS's scripts and {@code ovs-appctl -t
 * ovsdb-server} work with it. Bad options, a server already running, or a database that cannot
 * be opened end the program with one line on stderr and status 1.
 */
public final class OvsdbServerMain {

    public static final String PROGRAM = "ovsdb-server";
    /** vlog modules of the server, declared up front so -v specs may name them. */
    private static final String[] MODULES = {"ovsdb_server", "ovsdb_jsonrpc_server", "ovsdb_engine", "ovsdb_file",
        "reconnect", "unixctl"};

    private OvsdbServerMain() {
    }

    public static void main(String[] args) {
        int status;
        try {
            status = run(args);
        } catch (RuntimeException | LinkageError e) {
            System.err.println(PROGRAM + ": internal error: " + e);
            status = 1;
        }
        System.exit(status);
    }

    /** The jvswitch version, from the build. */
    public static String jvswitchVersion() {
        try (InputStream in = OvsdbServerMain.class.getResourceAsStream("/org/jvswitch/ovsdb/version.properties")) {
            Properties p = new Properties();
            if (in != null) {
                p.load(in);
            }
            return p.getProperty("version", "unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }

    static String banner() {
        return PROGRAM + " (Open vSwitch) 3.1.0\njvswitch " + jvswitchVersion() + "\n";
    }

    static int run(String[] args) {
        RunDirs dirs = RunDirs.fromEnv();
        VlogOptions vlog;
        ServerOptions opts;
        try {
            vlog = VlogOptions.parse(PROGRAM, dirs, args);
            opts = ServerOptions.parse(vlog.remainingArgs());
        } catch (IllegalArgumentException e) {
            return fail(e.getMessage());
        }
        if (opts.help()) {
            System.out.print(ServerOptions.USAGE);
            return 0;
        }
        if (opts.version()) {
            System.out.print(banner());
            return 0;
        }
        Vlog.declareModules(MODULES);
        try {
            vlog.apply();
        } catch (VlogSpecException | IOException e) {
            return fail(e.getMessage());
        }
        Logger log = Vlog.module("ovsdb_server");
        List<Path> dbs = opts.databases().isEmpty() ? List.of(dirs.dbdir().resolve("conf.db")) : opts.databases();
        CountDownLatch exit = new CountDownLatch(1);
        Pidfile pidfile = null;
        UnixctlServer unixctl = null;
        OvsdbServer server = null;
        try {
            if (opts.pidfile()) {
                pidfile = opts.pidfilePath() != null ? Pidfile.create(opts.pidfilePath(), PROGRAM)
                        : Pidfile.create(dirs, PROGRAM);
            }
            OvsdbServerBuilder b = OvsdbServer.builder().ssl(opts.privateKey(), opts.certificate(), opts.caCert());
            dbs.forEach(b::database);
            opts.remotes().forEach(b::remote);
            server = b.start();
            // The control socket last: once it answers, the databases are open and the remotes
            // listen (what jvs-ovsdb-server --detach waits for, like ovsdb-server --detach).
            Path socket = opts.unixctlPath() != null ? opts.unixctlPath()
                    : dirs.unixctlSocket(PROGRAM, ProcessHandle.current().pid());
            unixctl = UnixctlServer.start(socket, banner(), exit::countDown);
            server.registerCommands(unixctl);
        } catch (PidfileException e) {
            closeAll(server, unixctl, null);
            return fail(e.getMessage());
        } catch (IOException | RuntimeException e) {
            closeAll(server, unixctl, pidfile);
            return fail(e.getMessage());
        }
        log.info("{} (jvswitch {}) started", PROGRAM, jvswitchVersion());
        OvsdbServer s = server;
        UnixctlServer u = unixctl;
        Pidfile p = pidfile;
        Runtime.getRuntime().addShutdownHook(Thread.ofPlatform().unstarted(() -> closeAll(s, u, p)));
        try {
            exit.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        closeAll(server, unixctl, pidfile);
        return 0;
    }

    private static synchronized void closeAll(OvsdbServer server, UnixctlServer unixctl, Pidfile pidfile) {
        if (server != null) {
            server.close();
        }
        if (unixctl != null) {
            unixctl.close();
        }
        if (pidfile != null) {
            try {
                pidfile.close();
            } catch (IOException e) {
                System.err.println(PROGRAM + ": removing pidfile: " + e.getMessage());
            }
        }
    }

    private static int fail(String message) {
        System.err.println(PROGRAM + ": " + message);
        return 1;
    }
}
