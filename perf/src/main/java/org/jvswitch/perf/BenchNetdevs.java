package org.jvswitch.perf;

import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;
import static java.lang.foreign.ValueLayout.JAVA_SHORT;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import org.jvswitch.dataplane.MbufAllocator;
import org.jvswitch.dpdk.Mbuf;
import org.jvswitch.netdev.Netdev;
import org.jvswitch.netdev.NetdevStats;

/**
 * Ports and buffers for measuring the Java packet path alone, without a driver: a {@link Replay}
 * port returns the same burst of prepared packets on every poll, and a {@link Sink} port takes
 * whatever is sent. Packets are mbuf-shaped memory in an Arena ({@link Mbuf}'s offsets) that is
 * never freed: what leaves by the sink comes back by the replay.
 */
final class BenchNetdevs {
    private BenchNetdevs() {
    }

    /** An mbuf in {@code arena} holding {@code frame}. */
    static long mbuf(Arena arena, byte[] frame) {
        MemorySegment s = arena.allocate(Mbuf.SIZE + 2176, 64);
        long m = s.address();
        Mbuf.MEMORY.set(JAVA_LONG, m + Mbuf.BUF_ADDR, m + Mbuf.SIZE);
        Mbuf.MEMORY.set(JAVA_SHORT, m + Mbuf.DATA_OFF, (short) 128);
        Mbuf.MEMORY.set(JAVA_SHORT, m + Mbuf.REFCNT, (short) 1);
        Mbuf.MEMORY.set(JAVA_SHORT, m + Mbuf.NB_SEGS, (short) 1);
        Mbuf.MEMORY.set(JAVA_SHORT, m + Mbuf.BUF_LEN, (short) 2176);
        MemorySegment.copy(frame, 0, Mbuf.MEMORY, JAVA_BYTE, Mbuf.dataAddress(m), frame.length);
        Mbuf.setLength(m, frame.length);
        Mbuf.MEMORY.set(JAVA_INT, m + Mbuf.PKT_LEN, frame.length);
        return m;
    }

    /** Buffers that are never really freed (the benchmark reuses them). */
    static final class NoFree implements MbufAllocator {
        @Override
        public long alloc() {
            return 0;
        }

        @Override
        public void free(long mbuf) {
        }

        @Override
        public void ref(long mbuf) {
        }
    }

    /** Returns the same prepared packets on every poll, {@code perBurst} at a time, rotating. */
    static final class Replay extends Base {
        private final long[] packets;
        private final int perBurst;
        private int next;

        Replay(String name, long[] packets, int perBurst) {
            super(name);
            this.packets = packets;
            this.perBurst = perBurst;
        }

        @Override
        public int rxBurst(int queue, long pkts, int max) {
            int n = Math.min(max, perBurst);
            for (int i = 0; i < n; i++) {
                Mbuf.MEMORY.set(JAVA_LONG, pkts + 8L * i, packets[next]);
                next = next + 1 == packets.length ? 0 : next + 1;
            }
            return n;
        }

        @Override
        public int txBurst(int queue, long pkts, int n) {
            return n;
        }
    }

    /** Takes everything. */
    static final class Sink extends Base {
        long sent;

        Sink(String name) {
            super(name);
        }

        @Override
        public int rxBurst(int queue, long pkts, int max) {
            return 0;
        }

        @Override
        public int txBurst(int queue, long pkts, int n) {
            sent += n;
            return n;
        }
    }

    abstract static class Base implements Netdev {
        private final String name;

        Base(String name) {
            this.name = name;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public String type() {
            return "bench";
        }

        @Override
        public int rxQueues() {
            return 1;
        }

        @Override
        public int txQueues() {
            return 1;
        }

        @Override
        public NetdevStats stats() {
            return NetdevStats.ZERO;
        }

        @Override
        public boolean linkUp() {
            return true;
        }

        @Override
        public long mac() {
            return 0;
        }

        @Override
        public int mtu() {
            return 1500;
        }

        @Override
        public void close() {
        }
    }
}
