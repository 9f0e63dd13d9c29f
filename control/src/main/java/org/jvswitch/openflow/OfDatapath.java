package org.jvswitch.openflow;

import java.util.List;
import org.jvswitch.dataplane.action.DpAction;
import org.jvswitch.dataplane.meter.DpMeters;
import org.jvswitch.dpif.DpifNetdev;
import org.jvswitch.netdev.NetdevStats;

/**
 * What OpenFlow needs from the datapath: run a packet-out's translated actions, read a port's
 * counters, and the meter table. {@link #of(DpifNetdev)} adapts the real one; tests may supply
 * their own.
 */
public interface OfDatapath {
    /**
     * Executes datapath actions on a packet (a packet-out).
     *
     * @param dpKey the packet's datapath flow key (in_port: the datapath port, or 0)
     */
    void execute(byte[] packet, long[] dpKey, List<DpAction> actions);

    /** A datapath port's counters, or null if there is no such port. */
    NetdevStats portStats(int odpPort);

    /** The datapath's meters (OpenFlow meters are installed here). */
    DpMeters meters();

    /** The real datapath. */
    static OfDatapath of(DpifNetdev dpif) {
        return new OfDatapath() {
            @Override
            public void execute(byte[] packet, long[] dpKey, List<DpAction> actions) {
                dpif.execute(packet, packet.length, dpKey, actions);
            }

            @Override
            public NetdevStats portStats(int odpPort) {
                var p = dpif.port(odpPort);
                return p == null ? null : p.netdev().stats();
            }

            @Override
            public DpMeters meters() {
                return dpif.meters();
            }
        };
    }

    /** No datapath: packet-outs go nowhere, ports count nothing (unit tests, a switch without DPDK). */
    OfDatapath NONE = new OfDatapath() {
        private final DpMeters meters = new DpMeters();

        @Override
        public void execute(byte[] packet, long[] dpKey, List<DpAction> actions) {
        }

        @Override
        public NetdevStats portStats(int odpPort) {
            return null;
        }

        @Override
        public DpMeters meters() {
            return meters;
        }
    };
}
