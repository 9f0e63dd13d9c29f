package org.jvswitch.ovsdb.server;

import org.jvswitch.daemon.Pidfile;
import org.jvswitch.daemon.RunDirs;
import org.jvswitch.unixctl.UnixctlServer;

import java.io.IOException;
import java.nio.file.Path;

/**
 * The OVSDB server as the switch embeds it, set up the way OVS's {@code ovs-ctl} starts
 * ovsdb-server, so the switch's host looks like an OVS host to every tool:
 *
 * <ul>
 * <li>database {@code <dbdir>/conf.db}, created from jvswitch's Open_vSwitch schema if missing;</li>
 * <li>remotes {@code punix:<rundir>/db.sock} and {@code db:Open_vSwitch,Open_vSwitch,manager_options},
 *     SSL files from the {@code SSL} table;</li>
 * <li>a pidfile {@code <rundir>/ovsdb-server.pid} and control socket
 *     {@code <rundir>/ovsdb-server.<pid>.ctl} of its own, so {@code ovs-appctl -t ovsdb-server}
 *     reaches it ({@code ovsdb-server/compact}, {@code list-remotes}, {@code memory/show}, ...).</li>
 * </ul>
 *
 * <pre>{@code
 * EmbeddedOvsdb ovsdb = EmbeddedOvsdb.start(dirs, exit::countDown);
 * LocalClient config = ovsdb.server().connect(update -> ...);   // the switch's own session
 * ...
 * ovsdb.close();
 * }</pre>
 *
 * <p>Threads: start and close from the switch's main thread.
 */
public final class EmbeddedOvsdb implements AutoCloseable {

    private final OvsdbServer server;
    private final UnixctlServer unixctl;
    private final Pidfile pidfile;

    private EmbeddedOvsdb(OvsdbServer server, UnixctlServer unixctl, Pidfile pidfile) {
        this.server = server;
        this.unixctl = unixctl;
        this.pidfile = pidfile;
    }

    /**
     * Starts the server in {@code dirs}.
     *
     * @param exitHook what {@code ovs-appctl -t ovsdb-server exit} does (null: nothing; the
     *                 database lives as long as the switch)
     * @throws IOException if the database cannot be opened, the socket cannot listen, or an
     *                     ovsdb-server already runs in {@code dirs}
     */
    public static EmbeddedOvsdb start(RunDirs dirs, Runnable exitHook) throws IOException {
        return start(dirs, dirs.dbdir().resolve("conf.db"), exitHook);
    }

    /** As {@link #start(RunDirs, Runnable)} with database file {@code db}. */
    public static EmbeddedOvsdb start(RunDirs dirs, Path db, Runnable exitHook) throws IOException {
        Pidfile pidfile = Pidfile.create(dirs, OvsdbServerMain.PROGRAM);
        UnixctlServer unixctl = null;
        try {
            unixctl = UnixctlServer.start(dirs.unixctlSocket(OvsdbServerMain.PROGRAM, ProcessHandle.current().pid()),
                    OvsdbServerMain.banner(), exitHook != null ? exitHook : () -> { });
            OvsdbServer server = OvsdbServer.builder()
                    .database(db, OvsdbServer.vswitchSchema())
                    .remote("punix:" + dirs.rundir().resolve("db.sock"))
                    .remote("db:Open_vSwitch,Open_vSwitch,manager_options")
                    .ssl("db:Open_vSwitch,SSL,private_key", "db:Open_vSwitch,SSL,certificate",
                            "db:Open_vSwitch,SSL,ca_cert")
                    .unixctl(unixctl)
                    .start();
            return new EmbeddedOvsdb(server, unixctl, pidfile);
        } catch (IOException | RuntimeException e) {
            if (unixctl != null) {
                unixctl.close();
            }
            pidfile.close();
            throw e;
        }
    }

    public OvsdbServer server() {
        return server;
    }

    /** Stops the server, its control socket and pidfile. */
    @Override
    public void close() {
        server.close();
        unixctl.close();
        try {
            pidfile.close();
        } catch (IOException e) {
            // the process is going away; a stale pidfile is harmless (it is unlocked)
        }
    }
}
