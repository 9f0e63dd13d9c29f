package org.jvswitch.ovsdb.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import org.jvswitch.jsonrpc.JsonRpcMessage;
import org.jvswitch.ovsdb.json.OvsJson;
import org.jvswitch.ovsdb.json.OvsdbException;
import org.jvswitch.ovsdb.monitor.MonitorVersion;
import org.jvswitch.vlog.Vlog;
import org.jvswitch.vlog.VlogRateLimiter;
import org.slf4j.Logger;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Dispatches the JSON-RPC methods of RFC 7047 and OVS's extensions. Methods that only read
 * immutable things ({@code echo}, {@code list_dbs}, {@code get_schema}, {@code get_server_id},
 * {@code set_db_change_aware}) are answered at once on the connection's thread; the rest are
 * handed to the engine thread. A request that fails gets an error reply, never silence; an
 * internal error is logged and answered as {@code "internal error"}, and the server goes on.
 */
final class RpcHandler {

    private static final Logger LOG = Vlog.module("ovsdb_jsonrpc_server");
    private static final VlogRateLimiter RL = new VlogRateLimiter(LOG, 5, 20);
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private final ServerCore core;
    private final TransactService transact;
    private final MonitorService monitors;

    RpcHandler(ServerCore core, TransactService transact, MonitorService monitors) {
        this.core = core;
        this.transact = transact;
        this.monitors = monitors;
    }

    /** Handles one message from {@code s}'s connection, on that connection's thread. */
    void handle(Session s, JsonRpcMessage m) {
        switch (m.type()) {
            case REQUEST -> request(s, m);
            case NOTIFY -> {
                if (m.method().equals("cancel")) {
                    core.engine.submit(() -> {
                        if (!s.ended) {
                            transact.cancel(s, m);
                        }
                    });
                }
            }
            default -> {
                // Replies to our inactivity probes ("echo"); the connection noted the traffic.
            }
        }
    }

    private void request(Session s, JsonRpcMessage m) {
        switch (m.method()) {
            case "echo" -> s.send(JsonRpcMessage.reply(m.params(), m.id()));
            case "list_dbs" -> s.send(JsonRpcMessage.reply(listDbs(), m.id()));
            case "get_schema" -> immediate(s, m, () -> getSchema(m));
            case "get_server_id" -> s.send(JsonRpcMessage.reply(TextNode.valueOf(core.serverId.toString()), m.id()));
            case "set_db_change_aware" -> immediate(s, m, () -> {
                ArrayNode p = m.params();
                if (p.size() != 1 || !p.get(0).isBoolean()) {
                    throw OvsdbException.syntax(p, "set_db_change_aware: true or false parameter expected");
                }
                s.changeAware = p.get(0).booleanValue();
                return F.objectNode();
            });
            case "transact" -> engine(s, m, () -> transact.transact(s, m));
            case "monitor" -> engine(s, m, () -> monitors.monitor(s, m, MonitorVersion.V1));
            case "monitor_cond" -> engine(s, m, () -> monitors.monitor(s, m, MonitorVersion.V2));
            case "monitor_cond_since" -> engine(s, m, () -> monitors.monitor(s, m, MonitorVersion.V3));
            case "monitor_cond_change" -> engine(s, m, () -> monitors.condChange(s, m));
            case "monitor_cancel" -> engine(s, m, () -> monitors.cancel(s, m));
            case "lock", "steal", "unlock" -> engine(s, m, () -> core.send(s, core.locks.handle(s, m)));
            default -> s.send(JsonRpcMessage.error(TextNode.valueOf("unknown method"), m.id()));
        }
    }

    private ArrayNode listDbs() {
        List<String> names = OvsJson.sorted(core.hostsView.keySet());
        ArrayNode a = F.arrayNode(names.size());
        names.forEach(a::add);
        return a;
    }

    private JsonNode getSchema(JsonRpcMessage m) {
        ArrayNode p = m.params();
        if (p.isEmpty() || !p.get(0).isTextual()) {
            throw OvsdbException.syntax(p, "get_schema request params must begin with <db-name>");
        }
        DbHost h = core.hostsView.get(p.get(0).textValue());
        if (h == null) {
            throw OvsdbException.syntax(p, "unknown database", "get_schema request specifies unknown database "
                    + p.get(0).textValue());
        }
        return h.db().schema().toJson();
    }

    private interface Answer {
        JsonNode get();
    }

    private static void immediate(Session s, JsonRpcMessage m, Answer a) {
        try {
            s.send(JsonRpcMessage.reply(a.get(), m.id()));
        } catch (OvsdbException e) {
            s.send(JsonRpcMessage.error(e.toJson(), m.id()));
        }
    }

    private void engine(Session s, JsonRpcMessage m, Runnable task) {
        core.engine.submit(() -> {
            if (s.ended) {
                return;
            }
            try {
                task.run();
            } catch (OvsdbException e) {
                core.send(s, JsonRpcMessage.error(e.toJson(), m.id()));
            } catch (RuntimeException e) {
                if (RL.shouldLog()) {
                    LOG.error("{}: internal error handling {}", s.name(), m.method(), e);
                }
                ObjectNode err = F.objectNode();
                err.put("error", "internal error");
                err.put("details", String.valueOf(e));
                core.send(s, JsonRpcMessage.error(err, m.id()));
            }
        });
    }

    /** Names of the databases, sorted (for unixctl). */
    List<String> dbNames() {
        return new ArrayList<>(OvsJson.sorted(core.hostsView.keySet()));
    }

    Map<String, DbHost> hosts() {
        return core.hostsView;
    }
}
