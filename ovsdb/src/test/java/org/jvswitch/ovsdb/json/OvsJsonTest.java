package org.jvswitch.ovsdb.json;

import org.jvswitch.ovsdb.testing.LocalSession;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** JSON as OVS reads and writes it: number kinds, {@code %.15g} reals, escaping, key order. */
class OvsJsonTest {

    @Test
    void numbersAreIntegersWhenIntegralAsOvsLexesThem() {
        assertTrue(OvsJson.isInteger(LocalSession.json("1.0")));
        assertTrue(OvsJson.isInteger(LocalSession.json("1e2")));
        assertTrue(OvsJson.isInteger(LocalSession.json("12.5e1")));
        assertTrue(OvsJson.isInteger(LocalSession.json("-0")));
        assertTrue(OvsJson.isInteger(LocalSession.json("9223372036854775807")));
        assertFalse(OvsJson.isInteger(LocalSession.json("9223372036854775808")));
        assertFalse(OvsJson.isInteger(LocalSession.json("1e-2")));
        assertFalse(OvsJson.isInteger(LocalSession.json("1.5")));
        assertFalse(OvsJson.isInteger(LocalSession.json("\"1\"")));
        assertEquals(125, OvsJson.longValue(LocalSession.json("12.5e1")));
    }

    @Test
    void realsAsPrintfPercentPoint15g() {
        // The same strings C's printf("%.15g") gives.
        assertEquals("0.1", OvsJson.formatReal(0.1));
        assertEquals("1.5e-07", OvsJson.formatReal(1.5e-7));
        assertEquals("1e+20", OvsJson.formatReal(1e20));
        assertEquals("123456789.123457", OvsJson.formatReal(123456789.123456789));
        assertEquals("100000000000", OvsJson.formatReal(1e11));
        assertEquals("1.23456789012346e+19", OvsJson.formatReal(12345678901234567890.0));
        assertEquals("-1.5", OvsJson.formatReal(-1.5));
        assertEquals("0.0001", OvsJson.formatReal(0.0001));
        assertEquals("1e-05", OvsJson.formatReal(0.00001));
        assertEquals("100000000000000", OvsJson.formatReal(1e14));
        assertEquals("1e+15", OvsJson.formatReal(1e15));
        assertEquals("0", OvsJson.formatReal(-0.0));
        assertEquals("1.79769313486232e+308", OvsJson.formatReal(Double.MAX_VALUE));
        assertEquals("0.3", OvsJson.formatReal(0.1 + 0.2));
    }

    @Test
    void writesCompactSortedAndEscapedLikeOvs() {
        assertEquals("{\"a\":[1,2.5,\"x\"],\"b\":{\"c\":null,\"d\":true}}",
                OvsJson.toString(LocalSession.json("{\"b\": {\"d\": true, \"c\": null}, \"a\": [1, 2.5, \"x\"]}"), true));
        assertEquals("\"q\\\"b\\\\ n\\n t\\t u\\u0001 \\u001f / \u00e9\"",
                OvsJson.toString(LocalSession.json("\"q\\\"b\\\\ n\\n t\\t u\\u0001 \\u001f / \u00e9\""), true));
        assertEquals("{\"b\":1,\"a\":2}", OvsJson.toString(LocalSession.json("{\"b\": 1, \"a\": 2}"), false));
    }

    @Test
    void stringsCompareAsUtf8Bytes() {
        assertTrue(OvsJson.compareUtf8("B", "a") < 0);
        assertTrue(OvsJson.compareUtf8("_x", "a") < 0);
        assertTrue(OvsJson.compareUtf8("a", "ab") < 0);
        // U+FFFD sorts below U+1F600 in UTF-8 (and code points), above it in UTF-16 code units.
        assertTrue(OvsJson.compareUtf8("\uFFFD", "\uD83D\uDE00") < 0);
    }

    @Test
    void uuidsParseStrictlyAndOrderUnsigned() {
        assertEquals("01234567-89ab-cdef-0123-456789abcdef",
                Uuids.parse("01234567-89AB-cdef-0123-456789abcdef").toString());
        assertEquals(null, Uuids.parse("1-2-3-4-5"));
        assertEquals(null, Uuids.parse("01234567-89ab-cdef-0123-456789abcdeg"));
        assertEquals(null, Uuids.parse("0123456789ab-cdef-0123-456789abcdef-"));
        assertTrue(Uuids.compare(Uuids.parse("7fffffff-0000-0000-0000-000000000000"),
                Uuids.parse("80000000-0000-0000-0000-000000000000")) < 0);
        assertTrue(Uuids.isId("_a1") && Uuids.isId("Bridge") && !Uuids.isId("1a") && !Uuids.isId("a-b") && !Uuids.isId(""));
    }
}
