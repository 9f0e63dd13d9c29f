package org.jvswitch.ofproto;

import java.util.List;

/**
 * An OpenFlow meter: its bands (drop or DSCP remark, each a rate and a burst), its unit (kbit/s
 * or packets/s), and the datapath meter that enforces it. Immutable; statistics live in the
 * datapath meter.
 *
 * @param flags  OFPMF_* (KBPS 1, PKTPS 2, BURST 4, STATS 8)
 * @param dpId   the datapath meter's id (in {@link org.jvswitch.dataplane.meter.DpMeters})
 */
public record OfMeter(int id, int flags, List<Band> bands, int dpId, long createdMillis) {
    public static final int KBPS = 1;
    public static final int PKTPS = 2;
    public static final int BURST = 4;
    public static final int STATS = 8;

    /** OFPMBT_* band types. */
    public static final int DROP = 1;
    public static final int DSCP_REMARK = 2;

    /**
     * @param precLevel DSCP remark: how many drop-precedence levels to add
     */
    public record Band(int type, long rate, long burst, int precLevel) {
    }

    public OfMeter {
        bands = List.copyOf(bands);
    }

    public boolean pktps() {
        return (flags & PKTPS) != 0;
    }
}
