package org.jvswitch.vswitchd;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.jvswitch.bridge.ConfigDb;
import org.jvswitch.bridge.DbRow;
import org.jvswitch.daemon.RunDirs;
import org.jvswitch.ovsdb.client.OvsdbClient;
import org.jvswitch.ovsdb.server.EmbeddedOvsdb;
import org.jvswitch.ovsdb.server.LocalClient;
import org.jvswitch.ovsdb.server.OvsdbServer;
import org.jvswitch.vlog.Vlog;
import org.slf4j.Logger;

/**
 * Where the switch's configuration lives: by default an OVSDB server embedded in the switch
 * ({@code <dbdir>/conf.db}, served on {@code punix:<rundir>/db.sock} like ovsdb-server under
 * ovs-ctl), or the remote server named by ovs-vswitchd's DATABASE argument ({@code unix:PATH}
 * or {@code tcp:IP:PORT}). As ovs-ctl does with {@code ovs-vsctl init}, a fresh embedded
 * database gets its Open_vSwitch row.
 */
final class SwitchDatabase implements AutoCloseable {
    private static final Logger LOG = Vlog.module("vswitchd");
    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    private static final long BOOTSTRAP_WAIT_S = 5;

    private final EmbeddedOvsdb embedded;
    private final String remote;

    private SwitchDatabase(EmbeddedOvsdb embedded, String remote) {
        this.embedded = embedded;
        this.remote = remote;
    }

    /**
     * @param database ovs-vswitchd's DATABASE argument, or null for the embedded server
     * @throws IOException when the embedded server cannot start (database file, socket in use)
     */
    static SwitchDatabase open(RunDirs dirs, String database, Runnable exitHook) throws IOException {
        if (database != null) {
            try {
                ConfigDb.remote(database, Runnable::run, j -> { }, j -> { }).close(); // checks the syntax
            } catch (IllegalArgumentException e) {
                throw new IOException(e.getMessage(), e);
            }
            return new SwitchDatabase(null, database);
        }
        EmbeddedOvsdb db = EmbeddedOvsdb.start(dirs, null);
        SwitchDatabase s = new SwitchDatabase(db, null);
        s.ensureRootRow();
        return s;
    }

    /** The embedded OVSDB server (for metrics), or null when the database is a remote one. */
    OvsdbServer embeddedServer() {
        return embedded != null ? embedded.server() : null;
    }

    /** The session factory the bridge service uses. */
    ConfigDb configDb(Executor executor, Consumer<JsonNode> onSnapshot, Consumer<JsonNode> onUpdate) {
        return embedded != null ? ConfigDb.embedded(embedded.server(), executor, onSnapshot, onUpdate)
                : ConfigDb.remote(remote, executor, onSnapshot, onUpdate);
    }

    /** Open_vSwitch:other_config as the database has it now (empty if it cannot be read in time). */
    Map<String, String> bootstrapOtherConfig() {
        ObjectNode select = F.objectNode();
        select.put("op", "select");
        select.put("table", "Open_vSwitch");
        select.set("where", F.arrayNode());
        select.set("columns", F.arrayNode().add("_uuid").add("other_config"));
        try {
            ArrayNode result;
            if (embedded != null) {
                try (LocalClient c = embedded.server().connect(m -> { })) {
                    result = c.transact(ConfigDb.DB, select).get(BOOTSTRAP_WAIT_S, TimeUnit.SECONDS);
                }
            } else {
                try (OvsdbClient c = OvsdbClient.connect(remote, m -> { })) {
                    result = c.transact(ConfigDb.DB, select).get(BOOTSTRAP_WAIT_S, TimeUnit.SECONDS);
                }
            }
            JsonNode rows = result.get(0).get("rows");
            if (rows != null && !rows.isEmpty()) {
                JsonNode row = rows.get(0);
                return new DbRow(DbRow.uuidOf(row.get("_uuid")), (ObjectNode) row).map("other_config");
            }
        } catch (Exception e) {
            LOG.warn("reading other_config from {}: {}; starting DPDK with the command line's",
                    remote != null ? remote : "the database", e.getMessage());
        }
        return Map.of();
    }

    private void ensureRootRow() throws IOException {
        try (LocalClient c = embedded.server().connect(m -> { })) {
            ObjectNode wait = F.objectNode();
            wait.put("op", "wait");
            wait.put("table", "Open_vSwitch");
            wait.set("where", F.arrayNode());
            wait.set("columns", F.arrayNode().add("_uuid"));
            wait.put("until", "==");
            wait.set("rows", F.arrayNode());
            wait.put("timeout", 0);
            ObjectNode insert = F.objectNode();
            insert.put("op", "insert");
            insert.put("table", "Open_vSwitch");
            insert.set("row", F.objectNode());
            ArrayNode r = c.transact(ConfigDb.DB, wait, insert).get(BOOTSTRAP_WAIT_S, TimeUnit.SECONDS);
            if (r.size() > 1 && r.get(1).has("uuid")) {
                LOG.info("initialized the Open_vSwitch table of a new database");
            }
        } catch (Exception e) {
            throw new IOException("initializing the database: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        if (embedded != null) {
            embedded.close();
        }
    }
}
