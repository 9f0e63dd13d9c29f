package org.jvswitch.ovsdb.db;

import org.jvswitch.ovsdb.json.Atoms;
import org.jvswitch.ovsdb.json.Datum;
import org.jvswitch.ovsdb.json.OvsdbException;
import org.jvswitch.ovsdb.schema.BaseType;
import org.jvswitch.ovsdb.schema.ColumnSchema;
import org.jvswitch.ovsdb.schema.ColumnType;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The weak-reference step of a commit: rows that refer weakly to rows this transaction deletes
 * are pulled into it, and every weak reference to a row that does not exist after the
 * transaction is dropped from its column. A column left with fewer elements than its minimum
 * fails the transaction with OVS's message. Engine thread only.
 */
final class WeakRefs {

    private WeakRefs() {
    }

    static void assess(Txn txn, Database db) {
        // Rows that weakly refer to deleted rows must drop those references.
        List<Txn.TxnRow> deleted = new ArrayList<>();
        for (Map<UUID, Txn.TxnRow> m : txn.touched.values()) {
            for (Txn.TxnRow r : m.values()) {
                if (r.neu == null) {
                    deleted.add(r);
                }
            }
        }
        for (Txn.TxnRow r : deleted) {
            for (Map.Entry<UUID, RefIndex.WeakSource> e : List.copyOf(db.refs.weakSources(r.uuid).entrySet())) {
                txn.touch(e.getValue().table, e.getKey());
            }
        }
        for (Map<UUID, Txn.TxnRow> m : List.copyOf(txn.touched.values())) {
            for (Txn.TxnRow r : m.values()) {
                if (r.neu != null && r.table.schema().weakRefColumns().length > 0) {
                    assessRow(txn, db, r);
                }
            }
        }
    }

    private static void assessRow(Txn txn, Database db, Txn.TxnRow r) {
        for (ColumnSchema c : r.table.schema().weakRefColumns()) {
            Datum d = r.neu.get(c);
            if (d.isEmpty()) {
                continue;
            }
            ColumnType type = c.type();
            List<Object> keys = new ArrayList<>(d.size());
            List<Object> values = d.isMap() ? new ArrayList<>(d.size()) : null;
            boolean zero = false;
            for (int i = 0; i < d.size(); i++) {
                Object k = d.key(i);
                Object v = d.isMap() ? d.value(i) : null;
                boolean gone = missing(txn, db, r, type.key(), k) || (v != null && missing(txn, db, r, type.value(), v));
                if (gone) {
                    zero |= (type.key().isWeakRef() && Atoms.isDefault(k))
                            || (v != null && type.value().isWeakRef() && Atoms.isDefault(v));
                } else {
                    keys.add(k);
                    if (values != null) {
                        values.add(v);
                    }
                }
            }
            if (keys.size() == d.size()) {
                continue;
            }
            Datum left = values != null ? Datum.sortedMap(keys.toArray(), values.toArray()) : Datum.sortedSet(keys.toArray());
            if (left.size() < type.min()) {
                if (zero && r.old == null) {
                    throw OvsdbException.constraint("Weak reference column \"" + c.name() + "\" in \"" + r.table.name()
                            + "\" row " + r.uuid + " (inserted within this transaction) contained all-zeros UUID "
                            + "(probably as the default value for this column) but deleting this value caused a "
                            + "constraint volation because this column is not allowed to be empty.");
                }
                throw OvsdbException.constraint("Deletion of " + (d.size() - left.size()) + " weak reference(s) to "
                        + "deleted (or never-existing) rows from column \"" + c.name() + "\" in \"" + r.table.name()
                        + "\" row " + r.uuid + " " + (r.old == null ? "(inserted within this transaction) " : "")
                        + "caused this column to become empty, but constraints on this column disallow an empty column.");
            }
            r.neu = r.neu.with(c.index(), left);
        }
    }

    /** True if {@code atom}, held through weak base type {@code base}, names no row after the transaction. */
    private static boolean missing(Txn txn, Database db, Txn.TxnRow src, BaseType base, Object atom) {
        if (!base.isWeakRef()) {
            return false;
        }
        UUID target = (UUID) atom;
        if (target.equals(src.uuid)) {
            return false;
        }
        return txn.row(db.table(base.refTable()), target) == null;
    }
}
