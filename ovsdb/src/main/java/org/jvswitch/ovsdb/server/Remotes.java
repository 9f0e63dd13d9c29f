package org.jvswitch.ovsdb.server;

import io.netty.channel.Channel;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.handler.ssl.SslContext;
import io.netty.util.concurrent.GlobalEventExecutor;
import org.jvswitch.vlog.Vlog;
import org.slf4j.Logger;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * The server's remotes: those given on the command line or added with
 * {@code ovsdb-server/add-remote}, and those named by {@code db:} remotes (the {@code Manager}
 * table's targets). {@link #reconfigure} resolves the {@code db:} ones and the SSL settings on
 * the engine thread, against the committed database, then opens what is new and closes what is
 * gone on the "ovsdb-remotes" thread (binding may block). Removing a passive remote closes its
 * connections, as OVS does.
 *
 * <p>Threads: {@link #add}, {@link #remove}, {@link #list}, {@link #setSsl} from any thread; the
 * running remotes belong to the "ovsdb-remotes" thread.
 */
final class Remotes implements AutoCloseable {

    private static final Logger LOG = Vlog.module("ovsdb_server");

    /** A remote that is open. */
    private record Running(RemoteTarget target, Channel listener, ChannelGroup children, Connector connector) {
        void close() {
            if (connector != null) {
                connector.close();
            }
            if (listener != null) {
                listener.close().awaitUninterruptibly(2, TimeUnit.SECONDS);
                children.close().awaitUninterruptibly(2, TimeUnit.SECONDS);
                if (target.spec().unix()) {
                    try {
                        Files.deleteIfExists(Path.of(target.spec().path()));
                    } catch (IOException e) {
                        LOG.debug("{}: cannot remove socket: {}", target.spec().path(), e.toString());
                    }
                }
            }
        }
    }

    private final Transport transport;
    private final ServerCore core;
    private final DbRemotes dbRemotes;
    private final ExecutorService applier = Executors.newSingleThreadExecutor(
            r -> Thread.ofPlatform().name("ovsdb-remotes").daemon(true).unstarted(r));
    /** Remotes as configured, in order; guarded by this. */
    private final Set<String> configured = new LinkedHashSet<>();
    /** SSL options as given (paths or db: references); guarded by this. */
    private String privateKey;
    private String certificate;
    private String caCert;
    /** Open remotes by their text; "ovsdb-remotes" thread. */
    private final Map<String, Running> running = new LinkedHashMap<>();
    private SslConfig sslConfig;
    private SslContext serverSsl;
    private SslContext clientSsl;
    private boolean reconfigureQueued;
    /** Databases that db: settings read (commits to others need no reconfiguration). */
    private volatile Set<String> dbNames = Set.of();

    Remotes(Transport transport, ServerCore core) {
        this.transport = transport;
        this.core = core;
        this.dbRemotes = new DbRemotes(core);
    }

    void dbRemotesSetTransact(TransactService t) {
        dbRemotes.setTransact(t);
    }

    /** Adds a remote (a malformed one is reported when the remotes are next opened, as in OVS). */
    synchronized boolean add(String remote) {
        boolean added = configured.add(remote);
        settingsChanged();
        return added;
    }

    synchronized boolean remove(String remote) {
        boolean removed = configured.remove(remote);
        settingsChanged();
        return removed;
    }

    /** The configured remotes, sorted, as {@code ovsdb-server/list-remotes} prints them. */
    synchronized List<String> list() {
        List<String> out = new ArrayList<>(configured);
        out.sort(null);
        return out;
    }

    synchronized void setSsl(String key, String cert, String ca) {
        this.privateKey = key;
        this.certificate = cert;
        this.caCert = ca;
        settingsChanged();
    }

    /**
     * Brings the open remotes in line with the configuration. The future completes with the
     * problems met opening remotes configured directly (not through {@code db:}).
     */
    CompletableFuture<List<String>> reconfigure() {
        List<String> remotes;
        String key;
        String cert;
        String ca;
        synchronized (this) {
            remotes = new ArrayList<>(configured);
            key = privateKey;
            cert = certificate;
            ca = caCert;
        }
        return core.engine.call(() -> {
            reconfigureQueued = false;
            Map<String, RemoteTarget> desired = new LinkedHashMap<>();
            for (String r : remotes) {
                RemoteSpec spec;
                try {
                    spec = RemoteSpec.parse(r);
                } catch (IllegalArgumentException e) {
                    LOG.error("{}", e.getMessage());
                    continue;
                }
                if (spec.isDb()) {
                    for (RemoteTarget t : dbRemotes.resolve(spec)) {
                        desired.putIfAbsent(t.spec().text(), t);
                    }
                } else {
                    desired.putIfAbsent(r, RemoteTarget.of(spec));
                }
            }
            SslConfig ssl = null;
            String k = dbRemotes.resolveString(key);
            String c = dbRemotes.resolveString(cert);
            String a = dbRemotes.resolveString(ca);
            if (k != null && c != null && a != null) {
                ssl = new SslConfig(Path.of(k), Path.of(c), Path.of(a));
            }
            return new Object[] {desired, ssl};
        }).thenApplyAsync(o -> {
            @SuppressWarnings("unchecked")
            Map<String, RemoteTarget> desired = (Map<String, RemoteTarget>) o[0];
            return apply(desired, (SslConfig) o[1]);
        }, applier);
    }

    /** Reconfigures after a commit to a database that {@code db:} settings read, once per burst. */
    void afterCommit(DbHost host) {
        if (!reconfigureQueued && dbNames.contains(host.name())) {
            reconfigureQueued = true;
            reconfigure();
        }
    }

    /** Recomputes {@link #dbNames} from the settings; call with this locked. */
    private void settingsChanged() {
        java.util.Set<String> names = new java.util.HashSet<>();
        for (String s : remoteTexts()) {
            if (s.startsWith("db:")) {
                int comma = s.indexOf(',');
                names.add(comma > 3 ? s.substring(3, comma) : s.substring(3));
            }
        }
        dbNames = java.util.Set.copyOf(names);
    }

    private synchronized List<String> remoteTexts() {
        List<String> l = new ArrayList<>(configured);
        for (String s : new String[] {privateKey, certificate, caCert}) {
            if (s != null) {
                l.add(s);
            }
        }
        return l;
    }

    private List<String> apply(Map<String, RemoteTarget> desired, SslConfig ssl) {
        List<String> errors = new ArrayList<>();
        if (!Objects.equals(ssl, sslConfig)) {
            sslConfig = ssl;
            serverSsl = null;
            clientSsl = null;
            if (ssl != null) {
                try {
                    serverSsl = ssl.serverContext();
                    clientSsl = ssl.clientContext();
                } catch (IOException e) {
                    LOG.error("SSL configuration failed: {}", e.getMessage());
                }
            }
            // SSL remotes pick up the new configuration by being reopened.
            running.entrySet().removeIf(e -> {
                if (e.getValue().target().spec().ssl()) {
                    e.getValue().close();
                    return true;
                }
                return false;
            });
        }
        running.entrySet().removeIf(e -> {
            RemoteTarget want = desired.get(e.getKey());
            if (want == null || !want.equals(e.getValue().target())) {
                LOG.info("{}: closing remote", e.getKey());
                e.getValue().close();
                return true;
            }
            return false;
        });
        for (RemoteTarget t : desired.values()) {
            if (running.containsKey(t.spec().text())) {
                continue;
            }
            try {
                running.put(t.spec().text(), open(t));
            } catch (IOException e) {
                LOG.error("{}: {}", t.spec(), e.getMessage());
                if (t.managerDb() == null) {
                    errors.add(e.getMessage());
                }
            }
        }
        return errors;
    }

    private Running open(RemoteTarget t) throws IOException {
        RemoteSpec spec = t.spec();
        if (spec.ssl() && serverSsl == null) {
            throw new IOException(spec + ": SSL remotes need --private-key, --certificate and --ca-cert");
        }
        if (spec.passive()) {
            ChannelGroup children = new DefaultChannelGroup(GlobalEventExecutor.INSTANCE);
            Channel ch = transport.listen(spec, spec.ssl() ? serverSsl : null, t.probeMs(), children);
            if (ch.localAddress() instanceof InetSocketAddress a) {
                LOG.info("{}: listening on port {}", spec, a.getPort());
                dbRemotes.status(t, false, Map.of("state", "LISTENING", "bound_port", Integer.toString(a.getPort())));
            } else {
                LOG.info("{}: listening", spec);
            }
            return new Running(t, ch, children, null);
        }
        Connector c = new Connector(transport, t, spec.ssl() ? clientSsl : null,
                up -> dbRemotes.status(t, up, Map.of("state", up ? "ACTIVE" : "BACKOFF")));
        c.start();
        return new Running(t, null, null, c);
    }

    /** The ports passive TCP and SSL remotes listen on (useful with port 0), by remote. */
    CompletableFuture<Map<String, Integer>> boundPorts() {
        return CompletableFuture.supplyAsync(() -> {
            Map<String, Integer> out = new LinkedHashMap<>();
            running.forEach((k, r) -> {
                if (r.listener() != null && r.listener().localAddress() instanceof InetSocketAddress a) {
                    out.put(k, a.getPort());
                }
            });
            return out;
        }, applier);
    }

    @Override
    public void close() {
        try {
            applier.submit(() -> {
                running.values().forEach(Running::close);
                running.clear();
            }).get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            LOG.warn("closing remotes: {}", e.toString());
        }
        applier.shutdownNow();
    }
}
