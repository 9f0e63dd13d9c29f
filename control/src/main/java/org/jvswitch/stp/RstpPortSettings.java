package org.jvswitch.stp;

import java.util.Map;
import org.slf4j.Logger;

/**
 * Per-port RSTP settings, from the {@code Port} table's {@code other_config}. The engine
 * validates priority and path cost as OVS does: out of range, the previous value stays.
 *
 * @param enabled        {@code rstp-enable} (default true): false keeps the port out of RSTP
 *                       and it always forwards; don't add such ports to the engine
 * @param portNum        {@code rstp-port-num}, 1..4095; 0 to let the engine pick the lowest free
 * @param priority       {@code rstp-port-priority}: 0..240, rounded down to a multiple of 16;
 *                       default 128
 * @param pathCost       {@code rstp-path-cost}: 1..200000000, default from the link speed
 * @param adminEdge      {@code rstp-port-admin-edge} (default false)
 * @param autoEdge       {@code rstp-port-auto-edge} (default true)
 * @param adminP2pMac    {@code rstp-admin-p2p-mac}: 0 force false, 1 force true (default),
 *                       2 auto (read as false, as OVS does)
 * @param adminPortState {@code rstp-admin-port-state} (default true)
 * @param mcheck         {@code rstp-port-mcheck}: when true, force a protocol migration check
 */
public record RstpPortSettings(boolean enabled, int portNum, int priority, long pathCost,
                               boolean adminEdge, boolean autoEdge, AdminP2p adminP2pMac,
                               boolean adminPortState, boolean mcheck) {

    /** adminPointToPointMAC (6.4.3). */
    public enum AdminP2p {
        FORCE_FALSE, FORCE_TRUE, AUTO;

        static AdminP2p of(long v) {
            return v == 0 ? FORCE_FALSE : v == 2 ? AUTO : FORCE_TRUE;
        }
    }

    public static final int DEFAULT_PRIORITY = 128;

    /** Defaults for a port whose link runs at {@code speedMbps} (0 if unknown). */
    public static RstpPortSettings defaults(long speedMbps) {
        return new RstpPortSettings(true, 0, DEFAULT_PRIORITY, PathCost.rstp(speedMbps), false,
                true, AdminP2p.FORCE_TRUE, true, false);
    }

    public RstpPortSettings withPriority(int p) {
        return new RstpPortSettings(enabled, portNum, p, pathCost, adminEdge, autoEdge, adminP2pMac,
                adminPortState, mcheck);
    }

    public RstpPortSettings withPathCost(long cost) {
        return new RstpPortSettings(enabled, portNum, priority, cost, adminEdge, autoEdge,
                adminP2pMac, adminPortState, mcheck);
    }

    public RstpPortSettings withAdminEdge(boolean edge) {
        return new RstpPortSettings(enabled, portNum, priority, pathCost, edge, autoEdge,
                adminP2pMac, adminPortState, mcheck);
    }

    /**
     * Reads the {@code rstp-*} port keys. An {@code rstp-port-num} outside 1..4095 disables
     * RSTP on the port with an error logged, as OVS does.
     */
    public static RstpPortSettings fromOtherConfig(String portName, Map<String, String> oc,
                                                   long speedMbps, Logger log) {
        boolean enabled = OtherConfig.getBool(oc, "rstp-enable", true);
        int portNum = 0;
        if (oc.containsKey("rstp-port-num")) {
            long n = OtherConfig.getLong(oc, "rstp-port-num", 0);
            if (n < 1 || n > Rstp.MAX_PORTS) {
                log.error("port {}: invalid rstp-port-num", portName);
                enabled = false;
            } else {
                portNum = (int) n;
            }
        }
        long prio = OtherConfig.getLong(oc, "rstp-port-priority", DEFAULT_PRIORITY);
        return new RstpPortSettings(enabled, portNum,
                (int) OtherConfig.clamp(prio, Integer.MIN_VALUE, Integer.MAX_VALUE),
                OtherConfig.getLong(oc, "rstp-path-cost", PathCost.rstp(speedMbps)),
                OtherConfig.getBool(oc, "rstp-port-admin-edge", false),
                OtherConfig.getBool(oc, "rstp-port-auto-edge", true),
                AdminP2p.of(OtherConfig.getLong(oc, "rstp-admin-p2p-mac", 1)),
                OtherConfig.getBool(oc, "rstp-admin-port-state", true),
                OtherConfig.getBool(oc, "rstp-port-mcheck", false));
    }
}
