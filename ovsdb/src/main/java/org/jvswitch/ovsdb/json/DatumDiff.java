package org.jvswitch.ovsdb.json;

import org.jvswitch.ovsdb.schema.ColumnType;

import java.util.ArrayList;
import java.util.List;

/**
 * The difference between two values of a column, as {@code update2}'s "modify" and the database
 * file's {@code "_is_diff"} records carry it (ovsdb-server(7) 4.1.14): for a column that holds at
 * most one element, the new value; for a set, the elements in exactly one of the two; for a map,
 * the pairs whose key is in only one of them plus, for keys in both with different values, the
 * new pair. Applying a diff toggles set elements and, for maps, adds absent keys, removes pairs
 * present with the same value and replaces values otherwise.
 */
public final class DatumDiff {

    private DatumDiff() {
    }

    /** The diff that turns {@code old} into {@code neu}. */
    public static Datum diff(ColumnType type, Datum old, Datum neu) {
        if (!type.isComposite()) {
            return neu;
        }
        boolean map = old.isMap();
        List<Object> k = new ArrayList<>();
        List<Object> v = map ? new ArrayList<>() : null;
        int i = 0;
        int j = 0;
        while (i < old.size() || j < neu.size()) {
            int c = i == old.size() ? 1 : j == neu.size() ? -1 : Atoms.compare(old.key(i), neu.key(j));
            if (c < 0) {
                k.add(old.key(i));
                if (map) {
                    v.add(old.value(i));
                }
                i++;
            } else if (c > 0) {
                k.add(neu.key(j));
                if (map) {
                    v.add(neu.value(j));
                }
                j++;
            } else {
                if (map && !Atoms.equal(old.value(i), neu.value(j))) {
                    k.add(neu.key(j));
                    v.add(neu.value(j));
                }
                i++;
                j++;
            }
        }
        return map ? Datum.sortedMap(k.toArray(), v.toArray()) : Datum.sortedSet(k.toArray());
    }

    /** Applies {@code diff} to {@code old}; the result is not checked against the type's bounds. */
    public static Datum apply(ColumnType type, Datum old, Datum diff) {
        if (!type.isComposite()) {
            return diff;
        }
        boolean map = type.isMap();
        List<Object> k = new ArrayList<>();
        List<Object> v = map ? new ArrayList<>() : null;
        int i = 0;
        int j = 0;
        while (i < old.size() || j < diff.size()) {
            int c = i == old.size() ? 1 : j == diff.size() ? -1 : Atoms.compare(old.key(i), diff.key(j));
            if (c < 0) {
                k.add(old.key(i));
                if (map) {
                    v.add(old.value(i));
                }
                i++;
            } else if (c > 0) {
                k.add(diff.key(j));
                if (map) {
                    v.add(diff.value(j));
                }
                j++;
            } else {
                if (map && !Atoms.equal(old.value(i), diff.value(j))) {
                    k.add(diff.key(j));
                    v.add(diff.value(j));
                }
                i++;
                j++;
            }
        }
        return map ? Datum.sortedMap(k.toArray(), v.toArray()) : Datum.sortedSet(k.toArray());
    }
}
