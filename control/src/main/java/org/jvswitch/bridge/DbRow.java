package org.jvswitch.bridge;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * One row of the switch's replica of the Open_vSwitch database, with typed readers for OVSDB's
 * JSON notation (RFC 7047 section 5.1): an atom is a string, number or boolean, or
 * {@code ["uuid", "..."]}; a set is {@code ["set", [atoms]]} or a lone atom; a map is
 * {@code ["map", [[key, value], ...]]}. A column absent from the row reads as its empty value.
 * Immutable.
 */
public record DbRow(UUID uuid, ObjectNode columns) {

    public String string(String column) {
        JsonNode v = single(column);
        return v == null ? "" : v.asText();
    }

    /** A string column with min 0: null when the set is empty. */
    public String optString(String column) {
        JsonNode v = single(column);
        return v == null ? null : v.asText();
    }

    /** An integer column (optional ones read as {@code dflt} when empty). */
    public long integer(String column, long dflt) {
        JsonNode v = single(column);
        return v == null || !v.isNumber() ? dflt : v.asLong();
    }

    public boolean bool(String column, boolean dflt) {
        JsonNode v = single(column);
        return v == null || !v.isBoolean() ? dflt : v.asBoolean();
    }

    public UUID uuidRef(String column) {
        JsonNode v = single(column);
        return v == null ? null : uuidOf(v);
    }

    public List<UUID> uuids(String column) {
        List<UUID> out = new ArrayList<>();
        for (JsonNode a : setAtoms(column)) {
            UUID u = uuidOf(a);
            if (u != null) {
                out.add(u);
            }
        }
        return out;
    }

    public List<Long> integers(String column) {
        List<Long> out = new ArrayList<>();
        for (JsonNode a : setAtoms(column)) {
            if (a.isNumber()) {
                out.add(a.asLong());
            }
        }
        return out;
    }

    public List<String> strings(String column) {
        List<String> out = new ArrayList<>();
        for (JsonNode a : setAtoms(column)) {
            out.add(a.asText());
        }
        return out;
    }

    /** A string-to-string map column, sorted by key. */
    public Map<String, String> map(String column) {
        Map<String, String> out = new TreeMap<>();
        JsonNode v = columns.get(column);
        if (v != null && v.isArray() && v.size() == 2 && "map".equals(v.get(0).asText())) {
            for (JsonNode pair : v.get(1)) {
                out.put(pair.get(0).asText(), pair.get(1).asText());
            }
        }
        return out;
    }

    /** A map column whose values are uuids (e.g. Open_vSwitch:datapaths). */
    public Map<String, UUID> uuidMap(String column) {
        Map<String, UUID> out = new LinkedHashMap<>();
        JsonNode v = columns.get(column);
        if (v != null && v.isArray() && v.size() == 2 && "map".equals(v.get(0).asText())) {
            for (JsonNode pair : v.get(1)) {
                UUID u = uuidOf(pair.get(1));
                if (u != null) {
                    out.put(pair.get(0).asText(), u);
                }
            }
        }
        return out;
    }

    /** The raw JSON of a column (null if absent), for comparisons. */
    public JsonNode raw(String column) {
        return columns.get(column);
    }

    private JsonNode single(String column) {
        List<JsonNode> atoms = setAtoms(column);
        return atoms.isEmpty() ? null : atoms.getFirst();
    }

    private List<JsonNode> setAtoms(String column) {
        JsonNode v = columns.get(column);
        if (v == null || v.isNull()) {
            return List.of();
        }
        if (v.isArray() && v.size() == 2 && v.get(0).isTextual()) {
            String tag = v.get(0).asText();
            if (tag.equals("set")) {
                List<JsonNode> out = new ArrayList<>();
                v.get(1).forEach(out::add);
                return out;
            }
            if (tag.equals("map")) {
                return List.of();
            }
        }
        return List.of(v);
    }

    public static UUID uuidOf(JsonNode atom) {
        if (atom != null && atom.isArray() && atom.size() == 2 && "uuid".equals(atom.get(0).asText())) {
            try {
                return UUID.fromString(atom.get(1).asText());
            } catch (IllegalArgumentException e) {
                return null;
            }
        }
        return null;
    }
}
