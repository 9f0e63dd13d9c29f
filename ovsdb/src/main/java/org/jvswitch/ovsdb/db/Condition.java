package org.jvswitch.ovsdb.db;

import com.fasterxml.jackson.databind.JsonNode;
import org.jvswitch.ovsdb.json.Atoms;
import org.jvswitch.ovsdb.json.Datum;
import org.jvswitch.ovsdb.json.DatumParser;
import org.jvswitch.ovsdb.json.OvsdbException;
import org.jvswitch.ovsdb.json.Symbols;
import org.jvswitch.ovsdb.schema.AtomicType;
import org.jvswitch.ovsdb.schema.ColumnSchema;
import org.jvswitch.ovsdb.schema.ColumnType;
import org.jvswitch.ovsdb.schema.TableSchema;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * A {@code where}: clauses {@code [column, function, value]} (RFC 7047 5.1) and, as OVS allows,
 * the constants {@code true} and {@code false}. A transaction's {@code where} holds when every
 * clause does ({@link #matchesAll}); a conditional monitor's when any does
 * ({@link #matchesAny}; an empty one matches everything). Immutable; any thread.
 */
public final class Condition {

    /** The functions of RFC 7047 5.1. */
    public enum Function {
        LT("<"), LE("<="), EQ("=="), NE("!="), GE(">="), GT(">"), INCLUDES("includes"), EXCLUDES("excludes");

        final String text;

        Function(String text) {
            this.text = text;
        }

        static Function named(String s) {
            for (Function f : values()) {
                if (f.text.equals(s)) {
                    return f;
                }
            }
            return null;
        }
    }

    /** One clause; a constant when {@code column} is null. */
    public record Clause(ColumnSchema column, Function function, Datum arg, boolean constant) {

        boolean eval(Row row) {
            if (column == null) {
                return constant;
            }
            Datum v = row.get(column);
            return switch (function) {
                case EQ -> v.equals(arg);
                case NE -> !v.equals(arg);
                case INCLUDES -> includes(v, arg);
                case EXCLUDES -> excludes(v, arg);
                case LT, LE, GT, GE -> {
                    if (v.isEmpty() || arg.isEmpty()) {
                        yield false;
                    }
                    int c = Atoms.compare(v.key(0), arg.key(0));
                    yield switch (function) {
                        case LT -> c < 0;
                        case LE -> c <= 0;
                        case GT -> c > 0;
                        default -> c >= 0;
                    };
                }
            };
        }
    }

    /** The empty condition. */
    public static final Condition TRUE = new Condition(List.of());

    private final List<Clause> clauses;

    private Condition(List<Clause> clauses) {
        this.clauses = clauses;
    }

    public List<Clause> clauses() {
        return clauses;
    }

    public boolean isEmpty() {
        return clauses.isEmpty();
    }

    /** Every clause holds (a transaction's where). */
    public boolean matchesAll(Row row) {
        for (Clause c : clauses) {
            if (!c.eval(row)) {
                return false;
            }
        }
        return true;
    }

    /** Some clause holds, or there are none (a conditional monitor's where). */
    public boolean matchesAny(Row row) {
        if (clauses.isEmpty()) {
            return true;
        }
        for (Clause c : clauses) {
            if (c.eval(row)) {
                return true;
            }
        }
        return false;
    }

    /** The UUID this condition pins with {@code _uuid == [uuid]} (a fast path), or null. */
    public UUID uuidEquality() {
        for (Clause c : clauses) {
            if (c.column != null && c.column.index() == ColumnSchema.UUID_INDEX && c.function == Function.EQ
                    && c.arg.size() == 1) {
                return (UUID) c.arg.atom();
            }
        }
        return null;
    }

    /** True if some clause is the constant false (a monitor condition that matches nothing). */
    public boolean isConstantFalse() {
        return clauses.size() == 1 && clauses.get(0).column == null && !clauses.get(0).constant;
    }

    /** A condition of {@code clauses}. */
    public static Condition of(List<Clause> clauses) {
        return clauses.isEmpty() ? TRUE : new Condition(List.copyOf(clauses));
    }

    /** Parses a {@code where} array against {@code table}. */
    public static Condition fromJson(TableSchema table, JsonNode json, Symbols symbols) {
        List<Clause> out = new ArrayList<>(json.size());
        for (JsonNode c : json) {
            out.add(clause(table, c, symbols));
        }
        return of(out);
    }

    private static Clause clause(TableSchema table, JsonNode json, Symbols symbols) {
        if (json.isBoolean()) {
            return new Clause(null, null, null, json.booleanValue());
        }
        if (!json.isArray() || json.size() != 3 || !json.get(0).isTextual() || !json.get(1).isTextual()) {
            throw OvsdbException.syntax(json, "Parse error in condition.");
        }
        String name = json.get(0).textValue();
        ColumnSchema column = table.column(name);
        if (column == null) {
            throw OvsdbException.syntax(json, "unknown column", "No column " + name + " in table " + table.name() + ".");
        }
        String fname = json.get(1).textValue();
        Function f = Function.named(fname);
        if (f == null) {
            throw OvsdbException.of("unknown function", "No function named " + fname + ".");
        }
        ColumnType type = column.type();
        switch (f) {
            case LT, LE, GT, GE -> {
                AtomicType k = type.key().type();
                if (!(type.isScalar() || type.isOptionalScalar()) || (k != AtomicType.INTEGER && k != AtomicType.REAL)) {
                    throw OvsdbException.syntax(json, "Type mismatch: \"" + fname + "\" operator may not be applied to column "
                            + name + " of type " + type.toEnglish() + ".");
                }
            }
            case INCLUDES, EXCLUDES -> type = type.withBounds(0, type.max());
            default -> {
            }
        }
        Datum arg = DatumParser.parse(type, json.get(2), symbols);
        return new Clause(column, f, arg, false);
    }

    private static boolean includes(Datum v, Datum arg) {
        for (int i = 0; i < arg.size(); i++) {
            int j = v.indexOf(arg.key(i));
            if (j < 0 || (arg.isMap() && v.isMap() && !Atoms.equal(v.value(j), arg.value(i)))) {
                return false;
            }
        }
        return true;
    }

    private static boolean excludes(Datum v, Datum arg) {
        for (int i = 0; i < arg.size(); i++) {
            int j = v.indexOf(arg.key(i));
            if (j >= 0 && (!arg.isMap() || !v.isMap() || Atoms.equal(v.value(j), arg.value(i)))) {
                return false;
            }
        }
        return true;
    }
}
