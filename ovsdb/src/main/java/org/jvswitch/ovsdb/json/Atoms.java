package org.jvswitch.ovsdb.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.TextNode;
import org.jvswitch.ovsdb.schema.AtomicType;

import java.util.UUID;

/**
 * Atoms: the values of OVSDB's atomic types, held as {@link Long}, {@link Double},
 * {@link Boolean}, {@link String} and {@link UUID}. This class parses them from JSON, writes them
 * back, orders them as OVS does (numbers numerically, strings by strcmp, UUIDs as unsigned
 * 128-bit numbers) and prints them for error messages as OVS's {@code ovsdb_atom_to_string}.
 */
public final class Atoms {

    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    private static final TextNode UUID_TAG = TextNode.valueOf("uuid");

    private Atoms() {
    }

    /**
     * Parses an atom of {@code type} from {@code json}. UUIDs are {@code ["uuid", "..."]}, or
     * {@code ["named-uuid", "name"]} when {@code symbols} is given (a name not seen yet gets a
     * fresh UUID, as in OVS, and the transaction fails later if nothing inserts it).
     */
    public static Object fromJson(AtomicType type, JsonNode json, Symbols symbols) {
        switch (type) {
            case INTEGER -> {
                if (OvsJson.isInteger(json)) {
                    return OvsJson.longValue(json);
                }
            }
            case REAL -> {
                if (OvsJson.isNumber(json)) {
                    double d = OvsJson.isInteger(json) ? (double) OvsJson.longValue(json) : json.doubleValue();
                    return d == 0 ? 0.0 : d;  // -0.0 reads as 0, as OVS's lexer makes it an integer
                }
            }
            case BOOLEAN -> {
                if (json.isBoolean()) {
                    return json.booleanValue();
                }
            }
            case STRING -> {
                if (json.isTextual()) {
                    return json.textValue();
                }
            }
            case UUID -> {
                return parseUuid(json, symbols);
            }
        }
        throw OvsdbException.syntax(json, "expected " + type.jsonName());
    }

    private static UUID parseUuid(JsonNode json, Symbols symbols) {
        if (isPair(json, "uuid")) {
            String s = json.get(1).textValue();
            UUID u = Uuids.parse(s);
            if (u == null) {
                throw OvsdbException.syntax(json, "\"" + s + "\" is not a valid UUID");
            }
            return u;
        }
        if (symbols != null && isPair(json, "named-uuid")) {
            return symbols.use(json.get(1).textValue());
        }
        throw OvsdbException.syntax(json, "expected [\"uuid\", <string>]");
    }

    private static boolean isPair(JsonNode json, String tag) {
        return json.isArray() && json.size() == 2 && json.get(0).isTextual()
                && json.get(0).textValue().equals(tag) && json.get(1).isTextual();
    }

    /** The JSON form of {@code atom}. */
    public static JsonNode toJson(Object atom) {
        return switch (atom) {
            case Long l -> LongNode.valueOf(l);
            case Double d -> DoubleNode.valueOf(d);
            case Boolean b -> BooleanNode.valueOf(b);
            case String s -> TextNode.valueOf(s);
            case UUID u -> uuidJson(u);
            default -> throw new IllegalArgumentException("not an atom: " + atom);
        };
    }

    /** {@code ["uuid", "xxxxxxxx-..."]}. */
    public static ArrayNode uuidJson(UUID u) {
        ArrayNode a = F.arrayNode(2);
        a.add(UUID_TAG);
        a.add(u.toString());
        return a;
    }

    /** OVS's order of two atoms of the same type. */
    public static int compare(Object a, Object b) {
        return switch (a) {
            case Long l -> Long.compare(l, (Long) b);
            case Double d -> {
                double x = d;
                double y = (Double) b;
                yield x < y ? -1 : x > y ? 1 : 0;
            }
            case Boolean x -> Boolean.compare(x, (Boolean) b);
            case String s -> OvsJson.compareUtf8(s, (String) b);
            case UUID u -> Uuids.compare(u, (UUID) b);
            default -> throw new IllegalArgumentException("not an atom: " + a);
        };
    }

    /** Whether two atoms are equal ({@code 0.0 == -0.0}, as in C). */
    public static boolean equal(Object a, Object b) {
        if (a instanceof Double x && b instanceof Double y) {
            return x.doubleValue() == y.doubleValue();
        }
        return a.equals(b);
    }

    /** Whether {@code atom} is its type's default (0, 0.0, false, "", all-zeros UUID). */
    public static boolean isDefault(Object atom) {
        return switch (atom) {
            case Long l -> l == 0;
            case Double d -> d == 0;
            case Boolean b -> !b;
            case String s -> s.isEmpty();
            case UUID u -> u.getMostSignificantBits() == 0 && u.getLeastSignificantBits() == 0;
            default -> false;
        };
    }

    /**
     * {@code atom} as OVS writes it in messages: numbers plainly (reals {@code %.15g}), UUIDs
     * bare, strings bare when they look like identifiers ({@code br0}, {@code my-val.1}) and as
     * JSON strings otherwise ({@code "br 0"}, {@code ""}, {@code "true"}).
     */
    public static void appendString(Object atom, StringBuilder out) {
        switch (atom) {
            case Double d -> out.append(OvsJson.formatReal(d));
            case String s -> {
                if (needsQuotes(s)) {
                    OvsJson.writeString(s, out);
                } else {
                    out.append(s);
                }
            }
            default -> out.append(atom);
        }
    }

    public static String toString(Object atom) {
        StringBuilder sb = new StringBuilder();
        appendString(atom, sb);
        return sb.toString();
    }

    private static boolean needsQuotes(String s) {
        if (s.isEmpty()) {
            return true;
        }
        char c = s.charAt(0);
        if (!Uuids.isAsciiAlpha(c) && c != '_') {
            return true;
        }
        for (int i = 1; i < s.length(); i++) {
            c = s.charAt(i);
            if (!Uuids.isAsciiAlpha(c) && !(c >= '0' && c <= '9') && c != '_' && c != '-' && c != '.') {
                return true;
            }
        }
        return s.equals("true") || s.equals("false");
    }
}
