package org.jvswitch.ovsdb.server;

import org.jvswitch.ovsdb.db.Commit;
import org.jvswitch.ovsdb.db.Row;
import org.jvswitch.ovsdb.db.Table;
import org.jvswitch.ovsdb.db.Txn;
import org.jvswitch.ovsdb.json.Datum;
import org.jvswitch.ovsdb.json.OvsdbException;
import org.jvswitch.ovsdb.json.Uuids;
import org.jvswitch.ovsdb.schema.AtomicType;
import org.jvswitch.ovsdb.schema.ColumnSchema;
import org.jvswitch.ovsdb.schema.TableSchema;
import org.jvswitch.vlog.Vlog;
import org.jvswitch.vlog.VlogRateLimiter;
import org.slf4j.Logger;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * {@code db:DB,TABLE,COLUMN} settings, read from the committed database on the engine thread:
 * remotes (a column of strings, or of references to rows with a {@code target} column and
 * optionally {@code inactivity_probe} and {@code max_backoff}, like {@code Manager}) and single
 * strings (the {@code SSL} table's files). It also writes a {@code Manager}-style row's
 * {@code is_connected} and {@code status} when its connection comes or goes, as ovsdb-server
 * does (both columns are ephemeral, so this costs no disk write).
 */
final class DbRemotes {

    private static final Logger LOG = Vlog.module("ovsdb_server");
    private static final VlogRateLimiter RL = new VlogRateLimiter(LOG, 5, 10);

    private final ServerCore core;
    /** Where a remote's status goes: set by the server once its services exist. */
    private TransactService transact;

    DbRemotes(ServerCore core) {
        this.core = core;
    }

    void setTransact(TransactService transact) {
        this.transact = transact;
    }

    private record Ref(DbHost host, Table table, ColumnSchema column) {
    }

    private Ref lookup(String spec) {
        String[] p = spec.split(",", -1);
        if (p.length != 3) {
            return null;
        }
        DbHost host = core.hosts.get(p[0]);
        if (host == null) {
            warn("db:{}: no database named {}", spec, p[0]);
            return null;
        }
        Table t = host.db().table(p[1]);
        if (t == null) {
            warn("db:{}: no table named {}", spec, p[1]);
            return null;
        }
        ColumnSchema c = t.schema().column(p[2]);
        if (c == null) {
            warn("db:{}: no column named {}", spec, p[2]);
            return null;
        }
        return new Ref(host, t, c);
    }


    /** The remotes a {@code db:} remote names now. Engine thread. */
    List<RemoteTarget> resolve(RemoteSpec spec) {
        List<RemoteTarget> out = new ArrayList<>();
        Ref ref = lookup(spec.path());
        if (ref == null) {
            return out;
        }
        ColumnSchema c = ref.column;
        for (Row r : ref.table.rows()) {
            Datum d = r.get(c);
            for (int i = 0; i < d.size(); i++) {
                Object a = d.key(i);
                if (a instanceof String s) {
                    target(s, null, null).ifPresent(out::add);
                } else if (a instanceof UUID u && c.type().key().refTable() != null) {
                    Table rt = ref.host.db().table(c.type().key().refTable());
                    Row mr = rt.get(u);
                    if (mr != null && rt.schema().column("target") != null) {
                        Datum target = mr.get("target");
                        if (target.size() == 1 && target.atom() instanceof String s) {
                            target(s, mr, ref.host.name()).ifPresent(out::add);
                        }
                    }
                }
            }
        }
        return out;
    }

    private java.util.Optional<RemoteTarget> target(String text, Row manager, String db) {
        RemoteSpec spec;
        try {
            spec = RemoteSpec.parse(text);
        } catch (IllegalArgumentException e) {
            warn("{}", e.getMessage(), "");
            return java.util.Optional.empty();
        }
        if (spec.isDb()) {
            return java.util.Optional.empty();
        }
        int probe = spec.unix() ? 0 : Transport.DEFAULT_PROBE_MS;
        int backoff = 8000;
        if (manager != null) {
            probe = intColumn(manager, "inactivity_probe", probe);
            backoff = intColumn(manager, "max_backoff", backoff);
        }
        return java.util.Optional.of(new RemoteTarget(spec, probe, backoff, db));
    }

    private static int intColumn(Row r, String name, int dflt) {
        ColumnSchema c = r.table().column(name);
        if (c == null || c.type().key().type() != AtomicType.INTEGER) {
            return dflt;
        }
        Datum d = r.get(c);
        return d.size() == 1 ? (int) Math.min(Integer.MAX_VALUE, Math.max(0, (Long) d.atom())) : dflt;
    }

    /** The string a setting names: itself, or for {@code db:} the first value in that column. */
    String resolveString(String setting) {
        if (setting == null || !setting.startsWith("db:")) {
            return setting;
        }
        Ref ref = lookup(setting.substring(3));
        if (ref == null) {
            return null;
        }
        for (Row r : ref.table.rows()) {
            Datum d = r.get(ref.column);
            if (d.size() == 1 && d.atom() instanceof String s && !s.isEmpty()) {
                return s;
            }
        }
        return null;
    }

    /** Records a remote's connection state in its Manager row, if it came from one. Any thread. */
    void status(RemoteTarget t, boolean connected, Map<String, String> status) {
        if (t.managerDb() == null) {
            return;
        }
        core.engine.submit(() -> writeStatus(t, connected, status));
    }

    private void writeStatus(RemoteTarget t, boolean connected, Map<String, String> status) {
        DbHost host = core.hosts.get(t.managerDb());
        if (host == null || transact == null) {
            return;
        }
        for (Table table : host.db().tables()) {
            TableSchema ts = table.schema();
            ColumnSchema target = ts.column("target");
            ColumnSchema isConnected = ts.column("is_connected");
            ColumnSchema st = ts.column("status");
            if (target == null || isConnected == null || st == null || !st.type().isMap()
                    || isConnected.type().key().type() != AtomicType.BOOLEAN) {
                continue;
            }
            Txn txn = new Txn(host.db());
            for (Row r : table.rows()) {
                Datum tg = r.get(target);
                if (tg.size() == 1 && t.spec().text().equals(tg.atom())) {
                    Object[] keys = status.keySet().toArray();
                    Object[] values = new Object[keys.length];
                    for (int i = 0; i < keys.length; i++) {
                        values[i] = status.get(keys[i]);
                    }
                    Datum sd = Datum.sortUnique(keys, values);
                    txn.modify(table, r, r.with(isConnected.index(), Datum.atom(connected)).with(st.index(), sd));
                }
            }
            try {
                Commit c = txn.commit(Uuids.random(), System.currentTimeMillis());
                if (!c.isEmpty()) {
                    transact.publish(host, c, null, null);
                }
            } catch (OvsdbException e) {
                warn("cannot record the status of {}: {}", t.spec(), e.getMessage());
            }
        }
    }

    private static void warn(String fmt, Object a, Object b) {
        if (RL.shouldLog()) {
            LOG.warn(fmt, a, b);
        }
    }
}
