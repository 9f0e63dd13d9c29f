package org.jvswitch.dpif;

import org.jvswitch.netdev.Netdev;

/** A port of the datapath: its number (odp port), name, and the netdev behind it. */
public record DpPort(int portNo, String name, Netdev netdev) {
}
