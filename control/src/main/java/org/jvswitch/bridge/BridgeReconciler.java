package org.jvswitch.bridge;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Supplier;
import org.jvswitch.bridge.SwitchConfig.BridgeConfig;
import org.jvswitch.bridge.SwitchConfig.IfaceConfig;
import org.jvswitch.bridge.SwitchConfig.PortConfig;
import org.jvswitch.dpif.DpifNetdev;
import org.jvswitch.netdev.NetdevException;
import org.jvswitch.ofproto.BridgeRegistry;
import org.jvswitch.ofproto.MacLearning;
import org.jvswitch.ofproto.OfKey;
import org.jvswitch.ofproto.OfPort;
import org.jvswitch.ofproto.Ofproto;
import org.jvswitch.ofproto.PortGate;
import org.jvswitch.ofproto.VlanMode;
import org.jvswitch.openflow.BridgeOfConfig;
import org.jvswitch.openflow.OpenFlowManager;
import org.jvswitch.tnl.TunnelConfig;
import org.jvswitch.ovsdb.server.SslConfig;
import org.jvswitch.tnl.TunnelPorts;
import org.jvswitch.vlog.Vlog;
import org.slf4j.Logger;

/**
 * Makes the running switch what the database asks for (Open vSwitch's bridge_reconfigure): the
 * datapath's other_config, bridges, their ports and interfaces, VLAN settings, fail mode, MAC
 * learning limits and spanning tree. Interfaces whose settings did not change are left alone, so
 * their traffic never notices a reconfiguration; only an interface whose type, options, MTU or
 * MAC changed is made again. Interfaces that could not be created are retried at every change.
 *
 * <p>Bridge thread only.
 */
final class BridgeReconciler {
    private static final Logger LOG = Vlog.module("bridge");

    private final Supplier<DpifNetdev> dpif;
    private final Supplier<String> datapathFailure;
    private final BridgeRegistry registry;
    private final BridgeStp.BpduOut bpduOut;
    /** Tunnel interfaces: they share the datapath's tunnel vports (vxlan_sys_4789...). */
    private final TunnelPorts tunnels;
    private final Map<String, BridgeRuntime> bridges = new TreeMap<>();
    private Map<String, String> appliedOtherConfig;
    /** The SSL table's files for ssl:/pssl: controllers (null: none configured). */
    private SslConfig ssl;
    /** The bridges' OpenFlow side (management sockets, controllers, fail mode's NORMAL flow); null: none. */
    private OpenFlowManager openflow;
    private Map<String, String> otherConfigDefaults = Map.of();

    BridgeReconciler(Supplier<DpifNetdev> dpif, Supplier<String> datapathFailure, BridgeRegistry registry,
                     BridgeStp.BpduOut bpduOut, TunnelPorts tunnels) {
        this.tunnels = tunnels;
        this.dpif = dpif;
        this.datapathFailure = datapathFailure;
        this.registry = registry;
        this.bpduOut = bpduOut;
    }

    Collection<BridgeRuntime> bridges() {
        return bridges.values();
    }

    void setOpenFlow(OpenFlowManager of) {
        this.openflow = of;
    }

    /** Tells the bridge's OpenFlow connections that a port was added, deleted or changed. */
    private void portStatus(BridgeRuntime br, OfPort port, OpenFlowManager.PortReason reason) {
        if (openflow != null && port != null) {
            openflow.portChanged(br.name, port, reason);
        }
    }

    /** Puts a port into the OpenFlow bridge and tells the controllers (ADD or MODIFY). */
    private void putPort(BridgeRuntime br, OfPort port) {
        boolean existed = br.ofproto.port(port.ofport()) != null;
        br.ofproto.putPort(port);
        portStatus(br, port, existed ? OpenFlowManager.PortReason.MODIFY : OpenFlowManager.PortReason.ADD);
    }

    BridgeRuntime bridge(String name) {
        return bridges.get(name);
    }

    /** Applies {@code cfg}. */
    void apply(SwitchConfig cfg) {
        applyOtherConfig(cfg.otherConfig());
        ssl = cfg.ssl();
        Map<String, BridgeConfig> wanted = new TreeMap<>();
        cfg.bridges().forEach(b -> wanted.put(b.name(), b));
        for (String name : List.copyOf(bridges.keySet())) {
            BridgeConfig b = wanted.get(name);
            if (b == null || !b.uuid().equals(bridges.get(name).uuid)) {
                removeBridge(bridges.get(name));
            }
        }
        // Removals first, so that a name moving between bridges is free when it is added.
        for (BridgeConfig b : wanted.values()) {
            BridgeRuntime br = bridges.get(b.name());
            if (br != null) {
                br.mac = bridgeMac(b);
                br.ofproto.setDatapathId(datapathId(b, br.mac));
                removeStale(br, desiredIfaces(br, b));
            }
        }
        for (BridgeConfig b : wanted.values()) {
            BridgeRuntime br = bridges.computeIfAbsent(b.name(), n -> createBridge(b));
            br.cfg = b;
            addAndUpdate(br, desiredIfaces(br, b));
            configureBridge(br);
        }
    }

    /** The command line's --other-config: defaults for the keys the database does not set. */
    void setOtherConfigDefaults(Map<String, String> defaults) {
        otherConfigDefaults = Map.copyOf(defaults);
    }

    private void applyOtherConfig(Map<String, String> fromDb) {
        Map<String, String> oc = new java.util.HashMap<>(otherConfigDefaults);
        oc.putAll(fromDb);
        if (oc.equals(appliedOtherConfig)) {
            return;
        }
        appliedOtherConfig = oc;
        DpifNetdev d = dpif.get();
        if (d == null) {
            return;
        }
        try {
            d.configure(oc);
        } catch (IllegalArgumentException e) {
            LOG.error("{}", e.getMessage());
        }
        applyPmdCores(d, oc.get("pmd-cpu-mask"));
    }

    /**
     * other_config:pmd-cpu-mask at run time: the datapath stops the PMDs on cores no longer in
     * the mask and starts new ones, leaving the others and their flows alone (as ovs-vswitchd).
     */
    private static void applyPmdCores(DpifNetdev d, String mask) {
        try {
            d.setPmdCores(org.jvswitch.pmd.CpuMask.pmdCores(mask, org.jvswitch.dpdk.EalArgs.allowedCpus(),
                    LOG::warn));
        } catch (IllegalArgumentException | org.jvswitch.netdev.NetdevException e) {
            LOG.error("{}", e.getMessage());
        }
    }

    // ---- bridges ----

    private BridgeRuntime createBridge(BridgeConfig b) {
        long mac = bridgeMac(b);
        Ofproto of = registry.create(b.name(), datapathId(b, mac));
        BridgeRuntime br = new BridgeRuntime(b.uuid(), b.name(), of);
        br.mac = mac;
        br.cfg = b;
        if (openflow != null) {
            // Before any port: a standalone bridge without controllers gets its NORMAL flow here.
            br.ofConfig = ofConfig(b, ssl);
            try {
                openflow.addBridge(of, br.ofConfig);
            } catch (java.io.IOException | RuntimeException e) {
                LOG.error("bridge {}: OpenFlow management socket: {}", b.name(), e.toString());
            }
        }
        LOG.info("bridge {}: added (datapath id {})", b.name(), String.format("%016x", of.datapathId()));
        return br;
    }

    private void removeBridge(BridgeRuntime br) {
        for (IfaceRuntime i : List.copyOf(br.ifaces.values())) {
            destroy(br, i);
        }
        br.ifaces.clear();
        br.stp = null;
        if (openflow != null) {
            openflow.removeBridge(br.name);
        }
        registry.remove(br.name);
        bridges.remove(br.name);
        LOG.info("bridge {}: deleted", br.name);
    }

    /** other_config:hwaddr, else a stable address derived from the bridge's row uuid. */
    static long bridgeMac(BridgeConfig b) {
        String hw = b.otherConfig().get("hwaddr");
        if (hw != null) {
            long mac = Macs.parse(hw);
            if (mac >= 0 && (mac & 0x010000000000L) == 0 && mac != 0) {
                return mac;
            }
            LOG.warn("bridge {}: other_config:hwaddr '{}' is not a unicast Ethernet address; ignored", b.name(), hw);
        }
        long bits = b.uuid().getMostSignificantBits() ^ b.uuid().getLeastSignificantBits();
        return (bits & 0xfeffffffffffL) | 0x020000000000L;
    }

    /** other_config:datapath-id (16 hex digits), else the bridge's MAC. */
    static long datapathId(BridgeConfig b, long mac) {
        String id = b.otherConfig().get("datapath-id");
        if (id != null) {
            String hex = id.startsWith("0x") ? id.substring(2) : id;
            if (hex.matches("[0-9a-fA-F]{16}")) {
                return Long.parseUnsignedLong(hex, 16);
            }
            LOG.warn("bridge {}: other_config:datapath-id '{}' is not 16 hex digits; ignored", b.name(), id);
        }
        return mac;
    }

    // ---- interfaces ----

    /** The interfaces the bridge should have, by name, each with its port (local MAC filled in). */
    private static Map<String, IfaceRuntime> desiredIfaces(BridgeRuntime br, BridgeConfig b) {
        Map<String, IfaceRuntime> out = new TreeMap<>();
        for (PortConfig p : b.ports()) {
            for (IfaceConfig i : p.ifaces()) {
                IfaceConfig c = i;
                if (i.name().equals(b.name()) && i.mac() == null) {
                    c = new IfaceConfig(i.uuid(), i.name(), i.type(), i.options(), i.mtuRequest(), i.ofportRequest(),
                            i.otherConfig(), Macs.format(br == null ? bridgeMac(b) : br.mac), i.storedOfport());
                }
                out.put(c.name(), new IfaceRuntime(c, p));
            }
        }
        return out;
    }

    private void removeStale(BridgeRuntime br, Map<String, IfaceRuntime> wanted) {
        for (IfaceRuntime cur : List.copyOf(br.ifaces.values())) {
            IfaceRuntime w = wanted.get(cur.name());
            boolean moved = w != null && !w.cfg.uuid().equals(cur.cfg.uuid());
            if (w == null || moved || cur.failed() || w.cfg.needsRecreate(cur.cfg)
                    || ofportChanged(cur, w)) {
                destroy(br, cur);
                br.ifaces.remove(cur.name());
            }
        }
    }

    private static boolean ofportChanged(IfaceRuntime cur, IfaceRuntime w) {
        int req = w.cfg.ofportRequest();
        return req > 0 && req != cur.ofport && !isLocal(w, cur.port.name());
    }

    private void addAndUpdate(BridgeRuntime br, Map<String, IfaceRuntime> wanted) {
        for (IfaceRuntime w : wanted.values()) {
            IfaceRuntime cur = br.ifaces.get(w.name());
            if (cur == null) {
                create(br, w);
                br.ifaces.put(w.name(), w);
            } else if (!cur.port.equals(w.port) || !cur.cfg.equals(w.cfg)) {
                cur.cfg = w.cfg;
                cur.port = w.port;
                if (!cur.failed()) {
                    putPort(br, ofPort(br, cur));
                }
            }
        }
        updateBonds(br);
    }

    private static boolean isLocal(IfaceRuntime i, String bridgeName) {
        return i.name().equals(bridgeName) && "internal".equals(i.cfg.type());
    }

    private void create(BridgeRuntime br, IfaceRuntime ir) {
        IfaceConfig c = ir.cfg;
        String error = null;
        boolean local = isLocal(ir, br.name);
        if (c.type().equals("duplicate")) {
            error = "could not add network device " + c.name() + " to ofproto (File exists)";
        } else if (ir.isPatch()) {
            String peer = c.options().get("peer");
            if (peer == null || peer.isEmpty()) {
                error = c.name() + ": patch type requires valid 'peer' argument";
            } else if (peer.equals(c.name())) {
                error = c.name() + ": patch peer must not be self";
            }
        } else if (dpif.get() == null) {
            error = datapathFailure.get();
        } else if (TunnelConfig.isTunnel(c.type())) {
            try {
                ir.dp = tunnels.add(br.name, c.name(), c.type(), c.options());
            } catch (NetdevException e) {
                error = e.getMessage();
            }
        } else {
            Map<String, String> options = c.options();
            if ("internal".equals(c.type()) && c.mac() != null) {
                options = new HashMap<>(options);
                options.put("mac", c.mac());
            }
            try {
                ir.dp = dpif.get().addPort(c.name(), c.type(), options, c.otherConfig(), c.mtuRequest(), -1);
            } catch (NetdevException | IllegalArgumentException e) {
                error = e.getMessage();
            }
        }
        if (error != null) {
            ir.error = error;
            ir.ofport = -1;
            LOG.warn("bridge {}: could not add interface {}: {}", br.name, c.name(), error);
            return;
        }
        ir.error = null;
        ir.ofport = local ? OfKey.OFPP_LOCAL : pickOfport(br, c);
        putPort(br, ofPort(br, ir));
        LOG.info("bridge {}: added interface {} on port {}", br.name, c.name(), OfKey.portName(ir.ofport));
    }

    /** ofport_request, else the number the database remembers, else the lowest free one. */
    private static int pickOfport(BridgeRuntime br, IfaceConfig c) {
        int req = c.ofportRequest();
        if (req >= 1 && req < OfKey.OFPP_MAX) {
            if (br.byOfport(req) == null) {
                return req;
            }
            LOG.warn("bridge {}: ofport_request {} of {} is taken; using another", br.name, req, c.name());
        }
        int stored = c.storedOfport();
        if (stored >= 1 && stored < OfKey.OFPP_MAX && br.byOfport(stored) == null) {
            return stored;
        }
        return br.freeOfport();
    }

    private void destroy(BridgeRuntime br, IfaceRuntime i) {
        if (i.ofport > 0) {
            OfPort gone = br.ofproto.port(i.ofport);
            br.ofproto.removePort(i.ofport);
            portStatus(br, gone, OpenFlowManager.PortReason.DELETE);
        }
        if (i.dp != null) {
            try {
                if (TunnelConfig.isTunnel(i.cfg.type())) {
                    tunnels.remove(i.name());
                } else {
                    dpif.get().deletePort(i.name());
                }
            } catch (NetdevException e) {
                LOG.warn("bridge {}: deleting {}: {}", br.name, i.name(), e.getMessage());
            }
            i.dp = null;
        }
        LOG.info("bridge {}: deleted interface {}", br.name, i.name());
    }

    /** The OpenFlow view of an interface: its port's VLAN settings, its carrier and MAC. */
    static OfPort ofPort(BridgeRuntime br, IfaceRuntime i) {
        PortConfig p = i.port;
        VlanMode mode;
        try {
            mode = VlanMode.of(p.vlanMode(), p.tag() >= 0);
        } catch (IllegalArgumentException e) {
            LOG.warn("port {}: {}; using the default", p.name(), e.getMessage());
            mode = VlanMode.of("", p.tag() >= 0);
        }
        boolean linkUp = i.dp == null || i.dp.netdev().linkUp();
        long mac = i.dp != null ? i.dp.netdev().mac() : br.mac;
        boolean backup = !i.bondActive;
        OfPort old = br.ofproto.port(i.ofport);
        boolean down = old != null && old.down();
        return new OfPort(i.ofport, i.name(), i.dp != null ? i.dp.portNo() : -1, i.cfg.type(),
                i.isPatch() ? i.cfg.options().get("peer") : null, mode, p.tag(), p.trunks(), backup, backup, backup,
                down, linkUp, mac);
    }

    // ---- per-bridge settings ----

    private void configureBridge(BridgeRuntime br) {
        BridgeConfig b = br.cfg;
        Map<String, String> oc = b.otherConfig();
        br.ofproto.macs().configure(intOf(b, "mac-aging-time", MacLearning.DEFAULT_AGING_S, 15, 3600 * 24),
                intOf(b, "mac-table-size", MacLearning.DEFAULT_SIZE, 10, 1 << 20));
        boolean fwdBpdu = "true".equals(oc.get("forward-bpdu"));
        if (br.ofproto.forwardBpdu() != fwdBpdu) {
            br.ofproto.setForwardBpdu(fwdBpdu);
        }
        configureStp(br, b);
        // Controllers, fail mode (and its NORMAL flow), protocols: OpenFlow's side owns them.
        BridgeOfConfig of = ofConfig(b, ssl);
        if (openflow != null && !of.equals(br.ofConfig)) {
            br.ofConfig = of;
            try {
                openflow.configureBridge(br.name, of);
            } catch (RuntimeException e) {
                LOG.error("bridge {}: OpenFlow configuration: {}", br.name, e.toString());
            }
        }
    }

    /** The Bridge row's controllers, fail_mode and protocols, and the SSL table, as OpenFlow takes them. */
    static BridgeOfConfig ofConfig(BridgeConfig b, SslConfig ssl) {
        List<org.jvswitch.openflow.ControllerConfig> cs = new ArrayList<>();
        for (SwitchConfig.ControllerConfig c : b.controllers()) {
            Map<String, String> s = c.settings();
            cs.add(new org.jvswitch.openflow.ControllerConfig(c.target(),
                    longOf(s, "max_backoff", org.jvswitch.openflow.ControllerConfig.DEFAULT_MAX_BACKOFF_MS, 1000),
                    longOf(s, "inactivity_probe", org.jvswitch.openflow.ControllerConfig.DEFAULT_PROBE_MS, 0),
                    s.getOrDefault("connection_mode", "out-of-band"),
                    (int) longOf(s, "controller_rate_limit", 0, 0),
                    (int) longOf(s, "controller_burst_limit", 0, 0),
                    !"false".equals(s.get("enable_async_messages"))));
        }
        return new BridgeOfConfig(cs, !"secure".equals(b.failMode()), BridgeOfConfig.parseProtocols(b.protocols()),
                ssl);
    }

    private static long longOf(Map<String, String> s, String key, long dflt, long min) {
        String v = s.get(key);
        if (v == null || v.isEmpty()) {
            return dflt;
        }
        try {
            return Math.max(min, Long.parseLong(v.trim()));
        } catch (NumberFormatException e) {
            return dflt;
        }
    }

    private void configureStp(BridgeRuntime br, BridgeConfig b) {
        boolean rstp = b.rstpEnable();
        boolean stp = b.stpEnable() && !rstp;
        if (b.stpEnable() && rstp) {
            LOG.warn("bridge {}: STP and RSTP both enabled; using RSTP", br.name);
        }
        if (!stp && !rstp) {
            if (br.stp != null) {
                br.stp = null;
                br.ofproto.setGate(PortGate.OPEN);
            }
            return;
        }
        if (br.stp == null || br.stp.rstp != rstp) {
            br.stp = new BridgeStp(br, rstp, b.otherConfig(), bpduOut);
            br.ofproto.setGate(br.stp);
            LOG.info("bridge {}: {} enabled", br.name, rstp ? "RSTP" : "STP");
        } else {
            br.stp.reconfigure(b.otherConfig());
        }
        br.stp.syncPorts();
        for (IfaceRuntime i : br.ifaces.values()) {
            if (!i.failed()) {
                br.stp.setLink(i.ofport, i.dp == null || i.dp.netdev().linkUp());
            }
        }
    }

    private static int intOf(BridgeConfig b, String key, int dflt, int min, int max) {
        String v = b.otherConfig().get(key);
        if (v == null) {
            return dflt;
        }
        try {
            int n = Integer.parseInt(v.trim());
            return Math.max(min, Math.min(max, n));
        } catch (NumberFormatException e) {
            LOG.warn("bridge {}: other_config:{} '{}' is not a number; using {}", b.name(), key, v, dflt);
            return dflt;
        }
    }

    // ---- carriers and bonds ----

    /**
     * Re-reads every interface's carrier: updates the OpenFlow ports (FLOOD, fast-failover),
     * spanning tree and bond members. Returns whether anything changed.
     */
    boolean pollLinks() {
        boolean changed = false;
        for (BridgeRuntime br : bridges.values()) {
            for (IfaceRuntime i : br.ifaces.values()) {
                if (i.failed() || i.dp == null) {
                    continue;
                }
                boolean up = i.dp.netdev().linkUp();
                OfPort p = br.ofproto.port(i.ofport);
                if (p != null && p.linkUp() != up) {
                    putPort(br, p.withLink(up));
                    LOG.info("bridge {}: interface {} link {}", br.name, i.name(), up ? "up" : "down");
                    changed = true;
                }
                if (br.stp != null) {
                    br.stp.setLink(i.ofport, up);
                }
            }
            changed |= updateBonds(br);
        }
        return changed;
    }

    /**
     * Ports with several interfaces are active-backup bonds: one working member (the current one
     * while its carrier holds, else the first up by name) receives and sends; the others are
     * kept out of NORMAL and FLOOD.
     */
    private boolean updateBonds(BridgeRuntime br) {
        Map<String, List<IfaceRuntime>> byPort = new HashMap<>();
        for (IfaceRuntime i : br.ifaces.values()) {
            if (!i.failed()) {
                byPort.computeIfAbsent(i.port.name(), k -> new ArrayList<>()).add(i);
            }
        }
        boolean changed = false;
        for (List<IfaceRuntime> members : byPort.values()) {
            IfaceRuntime active = null;
            if (members.size() > 1) {
                for (IfaceRuntime m : members) {
                    if (m.bondActive && linkUp(m)) {
                        active = m;
                    }
                }
                if (active == null) {
                    active = members.stream().filter(BridgeReconciler::linkUp).findFirst().orElse(members.getFirst());
                }
            }
            for (IfaceRuntime m : members) {
                boolean act = active == null || m == active;
                if (m.bondActive != act) {
                    m.bondActive = act;
                    putPort(br, ofPort(br, m));
                    changed = true;
                    if (act) {
                        LOG.info("bridge {}: bond {}: active member is now {}", br.name, m.port.name(), m.name());
                    }
                }
            }
        }
        if (changed && br.stp != null) {
            br.stp.syncPorts();
        }
        return changed;
    }

    private static boolean linkUp(IfaceRuntime i) {
        return i.dp == null || i.dp.netdev().linkUp();
    }

    /** Every interface name in use, for checks. */
    Set<String> interfaceNames() {
        Set<String> s = new TreeSet<>();
        bridges.values().forEach(b -> s.addAll(b.ifaces.keySet()));
        return s;
    }
}
