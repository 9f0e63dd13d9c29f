package org.jvswitch.bridge;

import java.util.Map;
import org.jvswitch.bridge.SwitchConfig.IfaceConfig;
import org.jvswitch.bridge.SwitchConfig.PortConfig;
import org.jvswitch.dpif.DpPort;

/**
 * What the switch made of one Interface row: the datapath port behind it (none for patch ports,
 * or when it could not be created), its OpenFlow port number, and the error that stopped it.
 * Mutable; owned by the bridge thread.
 */
final class IfaceRuntime {
    IfaceConfig cfg;
    PortConfig port;
    /** The datapath port, or null (patch port, or failed). */
    DpPort dp;
    /** The OpenFlow port number, or -1 when the interface failed. */
    int ofport = -1;
    /** Why the interface failed (Interface:error), or null. */
    String error;
    /** Whether NORMAL treats it as the working member of a bond (always true for single ports). */
    boolean bondActive = true;
    /** The status columns last written to the database, to write only changes. */
    Map<String, Object> written = Map.of();
    Map<String, Long> writtenStats = Map.of();

    IfaceRuntime(IfaceConfig cfg, PortConfig port) {
        this.cfg = cfg;
        this.port = port;
    }

    String name() {
        return cfg.name();
    }

    boolean failed() {
        return error != null;
    }

    boolean isPatch() {
        return "patch".equals(cfg.type());
    }
}
