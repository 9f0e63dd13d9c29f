package org.jvswitch.ovsdb.db;

import org.jvswitch.ovsdb.json.OvsdbException;
import org.jvswitch.ovsdb.json.Uuids;
import org.jvswitch.ovsdb.schema.BaseType;
import org.jvswitch.ovsdb.schema.ColumnSchema;
import org.jvswitch.ovsdb.schema.TableSchema;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Checks a transaction against the rules the schema makes and, if it passes, applies it
 * (RFC 7047 4.1.3, with OVS's semantics and messages). In order:
 * <ol>
 * <li>drop rows the operations left unchanged;</li>
 * <li>count strong references: a new reference must name an existing row ("referential
 *     integrity violation ... references nonexistent row"), a deleted row must have none left
 *     ("cannot delete ... because of N remaining reference(s)");</li>
 * <li>collect garbage: rows of non-root tables that nothing refers to any more are deleted,
 *     and their own references released in turn;</li>
 * <li>{@code maxRows};</li>
 * <li>weak references to rows that are gone (deleted, or never existed) are removed from
 *     their columns, which must still hold their minimum number of elements
 *     ({@link WeakRefs});</li>
 * <li>unique indexes ({@link IndexCheck});</li>
 * <li>new {@code _version} for every changed row; apply.</li>
 * </ol>
 * Engine thread only.
 */
final class Committer {

    private final Txn txn;
    private final Database db;
    /** Change of strong reference count per target row during this transaction. */
    private final HashMap<UUID, int[]> delta = new HashMap<>();
    /** Table of each target row in {@link #delta}. */
    private final HashMap<UUID, Table> deltaTable = new HashMap<>();

    private Committer(Txn txn) {
        this.txn = txn;
        this.db = txn.db();
    }

    /**
     * Checks and applies {@code txn}; returns what changed (possibly nothing) with id
     * {@code txnId}.
     *
     * @throws OvsdbException if a rule is broken; nothing is applied then
     */
    static Commit commit(Txn txn, UUID txnId, long dateMillis) {
        return new Committer(txn).run(txnId, dateMillis);
    }

    private Commit run(UUID txnId, long dateMillis) {
        dropUnchanged();
        if (txn.isEmpty()) {
            return new Commit(db, txnId, Map.of(), txn.comment(), dateMillis);
        }
        countStrongRefs();
        checkDeletedRows();
        collectGarbage();
        checkMaxRows();
        WeakRefs.assess(txn, db);
        dropUnchanged();
        IndexCheck.check(txn);
        Map<Table, List<RowChange>> changes = changes();
        db.apply(changes);
        return new Commit(db, txnId, changes, txn.comment(), dateMillis);
    }

    private void dropUnchanged() {
        for (Map<UUID, Txn.TxnRow> m : txn.touched.values()) {
            m.values().removeIf(r -> r.old != null && r.neu != null && (r.old == r.neu || r.neu.sameData(r.old)));
        }
        txn.touched.values().removeIf(Map::isEmpty);
    }

    private List<Txn.TxnRow> txnRows() {
        List<Txn.TxnRow> out = new ArrayList<>();
        for (Map<UUID, Txn.TxnRow> m : txn.touched.values()) {
            out.addAll(m.values());
        }
        return out;
    }

    private void countStrongRefs() {
        for (Txn.TxnRow r : txnRows()) {
            TableSchema ts = r.table.schema();
            for (ColumnSchema c : ts.strongRefColumns()) {
                if (r.old == null) {
                    Refs.forEach(c.type(), r.neu.get(c), true, 1, (t, b, d) -> adjust(r, c, t, b, d));
                } else if (r.neu == null) {
                    Refs.forEach(c.type(), r.old.get(c), true, -1, (t, b, d) -> adjust(r, c, t, b, d));
                } else if (r.old.get(c) != r.neu.get(c)) {
                    Refs.forEachChange(c.type(), r.old.get(c), r.neu.get(c), true, (t, b, d) -> adjust(r, c, t, b, d));
                }
            }
        }
    }

    private void adjust(Txn.TxnRow src, ColumnSchema c, UUID target, BaseType base, int d) {
        if (target.equals(src.uuid)) {
            return;  // self-references do not count
        }
        Table refTable = db.table(base.refTable());
        if (d > 0 && txn.find(refTable, target) == null && refTable.get(target) == null) {
            throw OvsdbException.of("referential integrity violation", "Table " + src.table.name() + " column "
                    + c.name() + " row " + src.uuid + " references nonexistent row " + target + " in table "
                    + refTable.name() + ".");
        }
        delta.computeIfAbsent(target, k -> new int[1])[0] += d;
        deltaTable.putIfAbsent(target, refTable);
    }

    private int refCount(UUID uuid) {
        int[] d = delta.get(uuid);
        return db.strongRefs(uuid) + (d == null ? 0 : d[0]);
    }

    private void checkDeletedRows() {
        for (Txn.TxnRow r : txnRows()) {
            if (r.neu == null) {
                int n = refCount(r.uuid);
                if (n > 0) {
                    throw OvsdbException.of("referential integrity violation", "cannot delete " + r.table.name()
                            + " row " + r.uuid + " because of " + n + " remaining reference(s)");
                }
            }
        }
    }

    private void collectGarbage() {
        ArrayDeque<Txn.TxnRow> work = new ArrayDeque<>();
        for (Txn.TxnRow r : txnRows()) {
            if (!r.table.schema().isRoot() && r.neu != null) {
                work.add(r);
            }
        }
        for (Map.Entry<UUID, int[]> e : delta.entrySet()) {
            Table t = deltaTable.get(e.getKey());
            if (e.getValue()[0] < 0 && !t.schema().isRoot() && txn.find(t, e.getKey()) == null) {
                Txn.TxnRow r = txn.touch(t, e.getKey());
                if (r != null) {
                    work.add(r);
                }
            }
        }
        while (!work.isEmpty()) {
            Txn.TxnRow r = work.poll();
            if (r.neu == null || refCount(r.uuid) != 0) {
                continue;
            }
            Row garbage = r.neu;
            if (r.old == null) {
                txn.touched.get(r.table).remove(r.uuid);
            } else {
                r.neu = null;
            }
            for (ColumnSchema c : r.table.schema().strongRefColumns()) {
                Refs.forEach(c.type(), garbage.get(c), true, -1, (target, base, d) -> {
                    if (target.equals(r.uuid)) {
                        return;
                    }
                    Table t = db.table(base.refTable());
                    delta.computeIfAbsent(target, k -> new int[1])[0] += d;
                    deltaTable.putIfAbsent(target, t);
                    if (!t.schema().isRoot()) {
                        Txn.TxnRow tr = txn.find(t, target);
                        if (tr == null) {
                            tr = txn.touch(t, target);
                        }
                        if (tr != null) {
                            work.add(tr);
                        }
                    }
                });
            }
        }
    }

    private void checkMaxRows() {
        for (Map.Entry<Table, LinkedHashMap<UUID, Txn.TxnRow>> e : txn.touched.entrySet()) {
            Table t = e.getKey();
            long n = t.size();
            for (Txn.TxnRow r : e.getValue().values()) {
                if (r.old == null && r.neu != null) {
                    n++;
                } else if (r.old != null && r.neu == null) {
                    n--;
                }
            }
            if (n > t.schema().maxRows()) {
                throw OvsdbException.constraint("transaction causes \"" + t.name() + "\" table to contain " + n
                        + " rows, greater than the schema-defined limit of " + t.schema().maxRows() + " row(s)");
            }
        }
    }

    private Map<Table, List<RowChange>> changes() {
        Map<Table, List<RowChange>> out = new LinkedHashMap<>();
        for (Map.Entry<Table, LinkedHashMap<UUID, Txn.TxnRow>> e : txn.touched.entrySet()) {
            List<RowChange> l = new ArrayList<>(e.getValue().size());
            for (Txn.TxnRow r : e.getValue().values()) {
                Row neu = r.neu;
                if (r.old != null && neu != null) {
                    neu = neu.with(ColumnSchema.VERSION_INDEX, org.jvswitch.ovsdb.json.Datum.atom(Uuids.random()));
                }
                l.add(new RowChange(e.getKey(), r.uuid, r.old, neu));
            }
            if (!l.isEmpty()) {
                out.put(e.getKey(), l);
            }
        }
        return out;
    }
}
