package org.jvswitch.ovsdb.db;

import com.fasterxml.jackson.databind.JsonNode;
import org.jvswitch.ovsdb.json.OvsdbException;
import org.jvswitch.ovsdb.schema.ColumnSchema;
import org.jvswitch.ovsdb.schema.TableSchema;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Parses the {@code "columns"} and {@code "sort"} arrays of operations, with OVS's messages. */
public final class ColumnSet {

    private ColumnSet() {
    }

    /**
     * The columns named in {@code json}, or, when {@code json} is null, every column of the table
     * ({@code _uuid} and {@code _version} included).
     */
    public static List<ColumnSchema> fromJson(TableSchema table, JsonNode json) {
        if (json == null) {
            return List.of(table.columns());
        }
        if (!json.isArray()) {
            throw OvsdbException.syntax(json, "array of distinct column names expected");
        }
        List<ColumnSchema> out = new ArrayList<>(json.size());
        Set<String> seen = new HashSet<>();
        for (JsonNode n : json) {
            if (!n.isTextual()) {
                throw OvsdbException.syntax(json, "array of distinct column names expected");
            }
            ColumnSchema c = table.column(n.textValue());
            if (c == null) {
                throw OvsdbException.syntax(json, n.textValue() + " is not a valid column name");
            }
            if (!seen.add(c.name())) {
                throw OvsdbException.syntax(json, "array of distinct column names expected");
            }
            out.add(c);
        }
        return out;
    }
}
