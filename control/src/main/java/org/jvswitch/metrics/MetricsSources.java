package org.jvswitch.metrics;

import org.jvswitch.dpif.DpifNetdev;
import org.jvswitch.ovsdb.server.OvsdbServer;

/**
 * What the metrics service reads, each asked for at every scrape (so a datapath that starts late,
 * or a bridge layer that arrives later, is picked up): the datapath (its PMD threads, ports,
 * flows, upcall handlers and revalidators), the names of its ports, and the embedded OVSDB
 * server. Anything may be null or absent; its metrics are then simply not there.
 */
public interface MetricsSources {

    /** The datapath, or null while there is none (starting, or DPDK failed). */
    DpifNetdev datapath();

    /** How datapath ports are labelled (bridge, port, interface). */
    default InterfaceDirectory interfaces() {
        return InterfaceDirectory.DATAPATH_NAMES;
    }

    /** The OVSDB server running in this process, or null (a remote database, or none). */
    default OvsdbServer ovsdb() {
        return null;
    }
}
