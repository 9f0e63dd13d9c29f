package org.jvswitch.stp;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * An immutable snapshot of an {@link Rstp}, published after every call that changes it; any
 * thread may read it. Also renders the values OVS writes to the database: the {@code Bridge}
 * table's {@code rstp_status} column and the {@code Port} table's {@code rstp_status} and
 * {@code rstp_statistics} columns.
 */
public final class RstpStatus {

    /**
     * One managed port. {@code designated*} are the port priority vector's components: the
     * designated bridge and port for the port's LAN and the root path cost it offers.
     */
    public record Port(int portNo, String name, int portId, int priority, long pathCost,
                       RstpPortRole role, RstpPortState state, long designatedBridgeId,
                       int designatedPortId, long designatedPathCost, boolean sendRstp,
                       boolean operEdge, boolean portEnabled, long txCount, long rxCount,
                       long errorCount, long uptime, long stateEnteredMillis) {
    }

    private final String name;
    private final long bridgeId;
    private final long rootId;
    private final long rootPathCost;
    private final long designatedId;
    private final int designatedPortId;
    private final int bridgePortId;
    private final int rootPortNo;
    private final boolean root;
    /** The bridge's own times, and the root's times as received on the root port. */
    private final int bridgeHelloTime;
    private final int bridgeMaxAge;
    private final int bridgeForwardDelay;
    private final int rootHelloTime;
    private final int rootMaxAge;
    private final int rootForwardDelay;
    private final int forceProtocolVersion;
    private final int ageingTime;
    /** In port number order, so {@link #port} can binary-search it. */
    private final List<Port> ports;
    private final long clockMillis;

    RstpStatus(RstpBridge b, long clockMillis) {
        this.name = b.name;
        this.bridgeId = b.bridgeId;
        PriorityVector r = b.rootPriority;
        this.rootId = r.rootBridgeId();
        this.rootPathCost = r.rootPathCost();
        this.designatedId = r.designatedBridgeId();
        this.designatedPortId = r.designatedPortId();
        this.bridgePortId = r.bridgePortId();
        RstpPort rp = b.rootPort();
        this.rootPortNo = rp == null ? 0 : rp.portNo;
        this.root = b.isRootBridge();
        this.bridgeHelloTime = b.bridgeTimes.helloTime();
        this.bridgeMaxAge = b.bridgeTimes.maxAge();
        this.bridgeForwardDelay = b.bridgeTimes.forwardDelay();
        RstpTimes rt = rp == null ? b.rootTimes : rp.designatedTimes;
        this.rootHelloTime = rt.helloTime();
        this.rootMaxAge = rt.maxAge();
        this.rootForwardDelay = rt.forwardDelay();
        this.forceProtocolVersion = b.forceProtocolVersion;
        this.ageingTime = b.ageingTime;
        List<Port> list = new ArrayList<>(b.ports.size());
        for (RstpPort p : b.ports.values()) {
            PriorityVector pp = p.portPriority;
            Port s = new Port(p.portNo, p.name, p.portId, p.priority, p.pathCost, p.role, p.state,
                    pp.designatedBridgeId(), pp.designatedPortId(), pp.rootPathCost(), p.sendRstp,
                    p.operEdge, p.portEnabled, p.txBpdus, p.rxBpdus, p.errorCount, p.uptime,
                    p.stateEnteredMillis);
            list.add(s);
        }
        this.ports = List.copyOf(list);
        this.clockMillis = clockMillis;
    }

    public String name() {
        return name;
    }

    public long bridgeId() {
        return bridgeId;
    }

    public long rootId() {
        return rootId;
    }

    public long rootPathCost() {
        return rootPathCost;
    }

    /** The root priority vector's designated bridge: the bridge the root port listens to. */
    public long designatedId() {
        return designatedId;
    }

    public int designatedPortId() {
        return designatedPortId;
    }

    /** The root port's identifier, 0 if this bridge is root. */
    public int bridgePortId() {
        return bridgePortId;
    }

    /** The root port's number, 0 if this bridge is root. */
    public int rootPortNo() {
        return rootPortNo;
    }

    public boolean isRoot() {
        return root;
    }

    public int bridgeHelloTime() {
        return bridgeHelloTime;
    }

    public int bridgeMaxAge() {
        return bridgeMaxAge;
    }

    public int bridgeForwardDelay() {
        return bridgeForwardDelay;
    }

    public int forceProtocolVersion() {
        return forceProtocolVersion;
    }

    /** {@code rstp-ageing-time} in seconds, for the bridge's MAC learning table. */
    public int ageingTime() {
        return ageingTime;
    }

    public long clockMillis() {
        return clockMillis;
    }

    /** Managed ports in port number order. */
    public List<Port> ports() {
        return ports;
    }

    /** The port numbered {@code portNo}, or null if the engine does not manage it. */
    public Port port(int portNo) {
        int lo = 0;
        int hi = ports.size() - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            int n = ports.get(mid).portNo();
            if (n == portNo) {
                return ports.get(mid);
            }
            if (n < portNo) {
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        return null;
    }

    /**
     * {@code Bridge:rstp_status}: rstp_bridge_id, rstp_root_id, rstp_designated_id (as
     * {@code 8.000.0a1b2c3d4e5f}), rstp_root_path_cost, rstp_designated_port_id and
     * rstp_bridge_port_id (4 hex digits).
     */
    public Map<String, String> bridgeStatusColumn() {
        Map<String, String> m = new TreeMap<>();
        m.put("rstp_bridge_id", BridgeId.formatRstp(bridgeId));
        m.put("rstp_root_path_cost", Long.toString(rootPathCost));
        m.put("rstp_root_id", BridgeId.formatRstp(rootId));
        m.put("rstp_designated_id", BridgeId.formatRstp(designatedId));
        m.put("rstp_designated_port_id", String.format("%04x", designatedPortId));
        m.put("rstp_bridge_port_id", String.format("%04x", bridgePortId));
        return m;
    }

    /**
     * {@code Port:rstp_status} for {@code portNo}: rstp_port_id, rstp_port_role,
     * rstp_port_state, rstp_designated_bridge_id, rstp_designated_port_id,
     * rstp_designated_path_cost; empty if the port is not managed (OVS clears it).
     */
    public Map<String, String> portStatusColumn(int portNo) {
        Port p = port(portNo);
        Map<String, String> m = new TreeMap<>();
        if (p != null) {
            m.put("rstp_port_id", String.format("%04x", p.portId()));
            m.put("rstp_port_role", p.role().ovsName());
            m.put("rstp_port_state", p.state().ovsName());
            m.put("rstp_designated_bridge_id", BridgeId.formatRstp(p.designatedBridgeId()));
            m.put("rstp_designated_port_id", String.format("%04x", p.designatedPortId()));
            m.put("rstp_designated_path_cost", Long.toString(p.designatedPathCost()));
        }
        return m;
    }

    /** {@code Port:rstp_statistics}: rstp_tx_count, rstp_rx_count, rstp_error_count, rstp_uptime. */
    public Map<String, Long> portStatisticsColumn(int portNo) {
        Port p = port(portNo);
        Map<String, Long> m = new TreeMap<>();
        if (p != null) {
            m.put("rstp_tx_count", p.txCount());
            m.put("rstp_rx_count", p.rxCount());
            m.put("rstp_error_count", p.errorCount());
            m.put("rstp_uptime", p.uptime());
        }
        return m;
    }

    /** The {@code rstp/show} text for this bridge. */
    public String show() {
        StringBuilder sb = new StringBuilder(512);
        sb.append("---- ").append(name).append(" ----\n");
        sb.append("Root ID:\n");
        if (root) {
            idDetails(sb, bridgeId, bridgeHelloTime, bridgeMaxAge, bridgeForwardDelay);
            sb.append("  This bridge is the root\n");
        } else {
            Port rp = port(rootPortNo);
            if (rp == null) {
                sb.append("unknown root port\n");
                return sb.toString();
            }
            idDetails(sb, rootId, rootHelloTime, rootMaxAge, rootForwardDelay);
            sb.append("  root-port       ").append(rp.name()).append('\n');
            sb.append("  root-path-cost  ").append(rootPathCost).append('\n');
        }
        sb.append('\n');
        sb.append("Bridge ID:\n");
        idDetails(sb, bridgeId, bridgeHelloTime, bridgeMaxAge, bridgeForwardDelay);
        sb.append('\n');
        sb.append("  ").append(StpShow.col("Interface", 11)).append(StpShow.col("Role", 11))
                .append(StpShow.col("State", 11)).append(StpShow.col("Cost", 9))
                .append(StpShow.col("Pri.Nbr", 8)).append('\n');
        sb.append("  ---------- ---------- ---------- -------- -------\n");
        for (Port p : ports) {
            if (p.state() == RstpPortState.DISABLED) {
                continue;
            }
            sb.append("  ").append(StpShow.col(p.name(), 11))
                    .append(StpShow.col(p.role().ovsName(), 11))
                    .append(StpShow.col(p.state().ovsName(), 11))
                    .append(String.format("%-9d", p.pathCost()))
                    .append(p.priority()).append('.').append(p.portNo()).append('\n');
        }
        sb.append('\n');
        return sb.toString();
    }

    private static void idDetails(StringBuilder sb, long id, int hello, int maxAge, int fwdDelay) {
        sb.append("  stp-priority    ").append(BridgeId.priority(id)).append('\n');
        sb.append("  stp-system-id   ").append(BridgeId.formatMac(BridgeId.mac(id))).append('\n');
        sb.append("  stp-hello-time  ").append(hello).append("s\n");
        sb.append("  stp-max-age     ").append(maxAge).append("s\n");
        sb.append("  stp-fwd-delay   ").append(fwdDelay).append("s\n");
    }
}
