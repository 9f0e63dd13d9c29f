package org.jvswitch.ovsdb.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.jvswitch.ovsdb.json.OpParser;
import org.jvswitch.ovsdb.json.OvsJson;
import org.jvswitch.ovsdb.json.OvsdbException;
import org.jvswitch.ovsdb.json.Uuids;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One table of a schema: its columns (built-ins first), {@code maxRows}, {@code isRoot} and
 * unique indexes, plus lists derived once for the transaction engine (which columns hold strong
 * or weak references). Immutable after {@link DatabaseSchema} has linked it.
 */
public final class TableSchema {

    private final String name;
    /** All columns by index: {@code _uuid}, {@code _version}, then the schema's in order. */
    private final ColumnSchema[] columns;
    private final Map<String, ColumnSchema> byName;
    private final long maxRows;
    /** As written in the schema; see {@link #isRoot()}. */
    private final boolean declaredRoot;
    private boolean isRoot;
    private final List<ColumnSchema[]> indexes;
    private final ColumnSchema[] strongRefColumns;
    private final ColumnSchema[] weakRefColumns;
    /** Default value of each column (built-ins: the all-zeros UUID). */
    private final org.jvswitch.ovsdb.json.Datum[] defaults;

    TableSchema(String name, List<ColumnSchema> userColumns, long maxRows, boolean isRoot,
                List<ColumnSchema[]> indexes) {
        this.name = name;
        List<ColumnSchema> all = new ArrayList<>(userColumns.size() + 2);
        all.add(new ColumnSchema(ColumnSchema.UUID, 0, ColumnType.scalar(BaseType.of(AtomicType.UUID)), false, true));
        all.add(new ColumnSchema(ColumnSchema.VERSION, 1, ColumnType.scalar(BaseType.of(AtomicType.UUID)), false, true));
        all.addAll(userColumns);
        this.columns = all.toArray(ColumnSchema[]::new);
        this.byName = new LinkedHashMap<>();
        for (ColumnSchema c : columns) {
            byName.put(c.name(), c);
        }
        this.maxRows = maxRows;
        this.declaredRoot = isRoot;
        this.isRoot = isRoot;
        this.indexes = List.copyOf(indexes);
        this.strongRefColumns = userColumns.stream().filter(c -> c.type().hasStrongRefs()).toArray(ColumnSchema[]::new);
        this.weakRefColumns = userColumns.stream().filter(c -> c.type().hasWeakRefs()).toArray(ColumnSchema[]::new);
        this.defaults = new org.jvswitch.ovsdb.json.Datum[columns.length];
        for (ColumnSchema c : columns) {
            defaults[c.index()] = c.type().defaultDatum();
        }
    }

    /** The default value of every column, by index (shared, immutable datums; do not modify the array). */
    public org.jvswitch.ovsdb.json.Datum[] defaults() {
        return defaults;
    }

    public String name() {
        return name;
    }

    /** Every column, built-ins included, by index. Do not modify. */
    public ColumnSchema[] columns() {
        return columns;
    }

    public int columnCount() {
        return columns.length;
    }

    public ColumnSchema column(int index) {
        return columns[index];
    }

    /** The column named {@code name} (built-ins included), or null. */
    public ColumnSchema column(String name) {
        return byName.get(name);
    }

    /** The schema's own columns, in order. */
    public List<ColumnSchema> userColumns() {
        List<ColumnSchema> out = new ArrayList<>(columns.length - 2);
        for (int i = 2; i < columns.length; i++) {
            out.add(columns[i]);
        }
        return out;
    }

    /** Most rows the table may hold; {@link BaseType#UINT_MAX} when unlimited. */
    public long maxRows() {
        return maxRows;
    }

    /** True if rows live without being referenced (no garbage collection). */
    public boolean isRoot() {
        return isRoot;
    }

    boolean declaredRoot() {
        return declaredRoot;
    }

    void setRoot(boolean root) {
        this.isRoot = root;
    }

    /** Unique indexes: each a list of columns whose values together must be unique. */
    public List<ColumnSchema[]> indexes() {
        return indexes;
    }

    public ColumnSchema[] strongRefColumns() {
        return strongRefColumns;
    }

    public ColumnSchema[] weakRefColumns() {
        return weakRefColumns;
    }

    static TableSchema fromJson(String name, JsonNode json) {
        OpParser p = new OpParser(json, "table schema for table " + name);
        JsonNode columnsJson = p.member("columns", OpParser.OBJECT);
        JsonNode maxRowsJson = p.member("maxRows", OpParser.INTEGER | OpParser.OPTIONAL);
        JsonNode isRootJson = p.member("isRoot", OpParser.BOOLEAN | OpParser.OPTIONAL);
        JsonNode indexesJson = p.member("indexes", OpParser.ARRAY | OpParser.OPTIONAL);
        p.member("doc", OpParser.ANY | OpParser.OPTIONAL);
        p.finishOrThrow();
        long maxRows = BaseType.UINT_MAX;
        if (maxRowsJson != null) {
            long v = OvsJson.longValue(maxRowsJson);
            if (v <= 0) {
                throw OvsdbException.syntax(json, "maxRows must be at least 1");
            }
            maxRows = Math.min(v, BaseType.UINT_MAX);
        }
        if (columnsJson.isEmpty()) {
            throw OvsdbException.syntax(json, "table must have at least one column");
        }
        List<ColumnSchema> cols = new ArrayList<>();
        int index = 2;
        for (Map.Entry<String, JsonNode> e : columnsJson.properties()) {
            String col = e.getKey();
            if (col.startsWith("_")) {
                throw OvsdbException.syntax(json, "names beginning with \"_\" are reserved");
            }
            if (!Uuids.isId(col)) {
                throw OvsdbException.syntax(json, "name must be a valid id");
            }
            cols.add(ColumnSchema.fromJson(col, index++, e.getValue()));
        }
        TableSchema partial = new TableSchema(name, cols, maxRows, isRootJson != null && isRootJson.booleanValue(),
                List.of());
        List<ColumnSchema[]> indexes = new ArrayList<>();
        if (indexesJson != null) {
            for (JsonNode ij : indexesJson) {
                indexes.add(parseIndex(partial, ij));
            }
        }
        return new TableSchema(name, cols, maxRows, isRootJson != null && isRootJson.booleanValue(), indexes);
    }

    private static ColumnSchema[] parseIndex(TableSchema t, JsonNode json) {
        if (!json.isArray()) {
            throw OvsdbException.syntax(json, "array of distinct column names expected");
        }
        Set<String> seen = new HashSet<>();
        List<ColumnSchema> cols = new ArrayList<>();
        for (JsonNode n : json) {
            if (!n.isTextual() || !seen.add(n.textValue())) {
                throw OvsdbException.syntax(json, "array of distinct column names expected");
            }
            ColumnSchema c = t.column(n.textValue());
            if (c == null) {
                throw OvsdbException.syntax(json, n.textValue() + " is not a valid column name");
            }
            if (!c.persistent()) {
                throw OvsdbException.syntax(json, "ephemeral columns (such as " + c.name()
                        + ") may not be indexed because they are not persistent");
            }
            cols.add(c);
        }
        if (cols.isEmpty()) {
            throw OvsdbException.syntax(json, "index must have at least one column");
        }
        return cols.toArray(ColumnSchema[]::new);
    }

    /** The &lt;table-schema&gt; as OVS writes it; {@code defaultRoot} is left implicit. */
    JsonNode toJson(boolean defaultRoot) {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        ObjectNode cols = o.putObject("columns");
        for (int i = 2; i < columns.length; i++) {
            cols.set(columns[i].name(), columns[i].toJson());
        }
        if (maxRows != BaseType.UINT_MAX) {
            o.put("maxRows", maxRows);
        }
        if (isRoot != defaultRoot) {
            o.put("isRoot", isRoot);
        }
        if (!indexes.isEmpty()) {
            ArrayNode ia = o.putArray("indexes");
            for (ColumnSchema[] index : indexes) {
                ArrayNode a = ia.addArray();
                for (ColumnSchema c : index) {
                    a.add(c.name());
                }
            }
        }
        return o;
    }

    @Override
    public String toString() {
        return name;
    }

    /** Unmodifiable view of columns by name. */
    public Map<String, ColumnSchema> columnsByName() {
        return Collections.unmodifiableMap(byName);
    }
}
