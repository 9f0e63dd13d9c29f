package org.jvswitch.netdev;

/**
 * A datapath port: Open vSwitch's netdev. In jvswitch every port with packets behind it is a
 * DPDK ethdev ({@link NetdevDpdk}); tests of the datapath use in-memory ones.
 *
 * <p>The fast-path methods ({@link #rxBurst}, {@link #txBurst}) move bursts of mbuf pointers held
 * in native memory at address {@code pkts}. An rx queue is polled by one thread at a time; a tx
 * queue is used by one thread at a time (whoever shares one serialises). Everything else is
 * control path.
 */
public interface Netdev extends AutoCloseable {
    /** The port's name (the Interface's name). */
    String name();

    /** Open vSwitch's Interface type: dpdk, dpdkvhostuser, dpdkvhostuserclient, internal, system. */
    String type();

    int rxQueues();

    int txQueues();

    /** Receives up to {@code max} packets from rx queue {@code queue}; returns how many. */
    int rxBurst(int queue, long pkts, int max);

    /**
     * Sends {@code n} packets on tx queue {@code queue}. The netdev takes all of them: what the
     * driver cannot take is freed and counted as tx dropped. Returns how many were sent.
     */
    int txBurst(int queue, long pkts, int n);

    NetdevStats stats();

    boolean linkUp();

    /** 48-bit MAC address. */
    long mac();

    int mtu();

    @Override
    void close();
}
