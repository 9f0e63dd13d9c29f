package org.jvswitch.ovsdb.server;

import org.jvswitch.unixctl.UnixctlServer;

import java.util.List;

/**
 * ovsdb-server's unixctl commands, for the real {@code ovs-appctl}: {@code ovsdb-server/compact},
 * {@code add-remote}, {@code remove-remote}, {@code list-remotes}, {@code list-dbs},
 * {@code add-db}, {@code remove-db}, {@code reconnect}, and the database figures of {@code memory/show}. Handlers run on the
 * unixctl control thread and wait for the engine.
 */
final class ServerCommands {

    private ServerCommands() {
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
        u.register("ovsdb-server/list-remotes", "", 0, 0, (conn, args) -> {
            StringBuilder sb = new StringBuilder();
            server.listRemotes().forEach(r -> sb.append(r).append('\n'));
            conn.reply(sb.toString());
        });
        u.register("ovsdb-server/list-dbs", "", 0, 0, (conn, args) -> {
            StringBuilder sb = new StringBuilder();
            server.databaseNames().forEach(d -> sb.append(d).append('\n'));
            conn.reply(sb.toString());
        });
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
        u.addMemoryReporter(usage -> {
            try {
                usage.putAll(server.memory());
            } catch (java.io.IOException e) {
                // the engine is busy or gone; report nothing
            }
        });
    }
}
