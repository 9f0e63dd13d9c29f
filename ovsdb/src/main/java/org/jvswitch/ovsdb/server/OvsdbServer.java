package org.jvswitch.ovsdb.server;

import org.jvswitch.jsonrpc.JsonRpcDecoder;
import org.jvswitch.jsonrpc.JsonRpcMessage;
import org.jvswitch.ovsdb.db.Database;
import org.jvswitch.ovsdb.db.Engine;
import org.jvswitch.ovsdb.schema.DatabaseSchema;
import org.jvswitch.ovsdb.storage.CommitLog;
import org.jvswitch.ovsdb.storage.DbFile;
import org.jvswitch.unixctl.UnixctlServer;
import org.jvswitch.vlog.Vlog;
import org.slf4j.Logger;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;

/**
 * jvswitch's OVSDB server: any number of databases (each an OVS standalone file), the
 * {@code _Server} database, remotes, and OVS's unixctl commands. Embedded in the switch or run
 * alone by {@link OvsdbServerMain}.
 *
 * <pre>{@code
 * OvsdbServer server = OvsdbServer.builder()
 *         .database(dirs.dbdir().resolve("conf.db"), OvsdbServer.vswitchSchema())  // created if missing
 *         .remote("punix:" + dirs.rundir().resolve("db.sock"))
 *         .remote("db:Open_vSwitch,Open_vSwitch,manager_options")
 *         .ssl("db:Open_vSwitch,SSL,private_key", "db:Open_vSwitch,SSL,certificate",
 *              "db:Open_vSwitch,SSL,ca_cert")
 *         .unixctl(unixctl)                  // registers ovsdb-server/* commands
 *         .start();
 * LocalClient client = server.connect(notification -> ...);  // in-process, no socket
 * ...
 * server.close();
 * }</pre>
 *
 * <p>How: connections are Netty channels ("ovsdb-io" threads) that decode requests and build
 * monitor updates; one engine thread ("ovsdb-engine") executes every transaction, monitor
 * registration and lock operation; one storage thread ("ovsdb-storage") writes and syncs the
 * files and releases replies once their commits are durable. See {@link TransactService}.
 *
 * <p>Threads: build and {@link #close} from one thread; the other methods from any.
 */
public final class OvsdbServer implements AutoCloseable, SessionHost {

    private static final Logger LOG = Vlog.module("ovsdb_server");
    /** The Open_vSwitch schema that ships with jvswitch. */
    public static final String VSWITCH_SCHEMA = "/org/jvswitch/ovsdb/vswitch.ovsschema";

    private final Engine engine = new Engine();
    private final CommitLog log;
    private final ServerCore core;
    private final TransactService transact;
    private final MonitorService monitors;
    private final RpcHandler rpc;
    private final ServerDb serverDb;
    private final Transport transport;
    private final Remotes remotes;
    private final Compactor compactor;
    /** Sessions ever opened (connections, local clients included), for metrics; any thread. */
    private final LongAdder connectionsOpened = new LongAdder();
    private boolean closed;

    OvsdbServer(OvsdbServerBuilder b) {
        this.log = new CommitLog(this::broken);
        this.core = new ServerCore(engine, log);
        this.transact = new TransactService(core);
        this.monitors = new MonitorService(core);
        this.rpc = new RpcHandler(core, transact, monitors);
        this.serverDb = new ServerDb(transact);
        this.transport = new Transport(this, b.ioThreads, b.maxMessage);
        this.remotes = new Remotes(transport, core);
        this.compactor = new Compactor(core, b.autoCompact);
    }

    /** The Open_vSwitch schema shipped with jvswitch (OVS 3.1's tables and columns). */
    public static DatabaseSchema vswitchSchema() throws IOException {
        return DatabaseSchema.fromResource(VSWITCH_SCHEMA);
    }

    public static OvsdbServerBuilder builder() {
        return new OvsdbServerBuilder();
    }

    void startUp(OvsdbServerBuilder b) throws IOException {
        await(engine.call(() -> {
            DbHost h = serverDb.host();
            core.hosts.put(ServerDb.NAME, h);
            serverDb.added(h.db());
            core.publishHosts();
            return null;
        }));
        for (Object[] d : b.databases) {
            addDatabase((Path) d[0], (DatabaseSchema) d[1]);
        }
        core.commitListeners.add((host, commit) -> remotes.afterCommit(host));
        core.commitListeners.add((host, commit) -> compactor.afterCommit(host));
        remotes.dbRemotesSetTransact(transact);
        for (String r : b.remotes) {
            remotes.add(r);
        }
        remotes.setSsl(b.privateKey, b.certificate, b.caCert);
        List<String> errors = await(remotes.reconfigure());
        if (!errors.isEmpty()) {
            throw new IOException(String.join("; ", errors));
        }
        if (b.unixctl != null) {
            registerCommands(b.unixctl);
        }
        LOG.info("serving {} on {}", databaseNames(), remotes.list());
    }

    /** Registers the ovsdb-server/* commands and memory figures on {@code unixctl}. */
    public void registerCommands(UnixctlServer unixctl) {
        ServerCommands.register(unixctl, this);
    }

    /** Opens database file {@code file} (created from {@code schema} if missing) and serves it. */
    public void addDatabase(Path file, DatabaseSchema schema) throws IOException {
        DbFile.Opened o = DbFile.open(file, schema);
        try {
            await(engine.call(() -> {
                String name = o.db().name();
                if (core.hosts.containsKey(name)) {
                    throw new IOException(file + ": a database named " + name + " is already being served");
                }
                core.hosts.put(name, new DbHost(o.db(), o.file()));
                serverDb.added(o.db());
                core.publishHosts();
                return null;
            }));
        } catch (IOException | RuntimeException e) {
            o.file().close();
            throw e;
        }
    }

    /** Stops serving database {@code name}; its monitors are cancelled. */
    public boolean removeDatabase(String name) throws IOException {
        DbFile f = await(engine.call(() -> {
            DbHost h = core.hosts.get(name);
            if (h == null || name.equals(ServerDb.NAME)) {
                return null;
            }
            monitors.cancelAll(h);
            core.hosts.remove(name);
            serverDb.removed(name);
            core.publishHosts();
            return h.file();
        }));
        if (f == null) {
            return false;
        }
        // Let anything queued for the file finish before closing it.
        CompletableFuture<Void> drained = await(engine.call(() -> {
            CompletableFuture<Void> done = new CompletableFuture<>();
            log.ack(() -> done.complete(null));
            return done;
        }));
        await(drained);
        f.close();
        return true;
    }

    private static <T> T await(CompletableFuture<T> f) throws IOException {
        try {
            return f.get(30, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            throw new IOException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted");
        } catch (TimeoutException e) {
            throw new IOException("timed out waiting for the transaction engine");
        }
    }

    /** A storage failure: reload the database from what is on disk (storage thread). */
    private void broken(DbFile file) {
        engine.submit(() -> {
            for (DbHost h : core.hosts.values()) {
                if (h.file() == file) {
                    reload(h);
                }
            }
        });
    }

    private void reload(DbHost h) {
        LOG.error("{}: reloading the database from {} after a storage failure", h.name(), h.file().path());
        monitors.cancelAll(h);
        Path path = h.file().path();
        try {
            h.file().close();
            DbFile.Opened o = DbFile.open(path, null);
            h.replace(o.db(), o.file());
            LOG.info("{}: reloaded", h.name());
        } catch (IOException e) {
            LOG.error("{}: cannot reload: {}; the database is unavailable until restart", h.name(), e.getMessage());
            core.hosts.remove(h.name());
            serverDb.removed(h.name());
            core.publishHosts();
        }
    }

    // SessionHost: connections report here.

    @Override
    public Session open(Connection c) {
        Session s = new Session(c);
        connectionsOpened.increment();
        engine.submit(() -> core.sessions.add(s));
        return s;
    }

    @Override
    public void message(Session s, JsonRpcMessage m) {
        rpc.handle(s, m);
    }

    @Override
    public void closed(Session s) {
        engine.submit(() -> endSession(s));
    }

    private void endSession(Session s) {
        if (s.ended) {
            return;
        }
        s.ended = true;
        transact.endSession(s);
        monitors.endSession(s);
        core.locks.endSession(s);
        core.sessions.remove(s);
    }

    /**
     * An in-process client; {@code notifications} receives the server's notifications (monitor
     * updates, lock notices) on the client's thread.
     */
    public LocalClient connect(Consumer<JsonRpcMessage> notifications) {
        LocalClient client = new LocalClient(notifications);
        Session[] holder = new Session[1];
        LocalConnection c = new LocalConnection(client::deliver, () -> closed(holder[0]));
        holder[0] = open(c);
        client.attach(c, holder[0], this);
        return client;
    }

    /** Names of the databases served, {@code _Server} included, sorted. */
    public List<String> databaseNames() {
        return rpc.dbNames();
    }

    /** Ports of the passive TCP and SSL remotes, by remote (what {@code ptcp:0} got). */
    public Map<String, Integer> boundPorts() throws IOException {
        return await(remotes.boundPorts());
    }

    /** Adds a remote and opens it; false if it was there already. */
    public boolean addRemote(String remote) throws IOException {
        boolean added = remotes.add(remote);
        await(remotes.reconfigure());
        return added;
    }

    /** Removes a remote and closes it (and its connections); false if there was no such remote. */
    public boolean removeRemote(String remote) throws IOException {
        boolean removed = remotes.remove(remote);
        await(remotes.reconfigure());
        return removed;
    }

    public List<String> listRemotes() {
        return remotes.list();
    }

    /** Compacts database {@code name} now; false if there is no such database with a file. */
    public boolean compact(String name) throws IOException {
        CompletableFuture<IOException> done = await(engine.call(() -> compactor.compact(core.hosts.get(name))));
        if (done == null) {
            return false;
        }
        IOException e = await(done);
        if (e != null) {
            throw e;
        }
        return true;
    }

    /** Drops every client connection (they reconnect); {@code ovsdb-server/reconnect}. */
    public void reconnectAll() {
        engine.submit(() -> core.sessions.forEach(s -> s.connection().close()));
    }

    /**
     * Read-only figures for metrics: {@code transactions} and {@code commits} (counted since the
     * server started), {@code connections} opened so far, and now: {@code sessions},
     * {@code monitors}, {@code cells}, {@code triggers}. Any thread; waits briefly for the
     * engine thread for the gauges.
     */
    public Map<String, Long> stats() throws IOException {
        Map<String, Long> out = new TreeMap<>(memory());
        out.put("transactions", transact.transactions.sum());
        out.put("commits", transact.commits.sum());
        out.put("connections", connectionsOpened.sum());
        return out;
    }

    /** Figures for memory/show. */
    Map<String, Long> memory() throws IOException {
        return await(engine.call(() -> {
            long cells = 0;
            long monitorCount = 0;
            long weak = 0;
            for (DbHost h : core.hosts.values()) {
                cells += h.db().cellCount();
                monitorCount += h.monitors.size();
                weak += h.db().weakRefTargets();
            }
            return Map.of("cells", cells, "monitors", monitorCount, "sessions", (long) core.sessions.size(),
                    "n-weak-refs", weak, "triggers", (long) transact.triggers.size());
        }));
    }

    /** Databases served and their files (for unixctl). */
    DbFile fileOf(String name) throws IOException {
        return await(engine.call(() -> {
            DbHost h = core.hosts.get(name);
            return h == null ? null : h.file();
        }));
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        remotes.close();
        transport.close();
        engine.close();
        log.close();
        for (DbHost h : core.hosts.values()) {
            if (h.file() != null) {
                try {
                    h.file().close();
                } catch (IOException e) {
                    LOG.warn("{}: closing: {}", h.file().path(), e.toString());
                }
            }
        }
        LOG.info("stopped");
    }
}
