package org.jvswitch.ovsdb.json;

import org.jvswitch.ovsdb.schema.AtomicType;
import org.jvswitch.ovsdb.schema.BaseType;
import org.jvswitch.ovsdb.schema.ColumnType;
import org.jvswitch.ovsdb.testing.LocalSession;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Column values: parsing with OVS's rules and messages, JSON forms, set and map algebra, diffs. */
class DatumTest {

    private static final ColumnType INT_SET = ColumnType.set(BaseType.of(AtomicType.INTEGER), 0, 3);
    private static final ColumnType STR_MAP = new ColumnType(BaseType.of(AtomicType.STRING), BaseType.of(AtomicType.STRING),
            0, ColumnType.UNLIMITED);

    private static Datum parse(ColumnType t, String json) {
        return DatumParser.parse(t, LocalSession.json(json), null);
    }

    private static OvsdbException error(ColumnType t, String json) {
        return assertThrows(OvsdbException.class, () -> parse(t, json));
    }

    @Test
    void parsesSortsAndWritesSetsAndMaps() {
        assertEquals("[\"set\",[1,2,3]]", parse(INT_SET, "[\"set\", [3, 1, 2]]").toJson().toString());
        assertEquals("5", parse(INT_SET, "5").toJson().toString(), "one element is written bare");
        assertEquals("[\"set\",[]]", parse(INT_SET, "[\"set\", []]").toJson().toString());
        assertEquals("[\"map\",[[\"a\",\"1\"],[\"b\",\"2\"]]]",
                parse(STR_MAP, "[\"map\", [[\"b\", \"2\"], [\"a\", \"1\"]]]").toJson().toString());
        assertEquals("[\"map\",[]]", STR_MAP.defaultDatum().toJson().toString());
    }

    @Test
    void refusesWhatOvsRefuses() {
        assertEquals("set must have 0 to 3 members but 4 are present", error(INT_SET, "[\"set\", [1, 2, 3, 4]]").details());
        assertEquals("set contains duplicate", error(INT_SET, "[\"set\", [1, 1]]").details());
        assertEquals("ovsdb error", error(INT_SET, "[\"set\", [1, 1]]").tag());
        assertEquals("map contains duplicate key", error(STR_MAP, "[\"map\", [[\"a\", \"1\"], [\"a\", \"2\"]]]").details());
        assertEquals("expected [\"map\", <array>]", error(STR_MAP, "{\"a\": \"b\"}").details());
        assertEquals("expected 2-element array", error(STR_MAP, "[\"map\", [[\"a\"]]]").details());
        assertEquals("expected integer", error(INT_SET, "1.5").details());
        assertEquals("set must have exactly one member but 0 are present",
                error(ColumnType.scalar(BaseType.of(AtomicType.STRING)), "[\"set\", []]").details());
        assertEquals("\"xyz\" is not a valid UUID",
                error(ColumnType.scalar(BaseType.of(AtomicType.UUID)), "[\"uuid\", \"xyz\"]").details());
    }

    @Test
    void constraintsInOvsWords() {
        ColumnType range = ColumnType.scalar(BaseType.fromJson(LocalSession.json(
                "{\"type\": \"integer\", \"minInteger\": 0, \"maxInteger\": 4095}")));
        assertEquals("4096 is not in the valid range 0 to 4095 (inclusive)", error(range, "4096").details());
        ColumnType min = ColumnType.scalar(BaseType.fromJson(LocalSession.json("{\"type\": \"integer\", \"minInteger\": 1}")));
        assertEquals("0 is less than minimum allowed value 1", error(min, "0").details());
        ColumnType max = ColumnType.scalar(BaseType.fromJson(LocalSession.json("{\"type\": \"real\", \"maxReal\": 2.5}")));
        assertEquals("3 is greater than maximum allowed value 2.5", error(max, "3").details());
        ColumnType en = ColumnType.scalar(BaseType.fromJson(LocalSession.json(
                "{\"type\": \"string\", \"enum\": [\"set\", [\"secure\", \"standalone\"]]}")));
        assertEquals("bogus is not one of the allowed values ([secure, standalone])", error(en, "\"bogus\"").details());
        assertEquals("\"a b\" is not one of the allowed values ([secure, standalone])", error(en, "\"a b\"").details());
        ColumnType len = ColumnType.scalar(BaseType.fromJson(LocalSession.json(
                "{\"type\": \"string\", \"minLength\": 1, \"maxLength\": 2}")));
        assertEquals("\"\u00e9\u00e9\u00e9\" length 3 is greater than maximum allowed length 2",
                error(len, "\"\u00e9\u00e9\u00e9\"").details());
        assertEquals("constraint violation", error(len, "\"\"").tag());
    }

    @Test
    void unionAndSubtract() {
        Datum a = parse(STR_MAP, "[\"map\", [[\"a\", \"1\"], [\"b\", \"2\"]]]");
        Datum b = parse(STR_MAP, "[\"map\", [[\"b\", \"9\"], [\"c\", \"3\"]]]");
        assertEquals("[\"map\",[[\"a\",\"1\"],[\"b\",\"2\"],[\"c\",\"3\"]]]", a.union(b, false).toJson().toString());
        assertEquals("[\"map\",[[\"a\",\"1\"],[\"b\",\"9\"],[\"c\",\"3\"]]]", a.union(b, true).toJson().toString());
        assertEquals(a, a.subtract(b), "a map's pairs go only when key and value match");
        assertEquals("[\"map\",[[\"a\",\"1\"]]]",
                a.subtract(parse(ColumnType.set(BaseType.of(AtomicType.STRING), 0, 9), "[\"set\", [\"b\"]]")).toJson().toString());
    }

    @Test
    void diffsRoundTrip() {
        Random r = new Random(42);
        ColumnType intMap = new ColumnType(BaseType.of(AtomicType.INTEGER), BaseType.of(AtomicType.INTEGER), 0,
                ColumnType.UNLIMITED);
        ColumnType intSet = ColumnType.set(BaseType.of(AtomicType.INTEGER), 0, ColumnType.UNLIMITED);
        for (int i = 0; i < 500; i++) {
            for (ColumnType t : List.of(intMap, intSet)) {
                Datum a = random(t, r);
                Datum b = random(t, r);
                Datum d = DatumDiff.diff(t, a, b);
                assertEquals(b, DatumDiff.apply(t, a, d), () -> "diff " + a + " -> " + b);
            }
        }
        ColumnType optional = ColumnType.set(BaseType.of(AtomicType.STRING), 0, 1);
        assertEquals(Datum.atom("y"), DatumDiff.diff(optional, Datum.atom("x"), Datum.atom("y")),
                "a column of at most one element: the new value");
    }

    private static Datum random(ColumnType t, Random r) {
        int n = r.nextInt(6);
        List<Object> k = new ArrayList<>();
        List<Object> v = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            long key = r.nextInt(8);
            if (!k.contains(key)) {
                k.add(key);
                v.add((long) r.nextInt(3));
            }
        }
        Datum d = Datum.sortUnique(k.toArray(), t.isMap() ? v.toArray() : null);
        assertTrue(d != null);
        return d;
    }
}
