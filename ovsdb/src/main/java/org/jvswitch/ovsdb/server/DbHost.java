package org.jvswitch.ovsdb.server;

import org.jvswitch.ovsdb.db.Database;
import org.jvswitch.ovsdb.monitor.Monitor;
import org.jvswitch.ovsdb.monitor.TxnHistory;
import org.jvswitch.ovsdb.storage.DbFile;

import java.util.ArrayList;
import java.util.List;

/**
 * A database the server serves, with what the server keeps about it: its file (null for the
 * in-memory {@code _Server}), its monitors and its recent transactions. Engine thread only,
 * except {@link #db}'s immutable schema.
 */
final class DbHost {

    private Database db;
    private DbFile file;
    final List<Monitor> monitors = new ArrayList<>();
    final TxnHistory history = new TxnHistory();

    DbHost(Database db, DbFile file) {
        this.db = db;
        this.file = file;
    }

    Database db() {
        return db;
    }

    DbFile file() {
        return file;
    }

    /** Replaces the contents (after a reload from disk). */
    void replace(Database db, DbFile file) {
        this.db = db;
        this.file = file;
        history.reset();
    }

    String name() {
        return db.name();
    }
}
