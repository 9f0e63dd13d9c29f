package org.jvswitch.ovsdb.db;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import org.jvswitch.ovsdb.json.Uuids;
import org.jvswitch.ovsdb.schema.DatabaseSchema;
import org.jvswitch.ovsdb.testing.LocalSession;
import org.jvswitch.ovsdb.testing.Schemas;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The rules a commit enforces, on an in-memory database of the test schema: garbage collection
 * (cascading), weak references dropped when their target goes, strong references that may not
 * dangle, self-references, maxRows, unique indexes (a swap within one transaction is fine), and
 * what a commit reports (nothing for a no-op, a new {@code _version} only for changed rows).
 */
class TransactionRulesTest {

    private Database db;

    @BeforeEach
    void setUp() throws IOException {
        db = new Database(DatabaseSchema.read(Schemas.test()));
    }

    /** Runs a transaction; returns the results and the commit (null if it failed). */
    private Executor.Outcome run(String ops) {
        ArrayNode params = (ArrayNode) LocalSession.json("[\"Test\", " + ops + "]");
        return Executor.execute(db, params, LockChecker.NONE, 0, Uuids.random(), 0);
    }

    private JsonNode ok(String ops) {
        Executor.Outcome o = run(ops);
        assertTrue(o.commit() != null, () -> "transaction failed: " + o.results());
        return o.results();
    }

    private String error(String ops) {
        Executor.Outcome o = run(ops);
        assertNull(o.commit(), () -> "transaction should fail: " + o.results());
        JsonNode last = o.results().get(o.results().size() - 1);
        return last.get("error").textValue() + ": " + last.path("details").asText();
    }

    private List<String> names(String table) {
        List<String> out = new ArrayList<>();
        for (Row r : db.table(table).rows()) {
            out.add(r.get(table.equals("Grandchild") ? "label" : "name").atom().toString());
        }
        out.sort(null);
        return out;
    }

    /** A Root row (with the values its constraints require) holding {@code kids}. */
    private static String root(String name, String kids, String weak1) {
        return "{\"op\": \"insert\", \"table\": \"Root\", \"uuid-name\": \"root\", \"row\": {\"name\": \"" + name
                + "\", \"ie\": 1, \"imap\": [\"map\", [[1, \"x\"]]], \"kids\": " + kids + ", \"weak1\": " + weak1 + "}}";
    }

    @Test
    void garbageCollectionCascadesAndRootsSurvive() {
        ok("{\"op\": \"insert\", \"table\": \"Grandchild\", \"uuid-name\": \"g\", \"row\": {\"label\": \"g1\"}},"
                + "{\"op\": \"insert\", \"table\": \"Child\", \"uuid-name\": \"c\", \"row\": {\"name\": \"c1\", \"grandkid\": [\"named-uuid\", \"g\"]}},"
                + root("r", "[\"named-uuid\", \"c\"]", "[\"named-uuid\", \"c\"]"));
        assertEquals(List.of("c1"), names("Child"));
        assertEquals(List.of("g1"), names("Grandchild"));
        ok("{\"op\": \"insert\", \"table\": \"Child\", \"row\": {\"name\": \"orphan\"}}");
        assertEquals(List.of("c1"), names("Child"), "an unreferenced non-root row is collected at once");
        // Dropping the last reference collects the child and, through it, the grandchild;
        // the weak reference to the child disappears but the column must keep one element.
        assertEquals("constraint violation: Deletion of 1 weak reference(s) to deleted (or never-existing) rows from "
                        + "column \"weak1\" in \"Root\" row " + uuidOf("Root") + " caused this column to become empty, "
                        + "but constraints on this column disallow an empty column.",
                error("{\"op\": \"update\", \"table\": \"Root\", \"where\": [], \"row\": {\"kids\": [\"set\", []]}}"));
        ok("{\"op\": \"insert\", \"table\": \"Child\", \"uuid-name\": \"k\", \"row\": {\"name\": \"keeper\", \"n\": 5}},"
                + "{\"op\": \"update\", \"table\": \"Root\", \"where\": [], \"row\": {\"kids\": [\"named-uuid\", \"k\"], "
                + "\"weak1\": [\"named-uuid\", \"k\"]}}");
        assertEquals(List.of("keeper"), names("Child"));
        assertEquals(List.of(), names("Grandchild"), "collected with the child that held it");
        ok("{\"op\": \"insert\", \"table\": \"Free\", \"row\": {\"a\": \"root rows stay\"}}");
        assertEquals(1, db.table("Free").size());
    }

    private String uuidOf(String table) {
        return db.table(table).rows().iterator().next().uuid().toString();
    }

    @Test
    void weakReferencesGoWithTheirTargets() {
        ok("{\"op\": \"insert\", \"table\": \"Child\", \"uuid-name\": \"a\", \"row\": {\"name\": \"a\", \"n\": 1}},"
                + "{\"op\": \"insert\", \"table\": \"Child\", \"uuid-name\": \"b\", \"row\": {\"name\": \"b\", \"n\": 2}},"
                + root("r", "[\"set\", [[\"named-uuid\", \"a\"], [\"named-uuid\", \"b\"]]]", "[\"named-uuid\", \"a\"]"));
        ok("{\"op\": \"mutate\", \"table\": \"Root\", \"where\": [], \"mutations\": [[\"weak\", \"insert\", [\"set\", "
                + "[[\"uuid\", \"" + childUuid("a") + "\"], [\"uuid\", \"" + childUuid("b") + "\"]]]]]}");
        ok("{\"op\": \"mutate\", \"table\": \"Root\", \"where\": [], \"mutations\": [[\"kids\", \"delete\", [\"uuid\", \""
                + childUuid("b") + "\"]]]}");
        Row r = db.table("Root").rows().iterator().next();
        assertEquals(1, r.get("weak").size(), "the weak reference to the collected child was dropped");
        assertEquals(List.of("a"), names("Child"));
        // A weak reference to a row that never existed is dropped silently too.
        ok("{\"op\": \"mutate\", \"table\": \"Root\", \"where\": [], \"mutations\": [[\"weak\", \"insert\", [\"uuid\", \""
                + Uuids.random() + "\"]]]}");
        assertEquals(1, db.table("Root").rows().iterator().next().get("weak").size());
    }

    private String childUuid(String name) {
        for (Row r : db.table("Child").rows()) {
            if (r.get("name").atom().equals(name)) {
                return r.uuid().toString();
            }
        }
        throw new AssertionError("no child " + name);
    }

    @Test
    void strongReferencesMayNotDangle() {
        String ghost = Uuids.random().toString();
        String e = error(root("r", "[\"uuid\", \"" + ghost + "\"]", "[\"named-uuid\", \"root\"]"));
        assertTrue(e.startsWith("referential integrity violation: Table Root column kids row ")
                && e.endsWith(" references nonexistent row " + ghost + " in table Child."), e);
        ok("{\"op\": \"insert\", \"table\": \"Child\", \"uuid-name\": \"a\", \"row\": {\"name\": \"a\"}},"
                + root("r", "[\"named-uuid\", \"a\"]", "[\"named-uuid\", \"a\"]"));
        assertTrue(error("{\"op\": \"delete\", \"table\": \"Child\", \"where\": []}")
                .matches("referential integrity violation: cannot delete Child row .* because of 1 remaining reference\\(s\\)"));
        // Deleting the referrer in the same transaction makes it fine.
        ok("{\"op\": \"delete\", \"table\": \"Root\", \"where\": []}, {\"op\": \"delete\", \"table\": \"Child\", \"where\": []}");
        assertEquals(0, db.table("Child").size());
    }

    @Test
    void selfReferencesDoNotKeepARowAlive() {
        ok("{\"op\": \"insert\", \"table\": \"Child\", \"uuid-name\": \"s\", \"row\": {\"name\": \"selfish\", "
                + "\"sibling\": [\"named-uuid\", \"s\"]}}");
        assertEquals(0, db.table("Child").size());
    }

    @Test
    void maxRows() {
        ok("{\"op\": \"insert\", \"table\": \"Child\", \"uuid-name\": \"a\", \"row\": {\"name\": \"a\", \"n\": 1}},"
                + root("r1", "[\"named-uuid\", \"a\"]", "[\"named-uuid\", \"a\"]"));
        ok("{\"op\": \"insert\", \"table\": \"Child\", \"uuid-name\": \"a\", \"row\": {\"name\": \"b\", \"n\": 2}},"
                + root("r2", "[\"named-uuid\", \"a\"]", "[\"named-uuid\", \"a\"]"));
        assertEquals("constraint violation: transaction causes \"Root\" table to contain 3 rows, greater than the "
                        + "schema-defined limit of 2 row(s)",
                error("{\"op\": \"insert\", \"table\": \"Child\", \"uuid-name\": \"a\", \"row\": {\"name\": \"c\", \"n\": 3}},"
                        + root("r3", "[\"named-uuid\", \"a\"]", "[\"named-uuid\", \"a\"]")));
    }

    @Test
    void uniqueIndexes() {
        ok("{\"op\": \"insert\", \"table\": \"Free\", \"row\": {\"a\": \"x\", \"b\": 1}},"
                + "{\"op\": \"insert\", \"table\": \"Free\", \"row\": {\"a\": \"y\", \"b\": 1}}");
        assertTrue(error("{\"op\": \"insert\", \"table\": \"Free\", \"row\": {\"a\": \"x\"}}").startsWith(
                "constraint violation: Transaction causes multiple rows in \"Free\" table to have identical values (x) "
                        + "for index on column \"a\".  First row"));
        // Swapping two rows' keys in one transaction leaves the index unique.
        ok("{\"op\": \"update\", \"table\": \"Free\", \"where\": [[\"a\", \"==\", \"x\"]], \"row\": {\"a\": \"tmp\"}},"
                + "{\"op\": \"update\", \"table\": \"Free\", \"where\": [[\"a\", \"==\", \"y\"]], \"row\": {\"a\": \"x\"}},"
                + "{\"op\": \"update\", \"table\": \"Free\", \"where\": [[\"a\", \"==\", \"tmp\"]], \"row\": {\"a\": \"y\"}}");
        // Deleting a row frees its key for a row inserted in the same transaction.
        ok("{\"op\": \"delete\", \"table\": \"Free\", \"where\": [[\"a\", \"==\", \"x\"]]},"
                + "{\"op\": \"insert\", \"table\": \"Free\", \"row\": {\"a\": \"x\", \"b\": 7}}");
        assertEquals(2, db.table("Free").size());
    }

    @Test
    void commitsReportOnlyRealChanges() {
        ok("{\"op\": \"insert\", \"table\": \"Free\", \"row\": {\"a\": \"x\", \"b\": 1}},"
                + "{\"op\": \"insert\", \"table\": \"Free\", \"row\": {\"a\": \"y\", \"b\": 2}}");
        Executor.Outcome same = run("{\"op\": \"update\", \"table\": \"Free\", \"where\": [], \"row\": {\"b\": 1}},"
                + "{\"op\": \"update\", \"table\": \"Free\", \"where\": [[\"a\", \"==\", \"y\"]], \"row\": {\"b\": 2}}");
        assertTrue(same.commit().isEmpty(), "y set to 1 and back to 2 in one transaction: nothing changed");
        Row before = db.table("Free").rows().stream().filter(r -> r.get("a").atom().equals("x")).findFirst().get();
        Executor.Outcome noop = run("{\"op\": \"update\", \"table\": \"Free\", \"where\": [[\"a\", \"==\", \"x\"]], "
                + "\"row\": {\"b\": 1}}");
        assertTrue(noop.commit().isEmpty());
        Row after = db.table("Free").rows().stream().filter(r -> r.get("a").atom().equals("x")).findFirst().get();
        assertEquals(before.version(), after.version(), "no change, same _version");
        ok("{\"op\": \"update\", \"table\": \"Free\", \"where\": [[\"a\", \"==\", \"x\"]], \"row\": {\"b\": 5}}");
        Row changed = db.table("Free").rows().stream().filter(r -> r.get("a").atom().equals("x")).findFirst().get();
        assertNotEquals(before.version(), changed.version());
        assertEquals(before.uuid(), changed.uuid());
    }

    @Test
    void explicitUuidsAndForwardNamedReferences() {
        String u = "01234567-89ab-cdef-0123-456789abcdef";
        ok("{\"op\": \"insert\", \"table\": \"Free\", \"uuid\": \"" + u + "\", \"row\": {\"a\": \"x\"}}");
        assertEquals(u, uuidOf("Free"));
        assertTrue(error("{\"op\": \"insert\", \"table\": \"Free\", \"uuid\": \"" + u + "\", \"row\": {\"a\": \"z\"}}")
                .startsWith("duplicate uuid: This UUID would duplicate"));
        // A value may name a row inserted by a later operation of the same transaction.
        ok("{\"op\": \"insert\", \"table\": \"Free\", \"row\": {\"a\": \"w\", \"target\": [\"named-uuid\", \"later\"]}},"
                + "{\"op\": \"insert\", \"table\": \"Grandchild\", \"uuid-name\": \"later\", \"row\": {\"label\": \"l\"}}");
    }
}
