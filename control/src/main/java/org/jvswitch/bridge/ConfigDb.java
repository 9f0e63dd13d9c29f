package org.jvswitch.bridge;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import org.jvswitch.jsonrpc.JsonRpcMessage;
import org.jvswitch.ovsdb.client.OvsdbClient;
import org.jvswitch.ovsdb.server.LocalClient;
import org.jvswitch.ovsdb.server.OvsdbServer;
import org.jvswitch.vlog.Vlog;
import org.slf4j.Logger;

/**
 * The switch's session with its Open_vSwitch database: the embedded server (an in-process
 * {@link LocalClient}) or a remote one ({@code unix:PATH} / {@code tcp:IP:PORT}, reconnected with
 * backoff when it goes away). It monitors the configuration columns the switch reads and hands
 * every change, in order, to the bridge thread; and it runs the switch's status transactions.
 *
 * <p>On (re)connection the monitor's initial contents replace the replica as a whole
 * ({@code onSnapshot}); later notifications are deltas ({@code onUpdate}). Both callbacks run
 * on the {@code executor} given, the bridge thread.
 */
public final class ConfigDb implements AutoCloseable {
    private static final Logger LOG = Vlog.module("bridge");
    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    public static final String DB = "Open_vSwitch";
    private static final String MONITOR_ID = "jvs-bridge";
    private static final long MAX_BACKOFF_MS = 8000;

    /** The columns the switch configures itself from, per table. */
    static final Map<String, List<String>> MONITORED = Map.of(
            "Open_vSwitch", List.of("bridges", "other_config", "next_cfg", "cur_cfg", "datapaths", "ssl"),
            "SSL", List.of("private_key", "certificate", "ca_cert"),
            "Bridge", List.of("name", "ports", "datapath_type", "fail_mode", "stp_enable", "rstp_enable",
                    "other_config", "controller", "protocols", "flood_vlans"),
            "Port", List.of("name", "interfaces", "tag", "trunks", "vlan_mode", "other_config", "bond_mode",
                    "fake_bridge"),
            "Interface", List.of("name", "type", "options", "mtu_request", "ofport_request", "other_config", "mac",
                    "ofport"),
            "Controller", List.of("target", "max_backoff", "inactivity_probe", "connection_mode",
                    "controller_rate_limit", "controller_burst_limit", "enable_async_messages", "other_config"));

    private interface Session {
        CompletableFuture<JsonRpcMessage> request(String method, ArrayNode params);

        boolean isOpen();

        void close();
    }

    private final OvsdbServer embedded;
    private final String remote;
    private final Executor executor;
    private final Consumer<JsonNode> onSnapshot;
    private final Consumer<JsonNode> onUpdate;
    private volatile Session session;
    private long backoffMs = 1000;
    private long nextAttemptMs;
    private boolean connectedLogged;

    private ConfigDb(OvsdbServer embedded, String remote, Executor executor, Consumer<JsonNode> onSnapshot,
                     Consumer<JsonNode> onUpdate) {
        this.embedded = embedded;
        this.remote = remote;
        this.executor = executor;
        this.onSnapshot = onSnapshot;
        this.onUpdate = onUpdate;
    }

    /** A session with the embedded server. */
    public static ConfigDb embedded(OvsdbServer server, Executor executor, Consumer<JsonNode> onSnapshot,
                                    Consumer<JsonNode> onUpdate) {
        return new ConfigDb(server, null, executor, onSnapshot, onUpdate);
    }

    /** A session with a remote server at {@code unix:PATH} or {@code tcp:IP:PORT}. */
    public static ConfigDb remote(String remote, Executor executor, Consumer<JsonNode> onSnapshot,
                                  Consumer<JsonNode> onUpdate) {
        if (!remote.startsWith("unix:") && !remote.startsWith("tcp:")) {
            throw new IllegalArgumentException(remote + ": the database must be unix:PATH or tcp:IP:PORT");
        }
        return new ConfigDb(null, remote, executor, onSnapshot, onUpdate);
    }

    /** Where the configuration comes from, for logs and status. */
    public String target() {
        return embedded != null ? "embedded" : remote;
    }

    public boolean isConnected() {
        Session s = session;
        return s != null && s.isOpen();
    }

    /** (Re)connects when there is no live session and the backoff allows. Bridge thread. */
    public void poll(long nowMs) {
        if (isConnected() || nowMs < nextAttemptMs) {
            return;
        }
        Session s;
        try {
            s = open();
        } catch (IOException | RuntimeException e) {
            if (!connectedLogged) {
                LOG.warn("{}: database connection failed ({}); retrying", remote, e.getMessage());
                connectedLogged = true;
            }
            nextAttemptMs = nowMs + backoffMs;
            backoffMs = Math.min(MAX_BACKOFF_MS, backoffMs * 2);
            return;
        }
        session = s;
        backoffMs = 1000;
        connectedLogged = false;
        LOG.info("{}: connected", target());
        s.request("monitor", monitorParams()).thenAccept(reply -> executor.execute(() -> {
            if (reply.type() == JsonRpcMessage.Type.REPLY) {
                onSnapshot.accept(reply.result());
            } else {
                LOG.error("{}: monitor refused: {}", target(), reply.error());
            }
        }));
    }

    private Session open() throws IOException {
        Consumer<JsonRpcMessage> notifications = m -> {
            if ("update".equals(m.method()) && m.params() != null && m.params().size() == 2) {
                JsonNode updates = m.params().get(1);
                executor.execute(() -> onUpdate.accept(updates));
            }
        };
        if (embedded != null) {
            LocalClient c = embedded.connect(notifications);
            return new Session() {
                private volatile boolean open = true;

                @Override
                public CompletableFuture<JsonRpcMessage> request(String method, ArrayNode params) {
                    return c.request(method, params);
                }

                @Override
                public boolean isOpen() {
                    return open;
                }

                @Override
                public void close() {
                    open = false;
                    c.close();
                }
            };
        }
        OvsdbClient c = OvsdbClient.connect(remote, notifications);
        return new Session() {
            @Override
            public CompletableFuture<JsonRpcMessage> request(String method, ArrayNode params) {
                return c.request(method, params);
            }

            @Override
            public boolean isOpen() {
                return !c.isClosed();
            }

            @Override
            public void close() {
                try {
                    c.close();
                } catch (IOException e) {
                    // closing anyway
                }
            }
        };
    }

    private static ArrayNode monitorParams() {
        ObjectNode requests = F.objectNode();
        MONITORED.forEach((table, cols) -> {
            ArrayNode columns = F.arrayNode();
            cols.forEach(columns::add);
            requests.putObject(table).set("columns", columns);
        });
        ArrayNode p = F.arrayNode();
        p.add(DB);
        p.add(MONITOR_ID);
        p.add(requests);
        return p;
    }

    /**
     * Runs a transaction; completes with the results array, or exceptionally when there is no
     * session or the server refused the request.
     */
    public CompletableFuture<ArrayNode> transact(List<JsonNode> ops) {
        Session s = session;
        if (s == null || !s.isOpen()) {
            return CompletableFuture.failedFuture(new IOException("not connected to the database"));
        }
        ArrayNode p = F.arrayNode();
        p.add(DB);
        ops.forEach(p::add);
        return s.request("transact", p).thenApply(r -> {
            if (r.type() != JsonRpcMessage.Type.REPLY) {
                throw new IllegalStateException("transaction refused: " + r.error());
            }
            return (ArrayNode) r.result();
        });
    }

    @Override
    public void close() {
        Session s = session;
        session = null;
        if (s != null) {
            s.close();
        }
    }
}
