package org.jvswitch.ovsdb.db;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.jvswitch.ovsdb.json.Datum;
import org.jvswitch.ovsdb.schema.ColumnSchema;
import org.jvswitch.ovsdb.schema.TableSchema;

import java.util.Arrays;
import java.util.UUID;

/**
 * One version of a row: its table and a value for every column, {@code _uuid} and
 * {@code _version} included (indexes 0 and 1). Immutable: a transaction that changes a row makes
 * a new one, so committed rows can be handed to monitor and storage threads as they are.
 */
public final class Row {

    private final TableSchema table;
    /** One datum per column index. Never written after construction. */
    private final Datum[] fields;

    Row(TableSchema table, Datum[] fields) {
        this.table = table;
        this.fields = fields;
    }

    /** A row of {@code table} with every column at its default. */
    public static Row create(TableSchema table, UUID uuid, UUID version) {
        Datum[] f = table.defaults().clone();
        f[ColumnSchema.UUID_INDEX] = Datum.atom(uuid);
        f[ColumnSchema.VERSION_INDEX] = Datum.atom(version);
        return new Row(table, f);
    }

    /** A row made of {@code fields} (kept, not copied). */
    public static Row of(TableSchema table, Datum[] fields) {
        return new Row(table, fields);
    }

    public TableSchema table() {
        return table;
    }

    public UUID uuid() {
        return (UUID) fields[ColumnSchema.UUID_INDEX].atom();
    }

    public UUID version() {
        return (UUID) fields[ColumnSchema.VERSION_INDEX].atom();
    }

    public Datum get(ColumnSchema column) {
        return fields[column.index()];
    }

    public Datum get(int index) {
        return fields[index];
    }

    /** The value of column {@code name}; throws if there is no such column. */
    public Datum get(String name) {
        ColumnSchema c = table.column(name);
        if (c == null) {
            throw new IllegalArgumentException("no column " + name + " in table " + table.name());
        }
        return fields[c.index()];
    }

    /** A copy of the fields, to build a changed row from. */
    Datum[] fieldsCopy() {
        return fields.clone();
    }

    /** This row with one column changed. */
    public Row with(int index, Datum value) {
        if (fields[index] == value) {
            return this;
        }
        Datum[] f = fields.clone();
        f[index] = value;
        return new Row(table, f);
    }

    /** Whether every user column equals {@code other}'s ({@code _version} ignored). */
    public boolean sameData(Row other) {
        for (int i = 2; i < fields.length; i++) {
            if (fields[i] != other.fields[i] && !fields[i].equals(other.fields[i])) {
                return false;
            }
        }
        return true;
    }

    /** The row as RFC 7047 &lt;row&gt; JSON, all columns but the built-ins. */
    public ObjectNode toJson() {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        for (int i = 2; i < fields.length; i++) {
            o.set(table.column(i).name(), fields[i].toJson());
        }
        return o;
    }

    @Override
    public String toString() {
        return table.name() + " " + uuid() + " " + Arrays.toString(fields);
    }
}
