package org.jvswitch.ovsdb.db;

import java.util.UUID;

/**
 * What one committed transaction did to one row: inserted it ({@code old} null), deleted it
 * ({@code neu} null) or replaced {@code old} by {@code neu}. Immutable.
 */
public record RowChange(Table table, UUID uuid, Row old, Row neu) {

    public boolean isInsert() {
        return old == null;
    }

    public boolean isDelete() {
        return neu == null;
    }
}
