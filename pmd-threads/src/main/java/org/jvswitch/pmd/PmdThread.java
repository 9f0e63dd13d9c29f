package org.jvswitch.pmd;

import java.lang.foreign.Arena;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import org.agrona.concurrent.Agent;
import org.agrona.concurrent.ManyToOneConcurrentArrayQueue;
import org.jvswitch.dataplane.PacketBatch;
import org.jvswitch.dataplane.TxPort;
import org.jvswitch.dpdk.DpdkException;
import org.jvswitch.dpdk.DpdkThreads;
import org.jvswitch.dpdk.EthBurst;
import org.jvswitch.netdev.Netdev;
import org.jvswitch.vlog.Vlog;
import org.slf4j.Logger;

/**
 * A poll-mode driver thread: an {@link Agent} on one pinned platform thread, registered with DPDK.
 *
 * <p>Each {@link #doWork()} drains the command queue, polls every rx queue assigned to it (one
 * burst call each), forwards each burst, and flushes every tx batch once; it returns how many
 * packets and commands it handled, so the idle strategy knows when it found nothing.
 *
 * <p>Forwarding, until the flow tables exist: a packet is sent out of every port of the datapath
 * but the one it came in on (a hub, the behaviour of OpenFlow's FLOOD). Sending one packet to k
 * ports takes k-1 reference-count increments, not copies.
 *
 * <p>Ownership: the PMD thread alone reads and writes {@code rxqs}, {@code txPorts}, the batches
 * and the counters. Other threads reach it only through the proxies ({@link #addRxq},
 * {@link #addTxPort}, {@link #removePort}), which queue a command on a bounded queue that the PMD
 * runs between bursts; a full queue is counted and retried, never grown. Counters are written
 * with plain or opaque stores by the PMD and read with opaque loads by anyone.
 */
public final class PmdThread implements Agent {
    private static final Logger LOG = Vlog.module("dpif_netdev");
    private static final VarHandle RX_PACKETS;
    private static final VarHandle NO_OUTPUT_DROPS;
    private static final int COMMAND_QUEUE_CAPACITY = 256;
    private static final int COMMANDS_PER_WORK = 16;

    static {
        try {
            MethodHandles.Lookup lookup = MethodHandles.lookup();
            RX_PACKETS = lookup.findVarHandle(PmdThread.class, "rxPackets", long.class);
            NO_OUTPUT_DROPS = lookup.findVarHandle(PmdThread.class, "noOutputDrops", long.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final int index;
    private final int core;
    private final ManyToOneConcurrentArrayQueue<Runnable> commands =
            new ManyToOneConcurrentArrayQueue<>(COMMAND_QUEUE_CAPACITY);
    private final Arena arena = Arena.ofShared();
    private final PacketBatch rx;

    // Owned by the PMD thread.
    private Rxq[] rxqs = new Rxq[0];
    /** Indexed by datapath port number; null where the datapath has no such port. */
    private TxPort[] txPorts = new TxPort[0];
    /** Packets received, written by the PMD (opaque), read by anyone. */
    private long rxPackets;
    /** Packets dropped because no other port exists, written by the PMD (opaque). */
    private long noOutputDrops;
    private volatile int lcoreId = DpdkThreads.LCORE_ID_ANY;
    private volatile String startFailure;

    /** Times a proxy found the command queue full and retried. */
    private final AtomicLong commandQueueFull = new AtomicLong();

    public PmdThread(int index, int core) {
        this.index = index;
        this.core = core;
        this.rx = new PacketBatch(arena);
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
        int work = drainCommands();
        for (Rxq q : rxqs) {
            int n = q.netdev().rxBurst(q.queueId(), rx.address(), PacketBatch.CAPACITY);
            if (n > 0) {
                rx.setCount(n);
                RX_PACKETS.setOpaque(this, rxPackets + n);
                flood(q.portNo());
                work += n;
            }
        }
        for (TxPort t : txPorts) {
            if (t != null) {
                t.flush();
            }
        }
        return work;
    }

    /** Sends every packet of {@code rx} out of every port but {@code inPort}. */
    private void flood(int inPort) {
        int outputs = 0;
        for (TxPort t : txPorts) {
            if (t != null && t.portNo() != inPort) {
                outputs++;
            }
        }
        int n = rx.count();
        if (outputs == 0) {
            EthBurst.freeBulk(rx.address(), n);
            NO_OUTPUT_DROPS.setOpaque(this, noOutputDrops + n);
            return;
        }
        for (int i = 0; i < n; i++) {
            long mbuf = rx.get(i);
            if (outputs > 1) {
                EthBurst.refcntUpdate(mbuf, outputs - 1);
            }
            for (TxPort t : txPorts) {
                if (t != null && t.portNo() != inPort) {
                    t.output(mbuf);
                }
            }
        }
    }

    @Override
    public void onClose() {
        for (TxPort t : txPorts) {
            if (t != null) {
                t.flush();
            }
        }
        DpdkThreads.unregister();
        arena.close();
        LOG.info("{} stopped", roleName());
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

    // ---- proxies: any thread; each returns when the PMD has run the command ----

    /** Starts polling an rx queue. */
    public CompletableFuture<Void> addRxq(Rxq q) {
        return submit(() -> onAddRxq(q));
    }

    /** Adds a way out through a port's tx queue ({@code lock} non-null when the queue is shared). */
    public CompletableFuture<Void> addTxPort(int portNo, Netdev netdev, int queue, Object lock) {
        return submit(() -> onAddTxPort(new TxPort(portNo, netdev, queue, lock, arena)));
    }

    /** Stops polling a port's rx queues and flushes and drops its tx port. */
    public CompletableFuture<Void> removePort(int portNo) {
        return submit(() -> onRemovePort(portNo));
    }

    private CompletableFuture<Void> submit(Runnable action) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        Runnable cmd = () -> {
            try {
                action.run();
                done.complete(null);
            } catch (RuntimeException e) {
                done.completeExceptionally(e);
            }
        };
        while (!commands.offer(cmd)) {
            commandQueueFull.incrementAndGet();
            Thread.onSpinWait();
        }
        return done;
    }

    // ---- commands, run on the PMD thread ----

    private void onAddRxq(Rxq q) {
        Rxq[] next = Arrays.copyOf(rxqs, rxqs.length + 1);
        next[rxqs.length] = q;
        rxqs = next;
    }

    private void onAddTxPort(TxPort t) {
        if (t.portNo() >= txPorts.length) {
            txPorts = Arrays.copyOf(txPorts, t.portNo() + 1);
        }
        txPorts[t.portNo()] = t;
    }

    private void onRemovePort(int portNo) {
        rxqs = Arrays.stream(rxqs).filter(q -> q.portNo() != portNo).toArray(Rxq[]::new);
        if (portNo < txPorts.length && txPorts[portNo] != null) {
            txPorts[portNo].flush();
            txPorts[portNo] = null;
        }
    }

    // ---- readers: any thread ----

    public long rxPackets() {
        return (long) RX_PACKETS.getOpaque(this);
    }

    public long noOutputDrops() {
        return (long) NO_OUTPUT_DROPS.getOpaque(this);
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
