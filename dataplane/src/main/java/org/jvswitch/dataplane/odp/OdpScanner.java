package org.jvswitch.dataplane.odp;

import java.math.BigInteger;

/**
 * A cursor over a datapath flow or action string, with the token scanners Open vSwitch's odp-util
 * uses: integers as C's {@code %i} reads them (decimal, {@code 0x} hex, leading-zero octal),
 * dotted IPv4, colon-separated MACs, IPv6 text, hex byte strings and big integers.
 *
 * <p>Every error names the rest of the input from the last {@link #mark()} (the start of the
 * attribute or action being parsed), as OVS's "syntax error at ..." does. Unlike C's scanf, a
 * number too large for its field is an error rather than silently truncated.
 */
final class OdpScanner {
    /** What may separate attributes and actions (OVS's {@code delimiters}). */
    static final String DELIMITERS = ", \t\r\n";

    private final String s;
    private int pos;
    private int mark;

    OdpScanner(String s) {
        this.s = s;
    }

    String input() {
        return s;
    }

    int pos() {
        return pos;
    }

    void pos(int p) {
        pos = p;
    }

    boolean atEnd() {
        return pos >= s.length();
    }

    /** The next character, or 0 at the end. */
    char peek() {
        return pos < s.length() ? s.charAt(pos) : 0;
    }

    boolean startsWith(String lit) {
        return s.startsWith(lit, pos);
    }

    boolean tryConsume(String lit) {
        if (s.startsWith(lit, pos)) {
            pos += lit.length();
            return true;
        }
        return false;
    }

    boolean tryConsume(char c) {
        if (peek() == c && !atEnd()) {
            pos++;
            return true;
        }
        return false;
    }

    void expect(String lit) {
        if (!tryConsume(lit)) {
            throw error("expected \"" + lit + "\"" + found());
        }
    }

    void expect(char c) {
        if (!tryConsume(c)) {
            throw error("expected '" + c + "'" + found());
        }
    }

    void skipDelimiters() {
        while (pos < s.length() && DELIMITERS.indexOf(s.charAt(pos)) >= 0) {
            pos++;
        }
    }

    /** Remembers the start of the attribute or action about to be parsed, for error messages. */
    void mark() {
        mark = pos;
    }

    int markPos() {
        return mark;
    }

    /** A keyword: lower-case letters, digits and underscores (possibly none). */
    String name() {
        int start = pos;
        while (pos < s.length()) {
            char c = s.charAt(pos);
            if (c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '_' || c >= 'A' && c <= 'Z') {
                pos++;
            } else {
                break;
            }
        }
        return s.substring(start, pos);
    }

    OdpParseException error(String detail) {
        String at = s.substring(Math.min(mark, s.length()));
        return new OdpParseException("syntax error at " + (at.isEmpty() ? "end of input" : at)
                + (detail == null ? "" : ": " + detail), mark);
    }

    private String found() {
        if (atEnd()) {
            return " at end of input";
        }
        int end = Math.min(s.length(), pos + 16);
        return " at \"" + s.substring(pos, end) + (end < s.length() ? "...\"" : "\"");
    }

    // ---- numbers ----

    /** An unsigned integer of at most {@code bits} bits, as C's {@code %i} writes it. */
    long uint(int bits) {
        int start = pos;
        int radix;
        int digitsFrom;
        if ((startsWith("0x") || startsWith("0X")) && pos + 2 < s.length()
                && Character.digit(s.charAt(pos + 2), 16) >= 0) {
            radix = 16;
            pos += 2;
            digitsFrom = pos;
        } else if (peek() == '0') {
            radix = 8;
            digitsFrom = pos;
        } else if (peek() >= '1' && peek() <= '9') {
            radix = 10;
            digitsFrom = pos;
        } else {
            throw error("expected a number" + found());
        }
        while (pos < s.length() && Character.digit(s.charAt(pos), radix) >= 0) {
            pos++;
        }
        BigInteger v = new BigInteger(s.substring(digitsFrom, pos), radix);
        if (v.bitLength() > bits) {
            throw error("\"" + s.substring(start, pos) + "\" does not fit in " + bits + " bits");
        }
        return v.longValue();
    }

    /** {@code value[/mask]}; without a mask, the mask is all ones. Returns {value, mask}. */
    long[] uintMasked(int bits) {
        long v = uint(bits);
        long m = tryConsume('/') ? uint(bits) : ones(bits);
        return new long[] {v, m};
    }

    static long ones(int bits) {
        return bits >= 64 ? -1L : (1L << bits) - 1;
    }

    /** A decimal number with an optional fraction (sample percentages). */
    double decimal() {
        int start = pos;
        while (pos < s.length() && (Character.isDigit(s.charAt(pos)) || s.charAt(pos) == '.')) {
            pos++;
        }
        try {
            return Double.parseDouble(s.substring(start, pos));
        } catch (NumberFormatException e) {
            pos = start;
            throw error("expected a decimal number" + found());
        }
    }

    // ---- addresses ----

    /** Dotted-quad IPv4, as an int in host order (10.0.0.1 = 0x0a000001). */
    int ipv4() {
        int start = pos;
        long v = 0;
        for (int i = 0; i < 4; i++) {
            if (i > 0 && !tryConsume('.')) {
                throw badAddress("IPv4", start);
            }
            int from = pos;
            while (pos < s.length() && pos - from < 4 && Character.isDigit(s.charAt(pos))) {
                pos++;
            }
            if (pos == from || pos - from > 3 || Integer.parseInt(s.substring(from, pos)) > 255) {
                throw badAddress("IPv4", start);
            }
            v = v << 8 | Integer.parseInt(s.substring(from, pos));
        }
        if (Character.isDigit(peek()) || peek() == '.') {
            throw badAddress("IPv4", start);
        }
        return (int) v;
    }

    /** xx:xx:xx:xx:xx:xx (one or two hex digits each), as the low 48 bits of a long. */
    long mac() {
        int start = pos;
        long v = 0;
        for (int i = 0; i < 6; i++) {
            if (i > 0 && !tryConsume(':')) {
                throw badAddress("Ethernet", start);
            }
            int from = pos;
            while (pos < s.length() && pos - from < 3 && Character.digit(s.charAt(pos), 16) >= 0) {
                pos++;
            }
            if (pos == from || pos - from > 2) {
                throw badAddress("Ethernet", start);
            }
            v = v << 8 | Integer.parseInt(s.substring(from, pos), 16);
        }
        if (Character.isLetterOrDigit(peek()) || peek() == ':') {
            throw badAddress("Ethernet", start);
        }
        return v;
    }

    /** IPv6 text (RFC 4291, with "::" and a trailing dotted quad). Returns {high 64, low 64}. */
    long[] ipv6() {
        int start = pos;
        while (pos < s.length() && "0123456789abcdefABCDEF:.".indexOf(s.charAt(pos)) >= 0) {
            pos++;
        }
        long[] v = OdpText.parseIpv6(s.substring(start, pos));
        if (v == null) {
            throw badAddress("IPv6", start);
        }
        return v;
    }

    private OdpParseException badAddress(String kind, int start) {
        int end = start;
        while (end < s.length() && ",)/".indexOf(s.charAt(end)) < 0) {
            end++;
        }
        return error("bad " + kind + " address \"" + s.substring(start, end) + "\"");
    }

    /** Pairs of hex digits (userspace userdata), as bytes. */
    byte[] hexBytes() {
        int start = pos;
        while (pos < s.length() && Character.digit(s.charAt(pos), 16) >= 0) {
            pos++;
        }
        if ((pos - start) % 2 != 0) {
            throw error("odd number of hex digits in \"" + s.substring(start, pos) + "\"");
        }
        byte[] b = new byte[(pos - start) / 2];
        for (int i = 0; i < b.length; i++) {
            b[i] = (byte) Integer.parseInt(s.substring(start + 2 * i, start + 2 * i + 2), 16);
        }
        return b;
    }

    /**
     * An integer of {@code n} bytes, big-endian (OVS's parse_int_string): {@code 0x} followed by
     * any number of hex digits, or a decimal number.
     */
    byte[] bigInt(int n) {
        int start = pos;
        BigInteger v;
        if ((startsWith("0x") || startsWith("0X")) && pos + 2 < s.length()
                && Character.digit(s.charAt(pos + 2), 16) >= 0) {
            pos += 2;
            int from = pos;
            while (pos < s.length() && Character.digit(s.charAt(pos), 16) >= 0) {
                pos++;
            }
            v = new BigInteger(s.substring(from, pos), 16);
        } else if (Character.isDigit(peek())) {
            int from = pos;
            while (pos < s.length() && Character.isDigit(s.charAt(pos))) {
                pos++;
            }
            v = new BigInteger(s.substring(from, pos));
        } else {
            throw error("expected a number" + found());
        }
        if (v.bitLength() > 8 * n) {
            throw error("\"" + s.substring(start, pos) + "\" does not fit in " + n + " bytes");
        }
        byte[] raw = v.toByteArray();
        byte[] out = new byte[n];
        int copy = Math.min(raw.length, n);
        System.arraycopy(raw, raw.length - copy, out, n - copy, copy);
        return out;
    }

    /** A 128-bit value as OVS writes ct_label: hex (or decimal up to 64 bits). {high, low}. */
    long[] u128() {
        byte[] b = bigInt(16);
        return new long[] {OdpText.bytesToLong(b, 0), OdpText.bytesToLong(b, 8)};
    }
}
