package org.jvswitch.dataplane.action;

import java.util.Arrays;
import java.util.List;
import org.jvswitch.dataplane.flow.FlowField;

/**
 * A datapath action, as Open vSwitch's datapath flow syntax names them ({@code 2},
 * {@code set(ipv4(src=...))}, {@code push_vlan(vid=10,pcp=0)}, {@code recirc(0x1)}, ...).
 *
 * <p>This is the slow-path form: what parsers produce, formatters print and translation builds.
 * {@link ActionCompiler} turns a list of these into the compact program the fast path runs. An
 * empty list is {@code drop}.
 */
public sealed interface DpAction {

    /** Sends a copy of the packet (the packet itself if nothing follows) out of a port. */
    record Output(int port) implements DpAction {
    }

    /** Sends the packet to the control threads with opaque user data (odp "userspace"). */
    record Userspace(int pid, byte[] userdata) implements DpAction {
        @Override
        public boolean equals(Object o) {
            return o instanceof Userspace u && u.pid == pid && Arrays.equals(u.userdata, userdata);
        }

        @Override
        public int hashCode() {
            return pid * 31 + Arrays.hashCode(userdata);
        }
    }

    /**
     * Sets the bits of {@code field} selected by {@code mask} to those of {@code value} (odp
     * "set" when the mask is all ones, "set_masked" otherwise). 128-bit fields use two words,
     * high first; narrower fields use one word holding the field's value (not shifted).
     */
    record SetField(FlowField field, long[] value, long[] mask) implements DpAction {
        public static SetField of(FlowField field, long value) {
            long all = field.bits >= 64 ? -1L : (1L << field.bits) - 1;
            return new SetField(field, new long[] {value}, new long[] {all});
        }

        public boolean isMasked() {
            for (int i = 0; i < mask.length; i++) {
                long all = field.words == 2 || field.bits >= 64 ? -1L : (1L << field.bits) - 1;
                if (mask[i] != all) {
                    return true;
                }
            }
            return false;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof SetField s && s.field == field && Arrays.equals(s.value, value)
                    && Arrays.equals(s.mask, mask);
        }

        @Override
        public int hashCode() {
            return field.hashCode() * 31 + Arrays.hashCode(value) * 7 + Arrays.hashCode(mask);
        }
    }

    /** Pushes an 802.1Q (tpid 0x8100) or 802.1ad (0x88a8) tag; {@code tci} with the CFI bit set. */
    record PushVlan(int tpid, int tci) implements DpAction {
    }

    /** Removes the outermost VLAN tag. */
    record PopVlan() implements DpAction {
    }

    /** Pushes an MPLS label stack entry; the packet's eth_type becomes {@code ethType}. */
    record PushMpls(int lse, int ethType) implements DpAction {
    }

    /** Pops the top MPLS label; the packet's eth_type becomes {@code ethType}. */
    record PopMpls(int ethType) implements DpAction {
    }

    /** Runs the packet through the datapath again with recirc_id {@code id}. */
    record Recirc(int id) implements DpAction {
    }

    /** Computes dp_hash: {@code alg} 0 = hash of the L4 5-tuple (odp hash(l4(basis))), 1 = symmetric L4. */
    record Hash(int alg, int basis) implements DpAction {
        public static final int L4 = 0;
        public static final int SYM_L4 = 1;
    }

    /** Runs {@code actions} on a copy of the packet, leaving the original as it was. */
    record Clone(List<DpAction> actions) implements DpAction {
    }

    /**
     * With probability {@code probability}/2^32 runs {@code actions} on a copy of the packet
     * (odp {@code sample(sample=P%,actions(...))}).
     */
    record Sample(long probability, List<DpAction> actions) implements DpAction {
    }

    /** Truncates the packet to {@code maxLen} bytes for the next output only. */
    record Truncate(int maxLen) implements DpAction {
    }

    /** Passes the packet through meter {@code id}, which may drop it. */
    record Meter(int id) implements DpAction {
    }

    /**
     * Encapsulates the packet in place in a prebuilt outer header (odp
     * {@code tnl_push(tnl_port(P),header(...),out_port(O))}): the Ethernet, IP and UDP/GRE
     * headers with per-packet fields left zero (see {@code TunnelHeader}). As in OVS it does not
     * send the packet: the actions after it do (ofproto puts both in a {@code clone}), and
     * {@code outPort} only records the underlay port the route chose. {@code headerType} is the
     * odp tunnel type (gre 3, vxlan 4, geneve 5, ip6gre 109).
     */
    record TunnelPush(int tnlPort, int headerType, byte[] header, int outPort) implements DpAction {
        @Override
        public boolean equals(Object o) {
            return o instanceof TunnelPush t && t.tnlPort == tnlPort && t.headerType == headerType
                    && Arrays.equals(t.header, header) && t.outPort == outPort;
        }

        @Override
        public int hashCode() {
            return tnlPort * 31 + Arrays.hashCode(header) + outPort;
        }
    }

    /**
     * Decapsulates a packet for tunnel vport {@code tnlPort} and recirculates it with the vport as
     * in_port and the outer headers as tunnel metadata; bad outer headers are dropped, counted by
     * reason.
     */
    record TunnelPop(int tnlPort) implements DpAction {
    }
}
