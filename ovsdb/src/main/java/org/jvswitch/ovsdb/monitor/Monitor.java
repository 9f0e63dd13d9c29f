package org.jvswitch.ovsdb.monitor;

import com.fasterxml.jackson.databind.JsonNode;
import org.jvswitch.ovsdb.db.Database;
import org.jvswitch.ovsdb.schema.TableSchema;

import java.util.Map;

/**
 * One monitor of one session: its id, dialect and what it watches per table.
 *
 * <p>Threads: created, changed ({@code monitor_cond_change}) and cancelled by the engine thread,
 * which writes {@link #id} and {@link #specs}; each commit captures both for the updates it
 * sends ({@link Target}), so a condition change never races an update built on another thread.
 */
public final class Monitor {

    private final Subscriber subscriber;
    private final Database db;
    private final MonitorVersion version;
    private volatile JsonNode id;
    private volatile Map<TableSchema, TableSpec> specs;

    public Monitor(Subscriber subscriber, Database db, MonitorVersion version, JsonNode id,
                   Map<TableSchema, TableSpec> specs) {
        this.subscriber = subscriber;
        this.db = db;
        this.version = version;
        this.id = id;
        this.specs = Map.copyOf(specs);
    }

    public Subscriber subscriber() {
        return subscriber;
    }

    public Database db() {
        return db;
    }

    public MonitorVersion version() {
        return version;
    }

    public JsonNode id() {
        return id;
    }

    public Map<TableSchema, TableSpec> specs() {
        return specs;
    }

    /** Engine thread: a new id and specs ({@code monitor_cond_change}). */
    public void change(JsonNode newId, Map<TableSchema, TableSpec> newSpecs) {
        this.id = newId;
        this.specs = Map.copyOf(newSpecs);
    }

    /** What this monitor is, frozen at one commit. */
    public Target target() {
        return new Target(this, id, specs);
    }

    /** A monitor with the id and specs it had when a commit happened. */
    public record Target(Monitor monitor, JsonNode id, Map<TableSchema, TableSpec> specs) {
    }
}
