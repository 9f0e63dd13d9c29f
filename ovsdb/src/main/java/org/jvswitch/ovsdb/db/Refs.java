package org.jvswitch.ovsdb.db;

import org.jvswitch.ovsdb.json.Atoms;
import org.jvswitch.ovsdb.json.Datum;
import org.jvswitch.ovsdb.schema.BaseType;
import org.jvswitch.ovsdb.schema.ColumnType;

import java.util.UUID;

/**
 * Walks the references a column value holds, and the references that change between two values
 * of a column, calling back once per reference (a UUID that appears twice counts twice, as OVS
 * counts it). The change walk merges the two sorted values, so a one-element change to a
 * thousand-element set costs one pass and two callbacks, not two thousand.
 */
final class Refs {

    /** Receives one reference: its target, the base type that holds it, +1 or -1. */
    @FunctionalInterface
    interface Visitor {
        void ref(UUID target, BaseType base, int delta);
    }

    private Refs() {
    }

    /** Calls {@code v} with {@code delta} for every reference in {@code d} that {@code strong} selects. */
    static void forEach(ColumnType type, Datum d, boolean strong, int delta, Visitor v) {
        BaseType k = type.key();
        BaseType val = type.value();
        boolean keys = strong ? k.isStrongRef() : k.isWeakRef();
        boolean values = val != null && (strong ? val.isStrongRef() : val.isWeakRef());
        for (int i = 0; i < d.size(); i++) {
            if (keys) {
                v.ref((UUID) d.key(i), k, delta);
            }
            if (values) {
                v.ref((UUID) d.value(i), val, delta);
            }
        }
    }

    /** Calls {@code v} with -1 for each reference only in {@code old} and +1 for each only in {@code neu}. */
    static void forEachChange(ColumnType type, Datum old, Datum neu, boolean strong, Visitor v) {
        BaseType k = type.key();
        BaseType val = type.value();
        boolean keys = strong ? k.isStrongRef() : k.isWeakRef();
        boolean values = val != null && (strong ? val.isStrongRef() : val.isWeakRef());
        int i = 0;
        int j = 0;
        while (i < old.size() || j < neu.size()) {
            int c = i == old.size() ? 1 : j == neu.size() ? -1 : Atoms.compare(old.key(i), neu.key(j));
            if (c < 0) {
                if (keys) {
                    v.ref((UUID) old.key(i), k, -1);
                }
                if (values) {
                    v.ref((UUID) old.value(i), val, -1);
                }
                i++;
            } else if (c > 0) {
                if (keys) {
                    v.ref((UUID) neu.key(j), k, 1);
                }
                if (values) {
                    v.ref((UUID) neu.value(j), val, 1);
                }
                j++;
            } else {
                if (values && !Atoms.equal(old.value(i), neu.value(j))) {
                    v.ref((UUID) old.value(i), val, -1);
                    v.ref((UUID) neu.value(j), val, 1);
                }
                i++;
                j++;
            }
        }
    }
}
