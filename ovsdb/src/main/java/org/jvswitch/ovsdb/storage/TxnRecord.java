package org.jvswitch.ovsdb.storage;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.jvswitch.ovsdb.db.Commit;
import org.jvswitch.ovsdb.db.Row;
import org.jvswitch.ovsdb.db.RowChange;
import org.jvswitch.ovsdb.db.Table;
import org.jvswitch.ovsdb.json.Datum;
import org.jvswitch.ovsdb.json.DatumDiff;
import org.jvswitch.ovsdb.schema.ColumnSchema;
import org.jvswitch.ovsdb.schema.ColumnType;

import java.util.List;
import java.util.Map;

/**
 * The database file's transaction and snapshot records, as OVS writes them:
 *
 * <pre>
 * {"Bridge": {"&lt;uuid&gt;": {"name": "br0", ...},   inserted: its non-default columns
 *             "&lt;uuid&gt;": {"ports": ...},         changed: its changed columns
 *             "&lt;uuid&gt;": null},                  deleted
 *  "_date": &lt;ms&gt;, "_comment": "...", "_is_diff": true}
 * </pre>
 *
 * In a {@code "_is_diff"} record a changed column holds the difference from its previous value
 * ({@link DatumDiff}); OVS's reader applies it unless the previous value was the column's
 * default, so this writer writes the whole value in that case, which both readers agree on.
 * Ephemeral columns are not written. Called on the storage thread; rows are immutable.
 */
public final class TxnRecord {

    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private TxnRecord() {
    }

    /** The record of {@code commit}, or null if it changed nothing that is written to disk. */
    public static ObjectNode of(Commit commit) {
        ObjectNode rec = F.objectNode();
        boolean any = false;
        for (Map.Entry<Table, List<RowChange>> e : commit.tables().entrySet()) {
            ObjectNode tj = null;
            for (RowChange c : e.getValue()) {
                JsonNode rj = rowJson(c.old(), c.neu());
                if (rj == null) {
                    continue;
                }
                if (tj == null) {
                    tj = rec.putObject(e.getKey().name());
                }
                tj.set(c.uuid().toString(), rj);
                any = true;
            }
        }
        if (!any) {
            return null;
        }
        rec.put("_date", commit.dateMillis());
        if (commit.comment() != null) {
            rec.put("_comment", commit.comment());
        }
        rec.put("_is_diff", true);
        return rec;
    }

    private static JsonNode rowJson(Row old, Row neu) {
        if (neu == null) {
            return F.nullNode();
        }
        ObjectNode o = F.objectNode();
        ColumnSchema[] cols = neu.table().columns();
        for (int i = 2; i < cols.length; i++) {
            ColumnSchema c = cols[i];
            if (!c.persistent()) {
                continue;
            }
            ColumnType type = c.type();
            Datum n = neu.get(i);
            if (old == null) {
                if (!type.isDefault(n)) {
                    o.set(c.name(), n.toJson());
                }
            } else {
                Datum p = old.get(i);
                if (p != n && !p.equals(n)) {
                    Datum v = !type.isComposite() || type.isDefault(p) ? n : DatumDiff.diff(type, p, n);
                    o.set(c.name(), v.toJson());
                }
            }
        }
        if (old != null && o.isEmpty()) {
            return null;
        }
        return o;
    }

    /** One row of a snapshot record: its non-default persistent columns. */
    static ObjectNode snapshotRow(Row row) {
        return (ObjectNode) rowJson(null, row);
    }
}
