package org.jvswitch.ovsdb.monitor;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.jvswitch.ovsdb.db.Row;
import org.jvswitch.ovsdb.db.RowChange;
import org.jvswitch.ovsdb.db.Table;
import org.jvswitch.ovsdb.json.Datum;
import org.jvswitch.ovsdb.json.DatumDiff;
import org.jvswitch.ovsdb.schema.ColumnSchema;
import org.jvswitch.ovsdb.schema.TableSchema;

import java.util.List;
import java.util.Map;

/**
 * Builds {@code <table-updates>} (RFC 7047 4.1.6) and {@code <table-updates2>} (ovsdb-server(7)
 * 4.1.14) for a monitor: the initial contents, the changes of a commit, the rows a condition
 * change brings in or drops.
 *
 * <p>{@code update}: {@code "new"} carries every watched column; a modification's {@code "old"}
 * only the watched columns that changed. {@code update2}: {@code "initial"} and {@code "insert"}
 * carry the watched columns that are not at their default, {@code "modify"} the changed columns
 * as diffs, {@code "delete"} null. A conditional monitor reports a row that starts (stops)
 * matching as inserted (deleted). Pure functions of immutable rows: any thread.
 */
public final class Updates {

    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private Updates() {
    }

    /** The initial contents: every watched row of every table with {@code initial}. */
    public static ObjectNode initial(MonitorVersion v, Map<TableSchema, TableSpec> specs,
                                     Map<TableSchema, List<Row>> rows) {
        ObjectNode out = F.objectNode();
        for (Map.Entry<TableSchema, List<Row>> e : rows.entrySet()) {
            TableSpec spec = specs.get(e.getKey());
            if (spec == null || !spec.initial()) {
                continue;
            }
            ObjectNode t = null;
            for (Row r : e.getValue()) {
                if (!spec.matches(r)) {
                    continue;
                }
                if (t == null) {
                    t = out.putObject(e.getKey().name());
                }
                ObjectNode u = F.objectNode();
                if (v == MonitorVersion.V1) {
                    u.set("new", full(spec, r));
                } else {
                    u.set("initial", nonDefault(spec, r));
                }
                t.set(r.uuid().toString(), u);
            }
        }
        return out;
    }

    /** The updates a commit's changes make for a monitor; null if none. */
    public static ObjectNode changes(MonitorVersion v, Map<TableSchema, TableSpec> specs,
                                     Map<Table, List<RowChange>> changes) {
        ObjectNode out = null;
        for (Map.Entry<Table, List<RowChange>> e : changes.entrySet()) {
            TableSpec spec = specs.get(e.getKey().schema());
            if (spec == null) {
                continue;
            }
            ObjectNode t = null;
            for (RowChange c : e.getValue()) {
                ObjectNode u = v == MonitorVersion.V1 ? update1(spec, c.old(), c.neu()) : update2(spec, c.old(), c.neu());
                if (u == null) {
                    continue;
                }
                if (out == null) {
                    out = F.objectNode();
                }
                if (t == null) {
                    t = out.putObject(e.getKey().name());
                }
                t.set(c.uuid().toString(), u);
            }
        }
        return out;
    }

    /**
     * What changing conditions from {@code before} to {@code after} reports: rows that match
     * only the new conditions as inserted, rows that match only the old as deleted.
     */
    public static ObjectNode conditionChange(MonitorVersion v, Map<TableSchema, TableSpec> before,
                                             Map<TableSchema, TableSpec> after, Map<TableSchema, List<Row>> rows) {
        ObjectNode out = F.objectNode();
        for (Map.Entry<TableSchema, List<Row>> e : rows.entrySet()) {
            TableSpec a = before.get(e.getKey());
            TableSpec b = after.get(e.getKey());
            if (a == null || b == null || a.condition() == b.condition()) {
                continue;
            }
            ObjectNode t = null;
            for (Row r : e.getValue()) {
                boolean was = a.matches(r);
                boolean is = b.matches(r);
                ObjectNode u = null;
                if (!was && is && b.insert()) {
                    u = F.objectNode();
                    if (v == MonitorVersion.V1) {
                        u.set("new", full(b, r));
                    } else {
                        u.set("insert", nonDefault(b, r));
                    }
                } else if (was && !is && b.delete()) {
                    u = F.objectNode();
                    if (v == MonitorVersion.V1) {
                        u.set("old", full(b, r));
                    } else {
                        u.putNull("delete");
                    }
                }
                if (u != null) {
                    if (t == null) {
                        t = out.putObject(e.getKey().name());
                    }
                    t.set(r.uuid().toString(), u);
                }
            }
        }
        return out;
    }

    private static ObjectNode update1(TableSpec spec, Row old, Row neu) {
        boolean was = old != null && spec.matches(old);
        boolean is = neu != null && spec.matches(neu);
        if (!was && is) {
            if (!spec.insert()) {
                return null;
            }
            ObjectNode u = F.objectNode();
            u.set("new", full(spec, neu));
            return u;
        }
        if (was && !is) {
            if (!spec.delete()) {
                return null;
            }
            ObjectNode u = F.objectNode();
            u.set("old", full(spec, old));
            return u;
        }
        if (!was || !spec.modify() || !spec.changed(old, neu)) {
            return null;
        }
        ObjectNode o = F.objectNode();
        for (ColumnSchema c : spec.columns()) {
            if (!old.get(c).equals(neu.get(c))) {
                o.set(c.name(), old.get(c).toJson());
            }
        }
        ObjectNode u = F.objectNode();
        u.set("old", o);
        u.set("new", full(spec, neu));
        return u;
    }

    private static ObjectNode update2(TableSpec spec, Row old, Row neu) {
        boolean was = old != null && spec.matches(old);
        boolean is = neu != null && spec.matches(neu);
        if (!was && is) {
            if (!spec.insert()) {
                return null;
            }
            ObjectNode u = F.objectNode();
            u.set("insert", nonDefault(spec, neu));
            return u;
        }
        if (was && !is) {
            if (!spec.delete()) {
                return null;
            }
            ObjectNode u = F.objectNode();
            u.putNull("delete");
            return u;
        }
        if (!was || !spec.modify()) {
            return null;
        }
        ObjectNode m = null;
        for (ColumnSchema c : spec.columns()) {
            Datum a = old.get(c);
            Datum b = neu.get(c);
            if (a != b && !a.equals(b)) {
                if (m == null) {
                    m = F.objectNode();
                }
                m.set(c.name(), DatumDiff.diff(c.type(), a, b).toJson());
            }
        }
        if (m == null) {
            return null;
        }
        ObjectNode u = F.objectNode();
        u.set("modify", m);
        return u;
    }

    private static ObjectNode full(TableSpec spec, Row r) {
        ObjectNode o = F.objectNode();
        for (ColumnSchema c : spec.columns()) {
            o.set(c.name(), r.get(c).toJson());
        }
        return o;
    }

    private static ObjectNode nonDefault(TableSpec spec, Row r) {
        ObjectNode o = F.objectNode();
        for (ColumnSchema c : spec.columns()) {
            Datum d = r.get(c);
            if (!c.type().isDefault(d)) {
                o.set(c.name(), d.toJson());
            }
        }
        return o;
    }
}
