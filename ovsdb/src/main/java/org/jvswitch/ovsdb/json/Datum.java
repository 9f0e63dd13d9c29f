package org.jvswitch.ovsdb.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.TextNode;

import java.util.Arrays;
import java.util.UUID;

/**
 * The value of one column: a set of atoms, or a map from atoms to atoms, kept sorted by key in
 * OVS's atom order with no duplicate keys. A scalar column holds a one-element set, an optional
 * one a set of zero or one.
 *
 * <p>Immutable: every operation returns a new datum, so rows can be shared with any thread once
 * committed. Parsing and constraint checks live in {@link DatumParser}; diffs (update2 and the
 * database file) in {@link DatumDiff}.
 */
public final class Datum implements Comparable<Datum> {

    private static final Object[] NONE = {};
    /** The empty set. */
    public static final Datum EMPTY_SET = new Datum(NONE, null);
    /** The empty map. */
    public static final Datum EMPTY_MAP = new Datum(NONE, NONE);

    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    private static final TextNode SET = TextNode.valueOf("set");
    private static final TextNode MAP = TextNode.valueOf("map");

    /** Keys, sorted, distinct. Never written after construction. */
    private final Object[] keys;
    /** Values parallel to keys for a map; null for a set. */
    private final Object[] values;
    /** Cached hash; 0 until computed. */
    private int hash;

    private Datum(Object[] keys, Object[] values) {
        this.keys = keys;
        this.values = values;
    }

    /** A set of one atom. */
    public static Datum atom(Object atom) {
        return new Datum(new Object[] {atom}, null);
    }

    /** A map of one pair. */
    public static Datum pair(Object key, Object value) {
        return new Datum(new Object[] {key}, new Object[] {value});
    }

    /** A set from keys already sorted and distinct (the array is kept, not copied). */
    public static Datum sortedSet(Object[] keys) {
        return keys.length == 0 ? EMPTY_SET : new Datum(keys, null);
    }

    /** A map from keys already sorted and distinct (the arrays are kept, not copied). */
    public static Datum sortedMap(Object[] keys, Object[] values) {
        return keys.length == 0 ? EMPTY_MAP : new Datum(keys, values);
    }

    /**
     * A set or map from unsorted keys (values null for a set); null if two keys are equal.
     * The arrays are sorted in place and kept.
     */
    public static Datum sortUnique(Object[] keys, Object[] values) {
        if (values == null) {
            Arrays.sort(keys, Atoms::compare);
        } else {
            Integer[] order = new Integer[keys.length];
            for (int i = 0; i < order.length; i++) {
                order[i] = i;
            }
            Arrays.sort(order, (a, b) -> Atoms.compare(keys[a], keys[b]));
            Object[] k = new Object[keys.length];
            Object[] v = new Object[keys.length];
            for (int i = 0; i < order.length; i++) {
                k[i] = keys[order[i]];
                v[i] = values[order[i]];
            }
            System.arraycopy(k, 0, keys, 0, k.length);
            System.arraycopy(v, 0, values, 0, v.length);
        }
        for (int i = 1; i < keys.length; i++) {
            if (Atoms.compare(keys[i - 1], keys[i]) == 0) {
                return null;
            }
        }
        return values == null ? sortedSet(keys) : sortedMap(keys, values);
    }

    /** A set of UUIDs in any order, duplicates dropped. */
    public static Datum uuidSet(java.util.Collection<UUID> uuids) {
        Object[] k = uuids.toArray();
        Arrays.sort(k, Atoms::compare);
        int n = 0;
        for (int i = 0; i < k.length; i++) {
            if (n == 0 || Atoms.compare(k[n - 1], k[i]) != 0) {
                k[n++] = k[i];
            }
        }
        return sortedSet(n == k.length ? k : Arrays.copyOf(k, n));
    }

    public int size() {
        return keys.length;
    }

    public boolean isEmpty() {
        return keys.length == 0;
    }

    public boolean isMap() {
        return values != null;
    }

    public Object key(int i) {
        return keys[i];
    }

    public Object value(int i) {
        return values[i];
    }

    /** The only atom of a one-element set (or the key of a one-pair map). */
    public Object atom() {
        return keys[0];
    }

    /** Index of {@code key}, or a negative number if absent. */
    public int indexOf(Object key) {
        int lo = 0;
        int hi = keys.length - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            int c = Atoms.compare(keys[mid], key);
            if (c < 0) {
                lo = mid + 1;
            } else if (c > 0) {
                hi = mid - 1;
            } else {
                return mid;
            }
        }
        return -(lo + 1);
    }

    public boolean containsKey(Object key) {
        return indexOf(key) >= 0;
    }

    /** The value of {@code key} in a map, or null. */
    public Object get(Object key) {
        int i = indexOf(key);
        return i >= 0 ? values[i] : null;
    }

    /** Keys as an array (a copy). */
    public Object[] keysCopy() {
        return keys.clone();
    }

    /** Values as an array (a copy); null for a set. */
    public Object[] valuesCopy() {
        return values == null ? null : values.clone();
    }

    /**
     * The JSON form: {@code ["map", [[k, v], ...]]} for a map, the bare atom for a one-element
     * set, {@code ["set", [...]]} otherwise.
     */
    public JsonNode toJson() {
        if (values != null) {
            ArrayNode pairs = F.arrayNode(keys.length);
            for (int i = 0; i < keys.length; i++) {
                ArrayNode p = F.arrayNode(2);
                p.add(Atoms.toJson(keys[i]));
                p.add(Atoms.toJson(values[i]));
                pairs.add(p);
            }
            return tagged(MAP, pairs);
        }
        if (keys.length == 1) {
            return Atoms.toJson(keys[0]);
        }
        ArrayNode elems = F.arrayNode(keys.length);
        for (Object k : keys) {
            elems.add(Atoms.toJson(k));
        }
        return tagged(SET, elems);
    }

    private static ArrayNode tagged(TextNode tag, ArrayNode inner) {
        ArrayNode a = F.arrayNode(2);
        a.add(tag);
        a.add(inner);
        return a;
    }

    /**
     * As OVS's {@code ovsdb_datum_to_string}: {@code [a, b]} for sets, {@code {k=v}} for maps,
     * a lone atom bare when {@code composite} is false (the column holds at most one).
     */
    public void appendString(boolean composite, StringBuilder out) {
        boolean brackets = composite || keys.length == 0;
        if (brackets) {
            out.append(values != null ? '{' : '[');
        }
        for (int i = 0; i < keys.length; i++) {
            if (i > 0) {
                out.append(", ");
            }
            Atoms.appendString(keys[i], out);
            if (values != null) {
                out.append('=');
                Atoms.appendString(values[i], out);
            }
        }
        if (brackets) {
            out.append(values != null ? '}' : ']');
        }
    }

    /** The union: {@code other}'s keys added; with {@code replace}, its values win for common keys. */
    public Datum union(Datum other, boolean replace) {
        if (other.keys.length == 0) {
            return this;
        }
        int n = keys.length + other.keys.length;
        Object[] k = new Object[n];
        Object[] v = values != null ? new Object[n] : null;
        int i = 0;
        int j = 0;
        int o = 0;
        while (i < keys.length || j < other.keys.length) {
            int c = i == keys.length ? 1 : j == other.keys.length ? -1 : Atoms.compare(keys[i], other.keys[j]);
            if (c < 0) {
                k[o] = keys[i];
                if (v != null) {
                    v[o] = values[i];
                }
                i++;
            } else if (c > 0) {
                k[o] = other.keys[j];
                if (v != null) {
                    v[o] = other.values[j];
                }
                j++;
            } else {
                k[o] = keys[i];
                if (v != null) {
                    v[o] = replace ? other.values[j] : values[i];
                }
                i++;
                j++;
            }
            o++;
        }
        return make(k, v, o);
    }

    /**
     * What is left after removing {@code other}: for a set, its elements; for a map, its keys
     * when {@code other} is a set, or the pairs that match key and value when it is a map.
     */
    public Datum subtract(Datum other) {
        if (other.keys.length == 0 || keys.length == 0) {
            return this;
        }
        Object[] k = new Object[keys.length];
        Object[] v = values != null ? new Object[keys.length] : null;
        int o = 0;
        for (int i = 0; i < keys.length; i++) {
            int j = other.indexOf(keys[i]);
            boolean remove = j >= 0 && (values == null || other.values == null
                    || Atoms.equal(values[i], other.values[j]));
            if (!remove) {
                k[o] = keys[i];
                if (v != null) {
                    v[o] = values[i];
                }
                o++;
            }
        }
        return o == keys.length ? this : make(k, v, o);
    }

    private Datum make(Object[] k, Object[] v, int n) {
        if (n < k.length) {
            k = Arrays.copyOf(k, n);
            if (v != null) {
                v = Arrays.copyOf(v, n);
            }
        }
        return v != null ? sortedMap(k, v) : sortedSet(k);
    }

    /** OVS's datum order: by size, then keys, then values. */
    @Override
    public int compareTo(Datum o) {
        if (keys.length != o.keys.length) {
            return keys.length < o.keys.length ? -1 : 1;
        }
        for (int i = 0; i < keys.length; i++) {
            int c = Atoms.compare(keys[i], o.keys[i]);
            if (c != 0) {
                return c;
            }
        }
        if (values != null && o.values != null) {
            for (int i = 0; i < values.length; i++) {
                int c = Atoms.compare(values[i], o.values[i]);
                if (c != 0) {
                    return c;
                }
            }
        }
        return 0;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof Datum d) || d.keys.length != keys.length || (d.values == null) != (values == null)) {
            return false;
        }
        for (int i = 0; i < keys.length; i++) {
            if (!Atoms.equal(keys[i], d.keys[i])) {
                return false;
            }
        }
        if (values != null) {
            for (int i = 0; i < values.length; i++) {
                if (!Atoms.equal(values[i], d.values[i])) {
                    return false;
                }
            }
        }
        return true;
    }

    @Override
    public int hashCode() {
        int h = hash;
        if (h == 0) {
            h = 1;
            for (Object k : keys) {
                h = 31 * h + atomHash(k);
            }
            if (values != null) {
                for (Object v : values) {
                    h = 31 * h + atomHash(v);
                }
            }
            hash = h;
        }
        return h;
    }

    private static int atomHash(Object a) {
        return a instanceof Double d && d == 0 ? 0 : a.hashCode();
    }

    @Override
    public String toString() {
        return toJson().toString();
    }
}
