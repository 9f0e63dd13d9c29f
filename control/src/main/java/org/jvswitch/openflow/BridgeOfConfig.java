package org.jvswitch.openflow;

import java.util.List;
import java.util.Set;
import org.jvswitch.openflow.codec.OfWire;
import org.jvswitch.ovsdb.server.SslConfig;

/**
 * A bridge's OpenFlow configuration from its Bridge row (and the SSL table).
 *
 * @param controllers the Controller rows the bridge references
 * @param standalone  fail_mode: true for "standalone" (the default, also for an empty column),
 *                    false for "secure"
 * @param versions    protocols: OpenFlow wire versions (1 = OpenFlow10 .. 6 = OpenFlow15); empty
 *                    means Open vSwitch's default, OpenFlow 1.0 to 1.4
 * @param ssl         the SSL table's files for ssl:/pssl: controllers, or null
 */
public record BridgeOfConfig(List<ControllerConfig> controllers, boolean standalone, Set<Integer> versions,
                             SslConfig ssl) {
    /** OVS's default protocols: OpenFlow10 .. OpenFlow14. */
    public static final Set<Integer> DEFAULT_VERSIONS = Set.of(OfWire.OF10, OfWire.OF11, OfWire.OF12, OfWire.OF13,
            OfWire.OF14);

    public BridgeOfConfig {
        controllers = List.copyOf(controllers);
        versions = versions == null || versions.isEmpty() ? DEFAULT_VERSIONS : Set.copyOf(versions);
    }

    /** No controllers, standalone, default protocols. */
    public static BridgeOfConfig defaults() {
        return new BridgeOfConfig(List.of(), true, Set.of(), null);
    }

    /**
     * Parses the protocols column's names (OpenFlow10 .. OpenFlow15); unknown names are
     * ignored, as ovs-vswitchd does.
     */
    public static Set<Integer> parseProtocols(java.util.Collection<String> names) {
        java.util.Set<Integer> out = new java.util.TreeSet<>();
        for (String n : names) {
            int v = OfWire.versionOf(n);
            if (v > 0) {
                out.add(v);
            }
        }
        return out;
    }

    public BridgeOfConfig withControllers(List<ControllerConfig> c) {
        return new BridgeOfConfig(c, standalone, versions, ssl);
    }

    public BridgeOfConfig withFailMode(boolean isStandalone) {
        return new BridgeOfConfig(controllers, isStandalone, versions, ssl);
    }

    public BridgeOfConfig withVersions(Set<Integer> v) {
        return new BridgeOfConfig(controllers, standalone, v, ssl);
    }
}
