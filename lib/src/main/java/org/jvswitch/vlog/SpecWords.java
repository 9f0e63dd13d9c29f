package org.jvswitch.vlog;

/**
 * Splits a vlog spec into words the way OVS does (on spaces, commas, colons and tabs, runs of
 * them counting as one), and hands back the unsplit rest of the string, which is what
 * {@code PATTERN:destination:pattern} needs since patterns contain colons.
 */
final class SpecWords {
    private static final String DELIMITERS = " ,:\t";
    private final String s;
    private int pos;

    SpecWords(String s) {
        this.s = s == null ? "" : s;
    }

    /** The next word, or null at the end. */
    String next() {
        while (pos < s.length() && DELIMITERS.indexOf(s.charAt(pos)) >= 0) {
            pos++;
        }
        if (pos >= s.length()) {
            return null;
        }
        int start = pos;
        while (pos < s.length() && DELIMITERS.indexOf(s.charAt(pos)) < 0) {
            pos++;
        }
        String word = s.substring(start, pos);
        if (pos < s.length()) {
            pos++;  // the delimiter that ended the word belongs to it
        }
        return word;
    }

    /** Everything after the last word's delimiter. */
    String rest() {
        return s.substring(pos);
    }
}
