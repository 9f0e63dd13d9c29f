package org.jvswitch.ofproto;

import java.util.List;

/**
 * An OpenFlow flow_mod in version-neutral form.
 *
 * @param table    0..254, or {@link #ALL_TABLES} (deletes)
 * @param outPort  {@link OfKey#OFPP_ANY} for no filter
 * @param outGroup {@link #ANY_GROUP} for no filter
 */
public record FlowMod(Command command, int table, long[] key, long[] mask, int priority, long cookie, long cookieMask,
                      int idleTimeout, int hardTimeout, int flags, int importance, int outPort, int outGroup,
                      List<OfAction> actions) {
    public static final int ALL_TABLES = 0xff;
    public static final int ANY_GROUP = 0xffffffff;
    public static final int DEFAULT_PRIORITY = 0x8000;

    public enum Command { ADD, MODIFY, MODIFY_STRICT, DELETE, DELETE_STRICT }
}
