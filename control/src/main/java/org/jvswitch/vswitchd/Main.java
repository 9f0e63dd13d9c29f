package org.jvswitch.vswitchd;

import java.io.IOException;
import java.util.List;
import org.jvswitch.daemon.Pidfile;
import org.jvswitch.daemon.PidfileException;
import org.jvswitch.daemon.RunDirs;
import org.jvswitch.dpdk.Eal;
import org.jvswitch.vlog.Vlog;
import org.jvswitch.vlog.VlogOptions;
import org.jvswitch.vlog.VlogSpecException;

/**
 * ovs-vswitchd's entry point. Bad input on the command line, a switch already running, or a
 * control socket that cannot be created each end the program with one line on stderr and exit
 * status 1; everything after start-up keeps the daemon running.
 */
public final class Main {
    /** vlog modules of the switch, declared up front so -v specs may name them. */
    private static final String[] MODULES = {"vswitchd", "dpdk", "netdev_dpdk", "dpif_netdev", "dpctl", "unixctl",
        "bridge", "stp", "ofproto_dpif_upcall", "ovsdb_server", "ovsdb_jsonrpc_server", "ovsdb_engine", "ovsdb_file",
        "reconnect"};

    private Main() {
    }

    public static void main(String[] args) {
        int status;
        try {
            status = run(args);
        } catch (RuntimeException | LinkageError e) {
            System.err.println(Vswitchd.PROGRAM + ": internal error: " + e);
            status = 1;
        }
        System.exit(status);
    }

    static int run(String[] args) {
        RunDirs dirs = RunDirs.fromEnv();
        VswitchdOptions opts;
        VlogOptions vlog;
        try {
            vlog = VlogOptions.parse(Vswitchd.PROGRAM, dirs, args);
            opts = VswitchdOptions.parse(vlog.remainingArgs());
        } catch (IllegalArgumentException e) {
            return fail(e.getMessage());
        }
        if (opts.help()) {
            System.out.print(VswitchdOptions.USAGE);
            return 0;
        }
        if (opts.version()) {
            System.out.print(Version.banner(Vswitchd.PROGRAM, Eal.version()));
            return 0;
        }
        Vlog.declareModules(MODULES);
        try {
            vlog.apply();
        } catch (VlogSpecException | IOException e) {
            return fail(e.getMessage());
        }
        Pidfile pidfile = null;
        Vswitchd vswitchd = new Vswitchd(dirs, opts);
        try {
            if (opts.pidfile()) {
                pidfile = opts.pidfilePath() != null ? Pidfile.create(opts.pidfilePath(), Vswitchd.PROGRAM)
                        : Pidfile.create(dirs, Vswitchd.PROGRAM);
            }
            vswitchd.start();
        } catch (PidfileException e) {
            vswitchd.close();
            return fail(e.getMessage());
        } catch (IOException e) {
            vswitchd.close();
            closeQuietly(pidfile);
            return fail("cannot start: " + e.getMessage());
        }
        Pidfile held = pidfile;
        Thread hook = Thread.ofPlatform().unstarted(() -> {
            vswitchd.close();
            closeQuietly(held);
        });
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            vswitchd.awaitExit();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        vswitchd.close();
        closeQuietly(pidfile);
        return 0;
    }

    private static int fail(String message) {
        System.err.println(Vswitchd.PROGRAM + ": " + message);
        return 1;
    }

    private static void closeQuietly(Pidfile p) {
        if (p != null) {
            try {
                p.close();
            } catch (IOException e) {
                System.err.println(Vswitchd.PROGRAM + ": removing pidfile: " + e.getMessage());
            }
        }
    }

    /** Test hook: parse only. */
    static VswitchdOptions parse(List<String> args) {
        return VswitchdOptions.parse(args);
    }
}
