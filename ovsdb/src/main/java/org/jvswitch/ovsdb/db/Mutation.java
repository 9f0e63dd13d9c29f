package org.jvswitch.ovsdb.db;

import com.fasterxml.jackson.databind.JsonNode;
import org.jvswitch.ovsdb.json.Datum;
import org.jvswitch.ovsdb.json.DatumParser;
import org.jvswitch.ovsdb.json.OvsdbException;
import org.jvswitch.ovsdb.json.Symbols;
import org.jvswitch.ovsdb.schema.AtomicType;
import org.jvswitch.ovsdb.schema.BaseType;
import org.jvswitch.ovsdb.schema.ColumnSchema;
import org.jvswitch.ovsdb.schema.ColumnType;
import org.jvswitch.ovsdb.schema.TableSchema;


/**
 * One {@code [column, mutator, value]} of a {@code mutate} operation (RFC 7047 5.1): arithmetic
 * on integer and real scalars and sets ({@code += -= *= /= %=}), or {@code insert} and
 * {@code delete} on sets and maps. Overflow, division by zero, constraint and size violations
 * fail with OVS's messages. Immutable once parsed.
 */
public final class Mutation {

    enum Mutator {
        ADD("+="), SUB("-="), MUL("*="), DIV("/="), MOD("%="), INSERT("insert"), DELETE("delete");

        final String text;

        Mutator(String text) {
            this.text = text;
        }
    }

    private final ColumnSchema column;
    private final Mutator mutator;
    private final Datum arg;

    private Mutation(ColumnSchema column, Mutator mutator, Datum arg) {
        this.column = column;
        this.mutator = mutator;
        this.arg = arg;
    }

    public ColumnSchema column() {
        return column;
    }

    /** Parses one mutation of a row of {@code table}. */
    public static Mutation fromJson(TableSchema table, JsonNode json, Symbols symbols) {
        if (!json.isArray() || json.size() != 3 || !json.get(0).isTextual() || !json.get(1).isTextual()) {
            throw OvsdbException.syntax(json, "Parse error in mutation.");
        }
        String name = json.get(0).textValue();
        ColumnSchema column = table.column(name);
        if (column == null) {
            throw OvsdbException.syntax(json, "unknown column", "No column " + name + " in table " + table.name() + ".");
        }
        if (!column.mutable()) {
            throw OvsdbException.syntax(json, "constraint violation", "Cannot mutate immutable column " + name
                    + " in table " + table.name() + ".");
        }
        String mname = json.get(1).textValue();
        Mutator m = null;
        for (Mutator x : Mutator.values()) {
            if (x.text.equals(mname)) {
                m = x;
            }
        }
        if (m == null) {
            throw OvsdbException.of("unknown mutator", "No mutator named " + mname + ".");
        }
        ColumnType type = column.type();
        JsonNode argJson = json.get(2);
        Datum arg;
        switch (m) {
            case INSERT, DELETE -> {
                if (!type.isSet() && !type.isMap()) {
                    throw mismatch(json, m, column);
                }
                ColumnType t = type.withBounds(0, m == Mutator.DELETE ? ColumnType.UNLIMITED : type.max());
                try {
                    arg = DatumParser.parse(t, argJson, symbols);
                } catch (OvsdbException e) {
                    if (!type.isMap() || m != Mutator.DELETE) {
                        throw e;
                    }
                    // A map's delete may also name just the keys to remove.
                    arg = DatumParser.parse(ColumnType.set(type.key(), 0, ColumnType.UNLIMITED), argJson, symbols);
                }
            }
            default -> {
                AtomicType k = type.key().type();
                if ((!type.isScalar() && !type.isSet()) || (k != AtomicType.INTEGER && k != AtomicType.REAL)
                        || (m == Mutator.MOD && k == AtomicType.REAL)) {
                    throw mismatch(json, m, column);
                }
                arg = DatumParser.parse(ColumnType.scalar(type.key().withoutConstraints()), argJson, symbols);
            }
        }
        return new Mutation(column, m, arg);
    }

    private static OvsdbException mismatch(JsonNode json, Mutator m, ColumnSchema column) {
        return OvsdbException.syntax(json, "Type mismatch: \"" + m.text + "\" operator may not be applied to column "
                + column.name() + " of type " + column.type().toEnglish() + ".");
    }

    /** Applies this mutation to {@code value}, the column's current value. */
    public Datum apply(Datum value) {
        ColumnType type = column.type();
        Datum out;
        switch (mutator) {
            case INSERT -> out = value.union(arg, false);
            case DELETE -> out = value.subtract(arg);
            default -> {
                return arithmetic(type, value);
            }
        }
        if (!type.conforms(out)) {
            throw OvsdbException.constraint("Attempted to store " + out.size() + " elements in " + type.toEnglish() + ".");
        }
        return out;
    }

    private Datum arithmetic(ColumnType type, Datum value) {
        BaseType base = type.key();
        Object[] keys = value.keysCopy();
        for (int i = 0; i < keys.length; i++) {
            if (base.type() == AtomicType.INTEGER) {
                keys[i] = integer((Long) keys[i], (Long) arg.atom());  // not ?: (it would widen to double)
            } else {
                keys[i] = real((Double) keys[i], (Double) arg.atom());
            }
        }
        for (Object k : keys) {
            base.check(k);
        }
        Datum out = Datum.sortUnique(keys, null);
        if (out == null) {
            throw OvsdbException.constraint("Result of \"" + mutator.text + "\" operation contains duplicates.");
        }
        return out;
    }

    private long integer(long x, long y) {
        try {
            return switch (mutator) {
                case ADD -> Math.addExact(x, y);
                case SUB -> Math.subtractExact(x, y);
                case MUL -> Math.multiplyExact(x, y);
                case DIV -> {
                    checkDiv(x, y);
                    yield x / y;
                }
                case MOD -> {
                    checkDiv(x, y);
                    yield x % y;
                }
                default -> throw new IllegalStateException();
            };
        } catch (ArithmeticException e) {
            throw range();
        }
    }

    private void checkDiv(long x, long y) {
        if (y == 0) {
            throw OvsdbException.of("domain error", "Division by zero.");
        }
        if (x == Long.MIN_VALUE && y == -1) {
            throw range();
        }
    }

    private double real(double x, double y) {
        double r = switch (mutator) {
            case ADD -> x + y;
            case SUB -> x - y;
            case MUL -> x * y;
            case DIV -> {
                if (y == 0) {
                    throw OvsdbException.of("domain error", "Division by zero.");
                }
                yield x / y;
            }
            default -> throw new IllegalStateException();
        };
        if (!(r >= -Double.MAX_VALUE && r <= Double.MAX_VALUE)) {
            throw range();
        }
        return r;
    }

    private OvsdbException range() {
        return OvsdbException.of("range error", "Result of \"" + mutator.text + "\" operation is out of range.");
    }

    @Override
    public String toString() {
        return column.name() + " " + mutator.text + " " + arg;
    }
}
