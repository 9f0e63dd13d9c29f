package org.jvswitch.dpif;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.locks.LockSupport;
import org.jvswitch.dataplane.flow.FlowKey;
import org.jvswitch.dpdk.EthBurst;
import org.jvswitch.pmd.PmdHistogram;
import org.jvswitch.pmd.PmdThread;
import org.jvswitch.pmd.Upcall;
import org.jvswitch.pmd.UpcallQueue;
import org.jvswitch.vlog.Vlog;
import org.jvswitch.vlog.VlogRateLimiter;
import org.slf4j.Logger;

/**
 * The upcall handler threads (Open vSwitch's "handlers"): each serves a fixed subset of the PMD
 * threads (the PMD in slot i goes to handler i mod n), so every upcall queue has one producer and
 * one consumer, also while pmd-cpu-mask adds and removes PMDs ({@link #setContexts}). A handler
 * polls its queues, asks the {@link UpcallHandler} what to do, has the datapath execute the
 * packet and install the flow, and gives the upcall back. When its queues
 * are empty it backs off to sleeping up to 1 ms.
 *
 * <p>Counters per PMD (miss with success upcall / with failed upcall, misses dropped for want
 * of a flow or by the pipeline's decision, and the latency and cycles histograms) are written by
 * the one handler serving that PMD. Each upcall is an {@link UpcallEvent} in a JFR recording.
 */
final class UpcallHandlers implements AutoCloseable {
    private static final Logger LOG = Vlog.module("dpif_netdev");
    private static final VlogRateLimiter RL = new VlogRateLimiter(LOG, 5, 20);
    private static final long MAX_PARK_NS = 1_000_000L;

    /** Upper bounds of the upcall latency histogram (queued to handled), ns. */
    static final long[] LATENCY_BOUNDS_NS = {5_000, 10_000, 25_000, 50_000, 100_000, 250_000, 500_000, 1_000_000,
        2_500_000, 5_000_000, 10_000_000, 25_000_000, 50_000_000, 100_000_000, 250_000_000, 500_000_000,
        1_000_000_000, 2_500_000_000L, 5_000_000_000L};

    private final DpifNetdev dpif;
    /** The PMDs and, last, the main context; replaced whole when the PMD set changes. */
    private volatile PmdThread[] contexts;
    private final List<Thread> threads = new ArrayList<>();
    private final AtomicLongArray succeeded;
    private final AtomicLongArray failed;
    /** Misses dropped because no one translated them (failed upcall), per PMD. */
    private final AtomicLongArray noFlowDrops;
    /** Misses whose translation said drop (no actions), per PMD. */
    private final AtomicLongArray actionDrops;
    /** Per PMD, written by the one handler serving it: queued-to-handled time, ns. */
    private final PmdHistogram[] latency;
    /** Per PMD, written by the one handler serving it: TSC cycles handling each upcall. */
    private final PmdHistogram[] cycles;
    private volatile UpcallHandler handler = UpcallHandler.DROP;
    private volatile boolean running = true;

    /**
     * @param contexts the PMD threads and, last, the main context (whose executed packets may make
     *                 userspace upcalls too)
     * @param slots    one more than the highest context index there can be
     */
    UpcallHandlers(DpifNetdev dpif, List<PmdThread> contexts, int count, int slots) {
        this.dpif = dpif;
        this.contexts = contexts.toArray(PmdThread[]::new);
        this.succeeded = new AtomicLongArray(slots);
        this.failed = new AtomicLongArray(slots);
        this.noFlowDrops = new AtomicLongArray(slots);
        this.actionDrops = new AtomicLongArray(slots);
        this.latency = new PmdHistogram[slots];
        this.cycles = new PmdHistogram[slots];
        for (int i = 0; i < slots; i++) {
            latency[i] = PmdHistogram.of(LATENCY_BOUNDS_NS);
            cycles[i] = PmdHistogram.log(1000, 1_000_000);
        }
        int n = Math.max(1, Math.min(count, contexts.size()));
        for (int h = 0; h < n; h++) {
            int id = h;
            threads.add(Thread.ofPlatform().name("handler" + (h + 1)).daemon().start(() -> loop(id, n)));
        }
    }

    /**
     * The contexts whose upcalls to serve from now on. A removed PMD's queued upcalls are not
     * handled (it has stopped; its flows went with it). A slot reused by a new PMD starts its
     * counters afresh.
     */
    void setContexts(List<PmdThread> now, List<PmdThread> added) {
        for (PmdThread p : added) {
            int i = p.index();
            succeeded.set(i, 0);
            failed.set(i, 0);
            noFlowDrops.set(i, 0);
            actionDrops.set(i, 0);
            latency[i] = PmdHistogram.of(LATENCY_BOUNDS_NS);
            cycles[i] = PmdHistogram.log(1000, 1_000_000);
        }
        contexts = now.toArray(PmdThread[]::new);
    }

    void setHandler(UpcallHandler h) {
        handler = h == null ? UpcallHandler.DROP : h;
    }

    int threadCount() {
        return threads.size();
    }

    long succeeded(int pmd) {
        return succeeded.get(pmd);
    }

    long failed(int pmd) {
        return failed.get(pmd);
    }

    long noFlowDrops(int pmd) {
        return noFlowDrops.get(pmd);
    }

    long actionDrops(int pmd) {
        return actionDrops.get(pmd);
    }

    PmdHistogram latency(int pmd) {
        return latency[pmd];
    }

    PmdHistogram cycles(int pmd) {
        return cycles[pmd];
    }

    private void loop(int id, int n) {
        long park = 1_000;
        while (running) {
            int done = 0;
            for (PmdThread ctx : contexts) {
                if (ctx.index() % n != id) {
                    continue;
                }
                UpcallQueue q = ctx.upcalls();
                Upcall u;
                while ((u = q.poll()) != null) {
                    handle(ctx.index(), u);
                    q.recycle(u);
                    done++;
                }
            }
            if (done > 0) {
                park = 1_000;
            } else {
                LockSupport.parkNanos(park);
                park = Math.min(park * 2, MAX_PARK_NS);
            }
        }
    }

    private void handle(int pmd, Upcall u) {
        UpcallEvent event = new UpcallEvent();
        event.begin();
        long startTsc = EthBurst.rdtsc();
        long startNs = System.nanoTime();
        String outcome = "failed";
        try {
            UpcallHandler.Result r = handler.handle(u);
            if (r == null) {
                failed.incrementAndGet(pmd);
                if (u.type == Upcall.MISS) {
                    noFlowDrops.incrementAndGet(pmd);
                }
                return;
            }
            outcome = "executed";
            if (u.type == Upcall.MISS && r.mask() != null && pmd != DpifNetdev.MAIN_INDEX) {
                dpif.installFromUpcall(pmd, u, r.mask(), r.actions());
                outcome = "installed";
            }
            if (!r.actions().isEmpty()) {
                dpif.execute(u.packet, u.packetLength, u.key, r.actions());
            } else if (u.type == Upcall.MISS) {
                actionDrops.incrementAndGet(pmd);
                outcome = "dropped";
            }
            succeeded.incrementAndGet(pmd);
        } catch (RuntimeException e) {
            failed.incrementAndGet(pmd);
            if (u.type == Upcall.MISS) {
                noFlowDrops.incrementAndGet(pmd);
            }
            if (RL.shouldLog()) {
                LOG.warn("upcall from pmd {} failed: {}", pmd, e.toString());
            }
        } finally {
            cycles[pmd].record(EthBurst.rdtsc() - startTsc);
            latency[pmd].record(Math.max(0, System.nanoTime() - u.queuedNs));
            event.end();
            if (event.shouldCommit()) {
                event.type = u.type == Upcall.MISS ? "miss" : "action";
                event.pmd = pmd;
                event.inPort = FlowKey.inPort(u.key, 0);
                event.queued = Math.max(0, startNs - u.queuedNs);
                event.outcome = outcome;
                event.commit();
            }
        }
    }

    @Override
    public void close() {
        running = false;
        for (Thread t : threads) {
            LockSupport.unpark(t);
            try {
                t.join(2000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
