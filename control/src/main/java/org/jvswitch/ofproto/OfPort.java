package org.jvswitch.ofproto;

import java.util.Set;

/**
 * A port of a bridge as translation sees it: its OpenFlow number and name, the datapath port
 * behind it (or a patch peer), its VLAN configuration, and the switches NORMAL and FLOOD obey.
 * Immutable: a change makes a new one (copy-on-write in {@link Ofproto}).
 *
 * @param odpPort   the datapath port, or -1 for a patch port
 * @param patchPeer the peer port's name, for patch ports
 * @param tag       the access or native VLAN, -1 if none
 * @param trunks    the trunked VLANs, empty for all
 * @param noFlood   OFPPC_NO_FLOOD
 * @param noFwd     OFPPC_NO_FWD
 * @param noRecv    OFPPC_NO_RECV
 * @param down      OFPPC_PORT_DOWN (administratively down)
 * @param linkUp    the carrier
 * @param mac       its MAC address (48 bits)
 */
public record OfPort(int ofport, String name, int odpPort, String type, String patchPeer, VlanMode vlanMode, int tag,
                     Set<Integer> trunks, boolean noFlood, boolean noFwd, boolean noRecv, boolean down, boolean linkUp,
                     long mac) {

    public boolean isPatch() {
        return odpPort < 0 && patchPeer != null;
    }

    /** Whether the port carries VLAN {@code vid} (NORMAL). */
    public boolean inVlan(int vid) {
        return switch (vlanMode) {
            case ACCESS, DOT1Q_TUNNEL -> vid == tag;
            case TRUNK -> trunks.isEmpty() || trunks.contains(vid);
            case NATIVE_TAGGED, NATIVE_UNTAGGED -> vid == tag || trunks.isEmpty() || trunks.contains(vid);
        };
    }

    public OfPort withLink(boolean up) {
        return new OfPort(ofport, name, odpPort, type, patchPeer, vlanMode, tag, trunks, noFlood, noFwd, noRecv, down,
                up, mac);
    }

    public OfPort withConfig(boolean noFloodBit, boolean noFwdBit, boolean noRecvBit, boolean downBit) {
        return new OfPort(ofport, name, odpPort, type, patchPeer, vlanMode, tag, trunks, noFloodBit, noFwdBit,
                noRecvBit, downBit, linkUp, mac);
    }
}
