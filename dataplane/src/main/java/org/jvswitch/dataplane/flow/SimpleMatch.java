package org.jvswitch.dataplane.flow;

import static org.jvswitch.dataplane.flow.FlowKey.*;

import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;
import org.jvswitch.dpdk.Mbuf;

/**
 * The simple-match path (Open vSwitch 3.x's): when every flow of an in_port matches nothing but
 * in_port, recirc_id 0, the Ethernet type, the outer VLAN tag and the IP fragment bits, and only
 * outputs packets, a packet from that port needs neither a full key nor the caches. This reads
 * just those few header bytes and checks them against the port's handful of flows.
 *
 * <p>{@link #classify} returns the three key words that matter (the Ethernet type, the VLAN tags
 * and the fragment bits, composed as in {@link FlowKey}), or -1 when the frame is not one this
 * path handles (too short, 802.3, IPv6, a third VLAN tag, a truncated IPv4 header): such a
 * packet takes the full path. Static, allocation-free.
 */
public final class SimpleMatch {
    /** More flows than this on one in_port: use the classifier. */
    public static final int MAX_FLOWS = 8;

    private static final ValueLayout.OfShort BE16 = ValueLayout.JAVA_SHORT_UNALIGNED.withOrder(ByteOrder.BIG_ENDIAN);
    private static final ValueLayout.OfInt BE32 = ValueLayout.JAVA_INT_UNALIGNED.withOrder(ByteOrder.BIG_ENDIAN);
    /** The mask words a qualifying flow may use, and within them the bits. */
    private static final long ETH_TYPE_BITS = 0xffffL;
    private static final long FRAG_BITS = 0xffL;

    private SimpleMatch() {
    }

    /** Whether a flow qualifies: mask within the simple fields, recirc_id 0 exact, outputs only. */
    public static boolean qualifies(DpNetdevFlow f) {
        long[] m = f.mask();
        long[] k = f.key();
        for (int w = 0; w < FlowKey.WORDS; w++) {
            long allowed = switch (w) {
                case W_IN_PORT, W_VLAN -> -1L;
                case W_ETH_DST -> ETH_TYPE_BITS;
                case W_L3_META -> FRAG_BITS;
                default -> 0L;
            };
            if ((m[w] & ~allowed) != 0) {
                return false;
            }
        }
        return FlowField.RECIRC_ID.isExact(m, 0) && FlowKey.recircId(k, 0) == 0 && !f.program().needsKey();
    }

    /**
     * The packet's (eth_type, vlan word, nw_frag) packed as {@code ethType << 48 | frag << 40}
     * in the first result and the VLAN word in {@code vlanOut[0]}; -1 if the packet is not simple.
     */
    public static long classify(long data, int len, long[] vlanOut) {
        if (len < 14) {
            return -1;
        }
        int type = Short.toUnsignedInt(Mbuf.MEMORY.get(BE16, data + 12));
        int off = 14;
        long vlan = 0;
        if (type == ETH_TYPE_VLAN || type == ETH_TYPE_VLAN_8021AD) {
            if (len < off + 4) {
                return -1;
            }
            int tag = Mbuf.MEMORY.get(BE32, data + off);
            vlan = (long) type << 48 | (long) ((tag >>> 16) | VLAN_CFI) << 32;
            type = tag & 0xffff;
            off += 4;
            if (type == ETH_TYPE_VLAN || type == ETH_TYPE_VLAN_8021AD) {
                if (len < off + 4) {
                    return -1;
                }
                tag = Mbuf.MEMORY.get(BE32, data + off);
                vlan |= (long) type << 16 | ((tag >>> 16) | VLAN_CFI);
                type = tag & 0xffff;
                off += 4;
                if (type == ETH_TYPE_VLAN || type == ETH_TYPE_VLAN_8021AD) {
                    return -1;
                }
            }
        }
        if (type < 0x600 || type == ETH_TYPE_IPV6) {
            return -1;
        }
        int frag = 0;
        if (type == ETH_TYPE_IP) {
            if (len < off + 20) {
                return -1;
            }
            int fragField = Short.toUnsignedInt(Mbuf.MEMORY.get(BE16, data + off + 6));
            if ((fragField & 0x3fff) != 0) {
                frag = (fragField & 0x1fff) != 0 ? FRAG_ANY | FRAG_LATER : FRAG_ANY;
            }
        }
        vlanOut[0] = vlan;
        return (long) type << 48 | (long) frag << 40;
    }

    /** Whether flow {@code f} matches a packet of port word {@code w0} and classified as above. */
    public static boolean matches(DpNetdevFlow f, long w0, long typeAndFrag, long vlan) {
        long[] k = f.key();
        long[] m = f.mask();
        return (w0 & m[W_IN_PORT]) == k[W_IN_PORT]
                && ((typeAndFrag >>> 48) & m[W_ETH_DST]) == k[W_ETH_DST]
                && (vlan & m[W_VLAN]) == k[W_VLAN]
                && (((typeAndFrag >>> 40) & 0xff) & m[W_L3_META]) == k[W_L3_META];
    }
}
