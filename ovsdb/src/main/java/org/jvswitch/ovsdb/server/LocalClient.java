package org.jvswitch.ovsdb.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import org.jvswitch.jsonrpc.JsonRpcMessage;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * An in-process OVSDB client of an embedded {@link OvsdbServer}: the same JSON-RPC methods and
 * semantics as a socket client (transactions, monitors, locks), without a socket.
 *
 * <pre>{@code
 * LocalClient c = server.connect(update -> handleUpdate(update));
 * JsonNode results = c.transact("Open_vSwitch", selectBridges).join();
 * c.request("monitor_cond", params).join();   // then updates arrive at the callback
 * }</pre>
 *
 * <p>Threads: any thread may call; replies complete the futures, and notifications reach the
 * callback, on the client's own thread, in the order the server sent them.
 */
public final class LocalClient implements AutoCloseable {

    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private final AtomicLong nextId = new AtomicLong(1);
    private final Map<Long, CompletableFuture<JsonRpcMessage>> pending = new ConcurrentHashMap<>();
    private final Consumer<JsonRpcMessage> notifications;
    private volatile LocalConnection connection;
    private volatile Session session;
    private volatile SessionHost host;

    LocalClient(Consumer<JsonRpcMessage> notifications) {
        this.notifications = notifications;
    }

    void attach(LocalConnection c, Session s, SessionHost h) {
        this.connection = c;
        this.session = s;
        this.host = h;
    }

    void deliver(JsonRpcMessage m) {
        switch (m.type()) {
            case REPLY, ERROR -> {
                CompletableFuture<JsonRpcMessage> f = m.id().canConvertToLong() ? pending.remove(m.id().longValue()) : null;
                if (f != null) {
                    f.complete(m);
                }
            }
            default -> {
                if (notifications != null) {
                    notifications.accept(m);
                }
            }
        }
    }

    /** Sends request {@code method} with {@code params}; completes with the reply or error reply. */
    public synchronized CompletableFuture<JsonRpcMessage> request(String method, ArrayNode params) {
        long id = nextId.getAndIncrement();
        CompletableFuture<JsonRpcMessage> f = new CompletableFuture<>();
        if (!connection.isOpen()) {
            f.completeExceptionally(new IllegalStateException("connection closed"));
            return f;
        }
        pending.put(id, f);
        host.message(session, JsonRpcMessage.request(method, params, id));
        return f;
    }

    /** Sends a notification (e.g. {@code cancel}). */
    public synchronized void notify(String method, ArrayNode params) {
        host.message(session, JsonRpcMessage.notify(method, params));
    }

    /**
     * Runs a transaction on {@code db}: completes with the result array (one element per
     * operation, errors included, as the protocol has them), or exceptionally if the server
     * answered with an error reply.
     */
    public CompletableFuture<ArrayNode> transact(String db, JsonNode... operations) {
        ArrayNode p = F.arrayNode();
        p.add(db);
        for (JsonNode op : operations) {
            p.add(op);
        }
        return request("transact", p).thenApply(r -> {
            if (r.type() == JsonRpcMessage.Type.ERROR) {
                throw new IllegalStateException("transact failed: " + r.error());
            }
            return (ArrayNode) r.result();
        });
    }

    /** Closes the session: its monitors and locks go, pending requests fail. */
    @Override
    public void close() {
        connection.close();
        pending.values().forEach(f -> f.completeExceptionally(new IllegalStateException("connection closed")));
        pending.clear();
    }
}
