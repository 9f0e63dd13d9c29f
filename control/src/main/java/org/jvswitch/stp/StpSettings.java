package org.jvswitch.stp;

import java.util.Map;
import org.slf4j.Logger;

/**
 * Bridge-wide STP settings, from the {@code Bridge} table's {@code other_config}.
 *
 * @param systemId     {@code stp-system-id}: the 48-bit MAC in the bridge ID (default: the
 *                     bridge's MAC address)
 * @param priority     {@code stp-priority}: 0..65535, default 32768
 * @param helloTime    {@code stp-hello-time} in seconds, default 2
 * @param maxAge       {@code stp-max-age} in seconds, default 20
 * @param forwardDelay {@code stp-forward-delay} in seconds, default 15
 *
 * <p>Out-of-range times are clamped by {@link Stp}, as OVS clamps them: hello time to 1..10 s,
 * max age to max(6, 2 x (hello + 1))..40 s, forward delay to max age / 2 + 1..30 s
 * ({@link Stp#helloTimeMillis()} and friends return what is in use).
 */
public record StpSettings(long systemId, int priority, int helloTime, int maxAge, int forwardDelay) {

    public static final int DEFAULT_PRIORITY = 32768;
    public static final int DEFAULT_HELLO_TIME = 2;
    public static final int DEFAULT_MAX_AGE = 20;
    public static final int DEFAULT_FORWARD_DELAY = 15;

    /** Defaults for a bridge whose MAC address is {@code bridgeMac}. */
    public static StpSettings defaults(long bridgeMac) {
        return new StpSettings(bridgeMac, DEFAULT_PRIORITY, DEFAULT_HELLO_TIME, DEFAULT_MAX_AGE,
                DEFAULT_FORWARD_DELAY);
    }

    /** The 64-bit bridge identifier these settings give. */
    public long bridgeId() {
        return BridgeId.of(priority, systemId);
    }

    /**
     * Reads {@code stp-system-id}, {@code stp-priority}, {@code stp-hello-time},
     * {@code stp-max-age} and {@code stp-forward-delay}. An invalid system ID falls back to
     * {@code bridgeMac} with an error logged, as OVS does; a priority outside 0..65535 is
     * clamped (OVS truncates it to 16 bits). OVS reads {@code stp-hello-time} as milliseconds
     * by mistake (its documentation says seconds); jvswitch reads seconds.
     */
    public static StpSettings fromOtherConfig(String bridgeName, Map<String, String> oc,
                                              long bridgeMac, Logger log) {
        long systemId = bridgeMac;
        String id = oc.get("stp-system-id");
        if (id != null) {
            long mac = BridgeId.parseMac(id);
            if (mac < 0) {
                log.error("bridge {}: invalid stp-system-id, defaulting to {}", bridgeName,
                        BridgeId.formatMac(bridgeMac));
            } else {
                systemId = mac;
            }
        }
        long prio = OtherConfig.getLong(oc, "stp-priority", DEFAULT_PRIORITY);
        if (prio < 0 || prio > 0xFFFF) {
            log.warn("bridge {}: stp-priority {} out of range 0..65535, clamped", bridgeName, prio);
            prio = OtherConfig.clamp(prio, 0, 0xFFFF);
        }
        return new StpSettings(systemId, (int) prio,
                seconds(oc, "stp-hello-time", DEFAULT_HELLO_TIME),
                seconds(oc, "stp-max-age", DEFAULT_MAX_AGE),
                seconds(oc, "stp-forward-delay", DEFAULT_FORWARD_DELAY));
    }

    private static int seconds(Map<String, String> oc, String key, int dflt) {
        return (int) OtherConfig.clamp(OtherConfig.getLong(oc, key, dflt), 0, 3600);
    }
}
