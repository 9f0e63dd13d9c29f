package org.jvswitch.testing.dataplane;

import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import org.jvswitch.dataplane.MbufAllocator;
import org.jvswitch.dpdk.Mbuf;
import org.jvswitch.netdev.Netdev;
import org.jvswitch.netdev.NetdevStats;

/**
 * A netdev in plain Java memory for datapath tests that run without DPDK: received "packets" are
 * whatever addresses a test queues with {@link #inject}, and transmitted ones are recorded in
 * {@link #sent()} (and never dereferenced, so any non-zero value will do). Not thread-safe:
 * drive it from the test thread, e.g. through a PMD's doWork().
 */
public final class MemoryNetdev implements Netdev {
    private final String name;
    private final int txQueueCount;
    private final ArrayDeque<Long> rx = new ArrayDeque<>();
    private final List<Long> sent = new ArrayList<>();
    private final List<byte[]> sentBytes = new ArrayList<>();
    /** When set, transmitted packets are copied out and freed here, as a driver would. */
    private final MbufAllocator owner;
    /** How many packets the next txBurst calls accept in total (-1: all). */
    private int txCapacity = -1;
    private long rxPackets;
    private long txDropped;

    public MemoryNetdev(String name, int txQueues) {
        this(name, txQueues, null);
    }

    /** A netdev whose transmitted packets are real (test) mbufs: their bytes are kept and they are freed. */
    public MemoryNetdev(String name, int txQueues, MbufAllocator owner) {
        this.name = name;
        this.txQueueCount = txQueues;
        this.owner = owner;
    }

    /** Queues packets (mbuf addresses) for the next rxBurst calls. */
    public void inject(long... mbufs) {
        for (long m : mbufs) {
            rx.add(m);
        }
    }

    /** What was transmitted, in order. */
    public List<Long> sent() {
        return sent;
    }

    /** The bytes of what was transmitted (netdevs with an owner only). */
    public List<byte[]> sentBytes() {
        return sentBytes;
    }

    /** Makes the driver refuse packets beyond {@code packets} more. */
    public void limitTx(int packets) {
        txCapacity = packets;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String type() {
        return "memory";
    }

    @Override
    public int rxQueues() {
        return 1;
    }

    @Override
    public int txQueues() {
        return txQueueCount;
    }

    @Override
    public int rxBurst(int queue, long pkts, int max) {
        int n = 0;
        while (n < max && !rx.isEmpty()) {
            Mbuf.MEMORY.set(JAVA_LONG, pkts + 8L * n++, rx.poll());
        }
        rxPackets += n;
        return n;
    }

    @Override
    public int txBurst(int queue, long pkts, int n) {
        int ok = txCapacity < 0 ? n : Math.min(n, txCapacity);
        for (int i = 0; i < ok; i++) {
            long m = Mbuf.MEMORY.get(JAVA_LONG, pkts + 8L * i);
            sent.add(m);
            if (owner != null) {
                sentBytes.add(TestMbufs.bytes(m));
                owner.free(m);
            }
        }
        if (owner != null) {
            for (int i = ok; i < n; i++) {
                owner.free(Mbuf.MEMORY.get(JAVA_LONG, pkts + 8L * i));
            }
        }
        if (txCapacity >= 0) {
            txCapacity -= ok;
        }
        txDropped += n - ok;
        return ok;
    }

    @Override
    public NetdevStats stats() {
        return new NetdevStats(rxPackets, sent.size(), 0, 0, 0, 0, 0, txDropped);
    }

    @Override
    public boolean linkUp() {
        return true;
    }

    @Override
    public long mac() {
        return 0x0a0000000000L;
    }

    @Override
    public int mtu() {
        return 1500;
    }

    @Override
    public void close() {
        rx.clear();
    }
}
