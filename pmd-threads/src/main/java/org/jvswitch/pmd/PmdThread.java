package org.jvswitch.pmd;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.function.Supplier;
import org.agrona.concurrent.Agent;
import org.agrona.concurrent.ManyToOneConcurrentArrayQueue;
import org.agrona.concurrent.NanoClock;
import org.agrona.concurrent.SystemNanoClock;
import org.jvswitch.dataplane.DropReason;
import org.jvswitch.dataplane.MbufAllocator;
import org.jvswitch.dataplane.PacketBatch;
import org.jvswitch.dataplane.TxPort;
import org.jvswitch.dataplane.action.ActionProgram;
import org.jvswitch.dataplane.cache.Emc;
import org.jvswitch.dataplane.cache.Smc;
import org.jvswitch.dataplane.cls.Dpcls;
import org.jvswitch.dataplane.flow.DpNetdevFlow;
import org.jvswitch.dataplane.flow.PmdFlowTable;
import org.jvswitch.dataplane.flow.Ufid;
import org.jvswitch.dataplane.meter.DpMeters;
import org.jvswitch.dpdk.DpdkException;
import org.jvswitch.dpdk.DpdkThreads;
import org.jvswitch.dpdk.Eal;
import org.jvswitch.dpdk.EthBurst;
import org.jvswitch.dpdk.Mbuf;
import org.jvswitch.netdev.Netdev;
import org.jvswitch.vlog.Vlog;
import org.slf4j.Logger;

/**
 * A poll-mode driver thread: an {@link Agent} on one pinned platform thread, registered with
 * DPDK, that owns its flows, caches and counters (Open vSwitch's dp_netdev_pmd_thread).
 *
 * <p>Each {@link #doWork()} drains the command queue, polls every rx queue assigned to it (one
 * burst call each) and runs each burst through {@link PmdInput}, flushes the tx batches once,
 * does its periodic work (classifier ranking each second, exact-match cache sweeping), and
 * accounts the iteration's TSC cycles as busy or idle and in its histograms ({@link PmdPerf}); an
 * iteration over {@link #OVERRUN_NS} is counted as an overrun and recorded as a JFR
 * {@link PmdOverrunEvent}. It returns the packets and commands it handled, so the idle strategy
 * knows when it found nothing.
 *
 * <p>Ownership: only the PMD thread touches its rx queues, tx ports, flow table, caches and
 * counters. Other threads reach it through the proxies (addRxq, flowPut, flowDump, ...), which
 * queue a command on a bounded queue that the PMD runs between bursts and complete a future; a
 * full queue is counted and retried, never grown. Counters are single-writer, read with opaque
 * loads ({@link PmdStats}).
 */
public final class PmdThread implements Agent {
    private static final Logger LOG = Vlog.module("dpif_netdev");
    private static final int COMMAND_QUEUE_CAPACITY = 256;
    private static final int COMMANDS_PER_WORK = 16;
    private static final int UPCALL_QUEUE_CAPACITY = 256;
    private static final long RANK_INTERVAL_NS = 1_000_000_000L;
    /** An iteration longer than this is an overrun (JFR and pmd-perf-show count them). */
    public static final long OVERRUN_NS = 250_000L;

    private final int index;
    /** Set once its thread has stopped (pmd-cpu-mask took its core away, or the datapath closed). */
    private volatile boolean stopped;
    private final int core;
    private final NanoClock clock;
    private final ManyToOneConcurrentArrayQueue<Runnable> commands =
            new ManyToOneConcurrentArrayQueue<>(COMMAND_QUEUE_CAPACITY);
    private final Arena arena = Arena.ofShared();
    private final PacketBatch rx;
    private final PmdStats stats = new PmdStats();
    private final PmdFlowTable flows = new PmdFlowTable(PmdFlowTable.DEFAULT_LIMIT);
    private final Emc emc = new Emc(100);
    private final UpcallQueue upcalls = new UpcallQueue(UPCALL_QUEUE_CAPACITY);
    private final PmdInput input;
    private final PmdPerf perf = new PmdPerf();
    /**
     * other_config:pmd-perf-metrics (default false, as in OVS): whether each iteration fills the
     * {@link PmdPerf} histograms pmd-perf-show prints. Off, an iteration skips their binary
     * searches and division. PMD-owned: set through {@link #setPerfMetrics}.
     */
    private boolean perfMetrics;
    private volatile boolean perfMetricsShown;
    /** {@link #OVERRUN_NS} in TSC cycles (DPDK's TSC rate; 3 GHz assumed before DPDK runs). */
    private final long overrunCycles;
    /** TSC cycles per second used for {@link #overrunCycles}. */
    private final long tscHz;

    // Owned by the PMD thread.
    private Rxq[] rxqs = new Rxq[0];
    /** TSC cycles spent processing each rx queue's packets, by index in {@code rxqs}. */
    private long[] rxqCycles = new long[0];
    private long lastRankNs;
    private long iterations;

    private volatile int lcoreId = DpdkThreads.LCORE_ID_ANY;
    private volatile String startFailure;
    private volatile Rxq[] rxqsPublished = new Rxq[0];
    /** Written in place by the PMD each ranking period (no allocation); replaced when the rxqs change. */
    private volatile AtomicLongArray rxqCyclesPublished = new AtomicLongArray(0);
    /** Times a proxy found the command queue full and retried. */
    private final AtomicLong commandQueueFull = new AtomicLong();

    public PmdThread(int index, int core, DpMeters meters, NanoClock clock) {
        this.index = index;
        this.core = core;
        this.clock = clock;
        this.rx = new PacketBatch(arena);
        this.input = new PmdInput(index, core, stats, flows, emc, upcalls, meters);
        long hz = Eal.tscHz();
        this.tscHz = hz > 0 ? hz : 3_000_000_000L;
        this.overrunCycles = OVERRUN_NS * (tscHz / 1000) / 1_000_000L;
    }

    public PmdThread(int index, int core, DpMeters meters) {
        this(index, core, meters, new SystemNanoClock());
    }

    @Override
    public String roleName() {
        return String.format("pmd-c%02d/id:%d", core, index);
    }

    public int index() {
        return index;
    }

    public int core() {
        return core;
    }

    @Override
    public void onStart() {
        try {
            lcoreId = DpdkThreads.register();
            DpdkThreads.pinToCpu(core);
            LOG.info("{} started on core {} (lcore {})", roleName(), core, lcoreId);
        } catch (DpdkException e) {
            startFailure = e.getMessage();
            LOG.error("{}: {}", roleName(), e.getMessage());
        }
    }

    @Override
    public int doWork() {
        long start = EthBurst.rdtsc();
        int commands = drainCommands();
        int packets = 0;
        Rxq[] queues = rxqs;
        long mark = start;
        long nowNs = 0;
        for (int i = 0; i < queues.length; i++) {
            Rxq q = queues[i];
            int n = q.netdev().rxBurst(q.queueId(), rx.address(), PacketBatch.CAPACITY);
            if (n > 0) {
                if (nowNs == 0) {
                    nowNs = clock.nanoTime();
                }
                rx.setCount(n);
                if (perfMetrics) {
                    perf.packetsPerBatch.record(n);
                }
                input.process(rx, n, q.portNo(), nowNs, nowNs / 1_000_000L);
                packets += n;
                long t = EthBurst.rdtsc();
                rxqCycles[i] += t - mark;
                mark = t;
            }
        }
        input.flushTx();
        if ((++iterations & 1023) == 0) {
            periodic(nowNs != 0 ? nowNs : clock.nanoTime());
        }
        long end = EthBurst.rdtsc();
        long cycles = end - start;
        int upcallsQueued = input.takeUpcallsQueued();
        int work = commands + packets;
        stats.inc(PmdStats.ITERATIONS);
        if (work > 0) {
            stats.add(PmdStats.CYCLES_BUSY, cycles);
            stats.inc(PmdStats.BUSY_ITERATIONS);
        } else {
            stats.add(PmdStats.CYCLES_IDLE, cycles);
        }
        if (perfMetrics) {
            perf.iteration(cycles, packets, upcallsQueued);
        }
        if (cycles > overrunCycles) {
            overrun(cycles, packets, commands, upcallsQueued, queues.length);
        }
        return work;
    }

    /** An iteration took longer than {@link #OVERRUN_NS}: counted, and a JFR event. */
    private void overrun(long cycles, int packets, int commands, int upcallsQueued, int rxQueues) {
        stats.inc(PmdStats.OVERRUNS);
        PmdOverrunEvent e = new PmdOverrunEvent();
        if (e.shouldCommit()) {
            e.core = core;
            e.cycles = cycles;
            e.iteration = cycles * 1000 / (tscHz / 1_000_000);
            e.packets = packets;
            e.commands = commands;
            e.upcalls = upcallsQueued;
            e.rxQueues = rxQueues;
            e.commit();
        }
    }

    private void periodic(long nowNs) {
        emc.sweep();
        if (nowNs - lastRankNs >= RANK_INTERVAL_NS) {
            lastRankNs = nowNs;
            flows.rankClassifiers();
            AtomicLongArray published = rxqCyclesPublished;
            for (int i = 0, n = Math.min(published.length(), rxqCycles.length); i < n; i++) {
                published.setRelease(i, rxqCycles[i]);
            }
        }
    }

    @Override
    public void onClose() {
        input.flushTx();
        stopped = true;
        drainLate(); // commands sent while it was stopping (a flow dump racing pmd-cpu-mask) still answer
        DpdkThreads.unregister();
        arena.close();
        LOG.info("{} stopped", roleName());
    }

    /**
     * Runs commands that reached a stopped PMD on the caller's thread, one caller at a time (the
     * queue has one consumer), so their futures complete rather than wait for a thread that is gone.
     */
    private synchronized void drainLate() {
        Runnable cmd;
        while ((cmd = commands.poll()) != null) {
            cmd.run();
        }
    }

    private int drainCommands() {
        int done = 0;
        Runnable cmd;
        while (done < COMMANDS_PER_WORK && (cmd = commands.poll()) != null) {
            cmd.run();
            done++;
        }
        return done;
    }

    // ---- proxies: any thread; each future completes when the PMD has run the command ----

    /** Starts polling an rx queue. */
    public CompletableFuture<Void> addRxq(Rxq q) {
        return run(() -> {
            rxqs = Arrays.copyOf(rxqs, rxqs.length + 1);
            rxqs[rxqs.length - 1] = q;
            rxqCycles = Arrays.copyOf(rxqCycles, rxqs.length);
            publishRxqs();
        });
    }

    /** Replaces the rx queues it polls (a rebalance); their cycle history starts again. */
    public CompletableFuture<Void> setRxqs(Rxq[] queues) {
        Rxq[] copy = queues.clone();
        return run(() -> {
            rxqs = copy;
            rxqCycles = new long[copy.length];
            publishRxqs();
        });
    }

    /**
     * Adds a way out through a port's tx queue ({@code lock} non-null when the queue is shared
     * with other PMDs), and sets whether packets from that port use the exact-match cache.
     */
    public CompletableFuture<Void> addTxPort(int portNo, Netdev netdev, int queue, Object lock, boolean emcEnable) {
        return run(() -> {
            input.setTxPort(portNo, new TxPort(portNo, netdev, queue, lock, arena));
            input.setEmcEnabled(portNo, emcEnable);
        });
    }

    /** Stops polling a port's rx queues, flushes and drops its tx port, and empties the EMC. */
    public CompletableFuture<Void> removePort(int portNo) {
        return run(() -> {
            List<Rxq> keep = new ArrayList<>();
            List<Long> keepCycles = new ArrayList<>();
            for (int i = 0; i < rxqs.length; i++) {
                if (rxqs[i].portNo() != portNo) {
                    keep.add(rxqs[i]);
                    keepCycles.add(rxqCycles[i]);
                }
            }
            rxqs = keep.toArray(Rxq[]::new);
            rxqCycles = keepCycles.stream().mapToLong(Long::longValue).toArray();
            publishRxqs();
            TxPort t = input.txPort(portNo);
            if (t != null) {
                input.flushTx();
                t.flush();
                input.setTxPort(portNo, null);
            }
            input.setEmcEnabled(portNo, false);
        });
    }

    /** Installs a flow (this PMD's own copy). */
    public CompletableFuture<PmdFlowTable.PutResult> flowPut(DpNetdevFlow flow) {
        return call(() -> {
            PmdFlowTable.PutResult r = flows.put(flow);
            flowsChanged();
            return r;
        });
    }

    private volatile int flowCount;
    private volatile int subtableCount;
    private volatile int maxFlowCount;

    /** PMD thread, after a flow table change: publishes its size for readers. */
    private void flowsChanged() {
        int n = flows.size();
        flowCount = n;
        if (n > maxFlowCount) {
            maxFlowCount = n;
        }
        int subtables = 0;
        for (Dpcls c : flows.classifiers()) {
            if (c != null) {
                subtables += c.subtableCount();
            }
        }
        subtableCount = subtables;
    }

    /** Flows in this PMD (as of its last change). */
    public int flowCount() {
        return flowCount;
    }

    /** The most flows this PMD has held at once. */
    public int maxFlowCount() {
        return maxFlowCount;
    }

    /** Classifier subtables (masks) in this PMD, over all its in_ports (as of its last flow change). */
    public int subtableCount() {
        return subtableCount;
    }

    /** Replaces a flow's actions; null if there is no such flow. */
    public CompletableFuture<DpNetdevFlow> flowModify(Ufid ufid, ActionProgram program, boolean clearStats) {
        return call(() -> {
            DpNetdevFlow f = flows.setProgram(ufid, program);
            if (f != null) {
                if (clearStats) {
                    f.clearStats();
                }
            }
            return f;
        });
    }

    /** Removes a flow; the future holds it (with its final statistics) or null. */
    public CompletableFuture<DpNetdevFlow> flowDel(Ufid ufid) {
        return call(() -> {
            DpNetdevFlow f = flows.remove(ufid);
            flowsChanged();
            return f;
        });
    }

    /** Removes every flow and empties the caches. */
    public CompletableFuture<List<DpNetdevFlow>> flowFlush() {
        return call(() -> {
            List<DpNetdevFlow> all = flows.clear();
            flowsChanged();
            emc.clear();
            Smc smc = currentSmc;
            if (smc != null) {
                smc.clear();
            }
            return all;
        });
    }

    /** Every flow of this PMD (their statistics stay live: read with opaque loads). */
    public CompletableFuture<List<DpNetdevFlow>> flowDump() {
        return call(flows::flows);
    }

    public CompletableFuture<DpNetdevFlow> flowGet(Ufid ufid) {
        return call(() -> flows.get(ufid));
    }

    private volatile Smc currentSmc;

    /** other_config:emc-insert-inv-prob and smc-enable. */
    public CompletableFuture<Void> configure(int emcInsertInvProb, boolean smcEnable) {
        Smc smc = smcEnable ? (currentSmc != null ? currentSmc : new Smc()) : null;
        return run(() -> {
            emc.setInsertInvProb(emcInsertInvProb);
            if (emcInsertInvProb == 0) {
                emc.clear();
            }
            currentSmc = smc;
            input.setSmc(smc);
        });
    }

    /**
     * Main thread only (the datapath's non-PMD context, under its lock): runs any commands queued
     * for this context, then {@code program} on a packet built from {@code packet[0..len)} with
     * the metadata of {@code key}. Returns false when no mbuf was available.
     */
    public boolean executePacket(byte[] packet, int len, long[] key, ActionProgram program) {
        drainCommandsNow();
        MbufAllocator mbufs = input.mbufs();
        long m = mbufs.alloc();
        if (m == 0 || Mbuf.bufLen(m) - Mbuf.dataOff(m) < len) {
            if (m != 0) {
                mbufs.free(m);
            }
            stats.inc(PmdStats.DROP_BASE + DropReason.NO_MBUF);
            return false;
        }
        MemorySegment.copy(packet, 0, Mbuf.MEMORY, ValueLayout.JAVA_BYTE, Mbuf.dataAddress(m), len);
        Mbuf.setLength(m, len);
        input.executeOne(m, key, program, clock.nanoTime());
        return true;
    }

    /** Main thread only: runs the commands queued for this (runner-less) context. */
    public void drainCommandsNow() {
        while (drainCommands() > 0) {
            // keep going until the queue is empty
        }
    }

    /** Where copies of packets (clone, multiple outputs) come from and dropped packets go. */
    public CompletableFuture<Void> setMbufAllocator(MbufAllocator allocator) {
        return run(() -> input.setMbufAllocator(allocator));
    }

    private CompletableFuture<Void> run(Runnable action) {
        return call(() -> {
            action.run();
            return null;
        });
    }

    private <T> CompletableFuture<T> call(Supplier<T> action) {
        CompletableFuture<T> done = new CompletableFuture<>();
        Runnable cmd = () -> {
            try {
                done.complete(action.get());
            } catch (RuntimeException e) {
                done.completeExceptionally(e);
            }
        };
        while (!commands.offer(cmd)) {
            commandQueueFull.incrementAndGet();
            if (stopped) {
                drainLate();
            }
            Thread.onSpinWait();
        }
        if (stopped) {
            drainLate();
        }
        return done;
    }

    private void publishRxqs() {
        rxqsPublished = rxqs.clone();
        rxqCyclesPublished = new AtomicLongArray(rxqCycles);
    }

    // ---- readers: any thread ----

    public PmdStats stats() {
        return stats;
    }

    /** Turns the per-iteration histograms on or off (other_config:pmd-perf-metrics). */
    public CompletableFuture<Void> setPerfMetrics(boolean on) {
        return run(() -> {
            perfMetrics = on;
            perfMetricsShown = on;
        });
    }

    /** Whether the histograms are being filled (any thread). */
    public boolean perfMetrics() {
        return perfMetricsShown;
    }

    /** Per-iteration histograms (pmd-perf-show). */
    public PmdPerf perf() {
        return perf;
    }

    /** Where the PMD's misses and userspace actions go. */
    public UpcallQueue upcalls() {
        return upcalls;
    }

    /** The rx queues it polls (as of the last change). */
    public Rxq[] rxqs() {
        return rxqsPublished;
    }

    /** Processing cycles per rx queue, as of the last ranking (about a second old). */
    public long[] rxqCycles() {
        AtomicLongArray published = rxqCyclesPublished;
        long[] copy = new long[published.length()];
        for (int i = 0; i < copy.length; i++) {
            copy[i] = published.getAcquire(i);
        }
        return copy;
    }

    public long rxPackets() {
        return stats.get(PmdStats.RECV);
    }

    public long commandQueueFull() {
        return commandQueueFull.get();
    }

    public int lcoreId() {
        return lcoreId;
    }

    /** Why the thread could not register with DPDK or pin itself, or null. */
    public String startFailure() {
        return startFailure;
    }
}
