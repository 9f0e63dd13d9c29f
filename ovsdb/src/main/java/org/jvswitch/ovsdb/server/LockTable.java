package org.jvswitch.ovsdb.server;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.jvswitch.jsonrpc.JsonRpcMessage;
import org.jvswitch.ovsdb.json.OvsdbException;
import org.jvswitch.ovsdb.json.Uuids;

import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The server's named locks (RFC 7047 4.1.8-4.1.11): {@code lock} joins a lock's queue (the head
 * owns it), {@code steal} jumps to the head and tells the previous owner it was
 * {@code stolen}, {@code unlock} leaves the queue and tells the next in line it is now
 * {@code locked}. A session may ask for each lock once until it unlocks it. Engine thread only.
 */
final class LockTable {

    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    /** One session's interest in one lock. */
    static final class Waiter {
        final Session session;
        final Lock lock;

        Waiter(Session session, Lock lock) {
            this.session = session;
            this.lock = lock;
        }

        boolean isOwner() {
            return lock.queue.peekFirst() == this;
        }
    }

    static final class Lock {
        final String name;
        final ArrayDeque<Waiter> queue = new ArrayDeque<>();

        Lock(String name) {
            this.name = name;
        }
    }

    private final Map<String, Lock> locks = new HashMap<>();
    /** Where notifications and replies go, in order with everything else the engine sends. */
    private final Outbox outbox;

    LockTable(Outbox outbox) {
        this.outbox = outbox;
    }

    /** Handles lock, steal or unlock; returns the reply. */
    JsonRpcMessage handle(Session s, JsonRpcMessage req) {
        String method = req.method();
        ArrayNode params = req.params();
        if (params.size() != 1 || !params.get(0).isTextual() || !Uuids.isId(params.get(0).textValue())) {
            throw OvsdbException.syntax(params, method + " request params must be <id>");
        }
        String name = params.get(0).textValue();
        Waiter w = s.locks.get(name);
        switch (method) {
            case "lock", "steal" -> {
                if (w != null) {
                    throw OvsdbException.syntax(params, "must issue \"unlock\" before new \"" + method + "\"");
                }
                Lock lock = locks.computeIfAbsent(name, Lock::new);
                w = new Waiter(s, lock);
                s.locks.put(name, w);
                if (method.equals("lock")) {
                    lock.queue.addLast(w);
                } else {
                    Waiter victim = lock.queue.peekFirst();
                    lock.queue.addFirst(w);
                    if (victim != null) {
                        notify(victim.session, "stolen", name);
                    }
                }
                ObjectNode r = F.objectNode();
                r.put("locked", w.isOwner());
                return JsonRpcMessage.reply(r, req.id());
            }
            default -> {
                if (w == null) {
                    throw OvsdbException.syntax(params, "unlock: \"unlock\" without \"lock\" or \"steal\"");
                }
                release(w);
                return JsonRpcMessage.reply(F.objectNode(), req.id());
            }
        }
    }

    /** Releases every lock of an ended session. */
    void endSession(Session s) {
        for (Waiter w : List.copyOf(s.locks.values())) {
            release(w);
        }
    }

    private void release(Waiter w) {
        boolean wasOwner = w.isOwner();
        w.session.locks.remove(w.lock.name);
        w.lock.queue.remove(w);
        if (w.lock.queue.isEmpty()) {
            locks.remove(w.lock.name);
        } else if (wasOwner) {
            notify(w.lock.queue.peekFirst().session, "locked", w.lock.name);
        }
    }

    private void notify(Session s, String method, String name) {
        ArrayNode p = F.arrayNode();
        p.add(name);
        outbox.send(s, JsonRpcMessage.notify(method, p));
    }

    /** Number of locks held or waited for, for memory/show. */
    int size() {
        return locks.size();
    }

    /** Sends a message to a session in order with the engine's other output. */
    interface Outbox {
        void send(Session s, JsonRpcMessage m);
    }
}
