package org.jvswitch.ovsdb.db;

import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Who refers to whom, for the committed database: how many strong references each row has
 * (rows of non-root tables die when it reaches zero; a row with references cannot be deleted),
 * and which rows hold weak references to each row (they lose those references when it goes).
 * References a row makes to itself do not count, as in OVS. Engine thread only.
 */
final class RefIndex {

    /** A row that holds weak references to some target, and how many. */
    static final class WeakSource {
        final Table table;
        int count;

        WeakSource(Table table) {
            this.table = table;
        }
    }

    /** Strong reference count per target row. */
    private final HashMap<UUID, int[]> strong = new HashMap<>();
    /** Weak referrers per target row. */
    private final HashMap<UUID, HashMap<UUID, WeakSource>> weak = new HashMap<>();

    int strongCount(UUID target) {
        int[] n = strong.get(target);
        return n == null ? 0 : n[0];
    }

    void addStrong(UUID target, int delta) {
        int[] n = strong.get(target);
        if (n == null) {
            if (delta <= 0) {
                return;
            }
            strong.put(target, new int[] {delta});
        } else {
            n[0] += delta;
            if (n[0] <= 0) {
                strong.remove(target);
            }
        }
    }

    /** Rows holding weak references to {@code target}: source UUID to source. Do not modify. */
    Map<UUID, WeakSource> weakSources(UUID target) {
        HashMap<UUID, WeakSource> m = weak.get(target);
        return m == null ? Collections.emptyMap() : m;
    }

    void addWeak(UUID target, Table srcTable, UUID src, int delta) {
        HashMap<UUID, WeakSource> m = weak.get(target);
        if (m == null) {
            if (delta <= 0) {
                return;
            }
            m = new HashMap<>();
            weak.put(target, m);
        }
        WeakSource s = m.get(src);
        if (s == null) {
            if (delta <= 0) {
                return;
            }
            s = new WeakSource(srcTable);
            m.put(src, s);
        }
        s.count += delta;
        if (s.count <= 0) {
            m.remove(src);
            if (m.isEmpty()) {
                weak.remove(target);
            }
        }
    }

    int weakTargets() {
        return weak.size();
    }

    void clear() {
        strong.clear();
        weak.clear();
    }
}
