package org.jvswitch.dpdk;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.IntSupplier;
import org.jvswitch.dpdk.gen.jvs_eth_dev_info;
import org.jvswitch.dpdk.gen.jvs_eth_link;
import org.jvswitch.dpdk.gen.jvs_eth_port_conf;
import org.jvswitch.dpdk.gen.jvs_shim_h;
import org.jvswitch.dpdk.gen.rte_eth_stats;
import org.jvswitch.dpdk.gen.rte_eth_xstat;
import org.jvswitch.dpdk.gen.rte_eth_xstat_name;
import org.jvswitch.dpdk.gen.rte_ether_addr;

/**
 * One DPDK ethdev port, driven from the control path: probe (hot-plug) from devargs, configure,
 * set up queues, start, stop, close and remove; link, MAC, MTU, statistics.
 *
 * <p>Every DPDK port kind jvswitch uses (PCI NICs, net_pcap, net_null, net_ring, net_tap,
 * net_af_packet, net_vhost, ...) is one of these; the packet path uses only {@link #portId()}
 * with {@link EthBurst}. Failures throw {@link DpdkException} with what failed, DPDK's reason and
 * DPDK's own last error line when it logged one.
 *
 * <p>Thread safety: control operations are serialised by the caller (the netdev owning the
 * port); the getters of counters may be called from any thread.
 */
public final class EthDev {
    private final int portId;
    private final String name;
    private final String devargs;
    private final MemorySegment device;

    private EthDev(int portId, String name, String devargs, MemorySegment device) {
        this.portId = portId;
        this.name = name;
        this.devargs = devargs;
        this.device = device;
    }

    /**
     * Hot-plugs the device described by {@code devargs} ({@code rte_dev_probe}), e.g.
     * {@code net_pcap0,rx_pcap=in.pcap,tx_pcap=out.pcap} or a PCI address. A device that is
     * already probed is reused.
     */
    public static EthDev probe(String devargs) {
        Eal.requireInitialized();
        String name = deviceName(devargs);
        long mark = DpdkLog.errorMark();
        int rc;
        try (Arena arena = Arena.ofConfined()) {
            rc = jvs_shim_h.rte_dev_probe(arena.allocateFrom(devargs));
        }
        if (rc < 0 && rc != -Rte.EEXIST) {
            String said = DpdkLog.errorSince(mark);
            throw new DpdkException("could not probe dpdk-devargs '" + devargs + "': " + Rte.describe(rc)
                    + (said.isEmpty() ? "" : " (DPDK: " + said + ")"), -rc);
        }
        int port = findPort(name);
        if (port < 0) {
            throw new DpdkException("probed dpdk-devargs '" + devargs + "' but DPDK has no port named '" + name
                    + "'", Rte.ENODEV);
        }
        return attach(port, devargs);
    }

    /** A port DPDK already has (for example one created with EAL's --vdev). */
    public static EthDev attach(int portId, String devargs) {
        Eal.requireInitialized();
        if (jvs_shim_h.rte_eth_dev_is_valid_port((short) portId) == 0) {
            throw new DpdkException("DPDK has no port " + portId, Rte.ENODEV);
        }
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment info = jvs_eth_dev_info.allocate(arena);
            Rte.check(jvs_shim_h.jvs_eth_dev_info_get((short) portId, info), "rte_eth_dev_info_get(port " + portId + ")");
            return new EthDev(portId, nameOf(portId), devargs, jvs_eth_dev_info.device(info));
        }
    }

    /** The DPDK port named {@code name}, or -1. */
    public static int findPort(String name) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment port = arena.allocate(ValueLayout.JAVA_SHORT);
            if (jvs_shim_h.rte_eth_dev_get_port_by_name(arena.allocateFrom(name), port) == 0) {
                return Short.toUnsignedInt(port.get(ValueLayout.JAVA_SHORT, 0));
            }
        }
        return -1;
    }

    /** DPDK's name for port {@code portId}. */
    public static String nameOf(int portId) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment buf = arena.allocate(jvs_shim_h.RTE_ETH_NAME_MAX_LEN());
            Rte.check(jvs_shim_h.rte_eth_dev_get_name_by_port((short) portId, buf), "rte_eth_dev_get_name_by_port");
            return buf.getString(0, StandardCharsets.UTF_8);
        }
    }

    /** The device name a devargs string creates: the part before the first comma. */
    public static String deviceName(String devargs) {
        int comma = devargs.indexOf(',');
        return (comma < 0 ? devargs : devargs.substring(0, comma)).trim();
    }

    public int portId() {
        return portId;
    }

    public String name() {
        return name;
    }

    public String devargs() {
        return devargs;
    }

    public EthDevInfo info() {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment i = jvs_eth_dev_info.allocate(arena);
            Rte.check(jvs_shim_h.jvs_eth_dev_info_get((short) portId, i), "rte_eth_dev_info_get(" + name + ")");
            return new EthDevInfo(Rte.cString(jvs_eth_dev_info.driver_name(i)), jvs_eth_dev_info.if_index(i),
                    u16(jvs_eth_dev_info.min_mtu(i)), u16(jvs_eth_dev_info.max_mtu(i)),
                    jvs_eth_dev_info.max_rx_pktlen(i), u16(jvs_eth_dev_info.max_rx_queues(i)),
                    u16(jvs_eth_dev_info.max_tx_queues(i)), u16(jvs_eth_dev_info.nb_rx_queues(i)),
                    u16(jvs_eth_dev_info.nb_tx_queues(i)), u16(jvs_eth_dev_info.rx_desc_min(i)),
                    u16(jvs_eth_dev_info.rx_desc_max(i)), u16(jvs_eth_dev_info.tx_desc_min(i)),
                    u16(jvs_eth_dev_info.tx_desc_max(i)), jvs_eth_dev_info.rx_offload_capa(i),
                    jvs_eth_dev_info.tx_offload_capa(i), jvs_eth_dev_info.flow_type_rss_offloads(i),
                    jvs_eth_dev_info.dev_flags(i), jvs_eth_dev_info.socket_id(i));
        }
    }

    /**
     * Configures queue counts and port-wide settings (rte_eth_dev_configure). The port must be
     * stopped.
     *
     * @param rssHash RTE_ETH_RSS_* bits to spread receive over queues (masked to what the port
     *                offers; ignored with one rx queue)
     * @param mtu     0 for the driver's default
     * @param lsc     link-state-change interrupts, when the driver has them
     */
    public void configure(int rxQueues, int txQueues, long rssHash, int mtu, boolean lsc) {
        EthDevInfo info = info();
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment conf = jvs_eth_port_conf.allocate(arena);
            jvs_eth_port_conf.rss_hf(conf, rssHash & info.rssOffloads());
            jvs_eth_port_conf.mtu(conf, mtu);
            jvs_eth_port_conf.lsc_intr(conf, (byte) (lsc && info.supportsLscInterrupt() ? 1 : 0));
            call("rte_eth_dev_configure(" + name + ", " + rxQueues + " rxq, " + txQueues + " txq, mtu " + mtu + ")",
                    () -> jvs_shim_h.jvs_eth_dev_configure((short) portId,
                            (short) rxQueues, (short) txQueues, conf));
        }
    }

    /** Sets up rx queue {@code queue} with {@code descriptors} descriptors filled from {@code pool}. */
    public void setupRxQueue(int queue, int descriptors, Mempool pool) {
        int socket = Math.max(info().socketId(), 0);
        call("rte_eth_rx_queue_setup(" + name + ", queue " + queue + ", " + descriptors + " descriptors)",
                () -> jvs_shim_h.rte_eth_rx_queue_setup((short) portId, (short) queue, (short) descriptors,
                        socket, MemorySegment.NULL, pool.address()));
    }

    public void setupTxQueue(int queue, int descriptors) {
        int socket = Math.max(info().socketId(), 0);
        call("rte_eth_tx_queue_setup(" + name + ", queue " + queue + ", " + descriptors + " descriptors)",
                () -> jvs_shim_h.rte_eth_tx_queue_setup((short) portId, (short) queue, (short) descriptors,
                        socket, MemorySegment.NULL));
    }

    public void start() {
        call("rte_eth_dev_start(" + name + ")", () -> jvs_shim_h.rte_eth_dev_start((short) portId));
    }

    public void stop() {
        int rc = jvs_shim_h.rte_eth_dev_stop((short) portId);
        if (rc < 0 && rc != -Rte.EBUSY) {
            Rte.check(rc, "rte_eth_dev_stop(" + name + ")");
        }
    }

    /** Closes the port and detaches its device (rte_eth_dev_close, rte_dev_remove). */
    public void closeAndRemove() {
        jvs_shim_h.rte_eth_dev_close((short) portId);
        if (!device.equals(MemorySegment.NULL)) {
            int rc = jvs_shim_h.rte_dev_remove(device);
            if (rc < 0 && rc != -Rte.ENOENT) {
                Rte.check(rc, "rte_dev_remove(" + name + ")");
            }
        }
    }

    public void promiscuous(boolean on) {
        int rc = on ? jvs_shim_h.rte_eth_promiscuous_enable((short) portId)
                : jvs_shim_h.rte_eth_promiscuous_disable((short) portId);
        if (rc != -Rte.ENOTSUP) {
            Rte.check(rc, "rte_eth_promiscuous_" + (on ? "enable" : "disable") + "(" + name + ")");
        }
    }

    public void allMulticast() {
        int rc = jvs_shim_h.rte_eth_allmulticast_enable((short) portId);
        if (rc != -Rte.ENOTSUP) {
            Rte.check(rc, "rte_eth_allmulticast_enable(" + name + ")");
        }
    }

    public void setLinkUp(boolean up) {
        int rc = up ? jvs_shim_h.rte_eth_dev_set_link_up((short) portId)
                : jvs_shim_h.rte_eth_dev_set_link_down((short) portId);
        if (rc != -Rte.ENOTSUP) {
            Rte.check(rc, "rte_eth_dev_set_link_" + (up ? "up" : "down") + "(" + name + ")");
        }
    }

    public EthLink link() {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment l = jvs_eth_link.allocate(arena);
            if (jvs_shim_h.jvs_eth_link_get_nowait((short) portId, l) != 0) {
                return EthLink.DOWN;
            }
            return new EthLink(jvs_eth_link.speed(l), jvs_eth_link.duplex(l) != 0, jvs_eth_link.autoneg(l) != 0,
                    jvs_eth_link.status(l) != 0);
        }
    }

    /** The port's MAC address as a 48-bit value. */
    public long mac() {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment a = rte_ether_addr.allocate(arena);
            call("rte_eth_macaddr_get(" + name + ")", () -> jvs_shim_h.rte_eth_macaddr_get((short) portId, a));
            MemorySegment bytes = rte_ether_addr.addr_bytes(a);
            long mac = 0;
            for (int i = 0; i < 6; i++) {
                mac = mac << 8 | Byte.toUnsignedInt(bytes.get(ValueLayout.JAVA_BYTE, i));
            }
            return mac;
        }
    }

    public void setMac(long mac) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment a = rte_ether_addr.allocate(arena);
            MemorySegment bytes = rte_ether_addr.addr_bytes(a);
            for (int i = 0; i < 6; i++) {
                bytes.set(ValueLayout.JAVA_BYTE, i, (byte) (mac >>> (40 - 8 * i)));
            }
            call("set MAC " + EtherAddr.format(mac) + " on " + name,
                    () -> jvs_shim_h.rte_eth_dev_default_mac_addr_set((short) portId, a));
        }
    }

    public int mtu() {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment m = arena.allocate(ValueLayout.JAVA_SHORT);
            call("rte_eth_dev_get_mtu(" + name + ")", () -> jvs_shim_h.rte_eth_dev_get_mtu((short) portId, m));
            return u16(m.get(ValueLayout.JAVA_SHORT, 0));
        }
    }

    public void setMtu(int mtu) {
        call("set MTU " + mtu + " on " + name, () -> jvs_shim_h.rte_eth_dev_set_mtu((short) portId, (short) mtu));
    }

    public EthStats stats() {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment s = rte_eth_stats.allocate(arena);
            if (jvs_shim_h.rte_eth_stats_get((short) portId, s) != 0) {
                return EthStats.ZERO;
            }
            return new EthStats(rte_eth_stats.ipackets(s), rte_eth_stats.opackets(s), rte_eth_stats.ibytes(s),
                    rte_eth_stats.obytes(s), rte_eth_stats.imissed(s), rte_eth_stats.ierrors(s),
                    rte_eth_stats.oerrors(s), rte_eth_stats.rx_nombuf(s));
        }
    }

    public void resetStats() {
        jvs_shim_h.rte_eth_stats_reset((short) portId);
    }

    /** The driver's extended statistics, by name, in the driver's order. */
    public Map<String, Long> xstats() {
        Map<String, Long> out = new LinkedHashMap<>();
        int n = jvs_shim_h.rte_eth_xstats_get_names((short) portId, MemorySegment.NULL, 0);
        if (n <= 0) {
            return out;
        }
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment names = rte_eth_xstat_name.allocateArray(n, arena);
            MemorySegment values = rte_eth_xstat.allocateArray(n, arena);
            int gotNames = jvs_shim_h.rte_eth_xstats_get_names((short) portId, names, n);
            int gotValues = jvs_shim_h.rte_eth_xstats_get((short) portId, values, n);
            for (int i = 0; i < Math.min(gotNames, gotValues); i++) {
                MemorySegment v = rte_eth_xstat.asSlice(values, i);
                int id = (int) rte_eth_xstat.id(v);
                if (id >= 0 && id < gotNames) {
                    String key = rte_eth_xstat_name.name(rte_eth_xstat_name.asSlice(names, id))
                            .getString(0, StandardCharsets.UTF_8);
                    out.put(key, rte_eth_xstat.value(v));
                }
            }
        }
        return out;
    }

    @Override
    public String toString() {
        return name + " (port " + portId + ")";
    }

    /** Runs a DPDK call returning 0 or -errno; on failure throws with DPDK's own error line, if any. */
    private static int call(String what, IntSupplier op) {
        long mark = DpdkLog.errorMark();
        int rc = op.getAsInt();
        if (rc < 0) {
            String said = DpdkLog.errorSince(mark);
            throw new DpdkException(what + " failed: " + Rte.describe(rc) + (said.isEmpty() ? "" : " (DPDK: " + said + ")"),
                    -rc);
        }
        return rc;
    }

    private static int u16(short v) {
        return Short.toUnsignedInt(v);
    }
}
