package org.jvswitch.vswitchd;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jvswitch.dpif.DpPort;
import org.jvswitch.dpif.DpifNetdev;
import org.jvswitch.netdev.Netdev;
import org.jvswitch.netdev.NetdevDpdk;
import org.jvswitch.netdev.NetdevException;
import org.jvswitch.netdev.NetdevStats;
import org.jvswitch.pmd.PmdStats;
import org.jvswitch.pmd.PmdThread;
import org.jvswitch.unixctl.UnixctlConnection;
import org.jvswitch.unixctl.UnixctlJson;
import org.jvswitch.unixctl.UnixctlServer;
import org.jvswitch.vlog.Vlog;
import org.slf4j.Logger;

/**
 * Open vSwitch's {@code dpctl/*} commands for the datapath, through ovs-appctl:
 *
 * <pre>
 *   dpctl/dump-dps
 *   dpctl/show [-s] [DP]
 *   dpctl/add-if DP IFACE...    IFACE = NAME[,type=TYPE][,port_no=N][,KEY=VALUE]...
 *   dpctl/del-if DP IFACE...
 * </pre>
 *
 * As in OVS, the KEY=VALUE pairs other than type and port_no become the interface's options
 * (e.g. {@code dpdk-devargs=net_pcap0,...} is not possible since ',' separates pairs: use a
 * vdev without arguments or a PCI address), and the datapath may be named {@code ovs-netdev}
 * or {@code netdev@ovs-netdev}.
 */
final class DpctlCommands {
    private static final Logger LOG = Vlog.module("dpctl");

    private final Vswitchd vswitchd;

    private DpctlCommands(Vswitchd vswitchd) {
        this.vswitchd = vswitchd;
    }

    static void register(UnixctlServer server, Vswitchd vswitchd) {
        DpctlCommands c = new DpctlCommands(vswitchd);
        server.register("dpctl/dump-dps", "", 0, 0, (conn, args) -> c.dumpDps(conn));
        server.register("dpctl/show", "[-s] [dp...]", 0, 3, c::show);
        server.register("dpctl/add-if", "dp iface...", 2, Integer.MAX_VALUE, c::addIf);
        server.register("dpctl/del-if", "dp iface...", 2, Integer.MAX_VALUE, c::delIf);
    }

    private DpifNetdev datapath(UnixctlConnection conn, String name) {
        DpifNetdev dp = vswitchd.datapath();
        if (dp == null) {
            conn.error("no datapath: " + vswitchd.datapathFailure());
            return null;
        }
        if (name != null && !name.equals(dp.name()) && !name.equals("netdev@" + dp.name())) {
            conn.error("opening datapath " + name + " failed (No such device)");
            return null;
        }
        return dp;
    }

    private void dumpDps(UnixctlConnection conn) {
        DpifNetdev dp = vswitchd.datapath();
        ObjectNode json = UnixctlJson.object();
        ArrayNode dps = json.putArray("datapaths");
        if (dp != null) {
            dps.add("netdev@" + dp.name());
        }
        conn.reply(json, () -> dp == null ? "" : "netdev@" + dp.name() + "\n");
    }

    private void show(UnixctlConnection conn, String[] args) {
        boolean stats = false;
        String name = null;
        for (String a : args) {
            if (a.equals("-s") || a.equals("--statistics")) {
                stats = true;
            } else {
                name = a;
            }
        }
        DpifNetdev dp = datapath(conn, name);
        if (dp == null) {
            return;
        }
        StringBuilder out = new StringBuilder();
        out.append("netdev@").append(dp.name()).append(":\n");
        long hit = 0;
        long missed = 0;
        long lost = 0;
        int flows = 0;
        List<PmdThread> contexts = new java.util.ArrayList<>(dp.pmds());
        contexts.add(dp.mainContext());
        for (PmdThread p : contexts) {
            PmdStats s = p.stats();
            hit += s.get(PmdStats.SIMPLE_MATCH_HIT) + s.get(PmdStats.EMC_HIT) + s.get(PmdStats.SMC_HIT)
                    + s.get(PmdStats.MEGAFLOW_HIT);
            missed += s.get(PmdStats.MISS);
            lost += s.get(PmdStats.LOST);
            flows += p.flowCount();
        }
        out.append("  lookups: hit:").append(hit).append(" missed:").append(missed).append(" lost:").append(lost)
                .append('\n');
        out.append("  flows: ").append(flows).append('\n');
        ObjectNode json = UnixctlJson.object();
        json.put("name", "netdev@" + dp.name());
        json.putObject("lookups").put("hit", hit).put("missed", missed).put("lost", lost);
        json.put("flows", flows);
        ArrayNode ports = json.putArray("ports");
        for (DpPort p : dp.ports()) {
            out.append("  port ").append(p.portNo()).append(": ").append(p.name()).append(" (")
                    .append(describe(p.netdev())).append(")\n");
            ObjectNode pj = ports.addObject().put("port_no", p.portNo()).put("name", p.name())
                    .put("type", p.netdev().type()).put("description", describe(p.netdev()));
            if (stats) {
                NetdevStats s = p.netdev().stats();
                pj.putObject("statistics").put("rx_packets", s.rxPackets()).put("rx_bytes", s.rxBytes())
                        .put("rx_errors", s.rxErrors()).put("rx_dropped", s.rxDropped())
                        .put("tx_packets", s.txPackets()).put("tx_bytes", s.txBytes()).put("tx_errors", s.txErrors())
                        .put("tx_dropped", s.txDropped());
                out.append(String.format("    RX packets:%d errors:%d dropped:%d overruns:? frame:?%n", s.rxPackets(),
                        s.rxErrors(), s.rxDropped()));
                out.append(String.format("    TX packets:%d errors:%d dropped:%d aborted:? carrier:?%n", s.txPackets(),
                        s.txErrors(), s.txDropped()));
                out.append("    collisions:?\n");
                out.append(String.format("    RX bytes:%d  TX bytes:%d%n", s.rxBytes(), s.txBytes()));
            }
        }
        conn.reply(json, out::toString);
    }

    /** OVS's "type: key=value, ..." port description. */
    private static String describe(Netdev netdev) {
        if (!(netdev instanceof NetdevDpdk d)) {
            return netdev.type();
        }
        Map<String, String> cfg = new LinkedHashMap<>();
        cfg.put("configured_rx_queues", Integer.toString(d.rxQueues()));
        cfg.put("configured_rxq_descriptors", Integer.toString(d.spec().rxDescriptors()));
        cfg.put("configured_tx_queues", Integer.toString(d.txQueues()));
        cfg.put("configured_txq_descriptors", Integer.toString(d.spec().txDescriptors()));
        cfg.put("mtu", Integer.toString(d.mtu()));
        cfg.put("requested_rx_queues", Integer.toString(d.spec().rxQueues()));
        if (d.spec().isVhost()) {
            cfg.put("vhost_socket", d.spec().vhostSocket());
        } else {
            cfg.put("dpdk-devargs", d.spec().devargs());
        }
        StringBuilder sb = new StringBuilder(d.type()).append(": ");
        cfg.forEach((k, v) -> sb.append(k).append('=').append(v).append(", "));
        sb.setLength(sb.length() - 2);
        return sb.toString();
    }

    private void addIf(UnixctlConnection conn, String[] args) {
        DpifNetdev dp = datapath(conn, args[0]);
        if (dp == null) {
            return;
        }
        StringBuilder errors = new StringBuilder();
        for (String spec : List.of(args).subList(1, args.length)) {
            String[] parts = spec.split(",");
            String name = parts[0];
            String type = "system";
            int portNo = -1;
            Map<String, String> options = new LinkedHashMap<>();
            try {
                for (int i = 1; i < parts.length; i++) {
                    int eq = parts[i].indexOf('=');
                    if (eq <= 0) {
                        throw new NetdevException("'" + parts[i] + "' is not KEY=VALUE");
                    }
                    String key = parts[i].substring(0, eq);
                    String value = parts[i].substring(eq + 1);
                    switch (key) {
                        case "type" -> type = value;
                        case "port_no" -> portNo = parsePortNo(value);
                        default -> options.put(key, value);
                    }
                }
                dp.addPort(name, type, options, Map.of(), 0, portNo);
            } catch (NetdevException e) {
                LOG.warn("adding {} to {} failed: {}", name, dp.name(), e.getMessage());
                errors.append("adding ").append(name).append(" to netdev@").append(dp.name()).append(" failed: ")
                        .append(e.getMessage()).append('\n');
            }
        }
        answer(conn, errors);
    }

    private void delIf(UnixctlConnection conn, String[] args) {
        DpifNetdev dp = datapath(conn, args[0]);
        if (dp == null) {
            return;
        }
        StringBuilder errors = new StringBuilder();
        for (String name : List.of(args).subList(1, args.length)) {
            try {
                dp.deletePort(name);
            } catch (NetdevException e) {
                errors.append("deleting ").append(name).append(" from netdev@").append(dp.name()).append(" failed: ")
                        .append(e.getMessage()).append('\n');
            }
        }
        answer(conn, errors);
    }

    private static void answer(UnixctlConnection conn, StringBuilder errors) {
        if (errors.isEmpty()) {
            conn.reply("");
        } else {
            conn.error(errors.toString());
        }
    }

    private static int parsePortNo(String v) {
        try {
            return Integer.parseInt(v);
        } catch (NumberFormatException e) {
            throw new NetdevException("port_no '" + v + "' is not a number");
        }
    }
}
