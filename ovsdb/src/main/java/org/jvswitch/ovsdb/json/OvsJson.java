package org.jvswitch.ovsdb.json;

import com.fasterxml.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * JSON as Open vSwitch reads and writes it.
 *
 * <p>Reading: OVS's lexer makes a number an integer whenever its value is integral and fits in
 * 64 bits, whatever its spelling ({@code 1.0}, {@code 1e2}), and a real otherwise. Jackson keeps
 * the spelling's kind, so {@link #isInteger} and {@link #isNumber} classify the parsed nodes the
 * OVS way.
 *
 * <p>Writing: compact, optionally with object keys sorted (as OVS writes the {@code syntax} of
 * an error, the schema text of the {@code _Server} database and, here, every database file
 * record), reals with {@code %.15g} (OVS's {@code DBL_DIG} digits), strings escaped only where
 * JSON requires it. Stateless; any thread.
 */
public final class OvsJson {

    private static final MathContext DBL_DIG = new MathContext(15, RoundingMode.HALF_EVEN);
    private static final BigInteger LONG_MIN = BigInteger.valueOf(Long.MIN_VALUE);
    private static final BigInteger LONG_MAX = BigInteger.valueOf(Long.MAX_VALUE);

    private OvsJson() {
    }

    /** True if OVS would lex {@code n} as a JSON integer. */
    public static boolean isInteger(JsonNode n) {
        if (n == null || !n.isNumber()) {
            return false;
        }
        if (n.isInt() || n.isLong()) {
            return true;
        }
        if (n.isBigInteger()) {
            BigInteger b = n.bigIntegerValue();
            return b.compareTo(LONG_MIN) >= 0 && b.compareTo(LONG_MAX) <= 0;
        }
        double d = n.doubleValue();
        return !Double.isInfinite(d) && !Double.isNaN(d) && d == Math.rint(d)
                && d >= -9.223372036854775808E18 && d < 9.223372036854775808E18;
    }

    /** True for any JSON number (integer or real). */
    public static boolean isNumber(JsonNode n) {
        return n != null && n.isNumber();
    }

    /** True if OVS would lex {@code n} as a JSON real. */
    public static boolean isReal(JsonNode n) {
        return isNumber(n) && !isInteger(n);
    }

    /** The value of a node for which {@link #isInteger} holds. */
    public static long longValue(JsonNode n) {
        if (n.isInt() || n.isLong() || n.isBigInteger()) {
            return n.longValue();
        }
        return (long) n.doubleValue();
    }

    /** Compact JSON text of {@code n}, keys sorted if {@code sort}. */
    public static String toString(JsonNode n, boolean sort) {
        StringBuilder sb = new StringBuilder(64);
        write(n, sort, sb);
        return sb.toString();
    }

    /** Appends the compact JSON text of {@code n} to {@code out}. */
    public static void write(JsonNode n, boolean sort, StringBuilder out) {
        switch (n.getNodeType()) {
            case OBJECT -> {
                out.append('{');
                boolean first = true;
                if (sort) {
                    List<Map.Entry<String, JsonNode>> entries = new ArrayList<>(n.size());
                    n.properties().forEach(entries::add);
                    entries.sort(Map.Entry.comparingByKey(OvsJson::compareUtf8));
                    for (Map.Entry<String, JsonNode> e : entries) {
                        first = member(e, first, sort, out);
                    }
                } else {
                    for (Map.Entry<String, JsonNode> e : n.properties()) {
                        first = member(e, first, sort, out);
                    }
                }
                out.append('}');
            }
            case ARRAY -> {
                out.append('[');
                Iterator<JsonNode> it = n.elements();
                boolean first = true;
                while (it.hasNext()) {
                    if (!first) {
                        out.append(',');
                    }
                    first = false;
                    write(it.next(), sort, out);
                }
                out.append(']');
            }
            case STRING -> writeString(n.textValue(), out);
            case NUMBER -> {
                if (isInteger(n)) {
                    out.append(longValue(n));
                } else {
                    out.append(formatReal(n.doubleValue()));
                }
            }
            case BOOLEAN -> out.append(n.booleanValue() ? "true" : "false");
            default -> out.append("null");
        }
    }

    private static boolean member(Map.Entry<String, JsonNode> e, boolean first, boolean sort,
                                  StringBuilder out) {
        if (!first) {
            out.append(',');
        }
        writeString(e.getKey(), out);
        out.append(':');
        write(e.getValue(), sort, out);
        return false;
    }

    /** Appends {@code s} as a JSON string, escaped as OVS escapes it. */
    public static void writeString(String s, StringBuilder out) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append("\\u00").append(Character.forDigit(c >> 4, 16))
                                .append(Character.forDigit(c & 15, 16));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }

    /**
     * {@code d} as C's {@code printf("%.15g")} writes it: 15 significant digits, trailing zeros
     * dropped, exponent form below 1e-4 and from 1e15 on ({@code 1e+20}, {@code 1.5e-07}).
     */
    public static String formatReal(double d) {
        if (Double.isNaN(d)) {
            return "nan";
        }
        if (Double.isInfinite(d)) {
            return d > 0 ? "inf" : "-inf";
        }
        if (d == 0) {
            return "0";
        }
        BigDecimal r = new BigDecimal(d).round(DBL_DIG);
        String digits = r.unscaledValue().abs().toString();
        // Drop trailing zeros of the significand: %g does not keep them.
        int end = digits.length();
        while (end > 1 && digits.charAt(end - 1) == '0') {
            end--;
        }
        int exponent = digits.length() - 1 - r.scale();
        String sig = digits.substring(0, end);
        StringBuilder sb = new StringBuilder(24);
        if (r.signum() < 0) {
            sb.append('-');
        }
        if (exponent < -4 || exponent >= 15) {
            sb.append(sig.charAt(0));
            if (sig.length() > 1) {
                sb.append('.').append(sig, 1, sig.length());
            }
            sb.append('e').append(exponent < 0 ? '-' : '+');
            int abs = Math.abs(exponent);
            if (abs < 10) {
                sb.append('0');
            }
            sb.append(abs);
        } else if (exponent >= 0) {
            if (sig.length() <= exponent + 1) {
                sb.append(sig);
                sb.append("0".repeat(exponent + 1 - sig.length()));
            } else {
                sb.append(sig, 0, exponent + 1).append('.').append(sig, exponent + 1, sig.length());
            }
        } else {
            sb.append("0.");
            sb.append("0".repeat(-exponent - 1));
            sb.append(sig);
        }
        return sb.toString();
    }

    /** Compares strings in UTF-8 byte order, as C's strcmp does (code point order). */
    public static int compareUtf8(String a, String b) {
        int n = Math.min(a.length(), b.length());
        for (int i = 0; i < n; i++) {
            char x = a.charAt(i);
            char y = b.charAt(i);
            if (x != y) {
                if (Character.isSurrogate(x) || Character.isSurrogate(y)) {
                    return Integer.compare(a.codePointAt(i), b.codePointAt(i));
                }
                return x - y;
            }
        }
        return a.length() - b.length();
    }

    /** Sorted copy of a list of names, in C order. */
    public static List<String> sorted(Iterable<String> names) {
        List<String> out = new ArrayList<>();
        names.forEach(out::add);
        Collections.sort(out, OvsJson::compareUtf8);
        return out;
    }
}
