package org.jvswitch.dataplane.tunnel;

import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.jvswitch.dataplane.MbufAllocator;
import org.jvswitch.dpdk.Mbuf;
import org.jvswitch.netdev.Netdev;
import org.jvswitch.netdev.NetdevException;
import org.jvswitch.netdev.NetdevStats;

/**
 * A tunnel port of the datapath (OVS's tunnel vports {@code vxlan_sys_4789},
 * {@code genev_sys_6081}, {@code gre_sys}): no queues and no device, just the number
 * {@code tnl_pop} recirculates decapsulated packets in with, and what decapsulation needs to
 * know: the protocol, the UDP port, and the receive filter the control path keeps up to date.
 *
 * <p>One vport serves every OpenFlow tunnel port of its type and UDP port, on every bridge; which
 * of them a packet belongs to is the translation's business (by tunnel metadata). The receive
 * filter lets the datapath drop, and count, what no tunnel port takes: keys no port has (unless
 * one has {@code in_key=flow}) and critical Geneve options nobody mapped. It is published as two
 * immutable sorted arrays behind volatiles: PMD threads read them per packet, allocation-free
 * ({@link Arrays#binarySearch}); the control thread replaces them.
 *
 * <p>Packets output to the vport itself (not through tnl_push) are freed and counted as tx
 * dropped, as OVS's userspace datapath does for a vport without native tunneling.
 */
public final class TunnelVport implements Netdev {
    public static final int VXLAN_PORT = 4789;
    public static final int GENEVE_PORT = 6081;

    private final String name;
    private final String type;
    private final int headerType;
    private final int dstPort;
    private final MbufAllocator mbufs;
    /** Keys accepted, sorted; null: any key. */
    private volatile long[] keys;
    /** Known Geneve options as class &lt;&lt; 8 | type, sorted. */
    private volatile int[] options = new int[0];
    private final AtomicLong txDropped = new AtomicLong();

    private TunnelVport(String name, String type, int headerType, int dstPort, MbufAllocator mbufs) {
        this.name = name;
        this.type = type;
        this.headerType = headerType;
        this.dstPort = dstPort;
        this.mbufs = mbufs;
    }

    /** Whether {@code type} is a tunnel interface type the datapath makes vports for. */
    public static boolean isTunnelType(String type) {
        return "vxlan".equals(type) || "gre".equals(type) || "geneve".equals(type);
    }

    /** OVS's name for the vport of a tunnel type and UDP port: vxlan_sys_4789, genev_sys_6081, gre_sys. */
    public static String vportName(String type, int dstPort) {
        return switch (type) {
            case "vxlan" -> "vxlan_sys_" + dstPort;
            case "geneve" -> "genev_sys_" + dstPort;
            case "gre" -> "gre_sys";
            default -> throw new IllegalArgumentException("not a tunnel type: " + type);
        };
    }

    /** The default UDP port of a tunnel type (0 for GRE). */
    public static int defaultPort(String type) {
        return switch (type) {
            case "vxlan" -> VXLAN_PORT;
            case "geneve" -> GENEVE_PORT;
            default -> 0;
        };
    }

    /**
     * Opens a vport. Options: {@code dst_port} (VXLAN and Geneve; default 4789 and 6081).
     *
     * @param mbufs where packets output to the vport go (freed)
     * @throws NetdevException for a type that is not a tunnel or a bad dst_port
     */
    public static TunnelVport open(String name, String type, Map<String, String> options, MbufAllocator mbufs) {
        if (!isTunnelType(type)) {
            throw new NetdevException("could not open network device " + name + " (not a tunnel type: " + type + ")");
        }
        int port = defaultPort(type);
        String p = options.get("dst_port");
        if (p != null && !type.equals("gre")) {
            try {
                port = Integer.parseInt(p.trim());
            } catch (NumberFormatException e) {
                port = -1;
            }
            if (port < 1 || port > 65535) {
                throw new NetdevException("options:dst_port '" + p + "' of " + name + " is not a UDP port");
            }
        }
        int headerType = switch (type) {
            case "vxlan" -> TunnelHeader.VXLAN;
            case "geneve" -> TunnelHeader.GENEVE;
            default -> TunnelHeader.GRE;
        };
        return new TunnelVport(name, type, headerType, port, mbufs);
    }

    /** {@link TunnelHeader#VXLAN}, {@link TunnelHeader#GENEVE} or {@link TunnelHeader#GRE}. */
    public int headerType() {
        return headerType;
    }

    /** The UDP destination port it receives on (0 for GRE). */
    public int dstPort() {
        return dstPort;
    }

    /**
     * Sets what decapsulation accepts (control thread).
     *
     * @param acceptedKeys the keys of its tunnel ports (0 for "no key"), or null if one takes any key
     * @param geneveOptions the Geneve options the switch knows, as class &lt;&lt; 8 | type
     */
    public void setReceiveFilter(long[] acceptedKeys, int[] geneveOptions) {
        long[] k = acceptedKeys == null ? null : acceptedKeys.clone();
        if (k != null) {
            Arrays.sort(k);
        }
        int[] o = geneveOptions.clone();
        Arrays.sort(o);
        options = o;
        keys = k;
    }

    /** Whether a packet with tunnel key {@code key} (0: none) has a port to go to. Fast path. */
    public boolean acceptsKey(long key) {
        long[] k = keys;
        return k == null || Arrays.binarySearch(k, key) >= 0;
    }

    /** Whether a critical Geneve option (class &lt;&lt; 8 | type) is one the switch knows. Fast path. */
    public boolean knowsOption(int classType) {
        return Arrays.binarySearch(options, classType) >= 0;
    }

    /** The keys accepted (null: any), for dumps. */
    public long[] acceptedKeys() {
        long[] k = keys;
        return k == null ? null : k.clone();
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String type() {
        return type;
    }

    @Override
    public int rxQueues() {
        return 0;
    }

    @Override
    public int txQueues() {
        return 1;
    }

    @Override
    public int rxBurst(int queue, long pkts, int max) {
        return 0;
    }

    @Override
    public int txBurst(int queue, long pkts, int n) {
        for (int i = 0; i < n; i++) {
            mbufs.free(Mbuf.MEMORY.get(JAVA_LONG, pkts + 8L * i));
        }
        txDropped.addAndGet(n);
        return 0;
    }

    @Override
    public NetdevStats stats() {
        return new NetdevStats(0, 0, 0, 0, 0, 0, 0, txDropped.get());
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
        return 65000;
    }

    @Override
    public void close() {
    }

    @Override
    public String toString() {
        return name + " (" + type + (dstPort > 0 ? ": dst_port=" + dstPort : "") + ")";
    }
}
