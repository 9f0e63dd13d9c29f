package org.jvswitch.ovsdb.db;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * One committed transaction, as monitors, the transaction history and the database file need
 * it: the changes grouped by table (tables in schema order), its id, comment and time. Built by
 * the engine thread, then read-only and shared with the storage and session threads.
 *
 * @param txnId     this transaction's id ({@code update3}, {@code monitor_cond_since})
 * @param tables    changes per table; no table without changes
 * @param comment   the transaction's {@code comment} operations joined by newlines, or null
 * @param dateMillis wall-clock time of the commit
 */
public record Commit(Database db, UUID txnId, Map<Table, List<RowChange>> tables, String comment,
                     long dateMillis) {

    public boolean isEmpty() {
        return tables.isEmpty();
    }

    /** Rows changed, over all tables. */
    public int rowCount() {
        int n = 0;
        for (List<RowChange> l : tables.values()) {
            n += l.size();
        }
        return n;
    }
}
