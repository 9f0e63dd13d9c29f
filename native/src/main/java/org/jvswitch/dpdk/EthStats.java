package org.jvswitch.dpdk;

/**
 * A port's basic counters (struct rte_eth_stats): packets and bytes each way, packets the NIC
 * dropped for lack of descriptors ({@code rxMissed}), errors, and receives that found no mbuf.
 */
public record EthStats(long rxPackets, long txPackets, long rxBytes, long txBytes, long rxMissed,
                       long rxErrors, long txErrors, long rxNoMbuf) {
    public static final EthStats ZERO = new EthStats(0, 0, 0, 0, 0, 0, 0, 0);
}
