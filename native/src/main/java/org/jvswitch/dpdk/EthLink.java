package org.jvswitch.dpdk;

/** A port's link: speed in Mbps (0 when unknown), duplex, autonegotiation, up or down. */
public record EthLink(int speedMbps, boolean fullDuplex, boolean autoneg, boolean up) {
    public static final EthLink DOWN = new EthLink(0, false, false, false);
}
