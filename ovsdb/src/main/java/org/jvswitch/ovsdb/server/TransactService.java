package org.jvswitch.ovsdb.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import org.jvswitch.coverage.Coverage;
import org.jvswitch.coverage.CoverageCounter;
import org.jvswitch.jsonrpc.JsonRpcMessage;
import org.jvswitch.ovsdb.db.Commit;
import org.jvswitch.ovsdb.db.Executor;
import org.jvswitch.ovsdb.json.OvsdbException;
import org.jvswitch.ovsdb.json.Uuids;
import org.jvswitch.ovsdb.monitor.Monitor;
import org.jvswitch.ovsdb.monitor.MonitorVersion;
import org.jvswitch.ovsdb.monitor.Updates;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.BiConsumer;

/**
 * {@code transact} (RFC 7047 4.1.3) and {@code cancel} (4.1.4), on the engine thread: runs the
 * transaction, queues its commit for the database file and, once it is durable, sends each
 * monitor its update and the client its reply, in that order, as ovsdb-server does. A
 * transaction blocked in a {@code wait} becomes a trigger, run again after each commit to its
 * database and at its timeout.
 */
final class TransactService {

    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    private static final CoverageCounter TXNS = Coverage.counter("txn_commit");
    private static final CoverageCounter TRIGGERS = Coverage.counter("txn_trigger_retry");

    private final ServerCore core;
    final Triggers triggers = new Triggers();
    /** Transactions executed (read-only ones and failed ones too), for metrics; any thread reads. */
    final LongAdder transactions = new LongAdder();
    /** Transactions that committed a change, for metrics. */
    final LongAdder commits = new LongAdder();

    TransactService(ServerCore core) {
        this.core = core;
    }

    /** Handles a transact request. */
    void transact(Session s, JsonRpcMessage req) {
        ArrayNode params = req.params();
        if (params.isEmpty() || !params.get(0).isTextual()) {
            throw OvsdbException.syntax(params, "transact request params must begin with <db-name>");
        }
        DbHost host = core.hosts.get(params.get(0).textValue());
        if (host == null) {
            throw OvsdbException.syntax(params, "unknown database", "transact request specifies unknown database "
                    + params.get(0).textValue());
        }
        if (s.triggers.containsKey(req.id())) {
            throw OvsdbException.syntax(req.id(), "duplicate request ID");
        }
        transactions.increment();
        run(s, req.id(), host, params, System.nanoTime(), null);
    }

    private void run(Session s, JsonNode id, DbHost host, ArrayNode params, long start, Triggers.Trigger trigger) {
        long now = System.nanoTime();
        long elapsed = (now - start) / 1_000_000;
        Executor.Outcome out = Executor.execute(host.db(), params, s, elapsed, Uuids.random(), System.currentTimeMillis());
        if (out.blocked()) {
            if (trigger == null) {
                Triggers.Trigger t = new Triggers.Trigger(s, id, host, params, start);
                triggers.add(t);
                if (out.timeoutMs() != Long.MAX_VALUE) {
                    long delay = Math.max(0, out.timeoutMs() - elapsed);
                    core.engine.schedule(delay, () -> timeout(t));
                }
            }
            return;
        }
        if (trigger != null) {
            triggers.remove(trigger);
        }
        finish(s, id, host, out);
    }

    private void timeout(Triggers.Trigger t) {
        if (triggers.contains(t)) {
            run(t.session, t.id, t.host, t.params, t.startNanos, t);
        }
    }

    private void finish(Session s, JsonNode id, DbHost host, Executor.Outcome out) {
        JsonRpcMessage reply = JsonRpcMessage.reply(out.results(), id);
        Commit commit = out.commit();
        if (commit == null || commit.isEmpty()) {
            core.send(s, reply);
            return;
        }
        TXNS.inc();
        commits.increment();
        publish(host, commit, () -> s.send(reply), () -> s.send(JsonRpcMessage.reply(ioError(out.results()), id)));
        retryTriggers(host);
    }

    /**
     * Records a commit made on {@code host}: history, listeners, and, once durable, the monitors'
     * updates followed by {@code then} ({@code failed} instead if it cannot be made durable).
     */
    void publish(DbHost host, Commit commit, Runnable then, Runnable failed) {
        host.history.add(commit);
        List<Monitor.Target> targets = new ArrayList<>(host.monitors.size());
        for (Monitor m : host.monitors) {
            targets.add(m.target());
        }
        core.log.write(host.file(), commit, () -> {
            for (Monitor.Target t : targets) {
                fanOut(t, commit);
            }
            if (then != null) {
                then.run();
            }
        }, failed != null ? failed : () -> { });
        for (BiConsumer<DbHost, Commit> l : core.commitListeners) {
            l.accept(host, commit);
        }
    }

    private static void fanOut(Monitor.Target t, Commit commit) {
        Monitor m = t.monitor();
        if (!m.subscriber().isOpen()) {
            return;
        }
        m.subscriber().executor().execute(() -> {
            ObjectNode u = Updates.changes(m.version(), t.specs(), commit.tables());
            if (u != null) {
                ArrayNode p = F.arrayNode(3);
                p.add(t.id());
                if (m.version() == MonitorVersion.V3) {
                    p.add(commit.txnId().toString());
                }
                p.add(u);
                m.subscriber().send(JsonRpcMessage.notify(m.version().notification(), p));
            }
        });
    }

    private static ArrayNode ioError(ArrayNode results) {
        ArrayNode r = results.deepCopy();
        ObjectNode e = F.objectNode();
        e.put("error", "I/O error");
        e.put("details", "the transaction could not be written to the database file");
        r.add(e);
        return r;
    }

    /** Runs the blocked transactions on {@code host} again. */
    void retryTriggers(DbHost host) {
        for (Triggers.Trigger t : triggers.on(host)) {
            if (triggers.contains(t) && !t.session.ended) {
                TRIGGERS.inc();
                run(t.session, t.id, t.host, t.params, t.startNanos, t);
            }
        }
    }

    /** Handles a cancel notification: the blocked transaction {@code params[0]} gives up. */
    void cancel(Session s, JsonRpcMessage notify) {
        if (notify.params().size() != 1) {
            return;
        }
        Triggers.Trigger t = s.triggers.get(notify.params().get(0));
        if (t != null) {
            triggers.remove(t);
            core.send(s, JsonRpcMessage.error(TextNode.valueOf("canceled"), t.id));
        }
    }

    /** Drops an ended session's blocked transactions. */
    void endSession(Session s) {
        for (Triggers.Trigger t : List.copyOf(s.triggers.values())) {
            triggers.remove(t);
        }
    }
}
