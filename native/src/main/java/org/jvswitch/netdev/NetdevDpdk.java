package org.jvswitch.netdev;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jvswitch.coverage.Coverage;
import org.jvswitch.coverage.CoverageCounter;
import org.jvswitch.dpdk.DpdkException;
import org.jvswitch.dpdk.EthBurst;
import org.jvswitch.dpdk.EthDev;
import org.jvswitch.dpdk.EthDevInfo;
import org.jvswitch.dpdk.EthEvents;
import org.jvswitch.dpdk.EthLink;
import org.jvswitch.dpdk.EthStats;
import org.jvswitch.dpdk.MbufPools;
import org.jvswitch.dpdk.Mempool;
import org.jvswitch.vlog.Vlog;
import org.slf4j.Logger;

/**
 * A port backed by a DPDK ethdev: every kind in {@link NetdevSpec} (NICs and vdevs, vhost-user in
 * server and client mode, tap, af_packet) goes through this one class.
 *
 * <p>Life cycle (control thread): {@link #open} probes the device from its devargs, configures
 * {@code rxQueues} rx and {@code txQueues} tx queues (as many tx queues as the driver allows up
 * to what was asked: the caller asks one per PMD thread plus one), attaches an mbuf pool shared
 * by every port of the same MTU, and starts it; {@link #close} stops it and detaches the device.
 *
 * <p>Fast path: {@link #rxBurst} and {@link #txBurst} are one DPDK burst call each. Tx drops are
 * counted per tx queue in {@code txDropped[queue]}, written only by the thread using that queue
 * (opaque writes) and summed by readers with opaque reads: no locks, no contended cache lines
 * beyond the queue's own slot.
 *
 * <p>vhost-user: {@link EthEvents} tells us when the guest's device comes and goes (link state)
 * and which vrings it enables; both are kept in volatile fields any thread may read.
 */
public final class NetdevDpdk implements Netdev, EthEvents.Listener {
    private static final Logger LOG = Vlog.module("netdev_dpdk");
    private static final VarHandle LONGS = MethodHandles.arrayElementVarHandle(long[].class);
    /** RSS over IP addresses and TCP/UDP ports (RTE_ETH_RSS_IP | TCP | UDP). */
    private static final long RSS_HASH = 0xa38cL | 0x10410L | 0x20820L;
    /** DPDK ports in use, by port id: two interfaces must not share a device. */
    private static final Map<Integer, String> PORTS_IN_USE = new ConcurrentHashMap<>();
    private static final CoverageCounter OPENED = Coverage.counter("netdev_dpdk_open");
    private static final CoverageCounter OPEN_FAILED = Coverage.counter("netdev_dpdk_open_error");
    private static final CoverageCounter CLOSED = Coverage.counter("netdev_dpdk_close");

    private final NetdevSpec spec;
    private final EthDev dev;
    private final MbufPools pools;
    private final Mempool pool;
    private final int portId;
    private final int txQueues;
    /** Packets the driver refused, per tx queue; slot q written only by the user of queue q. */
    private final long[] txDropped;
    /** Set from DPDK's event thread on link changes (vhost: guest attached or not). */
    private volatile boolean linkEvent;
    /** vhost-user: vrings the guest enabled, as a bit set (rx queues in the low half). */
    private volatile long vringsEnabled;
    private volatile boolean closed;

    private NetdevDpdk(NetdevSpec spec, EthDev dev, MbufPools pools, Mempool pool, int txQueues) {
        this.spec = spec;
        this.dev = dev;
        this.pools = pools;
        this.pool = pool;
        this.portId = dev.portId();
        this.txQueues = txQueues;
        this.txDropped = new long[txQueues * 8];
    }

    /**
     * Opens, configures and starts the port.
     *
     * @param txQueuesWanted tx queues to ask for (one per thread that will transmit)
     * @throws NetdevException with the Interface:error text when any step fails; nothing is left
     *                         half-open
     */
    public static NetdevDpdk open(NetdevSpec spec, MbufPools pools, int txQueuesWanted) {
        EthDev dev;
        try {
            dev = EthDev.probe(spec.devargs());
        } catch (DpdkException e) {
            OPEN_FAILED.inc();
            throw new NetdevException(openError(spec, e), e);
        }
        String owner = PORTS_IN_USE.putIfAbsent(dev.portId(), spec.name());
        if (owner != null) {
            OPEN_FAILED.inc();
            throw new NetdevException("'" + spec.name() + "' is trying to use device '" + dev.name()
                    + "' which is already in use by '" + owner + "'");
        }
        Mempool pool = null;
        try {
            EthDevInfo info = dev.info();
            if (spec.rxQueues() > info.maxRxQueues()) {
                throw new NetdevException(spec.name() + ": options:n_rxq " + spec.rxQueues() + " is more than the "
                        + info.maxRxQueues() + " rx queues " + info.driverName() + " has");
            }
            int txq = Math.max(1, Math.min(txQueuesWanted, info.maxTxQueues()));
            if ("net_tap".equals(info.driverName())) {
                // The tap driver wants as many tx queues as rx queues; threads share them, locked.
                txq = spec.rxQueues();
            }
            dev.configure(spec.rxQueues(), txq, RSS_HASH, spec.mtu(), spec.lscInterrupt());
            pool = pools.acquire(spec.mtu(), info.socketId());
            for (int q = 0; q < spec.rxQueues(); q++) {
                dev.setupRxQueue(q, clamp(spec.rxDescriptors(), info.rxDescMin(), info.rxDescMax()), pool);
            }
            for (int q = 0; q < txq; q++) {
                dev.setupTxQueue(q, clamp(spec.txDescriptors(), info.txDescMin(), info.txDescMax()));
            }
            NetdevDpdk netdev = new NetdevDpdk(spec, dev, pools, pool, txq);
            EthEvents.addListener(netdev);
            dev.start();
            if (!spec.isVhost()) {
                dev.promiscuous(true);
                dev.allMulticast();
            }
            if (spec.type().equals("internal")) {
                dev.setLinkUp(true);
            }
            netdev.linkEvent = dev.link().up();
            OPENED.inc();
            LOG.info("{}: opened {} as DPDK port {} ({}, {} rxq, {} txq, mtu {})", spec.name(), spec.devargs(),
                    dev.portId(), info.driverName(), spec.rxQueues(), txq, spec.mtu());
            return netdev;
        } catch (DpdkException | NetdevException e) {
            try {
                dev.stop();
                dev.closeAndRemove();
            } catch (DpdkException cleanup) {
                LOG.warn("{}: cleaning up after a failed open: {}", spec.name(), cleanup.getMessage());
            }
            if (pool != null) {
                pools.release(pool);
            }
            PORTS_IN_USE.remove(dev.portId(), spec.name());
            OPEN_FAILED.inc();
            throw e instanceof NetdevException ne ? ne : new NetdevException(spec.name() + ": " + e.getMessage(), e);
        }
    }

    private static String openError(NetdevSpec spec, DpdkException e) {
        return switch (spec.type()) {
            case "system" -> "could not open network device " + spec.name() + " (No such device): " + e.getMessage();
            case "dpdk" -> "Error attaching device '" + spec.devargs() + "' to DPDK: " + e.getMessage();
            default -> spec.name() + ": " + e.getMessage();
        };
    }

    private static int clamp(int v, int min, int max) {
        return Math.max(min, max > 0 ? Math.min(v, max) : v);
    }

    @Override
    public String name() {
        return spec.name();
    }

    @Override
    public String type() {
        return spec.type();
    }

    public NetdevSpec spec() {
        return spec;
    }

    public int portId() {
        return portId;
    }

    public EthDev ethDev() {
        return dev;
    }

    public Mempool mempool() {
        return pool;
    }

    @Override
    public int rxQueues() {
        return spec.rxQueues();
    }

    @Override
    public int txQueues() {
        return txQueues;
    }

    @Override
    public int rxBurst(int queue, long pkts, int max) {
        return EthBurst.rxBurst(portId, queue, pkts, max);
    }

    @Override
    public int txBurst(int queue, long pkts, int n) {
        int sent = EthBurst.txBurst(portId, queue, pkts, n);
        if (sent < n) {
            EthBurst.freeBulk(pkts, sent, n - sent);
            int slot = queue * 8;
            LONGS.setOpaque(txDropped, slot, (long) LONGS.getOpaque(txDropped, slot) + (n - sent));
        }
        return sent;
    }

    /** Packets dropped at transmit, over all tx queues. */
    public long txDropped() {
        long sum = 0;
        for (int q = 0; q < txQueues; q++) {
            sum += (long) LONGS.getOpaque(txDropped, q * 8);
        }
        return sum;
    }

    @Override
    public NetdevStats stats() {
        if (closed) {
            return NetdevStats.ZERO;
        }
        EthStats s = dev.stats();
        return new NetdevStats(s.rxPackets(), s.txPackets(), s.rxBytes(), s.txBytes(), s.rxErrors(), s.txErrors(),
                s.rxMissed() + s.rxNoMbuf(), txDropped());
    }

    @Override
    public boolean linkUp() {
        return !closed && (linkEvent || dev.link().up());
    }

    public EthLink link() {
        return closed ? EthLink.DOWN : dev.link();
    }

    @Override
    public long mac() {
        return dev.mac();
    }

    @Override
    public int mtu() {
        return spec.mtu();
    }

    /** Bit set of the vrings a vhost-user guest enabled (queue q: bit 2q for rx, 2q+1 for tx). */
    public long vringsEnabled() {
        return vringsEnabled;
    }

    /** Open vSwitch's Interface:status for this port. */
    public Map<String, String> status() {
        Map<String, String> st = new LinkedHashMap<>();
        EthDevInfo info = dev.info();
        st.put("port_no", Integer.toString(portId));
        st.put("numa_id", Integer.toString(Math.max(info.socketId(), 0)));
        st.put("driver_name", info.driverName());
        st.put("max_rx_queues", Integer.toString(info.maxRxQueues()));
        st.put("max_tx_queues", Integer.toString(info.maxTxQueues()));
        st.put("max_rx_pktlen", Integer.toString(info.maxRxPktLen()));
        st.put("n_rxq", Integer.toString(spec.rxQueues()));
        st.put("n_txq", Integer.toString(txQueues));
        if (info.ifIndex() != 0) {
            st.put("if_index", Integer.toString(info.ifIndex()));
        }
        if (spec.isVhost()) {
            st.put("mode", spec.type().endsWith("client") ? "client" : "server");
            st.put("socket", spec.vhostSocket());
            st.put("status", linkUp() ? "connected" : "disconnected");
            st.put("num_of_vrings", Integer.toString(Long.bitCount(vringsEnabled)));
        }
        return st;
    }

    @Override
    public void onEthEvent(int port, int event, int queueId, boolean rx, boolean enabled) {
        if (port != portId || closed) {
            return;
        }
        if (event == EthEvents.LSC) {
            linkEvent = dev.link().up();
        } else if (event == EthEvents.QUEUE_STATE && queueId >= 0 && queueId < 32) {
            long bit = 1L << (2 * queueId + (rx ? 0 : 1));
            vringsEnabled = enabled ? vringsEnabled | bit : vringsEnabled & ~bit;
        }
    }

    /** Stops the port, detaches the device and returns the pool. Idempotent. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        EthEvents.removeListener(this);
        try {
            dev.stop();
            dev.closeAndRemove();
        } catch (DpdkException e) {
            LOG.warn("{}: {}", spec.name(), e.getMessage());
        }
        pools.release(pool);
        PORTS_IN_USE.remove(portId, spec.name());
        CLOSED.inc();
        LOG.info("{}: closed", spec.name());
    }

    @Override
    public String toString() {
        return spec.name() + " (" + spec.type() + ", DPDK port " + portId + ")";
    }
}
