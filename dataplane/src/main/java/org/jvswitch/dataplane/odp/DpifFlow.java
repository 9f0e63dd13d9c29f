package org.jvswitch.dataplane.odp;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.jvswitch.dataplane.action.DpAction;
import org.jvswitch.dataplane.flow.FlowKey;
import org.jvswitch.dataplane.flow.Ufid;

/**
 * One datapath flow as dpctl/dump-flows shows it (OVS's {@code struct dpif_flow}): what a PMD
 * thread's flow table hands the control threads, which {@link DpifFlowFormat} prints.
 *
 * @param ufid        the flow's UFID, or null (then verbose output has no "ufid:")
 * @param key         {@link FlowKey} layout; masked or not, both print
 * @param mask        same layout
 * @param packets     packets that hit the flow
 * @param bytes       their bytes
 * @param usedMillis  when a packet last hit it, on the clock the formatter's "now" uses; -1 for never
 * @param tcpFlags    TCP flags seen (OR of all packets), 0 for none
 * @param actions     datapath actions, empty for drop
 * @param dpExtraInfo what verbose output shows after "dp-extra-info:" (OVS: "miniflow_bits(4,1)"),
 *                    or null for nothing
 */
public record DpifFlow(Ufid ufid, long[] key, long[] mask, long packets, long bytes, long usedMillis, int tcpFlags,
                       List<DpAction> actions, String dpExtraInfo) {

    public DpifFlow {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(mask, "mask");
        Objects.requireNonNull(actions, "actions");
    }

    /** A flow with no statistics yet. */
    public static DpifFlow of(Ufid ufid, long[] key, long[] mask, List<DpAction> actions) {
        return new DpifFlow(ufid, key, mask, 0, 0, -1, 0, actions, null);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DpifFlow f && Objects.equals(f.ufid, ufid) && Arrays.equals(f.key, key)
                && Arrays.equals(f.mask, mask) && f.packets == packets && f.bytes == bytes
                && f.usedMillis == usedMillis && f.tcpFlags == tcpFlags && f.actions.equals(actions)
                && Objects.equals(f.dpExtraInfo, dpExtraInfo);
    }

    @Override
    public int hashCode() {
        return Objects.hash(ufid, Arrays.hashCode(key), Arrays.hashCode(mask), packets, bytes, actions);
    }

    @Override
    public String toString() {
        return DpifFlowFormat.format(this, usedMillis < 0 ? 0 : usedMillis, true, PortNames.NUMBERS);
    }
}
