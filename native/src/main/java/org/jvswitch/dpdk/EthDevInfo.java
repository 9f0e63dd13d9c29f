package org.jvswitch.dpdk;

/**
 * What a DPDK port can do (the fields of rte_eth_dev_info jvswitch uses; see jvs_eth_dev_info in
 * jvs_shim.h).
 */
public record EthDevInfo(String driverName, int ifIndex, int minMtu, int maxMtu, int maxRxPktLen,
                         int maxRxQueues, int maxTxQueues, int nbRxQueues, int nbTxQueues,
                         int rxDescMin, int rxDescMax, int txDescMin, int txDescMax,
                         long rxOffloadCapa, long txOffloadCapa, long rssOffloads, int devFlags,
                         int socketId) {
    /** RTE_ETH_DEV_INTR_LSC: the driver reports link changes with an interrupt. */
    public static final int DEV_INTR_LSC = 1 << 1;

    public boolean supportsLscInterrupt() {
        return (devFlags & DEV_INTR_LSC) != 0;
    }
}
