package org.jvswitch.stp;

import java.util.Map;
import org.slf4j.Logger;

/**
 * Bridge-wide RSTP settings, from the {@code Bridge} table's {@code other_config}. The engine
 * validates them as OVS does ({@link Rstp#reconfigure}): a value outside its range is rejected
 * with a warning and the previous value stays.
 *
 * @param address              {@code rstp-address}: the 48-bit MAC in the bridge ID (default:
 *                             the bridge's MAC address)
 * @param priority             {@code rstp-priority}: 0..61440, rounded down to a multiple of
 *                             4096; default 32768
 * @param ageingTime           {@code rstp-ageing-time}: 10..1000000 s, default 300 (reported
 *                             only; MAC ageing is the bridge's)
 * @param forceProtocolVersion {@code rstp-force-protocol-version}: 0 (STP compatibility) or 2
 *                             (RSTP, the default)
 * @param maxAge               {@code rstp-max-age}: 6..40 s, default 20
 * @param forwardDelay         {@code rstp-forward-delay}: 4..30 s, default 15; the two must keep
 *                             2 x (forward delay - 1) >= max age
 * @param transmitHoldCount    {@code rstp-transmit-hold-count}: 1..10, default 6
 */
public record RstpSettings(long address, int priority, int ageingTime, int forceProtocolVersion,
                           int maxAge, int forwardDelay, int transmitHoldCount) {

    public static final int DEFAULT_PRIORITY = 32768;
    public static final int DEFAULT_AGEING_TIME = 300;
    public static final int DEFAULT_FORCE_PROTOCOL_VERSION = 2;
    public static final int DEFAULT_MAX_AGE = 20;
    public static final int DEFAULT_FORWARD_DELAY = 15;
    public static final int DEFAULT_TRANSMIT_HOLD_COUNT = 6;

    /** Defaults for a bridge whose MAC address is {@code bridgeMac}. */
    public static RstpSettings defaults(long bridgeMac) {
        return new RstpSettings(bridgeMac, DEFAULT_PRIORITY, DEFAULT_AGEING_TIME,
                DEFAULT_FORCE_PROTOCOL_VERSION, DEFAULT_MAX_AGE, DEFAULT_FORWARD_DELAY,
                DEFAULT_TRANSMIT_HOLD_COUNT);
    }

    /** A copy with {@code priority} replaced. */
    public RstpSettings withPriority(int p) {
        return new RstpSettings(address, p, ageingTime, forceProtocolVersion, maxAge, forwardDelay,
                transmitHoldCount);
    }

    /**
     * Reads the {@code rstp-*} keys. An invalid {@code rstp-address} falls back to
     * {@code bridgeMac} with an error logged, as OVS does; numbers that don't parse give the
     * default. Range checks happen when the engine applies the settings.
     */
    public static RstpSettings fromOtherConfig(String bridgeName, Map<String, String> oc,
                                               long bridgeMac, Logger log) {
        long address = bridgeMac;
        String a = oc.get("rstp-address");
        if (a != null) {
            long mac = BridgeId.parseMac(a);
            if (mac < 0) {
                log.error("bridge {}: invalid rstp-address, defaulting to {}", bridgeName,
                        BridgeId.formatMac(bridgeMac));
            } else {
                address = mac;
            }
        }
        return new RstpSettings(address,
                get(oc, "rstp-priority", DEFAULT_PRIORITY),
                get(oc, "rstp-ageing-time", DEFAULT_AGEING_TIME),
                get(oc, "rstp-force-protocol-version", DEFAULT_FORCE_PROTOCOL_VERSION),
                get(oc, "rstp-max-age", DEFAULT_MAX_AGE),
                get(oc, "rstp-forward-delay", DEFAULT_FORWARD_DELAY),
                get(oc, "rstp-transmit-hold-count", DEFAULT_TRANSMIT_HOLD_COUNT));
    }

    private static int get(Map<String, String> oc, String key, int dflt) {
        return (int) OtherConfig.clamp(OtherConfig.getLong(oc, key, dflt), Integer.MIN_VALUE,
                Integer.MAX_VALUE);
    }
}
