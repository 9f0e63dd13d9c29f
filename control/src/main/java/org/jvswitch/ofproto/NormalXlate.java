package org.jvswitch.ofproto;

import org.jvswitch.dataplane.flow.FlowField;
import org.jvswitch.dataplane.flow.FlowKey;

/**
 * The NORMAL action: an 802.1Q learning switch over the bridge's ports (Open vSwitch's
 * xlate_normal).
 *
 * <ol>
 * <li>Work out the packet's VLAN from its tag and the input port's vlan_mode, tag and trunks
 *     (see {@link VlanMode}); a packet the port may not carry is dropped.</li>
 * <li>Learn the source MAC on (VLAN, input port), if spanning tree lets the port learn.</li>
 * <li>A known unicast destination goes out of its port; anything else is flooded to every port
 *     carrying the VLAN (not the input port, not ports spanning tree blocks, not NO_FLOOD ports).
 *     Each output gets the tag its port wants.</li>
 * </ol>
 *
 * The megaflow depends on in_port, the MAC addresses and the VLAN tag; a change of the MAC table
 * changes the bridge's version, and the revalidators re-translate.
 */
final class NormalXlate {
    private NormalXlate() {
    }

    static void normal(XlateContext ctx) {
        Ofproto br = ctx.bridge;
        int inOfport = ctx.inPort();
        OfPort in = br.port(inOfport);
        if (in == null) {
            return;
        }
        long[] f = ctx.flow;
        ctx.unwildcard(FlowField.ETH_DST);
        ctx.unwildcard(FlowField.ETH_SRC);
        ctx.unwildcard(FlowField.VLAN0_TCI);
        ctx.unwildcard(FlowField.VLAN0_TPID);
        long dst = FlowField.ETH_DST.get(f, 0);
        long src = FlowField.ETH_SRC.get(f, 0);
        if ((dst & 0xfffffffffff0L) == 0x0180c2000000L && !br.forwardBpdu()) {
            return; // reserved multicast (BPDUs, LACP, ...): never forwarded by NORMAL
        }
        int vlan = inputVlan(in, (int) FlowField.VLAN0_TCI.get(f, 0));
        if (vlan < 0) {
            return;
        }
        PortGate gate = br.gate();
        if (gate.learnPermitted(inOfport) && (src & 0x010000000000L) == 0) {
            LearnedMac learned = new LearnedMac(br, vlan, src, inOfport);
            ctx.learned.add(learned);
            if (ctx.sideEffects) {
                learned.refresh(ctx.nowMillis);
            }
        }
        if (!gate.forwardPermitted(inOfport)) {
            return;
        }
        int pcp = (int) FlowField.VLAN0_TCI.get(f, 0) & 0xe000;
        long[] saved = ctx.saveFlow();
        if ((dst & 0x010000000000L) == 0) {
            int out = br.macs().lookup(vlan, dst, ctx.nowMillis);
            if (out >= 0) {
                OfPort p = br.port(out);
                if (out != inOfport && p != null && p.inVlan(vlan) && gate.forwardPermitted(out)) {
                    outputWithVlan(ctx, p, vlan, pcp);
                }
                ctx.restoreFlow(saved);
                return;
            }
        }
        for (OfPort p : br.ports()) {
            if (p.ofport() == inOfport || p.noFlood() || !p.inVlan(vlan) || !gate.forwardPermitted(p.ofport())) {
                continue;
            }
            outputWithVlan(ctx, p, vlan, pcp);
            ctx.restoreFlow(saved);
        }
        ctx.restoreFlow(saved);
    }

    /** The VLAN a packet with outer tci {@code tci} belongs to on {@code in}, or -1 to drop it. */
    static int inputVlan(OfPort in, int tci) {
        boolean tagged = (tci & FlowKey.VLAN_CFI) != 0;
        int vid = tci & 0xfff;
        return switch (in.vlanMode()) {
            case ACCESS -> tagged && vid != 0 ? -1 : Math.max(in.tag(), 0);
            case DOT1Q_TUNNEL -> Math.max(in.tag(), 0);
            case TRUNK -> {
                int v = tagged ? vid : 0;
                yield in.inVlan(v) || !tagged && in.trunks().isEmpty() ? v : -1;
            }
            case NATIVE_TAGGED, NATIVE_UNTAGGED -> {
                int v = tagged && vid != 0 ? vid : Math.max(in.tag(), 0);
                yield in.inVlan(v) ? v : -1;
            }
        };
    }

    /** Sets the flow's outer tag as port {@code p} wants VLAN {@code vlan}, then outputs. */
    private static void outputWithVlan(XlateContext ctx, OfPort p, int vlan, int pcp) {
        long[] f = ctx.flow;
        boolean tagged = switch (p.vlanMode()) {
            case ACCESS -> false;
            case TRUNK -> vlan != 0;
            case NATIVE_UNTAGGED -> vlan != p.tag();
            case NATIVE_TAGGED -> true;
            case DOT1Q_TUNNEL -> false;
        };
        long inner = f[FlowKey.W_VLAN] & 0xffffffffL;
        if (p.vlanMode() == VlanMode.DOT1Q_TUNNEL || tagged || (FlowField.VLAN0_TCI.get(f, 0) & FlowKey.VLAN_CFI) != 0) {
            if (tagged) {
                f[FlowKey.W_VLAN] = (long) FlowKey.ETH_TYPE_VLAN << 48 | (long) (FlowKey.VLAN_CFI | pcp | vlan) << 32
                        | inner;
            } else {
                f[FlowKey.W_VLAN] = inner << 32;
            }
        }
        ctx.wrote(FlowKey.W_VLAN, -1L);
        ctx.xlate.outputToPort(ctx, p.ofport());
    }
}
