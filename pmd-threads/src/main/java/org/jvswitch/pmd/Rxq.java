package org.jvswitch.pmd;

import org.jvswitch.netdev.Netdev;

/** One receive queue of one port, as a PMD polls it. Immutable. */
public record Rxq(int portNo, Netdev netdev, int queueId) {
    @Override
    public String toString() {
        return netdev.name() + " queue-id " + queueId;
    }
}
