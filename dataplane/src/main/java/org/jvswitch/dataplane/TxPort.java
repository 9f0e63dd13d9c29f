package org.jvswitch.dataplane;

import java.lang.foreign.Arena;
import org.jvswitch.netdev.Netdev;

/**
 * One PMD's way out through one port: the tx queue it uses and a batch collecting that queue's
 * packets during a burst, flushed once per burst (or when full) with one driver call.
 *
 * <p>Owned by one PMD thread. When a port has fewer tx queues than there are PMD threads, several
 * TxPorts share a queue and {@code lock} (one object per shared queue) serialises their flushes;
 * otherwise {@code lock} is null and nothing is locked.
 */
public final class TxPort {
    private final int portNo;
    private final Netdev netdev;
    private final int queue;
    private final Object lock;
    private final PacketBatch batch;
    /** Packets handed to the driver, written by the owning PMD. */
    private long sent;
    /** Packets the driver refused since the owner last took the count ({@link #takeDropped}). */
    private int dropped;
    /**
     * The longest frame the port sends (its MTU plus an Ethernet header and one VLAN tag, as OVS's
     * netdev-dpdk allows); longer packets are dropped before the driver sees them.
     */
    private final int maxPacketLen;
    /** Owner's bookkeeping: queued on its list of ports to flush this iteration. */
    public boolean dirty;

    public TxPort(int portNo, Netdev netdev, int queue, Object lock, Arena arena) {
        this.portNo = portNo;
        this.netdev = netdev;
        this.queue = queue;
        this.lock = lock;
        this.batch = new PacketBatch(arena);
        int mtu = netdev.mtu();
        this.maxPacketLen = mtu > 0 ? mtu + 18 : Integer.MAX_VALUE;
    }

    public int portNo() {
        return portNo;
    }

    public Netdev netdev() {
        return netdev;
    }

    public int queue() {
        return queue;
    }

    /** Queues one packet for this port, flushing first if the batch is full. */
    public void output(long mbuf) {
        if (batch.isFull()) {
            flush();
        }
        batch.add(mbuf);
    }

    /** Sends what is queued; the netdev frees what its driver refuses, and it is counted here. */
    public void flush() {
        int n = batch.count();
        if (n == 0) {
            return;
        }
        int ok;
        if (lock == null) {
            ok = netdev.txBurst(queue, batch.address(), n);
        } else {
            synchronized (lock) {
                ok = netdev.txBurst(queue, batch.address(), n);
            }
        }
        sent += ok;
        dropped += n - ok;
        batch.clear();
    }

    /** Owner: packets the driver refused since the last call (they are freed and gone). */
    public int takeDropped() {
        int d = dropped;
        dropped = 0;
        return d;
    }

    /** The longest packet (bytes, no CRC) this port sends. */
    public int maxPacketLen() {
        return maxPacketLen;
    }

    public long sent() {
        return sent;
    }

    /** Packets waiting for the next flush. */
    public int queued() {
        return batch.count();
    }

    public boolean isFull() {
        return batch.isFull();
    }
}
