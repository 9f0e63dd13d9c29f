package org.jvswitch.ovsdb.storage;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.jvswitch.coverage.Coverage;
import org.jvswitch.coverage.CoverageCounter;
import org.jvswitch.ovsdb.db.Commit;
import org.jvswitch.ovsdb.db.Row;
import org.jvswitch.vlog.Vlog;
import org.slf4j.Logger;

import java.io.IOException;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.Consumer;

/**
 * The storage thread: writes committed transactions to their database files, makes them
 * durable, and only then lets their replies and monitor updates go out, in commit order.
 *
 * <p>How: the engine thread queues one item per committed transaction (its {@link Commit} and
 * what to do once it is durable) and per reply that only has to wait its turn. The storage
 * thread takes everything queued at once, formats and appends the records, syncs each file
 * touched once ({@code fdatasync}), then runs the items' acknowledgements in order: group
 * commit, so the engine never waits for the disk and one sync covers every transaction
 * committed meanwhile. A reply that follows nothing unfinished is sent by the engine at once.
 *
 * <p>If a write or sync fails, that file is broken: its pending and later items are failed
 * instead of acknowledged, and the owner is told (it reloads the database from what is on disk).
 *
 * <p>Threads: {@link #write}, {@link #ack} and {@link #compact} from the engine thread only;
 * the rest runs on "ovsdb-storage".
 */
public final class CommitLog implements AutoCloseable {

    private static final Logger LOG = Vlog.module("ovsdb_file");
    private static final CoverageCounter SYNCS = Coverage.counter("ovsdb_log_sync");
    private static final CoverageCounter RECORDS = Coverage.counter("ovsdb_log_record");

    private sealed interface Item permits Write, Ack, Snapshot, Stop {
    }

    private record Write(DbFile file, Commit commit, Runnable ack, Runnable fail) implements Item {
    }

    private record Ack(Runnable ack) implements Item {
    }

    private record Snapshot(DbFile file, Map<String, List<Row>> rows, Consumer<IOException> done) implements Item {
    }

    private record Stop() implements Item {
    }

    private final LinkedBlockingQueue<Item> queue = new LinkedBlockingQueue<>();
    private final Thread thread;
    /** Items queued; engine thread only. */
    private long enqueued;
    /** Items finished; written by the storage thread. */
    private volatile long completed;
    /** Files that failed, with what went wrong; storage thread. */
    private final Map<DbFile, IOException> broken = new IdentityHashMap<>();
    private final Consumer<DbFile> onBroken;

    /** @param onBroken told (on the storage thread) when a file fails */
    public CommitLog(Consumer<DbFile> onBroken) {
        this.onBroken = onBroken;
        this.thread = Thread.ofPlatform().name("ovsdb-storage").daemon(true).unstarted(this::run);
        thread.start();
    }

    /**
     * Queues {@code commit} for {@code file} (null: an in-memory database): {@code ack} runs
     * once it is durable, {@code fail} instead if it cannot be made so.
     */
    public void write(DbFile file, Commit commit, Runnable ack, Runnable fail) {
        enqueued++;
        queue.add(new Write(file, commit, ack, fail));
    }

    /** Runs {@code ack} after everything queued before it: now, if nothing is pending. */
    public void ack(Runnable ack) {
        if (completed == enqueued) {
            ack.run();
            return;
        }
        enqueued++;
        queue.add(new Ack(ack));
    }

    /** Queues a compaction of {@code file} to {@code rows} (the database as of now). */
    public void compact(DbFile file, Map<String, List<Row>> rows, Consumer<IOException> done) {
        enqueued++;
        queue.add(new Snapshot(file, rows, done));
    }

    private void run() {
        List<Item> batch = new ArrayList<>();
        while (true) {
            try {
                batch.add(queue.take());
            } catch (InterruptedException e) {
                return;
            }
            queue.drainTo(batch);
            boolean stop = process(batch);
            completed += countReal(batch);
            batch.clear();
            if (stop) {
                return;
            }
        }
    }

    private static long countReal(List<Item> batch) {
        long n = 0;
        for (Item i : batch) {
            if (!(i instanceof Stop)) {
                n++;
            }
        }
        return n;
    }

    private boolean process(List<Item> batch) {
        List<DbFile> dirty = new ArrayList<>(1);
        boolean stop = false;
        for (Item item : batch) {
            switch (item) {
                case Write w when w.file() != null && !broken.containsKey(w.file()) -> {
                    try {
                        ObjectNode rec = TxnRecord.of(w.commit());
                        if (rec != null) {
                            w.file().append(LogFormat.encode(rec));
                            RECORDS.inc();
                            if (!dirty.contains(w.file())) {
                                dirty.add(w.file());
                            }
                        }
                    } catch (IOException | RuntimeException e) {
                        breakFile(w.file(), e);
                    }
                }
                case Snapshot s when !broken.containsKey(s.file()) -> {
                    try {
                        s.file().compact(s.rows(), System.currentTimeMillis(), "compacting database online");
                        dirty.remove(s.file());
                        s.done().accept(null);
                    } catch (IOException e) {
                        LOG.warn("{}: compaction failed, keeping the current file: {}", s.file().path(), e.toString());
                        s.done().accept(e);
                    }
                }
                case Stop st -> stop = true;
                default -> {
                }
            }
        }
        for (DbFile f : dirty) {
            try {
                f.sync();
                SYNCS.inc();
            } catch (IOException | RuntimeException e) {
                breakFile(f, e);
            }
        }
        for (Item item : batch) {
            try {
                switch (item) {
                    case Write w -> {
                        if (w.file() != null && broken.containsKey(w.file())) {
                            w.fail().run();
                        } else {
                            w.ack().run();
                        }
                    }
                    case Ack a -> a.ack().run();
                    default -> {
                    }
                }
            } catch (RuntimeException e) {
                LOG.error("acknowledging a commit failed", e);
            }
        }
        return stop;
    }

    private void breakFile(DbFile f, Exception e) {
        if (broken.putIfAbsent(f, e instanceof IOException io ? io : new IOException(e)) == null) {
            LOG.error("{}: cannot write the database file: {}; failing its pending transactions", f.path(),
                    e.toString());
            try {
                onBroken.accept(f);
            } catch (RuntimeException ex) {
                LOG.error("handling a broken database file failed", ex);
            }
        }
    }

    /** Finishes what is queued, then stops the storage thread. */
    @Override
    public void close() {
        queue.add(new Stop());
        try {
            thread.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
