package org.jvswitch.pmd;

import org.agrona.concurrent.OneToOneConcurrentArrayQueue;

/**
 * The bounded way from one PMD thread to the upcall handler that serves it: a ring of
 * preallocated {@link Upcall}s going out ({@link #poll}) and back ({@link #recycle}), each
 * direction a single-producer single-consumer queue. When no free upcall is left the PMD drops
 * the packet and counts a lost upcall: the PMD never waits.
 */
public final class UpcallQueue {
    private final OneToOneConcurrentArrayQueue<Upcall> pending;
    private final OneToOneConcurrentArrayQueue<Upcall> free;

    public UpcallQueue(int capacity) {
        pending = new OneToOneConcurrentArrayQueue<>(capacity);
        free = new OneToOneConcurrentArrayQueue<>(capacity);
        for (int i = 0; i < capacity; i++) {
            free.offer(new Upcall());
        }
    }

    /** PMD: an empty upcall to fill, or null when the handler is behind. */
    public Upcall claim() {
        return free.poll();
    }

    /** PMD: hands a filled upcall to the handler (never fails: it came from this queue). */
    public void submit(Upcall u) {
        pending.offer(u);
    }

    /** Handler: the next upcall, or null. */
    public Upcall poll() {
        return pending.poll();
    }

    /** Handler: gives an upcall back once done with it. */
    public void recycle(Upcall u) {
        u.userdata = null;
        free.offer(u);
    }

    public int pendingCount() {
        return pending.size();
    }
}
