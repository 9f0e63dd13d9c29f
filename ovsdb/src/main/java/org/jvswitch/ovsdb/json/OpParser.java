package org.jvswitch.ovsdb.json;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Iterator;
import java.util.Map;

/**
 * Reads the members of one JSON object the way OVS's {@code ovsdb_parser} does, so that errors
 * come out in the same words and the same precedence: the first problem raised wins; members
 * nobody asked for are an error at {@link #finish}; a parse error overrides whatever error the
 * caller found meanwhile.
 *
 * <pre>{@code
 * OpParser p = new OpParser(json, "ovsdb operation 1 of 2");
 * JsonNode table = p.member("table", OpParser.ID);
 * ...
 * OvsdbException e = p.finish();
 * }</pre>
 *
 * <p>Messages: "Parsing NAME failed: Required 'm' member is missing.", "... Type mismatch for
 * member 'm'.", "... Member 'm' is present but not allowed here.", each a syntax error whose
 * syntax is the whole object. Not thread-safe; one per object parsed.
 */
public final class OpParser {

    public static final int NULL = 1;
    public static final int FALSE = 1 << 1;
    public static final int TRUE = 1 << 2;
    public static final int OBJECT = 1 << 3;
    public static final int ARRAY = 1 << 4;
    public static final int INTEGER = 1 << 5;
    public static final int REAL = 1 << 6;
    public static final int STRING = 1 << 7;
    public static final int BOOLEAN = FALSE | TRUE;
    public static final int NUMBER = INTEGER | REAL;
    public static final int ANY = NULL | BOOLEAN | OBJECT | ARRAY | NUMBER | STRING;
    /** A string that is an &lt;id&gt;. */
    public static final int ID = 1 << 8;
    public static final int OPTIONAL = 1 << 9;

    private final JsonNode json;
    private final String name;
    /** Members asked for and found, in order (a handful: a list beats a hash set here). */
    private String[] used = new String[8];
    private int nUsed;
    private OvsdbException error;

    /** @param name what is being parsed, for messages ("ovsdb operation 1 of 3") */
    public OpParser(JsonNode json, String name) {
        this.json = json != null && json.isObject() ? json : null;
        this.name = name;
        if (this.json == null) {
            raise("Object expected.");
        }
    }

    /** The object being parsed, or null if it was not an object. */
    public JsonNode json() {
        return json;
    }

    /**
     * The member {@code member} if present and of one of {@code types}; otherwise null, having
     * raised "Required ... missing" (unless {@link #OPTIONAL}) or "Type mismatch".
     */
    public JsonNode member(String member, int types) {
        if (json == null) {
            return null;
        }
        JsonNode v = json.get(member);
        if (v == null) {
            if ((types & OPTIONAL) == 0) {
                raise("Required '" + member + "' member is missing.");
            }
            return null;
        }
        if ((types & typeBit(v)) != 0 || ((types & ID) != 0 && v.isTextual() && Uuids.isId(v.textValue()))) {
            if (nUsed == used.length) {
                used = java.util.Arrays.copyOf(used, nUsed * 2);
            }
            used[nUsed++] = member;
            return v;
        }
        raise("Type mismatch for member '" + member + "'.");
        return null;
    }

    private static int typeBit(JsonNode v) {
        return switch (v.getNodeType()) {
            case NULL -> NULL;
            case BOOLEAN -> v.booleanValue() ? TRUE : FALSE;
            case OBJECT -> OBJECT;
            case ARRAY -> ARRAY;
            case NUMBER -> OvsJson.isInteger(v) ? INTEGER : REAL;
            case STRING -> STRING;
            default -> 0;
        };
    }

    /** Raises "Parsing NAME failed: MESSAGE" unless an error was raised already. */
    public void raise(String message) {
        if (error == null) {
            error = OvsdbException.syntax(json, "Parsing " + name + " failed: " + message);
        }
    }

    public boolean hasError() {
        return error != null;
    }

    /** The error raised so far, or null. */
    public OvsdbException error() {
        return error;
    }

    /** Throws the error raised so far, if any. */
    public void check() {
        if (error != null) {
            throw error;
        }
    }

    private boolean isUsed(String key) {
        for (int i = 0; i < nUsed; i++) {
            if (used[i].equals(key)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Ends parsing: the first error raised, or an error naming a member nobody asked for, or
     * null if all went well.
     */
    public OvsdbException finish() {
        if (error == null && json != null && json.size() > nUsed) {
            int unused = json.size() - nUsed;
            for (Iterator<Map.Entry<String, JsonNode>> it = json.properties().iterator(); it.hasNext(); ) {
                String key = it.next().getKey();
                if (!isUsed(key)) {
                    if (unused > 1) {
                        raise("Member '" + key + "' and " + (unused - 1) + " other member"
                                + (unused > 2 ? "s" : "") + " are present but not allowed here.");
                    } else {
                        raise("Member '" + key + "' is present but not allowed here.");
                    }
                    break;
                }
            }
        }
        return error;
    }

    /** {@link #finish}, throwing its error if there is one. */
    public void finishOrThrow() {
        OvsdbException e = finish();
        if (e != null) {
            throw e;
        }
    }
}
