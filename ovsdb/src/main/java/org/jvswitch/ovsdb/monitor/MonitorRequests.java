package org.jvswitch.ovsdb.monitor;

import com.fasterxml.jackson.databind.JsonNode;
import org.jvswitch.ovsdb.db.Condition;
import org.jvswitch.ovsdb.json.OpParser;
import org.jvswitch.ovsdb.json.OvsdbException;
import org.jvswitch.ovsdb.schema.ColumnSchema;
import org.jvswitch.ovsdb.schema.DatabaseSchema;
import org.jvswitch.ovsdb.schema.TableSchema;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Parses {@code <monitor-requests>} and {@code <monitor-cond-requests>}: per table one request
 * or an array of them, each with optional {@code columns}, {@code select} and (conditional
 * dialects) {@code where}. Several requests for one table are merged: their columns joined (a
 * column may be named once), their selects or-ed, their conditions or-ed. Without
 * {@code columns} every column but {@code _uuid} is watched.
 */
public final class MonitorRequests {

    private MonitorRequests() {
    }

    public static Map<TableSchema, TableSpec> parse(MonitorVersion v, DatabaseSchema schema, JsonNode requests) {
        if (!requests.isObject()) {
            throw OvsdbException.syntax(requests, "monitor-requests must be object");
        }
        Map<TableSchema, TableSpec> out = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : requests.properties()) {
            TableSchema ts = schema.table(e.getKey());
            if (ts == null) {
                throw OvsdbException.syntax(null, "no table named " + e.getKey());
            }
            List<JsonNode> list = new ArrayList<>();
            if (e.getValue().isArray()) {
                e.getValue().forEach(list::add);
            } else {
                list.add(e.getValue());
            }
            out.put(ts, table(v, ts, list));
        }
        return out;
    }

    private static TableSpec table(MonitorVersion v, TableSchema ts, List<JsonNode> requests) {
        Set<ColumnSchema> columns = new LinkedHashSet<>();
        boolean initial = false;
        boolean insert = false;
        boolean delete = false;
        boolean modify = false;
        List<Condition.Clause> clauses = new ArrayList<>();
        boolean all = false;
        for (JsonNode req : requests) {
            OpParser p = new OpParser(req, "table " + ts.name());
            JsonNode cols = p.member("columns", OpParser.ARRAY | OpParser.OPTIONAL);
            JsonNode select = p.member("select", OpParser.OBJECT | OpParser.OPTIONAL);
            JsonNode where = v != MonitorVersion.V1 ? p.member("where", OpParser.ARRAY | OpParser.OPTIONAL) : null;
            p.finishOrThrow();
            boolean[] sel = {true, true, true, true};
            if (select != null) {
                OpParser sp = new OpParser(select, "table " + ts.name() + " select");
                String[] names = {"initial", "insert", "delete", "modify"};
                for (int i = 0; i < 4; i++) {
                    JsonNode b = sp.member(names[i], OpParser.BOOLEAN | OpParser.OPTIONAL);
                    if (b != null) {
                        sel[i] = b.booleanValue();
                    }
                }
                sp.finishOrThrow();
            }
            initial |= sel[0];
            insert |= sel[1];
            delete |= sel[2];
            modify |= sel[3];
            if (cols != null) {
                for (JsonNode c : cols) {
                    if (!c.isTextual()) {
                        throw OvsdbException.syntax(cols, "array of column names expected");
                    }
                    ColumnSchema col = ts.column(c.textValue());
                    if (col == null) {
                        throw OvsdbException.syntax(cols, c.textValue() + " is not a valid column name");
                    }
                    if (!columns.add(col)) {
                        throw OvsdbException.syntax(cols, "column " + c.textValue() + " mentioned more than once");
                    }
                }
            } else {
                for (ColumnSchema col : ts.columns()) {
                    if (col.index() != ColumnSchema.UUID_INDEX && !columns.add(col)) {
                        throw OvsdbException.syntax(null, "column " + col.name() + " mentioned more than once");
                    }
                }
            }
            if (where == null || where.isEmpty()) {
                all = true;
            } else {
                clauses.addAll(Condition.fromJson(ts, where, null).clauses());
            }
        }
        Condition cond = all || requests.isEmpty() ? Condition.TRUE : Condition.of(clauses);
        return new TableSpec(ts, columns.toArray(ColumnSchema[]::new), initial, insert, delete, modify, cond);
    }

    /** Parses the new conditions of {@code monitor_cond_change} for one monitor's specs. */
    public static Map<TableSchema, TableSpec> change(DatabaseSchema schema, Map<TableSchema, TableSpec> specs,
                                                    JsonNode requests) {
        if (!requests.isObject()) {
            throw OvsdbException.syntax(requests, "monitor-cond-change-requests must be object");
        }
        Map<TableSchema, TableSpec> out = new LinkedHashMap<>(specs);
        for (Map.Entry<String, JsonNode> e : requests.properties()) {
            TableSchema ts = schema.table(e.getKey());
            if (ts == null) {
                throw OvsdbException.syntax(null, "no table named " + e.getKey());
            }
            TableSpec spec = specs.get(ts);
            if (spec == null) {
                throw OvsdbException.syntax(null, "no table named " + e.getKey() + " in monitor session");
            }
            List<JsonNode> list = new ArrayList<>();
            if (e.getValue().isArray()) {
                e.getValue().forEach(list::add);
            } else {
                list.add(e.getValue());
            }
            List<Condition.Clause> clauses = new ArrayList<>();
            boolean all = list.isEmpty();
            for (JsonNode req : list) {
                OpParser p = new OpParser(req, "table " + ts.name());
                JsonNode cols = p.member("columns", OpParser.ARRAY | OpParser.OPTIONAL);
                JsonNode where = p.member("where", OpParser.ARRAY | OpParser.OPTIONAL);
                p.finishOrThrow();
                if (cols != null) {
                    throw OvsdbException.syntax(req, "changing columns is unsupported");
                }
                if (where == null || where.isEmpty()) {
                    all = true;
                } else {
                    clauses.addAll(Condition.fromJson(ts, where, null).clauses());
                }
            }
            out.put(ts, spec.withCondition(all ? Condition.TRUE : Condition.of(clauses)));
        }
        return out;
    }
}
