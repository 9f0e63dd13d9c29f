package org.jvswitch.tnl;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Supplier;
import org.jvswitch.dataplane.flow.FlowField;
import org.jvswitch.dataplane.flow.FlowKey;
import org.jvswitch.dataplane.odp.OdpFlags;
import org.jvswitch.dataplane.tunnel.TunnelVport;
import org.jvswitch.dpif.DpPort;
import org.jvswitch.dpif.DpifNetdev;
import org.jvswitch.netdev.NetdevException;
import org.jvswitch.vlog.Vlog;
import org.slf4j.Logger;

/**
 * The switch's tunnel interfaces and the datapath vports they share (Open vSwitch's tnl-port and
 * tnl-ports): every vxlan interface with UDP port 4789, on any bridge, sends and receives through
 * the one vport {@code vxlan_sys_4789}, every GRE interface through {@code gre_sys}, and so on.
 * The bridge layer adds and removes interfaces here instead of in the datapath; the vports come
 * and go with their first and last user.
 *
 * <p>Receiving: a decapsulated packet comes back in on its vport with the outer headers as tunnel
 * metadata, and {@link #receive} finds the interface it is for, by type and UDP port, key,
 * remote and local address, the most specific first as OVS orders them (an exact in_key before
 * in_key=flow, then an exact local_ip, then an exact remote_ip before remote_ip=flow). What no
 * interface would take never leaves the datapath: each vport's receive filter is its interfaces'
 * keys (any key if one has in_key=flow) and the Geneve options the switch knows.
 *
 * <p>Threads: the bridge thread adds and removes; translation threads read an immutable snapshot.
 */
public final class TunnelPorts {
    private static final Logger LOG = Vlog.module("tunnel");

    /** A tunnel interface: its bridge, name, configuration and the datapath vport it uses. */
    public record Port(String bridge, String name, TunnelConfig config, int vport) {
    }

    /** How vports get in and out of the datapath. */
    public interface Vports {
        DpPort add(String name, String type, Map<String, String> options);

        void delete(String name);
    }

    /** Vports in a {@link DpifNetdev} (which makes a {@link TunnelVport} for a tunnel type). */
    public static Vports of(Supplier<DpifNetdev> dpif) {
        return new Vports() {
            @Override
            public DpPort add(String name, String type, Map<String, String> options) {
                DpifNetdev d = dpif.get();
                if (d == null) {
                    throw new NetdevException("the datapath is not running");
                }
                DpPort existing = d.port(name);
                return existing != null ? existing : d.addPort(name, type, options, Map.of(), 0, -1);
            }

            @Override
            public void delete(String name) {
                DpifNetdev d = dpif.get();
                if (d != null && d.port(name) != null) {
                    d.deletePort(name);
                }
            }
        };
    }

    private static final class Vport {
        final DpPort dp;
        final String type;
        final int dstPort;
        int refs;

        Vport(DpPort dp, String type, int dstPort) {
            this.dp = dp;
            this.type = type;
            this.dstPort = dstPort;
        }
    }

    private final Vports vports;
    private final Map<String, Port> ports = new LinkedHashMap<>();
    private final Map<String, Vport> byVportName = new LinkedHashMap<>();
    private volatile Map<String, Port> portsView = Map.of();
    private volatile Map<Integer, List<Port>> byVport = Map.of();
    private volatile Map<Integer, Vport> vportsByNumber = Map.of();
    private int[] geneveOptions = new int[0];
    private volatile Runnable listener = () -> { };

    public TunnelPorts(Vports vports) {
        this.vports = vports;
    }

    public void setListener(Runnable r) {
        listener = r == null ? () -> { } : r;
    }

    /**
     * Adds tunnel interface {@code name} of bridge {@code bridge}: parses its options and makes sure
     * its vport exists. Returns the vport (the interface's datapath port).
     *
     * @throws NetdevException with the text for Interface:error when the options are refused or the
     *                         vport cannot be made
     */
    public synchronized DpPort add(String bridge, String name, String type, Map<String, String> options) {
        TunnelConfig.Parsed parsed = TunnelConfig.parse(name, type, options);
        parsed.warnings().forEach(w -> LOG.warn("{}", w));
        if (parsed.error() != null) {
            throw new NetdevException(parsed.error());
        }
        if (ports.containsKey(name)) {
            remove(name);
        }
        TunnelConfig c = parsed.config();
        String vname = c.vportName();
        Vport v = byVportName.get(vname);
        if (v == null) {
            Map<String, String> vopts = c.type().equals("gre") ? Map.of() : Map.of("dst_port", Integer.toString(c.dstPort()));
            v = new Vport(vports.add(vname, c.type(), vopts), c.type(), c.dstPort());
            byVportName.put(vname, v);
            LOG.info("tunnel vport {} added as datapath port {}", vname, v.dp.portNo());
        }
        v.refs++;
        ports.put(name, new Port(bridge, name, c, v.dp.portNo()));
        publish();
        return v.dp;
    }

    /** Removes a tunnel interface (and its vport, if it was the last user). False if there is none. */
    public synchronized boolean remove(String name) {
        Port p = ports.remove(name);
        if (p == null) {
            return false;
        }
        String vname = p.config().vportName();
        Vport v = byVportName.get(vname);
        if (v != null && --v.refs <= 0) {
            byVportName.remove(vname);
            try {
                vports.delete(vname);
            } catch (NetdevException e) {
                LOG.warn("deleting tunnel vport {}: {}", vname, e.getMessage());
            }
            LOG.info("tunnel vport {} deleted", vname);
        }
        publish();
        return true;
    }

    /** The Geneve options (class &lt;&lt; 8 | type) the switch knows: critical ones not in it are dropped. */
    public synchronized void setKnownGeneveOptions(int[] options) {
        geneveOptions = options.clone();
        publish();
    }

    // ---- lookups (any thread) ----

    public Port port(String name) {
        return portsView.get(name);
    }

    public List<Port> ports() {
        return List.copyOf(portsView.values());
    }

    /** Whether datapath port {@code odp} is a tunnel vport. */
    public boolean isVport(int odp) {
        return vportsByNumber.containsKey(odp);
    }

    /** The vport for UDP tunnels on {@code udpPort}, or -1. */
    public int udpVport(int udpPort) {
        for (Map.Entry<Integer, Vport> e : vportsByNumber.entrySet()) {
            if (!e.getValue().type.equals("gre") && e.getValue().dstPort == udpPort) {
                return e.getKey();
            }
        }
        return -1;
    }

    /** The GRE vport, or -1. */
    public int greVport() {
        for (Map.Entry<Integer, Vport> e : vportsByNumber.entrySet()) {
            if (e.getValue().type.equals("gre")) {
                return e.getKey();
            }
        }
        return -1;
    }

    /**
     * The interface a packet decapsulated on vport {@code odp} belongs to, from its key's tunnel
     * metadata, or null.
     */
    public Port receive(int odp, long[] key) {
        List<Port> candidates = byVport.get(odp);
        if (candidates == null) {
            return null;
        }
        long flags = FlowField.TUN_FLAGS.get(key, 0);
        long id = (flags & OdpFlags.TUN_F_KEY) != 0 ? key[FlowKey.W_TUN_ID] : 0;
        boolean v6 = FlowField.TUN_SRC.get(key, 0) == 0 && FlowField.TUN_DST.get(key, 0) == 0;
        InetAddress src = v6 ? IpAddrs.ipv6(key[FlowKey.W_TUN_IPV6_SRC], key[FlowKey.W_TUN_IPV6_SRC + 1])
                : IpAddrs.ipv4((int) FlowField.TUN_SRC.get(key, 0));
        InetAddress dst = v6 ? IpAddrs.ipv6(key[FlowKey.W_TUN_IPV6_DST], key[FlowKey.W_TUN_IPV6_DST + 1])
                : IpAddrs.ipv4((int) FlowField.TUN_DST.get(key, 0));
        Port best = null;
        int bestScore = -1;
        for (Port p : candidates) {
            TunnelConfig c = p.config();
            int score = 0;
            if (!c.inKeyFlow()) {
                if (c.receiveKey() != id) {
                    continue;
                }
                score += 4;
            }
            if (c.local() != null) {
                if (!c.local().equals(dst)) {
                    continue;
                }
                score += 2;
            }
            if (c.remote() != null) {
                if (!c.remote().equals(src)) {
                    continue;
                }
                score += 1;
            }
            if (score > bestScore) {
                best = p;
                bestScore = score;
            }
        }
        return best;
    }

    /** tnl/ports/show: "Listening ports:" then each vport with its UDP port (GRE: its number) and users. */
    public synchronized String show() {
        StringBuilder b = new StringBuilder("Listening ports:\n");
        for (Map.Entry<String, Vport> e : byVportName.entrySet()) {
            Vport v = e.getValue();
            b.append(e.getKey()).append(" (").append(v.type.equals("gre") ? v.dp.portNo() : v.dstPort)
                    .append(") ref_cnt=").append(v.refs).append('\n');
        }
        return b.toString();
    }

    private void publish() {
        Map<Integer, List<Port>> by = new HashMap<>();
        for (Port p : ports.values()) {
            by.computeIfAbsent(p.vport(), k -> new ArrayList<>()).add(p);
        }
        Map<Integer, Vport> numbers = new HashMap<>();
        for (Vport v : byVportName.values()) {
            numbers.put(v.dp.portNo(), v);
            List<Port> users = by.getOrDefault(v.dp.portNo(), List.of());
            long[] keys = null;
            TreeSet<Long> ks = new TreeSet<>();
            boolean any = false;
            for (Port p : users) {
                any |= p.config().inKeyFlow();
                ks.add(p.config().receiveKey());
            }
            if (!any) {
                keys = ks.stream().mapToLong(Long::longValue).toArray();
            }
            if (v.dp.netdev() instanceof TunnelVport tv) {
                tv.setReceiveFilter(keys, geneveOptions);
            }
        }
        Map<Integer, List<Port>> frozen = new HashMap<>();
        by.forEach((k, l) -> frozen.put(k, List.copyOf(l)));
        byVport = Map.copyOf(frozen);
        vportsByNumber = Map.copyOf(numbers);
        portsView = Map.copyOf(ports);
        listener.run();
    }
}
