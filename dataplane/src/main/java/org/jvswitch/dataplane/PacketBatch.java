package org.jvswitch.dataplane;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import org.jvswitch.dpdk.Mbuf;

/**
 * A burst of packets: a native array of up to {@link #CAPACITY} mbuf addresses, the shape DPDK's
 * rx/tx burst calls take, plus a count.
 *
 * <pre>
 *   address() -> [ mbuf 0 ][ mbuf 1 ] ... [ mbuf 31 ]   8 bytes each
 * </pre>
 *
 * Allocated once by its owner (a PMD thread) and reused for every burst: nothing here allocates.
 * Single-threaded: only the owner touches it.
 */
public final class PacketBatch {
    /** Unaligned: the array is aligned, and this spares a check per access. */
    private static final ValueLayout.OfLong JAVA_LONG = ValueLayout.JAVA_LONG_UNALIGNED;
    /** The most packets one burst carries (OVS's NETDEV_MAX_BURST). */
    public static final int CAPACITY = 32;

    private final long address;
    private int count;

    public PacketBatch(Arena arena) {
        MemorySegment seg = arena.allocate(ValueLayout.JAVA_LONG, CAPACITY);
        this.address = seg.address();
    }

    /** Address of the pointer array. */
    public long address() {
        return address;
    }

    public int count() {
        return count;
    }

    /** Sets the count after a burst call filled the array. */
    public void setCount(int n) {
        count = n;
    }

    public boolean isFull() {
        return count == CAPACITY;
    }

    public boolean isEmpty() {
        return count == 0;
    }

    /** The i-th mbuf address. */
    public long get(int i) {
        return Mbuf.MEMORY.get(JAVA_LONG, address + 8L * i);
    }

    /** Overwrites the i-th mbuf address. */
    public void set(int i, long mbuf) {
        Mbuf.MEMORY.set(JAVA_LONG, address + 8L * i, mbuf);
    }

    /** Appends an mbuf; the caller checks {@link #isFull()} first. */
    public void add(long mbuf) {
        Mbuf.MEMORY.set(JAVA_LONG, address + 8L * count, mbuf);
        count++;
    }

    public void clear() {
        count = 0;
    }
}
