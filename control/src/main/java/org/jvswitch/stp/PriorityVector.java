package org.jvswitch.stp;

/**
 * An 802.1D-2004 spanning tree priority vector (17.5, 17.6): compared component by component,
 * lower (unsigned) is better.
 *
 * @param rootBridgeId       root bridge identifier
 * @param rootPathCost       root path cost
 * @param designatedBridgeId designated bridge identifier
 * @param designatedPortId   designated port identifier
 * @param bridgePortId       identifier of the port on this bridge the vector belongs to
 */
record PriorityVector(long rootBridgeId, long rootPathCost, long designatedBridgeId,
                      int designatedPortId, int bridgePortId) implements Comparable<PriorityVector> {

    /** Compares the four components a BPDU carries (the message priority vector's part). */
    int compare4(PriorityVector o) {
        int c = Long.compareUnsigned(rootBridgeId, o.rootBridgeId);
        if (c == 0) {
            c = Long.compare(rootPathCost, o.rootPathCost);
        }
        if (c == 0) {
            c = Long.compareUnsigned(designatedBridgeId, o.designatedBridgeId);
        }
        if (c == 0) {
            c = Integer.compare(designatedPortId, o.designatedPortId);
        }
        return c;
    }

    @Override
    public int compareTo(PriorityVector o) {
        int c = compare4(o);
        return c != 0 ? c : Integer.compare(bridgePortId, o.bridgePortId);
    }

    /**
     * 17.6: a message vector is superior to a port's vector if it is better, or if it comes
     * from the same designated bridge address and port number (a designated port updating its
     * own, possibly worse, information).
     */
    boolean superiorTo(PriorityVector port) {
        int c = compare4(port);
        return c < 0 || (c != 0
                && BridgeId.mac(designatedBridgeId) == BridgeId.mac(port.designatedBridgeId)
                && (designatedPortId & 0xFFF) == (port.designatedPortId & 0xFFF));
    }
}
