package org.jvswitch.ovsdb.storage;

import com.fasterxml.jackson.databind.JsonNode;
import org.jvswitch.ovsdb.db.Database;
import org.jvswitch.ovsdb.db.Row;
import org.jvswitch.ovsdb.db.RowChange;
import org.jvswitch.ovsdb.db.Table;
import org.jvswitch.ovsdb.json.Datum;
import org.jvswitch.ovsdb.json.DatumDiff;
import org.jvswitch.ovsdb.json.DatumParser;
import org.jvswitch.ovsdb.json.OvsdbException;
import org.jvswitch.ovsdb.json.Uuids;
import org.jvswitch.ovsdb.schema.ColumnSchema;
import org.jvswitch.vlog.Vlog;
import org.slf4j.Logger;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Applies transaction and snapshot records read from a database file to a {@link Database}, as
 * OVS reads them: a row that does not exist yet is inserted over its defaults, one that exists
 * gets the columns given (diffs applied in {@code "_is_diff"} records when the current value is
 * not the default), {@code null} deletes. Values are taken as written: the checks held when the
 * record was committed, and a stricter reading would only lose data. Startup (or engine) thread.
 */
final class RecordReplay {

    private static final Logger LOG = Vlog.module("ovsdb_file");

    private RecordReplay() {
    }

    /** Applies one record. */
    static void apply(Database db, JsonNode record, String file) {
        boolean isDiff = record.path("_is_diff").asBoolean(false);
        Map<Table, List<RowChange>> changes = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : record.properties()) {
            String name = e.getKey();
            if (name.startsWith("_")) {
                continue;
            }
            Table t = db.table(name);
            if (t == null || !e.getValue().isObject()) {
                LOG.warn("{}: record names unknown table {}, skipping it", file, name);
                continue;
            }
            List<RowChange> list = new ArrayList<>();
            for (Map.Entry<String, JsonNode> r : e.getValue().properties()) {
                UUID uuid = Uuids.parse(r.getKey());
                if (uuid == null) {
                    LOG.warn("{}: bad row UUID {} in table {}, skipping it", file, r.getKey(), name);
                    continue;
                }
                Row old = t.get(uuid);
                if (r.getValue().isNull()) {
                    if (old != null) {
                        list.add(new RowChange(t, uuid, old, null));
                    }
                    continue;
                }
                if (!r.getValue().isObject()) {
                    LOG.warn("{}: row {} in table {} is not an object, skipping it", file, uuid, name);
                    continue;
                }
                Row neu = row(t, uuid, old, r.getValue(), isDiff, file);
                list.add(new RowChange(t, uuid, old, neu));
            }
            if (!list.isEmpty()) {
                changes.put(t, list);
            }
        }
        db.load(changes);
    }

    private static Row row(Table t, UUID uuid, Row old, JsonNode json, boolean isDiff, String file) {
        Row base = old != null ? old : Row.create(t.schema(), uuid, Uuids.random());
        Datum[] fields = new Datum[t.schema().columnCount()];
        for (int i = 0; i < fields.length; i++) {
            fields[i] = base.get(i);
        }
        fields[ColumnSchema.VERSION_INDEX] = Datum.atom(Uuids.random());
        for (Map.Entry<String, JsonNode> c : json.properties()) {
            ColumnSchema col = t.schema().column(c.getKey());
            if (col == null || col.builtin()) {
                LOG.warn("{}: unknown column {} in table {}, skipping it", file, c.getKey(), t.name());
                continue;
            }
            try {
                Datum v = DatumParser.parseRelaxed(col.type(), c.getValue());
                Datum cur = fields[col.index()];
                fields[col.index()] = isDiff && old != null && !col.type().isDefault(cur)
                        ? DatumDiff.apply(col.type(), cur, v) : v;
            } catch (OvsdbException e) {
                LOG.warn("{}: bad value for column {} of {} row {}, skipping it: {}", file, c.getKey(), t.name(),
                        uuid, e.details());
            }
        }
        return Row.of(t.schema(), fields);
    }
}
