package org.jvswitch.bridge;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The switch's copy of the monitored part of the Open_vSwitch database, kept current from the
 * server's {@code update} notifications (RFC 7047 4.1.6: per table, per row uuid, an
 * {@code old} and/or {@code new} object; a row without {@code new} was deleted, and a
 * {@code new} carries the monitored columns, merged here over what the row had).
 *
 * <p>Owned by the bridge thread; not thread-safe.
 */
public final class DbReplica {
    private final Map<String, Map<UUID, DbRow>> tables = new HashMap<>();

    /** Applies a table-updates object; returns whether anything changed. */
    public boolean apply(JsonNode tableUpdates) {
        boolean changed = false;
        var tableIt = tableUpdates.fields();
        while (tableIt.hasNext()) {
            var t = tableIt.next();
            Map<UUID, DbRow> rows = tables.computeIfAbsent(t.getKey(), k -> new HashMap<>());
            var rowIt = t.getValue().fields();
            while (rowIt.hasNext()) {
                var r = rowIt.next();
                UUID uuid;
                try {
                    uuid = UUID.fromString(r.getKey());
                } catch (IllegalArgumentException e) {
                    continue;
                }
                JsonNode update = r.getValue();
                JsonNode nu = update.get("new");
                if (nu == null || !nu.isObject()) {
                    changed |= rows.remove(uuid) != null;
                    continue;
                }
                DbRow old = rows.get(uuid);
                ObjectNode merged = old == null ? ((ObjectNode) nu).deepCopy() : old.columns().deepCopy();
                if (old != null) {
                    merged.setAll((ObjectNode) nu);
                }
                if (old == null || !old.columns().equals(merged)) {
                    rows.put(uuid, new DbRow(uuid, merged));
                    changed = true;
                }
            }
        }
        return changed;
    }

    public void clear() {
        tables.clear();
    }

    public DbRow row(String table, UUID uuid) {
        Map<UUID, DbRow> rows = tables.get(table);
        return rows == null || uuid == null ? null : rows.get(uuid);
    }

    public Collection<DbRow> rows(String table) {
        Map<UUID, DbRow> rows = tables.get(table);
        return rows == null ? List.of() : rows.values();
    }

    /** The Open_vSwitch table's single row, or null before the first update. */
    public DbRow root() {
        Collection<DbRow> rows = rows("Open_vSwitch");
        return rows.isEmpty() ? null : rows.iterator().next();
    }
}
