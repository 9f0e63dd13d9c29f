package org.jvswitch.bridge;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.jvswitch.ovsdb.server.SslConfig;
import org.jvswitch.vlog.Vlog;
import org.slf4j.Logger;

/**
 * The configuration the database asks for, read from the replica into plain values: the switch's
 * other_config and next_cfg, and for each bridge its settings, ports and interfaces. What the
 * reconciler compares with what it has applied.
 *
 * <p>Only bridges of the userspace datapath are jvswitch's ({@code datapath_type} "netdev", or
 * empty, which OVS would give its kernel datapath and jvswitch, having only one, gives to DPDK).
 * An interface name used twice goes to the first bridge that names it; the second gets an error,
 * as in OVS.
 */
public record SwitchConfig(UUID root, Map<String, String> otherConfig, long nextCfg, long curCfg,
                           Map<String, UUID> datapaths, List<BridgeConfig> bridges, SslConfig ssl) {
    private static final Logger LOG = Vlog.module("bridge");

    public record IfaceConfig(UUID uuid, String name, String type, Map<String, String> options, int mtuRequest,
                              int ofportRequest, Map<String, String> otherConfig, String mac, int storedOfport) {
        /** Whether a change from {@code o} to this needs the datapath port made again. */
        boolean needsRecreate(IfaceConfig o) {
            return !type.equals(o.type) || !options.equals(o.options) || mtuRequest != o.mtuRequest
                    || !Objects.equals(mac, o.mac)
                    || !Objects.equals(otherConfig.get("pmd-rxq-affinity"), o.otherConfig.get("pmd-rxq-affinity"))
                    || !Objects.equals(otherConfig.get("emc-enable"), o.otherConfig.get("emc-enable"));
        }
    }

    /**
     * @param tag      the access/native VLAN, -1 when unset or invalid
     * @param vlanMode Port:vlan_mode ("" when unset)
     */
    public record PortConfig(UUID uuid, String name, List<IfaceConfig> ifaces, int tag, Set<Integer> trunks,
                             String vlanMode, Map<String, String> otherConfig, String bondMode, boolean fakeBridge) {
    }

    public record ControllerConfig(UUID uuid, String target, Map<String, String> settings) {
    }

    public record BridgeConfig(UUID uuid, String name, String datapathType, String failMode, boolean stpEnable,
                               boolean rstpEnable, Map<String, String> otherConfig, List<PortConfig> ports,
                               List<ControllerConfig> controllers, List<String> protocols) {
        /** The port whose interface is the bridge's own (LOCAL) port, or null if missing. */
        PortConfig localPort() {
            for (PortConfig p : ports) {
                if (p.name().equals(name)) {
                    return p;
                }
            }
            return null;
        }
    }

    /** The configuration in the replica; an empty one before the first snapshot. */
    public static SwitchConfig from(DbReplica db) {
        DbRow root = db.root();
        if (root == null) {
            return new SwitchConfig(null, Map.of(), 0, 0, Map.of(), List.of(), null);
        }
        List<BridgeConfig> bridges = new ArrayList<>();
        Set<String> ifaceNames = new HashSet<>();
        Set<String> bridgeNames = new HashSet<>();
        for (UUID bu : root.uuids("bridges")) {
            DbRow b = db.row("Bridge", bu);
            if (b == null) {
                continue;
            }
            String name = b.string("name");
            String dpType = b.string("datapath_type");
            if (!dpType.isEmpty() && !dpType.equals("netdev")) {
                LOG.warn("bridge {}: datapath_type {} is not supported (jvswitch has only 'netdev'); ignored",
                        name, dpType);
                continue;
            }
            if (!bridgeNames.add(name)) {
                LOG.warn("bridge {} specified twice", name);
                continue;
            }
            bridges.add(bridge(db, b, ifaceNames));
        }
        bridges.sort((a, c) -> a.name().compareTo(c.name()));
        return new SwitchConfig(root.uuid(), root.map("other_config"), root.integer("next_cfg", 0),
                root.integer("cur_cfg", 0), root.uuidMap("datapaths"), bridges, ssl(db, root));
    }

    /**
     * The SSL row Open_vSwitch:ssl points at (ovs-vsctl set-ssl), for ssl:/pssl: controllers;
     * null when there is none or it lacks a file (OVS needs all three).
     */
    private static SslConfig ssl(DbReplica db, DbRow root) {
        UUID u = root.uuidRef("ssl");
        DbRow r = u == null ? null : db.row("SSL", u);
        if (r == null) {
            return null;
        }
        String key = r.string("private_key");
        String cert = r.string("certificate");
        String ca = r.string("ca_cert");
        if (key.isEmpty() || cert.isEmpty() || ca.isEmpty()) {
            LOG.warn("SSL table: private_key, certificate and ca_cert are all needed; ssl: controllers stay down");
            return null;
        }
        return new SslConfig(Path.of(key), Path.of(cert), Path.of(ca));
    }

    private static BridgeConfig bridge(DbReplica db, DbRow b, Set<String> ifaceNames) {
        String name = b.string("name");
        List<PortConfig> ports = new ArrayList<>();
        Set<String> portNames = new HashSet<>();
        for (UUID pu : b.uuids("ports")) {
            DbRow p = db.row("Port", pu);
            if (p == null) {
                continue;
            }
            String pname = p.string("name");
            if (!portNames.add(pname)) {
                LOG.warn("bridge {}: {} specified twice as bridge port", name, pname);
                continue;
            }
            List<IfaceConfig> ifaces = new ArrayList<>();
            for (UUID iu : p.uuids("interfaces")) {
                DbRow i = db.row("Interface", iu);
                if (i == null) {
                    continue;
                }
                String iname = i.string("name");
                boolean duplicate = !ifaceNames.add(iname);
                ifaces.add(new IfaceConfig(iu, iname, duplicate ? "duplicate" : i.string("type"),
                        i.map("options"), (int) i.integer("mtu_request", 0), (int) i.integer("ofport_request", 0),
                        i.map("other_config"), i.optString("mac"), (int) i.integer("ofport", 0)));
            }
            ifaces.sort((x, y) -> x.name().compareTo(y.name()));
            ports.add(port(name, p, pu, pname, ifaces));
        }
        ports.sort((x, y) -> x.name().compareTo(y.name()));
        List<ControllerConfig> controllers = new ArrayList<>();
        for (UUID cu : b.uuids("controller")) {
            DbRow c = db.row("Controller", cu);
            if (c != null) {
                Map<String, String> settings = new LinkedHashMap<>();
                for (String col : ConfigDb.MONITORED.get("Controller")) {
                    if (!col.equals("target") && !col.equals("other_config")) {
                        String v = c.optString(col);
                        if (v != null) {
                            settings.put(col, v);
                        }
                    }
                }
                settings.putAll(c.map("other_config"));
                controllers.add(new ControllerConfig(cu, c.string("target"), Map.copyOf(settings)));
            }
        }
        controllers.sort((x, y) -> x.target().compareTo(y.target()));
        return new BridgeConfig(b.uuid(), name, b.string("datapath_type"), b.string("fail_mode"),
                b.bool("stp_enable", false), b.bool("rstp_enable", false), b.map("other_config"), ports,
                controllers, b.strings("protocols"));
    }

    private static PortConfig port(String bridge, DbRow p, UUID pu, String pname, List<IfaceConfig> ifaces) {
        long tag = p.integer("tag", -1);
        if (tag < -1 || tag > 4095) {
            LOG.warn("port {}: tag {} out of range 0..4095; ignored", pname, tag);
            tag = -1;
        }
        Set<Integer> trunks = new TreeSet<>();
        for (long t : p.integers("trunks")) {
            if (t >= 0 && t <= 4095) {
                trunks.add((int) t);
            }
        }
        String mode = p.string("vlan_mode");
        return new PortConfig(pu, pname, List.copyOf(ifaces), (int) tag, Set.copyOf(trunks), mode,
                p.map("other_config"), p.string("bond_mode"), p.bool("fake_bridge", false));
    }
}
