package org.jvswitch.dpdk;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import org.jvswitch.dpdk.gen.jvs_shim_h;

/**
 * A DPDK packet-mbuf pool (rte_pktmbuf_pool_create). Created and freed on the control path;
 * PMD threads use its {@link #address()} with the burst calls in {@link EthBurst}.
 */
public final class Mempool implements AutoCloseable {
    /** RTE_MEMPOOL_NAMESIZE - 1: longer names are refused by DPDK. */
    public static final int MAX_NAME = 25;

    private final String name;
    private final MemorySegment pool;
    private final int size;
    private final int dataRoomSize;
    private final int socketId;
    private volatile boolean freed;

    private Mempool(String name, MemorySegment pool, int size, int dataRoomSize, int socketId) {
        this.name = name;
        this.pool = pool;
        this.size = size;
        this.dataRoomSize = dataRoomSize;
        this.socketId = socketId;
    }

    /**
     * @param size         number of mbufs (2^n - 1 is the most memory-efficient)
     * @param cacheSize    per-lcore cache
     * @param dataRoomSize bytes of each mbuf's data buffer, headroom included
     * @param socketId     NUMA node, or -1 for any
     * @throws DpdkException with rte_errno (ENOMEM when there is not enough hugepage memory)
     */
    public static Mempool createPktmbufPool(String name, int size, int cacheSize, int dataRoomSize, int socketId) {
        Eal.requireInitialized();
        if (name.length() > MAX_NAME) {
            throw new IllegalArgumentException("mempool name '" + name + "' is longer than " + MAX_NAME);
        }
        MemorySegment mp;
        try (Arena arena = Arena.ofConfined()) {
            mp = jvs_shim_h.rte_pktmbuf_pool_create(arena.allocateFrom(name), size, cacheSize, (short) 0,
                    (short) dataRoomSize, socketId);
        }
        if (mp.equals(MemorySegment.NULL)) {
            int errno = Rte.errno();
            throw new DpdkException("cannot create mempool " + name + " (" + size + " mbufs of " + dataRoomSize
                    + " bytes): " + Rte.describe(errno), errno);
        }
        return new Mempool(name, mp, size, dataRoomSize, socketId);
    }

    public String name() {
        return name;
    }

    /** The struct rte_mempool pointer. */
    public MemorySegment address() {
        return pool;
    }

    public int size() {
        return size;
    }

    public int dataRoomSize() {
        return dataRoomSize;
    }

    public int socketId() {
        return socketId;
    }

    /** Mbufs free in the pool (including per-lcore caches). */
    public int available() {
        return freed ? 0 : jvs_shim_h.jvs_mempool_avail_count(pool);
    }

    /** Mbufs taken from the pool. */
    public int inUse() {
        return freed ? 0 : jvs_shim_h.jvs_mempool_in_use_count(pool);
    }

    /** Frees the pool; every mbuf must have been returned (ports using it stopped first). */
    @Override
    public synchronized void close() {
        if (!freed) {
            freed = true;
            jvs_shim_h.rte_mempool_free(pool);
        }
    }

    @Override
    public String toString() {
        return name + " (" + size + " mbufs of " + dataRoomSize + " bytes, socket " + socketId + ")";
    }
}
