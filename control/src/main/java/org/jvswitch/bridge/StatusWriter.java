package org.jvswitch.bridge;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.UUID;
import org.jvswitch.netdev.NetdevStats;
import org.jvswitch.ofproto.OfPort;
import org.jvswitch.openflow.ControllerStatus;
import org.jvswitch.stp.Rstp;
import org.jvswitch.stp.RstpStatus;
import org.jvswitch.stp.Stp;
import org.jvswitch.stp.StpStatus;

/**
 * Builds the transaction operations that write the switch's state back to the database the
 * way ovs-vswitchd does: Interface ofport/error/link and admin state/MAC/MTU/ifindex and
 * statistics, Bridge datapath_id and spanning tree status, Port spanning tree status and
 * counters, the Open_vSwitch row's capabilities and {@code cur_cfg}, and the Datapath row.
 * Only columns whose value changed since the last write are written.
 *
 * <p>Bridge thread only.
 */
public final class StatusWriter {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    /** What the switch tells the Open_vSwitch row about itself. */
    public record SystemInfo(String ovsVersion, List<String> ifaceTypes, boolean dpdkInitialized, String dpdkVersion) {
    }

    private Map<String, Object> writtenRoot = Map.of();
    private final Map<UUID, Map<String, Object>> writtenPorts = new java.util.HashMap<>();
    private boolean datapathWritten;
    /** Controller rows' is_connected, role and status, from OpenFlow; by bridge name. */
    private java.util.function.Function<String, List<ControllerStatus>> controllers = b -> List.of();
    private final Map<UUID, Map<String, Object>> writtenControllers = new java.util.HashMap<>();

    void setControllers(java.util.function.Function<String, List<ControllerStatus>> source) {
        controllers = source;
    }

    /**
     * The operations to run now.
     *
     * @param curCfg    the next_cfg just applied, or -1 not to touch cur_cfg
     * @param withStats whether to refresh the statistics columns too (every 5 s)
     */
    List<JsonNode> ops(SwitchConfig cfg, Collection<BridgeRuntime> bridges, SystemInfo info, long curCfg,
                       boolean withStats) {
        List<JsonNode> ops = new ArrayList<>();
        if (cfg.root() == null) {
            return ops;
        }
        for (BridgeRuntime br : bridges) {
            bridgeOps(br, ops);
            for (IfaceRuntime i : br.ifaces.values()) {
                ifaceOps(br, i, withStats, ops);
            }
            portOps(br, ops);
            controllerOps(br, withStats, ops);
        }
        rootOps(cfg, info, curCfg, ops);
        return ops;
    }

    /** Forget what was written (after reconnecting, the database may hold anything). */
    void reset() {
        writtenRoot = Map.of();
        writtenPorts.clear();
        writtenControllers.clear();
        datapathWritten = false;
    }

    private void ifaceOps(BridgeRuntime br, IfaceRuntime i, boolean withStats, List<JsonNode> ops) {
        Map<String, Object> now = new LinkedHashMap<>();
        now.put("ofport", i.ofport == -1 ? (Object) (-1L) : (Object) (long) i.ofport);
        now.put("error", i.error == null ? List.of() : i.error);
        OfPort p = i.failed() ? null : br.ofproto.port(i.ofport);
        if (p != null) {
            now.put("admin_state", p.down() ? "down" : "up");
            now.put("link_state", p.linkUp() ? "up" : "down");
            now.put("mac_in_use", Macs.format(p.mac()));
            if (i.dp != null) {
                now.put("mtu", (long) i.dp.netdev().mtu());
                now.put("ifindex", ifindex(i));
            }
        } else {
            for (String c : List.of("admin_state", "link_state", "mac_in_use", "mtu", "ifindex")) {
                now.put(c, List.of());
            }
        }
        Map<String, Object> row = changed(i.written, now);
        if (withStats && i.dp != null) {
            Map<String, Long> stats = stats(i.dp.netdev().stats());
            if (!stats.equals(i.writtenStats)) {
                row.put("statistics", stats);
                i.writtenStats = stats;
            }
        }
        i.written = now;
        if (!row.isEmpty()) {
            ops.add(update("Interface", i.cfg.uuid(), row));
        }
    }

    private void portOps(BridgeRuntime br, List<JsonNode> ops) {
        Map<UUID, Map<String, Object>> byPort = new LinkedHashMap<>();
        for (IfaceRuntime i : br.ifaces.values()) {
            Map<String, Object> now = byPort.computeIfAbsent(i.port.uuid(), u -> new LinkedHashMap<>());
            Integer stpPort = br.stp == null || i.failed() ? null : br.stp.stpPort(i.ofport);
            boolean rstp = br.stp != null && br.stp.rstp;
            Map<String, String> status = Map.of();
            Map<String, Long> statistics = Map.of();
            Map<String, String> rstpStatus = Map.of();
            Map<String, Long> rstpStatistics = Map.of();
            if (stpPort != null && !rstp) {
                StpStatus s = ((Stp) br.stp.engine()).status();
                status = s.portStatusColumn(stpPort);
                statistics = s.portStatisticsColumn(stpPort);
            } else if (stpPort != null) {
                RstpStatus s = ((Rstp) br.stp.engine()).status();
                rstpStatus = s.portStatusColumn(stpPort);
                rstpStatistics = s.portStatisticsColumn(stpPort);
            }
            if (!now.containsKey("status") || !status.isEmpty()) {
                now.put("status", new TreeMap<>(status));
                now.put("statistics", new TreeMap<>(statistics));
                now.put("rstp_status", new TreeMap<>(rstpStatus));
                now.put("rstp_statistics", new TreeMap<>(rstpStatistics));
            }
        }
        byPort.forEach((uuid, now) -> {
            Map<String, Object> row = changed(writtenPorts.getOrDefault(uuid, Map.of()), now);
            writtenPorts.put(uuid, now);
            if (!row.isEmpty()) {
                ops.add(update("Port", uuid, row));
            }
        });
    }

    /**
     * The bridge's Controller rows: is_connected, role, status. The sec_since_* keys change every
     * second; alone they are written with the statistics (every 5 s), as OVS does.
     */
    private void controllerOps(BridgeRuntime br, boolean withStats, List<JsonNode> ops) {
        if (br.cfg == null || br.cfg.controllers().isEmpty()) {
            return;
        }
        List<ControllerStatus> all = controllers.apply(br.name);
        for (SwitchConfig.ControllerConfig c : br.cfg.controllers()) {
            ControllerStatus st = all.stream().filter(x -> x.target().equals(c.target())).findFirst().orElse(null);
            if (st == null) {
                continue;
            }
            Map<String, Object> before = writtenControllers.getOrDefault(c.uuid(), Map.of());
            Map<String, Object> now = new LinkedHashMap<>();
            now.put("is_connected", st.isConnected());
            now.put("role", st.role());
            Map<String, String> status = new TreeMap<>(st.status());
            now.put("status", status);
            Map<String, Object> row = changed(before, now);
            if (!withStats && row.keySet().equals(java.util.Set.of("status"))
                    && before.get("status") instanceof Map<?, ?> old && withoutSeconds(old).equals(withoutSeconds(status))) {
                row.clear();
                now.put("status", old);
            }
            writtenControllers.put(c.uuid(), now);
            if (!row.isEmpty()) {
                ops.add(update("Controller", c.uuid(), row));
            }
        }
    }

    private static Map<?, ?> withoutSeconds(Map<?, ?> m) {
        Map<Object, Object> out = new TreeMap<>();
        m.forEach((k, v) -> {
            if (!String.valueOf(k).startsWith("sec_since_")) {
                out.put(k, v);
            }
        });
        return out;
    }

    private void bridgeOps(BridgeRuntime br, List<JsonNode> ops) {
        Map<String, Object> now = new LinkedHashMap<>();
        now.put("datapath_id", String.format("%016x", br.ofproto.datapathId()));
        now.put("datapath_version", "<built-in>");
        Map<String, String> status = Map.of();
        Map<String, String> rstpStatus = Map.of();
        if (br.stp != null && br.stp.engine() instanceof Stp s) {
            status = s.status().bridgeStatusColumn();
        } else if (br.stp != null && br.stp.engine() instanceof Rstp r) {
            rstpStatus = r.status().bridgeStatusColumn();
        }
        now.put("status", new TreeMap<>(status));
        now.put("rstp_status", new TreeMap<>(rstpStatus));
        Map<String, Object> row = changed(br.written, now);
        br.written = now;
        if (!row.isEmpty()) {
            ops.add(update("Bridge", br.uuid, row));
        }
    }

    private void rootOps(SwitchConfig cfg, SystemInfo info, long curCfg, List<JsonNode> ops) {
        Map<String, Object> now = new LinkedHashMap<>();
        now.put("ovs_version", info.ovsVersion());
        now.put("datapath_types", new SetValue(List.of("netdev")));
        now.put("iface_types", new SetValue(info.ifaceTypes()));
        now.put("dpdk_initialized", info.dpdkInitialized());
        now.put("dpdk_version", info.dpdkVersion());
        Map<String, Object> row = changed(writtenRoot, now);
        writtenRoot = now;
        if (curCfg >= 0 && curCfg != cfg.curCfg()) {
            row.put("cur_cfg", curCfg);
        }
        UUID dp = cfg.datapaths().get("netdev");
        if (dp == null) {
            ObjectNode insert = F.objectNode();
            insert.put("op", "insert");
            insert.put("table", "Datapath");
            insert.put("uuid-name", "dp");
            insert.set("row", datapathRow());
            ops.add(insert);
            ObjectNode mutate = F.objectNode();
            mutate.put("op", "mutate");
            mutate.put("table", "Open_vSwitch");
            mutate.set("where", whereUuid(cfg.root()));
            ArrayNode pair = F.arrayNode().add("netdev").add(F.arrayNode().add("named-uuid").add("dp"));
            mutate.set("mutations", F.arrayNode().add(F.arrayNode().add("datapaths").add("insert")
                    .add(F.arrayNode().add("map").add(F.arrayNode().add(pair)))));
            ops.add(mutate);
            datapathWritten = true;
        } else if (!datapathWritten) {
            ObjectNode up = F.objectNode();
            up.put("op", "update");
            up.put("table", "Datapath");
            up.set("where", whereUuid(dp));
            up.set("row", datapathRow());
            ops.add(up);
            datapathWritten = true;
        }
        if (!row.isEmpty()) {
            ops.add(update("Open_vSwitch", cfg.root(), row));
        }
    }

    /** The Datapath row: what the userspace datapath can do, in OVS's capability names. */
    private static ObjectNode datapathRow() {
        ObjectNode row = F.objectNode();
        row.put("datapath_version", "<built-in>");
        Map<String, String> caps = new TreeMap<>();
        for (String yes : List.of("recirc", "masked_set_action", "tnl_push_pop", "ufid", "trunc", "clone",
                "add_mpls")) {
            caps.put(yes, "true");
        }
        for (String no : List.of("ct_state", "ct_zone", "ct_mark", "ct_label", "ct_state_nat", "ct_orig_tuple",
                "ct_orig_tuple6", "ct_eventmask", "ct_clear", "ct_zero_snat", "explicit_drop_action", "check_pkt_len",
                "lb_output_action", "nd_ext")) {
            caps.put(no, "false");
        }
        caps.put("max_vlan_headers", "2");
        caps.put("max_mpls_depth", "3");
        caps.put("sample_nesting", "10");
        caps.put("max_hash_alg", "0");
        row.set("capabilities", json(caps));
        return row;
    }

    static Map<String, Long> stats(NetdevStats s) {
        Map<String, Long> m = new TreeMap<>();
        m.put("rx_packets", s.rxPackets());
        m.put("tx_packets", s.txPackets());
        m.put("rx_bytes", s.rxBytes());
        m.put("tx_bytes", s.txBytes());
        m.put("rx_errors", s.rxErrors());
        m.put("tx_errors", s.txErrors());
        m.put("rx_dropped", s.rxDropped());
        m.put("tx_dropped", s.txDropped());
        return m;
    }

    /** The kernel's ifindex for tap and af_packet ports; 0 for devices the kernel doesn't see. */
    private static Object ifindex(IfaceRuntime i) {
        String t = i.cfg.type();
        if (t.equals("internal") || t.equals("system") || t.isEmpty()) {
            try {
                return Long.parseLong(Files.readString(Path.of("/sys/class/net", i.name(), "ifindex")).trim());
            } catch (Exception e) {
                return 0L;
            }
        }
        return 0L;
    }

    /** A set-typed column's value written as ["set", [...]], even with one element. */
    record SetValue(List<String> items) {
    }

    private static Map<String, Object> changed(Map<String, Object> before, Map<String, Object> now) {
        Map<String, Object> row = new LinkedHashMap<>();
        now.forEach((k, v) -> {
            if (!Objects.equals(before.get(k), v)) {
                row.put(k, v);
            }
        });
        return row;
    }

    private static ObjectNode update(String table, UUID uuid, Map<String, Object> row) {
        ObjectNode op = F.objectNode();
        op.put("op", "update");
        op.put("table", table);
        op.set("where", whereUuid(uuid));
        ObjectNode r = op.putObject("row");
        row.forEach((k, v) -> r.set(k, json(v)));
        return op;
    }

    private static ArrayNode whereUuid(UUID uuid) {
        return F.arrayNode().add(F.arrayNode().add("_uuid").add("==").add(F.arrayNode().add("uuid").add(uuid.toString())));
    }

    /** A value in OVSDB's notation: atoms as themselves, lists as sets, maps as maps. */
    private static JsonNode json(Object v) {
        if (v instanceof String s) {
            return F.textNode(s);
        } else if (v instanceof Long l) {
            return F.numberNode(l);
        } else if (v instanceof Integer n) {
            return F.numberNode(n);
        } else if (v instanceof Boolean b) {
            return F.booleanNode(b);
        } else if (v instanceof SetValue s) {
            ArrayNode items = F.arrayNode();
            s.items().forEach(items::add);
            return F.arrayNode().add("set").add(items);
        } else if (v instanceof List<?> l) {
            ArrayNode items = F.arrayNode();
            l.forEach(x -> items.add(json(x)));
            return F.arrayNode().add("set").add(items);
        } else if (v instanceof Map<?, ?> m) {
            ArrayNode pairs = F.arrayNode();
            m.forEach((k, x) -> pairs.add(F.arrayNode().add(String.valueOf(k)).add(json(x))));
            return F.arrayNode().add("map").add(pairs);
        }
        throw new IllegalArgumentException("no OVSDB notation for " + v);
    }
}
