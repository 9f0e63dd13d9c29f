package org.jvswitch.ovsdb.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.jvswitch.jsonrpc.JsonRpcMapper;
import org.jvswitch.ovsdb.json.OpParser;
import org.jvswitch.ovsdb.json.OvsJson;
import org.jvswitch.ovsdb.json.OvsdbException;
import org.jvswitch.ovsdb.json.Uuids;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A &lt;database-schema&gt; (RFC 7047 3.2): name, version, optional checksum and tables, with
 * every {@code refTable} resolved. If no table says {@code isRoot}, every table is a root (OVS's
 * rule for schemas older than garbage collection). Immutable and shared by every thread.
 */
public final class DatabaseSchema {

    private static final Pattern VERSION = Pattern.compile("\\d+\\.\\d+\\.\\d+");

    private final String name;
    private final String version;
    private final String cksum;
    private final Map<String, TableSchema> tables;
    /** True when no table declared isRoot, so all are roots and toJson leaves it implicit. */
    private final boolean allRoot;
    /** The schema as OVS writes it ({@link #toJson}), built once. */
    private final ObjectNode json;

    private DatabaseSchema(String name, String version, String cksum, Map<String, TableSchema> tables) {
        this.name = name;
        this.version = version;
        this.cksum = cksum;
        this.tables = Collections.unmodifiableMap(tables);
        this.allRoot = tables.values().stream().noneMatch(TableSchema::declaredRoot);
        if (allRoot) {
            tables.values().forEach(t -> t.setRoot(true));
        }
        this.json = buildJson();
    }

    public String name() {
        return name;
    }

    /** The "x.y.z" version, or null if the schema has none. */
    public String version() {
        return version;
    }

    public String cksum() {
        return cksum;
    }

    /** The table named {@code name}, or null. */
    public TableSchema table(String name) {
        return tables.get(name);
    }

    public Collection<TableSchema> tables() {
        return tables.values();
    }

    /** Parses a schema, checking it as ovsdb-server does. */
    public static DatabaseSchema fromJson(JsonNode json) {
        OpParser p = new OpParser(json, "database schema");
        JsonNode nameJson = p.member("name", OpParser.ID);
        JsonNode versionJson = p.member("version", OpParser.STRING | OpParser.OPTIONAL);
        JsonNode cksumJson = p.member("cksum", OpParser.STRING | OpParser.OPTIONAL);
        JsonNode tablesJson = p.member("tables", OpParser.OBJECT);
        p.member("doc", OpParser.ANY | OpParser.OPTIONAL);
        p.finishOrThrow();
        String version = versionJson != null ? versionJson.textValue() : null;
        if (version != null && !VERSION.matcher(version).matches()) {
            throw OvsdbException.syntax(json, "schema version \"" + version + "\" not in format x.y.z");
        }
        Map<String, TableSchema> tables = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : tablesJson.properties()) {
            String t = e.getKey();
            if (t.startsWith("_")) {
                throw OvsdbException.syntax(json, "names beginning with \"_\" are reserved");
            }
            if (!Uuids.isId(t)) {
                throw OvsdbException.syntax(json, "name must be a valid id");
            }
            tables.put(t, TableSchema.fromJson(t, e.getValue()));
        }
        for (TableSchema t : tables.values()) {
            for (ColumnSchema c : t.userColumns()) {
                link(tables, t, c, c.type().key());
                if (c.type().value() != null) {
                    link(tables, t, c, c.type().value());
                }
            }
        }
        return new DatabaseSchema(nameJson.textValue(), version,
                cksumJson != null ? cksumJson.textValue() : null, tables);
    }

    private static void link(Map<String, TableSchema> tables, TableSchema t, ColumnSchema c, BaseType b) {
        if (b.refTableName() != null) {
            TableSchema ref = tables.get(b.refTableName());
            if (ref == null) {
                throw OvsdbException.syntax(null, "column " + c.name() + " in table " + t.name()
                        + " refers to undefined table " + b.refTableName());
            }
            b.linkRefTable(ref);
        }
    }

    /** Reads and parses a schema file. */
    public static DatabaseSchema read(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return fromJson(JsonRpcMapper.get().readTree(in));
        }
    }

    /** Reads and parses a schema from a class path resource. */
    public static DatabaseSchema fromResource(String resource) throws IOException {
        try (InputStream in = DatabaseSchema.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IOException(resource + ": no such resource");
            }
            return fromJson(JsonRpcMapper.get().readTree(in));
        }
    }

    /** The schema as {@code get_schema} returns it. Shared: do not modify. */
    public ObjectNode toJson() {
        return json;
    }

    /** The schema as compact JSON with sorted keys (the {@code _Server} schema column). */
    public String toSortedString() {
        return OvsJson.toString(json, true);
    }

    private ObjectNode buildJson() {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("name", name);
        if (version != null) {
            o.put("version", version);
        }
        if (cksum != null) {
            o.put("cksum", cksum);
        }
        ObjectNode t = o.putObject("tables");
        for (TableSchema ts : tables.values()) {
            t.set(ts.name(), ts.toJson(allRoot));
        }
        return o;
    }

    @Override
    public String toString() {
        return name;
    }
}
