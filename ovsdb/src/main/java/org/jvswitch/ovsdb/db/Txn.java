package org.jvswitch.ovsdb.db;

import org.jvswitch.ovsdb.json.Symbols;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A transaction being executed: the rows its operations inserted, changed or deleted, kept
 * aside from the committed tables until {@link Committer} checks and applies them. Operations
 * see the database as the transaction has made it so far ({@link #row}, {@link #rows}).
 *
 * <p>Engine thread only; one per {@code transact} request.
 */
public final class Txn {

    /** A row the transaction touched: its committed version and its current one. */
    static final class TxnRow {
        final Table table;
        final UUID uuid;
        /** The committed row; null if this transaction inserted it. */
        final Row old;
        /** The row as the transaction leaves it; null if deleted. */
        Row neu;

        TxnRow(Table table, UUID uuid, Row old, Row neu) {
            this.table = table;
            this.uuid = uuid;
            this.old = old;
            this.neu = neu;
        }
    }

    private final Database db;
    private final Symbols symbols = new Symbols();
    /** Touched rows per table, in the order first touched. */
    final LinkedHashMap<Table, LinkedHashMap<UUID, TxnRow>> touched = new LinkedHashMap<>();
    private StringBuilder comment;

    public Txn(Database db) {
        this.db = db;
    }

    public Database db() {
        return db;
    }

    public Symbols symbols() {
        return symbols;
    }

    /** Appends a {@code comment} operation's text. */
    public void addComment(String text) {
        if (comment == null) {
            comment = new StringBuilder(text);
        } else {
            comment.append('\n').append(text);
        }
    }

    /** The comments joined by newlines, or null. */
    public String comment() {
        return comment == null ? null : comment.toString();
    }

    TxnRow find(Table t, UUID uuid) {
        Map<UUID, TxnRow> m = touched.get(t);
        return m == null ? null : m.get(uuid);
    }

    /** Row {@code uuid} of {@code t} as this transaction sees it, or null. */
    public Row row(Table t, UUID uuid) {
        TxnRow r = find(t, uuid);
        return r != null ? r.neu : t.get(uuid);
    }

    /** Every row of {@code t} as this transaction sees it (a snapshot list). */
    public List<Row> rows(Table t) {
        Map<UUID, TxnRow> m = touched.get(t);
        if (m == null) {
            return new ArrayList<>(t.rows());
        }
        List<Row> out = new ArrayList<>(t.size() + m.size());
        for (Row r : t.rows()) {
            TxnRow tr = m.get(r.uuid());
            if (tr == null) {
                out.add(r);
            } else if (tr.neu != null) {
                out.add(tr.neu);
            }
        }
        for (TxnRow tr : m.values()) {
            if (tr.old == null && tr.neu != null) {
                out.add(tr.neu);
            }
        }
        return out;
    }

    /** Whether an insert may use {@code uuid}: not in the table, nor deleted by this transaction. */
    public boolean mayCreate(Table t, UUID uuid) {
        return find(t, uuid) == null && t.get(uuid) == null;
    }

    /** Adds a new row. */
    public void insert(Table t, Row row) {
        touched.computeIfAbsent(t, k -> new LinkedHashMap<>())
                .put(row.uuid(), new TxnRow(t, row.uuid(), null, row));
    }

    /** Replaces {@code current} (as seen by this transaction) by {@code replacement}. */
    public void modify(Table t, Row current, Row replacement) {
        TxnRow r = find(t, current.uuid());
        if (r != null) {
            r.neu = replacement;
        } else {
            touched.computeIfAbsent(t, k -> new LinkedHashMap<>())
                    .put(current.uuid(), new TxnRow(t, current.uuid(), current, replacement));
        }
    }

    /** Deletes {@code current} (as seen by this transaction). */
    public void delete(Table t, Row current) {
        TxnRow r = find(t, current.uuid());
        if (r != null) {
            if (r.old == null) {
                touched.get(t).remove(current.uuid());
            } else {
                r.neu = null;
            }
        } else {
            touched.computeIfAbsent(t, k -> new LinkedHashMap<>())
                    .put(current.uuid(), new TxnRow(t, current.uuid(), current, null));
        }
    }

    /** Brings committed row {@code uuid} into the transaction unchanged (for later checks). */
    TxnRow touch(Table t, UUID uuid) {
        TxnRow r = find(t, uuid);
        if (r == null) {
            Row row = t.get(uuid);
            if (row == null) {
                return null;
            }
            r = new TxnRow(t, uuid, row, row);
            touched.computeIfAbsent(t, k -> new LinkedHashMap<>()).put(uuid, r);
        }
        return r;
    }

    /**
     * Checks and applies this transaction (see {@link Committer}); returns what changed.
     *
     * @throws org.jvswitch.ovsdb.json.OvsdbException if a rule is broken; nothing is applied
     */
    public Commit commit(UUID txnId, long nowMillis) {
        return Committer.commit(this, txnId, nowMillis);
    }

    /** True if nothing was touched. */
    public boolean isEmpty() {
        for (Map<UUID, TxnRow> m : touched.values()) {
            if (!m.isEmpty()) {
                return false;
            }
        }
        return true;
    }
}
