package org.jvswitch.ovsdb.db;

import org.jvswitch.vlog.Vlog;
import org.slf4j.Logger;

import java.util.PriorityQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The transaction engine's thread: the one writer of every database. Sessions, the storage
 * thread, unixctl and the embedding switch hand it tasks ({@link #submit}); it runs them one at
 * a time in arrival order, plus timers it sets for itself (a blocked {@code wait}'s timeout,
 * periodic work).
 *
 * <p>Because one thread owns the databases, transactions need no locks and see a consistent
 * database; the work done here is kept small (execute, check, apply) and everything slower
 * (formatting updates, writing the file, syncing) happens on other threads.
 *
 * <p>A task that throws is logged and the engine carries on: one bad request must not stop the
 * server.
 */
public final class Engine implements AutoCloseable {

    private static final Logger LOG = Vlog.module("ovsdb_engine");

    private record Timer(long deadlineNanos, long seq, Runnable task) implements Comparable<Timer> {
        @Override
        public int compareTo(Timer o) {
            int c = Long.compare(deadlineNanos, o.deadlineNanos);
            return c != 0 ? c : Long.compare(seq, o.seq);
        }
    }

    private final LinkedBlockingQueue<Runnable> queue = new LinkedBlockingQueue<>();
    /** Timers; engine thread only. */
    private final PriorityQueue<Timer> timers = new PriorityQueue<>();
    private long timerSeq;
    private final Thread thread;
    private volatile boolean stopped;

    public Engine() {
        thread = Thread.ofPlatform().name("ovsdb-engine").daemon(true).unstarted(this::run);
        thread.start();
    }

    /** Queues {@code task}. Any thread. */
    public void submit(Runnable task) {
        queue.add(task);
    }

    /** Runs {@code task} on the engine thread and completes with its result. Any thread. */
    public <T> CompletableFuture<T> call(Callable<T> task) {
        CompletableFuture<T> f = new CompletableFuture<>();
        submit(() -> {
            try {
                f.complete(task.call());
            } catch (Throwable t) {
                f.completeExceptionally(t);
            }
        });
        return f;
    }

    /** Runs {@code task} on the engine thread after {@code delayMillis}. Engine thread only. */
    public void schedule(long delayMillis, Runnable task) {
        timers.add(new Timer(System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(delayMillis), timerSeq++, task));
    }

    public boolean inEngine() {
        return Thread.currentThread() == thread;
    }

    private void run() {
        while (!stopped) {
            Runnable task;
            try {
                Timer next = timers.peek();
                if (next == null) {
                    task = queue.take();
                } else {
                    long wait = next.deadlineNanos - System.nanoTime();
                    task = wait > 0 ? queue.poll(wait, TimeUnit.NANOSECONDS) : queue.poll();
                }
            } catch (InterruptedException e) {
                return;
            }
            if (task != null) {
                runSafely(task);
            }
            long now = System.nanoTime();
            while (!timers.isEmpty() && timers.peek().deadlineNanos - now <= 0) {
                runSafely(timers.poll().task);
            }
        }
    }

    private static void runSafely(Runnable task) {
        try {
            task.run();
        } catch (Throwable t) {
            LOG.error("internal error in the transaction engine (the request is dropped, the server goes on)", t);
        }
    }

    /** Runs what is queued, then stops the thread. */
    @Override
    public void close() {
        if (stopped) {
            return;
        }
        CompletableFuture<Void> done = new CompletableFuture<>();
        submit(() -> {
            stopped = true;
            done.complete(null);
        });
        try {
            done.get(10, TimeUnit.SECONDS);
            thread.join(5000);
        } catch (Exception e) {
            thread.interrupt();
        }
    }
}
