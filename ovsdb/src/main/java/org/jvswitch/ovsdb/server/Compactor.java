package org.jvswitch.ovsdb.server;

import org.jvswitch.ovsdb.db.Row;
import org.jvswitch.ovsdb.db.Table;
import org.jvswitch.ovsdb.storage.DbFile;
import org.jvswitch.vlog.Vlog;
import org.slf4j.Logger;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * When and how database files are compacted. Automatically, as ovsdb-server does, once a file
 * has had at least 100 records appended, is at least 10 MB and four times its size after the
 * last compaction, and 10 minutes have passed since then; or on demand
 * ({@code ovsdb-server/compact}). The engine takes a snapshot (references to the immutable
 * rows, so it is quick) in commit order, and the storage thread writes it. Engine thread only.
 */
final class Compactor {

    private static final Logger LOG = Vlog.module("ovsdb_server");
    static final long MIN_RECORDS = 100;
    static final long MIN_BYTES = 10L * 1024 * 1024;
    static final long MIN_INTERVAL_NANOS = 10L * 60 * 1_000_000_000L;

    private final ServerCore core;
    private final boolean auto;
    private long lastNanos = System.nanoTime();
    private boolean running;

    Compactor(ServerCore core, boolean auto) {
        this.core = core;
        this.auto = auto;
    }

    void afterCommit(DbHost h) {
        DbFile f = h.file();
        if (!auto || running || f == null) {
            return;
        }
        if (f.recordsSinceSnapshot() >= MIN_RECORDS && f.size() >= MIN_BYTES && f.size() >= 4 * f.snapshotSize()
                && System.nanoTime() - lastNanos >= MIN_INTERVAL_NANOS) {
            LOG.info("{}: compacting ({} bytes, {} records since the last compaction)", f.path(), f.size(),
                    f.recordsSinceSnapshot());
            compact(h);
        }
    }

    /** Queues a compaction of {@code h}; null if it has no file. Completes with null or the failure. */
    CompletableFuture<IOException> compact(DbHost h) {
        if (h == null || h.file() == null) {
            return null;
        }
        Map<String, List<Row>> rows = new LinkedHashMap<>();
        for (Table t : h.db().tables()) {
            rows.put(t.name(), new ArrayList<>(t.rows()));
        }
        running = true;
        lastNanos = System.nanoTime();
        CompletableFuture<IOException> done = new CompletableFuture<>();
        core.log.compact(h.file(), rows, e -> {
            core.engine.submit(() -> running = false);
            done.complete(e);
        });
        return done;
    }
}
