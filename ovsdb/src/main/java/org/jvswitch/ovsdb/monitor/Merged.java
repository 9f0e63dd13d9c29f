package org.jvswitch.ovsdb.monitor;

import org.jvswitch.ovsdb.db.Commit;
import org.jvswitch.ovsdb.db.RowChange;
import org.jvswitch.ovsdb.db.Table;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Several commits folded into one set of changes: per row, its state before the first and after
 * the last (a row inserted and deleted in between vanishes). What {@code monitor_cond_since}
 * sends a client that missed those commits.
 */
public final class Merged {

    private Merged() {
    }

    public static Map<Table, List<RowChange>> of(List<Commit> commits) {
        Map<Table, LinkedHashMap<UUID, RowChange>> acc = new LinkedHashMap<>();
        for (Commit c : commits) {
            for (Map.Entry<Table, List<RowChange>> e : c.tables().entrySet()) {
                LinkedHashMap<UUID, RowChange> m = acc.computeIfAbsent(e.getKey(), k -> new LinkedHashMap<>());
                for (RowChange rc : e.getValue()) {
                    RowChange prev = m.get(rc.uuid());
                    if (prev == null) {
                        m.put(rc.uuid(), rc);
                    } else if (prev.old() == null && rc.neu() == null) {
                        m.remove(rc.uuid());
                    } else {
                        m.put(rc.uuid(), new RowChange(rc.table(), rc.uuid(), prev.old(), rc.neu()));
                    }
                }
            }
        }
        Map<Table, List<RowChange>> out = new LinkedHashMap<>();
        acc.forEach((t, m) -> {
            if (!m.isEmpty()) {
                out.put(t, new ArrayList<>(m.values()));
            }
        });
        return out;
    }
}
