package org.jvswitch.metrics;

import org.jvswitch.dpif.DpPort;

/**
 * Names a datapath port the way the configuration does, for the {@code bridge}, {@code port} and
 * {@code interface} labels of the per-interface metrics. The bridge layer implements it (it
 * knows which Interface row of which Port of which Bridge made each datapath port); until it is
 * given one, {@link #DATAPATH_NAMES} labels each port with its datapath name three times.
 *
 * <p>Called on the metrics thread at each scrape, for each datapath port: must be quick, must not
 * block on the bridge thread for long, and may return null for a port it does not know (yet), in
 * which case the port gets the {@link #DATAPATH_NAMES} labels.
 */
@FunctionalInterface
public interface InterfaceDirectory {

    /** The labels of one interface. */
    record Labels(String bridge, String port, String iface) {
    }

    /** Where datapath port {@code port} sits in the configuration, or null if unknown. */
    Labels lookup(DpPort port);

    /** Every label is the datapath port's name. */
    InterfaceDirectory DATAPATH_NAMES = p -> new Labels(p.name(), p.name(), p.name());
}
