package org.jvswitch.ovsdb.db;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.jvswitch.ovsdb.json.Atoms;
import org.jvswitch.ovsdb.json.Datum;
import org.jvswitch.ovsdb.json.DatumParser;
import org.jvswitch.ovsdb.json.OpParser;
import org.jvswitch.ovsdb.json.OvsdbException;
import org.jvswitch.ovsdb.json.Symbols;
import org.jvswitch.ovsdb.json.Uuids;
import org.jvswitch.ovsdb.schema.ColumnSchema;
import org.jvswitch.ovsdb.schema.TableSchema;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The operations of {@code transact} (RFC 7047 5.2): insert, select, update, mutate, delete,
 * wait, commit, abort, comment, assert. Each reads its members through an {@link OpParser} in
 * the order OVS does, so the same bad request gets the same first complaint, and works on the
 * transaction's view of the database. Engine thread only.
 */
final class Operations {

    private final Txn txn;
    private final Execution x;

    Operations(Txn txn, Execution x) {
        this.txn = txn;
        this.x = x;
    }

    /** Runs operation {@code name}; false if there is no such operation. */
    boolean run(String name, OpParser p, ObjectNode result) {
        switch (name) {
            case "insert" -> insert(p, result);
            case "select" -> select(p, result);
            case "update" -> update(p, result);
            case "mutate" -> mutate(p, result);
            case "delete" -> delete(p, result);
            case "wait" -> await(p);
            case "commit" -> p.member("durable", OpParser.BOOLEAN);
            case "abort" -> throw OvsdbException.of("aborted", "aborted by request");
            case "comment" -> {
                JsonNode c = p.member("comment", OpParser.STRING);
                if (c != null) {
                    txn.addComment(c.textValue());
                }
            }
            case "assert" -> {
                JsonNode lock = p.member("lock", OpParser.ID);
                if (lock != null && !x.locks().holds(lock.textValue())) {
                    throw OvsdbException.of("not owner", "Asserted lock " + lock.textValue() + " not held.");
                }
            }
            default -> {
                return false;
            }
        }
        return true;
    }

    /** True for operations that do not write. */
    static boolean readOnly(String name) {
        return switch (name) {
            case "select", "wait", "abort", "comment", "assert" -> true;
            default -> false;
        };
    }

    private Table table(OpParser p) {
        JsonNode j = p.member("table", OpParser.ID);
        if (j == null) {
            return null;
        }
        Table t = txn.db().table(j.textValue());
        if (t == null) {
            p.raise("No table named " + j.textValue() + ".");
        }
        return t;
    }

    private void insert(OpParser p, ObjectNode result) {
        Table t = table(p);
        JsonNode uuidJson = p.member("uuid", OpParser.STRING | OpParser.OPTIONAL);
        JsonNode uuidName = p.member("uuid-name", OpParser.ID | OpParser.OPTIONAL);
        JsonNode rowJson = p.member("row", OpParser.OBJECT);
        p.check();
        UUID uuid = null;
        if (uuidJson != null) {
            uuid = Uuids.parse(uuidJson.textValue());
            if (uuid == null) {
                throw OvsdbException.syntax(uuidJson, "bad uuid");
            }
            if (!txn.mayCreate(t, uuid)) {
                throw OvsdbException.syntax(uuidJson, "duplicate uuid", "This UUID would duplicate a UUID already "
                        + "present within the table or deleted within the same transaction.");
            }
        }
        if (uuidName != null) {
            Symbols.Symbol s = txn.symbols().symbol(uuidName.textValue());
            if (s.created()) {
                throw OvsdbException.syntax(uuidName, "duplicate uuid-name",
                        "This \"uuid-name\" appeared on an earlier \"insert\" operation.");
            }
            if (uuid == null) {
                uuid = s.uuid();
            }
            txn.symbols().create(s, uuid);
        } else if (uuid == null) {
            uuid = Uuids.random();
        }
        Datum[] fields = Row.create(t.schema(), uuid, Uuids.random()).fieldsCopy();
        parseRow(t.schema(), rowJson, fields, null);
        fields[ColumnSchema.UUID_INDEX] = Datum.atom(uuid);
        // Defaults may break a column's constraints (an enum without "" or 0, a range without 0).
        for (ColumnSchema c : t.schema().userColumns()) {
            if (fields[c.index()].size() == 1) {
                DatumParser.checkConstraints(c.type(), fields[c.index()]);
            }
        }
        txn.insert(t, Row.of(t.schema(), fields));
        result.set("uuid", Atoms.uuidJson(uuid));
    }

    /** Parses a &lt;row&gt; into {@code fields}; records the columns given in {@code given}. */
    private void parseRow(TableSchema ts, JsonNode json, Datum[] fields, List<ColumnSchema> given) {
        for (Map.Entry<String, JsonNode> e : json.properties()) {
            ColumnSchema c = ts.column(e.getKey());
            if (c == null) {
                throw OvsdbException.syntax(json, "unknown column", "No column " + e.getKey() + " in table "
                        + ts.name() + ".");
            }
            fields[c.index()] = DatumParser.parse(c.type(), e.getValue(), txn.symbols());
            if (given != null) {
                given.add(c);
            }
        }
    }

    private Condition where(Table t, JsonNode where) {
        return Condition.fromJson(t.schema(), where, txn.symbols());
    }

    /** Rows of {@code t} that match {@code cond}, as the transaction sees them. */
    private List<Row> query(Table t, Condition cond) {
        UUID pinned = cond.uuidEquality();
        if (pinned != null) {
            Row r = txn.row(t, pinned);
            return r != null && cond.matchesAll(r) ? List.of(r) : List.of();
        }
        List<Row> all = txn.rows(t);
        if (cond.isEmpty()) {
            return all;
        }
        List<Row> out = new ArrayList<>();
        for (Row r : all) {
            if (cond.matchesAll(r)) {
                out.add(r);
            }
        }
        return out;
    }

    private void select(OpParser p, ObjectNode result) {
        Table t = table(p);
        JsonNode where = p.member("where", OpParser.ARRAY);
        JsonNode columnsJson = p.member("columns", OpParser.ARRAY | OpParser.OPTIONAL);
        JsonNode sortJson = p.member("sort", OpParser.ARRAY | OpParser.OPTIONAL);
        p.check();
        Condition cond = where(t, where);
        List<ColumnSchema> columns = ColumnSet.fromJson(t.schema(), columnsJson);
        List<ColumnSchema> sort = sortJson == null ? List.of() : ColumnSet.fromJson(t.schema(), sortJson);
        List<Row> rows = query(t, cond);
        if (columnsJson != null && !columns.isEmpty() && !columns.contains(t.schema().column(ColumnSchema.UUID))) {
            rows = distinct(rows, columns);
        }
        if (!sort.isEmpty()) {
            rows = new ArrayList<>(rows);
            rows.sort((a, b) -> {
                for (ColumnSchema c : sort) {
                    int r = a.get(c).compareTo(b.get(c));
                    if (r != 0) {
                        return r;
                    }
                }
                return 0;
            });
        }
        ArrayNode out = result.putArray("rows");
        for (Row r : rows) {
            ObjectNode o = out.addObject();
            for (ColumnSchema c : columns) {
                o.set(c.name(), r.get(c).toJson());
            }
        }
    }

    private static List<Row> distinct(List<Row> rows, List<ColumnSchema> columns) {
        ColumnSchema[] cols = columns.toArray(ColumnSchema[]::new);
        Set<IndexKey> seen = new HashSet<>();
        List<Row> out = new ArrayList<>(rows.size());
        for (Row r : rows) {
            if (seen.add(IndexKey.of(r, cols))) {
                out.add(r);
            }
        }
        return out;
    }

    private void update(OpParser p, ObjectNode result) {
        Table t = table(p);
        JsonNode where = p.member("where", OpParser.ARRAY);
        JsonNode rowJson = p.member("row", OpParser.OBJECT);
        p.check();
        Datum[] fields = t.schema().defaults().clone();
        List<ColumnSchema> given = new ArrayList<>();
        parseRow(t.schema(), rowJson, fields, given);
        for (ColumnSchema c : given) {
            if (!c.mutable()) {
                throw OvsdbException.syntax(p.json(), "constraint violation", "Cannot update immutable column "
                        + c.name() + " in table " + t.name() + ".");
            }
        }
        Condition cond = where(t, where);
        List<Row> rows = query(t, cond);
        for (Row r : rows) {
            Datum[] f = null;
            for (ColumnSchema c : given) {
                Datum v = fields[c.index()];
                if (!r.get(c).equals(v)) {
                    if (f == null) {
                        f = r.fieldsCopy();
                    }
                    f[c.index()] = v;
                }
            }
            if (f != null) {
                txn.modify(t, r, Row.of(t.schema(), f));
            }
        }
        result.put("count", rows.size());
    }

    private void mutate(OpParser p, ObjectNode result) {
        Table t = table(p);
        JsonNode where = p.member("where", OpParser.ARRAY);
        JsonNode mutationsJson = p.member("mutations", OpParser.ARRAY);
        p.check();
        List<Mutation> mutations = new ArrayList<>(mutationsJson.size());
        for (JsonNode m : mutationsJson) {
            mutations.add(Mutation.fromJson(t.schema(), m, txn.symbols()));
        }
        Condition cond = where(t, where);
        List<Row> rows = query(t, cond);
        for (Row r : rows) {
            Datum[] f = r.fieldsCopy();
            for (Mutation m : mutations) {
                int i = m.column().index();
                f[i] = m.apply(f[i]);
            }
            txn.modify(t, r, Row.of(t.schema(), f));
        }
        result.put("count", rows.size());
    }

    private void delete(OpParser p, ObjectNode result) {
        JsonNode where = p.member("where", OpParser.ARRAY);
        Table t = table(p);
        p.check();
        Condition cond = where(t, where);
        List<Row> rows = query(t, cond);
        for (Row r : rows) {
            txn.delete(t, r);
        }
        result.put("count", rows.size());
    }

    private void await(OpParser p) {
        JsonNode timeout = p.member("timeout", OpParser.INTEGER | OpParser.OPTIONAL);
        JsonNode where = p.member("where", OpParser.ARRAY);
        JsonNode columnsJson = p.member("columns", OpParser.ARRAY | OpParser.OPTIONAL);
        JsonNode until = p.member("until", OpParser.STRING);
        JsonNode rowsJson = p.member("rows", OpParser.ARRAY);
        Table t = table(p);
        p.check();
        Condition cond = where(t, where);
        List<ColumnSchema> columns = ColumnSet.fromJson(t.schema(), columnsJson);
        long timeoutMs = Long.MAX_VALUE;
        if (timeout != null) {
            timeoutMs = timeout.longValue();
            if (timeoutMs < 0) {
                throw OvsdbException.syntax(timeout, "timeout must be nonnegative");
            }
            x.lowerTimeout(timeoutMs);
        }
        String u = until.textValue();
        if (!u.equals("==") && !u.equals("!=")) {
            throw OvsdbException.syntax(until, "\"until\" must be \"==\" or \"!=\"");
        }
        ColumnSchema[] cols = columns.toArray(ColumnSchema[]::new);
        Set<IndexKey> expected = new HashSet<>();
        for (JsonNode rj : rowsJson) {
            Datum[] f = t.schema().defaults().clone();
            parseRow(t.schema(), rj, f, null);
            expected.add(IndexKey.of(Row.of(t.schema(), f), cols));
        }
        Set<IndexKey> actual = new HashSet<>();
        boolean equal = true;
        for (Row r : query(t, cond)) {
            IndexKey k = IndexKey.of(r, cols);
            if (!expected.contains(k)) {
                equal = false;
                break;
            }
            actual.add(k);
        }
        equal = equal && actual.size() == expected.size();
        if (u.equals("==") != equal) {
            if (timeout != null && x.elapsedMs() >= timeoutMs) {
                throw OvsdbException.of("timed out", x.elapsedMs() > 0
                        ? "\"wait\" timed out after " + x.elapsedMs() + " ms" : "\"where\" clause test failed");
            }
            throw Execution.BLOCKED;
        }
    }
}
