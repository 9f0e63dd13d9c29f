package org.jvswitch.ovsdb.monitor;

import org.jvswitch.ovsdb.db.Condition;
import org.jvswitch.ovsdb.db.Row;
import org.jvswitch.ovsdb.schema.ColumnSchema;
import org.jvswitch.ovsdb.schema.TableSchema;

/**
 * What a monitor watches in one table: which columns, which kinds of change
 * ({@code initial}, {@code insert}, {@code delete}, {@code modify}) and, for conditional
 * monitors, which rows (a row is watched if any clause matches). Immutable; a condition change
 * makes a new spec.
 */
public record TableSpec(TableSchema table, ColumnSchema[] columns, boolean initial, boolean insert,
                        boolean delete, boolean modify, Condition condition) {

    /** This spec with another condition. */
    public TableSpec withCondition(Condition c) {
        return new TableSpec(table, columns, initial, insert, delete, modify, c);
    }

    /** Whether {@code row} (not null) is one this spec watches. */
    public boolean matches(Row row) {
        return condition.matchesAny(row);
    }

    /** Whether some watched column differs between {@code old} and {@code neu}. */
    public boolean changed(Row old, Row neu) {
        for (ColumnSchema c : columns) {
            if (old.get(c) != neu.get(c) && !old.get(c).equals(neu.get(c))) {
                return true;
            }
        }
        return false;
    }
}
