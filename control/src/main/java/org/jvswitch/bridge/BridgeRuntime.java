package org.jvswitch.bridge;

import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.jvswitch.bridge.SwitchConfig.BridgeConfig;
import org.jvswitch.ofproto.Ofproto;

/**
 * One bridge as the switch runs it: its OpenFlow switch ({@link Ofproto}), the interfaces it has
 * made, its MAC address and spanning tree. Owned by the bridge thread (the Ofproto inside is
 * shared with the translation threads and guards itself).
 */
final class BridgeRuntime {
    final UUID uuid;
    final String name;
    final Ofproto ofproto;
    BridgeConfig cfg;
    /** The bridge's Ethernet address (its LOCAL port's, and the default datapath id). */
    long mac;
    /** Interfaces by name. */
    final Map<String, IfaceRuntime> ifaces = new TreeMap<>();
    /** Spanning tree (STP or RSTP), or null when neither is enabled. */
    BridgeStp stp;
    /** The OpenFlow configuration (controllers, fail mode, protocols) last applied. */
    org.jvswitch.openflow.BridgeOfConfig ofConfig;
    /** Status last written (Bridge:status, rstp_status, datapath_id). */
    Map<String, Object> written = Map.of();

    BridgeRuntime(UUID uuid, String name, Ofproto ofproto) {
        this.uuid = uuid;
        this.name = name;
        this.ofproto = ofproto;
    }

    IfaceRuntime byOfport(int ofport) {
        for (IfaceRuntime i : ifaces.values()) {
            if (i.ofport == ofport) {
                return i;
            }
        }
        return null;
    }

    /** The lowest free OpenFlow port number from 1. */
    int freeOfport() {
        int n = 1;
        while (byOfport(n) != null) {
            n++;
        }
        return n;
    }
}
