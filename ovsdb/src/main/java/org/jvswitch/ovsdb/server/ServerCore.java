package org.jvswitch.ovsdb.server;

import org.jvswitch.jsonrpc.JsonRpcMessage;
import org.jvswitch.ovsdb.db.Commit;
import org.jvswitch.ovsdb.db.Engine;
import org.jvswitch.ovsdb.json.Uuids;
import org.jvswitch.ovsdb.storage.CommitLog;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.BiConsumer;

/**
 * The state the server's engine-side services share: the engine and storage threads, the
 * databases, the sessions and the locks.
 *
 * <p>Threads: everything here belongs to the engine thread except {@link #hostsView} (an
 * immutable copy for connection threads answering {@code list_dbs} and {@code get_schema}) and
 * the final references.
 */
final class ServerCore {

    final Engine engine;
    final CommitLog log;
    final UUID serverId = Uuids.random();
    /** Databases by name, in the order added; engine thread. */
    final Map<String, DbHost> hosts = new LinkedHashMap<>();
    /** Copy of {@link #hosts} for other threads, replaced whenever a database comes or goes. */
    volatile Map<String, DbHost> hostsView = Map.of();
    /** Open sessions; engine thread. */
    final Set<Session> sessions = new LinkedHashSet<>();
    final LockTable locks;
    /** Told about every commit that changed something (after it is applied); engine thread. */
    final List<BiConsumer<DbHost, Commit>> commitListeners = new ArrayList<>();

    ServerCore(Engine engine, CommitLog log) {
        this.engine = engine;
        this.log = log;
        this.locks = new LockTable(this::send);
    }

    /** Sends {@code m} to {@code s} after everything the engine queued before it. Engine thread. */
    void send(Session s, JsonRpcMessage m) {
        log.ack(() -> s.send(m));
    }

    void publishHosts() {
        hostsView = Collections.unmodifiableMap(new LinkedHashMap<>(hosts));
    }
}
