package org.jvswitch.ofproto;

import java.util.concurrent.atomic.AtomicLong;

/** One of a bridge's 255 OpenFlow tables: its rules, name and lookup counters. */
final class OfTable {
    final int id;
    final OfClassifier rules = new OfClassifier();
    final AtomicLong lookups = new AtomicLong();
    final AtomicLong matched = new AtomicLong();
    volatile String name;
    /** Table-miss behaviour set by table_mod (OF 1.1/1.2) or OVS's other_config; false: drop. */
    volatile boolean missToController;
    /** Hidden rules (priority above OpenFlow's 0xffff) in this table; under the bridge's write lock. */
    int hidden;

    OfTable(int id) {
        this.id = id;
        this.name = "table" + id;
    }
}
