package org.jvswitch.ovsdb.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import org.jvswitch.jsonrpc.JsonRpcMessage;
import org.jvswitch.ovsdb.db.Commit;
import org.jvswitch.ovsdb.db.Row;
import org.jvswitch.ovsdb.db.Table;
import org.jvswitch.ovsdb.json.OvsdbException;
import org.jvswitch.ovsdb.json.Uuids;
import org.jvswitch.ovsdb.monitor.Merged;
import org.jvswitch.ovsdb.monitor.Monitor;
import org.jvswitch.ovsdb.monitor.MonitorRequests;
import org.jvswitch.ovsdb.monitor.MonitorVersion;
import org.jvswitch.ovsdb.monitor.TableSpec;
import org.jvswitch.ovsdb.monitor.Updates;
import org.jvswitch.ovsdb.schema.TableSchema;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * {@code monitor}, {@code monitor_cond}, {@code monitor_cond_since}, {@code monitor_cond_change}
 * and {@code monitor_cancel}, on the engine thread.
 *
 * <p>The engine only registers the monitor and takes the rows it must report (references to
 * immutable rows); the reply's JSON is built on the session's own thread. The reply is queued
 * behind every commit already on its way to disk, and every later commit's update behind the
 * reply, so a client sees each change exactly once and in order.
 */
final class MonitorService {

    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private final ServerCore core;

    MonitorService(ServerCore core) {
        this.core = core;
    }

    void monitor(Session s, JsonRpcMessage req, MonitorVersion v) {
        ArrayNode params = req.params();
        int expected = v == MonitorVersion.V3 ? 4 : 3;
        if (params.size() != expected) {
            throw OvsdbException.syntax(params, "invalid parameters");
        }
        DbHost host = params.get(0).isTextual() ? core.hosts.get(params.get(0).textValue()) : null;
        if (host == null) {
            throw OvsdbException.syntax(params, "unknown database", req.method() + " request specifies unknown database "
                    + (params.get(0).isTextual() ? params.get(0).textValue() : params.get(0).toString()));
        }
        JsonNode id = params.get(1);
        if (s.monitors.containsKey(id)) {
            throw OvsdbException.syntax(id, "duplicate monitor ID");
        }
        Map<TableSchema, TableSpec> specs = MonitorRequests.parse(v, host.db().schema(), params.get(2));
        UUID since = null;
        if (v == MonitorVersion.V3) {
            JsonNode last = params.get(3);
            if (!last.isTextual()) {
                throw OvsdbException.syntax(last, "last-txn-id must be string");
            }
            since = Uuids.parse(last.textValue());
            if (since == null) {
                throw OvsdbException.syntax(last, "last-txn-id must be UUID format.");
            }
        }
        Monitor m = new Monitor(s, host.db(), v, id, specs);
        s.monitors.put(id, m);
        host.monitors.add(m);
        List<Commit> missed = since != null ? host.history.since(since) : null;
        UUID lastId = host.history.lastId();
        Map<TableSchema, List<Row>> rows = missed == null ? snapshot(host, specs) : Map.of();
        JsonNode reqId = req.id();
        core.log.ack(() -> s.executor().execute(() -> {
            JsonNode result;
            if (v != MonitorVersion.V3) {
                result = Updates.initial(v, specs, rows);
            } else {
                ArrayNode r = F.arrayNode(3);
                if (missed != null) {
                    ObjectNode u = Updates.changes(MonitorVersion.V3, specs, Merged.of(missed));
                    r.add(true).add(lastId.toString()).add(u != null ? u : F.objectNode());
                } else {
                    r.add(false).add(lastId.toString()).add(Updates.initial(v, specs, rows));
                }
                result = r;
            }
            s.send(JsonRpcMessage.reply(result, reqId));
        }));
    }

    private static Map<TableSchema, List<Row>> snapshot(DbHost host, Map<TableSchema, TableSpec> specs) {
        Map<TableSchema, List<Row>> rows = new LinkedHashMap<>();
        for (TableSpec spec : specs.values()) {
            if (spec.initial() && !spec.condition().isConstantFalse()) {
                Table t = host.db().table(spec.table());
                rows.put(spec.table(), new ArrayList<>(t.rows()));
            }
        }
        return rows;
    }

    void condChange(Session s, JsonRpcMessage req) {
        ArrayNode params = req.params();
        if (params.size() != 3) {
            throw OvsdbException.syntax(params, "invalid parameters");
        }
        JsonNode oldId = params.get(0);
        JsonNode newId = params.get(1);
        Monitor m = s.monitors.get(oldId);
        if (m == null) {
            throw OvsdbException.syntax(oldId, "unknown monitor session");
        }
        if (!newId.equals(oldId) && s.monitors.containsKey(newId)) {
            throw OvsdbException.syntax(newId, "duplicate monitor ID");
        }
        DbHost host = hostOf(m);
        Map<TableSchema, TableSpec> before = m.specs();
        Map<TableSchema, TableSpec> after = MonitorRequests.change(m.db().schema(), before, params.get(2));
        Map<TableSchema, List<Row>> rows = new LinkedHashMap<>();
        for (Map.Entry<TableSchema, TableSpec> e : after.entrySet()) {
            if (before.get(e.getKey()).condition() != e.getValue().condition()) {
                rows.put(e.getKey(), new ArrayList<>(m.db().table(e.getKey()).rows()));
            }
        }
        s.monitors.remove(oldId);
        s.monitors.put(newId, m);
        m.change(newId, after);
        UUID lastId = host != null ? host.history.lastId() : Uuids.ZERO;
        JsonNode reqId = req.id();
        MonitorVersion v = m.version();
        core.log.ack(() -> s.executor().execute(() -> {
            ObjectNode u = Updates.conditionChange(v, before, after, rows);
            if (!u.isEmpty()) {
                ArrayNode p = F.arrayNode(3);
                p.add(newId);
                if (v == MonitorVersion.V3) {
                    p.add(lastId.toString());
                }
                p.add(u);
                s.send(JsonRpcMessage.notify(v.notification(), p));
            }
            s.send(JsonRpcMessage.reply(F.objectNode(), reqId));
        }));
    }

    void cancel(Session s, JsonRpcMessage req) {
        ArrayNode params = req.params();
        if (params.size() != 1) {
            core.send(s, JsonRpcMessage.error(TextNode.valueOf("invalid parameters"), req.id()));
            return;
        }
        Monitor m = s.monitors.remove(params.get(0));
        if (m == null) {
            core.send(s, JsonRpcMessage.error(TextNode.valueOf("unknown monitor"), req.id()));
            return;
        }
        DbHost host = hostOf(m);
        if (host != null) {
            host.monitors.remove(m);
        }
        core.send(s, JsonRpcMessage.reply(F.objectNode(), req.id()));
    }

    private DbHost hostOf(Monitor m) {
        DbHost h = core.hosts.get(m.db().name());
        return h != null && h.db() == m.db() ? h : null;
    }

    /** Drops an ended session's monitors. */
    void endSession(Session s) {
        for (Monitor m : s.monitors.values()) {
            DbHost host = hostOf(m);
            if (host != null) {
                host.monitors.remove(m);
            }
        }
        s.monitors.clear();
    }

    /**
     * Cancels every monitor of {@code host} (the database goes away or is reloaded): sessions
     * that asked to be told get {@code monitor_canceled}, the others are disconnected, as
     * ovsdb-server does.
     */
    void cancelAll(DbHost host) {
        for (Monitor m : List.copyOf(host.monitors)) {
            Session s = (Session) m.subscriber();
            s.monitors.remove(m.id());
            if (s.changeAware) {
                ArrayNode p = F.arrayNode(1);
                p.add(m.id());
                core.send(s, JsonRpcMessage.notify("monitor_canceled", p));
            } else {
                core.log.ack(() -> s.connection().close());
            }
        }
        host.monitors.clear();
    }
}
