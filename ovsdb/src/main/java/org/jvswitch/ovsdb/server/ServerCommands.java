package org.jvswitch.ovsdb.server;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.jvswitch.unixctl.UnixctlConnection;
import org.jvswitch.unixctl.UnixctlJson;
import org.jvswitch.unixctl.UnixctlServer;

import java.util.List;
import java.util.Map;

/**
 * ovsdb-server's unixctl commands, for the real {@code ovs-appctl}: {@code ovsdb-server/compact},
 * {@code add-remote}, {@code remove-remote}, {@code list-remotes}, {@code list-dbs},
 * {@code add-db}, {@code remove-db}, {@code reconnect}, jvswitch's {@code show-stats} (transactions,
 * commits, connections, sessions, monitors), and the database figures of {@code memory/show}.
 * Every command also answers in JSON with {@code --format json}. Handlers run on the
 * unixctl control thread and wait for the engine.
 */
final class ServerCommands {

    private ServerCommands() {
    }

    /** One item a line, or {"KEY": [items]} with --format json. */
    private static void replyList(UnixctlConnection conn, String key, List<String> items) {
        ObjectNode json = UnixctlJson.object();
        ArrayNode list = json.putArray(key);
        items.forEach(list::add);
        conn.reply(json, () -> {
            StringBuilder sb = new StringBuilder();
            items.forEach(i -> sb.append(i).append('\n'));
            return sb.toString();
        });
    }

    static void register(UnixctlServer u, OvsdbServer server) {
        u.register("ovsdb-server/compact", "[DB]...", 0, Integer.MAX_VALUE, (conn, args) -> {
            List<String> dbs = args.length > 0 ? List.of(args) : server.databaseNames();
            for (String db : dbs) {
                if (args.length == 0 && server.fileOf(db) == null) {
                    continue;
                }
                if (!server.compact(db)) {
                    conn.error("no database by that name");
                    return;
                }
            }
            conn.reply("");
        });
        u.register("ovsdb-server/add-remote", "REMOTE", 1, 1, (conn, args) -> {
            server.addRemote(args[0]);
            conn.reply("");
        });
        u.register("ovsdb-server/remove-remote", "REMOTE", 1, 1, (conn, args) -> {
            if (server.removeRemote(args[0])) {
                conn.reply("");
            } else {
                conn.error("no such remote");
            }
        });
        u.register("ovsdb-server/list-remotes", "", 0, 0, (conn, args) -> replyList(conn, "remotes",
                server.listRemotes()));
        u.register("ovsdb-server/list-dbs", "", 0, 0, (conn, args) -> replyList(conn, "databases",
                server.databaseNames()));
        u.register("ovsdb-server/add-db", "DB", 1, 1, (conn, args) -> {
            try {
                server.addDatabase(java.nio.file.Path.of(args[0]), null);
                conn.reply("");
            } catch (java.io.IOException e) {
                conn.error(e.getMessage());
            }
        });
        u.register("ovsdb-server/remove-db", "DB", 1, 1, (conn, args) -> {
            if (server.removeDatabase(args[0])) {
                conn.reply("");
            } else {
                conn.error("Failed to find the database.");
            }
        });
        u.register("ovsdb-server/reconnect", "", 0, 0, (conn, args) -> {
            server.reconnectAll();
            conn.reply("");
        });
        u.register("ovsdb-server/show-stats", "", 0, 0, (conn, args) -> {
            Map<String, Long> stats = server.stats();
            ObjectNode json = UnixctlJson.object();
            stats.forEach(json::put);
            conn.reply(json, () -> {
                StringBuilder sb = new StringBuilder();
                stats.forEach((k, v) -> sb.append(k).append(": ").append(v).append('\n'));
                return sb.toString();
            });
        });
        u.addMemoryReporter(usage -> {
            try {
                usage.putAll(server.memory());
            } catch (java.io.IOException e) {
                // the engine is busy or gone; report nothing
            }
        });
    }
}
