package org.jvswitch.ovsdb.server;

import com.fasterxml.jackson.databind.JsonNode;
import org.jvswitch.jsonrpc.JsonRpcMessage;
import org.jvswitch.ovsdb.db.LockChecker;
import org.jvswitch.ovsdb.monitor.Monitor;
import org.jvswitch.ovsdb.monitor.Subscriber;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Executor;

/**
 * One client's session: its connection, monitors, locks and blocked transactions.
 *
 * <p>Threads: the monitor, lock and trigger maps belong to the engine thread (every method that
 * touches them runs there); {@link #changeAware} is set from the connection's thread and read by
 * the engine. Messages go out through {@link #send} from any thread, in order.
 */
public final class Session implements Subscriber, LockChecker {

    private final Connection connection;
    /** Monitors by id; engine thread. */
    final Map<JsonNode, Monitor> monitors = new HashMap<>();
    /** Locks asked for, by name; engine thread. */
    final Map<String, LockTable.Waiter> locks = new HashMap<>();
    /** Transactions blocked in a wait, by request id; engine thread. */
    final Map<JsonNode, Triggers.Trigger> triggers = new LinkedHashMap<>();
    /** Set by set_db_change_aware. */
    volatile boolean changeAware;
    /** Set on the engine thread when the session has ended. */
    boolean ended;

    Session(Connection connection) {
        this.connection = connection;
    }

    public Connection connection() {
        return connection;
    }

    @Override
    public Executor executor() {
        return connection.executor();
    }

    @Override
    public void send(JsonRpcMessage message) {
        connection.send(message);
    }

    @Override
    public boolean isOpen() {
        return connection.isOpen();
    }

    /** Engine thread: does this session own lock {@code name}? */
    @Override
    public boolean holds(String name) {
        LockTable.Waiter w = locks.get(name);
        return w != null && w.isOwner();
    }

    public String name() {
        return connection.name();
    }

    @Override
    public String toString() {
        return connection.name();
    }
}
