package org.jvswitch.ofproto;

import org.jvswitch.dataplane.flow.FlowField;
import org.jvswitch.dataplane.flow.FlowKey;

/**
 * VLAN actions on the flow being translated: push (the new outer tag copies the old outer tag's
 * VID and PCP, as OpenFlow says), pop, and set VID/PCP (pushing a tag first where OpenFlow 1.0's
 * set_vlan_vid would). The datapath pops and pushes come from the commit at the next output.
 */
final class VlanActions {
    private VlanActions() {
    }

    static void push(XlateContext ctx, int tpid) {
        long[] f = ctx.flow;
        ctx.unwildcard(FlowKey.W_VLAN, 0xffffffff00000000L);
        int tci = (int) FlowField.VLAN0_TCI.get(f, 0);
        long outer = f[FlowKey.W_VLAN] >>> 32;
        int newTci = FlowKey.VLAN_CFI | ((tci & FlowKey.VLAN_CFI) != 0 ? tci & 0xefff : 0);
        f[FlowKey.W_VLAN] = (long) tpid << 48 | (long) newTci << 32 | outer;
        ctx.wrote(FlowKey.W_VLAN, -1L);
    }

    static void pop(XlateContext ctx) {
        long[] f = ctx.flow;
        ctx.unwildcard(FlowKey.W_VLAN, -1L);
        f[FlowKey.W_VLAN] = f[FlowKey.W_VLAN] << 32;
        ctx.wrote(FlowKey.W_VLAN, -1L);
    }

    static void setVid(XlateContext ctx, int vid, boolean pushIfNone) {
        int tci = (int) FlowField.VLAN0_TCI.get(ctx.flow, 0);
        ctx.unwildcard(FlowField.VLAN0_TCI);
        if ((tci & FlowKey.VLAN_CFI) == 0) {
            if (!pushIfNone) {
                return;
            }
            push(ctx, FlowKey.ETH_TYPE_VLAN);
            tci = FlowKey.VLAN_CFI;
        }
        FlowField.VLAN0_TCI.set(ctx.flow, 0, tci & 0xf000 | vid & 0xfff);
        ctx.wrote(FlowKey.W_VLAN, FlowField.VLAN0_TCI.wordMask);
    }

    static void setPcp(XlateContext ctx, int pcp, boolean pushIfNone) {
        int tci = (int) FlowField.VLAN0_TCI.get(ctx.flow, 0);
        ctx.unwildcard(FlowField.VLAN0_TCI);
        if ((tci & FlowKey.VLAN_CFI) == 0) {
            if (!pushIfNone) {
                return;
            }
            push(ctx, FlowKey.ETH_TYPE_VLAN);
            tci = FlowKey.VLAN_CFI;
        }
        FlowField.VLAN0_TCI.set(ctx.flow, 0, tci & 0x1fff | (pcp & 7) << 13);
        ctx.wrote(FlowKey.W_VLAN, FlowField.VLAN0_TCI.wordMask);
    }
}
