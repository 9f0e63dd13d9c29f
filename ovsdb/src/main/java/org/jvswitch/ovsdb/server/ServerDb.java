package org.jvswitch.ovsdb.server;

import org.jvswitch.ovsdb.db.Commit;
import org.jvswitch.ovsdb.db.Database;
import org.jvswitch.ovsdb.db.Row;
import org.jvswitch.ovsdb.db.Table;
import org.jvswitch.ovsdb.db.Txn;
import org.jvswitch.ovsdb.json.Datum;
import org.jvswitch.ovsdb.json.Uuids;
import org.jvswitch.ovsdb.schema.DatabaseSchema;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The {@code _Server} database: one {@code Database} row per database served (its name, model,
 * schema, and that it is connected and the leader, as a standalone database always is). Clients
 * read and monitor it, OVS's IDLs first of all; only the server writes it. Kept in memory and
 * changed through ordinary commits so its monitors see every change. Engine thread only.
 */
final class ServerDb {

    static final String NAME = "_Server";
    private static final DatabaseSchema SCHEMA = load();

    private final DbHost host = new DbHost(new Database(SCHEMA), null);
    private final TransactService transact;

    ServerDb(TransactService transact) {
        this.transact = transact;
    }

    private static DatabaseSchema load() {
        try {
            return DatabaseSchema.fromResource("/org/jvswitch/ovsdb/_server.ovsschema");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    DbHost host() {
        return host;
    }

    /** Adds the row describing database {@code db}. */
    void added(Database db) {
        Table t = host.db().table("Database");
        Txn txn = new Txn(host.db());
        Row r = Row.create(t.schema(), Uuids.random(), Uuids.random())
                .with(t.schema().column("name").index(), Datum.atom(db.name()))
                .with(t.schema().column("model").index(), Datum.atom("standalone"))
                .with(t.schema().column("connected").index(), Datum.atom(Boolean.TRUE))
                .with(t.schema().column("leader").index(), Datum.atom(Boolean.TRUE))
                .with(t.schema().column("schema").index(), Datum.atom(db.schema().toSortedString()));
        txn.insert(t, r);
        publish(txn);
    }

    /** Removes the row describing database {@code name}. */
    void removed(String name) {
        Table t = host.db().table("Database");
        Txn txn = new Txn(host.db());
        for (Row r : t.rows()) {
            if (r.get("name").atom().equals(name)) {
                txn.delete(t, r);
            }
        }
        publish(txn);
    }

    private void publish(Txn txn) {
        Commit c = txn.commit(Uuids.random(), System.currentTimeMillis());
        if (!c.isEmpty()) {
            transact.publish(host, c, null, null);
        }
    }
}
