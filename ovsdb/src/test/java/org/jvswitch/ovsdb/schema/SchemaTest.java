package org.jvswitch.ovsdb.schema;

import org.jvswitch.ovsdb.json.OvsJson;
import org.jvswitch.ovsdb.json.OvsdbException;
import org.jvswitch.ovsdb.testing.LocalSession;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The schema language: what is accepted, how it is written back, and what is refused. */
class SchemaTest {

    private static DatabaseSchema parse(String json) {
        return DatabaseSchema.fromJson(LocalSession.json(json));
    }

    private static String refused(String json) {
        return assertThrows(OvsdbException.class, () -> parse(json)).getMessage();
    }

    @Test
    void writesBackAsOvsDoes() {
        DatabaseSchema s = parse("{\"name\": \"D\", \"version\": \"1.0.0\", \"tables\": {\"T\": {\"columns\": {"
                + "\"a\": {\"type\": {\"key\": \"string\"}},"
                + "\"b\": {\"type\": {\"key\": {\"type\": \"integer\", \"minInteger\": 1}, \"min\": 0, \"max\": \"unlimited\"}, \"ephemeral\": true},"
                + "\"c\": {\"type\": {\"key\": {\"type\": \"uuid\", \"refTable\": \"T\", \"refType\": \"weak\"}}, \"mutable\": false}}}}}");
        assertEquals("{\"name\":\"D\",\"tables\":{\"T\":{\"columns\":{\"a\":{\"type\":\"string\"},"
                        + "\"b\":{\"ephemeral\":true,\"type\":{\"key\":{\"minInteger\":1,\"type\":\"integer\"},\"max\":\"unlimited\",\"min\":0}},"
                        + "\"c\":{\"type\":{\"key\":{\"refTable\":\"T\",\"refType\":\"weak\",\"type\":\"uuid\"}}}}}},\"version\":\"1.0.0\"}",
                OvsJson.toString(s.toJson(), true), "no isRoot anywhere: all roots, none written; weak refs forced mutable");
        assertTrue(s.table("T").isRoot());
        assertTrue(s.table("T").column("c").mutable());
        DatabaseSchema g = parse("{\"name\": \"D\", \"tables\": {\"R\": {\"isRoot\": true, \"columns\": {\"a\": {\"type\": \"integer\"}}},"
                + "\"N\": {\"columns\": {\"a\": {\"type\": \"integer\"}}, \"indexes\": [[\"a\"]], \"maxRows\": 3}}}");
        assertFalse(g.table("N").isRoot());
        assertTrue(OvsJson.toString(g.toJson(), true).contains("\"N\":{\"columns\":{\"a\":{\"type\":\"integer\"}},\"indexes\":[[\"a\"]],\"maxRows\":3}"));
    }

    @Test
    void refusesBadSchemas() {
        assertTrue(refused("{\"name\": \"1x\", \"tables\": {}}").contains("Type mismatch for member 'name'"));
        assertTrue(refused("{\"name\": \"D\", \"version\": \"1.0\", \"tables\": {}}").contains("not in format x.y.z"));
        assertTrue(refused("{\"name\": \"D\", \"tables\": {\"_T\": {\"columns\": {\"a\": {\"type\": \"integer\"}}}}}")
                .contains("names beginning with \"_\" are reserved"));
        assertTrue(refused("{\"name\": \"D\", \"tables\": {\"T\": {\"columns\": {\"a\": {\"type\": \"int\"}}}}}")
                .contains("\"int\" is not an atomic-type"));
        assertTrue(refused("{\"name\": \"D\", \"tables\": {\"T\": {\"columns\": {\"a\": {\"type\": {\"key\": \"integer\", \"min\": 2}}}}}}")
                .contains("ovsdb type fails constraint checks"));
        assertTrue(refused("{\"name\": \"D\", \"tables\": {\"T\": {\"columns\": {\"a\": {\"type\": {\"key\": {\"type\": \"integer\","
                + " \"minInteger\": 5, \"maxInteger\": 1}}}}}}}").contains("minInteger exceeds maxInteger"));
        assertTrue(refused("{\"name\": \"D\", \"tables\": {\"T\": {\"columns\": {\"a\": {\"type\": {\"key\": {\"type\": \"uuid\","
                + " \"refTable\": \"Nope\"}}}}}}}").contains("refers to undefined table Nope"));
        assertTrue(refused("{\"name\": \"D\", \"tables\": {\"T\": {\"columns\": {\"a\": {\"type\": \"integer\"}}, \"indexes\": [[\"b\"]]}}}")
                .contains("b is not a valid column name"));
        assertTrue(refused("{\"name\": \"D\", \"tables\": {\"T\": {\"columns\": {\"a\": {\"type\": \"integer\", \"ephemeral\": true}},"
                + " \"indexes\": [[\"a\"]]}}}").contains("may not be indexed"));
        assertTrue(refused("{\"name\": \"D\", \"tables\": {\"T\": {\"columns\": {}}}}").contains("at least one column"));
        assertTrue(refused("{\"name\": \"D\", \"tables\": {\"T\": {\"columns\": {\"a\": {\"type\": \"integer\"}}, \"maxRows\": 0}}}")
                .contains("maxRows must be at least 1"));
        assertTrue(refused("{\"name\": \"D\", \"tables\": {}, \"extra\": 1}").contains("Member 'extra' is present but not allowed here."));
    }

    @Test
    void englishNamesOfTypes() {
        assertEquals("set of up to 3 integers", ColumnType.fromJson(LocalSession.json("{\"key\": \"integer\", \"min\": 0, \"max\": 3}")).toEnglish());
        assertEquals("map of 1 to 4 (integer, string) pairs",
                ColumnType.fromJson(LocalSession.json("{\"key\": \"integer\", \"value\": \"string\", \"max\": 4}")).toEnglish());
        assertEquals("set of 1 or more uuids", ColumnType.fromJson(LocalSession.json("{\"key\": \"uuid\", \"max\": \"unlimited\"}")).toEnglish());
        assertEquals("string", ColumnType.fromJson(LocalSession.json("\"string\"")).toEnglish());
    }
}
