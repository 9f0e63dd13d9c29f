package org.jvswitch.ovsdb.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Transactions blocked in a {@code wait} whose condition does not hold yet (RFC 7047 5.2.6).
 * Each is run again after every commit to its database and once at its timeout; the client can
 * give up on one with a {@code cancel} notification. Engine thread only.
 */
final class Triggers {

    /** One blocked transaction. */
    static final class Trigger {
        final Session session;
        final JsonNode id;
        final DbHost host;
        final ArrayNode params;
        final long startNanos;

        Trigger(Session session, JsonNode id, DbHost host, ArrayNode params, long startNanos) {
            this.session = session;
            this.id = id;
            this.host = host;
            this.params = params;
            this.startNanos = startNanos;
        }

        long elapsedMs(long now) {
            return (now - startNanos) / 1_000_000;
        }
    }

    private final Set<Trigger> all = new LinkedHashSet<>();

    void add(Trigger t) {
        all.add(t);
        t.session.triggers.put(t.id, t);
    }

    void remove(Trigger t) {
        all.remove(t);
        t.session.triggers.remove(t.id, t);
    }

    boolean contains(Trigger t) {
        return all.contains(t);
    }

    /** The blocked transactions on {@code host}, oldest first (a copy). */
    List<Trigger> on(DbHost host) {
        List<Trigger> out = new ArrayList<>();
        for (Trigger t : all) {
            if (t.host == host) {
                out.add(t);
            }
        }
        return out;
    }

    int size() {
        return all.size();
    }
}
