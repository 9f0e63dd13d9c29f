package org.jvswitch.bridge;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.LockSupport;
import org.jvswitch.ofproto.Revalidator;
import org.jvswitch.vlog.Vlog;
import org.slf4j.Logger;

/**
 * Runs the {@link Revalidator} on a thread of its own: a pass every 500 ms, or at once after a
 * {@link #kick} (a configuration, flow table or MAC learning change), kicks coalesced to at most
 * one pass per 20 ms. {@code revalidator/wait} waits for a pass that starts after it asked
 * ({@link #nextPass}); {@code revalidator/purge} deletes every megaflow on this thread
 * ({@link #purge}); {@code revalidator/pause} and {@code resume} stop and restart the passes.
 */
final class RevalidatorThread implements AutoCloseable {
    private static final Logger LOG = Vlog.module("ofproto_dpif_upcall");
    private static final long PERIOD_NS = 500_000_000L;
    /** At most one pass per this interval however often it is kicked. */
    private static final long MIN_GAP_NS = 20_000_000L;

    private final Revalidator revalidator;
    private final Thread thread;
    private final ConcurrentLinkedQueue<CompletableFuture<Integer>> waiters = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<CompletableFuture<Integer>> purges = new ConcurrentLinkedQueue<>();
    private volatile boolean kicked;
    private volatile boolean paused;
    private volatile boolean running = true;

    RevalidatorThread(Revalidator revalidator) {
        this.revalidator = revalidator;
        this.thread = Thread.ofPlatform().name("revalidator").daemon(true).unstarted(this::loop);
    }

    void start() {
        thread.start();
    }

    void kick() {
        kicked = true;
        LockSupport.unpark(thread);
    }

    Revalidator revalidator() {
        return revalidator;
    }

    /**
     * Completes, with the number of megaflows it changed, when a pass that started after this
     * call has finished (kicks one now). While paused, the pass waits for {@link #resume}.
     */
    CompletableFuture<Integer> nextPass() {
        CompletableFuture<Integer> f = new CompletableFuture<>();
        waiters.add(f);
        kick();
        return f;
    }

    /** Deletes every megaflow the bridges own, on this thread; completes with how many. */
    CompletableFuture<Integer> purge() {
        CompletableFuture<Integer> f = new CompletableFuture<>();
        purges.add(f);
        kick();
        return f;
    }

    void pause() {
        paused = true;
    }

    void resume() {
        paused = false;
        kick();
    }

    boolean paused() {
        return paused;
    }

    private void loop() {
        long lastPassNs = System.nanoTime() - MIN_GAP_NS;
        while (running) {
            if (!kicked || paused) {
                LockSupport.parkNanos(PERIOD_NS);
            }
            runPurges();
            if (paused) {
                continue;
            }
            // Kicks closer together than MIN_GAP_NS make one pass: an add-flows storm kicks once
            // per flow-mod, and a pass per kick (a dump of every megaflow and the flow tables'
            // expiry, with their locks) would compete with the flow-mods themselves.
            long wait;
            while (running && (wait = lastPassNs + MIN_GAP_NS - System.nanoTime()) > 0) {
                LockSupport.parkNanos(wait);
            }
            kicked = false;
            if (!running) {
                return;
            }
            lastPassNs = System.nanoTime();
            List<CompletableFuture<Integer>> done = drain(waiters);
            try {
                int changed = revalidator.run();
                done.forEach(f -> f.complete(changed));
            } catch (RuntimeException e) {
                LOG.error("revalidation pass failed", e);
                done.forEach(f -> f.completeExceptionally(e));
            }
        }
        failAll(waiters);
        failAll(purges);
    }

    private void runPurges() {
        List<CompletableFuture<Integer>> asked = drain(purges);
        if (asked.isEmpty()) {
            return;
        }
        try {
            int deleted = revalidator.purge();
            asked.forEach(f -> f.complete(deleted));
        } catch (RuntimeException e) {
            LOG.error("revalidator purge failed", e);
            asked.forEach(f -> f.completeExceptionally(e));
        }
    }

    private static List<CompletableFuture<Integer>> drain(ConcurrentLinkedQueue<CompletableFuture<Integer>> q) {
        List<CompletableFuture<Integer>> out = new ArrayList<>();
        for (CompletableFuture<Integer> f; (f = q.poll()) != null; ) {
            out.add(f);
        }
        return out;
    }

    private static void failAll(ConcurrentLinkedQueue<CompletableFuture<Integer>> q) {
        drain(q).forEach(f -> f.completeExceptionally(new IllegalStateException("the switch is shutting down")));
    }

    @Override
    public void close() {
        running = false;
        LockSupport.unpark(thread);
        try {
            thread.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        failAll(waiters);
        failAll(purges);
    }
}
