package org.jvswitch.bridge;

import java.util.concurrent.locks.LockSupport;
import org.jvswitch.ofproto.Revalidator;
import org.jvswitch.vlog.Vlog;
import org.slf4j.Logger;

/**
 * Runs the {@link Revalidator} on a thread of its own: a pass every 500 ms, or at once after a
 * {@link #kick} (a configuration, flow table or MAC learning change), kicks coalesced to at most
 * one pass per 20 ms.
 */
final class RevalidatorThread implements AutoCloseable {
    private static final Logger LOG = Vlog.module("ofproto_dpif_upcall");
    private static final long PERIOD_NS = 500_000_000L;
    /** At most one pass per this interval however often it is kicked. */
    private static final long MIN_GAP_NS = 20_000_000L;

    private final Revalidator revalidator;
    private final Thread thread;
    private volatile boolean kicked;
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

    private void loop() {
        long lastPassNs = System.nanoTime() - MIN_GAP_NS;
        while (running) {
            if (!kicked) {
                LockSupport.parkNanos(PERIOD_NS);
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
            try {
                revalidator.run();
            } catch (RuntimeException e) {
                LOG.error("revalidation pass failed", e);
            }
        }
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
    }
}
