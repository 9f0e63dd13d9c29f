package org.jvswitch.netdev;

/**
 * A port's counters with Open vSwitch's names (the Interface table's {@code statistics} column):
 * rx/tx packets, bytes, errors, and drops ({@code rxDropped}: the NIC found no descriptor or no
 * mbuf; {@code txDropped}: the driver's queue was full or the port was down).
 */
public record NetdevStats(long rxPackets, long txPackets, long rxBytes, long txBytes, long rxErrors,
                          long txErrors, long rxDropped, long txDropped) {
    public static final NetdevStats ZERO = new NetdevStats(0, 0, 0, 0, 0, 0, 0, 0);
}
