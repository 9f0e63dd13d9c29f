package org.jvswitch.ovsdb.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import org.jvswitch.ovsdb.json.Atoms;
import org.jvswitch.ovsdb.json.Datum;
import org.jvswitch.ovsdb.json.DatumParser;
import org.jvswitch.ovsdb.json.OpParser;
import org.jvswitch.ovsdb.json.OvsJson;
import org.jvswitch.ovsdb.json.OvsdbException;

/**
 * A &lt;base-type&gt;: an atomic type and its constraints (an enum, an integer or real range, a
 * string length range, or a uuid's refTable and refType). Immutable once its schema is built;
 * {@link #refTable()} is resolved when the database schema links its tables.
 */
public final class BaseType {

    /** "Unlimited" for lengths and row counts: C's UINT_MAX, as OVS prints it. */
    public static final long UINT_MAX = 4294967295L;

    private final AtomicType type;
    /** Allowed values, or null. */
    private final Datum enumValues;
    private final long minInteger;
    private final long maxInteger;
    private final double minReal;
    private final double maxReal;
    private final long minLength;
    private final long maxLength;
    private final String refTableName;
    private final RefType refType;
    /** The referenced table, set once by {@link DatabaseSchema} while linking. */
    private TableSchema refTable;

    private BaseType(AtomicType type, Datum enumValues, long minInteger, long maxInteger,
                     double minReal, double maxReal, long minLength, long maxLength,
                     String refTableName, RefType refType) {
        this.type = type;
        this.enumValues = enumValues;
        this.minInteger = minInteger;
        this.maxInteger = maxInteger;
        this.minReal = minReal;
        this.maxReal = maxReal;
        this.minLength = minLength;
        this.maxLength = maxLength;
        this.refTableName = refTableName;
        this.refType = refType;
    }

    /** An unconstrained base type. */
    public static BaseType of(AtomicType type) {
        return new BaseType(type, null, Long.MIN_VALUE, Long.MAX_VALUE, -Double.MAX_VALUE,
                Double.MAX_VALUE, 0, UINT_MAX, null, RefType.STRONG);
    }

    /** A uuid referring to {@code table}. */
    public static BaseType ref(String table, RefType refType) {
        return new BaseType(AtomicType.UUID, null, Long.MIN_VALUE, Long.MAX_VALUE, -Double.MAX_VALUE,
                Double.MAX_VALUE, 0, UINT_MAX, table, refType);
    }

    /** This type without constraints (what arithmetic mutations parse their argument as). */
    public BaseType withoutConstraints() {
        return hasConstraints() ? of(type) : this;
    }

    public AtomicType type() {
        return type;
    }

    public Datum enumValues() {
        return enumValues;
    }

    public String refTableName() {
        return refTableName;
    }

    public RefType refType() {
        return refType;
    }

    public TableSchema refTable() {
        return refTable;
    }

    void linkRefTable(TableSchema table) {
        this.refTable = table;
    }

    public boolean isRef() {
        return refTableName != null;
    }

    public boolean isStrongRef() {
        return refTableName != null && refType == RefType.STRONG;
    }

    public boolean isWeakRef() {
        return refTableName != null && refType == RefType.WEAK;
    }

    public boolean hasConstraints() {
        return enumValues != null || switch (type) {
            case INTEGER -> minInteger != Long.MIN_VALUE || maxInteger != Long.MAX_VALUE;
            case REAL -> minReal != -Double.MAX_VALUE || maxReal != Double.MAX_VALUE;
            case STRING -> minLength != 0 || maxLength != UINT_MAX;
            case UUID -> refTableName != null;
            case BOOLEAN -> false;
        };
    }

    /** Throws a "constraint violation" if {@code atom} breaks this type's constraints. */
    public void check(Object atom) {
        if (enumValues != null) {
            if (!enumValues.containsKey(atom)) {
                StringBuilder sb = new StringBuilder();
                Atoms.appendString(atom, sb);
                sb.append(" is not one of the allowed values (");
                enumValues.appendString(true, sb);
                sb.append(')');
                throw OvsdbException.constraint(sb.toString());
            }
            return;
        }
        switch (type) {
            case INTEGER -> {
                long x = (Long) atom;
                if (x < minInteger || x > maxInteger) {
                    throw OvsdbException.constraint(range(Long.toString(x), minInteger == Long.MIN_VALUE,
                            Long.toString(minInteger), maxInteger == Long.MAX_VALUE, Long.toString(maxInteger)));
                }
            }
            case REAL -> {
                double x = (Double) atom;
                if (x < minReal || x > maxReal) {
                    throw OvsdbException.constraint(range(OvsJson.formatReal(x), minReal == -Double.MAX_VALUE,
                            OvsJson.formatReal(minReal), maxReal == Double.MAX_VALUE, OvsJson.formatReal(maxReal)));
                }
            }
            case STRING -> {
                String s = (String) atom;
                if (minLength != 0 || maxLength != UINT_MAX) {
                    long n = s.codePointCount(0, s.length());
                    if (n < minLength) {
                        throw OvsdbException.constraint(quoted(s) + " length " + n
                                + " is less than minimum allowed length " + minLength);
                    }
                    if (n > maxLength) {
                        throw OvsdbException.constraint(quoted(s) + " length " + n
                                + " is greater than maximum allowed length " + maxLength);
                    }
                }
            }
            default -> {
            }
        }
    }

    private static String range(String x, boolean noMin, String min, boolean noMax, String max) {
        if (noMax) {
            return x + " is less than minimum allowed value " + min;
        } else if (noMin) {
            return x + " is greater than maximum allowed value " + max;
        }
        return x + " is not in the valid range " + min + " to " + max + " (inclusive)";
    }

    private static String quoted(String s) {
        StringBuilder sb = new StringBuilder();
        OvsJson.writeString(s, sb);
        return sb.toString();
    }

    /** Parses a &lt;base-type&gt;. */
    public static BaseType fromJson(JsonNode json) {
        if (json.isTextual()) {
            return of(AtomicType.fromJson(json));
        }
        OpParser p = new OpParser(json, "ovsdb type");
        JsonNode typeJson = p.member("type", OpParser.STRING);
        if (p.hasError()) {
            throw p.finish();
        }
        AtomicType type = AtomicType.fromJson(typeJson);
        Datum enumValues = null;
        long minI = Long.MIN_VALUE;
        long maxI = Long.MAX_VALUE;
        double minR = -Double.MAX_VALUE;
        double maxR = Double.MAX_VALUE;
        long minL = 0;
        long maxL = UINT_MAX;
        String refTable = null;
        RefType refType = RefType.STRONG;
        OvsdbException error = null;
        JsonNode e = p.member("enum", OpParser.ANY | OpParser.OPTIONAL);
        if (e != null) {
            enumValues = DatumParser.parse(ColumnType.set(of(type), 0, UINT_MAX), e, null);
        } else if (type == AtomicType.INTEGER) {
            JsonNode min = p.member("minInteger", OpParser.INTEGER | OpParser.OPTIONAL);
            JsonNode max = p.member("maxInteger", OpParser.INTEGER | OpParser.OPTIONAL);
            minI = min != null ? OvsJson.longValue(min) : minI;
            maxI = max != null ? OvsJson.longValue(max) : maxI;
            if (minI > maxI) {
                error = OvsdbException.syntax(json, "minInteger exceeds maxInteger");
            }
        } else if (type == AtomicType.REAL) {
            JsonNode min = p.member("minReal", OpParser.NUMBER | OpParser.OPTIONAL);
            JsonNode max = p.member("maxReal", OpParser.NUMBER | OpParser.OPTIONAL);
            minR = min != null ? min.doubleValue() : minR;
            maxR = max != null ? max.doubleValue() : maxR;
            if (minR > maxR) {
                error = OvsdbException.syntax(json, "minReal exceeds maxReal");
            }
        } else if (type == AtomicType.STRING) {
            JsonNode min = p.member("minLength", OpParser.INTEGER | OpParser.OPTIONAL);
            JsonNode max = p.member("maxLength", OpParser.INTEGER | OpParser.OPTIONAL);
            if (min != null) {
                minL = lengthOf(min, "minLength");
            }
            if (max != null) {
                maxL = lengthOf(max, "maxLength");
            }
            if (minL > maxL) {
                error = OvsdbException.syntax(json, "minLength exceeds maxLength");
            }
        } else if (type == AtomicType.UUID) {
            JsonNode ref = p.member("refTable", OpParser.ID | OpParser.OPTIONAL);
            if (ref != null) {
                refTable = ref.textValue();
                JsonNode rt = p.member("refType", OpParser.ID | OpParser.OPTIONAL);
                if (rt != null) {
                    switch (rt.textValue()) {
                        case "strong" -> refType = RefType.STRONG;
                        case "weak" -> refType = RefType.WEAK;
                        default -> error = OvsdbException.syntax(json, "refType must be \"strong\" or \"weak\" (not \""
                                + rt.textValue() + "\")");
                    }
                }
            }
        }
        OvsdbException parseError = p.finish();
        if (error != null) {
            throw error;
        }
        if (parseError != null) {
            throw parseError;
        }
        return new BaseType(type, enumValues, minI, maxI, minR, maxR, minL, maxL, refTable, refType);
    }

    private static long lengthOf(JsonNode n, String member) {
        long v = OvsJson.longValue(n);
        if (v < 0 || v > UINT_MAX) {
            throw OvsdbException.syntax(n, member + " out of valid range 0 to " + UINT_MAX);
        }
        return v;
    }

    /** The schema language form, as OVS writes it: a bare name when unconstrained. */
    public JsonNode toJson() {
        if (!hasConstraints()) {
            return TextNode.valueOf(type.jsonName());
        }
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("type", type.jsonName());
        if (enumValues != null) {
            JsonNode ej = enumValues.toJson();
            o.set("enum", ej);
        }
        switch (type) {
            case INTEGER -> {
                if (minInteger != Long.MIN_VALUE) {
                    o.put("minInteger", minInteger);
                }
                if (maxInteger != Long.MAX_VALUE) {
                    o.put("maxInteger", maxInteger);
                }
            }
            case REAL -> {
                if (minReal != -Double.MAX_VALUE) {
                    o.put("minReal", minReal);
                }
                if (maxReal != Double.MAX_VALUE) {
                    o.put("maxReal", maxReal);
                }
            }
            case STRING -> {
                if (minLength != 0) {
                    o.put("minLength", minLength);
                }
                if (maxLength != UINT_MAX) {
                    o.put("maxLength", maxLength);
                }
            }
            case UUID -> {
                if (refTableName != null) {
                    o.put("refTable", refTableName);
                    if (refType == RefType.WEAK) {
                        o.put("refType", "weak");
                    }
                }
            }
            default -> {
            }
        }
        return o;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof BaseType b && type == b.type && java.util.Objects.equals(enumValues, b.enumValues)
                && minInteger == b.minInteger && maxInteger == b.maxInteger
                && Double.compare(minReal, b.minReal) == 0 && Double.compare(maxReal, b.maxReal) == 0
                && minLength == b.minLength && maxLength == b.maxLength
                && java.util.Objects.equals(refTableName, b.refTableName) && refType == b.refType;
    }

    @Override
    public int hashCode() {
        return type.hashCode() * 31 + java.util.Objects.hashCode(refTableName);
    }

    @Override
    public String toString() {
        return toJson().toString();
    }
}
