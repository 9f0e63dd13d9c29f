package org.jvswitch.ovsdb.json;

import com.fasterxml.jackson.databind.JsonNode;
import org.jvswitch.ovsdb.schema.BaseType;
import org.jvswitch.ovsdb.schema.ColumnType;

/**
 * Parses a column value from JSON against its type, with OVS's rules and messages: a map must be
 * {@code ["map", [[k, v], ...]]}; {@code ["set", [...]]} is a set; anything else is a single atom.
 * The element count is checked first ("set must have 0 to 3 members but 4 are present"), then
 * each atom is parsed and checked against its constraints, then duplicates are refused ("set
 * contains duplicate", tagged "ovsdb error").
 */
public final class DatumParser {

    private DatumParser() {
    }

    /** Parses {@code json} as a value of {@code type}; {@code symbols} resolves named UUIDs. */
    public static Datum parse(ColumnType type, JsonNode json, Symbols symbols) {
        return parse(type, json, symbols, true);
    }

    /**
     * Parses without element bounds or atom constraints: for diffs read from a database file,
     * which may hold more elements than the column allows.
     */
    public static Datum parseRelaxed(ColumnType type, JsonNode json) {
        return parse(type.withBounds(0, ColumnType.UNLIMITED), json, null, false);
    }

    private static Datum parse(ColumnType type, JsonNode json, Symbols symbols, boolean check) {
        boolean isMap = type.isMap();
        if (isMap || isTagged(json, "set")) {
            String tag = isMap ? "map" : "set";
            if (!json.isArray() || json.size() != 2 || !json.get(0).isTextual()
                    || !json.get(0).textValue().equals(tag) || !json.get(1).isArray()) {
                throw OvsdbException.syntax(json, "expected [\"" + tag + "\", <array>]");
            }
            JsonNode elems = json.get(1);
            int n = elems.size();
            if (n < type.min() || n > type.max()) {
                throw OvsdbException.syntax(json, tag + " must have "
                        + (type.min() == 1 && type.max() == 1 ? "exactly one member" : type.min() + " to " + type.max()
                        + " members") + " but " + n + " are present");
            }
            Object[] keys = new Object[n];
            Object[] values = isMap ? new Object[n] : null;
            for (int i = 0; i < n; i++) {
                JsonNode e = elems.get(i);
                if (isMap) {
                    if (!e.isArray() || e.size() != 2) {
                        throw OvsdbException.syntax(e, "expected 2-element array");
                    }
                    keys[i] = atom(type.key(), e.get(0), symbols, check);
                    values[i] = atom(type.value(), e.get(1), symbols, check);
                } else {
                    keys[i] = atom(type.key(), e, symbols, check);
                }
            }
            Datum d = Datum.sortUnique(keys, values);
            if (d == null) {
                throw OvsdbException.of("ovsdb error", isMap ? "map contains duplicate key" : "set contains duplicate");
            }
            return d;
        }
        return Datum.atom(atom(type.key(), json, symbols, check));
    }

    private static Object atom(BaseType base, JsonNode json, Symbols symbols, boolean check) {
        Object a = Atoms.fromJson(base.type(), json, symbols);
        if (check) {
            base.check(a);
        }
        return a;
    }

    private static boolean isTagged(JsonNode json, String tag) {
        return json.isArray() && json.size() > 0 && json.get(0).isTextual() && json.get(0).textValue().equals(tag);
    }

    /** Checks every atom of {@code d} against the constraints of {@code type}. */
    public static void checkConstraints(ColumnType type, Datum d) {
        for (int i = 0; i < d.size(); i++) {
            type.key().check(d.key(i));
            if (type.value() != null) {
                type.value().check(d.value(i));
            }
        }
    }
}
