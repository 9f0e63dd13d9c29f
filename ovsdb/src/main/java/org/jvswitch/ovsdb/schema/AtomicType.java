package org.jvswitch.ovsdb.schema;

import com.fasterxml.jackson.databind.JsonNode;
import org.jvswitch.ovsdb.json.OvsdbException;
import org.jvswitch.ovsdb.json.Uuids;

/**
 * The five atomic types of RFC 7047 and the Java class that holds each: {@code integer} is a
 * {@link Long}, {@code real} a {@link Double}, {@code boolean} a {@link Boolean},
 * {@code string} a {@link String}, {@code uuid} a {@link java.util.UUID}.
 */
public enum AtomicType {
    INTEGER("integer", 0L),
    REAL("real", 0.0),
    BOOLEAN("boolean", Boolean.FALSE),
    STRING("string", ""),
    UUID("uuid", Uuids.ZERO);

    private final String jsonName;
    private final Object defaultAtom;

    AtomicType(String jsonName, Object defaultAtom) {
        this.jsonName = jsonName;
        this.defaultAtom = defaultAtom;
    }

    /** The schema language's name: "integer", "real", ... */
    public String jsonName() {
        return jsonName;
    }

    /** The default value of an atom of this type: 0, 0.0, false, "" or the all-zeros UUID. */
    public Object defaultAtom() {
        return defaultAtom;
    }

    /** The type named {@code name}, or null. */
    public static AtomicType named(String name) {
        for (AtomicType t : values()) {
            if (t.jsonName.equals(name)) {
                return t;
            }
        }
        return null;
    }

    /** Parses an &lt;atomic-type&gt;, with OVS's errors. */
    public static AtomicType fromJson(JsonNode json) {
        if (!json.isTextual()) {
            throw OvsdbException.syntax(json, "atomic-type expected");
        }
        AtomicType t = named(json.textValue());
        if (t == null) {
            throw OvsdbException.syntax(json, "\"" + json.textValue() + "\" is not an atomic-type");
        }
        return t;
    }

    @Override
    public String toString() {
        return jsonName;
    }
}
