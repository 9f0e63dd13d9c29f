package org.jvswitch.stp;

import java.util.Map;
import org.slf4j.Logger;

/**
 * Per-port STP settings, from the {@code Port} table's {@code other_config}.
 *
 * @param enabled  {@code stp-enable} (default true): false keeps the port out of STP
 *                 entirely, and it always forwards, as in OVS; don't add such ports to the engine
 * @param portNum  {@code stp-port-num}, 1..255; 0 when not set (the bridge numbers ports
 *                 sequentially, and OVS requires all ports or none to set it)
 * @param priority {@code stp-port-priority}, 0..255, default 128
 * @param pathCost {@code stp-path-cost}, 1..65535, default from the link speed
 */
public record StpPortSettings(boolean enabled, int portNum, int priority, int pathCost) {

    public static final int DEFAULT_PRIORITY = 128;

    /** Defaults for a port whose link runs at {@code speedMbps} (0 if unknown). */
    public static StpPortSettings defaults(long speedMbps) {
        return new StpPortSettings(true, 0, DEFAULT_PRIORITY, PathCost.stp(speedMbps));
    }

    /**
     * Reads {@code stp-enable}, {@code stp-port-num}, {@code stp-port-priority} and
     * {@code stp-path-cost}. An {@code stp-port-num} outside 1..255 disables STP on the port
     * with an error logged, as OVS does; priority and path cost are clamped to their ranges.
     */
    public static StpPortSettings fromOtherConfig(String portName, Map<String, String> oc,
                                                  long speedMbps, Logger log) {
        boolean enabled = OtherConfig.getBool(oc, "stp-enable", true);
        int portNum = 0;
        if (oc.containsKey("stp-port-num")) {
            long n = OtherConfig.getLong(oc, "stp-port-num", 0);
            if (n < 1 || n > Stp.MAX_PORTS) {
                log.error("port {}: invalid stp-port-num", portName);
                enabled = false;
            } else {
                portNum = (int) n;
            }
        }
        long prio = OtherConfig.getLong(oc, "stp-port-priority", DEFAULT_PRIORITY);
        long cost = OtherConfig.getLong(oc, "stp-path-cost", PathCost.stp(speedMbps));
        if (prio < 0 || prio > 255) {
            log.warn("port {}: stp-port-priority {} out of range 0..255, clamped", portName, prio);
        }
        if (cost < 1 || cost > 0xFFFF) {
            log.warn("port {}: stp-path-cost {} out of range 1..65535, clamped", portName, cost);
        }
        return new StpPortSettings(enabled, portNum, (int) OtherConfig.clamp(prio, 0, 255),
                (int) OtherConfig.clamp(cost, 1, 0xFFFF));
    }
}
