package org.jvswitch.stp;

import java.util.ArrayDeque;
import org.slf4j.Logger;

/**
 * Work an engine produces while its state is in flux (BPDUs to send, listener callbacks) and
 * runs only once the state is consistent again, at the end of the public call.
 *
 * <p>Why: a sink or listener may call straight back into the engine (a patch port between two
 * bridges loops a BPDU back; a listener queries state). Deferring keeps the engine from being
 * re-entered half-way through a procedure. A call made from inside {@link #drain} only queues
 * its own work, which the outer drain then runs, so re-entry never nests.
 *
 * <p>Threads: the engine's calling thread only.
 */
final class Deferred {
    private final ArrayDeque<Runnable> queue = new ArrayDeque<>();
    private final Logger log;
    private boolean draining;

    Deferred(Logger log) {
        this.log = log;
    }

    void add(Runnable action) {
        queue.add(action);
    }

    /** Runs queued work in order, including work queued while running; never throws. */
    void drain() {
        if (draining) {
            return;
        }
        draining = true;
        try {
            Runnable r;
            while ((r = queue.poll()) != null) {
                try {
                    r.run();
                } catch (RuntimeException e) {
                    log.warn("spanning tree callback failed", e);
                }
            }
        } finally {
            draining = false;
        }
    }
}
