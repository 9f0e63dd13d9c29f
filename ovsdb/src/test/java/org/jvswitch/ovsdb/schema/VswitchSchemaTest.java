package org.jvswitch.ovsdb.schema;

import org.jvswitch.ovsdb.server.OvsdbServer;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * jvswitch's Open_vSwitch schema has every table and column of Open vSwitch 3.1's, with the
 * same types (key and value base types, enums, ranges, lengths, refTable and refType, min and
 * max), mutability, ephemerality, isRoot, indexes and maxRows, so every client of OVS finds what
 * it expects. Compared against the schema Debian's openvswitch-common installs, when present.
 */
class VswitchSchemaTest {

    private static final Path OVS = Path.of("/usr/share/openvswitch/vswitch.ovsschema");

    @Test
    void sameTablesColumnsAndTypesAsOpenVswitch() throws IOException {
        Assumptions.assumeTrue(Files.exists(OVS), OVS + " not installed");
        DatabaseSchema theirs = DatabaseSchema.read(OVS);
        DatabaseSchema ours = OvsdbServer.vswitchSchema();
        List<String> diffs = new ArrayList<>();
        check(diffs, "name", theirs.name(), ours.name());
        check(diffs, "version", theirs.version(), ours.version());
        check(diffs, "cksum", theirs.cksum(), ours.cksum());
        check(diffs, "tables", names(theirs.tables()), names(ours.tables()));
        for (TableSchema t : theirs.tables()) {
            TableSchema o = ours.table(t.name());
            if (o == null) {
                continue;
            }
            String p = t.name() + ".";
            check(diffs, p + "maxRows", t.maxRows(), o.maxRows());
            check(diffs, p + "isRoot", t.isRoot(), o.isRoot());
            check(diffs, p + "indexes", indexes(t), indexes(o));
            check(diffs, p + "columns", new TreeSet<>(t.columnsByName().keySet()),
                    new TreeSet<>(o.columnsByName().keySet()));
            for (ColumnSchema c : t.columns()) {
                ColumnSchema oc = o.column(c.name());
                if (oc == null) {
                    continue;
                }
                String q = p + c.name() + ".";
                check(diffs, q + "type", c.type().toJson().toString(), oc.type().toJson().toString());
                check(diffs, q + "type (parsed)", c.type(), oc.type());
                check(diffs, q + "mutable", c.mutable(), oc.mutable());
                check(diffs, q + "ephemeral", !c.persistent(), !oc.persistent());
            }
        }
        // Whole-schema check last: the server's get_schema answers must be the same too.
        check(diffs, "get_schema JSON", org.jvswitch.ovsdb.json.OvsJson.toString(theirs.toJson(), true),
                org.jvswitch.ovsdb.json.OvsJson.toString(ours.toJson(), true));
        assertEquals("", String.join("\n", diffs));
    }

    private static TreeSet<String> names(java.util.Collection<TableSchema> tables) {
        TreeSet<String> s = new TreeSet<>();
        tables.forEach(t -> s.add(t.name()));
        return s;
    }

    private static List<String> indexes(TableSchema t) {
        List<String> out = new ArrayList<>();
        for (ColumnSchema[] i : t.indexes()) {
            out.add(Arrays.toString(i));
        }
        out.sort(null);
        return out;
    }

    private static void check(List<String> diffs, String what, Object theirs, Object ours) {
        if (!java.util.Objects.equals(theirs, ours)) {
            diffs.add(what + ": Open vSwitch has " + theirs + ", jvswitch has " + ours);
        }
    }
}
