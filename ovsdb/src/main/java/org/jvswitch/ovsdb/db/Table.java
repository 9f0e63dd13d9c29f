package org.jvswitch.ovsdb.db;

import org.jvswitch.ovsdb.schema.ColumnSchema;
import org.jvswitch.ovsdb.schema.TableSchema;

import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.UUID;

/**
 * The committed rows of one table, by UUID, and its unique indexes. Written only by the engine
 * thread when a transaction commits (or the database file is replayed); read by the engine
 * thread. Rows themselves are immutable and may be passed to other threads.
 */
public final class Table {

    private final TableSchema schema;
    private final HashMap<UUID, Row> rows = new HashMap<>();
    /** One map per schema index, from the index columns' values to the row holding them. */
    private final List<HashMap<IndexKey, Row>> indexes;

    Table(TableSchema schema) {
        this.schema = schema;
        this.indexes = schema.indexes().stream().map(i -> new HashMap<IndexKey, Row>()).toList();
    }

    public TableSchema schema() {
        return schema;
    }

    public String name() {
        return schema.name();
    }

    /** The committed row {@code uuid}, or null. */
    public Row get(UUID uuid) {
        return rows.get(uuid);
    }

    public int size() {
        return rows.size();
    }

    /** Every committed row. Engine thread; do not modify. */
    public Collection<Row> rows() {
        return Collections.unmodifiableCollection(rows.values());
    }

    /** The committed row whose values in index {@code i} are those of {@code probe}, or null. */
    Row indexLookup(int i, Row probe) {
        return indexes.get(i).get(IndexKey.of(probe, schema.indexes().get(i)));
    }

    /** Adds or replaces a row, keeping the indexes right. */
    void put(Row row) {
        Row old = rows.put(row.uuid(), row);
        for (int i = 0; i < indexes.size(); i++) {
            ColumnSchema[] cols = schema.indexes().get(i);
            if (old != null) {
                IndexKey ok = IndexKey.of(old, cols);
                if (indexes.get(i).get(ok) == old) {
                    indexes.get(i).remove(ok);
                }
            }
            indexes.get(i).put(IndexKey.of(row, cols), row);
        }
    }

    /** Removes a row; returns it, or null if absent. */
    Row remove(UUID uuid) {
        Row old = rows.remove(uuid);
        if (old != null) {
            for (int i = 0; i < indexes.size(); i++) {
                IndexKey ok = IndexKey.of(old, schema.indexes().get(i));
                if (indexes.get(i).get(ok) == old) {
                    indexes.get(i).remove(ok);
                }
            }
        }
        return old;
    }

    void clear() {
        rows.clear();
        indexes.forEach(HashMap::clear);
    }
}
