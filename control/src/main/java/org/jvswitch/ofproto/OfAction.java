package org.jvswitch.ofproto;

import java.util.List;
import org.jvswitch.dataplane.flow.FlowField;

/**
 * OpenFlow actions and instructions as translation executes them, independent of any protocol
 * version's encoding (the OpenFlow layer converts from and to openflowj's objects). A rule's
 * "actions" are a list of these; instructions (goto-table, write-metadata, write/clear actions,
 * meter) are among them, as OVS's ofpacts are.
 */
public sealed interface OfAction {
    /** Output to an OpenFlow port (or a reserved one: IN_PORT, NORMAL, FLOOD, ALL, CONTROLLER, LOCAL, TABLE). */
    record Output(int port, int maxLen) implements OfAction {
        public Output(int port) {
            this(port, 0xffff);
        }
    }

    /** Send to the controllers as a packet-in with this reason (OFPR_*). */
    record Controller(int maxLen, int reason, int controllerId) implements OfAction {
    }

    /**
     * Set (masked) a packet or metadata field. {@code value} and {@code mask} hold the field's
     * value unshifted (one word; 128-bit fields use {@code value2}/{@code mask2} for the low half).
     */
    record SetField(FlowField field, long value, long mask, long value2, long mask2) implements OfAction {
        public static SetField of(FlowField field, long value) {
            long all = field.bits >= 64 ? -1L : (1L << field.bits) - 1;
            return new SetField(field, value, all, 0, 0);
        }

        public static SetField masked(FlowField field, long value, long mask) {
            return new SetField(field, value, mask, 0, 0);
        }
    }

    /** Set register {@code reg} bits {@code [ofs, ofs+nBits)} (NXM's reg_load and set_field on regs). */
    record SetReg(int reg, long value, long mask) implements OfAction {
    }

    /** Copy bits between fields (NXM's reg_move / OXM copy_field); source and destination are field refs. */
    record Move(FieldRef src, FieldRef dst) implements OfAction {
    }

    record PushVlan(int tpid) implements OfAction {
    }

    record PopVlan() implements OfAction {
    }

    /** Set the VLAN id (adds a tag with vid if none, OF1.0 semantics). */
    record SetVlanVid(int vid, boolean pushIfNone) implements OfAction {
    }

    record SetVlanPcp(int pcp, boolean pushIfNone) implements OfAction {
    }

    record StripVlan() implements OfAction {
    }

    record PushMpls(int ethType) implements OfAction {
    }

    record PopMpls(int ethType) implements OfAction {
    }

    /** Decrement the IP TTL; on expiry, a packet-in (reason invalid TTL) to controllers that asked. */
    record DecTtl() implements OfAction {
    }

    record DecMplsTtl() implements OfAction {
    }

    record SetMplsTtl(int ttl) implements OfAction {
    }

    record CopyTtlOut() implements OfAction {
    }

    record CopyTtlIn() implements OfAction {
    }

    /** NXAST_RESUBMIT(_TABLE): look the flow up again with in_port {@code port} (OFPP_IN_PORT: same) in {@code table} (255: same). */
    record Resubmit(int port, int table) implements OfAction {
    }

    record Group(int groupId) implements OfAction {
    }

    record SetQueue(int queueId) implements OfAction {
    }

    /**
     * set_field to tun_metadata{@code index}: {@code value} under {@code mask}, both as long as the
     * field's TLV mapping (right-aligned). The field becomes present.
     */
    record SetTunMetadata(int index, byte[] value, byte[] mask) implements OfAction {
        @Override
        public boolean equals(Object o) {
            return o instanceof SetTunMetadata t && t.index == index && java.util.Arrays.equals(t.value, value)
                    && java.util.Arrays.equals(t.mask, mask);
        }

        @Override
        public int hashCode() {
            return index * 31 + java.util.Arrays.hashCode(value) * 7 + java.util.Arrays.hashCode(mask);
        }
    }

    // ---- instructions ----

    record GotoTable(int table) implements OfAction {
    }

    record WriteMetadata(long value, long mask) implements OfAction {
    }

    record Meter(int meterId) implements OfAction {
    }

    record ClearActions() implements OfAction {
    }

    /** Adds to the action set, which runs when the pipeline ends. */
    record WriteActions(List<OfAction> actions) implements OfAction {
    }

    /** A field (or register) slice for moves: {@code field} null means register {@code reg}. */
    record FieldRef(FlowField field, int reg, int ofs, int nBits) {
    }
}
