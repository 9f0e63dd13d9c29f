package org.jvswitch.ofproto;

import org.jvswitch.dataplane.action.DpAction;
import org.jvswitch.dataplane.flow.FlowField;
import org.jvswitch.dataplane.flow.FlowKey;

/**
 * MPLS actions. A push or pop changes what the packet is, so it is committed at once: pending
 * field changes first, then the datapath push_mpls/pop_mpls; the flow then describes the new
 * packet (its L3 fields are hidden under, or revealed from, the label).
 */
final class MplsActions {
    private MplsActions() {
    }

    static void push(XlateContext ctx, int ethType) {
        ctx.unwildcard(FlowField.ETH_TYPE);
        long[] f = ctx.flow;
        int oldType = FlowKey.ethType(f, 0);
        int ttl = 64;
        if (oldType == FlowKey.ETH_TYPE_IP || oldType == FlowKey.ETH_TYPE_IPV6) {
            ctx.unwildcard(FlowField.NW_TTL);
            ttl = (int) FlowField.NW_TTL.get(f, 0);
        }
        int lse;
        if (oldType == FlowKey.ETH_TYPE_MPLS || oldType == FlowKey.ETH_TYPE_MPLS_MCAST) {
            ctx.unwildcard(FlowField.MPLS_LSE);
            lse = (int) FlowField.MPLS_LSE.get(f, 0) & ~0x100;
        } else {
            lse = 0x100 | ttl & 0xff;
        }
        ctx.commit();
        ctx.actions.add(new DpAction.PushMpls(lse, ethType));
        FlowField.ETH_TYPE.set(f, 0, ethType);
        FlowField.MPLS_LSE.set(f, 0, lse & 0xffffffffL);
        System.arraycopy(f, 0, ctx.base, 0, FlowKey.WORDS);
    }

    static void pop(XlateContext ctx, int ethType) {
        long[] f = ctx.flow;
        ctx.unwildcard(FlowField.ETH_TYPE);
        int oldType = FlowKey.ethType(f, 0);
        if (oldType != FlowKey.ETH_TYPE_MPLS && oldType != FlowKey.ETH_TYPE_MPLS_MCAST) {
            return;
        }
        ctx.commit();
        ctx.actions.add(new DpAction.PopMpls(ethType));
        FlowField.ETH_TYPE.set(f, 0, ethType);
        FlowField.MPLS_LSE.set(f, 0, 0);
        System.arraycopy(f, 0, ctx.base, 0, FlowKey.WORDS);
    }

    static void decTtl(XlateContext ctx) {
        adjustTtl(ctx, -1, -1);
    }

    static void setTtl(XlateContext ctx, int ttl) {
        adjustTtl(ctx, 0, ttl);
    }

    private static void adjustTtl(XlateContext ctx, int delta, int absolute) {
        int t = FlowKey.ethType(ctx.flow, 0);
        if (t != FlowKey.ETH_TYPE_MPLS && t != FlowKey.ETH_TYPE_MPLS_MCAST) {
            return;
        }
        ctx.unwildcard(FlowField.MPLS_LSE);
        int lse = (int) FlowField.MPLS_LSE.get(ctx.flow, 0);
        int ttl = absolute >= 0 ? absolute : Math.max(0, (lse & 0xff) + delta);
        FlowField.MPLS_LSE.set(ctx.flow, 0, (lse & ~0xff | ttl & 0xff) & 0xffffffffL);
        ctx.wrote(FlowField.MPLS_LSE.word, FlowField.MPLS_LSE.wordMask);
    }

    static void copyTtlOut(XlateContext ctx) {
        // The IP TTL under the label is not visible in the flow once MPLS is pushed; nothing to copy.
    }

    static void copyTtlIn(XlateContext ctx) {
        // As above: the inner TTL is set when the label is popped.
    }
}
