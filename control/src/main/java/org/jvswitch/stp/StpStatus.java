package org.jvswitch.stp;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * An immutable snapshot of an {@link Stp}, published after every call that changes it; any
 * thread may read it. Also renders the values OVS writes to the database: the {@code Bridge}
 * table's {@code status} column and the {@code Port} table's {@code status} and
 * {@code statistics} columns.
 *
 * <p>Times are in whole seconds, as {@code stp/show} prints them.
 */
public final class StpStatus {

    /**
     * One managed port.
     *
     * @param stateEnteredMillis engine clock when the state last changed
     */
    public record Port(int portNo, String name, int portId, StpPortState state, StpPortRole role,
                       int pathCost, long designatedRoot, long designatedCost, long designatedBridge,
                       int designatedPort, long txCount, long rxCount, long errorCount,
                       long stateEnteredMillis) {

        public int priority() {
            return portId >>> 8;
        }
    }

    private final String name;
    private final long bridgeId;
    private final long designatedRoot;
    private final long rootPathCost;
    private final int rootPortNo;
    /** The bridge's own times (used when it is root) and the times in use (from the root). */
    private final int bridgeHelloTime;
    private final int bridgeMaxAge;
    private final int bridgeForwardDelay;
    private final int helloTime;
    private final int maxAge;
    private final int forwardDelay;
    private final List<Port> ports;
    private final Port[] byPortNo;
    private final long clockMillis;

    StpStatus(String name, StpBridge b, long clockMillis) {
        this.name = name;
        this.bridgeId = b.bridgeId;
        this.designatedRoot = b.designatedRoot;
        this.rootPathCost = b.rootPathCost;
        this.rootPortNo = b.rootPort == null ? 0 : b.rootPort.portNo;
        this.bridgeHelloTime = seconds(b.bridgeHelloTime);
        this.bridgeMaxAge = seconds(b.bridgeMaxAge);
        this.bridgeForwardDelay = seconds(b.bridgeForwardDelay);
        this.helloTime = seconds(b.helloTime);
        this.maxAge = seconds(b.maxAge);
        this.forwardDelay = seconds(b.forwardDelay);
        this.byPortNo = new Port[b.ports.length];
        java.util.ArrayList<Port> list = new java.util.ArrayList<>();
        for (StpPort p : b.ports) {
            if (p != null) {
                Port s = new Port(p.portNo, p.name, p.portId, p.state, role(b, p), p.pathCost,
                        p.designatedRoot, p.designatedCost, p.designatedBridge, p.designatedPort,
                        p.txCount, p.rxCount, p.errorCount, p.stateEnteredMillis);
                list.add(s);
                byPortNo[p.portNo] = s;
            }
        }
        this.ports = List.copyOf(list);
        this.clockMillis = clockMillis;
    }

    private static int seconds(int ticks) {
        return ticks * 1000 / StpBridge.HZ / 1000;
    }

    /** Role as OVS derives it; a disabled port reports "disabled" (OVS says "designated"). */
    private static StpPortRole role(StpBridge b, StpPort p) {
        if (!p.enabled()) {
            return StpPortRole.DISABLED;
        }
        if (p == b.rootPort) {
            return StpPortRole.ROOT;
        }
        return b.isDesignatedPort(p) ? StpPortRole.DESIGNATED : StpPortRole.ALTERNATE;
    }

    public String name() {
        return name;
    }

    public long bridgeId() {
        return bridgeId;
    }

    public long designatedRoot() {
        return designatedRoot;
    }

    public long rootPathCost() {
        return rootPathCost;
    }

    /** The root port's number, or 0 when this bridge is the root. */
    public int rootPortNo() {
        return rootPortNo;
    }

    public boolean isRoot() {
        return designatedRoot == bridgeId;
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

    public int helloTime() {
        return helloTime;
    }

    public int maxAge() {
        return maxAge;
    }

    public int forwardDelay() {
        return forwardDelay;
    }

    /** Engine clock when this snapshot was taken. */
    public long clockMillis() {
        return clockMillis;
    }

    /** Managed ports in port number order. */
    public List<Port> ports() {
        return ports;
    }

    /** The port numbered {@code portNo}, or null if the engine does not manage it. */
    public Port port(int portNo) {
        return portNo > 0 && portNo < byPortNo.length ? byPortNo[portNo] : null;
    }

    /** {@code Bridge:status}: stp_bridge_id, stp_designated_root, stp_root_path_cost. */
    public Map<String, String> bridgeStatusColumn() {
        Map<String, String> m = new TreeMap<>();
        m.put("stp_bridge_id", BridgeId.formatStp(bridgeId));
        m.put("stp_designated_root", BridgeId.formatStp(designatedRoot));
        m.put("stp_root_path_cost", Long.toString(rootPathCost));
        return m;
    }

    /**
     * {@code Port:status} for {@code portNo}: stp_port_id (decimal, as OVS 3.x writes it),
     * stp_state, stp_sec_in_state, stp_role; empty if the port is not managed (OVS clears it).
     */
    public Map<String, String> portStatusColumn(int portNo) {
        Port p = port(portNo);
        Map<String, String> m = new TreeMap<>();
        if (p != null) {
            m.put("stp_port_id", Integer.toString(p.portId()));
            m.put("stp_state", p.state().ovsName());
            m.put("stp_sec_in_state", Long.toString(Math.max(0, clockMillis - p.stateEnteredMillis()) / 1000));
            m.put("stp_role", p.role().ovsName());
        }
        return m;
    }

    /** {@code Port:statistics} for {@code portNo}: stp_tx_count, stp_rx_count, stp_error_count. */
    public Map<String, Long> portStatisticsColumn(int portNo) {
        Port p = port(portNo);
        Map<String, Long> m = new TreeMap<>();
        if (p != null) {
            m.put("stp_tx_count", p.txCount());
            m.put("stp_rx_count", p.rxCount());
            m.put("stp_error_count", p.errorCount());
        }
        return m;
    }

    /** The {@code stp/show} text for this bridge. */
    public String show() {
        return StpShow.format(this);
    }
}
