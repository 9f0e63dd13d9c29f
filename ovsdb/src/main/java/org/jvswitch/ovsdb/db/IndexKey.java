package org.jvswitch.ovsdb.db;

import org.jvswitch.ovsdb.json.Datum;
import org.jvswitch.ovsdb.schema.ColumnSchema;

import java.util.Arrays;

/** The values of an index's columns in one row: the key of a unique index. Immutable. */
record IndexKey(Datum[] values) {

    static IndexKey of(Row row, ColumnSchema[] columns) {
        Datum[] v = new Datum[columns.length];
        for (int i = 0; i < columns.length; i++) {
            v[i] = row.get(columns[i]);
        }
        return new IndexKey(v);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof IndexKey k && Arrays.equals(values, k.values);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(values);
    }
}
