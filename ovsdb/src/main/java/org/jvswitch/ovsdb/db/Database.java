package org.jvswitch.ovsdb.db;

import org.jvswitch.ovsdb.json.Datum;
import org.jvswitch.ovsdb.schema.ColumnSchema;
import org.jvswitch.ovsdb.schema.DatabaseSchema;
import org.jvswitch.ovsdb.schema.TableSchema;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The committed contents of one database: its tables and the reference index that garbage
 * collection and referential integrity need.
 *
 * <p>How: a transaction ({@link Txn}) records its changes aside; {@link Committer} checks them
 * and, if they hold, {@link #apply}s them here in one step. Replaying the database file applies
 * its records the same way, without the checks (they held when the records were written).
 *
 * <p>Threads: engine thread only. Rows read from here are immutable and may be passed on.
 */
public final class Database {

    private final DatabaseSchema schema;
    private final Map<String, Table> tables = new LinkedHashMap<>();
    final RefIndex refs = new RefIndex();
    /** True for databases clients may read but not write ({@code _Server}). */
    private final boolean reserved;

    public Database(DatabaseSchema schema) {
        this.schema = schema;
        this.reserved = schema.name().startsWith("_");
        for (TableSchema t : schema.tables()) {
            tables.put(t.name(), new Table(t));
        }
    }

    public String name() {
        return schema.name();
    }

    public DatabaseSchema schema() {
        return schema;
    }

    /** True for {@code _Server}: clients may not write it. */
    public boolean reserved() {
        return reserved;
    }

    /** The table named {@code name}, or null. */
    public Table table(String name) {
        return tables.get(name);
    }

    public Table table(TableSchema schema) {
        return tables.get(schema.name());
    }

    public Collection<Table> tables() {
        return Collections.unmodifiableCollection(tables.values());
    }

    /** Number of rows in all tables. */
    public long rowCount() {
        long n = 0;
        for (Table t : tables.values()) {
            n += t.size();
        }
        return n;
    }

    /** Number of column values in all rows (OVS's "cells" in memory/show). */
    public long cellCount() {
        long n = 0;
        for (Table t : tables.values()) {
            n += (long) t.size() * (t.schema().columnCount() - 2);
        }
        return n;
    }

    /** Rows holding weak references, for memory/show. */
    public int weakRefTargets() {
        return refs.weakTargets();
    }

    /**
     * Applies changes read back from the database file, without a transaction's checks (they
     * held when the record was written). Engine thread (or before the engine starts).
     */
    public void load(Map<Table, List<RowChange>> changes) {
        apply(changes);
    }

    /** Applies committed changes: rows, indexes and references. */
    void apply(Map<Table, List<RowChange>> changes) {
        for (Map.Entry<Table, List<RowChange>> e : changes.entrySet()) {
            Table t = e.getKey();
            for (RowChange c : e.getValue()) {
                updateRefs(t, c.old(), c.neu());
                if (c.neu() == null) {
                    t.remove(c.uuid());
                } else {
                    t.put(c.neu());
                }
            }
        }
    }

    private void updateRefs(Table t, Row old, Row neu) {
        TableSchema ts = t.schema();
        UUID self = old != null ? old.uuid() : neu.uuid();
        for (ColumnSchema c : ts.strongRefColumns()) {
            diff(c, old, neu, true, (target, base, delta) -> {
                if (!target.equals(self)) {
                    refs.addStrong(target, delta);
                }
            });
        }
        for (ColumnSchema c : ts.weakRefColumns()) {
            diff(c, old, neu, false, (target, base, delta) -> {
                if (!target.equals(self)) {
                    refs.addWeak(target, t, self, delta);
                }
            });
        }
    }

    private static void diff(ColumnSchema c, Row old, Row neu, boolean strong, Refs.Visitor v) {
        Datum o = old != null ? old.get(c) : null;
        Datum n = neu != null ? neu.get(c) : null;
        if (o == n) {
            return;
        }
        if (o == null) {
            Refs.forEach(c.type(), n, strong, 1, v);
        } else if (n == null) {
            Refs.forEach(c.type(), o, strong, -1, v);
        } else {
            Refs.forEachChange(c.type(), o, n, strong, v);
        }
    }

    /** Strong references to {@code uuid} from other committed rows. */
    int strongRefs(UUID uuid) {
        return refs.strongCount(uuid);
    }

    /** Empties every table (before a reload). */
    void clear() {
        tables.values().forEach(Table::clear);
        refs.clear();
    }

    @Override
    public String toString() {
        return schema.name();
    }
}
