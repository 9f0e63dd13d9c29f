package org.jvswitch.ovsdb.db;

import org.jvswitch.ovsdb.json.Uuids;
import org.jvswitch.ovsdb.json.OvsdbException;
import org.jvswitch.ovsdb.schema.ColumnSchema;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The unique-index step of a commit: no two rows of a table may have the same values in all
 * columns of an index after the transaction. The message says which rows clash and how each
 * came to (OVS's words, First and Second in a stable order). Engine thread only.
 */
final class IndexCheck {

    private IndexCheck() {
    }

    static void check(Txn txn) {
        for (Map.Entry<Table, java.util.LinkedHashMap<UUID, Txn.TxnRow>> e : txn.touched.entrySet()) {
            Table t = e.getKey();
            List<ColumnSchema[]> indexes = t.schema().indexes();
            for (int i = 0; i < indexes.size(); i++) {
                ColumnSchema[] cols = indexes.get(i);
                Map<IndexKey, Txn.TxnRow> seen = new HashMap<>();
                for (Txn.TxnRow r : e.getValue().values()) {
                    if (r.neu == null) {
                        continue;
                    }
                    IndexKey key = IndexKey.of(r.neu, cols);
                    Txn.TxnRow other = seen.putIfAbsent(key, r);
                    if (other != null) {
                        throw duplicate(txn, t, cols, other.neu, r.neu);
                    }
                    Row committed = t.indexLookup(i, r.neu);
                    if (committed != null && txn.find(t, committed.uuid()) == null) {
                        throw duplicate(txn, t, cols, committed, r.neu);
                    }
                }
            }
        }
    }

    private static OvsdbException duplicate(Txn txn, Table t, ColumnSchema[] index, Row a, Row b) {
        if (order(txn, t, a, b) > 0) {
            Row tmp = a;
            a = b;
            b = tmp;
        }
        StringBuilder s = new StringBuilder("Transaction causes multiple rows in \"").append(t.name())
                .append("\" table to have identical values (");
        values(a, index, s);
        s.append(") for index on ");
        s.append(index.length == 1 ? "column " : "columns ");
        for (int i = 0; i < index.length; i++) {
            s.append(delimiter(i, index.length)).append('"').append(index[i].name()).append('"');
        }
        s.append(".  ");
        describe(txn, t, index, a, "First", s);
        s.append("  ");
        describe(txn, t, index, b, "Second", s);
        return OvsdbException.constraint(s.toString());
    }

    private static void describe(Txn txn, Table t, ColumnSchema[] index, Row row, String title, StringBuilder s) {
        s.append(title).append(" row, with UUID ").append(row.uuid()).append(", ");
        Txn.TxnRow r = txn.find(t, row.uuid());
        if (r == null || (r.old != null && r.neu != null && r.old.sameData(r.neu))) {
            s.append("existed in the database before this transaction and was not modified by the transaction.");
        } else if (r.old == null) {
            s.append("was inserted by this transaction.");
        } else if (IndexKey.of(r.old, index).equals(IndexKey.of(r.neu, index))) {
            s.append("existed in the database before this transaction, which modified some of the row's columns "
                    + "but not any columns in this index.");
        } else {
            s.append("had the following index values before the transaction: ");
            values(r.old, index, s);
            s.append('.');
        }
    }

    private static void values(Row row, ColumnSchema[] cols, StringBuilder s) {
        for (int i = 0; i < cols.length; i++) {
            s.append(delimiter(i, cols.length));
            row.get(cols[i]).appendString(cols[i].type().isComposite(), s);
        }
    }

    static String delimiter(int i, int n) {
        return i == 0 ? "" : n == 2 ? " and " : i < n - 1 ? ", " : ", and ";
    }

    /**
     * Which row the message names first: one that existed before the transaction before one it
     * inserted, else the lower UUID (ovsdb-server orders them by comparing all columns in its
     * hash order, which this matches in the cases that occur in practice).
     */
    private static int order(Txn txn, Table t, Row a, Row b) {
        int c = Boolean.compare(inserted(txn, t, a), inserted(txn, t, b));
        return c != 0 ? c : Uuids.compare(a.uuid(), b.uuid());
    }

    private static boolean inserted(Txn txn, Table t, Row r) {
        Txn.TxnRow tr = txn.find(t, r.uuid());
        return tr != null && tr.old == null;
    }
}
