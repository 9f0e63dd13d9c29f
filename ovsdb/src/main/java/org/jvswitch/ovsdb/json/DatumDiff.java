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
        return type.isComposite() ? symmetric(type.isMap(), old, neu) : neu;
    }

    /** Applies {@code diff} to {@code old}; the result is not checked against the type's bounds. */
    public static Datum apply(ColumnType type, Datum old, Datum diff) {
        return type.isComposite() ? symmetric(type.isMap(), old, diff) : diff;
    }

    /**
     * Both directions are one operation (RFC 7047's update2 semantics): keys in only one side are
     * kept, keys in both drop out, except map keys whose values differ, which take {@code b}'s.
     * So diff(a, b) = symmetric(a, b), and applying it, symmetric(a, diff), gives back b.
     */
    private static Datum symmetric(boolean map, Datum a, Datum b) {
        List<Object> k = new ArrayList<>();
        List<Object> v = map ? new ArrayList<>() : null;
        int i = 0;
        int j = 0;
        while (i < a.size() || j < b.size()) {
            int c = i == a.size() ? 1 : j == b.size() ? -1 : Atoms.compare(a.key(i), b.key(j));
            if (c < 0) {
                k.add(a.key(i));
                if (map) {
                    v.add(a.value(i));
                }
                i++;
            } else if (c > 0) {
                k.add(b.key(j));
                if (map) {
                    v.add(b.value(j));
                }
                j++;
            } else {
                if (map && !Atoms.equal(a.value(i), b.value(j))) {
                    k.add(b.key(j));
                    v.add(b.value(j));
                }
                i++;
                j++;
            }
        }
        return map ? Datum.sortedMap(k.toArray(), v.toArray()) : Datum.sortedSet(k.toArray());
    }
}
