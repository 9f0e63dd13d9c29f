package org.jvswitch.dataplane.action;

import java.util.ArrayList;
import java.util.List;
import org.jvswitch.dataplane.flow.FlowField;
import org.jvswitch.dataplane.flow.FlowKey;
import org.jvswitch.dataplane.tunnel.TunnelHeader;

/**
 * Compiles datapath actions into an {@link ActionProgram}, deciding once how each packet-consuming
 * instruction hands the packet on:
 *
 * <ul>
 * <li>the last instruction of a program (or of a clone/sample body, which owns its copies)
 *     {@link ActionProgram#STEAL}s the packet;</li>
 * <li>an earlier one {@link ActionProgram#SHARE}s it (one more reference, no copy) when nothing
 *     after it at the same level changes the packet's bytes or sends it round again;</li>
 * <li>otherwise it gets a copy.</li>
 * </ul>
 *
 * Set actions on metadata (skb_mark, skb_priority, dp_hash, tunnel, ct fields) become
 * {@code SET_META} on key words; sets on headers become per-header instructions. Anything the
 * datapath cannot do throws {@link IllegalArgumentException} with a one-line reason.
 */
public final class ActionCompiler {
    private ActionCompiler() {
    }

    public static ActionProgram compile(List<DpAction> actions) {
        List<Object> side = new ArrayList<>();
        long[] code = emit(actions, side);
        return new ActionProgram(code, side.toArray(), actions);
    }

    private static long[] emit(List<DpAction> actions, List<Object> side) {
        List<long[]> parts = new ArrayList<>();
        for (DpAction a : actions) {
            parts.add(instruction(a, side));
        }
        // Flags for consuming instructions: scan from the end, tracking whether anything later
        // modifies the packet.
        boolean modifiedLater = false;
        for (int i = parts.size() - 1; i >= 0; i--) {
            long[] ins = parts.get(i);
            int op = (int) ins[0];
            if (consumes(op)) {
                boolean last = i == parts.size() - 1;
                ins[ins.length - 1] = last ? ActionProgram.STEAL
                        : !modifiedLater && op == ActionProgram.OUTPUT ? ActionProgram.SHARE : 0;
            }
            if (modifies(op)) {
                modifiedLater = true;
            }
        }
        int total = 0;
        for (long[] p : parts) {
            total += p.length;
        }
        long[] code = new long[total];
        int pc = 0;
        for (long[] p : parts) {
            System.arraycopy(p, 0, code, pc, p.length);
            pc += p.length;
        }
        return code;
    }

    private static boolean consumes(int op) {
        return op == ActionProgram.OUTPUT || op == ActionProgram.RECIRC || op == ActionProgram.TNL_POP;
    }

    /** Whether an instruction changes the packet's bytes (or sends it round again). */
    private static boolean modifies(int op) {
        return switch (op) {
            case ActionProgram.OUTPUT, ActionProgram.USERSPACE, ActionProgram.SET_META, ActionProgram.HASH,
                 ActionProgram.CLONE, ActionProgram.SAMPLE, ActionProgram.METER -> false;
            default -> true;
        };
    }

    private static long[] instruction(DpAction a, List<Object> side) {
        return switch (a) {
            case DpAction.Output o -> new long[] {ActionProgram.OUTPUT, o.port(), 0};
            case DpAction.Userspace u -> {
                side.add(u.userdata());
                yield new long[] {ActionProgram.USERSPACE, u.pid(), side.size() - 1};
            }
            case DpAction.SetField s -> setField(s);
            case DpAction.PushVlan p -> {
                if (p.tpid() != FlowKey.ETH_TYPE_VLAN && p.tpid() != FlowKey.ETH_TYPE_VLAN_8021AD) {
                    throw new IllegalArgumentException("push_vlan: tpid 0x" + Integer.toHexString(p.tpid())
                            + " is not 0x8100 or 0x88a8");
                }
                yield new long[] {ActionProgram.PUSH_VLAN, p.tpid(), p.tci() & 0xffff};
            }
            case DpAction.PopVlan p -> new long[] {ActionProgram.POP_VLAN};
            case DpAction.PushMpls p -> new long[] {ActionProgram.PUSH_MPLS, p.lse() & 0xffffffffL, p.ethType()};
            case DpAction.PopMpls p -> new long[] {ActionProgram.POP_MPLS, p.ethType()};
            case DpAction.Recirc r -> new long[] {ActionProgram.RECIRC, r.id() & 0xffffffffL, 0};
            case DpAction.Hash h -> new long[] {ActionProgram.HASH, h.alg(), h.basis() & 0xffffffffL};
            case DpAction.Clone c -> nested(new long[] {ActionProgram.CLONE, 0}, 1, emit(c.actions(), side));
            case DpAction.Sample s -> nested(new long[] {ActionProgram.SAMPLE, s.probability(), 0}, 2,
                    emit(s.actions(), side));
            case DpAction.Truncate t -> new long[] {ActionProgram.TRUNC, t.maxLen()};
            case DpAction.Meter m -> new long[] {ActionProgram.METER, m.id() & 0xffffffffL};
            case DpAction.TunnelPush t -> {
                side.add(TunnelHeader.of(t));
                yield new long[] {ActionProgram.TNL_PUSH, side.size() - 1, 0};
            }
            case DpAction.TunnelPop t -> new long[] {ActionProgram.TNL_POP, t.tnlPort(), 0};
        };
    }

    private static long[] nested(long[] head, int lengthAt, long[] body) {
        head[lengthAt] = body.length;
        long[] out = new long[head.length + body.length];
        System.arraycopy(head, 0, out, 0, head.length);
        System.arraycopy(body, 0, out, head.length, body.length);
        return out;
    }

    private static long[] setField(DpAction.SetField s) {
        FlowField f = s.field();
        long v = s.value()[0];
        long m = s.mask()[0];
        return switch (f) {
            case DP_HASH, PKT_MARK, SKB_PRIORITY, CT_MARK, CT_STATE, CT_ZONE, TUN_ID, TUN_SRC, TUN_DST, TUN_FLAGS,
                 TUN_TOS, TUN_TTL, TUN_TP_SRC, TUN_TP_DST -> new long[] {ActionProgram.SET_META, f.word,
                    (v << f.shift) & f.wordMask, (m << f.shift) & f.wordMask};
            case CT_LABEL, TUN_IPV6_SRC, TUN_IPV6_DST -> new long[] {ActionProgram.SET_META, f.word, v, m,
                    ActionProgram.SET_META, f.word + 1, s.value()[1], s.mask()[1]};
            case ETH_DST -> new long[] {ActionProgram.SET_ETH_DST, v, m};
            case ETH_SRC -> new long[] {ActionProgram.SET_ETH_SRC, v, m};
            case NW_SRC -> new long[] {ActionProgram.SET_NW_SRC, v, m};
            case NW_DST -> new long[] {ActionProgram.SET_NW_DST, v, m};
            case NW_TOS -> new long[] {ActionProgram.SET_NW_TOS, v, m};
            case NW_TTL -> new long[] {ActionProgram.SET_NW_TTL, v, m};
            case IPV6_SRC -> new long[] {ActionProgram.SET_IPV6_SRC, v, s.value()[1], m, s.mask()[1]};
            case IPV6_DST -> new long[] {ActionProgram.SET_IPV6_DST, v, s.value()[1], m, s.mask()[1]};
            case IPV6_LABEL -> new long[] {ActionProgram.SET_IPV6_LABEL, v, m};
            case TP_SRC -> new long[] {ActionProgram.SET_TP_SRC, v, m};
            case TP_DST -> new long[] {ActionProgram.SET_TP_DST, v, m};
            case MPLS_LSE -> new long[] {ActionProgram.SET_MPLS_LSE, v, m};
            case ARP_SHA -> new long[] {ActionProgram.SET_ARP_SHA, v, m};
            case ARP_THA -> new long[] {ActionProgram.SET_ARP_THA, v, m};
            default -> throw new IllegalArgumentException("set(" + f.name().toLowerCase() + ") is not a datapath"
                    + " action: use push/pop actions or a header field");
        };
    }
}
