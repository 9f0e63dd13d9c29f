package org.jvswitch.dataplane.action;

import static org.jvswitch.dataplane.action.ActionProgram.*;

import org.jvswitch.dataplane.Burst;
import org.jvswitch.dataplane.DropReason;
import org.jvswitch.dataplane.flow.FlowKey;
import org.jvswitch.dpdk.Mbuf;

/**
 * The instructions that change packet headers: sets of L2/L3/L4 fields and pushes and pops of
 * VLAN tags and MPLS labels. Each applies to every packet of the batch, guided by the packet's
 * key (what the headers are) and layer offsets (where they are); a set on a header the packet
 * does not have leaves it alone, as in Open vSwitch. Pushes and pops keep the layer offsets
 * right for the instructions after them.
 */
final class HeaderActions {
    private static final int W = FlowKey.WORDS;

    private HeaderActions() {
    }

    static void apply(long[] code, int pc, Burst b, int[] slots, int count, ExecContext ctx) {
        int op = (int) code[pc];
        for (int i = 0; i < count; i++) {
            int s = slots[i];
            long m = b.mbufs[s];
            if (m != 0 && !applyOne(op, code, pc, b, s, m)) {
                ctx.mbufs().free(m);
                b.mbufs[s] = 0;
                ctx.drop(DropReason.BAD_PUSH_POP, 1);
            }
        }
    }

    /** Returns false when the packet must be dropped (a push without room, a pop without header). */
    private static boolean applyOne(int op, long[] code, int pc, Burst b, int s, long m) {
        long data = Mbuf.dataAddress(m);
        int base = s * W;
        int lb = s * 3;
        int l3 = b.layers[lb + 1];
        int l4 = b.layers[lb + 2];
        int ethType = FlowKey.ethType(b.keys, base);
        int proto = FlowKey.nwProto(b.keys, base);
        boolean ipv4 = ethType == FlowKey.ETH_TYPE_IP && l3 >= 0;
        boolean ipv6 = ethType == FlowKey.ETH_TYPE_IPV6 && l3 >= 0;
        boolean arp = (ethType == FlowKey.ETH_TYPE_ARP || ethType == FlowKey.ETH_TYPE_RARP) && l3 >= 0;
        boolean firstFragment = (FlowKey.nwFrag(b.keys, base) & FlowKey.FRAG_LATER) == 0;
        long l4Addr = l4 >= 0 && firstFragment ? data + l4 : 0;
        switch (op) {
            case SET_ETH_DST -> setMac(data, code[pc + 1], code[pc + 2]);
            case SET_ETH_SRC -> setMac(data + 6, code[pc + 1], code[pc + 2]);
            case SET_NW_SRC, SET_NW_DST -> {
                boolean dst = op == SET_NW_DST;
                if (ipv4) {
                    PacketEdit.setIpv4Addr(data + l3, l4Addr, dst, (int) code[pc + 1], (int) code[pc + 2]);
                } else if (arp) {
                    long at = data + l3 + (dst ? 24 : 14);
                    int old = PacketEdit.get32(at);
                    PacketEdit.put32(at, old & ~(int) code[pc + 2] | (int) code[pc + 1] & (int) code[pc + 2]);
                }
            }
            case SET_NW_TOS -> {
                if (ipv4) {
                    PacketEdit.setIpv4Tos(data + l3, (int) code[pc + 1], (int) code[pc + 2]);
                } else if (ipv6) {
                    PacketEdit.setIpv6Tclass(data + l3, (int) code[pc + 1], (int) code[pc + 2]);
                }
            }
            case SET_NW_TTL -> {
                if (ipv4) {
                    PacketEdit.setIpv4Ttl(data + l3, (int) code[pc + 1], (int) code[pc + 2]);
                } else if (ipv6) {
                    PacketEdit.setIpv6Hlimit(data + l3, (int) code[pc + 1], (int) code[pc + 2]);
                }
            }
            case SET_IPV6_SRC, SET_IPV6_DST -> {
                if (ipv6) {
                    PacketEdit.setIpv6Addr(data + l3, l4Addr, proto, op == SET_IPV6_DST, code[pc + 1], code[pc + 2],
                            code[pc + 3], code[pc + 4]);
                }
            }
            case SET_IPV6_LABEL -> {
                if (ipv6) {
                    PacketEdit.setIpv6Label(data + l3, (int) code[pc + 1], (int) code[pc + 2]);
                }
            }
            case SET_TP_SRC, SET_TP_DST -> {
                if (l4Addr != 0 && (proto == FlowKey.IPPROTO_TCP || proto == FlowKey.IPPROTO_UDP
                        || proto == FlowKey.IPPROTO_SCTP)) {
                    PacketEdit.setPort(l4Addr, proto, op == SET_TP_DST, (int) code[pc + 1], (int) code[pc + 2],
                            Mbuf.dataLen(m) - l4);
                }
            }
            case SET_MPLS_LSE -> {
                int l25 = b.layers[lb];
                if (l25 >= 0) {
                    long at = data + l25;
                    int old = PacketEdit.get32(at);
                    PacketEdit.put32(at, old & ~(int) code[pc + 2] | (int) code[pc + 1] & (int) code[pc + 2]);
                }
            }
            case SET_ARP_SHA, SET_ARP_THA -> {
                if (arp) {
                    setMac(data + l3 + (op == SET_ARP_SHA ? 8 : 18), code[pc + 1], code[pc + 2]);
                }
            }
            case PUSH_VLAN -> {
                if (!MbufOps.insertGap(m, 12, 4)) {
                    return false;
                }
                data = Mbuf.dataAddress(m);
                PacketEdit.put16(data + 12, (int) code[pc + 1]);
                PacketEdit.put16(data + 14, (int) code[pc + 2] & ~FlowKey.VLAN_CFI);
                shiftLayers(b.layers, lb, 4);
            }
            case POP_VLAN -> {
                int tpid = Mbuf.dataLen(m) >= 18 ? PacketEdit.get16(data + 12) : 0;
                if (tpid == FlowKey.ETH_TYPE_VLAN || tpid == FlowKey.ETH_TYPE_VLAN_8021AD) {
                    if (!MbufOps.removeGap(m, 12, 4)) {
                        return false;
                    }
                    shiftLayers(b.layers, lb, -4);
                }
            }
            case PUSH_MPLS -> {
                int at = b.layers[lb] >= 0 ? b.layers[lb] : l3 >= 0 ? l3 : l2End(b.keys, base);
                if (!MbufOps.insertGap(m, at, 4)) {
                    return false;
                }
                data = Mbuf.dataAddress(m);
                PacketEdit.put16(data + at - 2, (int) code[pc + 2]);
                PacketEdit.put32(data + at, (int) code[pc + 1]);
                b.layers[lb] = at;
                if (l3 >= 0) {
                    b.layers[lb + 1] = l3 + 4;
                }
                if (l4 >= 0) {
                    b.layers[lb + 2] = l4 + 4;
                }
            }
            case POP_MPLS -> {
                int at = b.layers[lb];
                if (at < 0) {
                    return false;
                }
                boolean bottom = (PacketEdit.get32(data + at) & 0x100) != 0;
                if (!MbufOps.removeGap(m, at, 4)) {
                    return false;
                }
                data = Mbuf.dataAddress(m);
                PacketEdit.put16(data + at - 2, (int) code[pc + 1]);
                b.layers[lb] = bottom ? -1 : at;
                b.layers[lb + 1] = bottom ? at : -1;
                b.layers[lb + 2] = -1;
            }
            default -> throw new IllegalStateException("opcode " + op);
        }
        return true;
    }

    private static void setMac(long at, long value, long mask) {
        long old = PacketEdit.getMac(at);
        PacketEdit.putMac(at, old & ~mask | value & mask);
    }

    /** Where the Ethernet header and its VLAN tags end. */
    private static int l2End(long[] keys, int base) {
        long vlan = keys[base + FlowKey.W_VLAN];
        int tags = ((vlan >>> 32) & FlowKey.VLAN_CFI) != 0 ? (((vlan & FlowKey.VLAN_CFI) != 0) ? 2 : 1) : 0;
        return 14 + 4 * tags;
    }

    private static void shiftLayers(int[] layers, int lb, int by) {
        for (int i = 0; i < 3; i++) {
            if (layers[lb + i] >= 0) {
                layers[lb + i] += by;
            }
        }
    }
}
