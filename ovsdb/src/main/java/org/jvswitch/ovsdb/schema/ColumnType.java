package org.jvswitch.ovsdb.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.jvswitch.ovsdb.json.Datum;
import org.jvswitch.ovsdb.json.OpParser;
import org.jvswitch.ovsdb.json.OvsJson;
import org.jvswitch.ovsdb.json.OvsdbException;

/**
 * A column's &lt;type&gt;: a key base type, an optional value base type (a map), and how many
 * elements the column holds ({@code min} 0 or 1, {@code max} 1 to unlimited). Immutable.
 */
public final class ColumnType {

    /** {@code "max": "unlimited"}. */
    public static final long UNLIMITED = BaseType.UINT_MAX;

    private final BaseType key;
    private final BaseType value;
    private final int min;
    private final long max;

    public ColumnType(BaseType key, BaseType value, int min, long max) {
        this.key = key;
        this.value = value;
        this.min = min;
        this.max = max;
    }

    /** A scalar of {@code base}: exactly one element. */
    public static ColumnType scalar(BaseType base) {
        return new ColumnType(base, null, 1, 1);
    }

    /** A set of {@code base} with {@code min} to {@code max} elements. */
    public static ColumnType set(BaseType base, int min, long max) {
        return new ColumnType(base, null, min, max);
    }

    public BaseType key() {
        return key;
    }

    /** The value type of a map; null for sets and scalars. */
    public BaseType value() {
        return value;
    }

    public int min() {
        return min;
    }

    public long max() {
        return max;
    }

    public boolean isMap() {
        return value != null;
    }

    /** Exactly one atom. */
    public boolean isScalar() {
        return value == null && min == 1 && max == 1;
    }

    /** Zero or one atom. */
    public boolean isOptionalScalar() {
        return value == null && min == 0 && max == 1;
    }

    /** Not a map and not a plain scalar (OVS's {@code ovsdb_type_is_set}). */
    public boolean isSet() {
        return value == null && !(min == 1 && max == 1);
    }

    /** May hold more than one element (OVS's {@code ovsdb_type_is_composite}). */
    public boolean isComposite() {
        return max > 1;
    }

    public boolean hasStrongRefs() {
        return key.isStrongRef() || (value != null && value.isStrongRef());
    }

    public boolean hasWeakRefs() {
        return key.isWeakRef() || (value != null && value.isWeakRef());
    }

    public boolean hasRefs() {
        return key.isRef() || (value != null && value.isRef());
    }

    /** This type with other element bounds. */
    public ColumnType withBounds(int newMin, long newMax) {
        return new ColumnType(key, value, newMin, newMax);
    }

    /** The default value: empty, or one default atom (pair) when min is 1. */
    public Datum defaultDatum() {
        if (min == 0) {
            return value != null ? Datum.EMPTY_MAP : Datum.EMPTY_SET;
        }
        return value != null ? Datum.pair(key.type().defaultAtom(), value.type().defaultAtom())
                : Datum.atom(key.type().defaultAtom());
    }

    /** Whether {@code d} is this type's default. */
    public boolean isDefault(Datum d) {
        if (d.size() != min) {
            return false;
        }
        if (min == 0) {
            return true;
        }
        return org.jvswitch.ovsdb.json.Atoms.isDefault(d.key(0))
                && (value == null || org.jvswitch.ovsdb.json.Atoms.isDefault(d.value(0)));
    }

    /** Whether {@code d} has an allowed number of elements. */
    public boolean conforms(Datum d) {
        return d.size() >= min && d.size() <= max;
    }

    /** OVS's English name: "string", "set of up to 3 integers", "map of 1 to 4 (integer, string) pairs". */
    public String toEnglish() {
        String k = key.type().jsonName();
        if (isScalar()) {
            return k;
        }
        StringBuilder sb = new StringBuilder(value == null ? "set" : "map");
        if (max == UNLIMITED) {
            sb.append(min > 0 ? " of " + min + " or more" : " of");
        } else if (min > 0) {
            sb.append(" of ").append(min).append(" to ").append(max);
        } else {
            sb.append(" of up to ").append(max);
        }
        if (value == null) {
            sb.append(' ').append(k).append('s');
        } else {
            sb.append(" (").append(k).append(", ").append(value.type().jsonName()).append(") pairs");
        }
        return sb.toString();
    }

    /** Parses a &lt;type&gt;. */
    public static ColumnType fromJson(JsonNode json) {
        if (json.isTextual()) {
            return scalar(BaseType.fromJson(json));
        }
        if (!json.isObject()) {
            throw OvsdbException.syntax(json, "ovsdb type expected");
        }
        OpParser p = new OpParser(json, "ovsdb type");
        JsonNode keyJson = p.member("key", OpParser.STRING | OpParser.OBJECT);
        JsonNode valueJson = p.member("value", OpParser.STRING | OpParser.OBJECT | OpParser.OPTIONAL);
        JsonNode minJson = p.member("min", OpParser.INTEGER | OpParser.OPTIONAL);
        JsonNode maxJson = p.member("max", OpParser.INTEGER | OpParser.STRING | OpParser.OPTIONAL);
        p.finishOrThrow();
        BaseType key = BaseType.fromJson(keyJson);
        BaseType value = valueJson != null ? BaseType.fromJson(valueJson) : null;
        long min = minJson != null ? bound(minJson) : 1;
        long max;
        if (maxJson != null && maxJson.isTextual() && maxJson.textValue().equals("unlimited")) {
            max = UNLIMITED;
        } else {
            max = maxJson != null ? bound(maxJson) : 1;
        }
        if (min > 1 || max < 1) {
            throw OvsdbException.syntax(json, "ovsdb type fails constraint checks");
        }
        return new ColumnType(key, value, (int) min, max);
    }

    private static long bound(JsonNode n) {
        if (OvsJson.isInteger(n)) {
            long v = OvsJson.longValue(n);
            if (v >= 0 && v < UNLIMITED) {
                return v;
            }
        }
        throw OvsdbException.syntax(n, "bad min or max value");
    }

    /** The schema language form, as OVS writes it: a bare base type for unconstrained scalars. */
    public JsonNode toJson() {
        if (isScalar() && !key.hasConstraints()) {
            return key.toJson();
        }
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.set("key", key.toJson());
        if (value != null) {
            o.set("value", value.toJson());
        }
        if (min != 1) {
            o.put("min", min);
        }
        if (max == UNLIMITED) {
            o.put("max", "unlimited");
        } else if (max != 1) {
            o.put("max", max);
        }
        return o;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ColumnType t && key.equals(t.key) && java.util.Objects.equals(value, t.value)
                && min == t.min && max == t.max;
    }

    @Override
    public int hashCode() {
        return key.hashCode() * 31 + min;
    }

    @Override
    public String toString() {
        return toEnglish();
    }
}
