package org.jvswitch.ovsdb.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.jvswitch.ovsdb.json.OpParser;

/**
 * One column of a table: its name, type, and whether clients may change it ({@code mutable})
 * and whether it is written to disk ({@code ephemeral} columns are not). Every table also has the
 * built-in columns {@code _uuid} (index 0) and {@code _version} (index 1); the schema's own
 * columns follow from index 2. Immutable.
 */
public final class ColumnSchema {

    public static final String UUID = "_uuid";
    public static final String VERSION = "_version";
    /** Index of {@code _uuid} in every row. */
    public static final int UUID_INDEX = 0;
    /** Index of {@code _version} in every row. */
    public static final int VERSION_INDEX = 1;

    private final String name;
    private final int index;
    private final ColumnType type;
    private final boolean mutable;
    private final boolean persistent;

    public ColumnSchema(String name, int index, ColumnType type, boolean mutable, boolean persistent) {
        this.name = name;
        this.index = index;
        this.type = type;
        // Weak references disappear when their target does, so the column must be writable.
        this.mutable = mutable || type.hasWeakRefs();
        this.persistent = persistent;
    }

    public String name() {
        return name;
    }

    /** Position of this column's value in a row's fields. */
    public int index() {
        return index;
    }

    public ColumnType type() {
        return type;
    }

    public boolean mutable() {
        return mutable;
    }

    /** False for ephemeral columns, which are not written to the database file. */
    public boolean persistent() {
        return persistent;
    }

    /** True for {@code _uuid} and {@code _version}. */
    public boolean builtin() {
        return index < 2;
    }

    /** Parses one &lt;column-schema&gt;. */
    static ColumnSchema fromJson(String name, int index, JsonNode json) {
        OpParser p = new OpParser(json, "schema for column " + name);
        JsonNode mutable = p.member("mutable", OpParser.BOOLEAN | OpParser.OPTIONAL);
        JsonNode ephemeral = p.member("ephemeral", OpParser.BOOLEAN | OpParser.OPTIONAL);
        JsonNode type = p.member("type", OpParser.STRING | OpParser.OBJECT);
        p.member("doc", OpParser.ANY | OpParser.OPTIONAL);
        p.finishOrThrow();
        ColumnType t = ColumnType.fromJson(type);
        return new ColumnSchema(name, index, t, mutable == null || mutable.booleanValue(),
                ephemeral == null || !ephemeral.booleanValue());
    }

    /** The &lt;column-schema&gt; as OVS writes it. */
    public JsonNode toJson() {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.set("type", type.toJson());
        if (!persistent) {
            o.put("ephemeral", true);
        }
        if (!mutable) {
            o.put("mutable", false);
        }
        return o;
    }

    @Override
    public String toString() {
        return name;
    }
}
