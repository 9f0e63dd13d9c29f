package org.jvswitch.stp;

/**
 * Default port path costs from link speed, as OVS derives them when {@code stp-path-cost} or
 * {@code rstp-path-cost} is not set. OVS reads the speed from the netdev's current features,
 * assuming 100 Mb/s when it is unknown; pass 0 for unknown.
 */
public final class PathCost {

    private PathCost() {
    }

    /** 802.1D-1998 Table 8-5 recommended values, as OVS's {@code stp_convert_speed_to_cost}. */
    public static int stp(long speedMbps) {
        return speedMbps >= 10_000 ? 2
                : speedMbps >= 1_000 ? 4
                : speedMbps >= 100 ? 19
                : speedMbps >= 16 ? 62
                : speedMbps >= 10 ? 100
                : speedMbps >= 4 ? 250
                : 19;                       // unknown: assume 100 Mb/s, as OVS does
    }

    /** 802.1D-2004 Table 17-3, as OVS's {@code rstp_convert_speed_to_cost}. */
    public static long rstp(long speedMbps) {
        return speedMbps >= 10_000_000 ? 2
                : speedMbps >= 1_000_000 ? 20
                : speedMbps >= 100_000 ? 200
                : speedMbps >= 10_000 ? 2_000
                : speedMbps >= 1_000 ? 20_000
                : speedMbps >= 100 ? 200_000
                : speedMbps >= 10 ? 2_000_000
                : speedMbps >= 1 ? 20_000_000
                : Rstp.DEFAULT_PORT_PATH_COST;  // unknown: 100 Mb/s
    }
}
