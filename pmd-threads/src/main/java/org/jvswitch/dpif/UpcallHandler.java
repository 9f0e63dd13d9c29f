package org.jvswitch.dpif;

import java.util.List;
import org.jvswitch.dataplane.action.DpAction;
import org.jvswitch.pmd.Upcall;

/**
 * Decides what happens to a packet the datapath could not handle on its own (Open vSwitch's
 * upcall callback): a miss (no flow matched) or a userspace action. Called on an upcall handler
 * thread, never on a PMD; may take its time.
 */
@FunctionalInterface
public interface UpcallHandler {
    /**
     * @return what to do with the packet, or null to drop it (a failed upcall)
     */
    Result handle(Upcall upcall);

    /**
     * @param actions the actions to execute on this packet now (empty: drop it)
     * @param mask    for a miss, the megaflow mask of a flow to install with these actions for
     *                packets like it (null: install nothing)
     */
    record Result(List<DpAction> actions, long[] mask) {
    }

    /** The handler of a datapath nobody translates for: every miss is dropped. */
    UpcallHandler DROP = u -> null;
}
