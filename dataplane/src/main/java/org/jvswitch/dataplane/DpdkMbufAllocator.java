package org.jvswitch.dataplane;

import org.jvswitch.dpdk.EthBurst;
import org.jvswitch.dpdk.Mempool;

/** Mbufs from a DPDK mempool, through the fast-path downcalls. */
public final class DpdkMbufAllocator implements MbufAllocator {
    private final long pool;

    public DpdkMbufAllocator(Mempool pool) {
        this.pool = pool.address().address();
    }

    @Override
    public long alloc() {
        return EthBurst.alloc(pool);
    }

    @Override
    public void free(long mbuf) {
        EthBurst.free(mbuf);
    }

    @Override
    public void ref(long mbuf) {
        EthBurst.refcntUpdate(mbuf, 1);
    }
}
