package org.jvswitch.dataplane.action;

import org.jvswitch.dataplane.Burst;
import org.jvswitch.dataplane.MbufAllocator;
import org.jvswitch.dataplane.tunnel.TunnelVport;

/**
 * What {@link ActionExecutor} needs from whoever runs actions: a PMD thread for its bursts, or the
 * control path executing a packet for an upcall or a packet-out. All calls happen on that
 * thread; each takes the packet (and responsibility for it) when it says so.
 */
public interface ExecContext {
    /** The slots of the packets being processed. */
    Burst burst();

    /** Queues {@code mbuf} for transmission on datapath port {@code port}; takes the mbuf. */
    void output(int port, long mbuf);

    /**
     * Sends the packet in {@code slot} (its mbuf and its key's metadata) through the datapath
     * again with recirc_id {@code recircId}; takes the mbuf.
     */
    void recirculate(int slot, int recircId);

    /** Sends a copy of the packet in {@code slot} to the control threads; the packet stays. */
    void userspace(int slot, int pid, byte[] userdata);

    /** Whether meter {@code meterId} lets a packet of {@code bytes} bytes through now. */
    boolean meter(int meterId, int bytes);

    /**
     * The tunnel vport datapath port {@code port} is, or null if it is none (for tnl_pop, which
     * decapsulates for that vport and recirculates with it as in_port). Fast path: no allocation.
     */
    TunnelVport tunnelVport(int port);

    /** Where copies of packets come from and where dropped packets go. */
    MbufAllocator mbufs();

    /** Counts {@code n} packets dropped for {@code reason} ({@code DropReason}). */
    void drop(int reason, int n);

    /** 32 random bits, for sample actions. */
    int random();
}
