package org.jvswitch.dataplane.odp;

import java.util.Locale;

/**
 * One line of {@code ovs-appctl dpctl/dump-flows}, as OVS 3.1 prints a userspace-datapath flow.
 *
 * <p>Terse: {@code KEY, packets:N, bytes:N, used:0.123s|never[, flags:S.], actions:ACTIONS}.
 * Verbose ({@code -m}): {@code ufid:UUID, KEY-WITH-ALL-FIELDS, packets:N, bytes:N, used:..
 * [, flags:..], dp:ovs, actions:ACTIONS[, dp-extra-info:INFO]}; dpctl prints port names in this
 * form unless given --no-names, which is the caller's choice of {@link PortNames}. "used" is the
 * time since the last hit in seconds with three decimals; "flags" is the TCP flags seen, in
 * tcpdump's letters, and only when there are some.
 */
public final class DpifFlowFormat {
    private DpifFlowFormat() {
    }

    /**
     * @param nowMillis the current time on the clock of {@link DpifFlow#usedMillis()}
     * @param verbose   the {@code -m} form
     * @param names     port names for in_port and actions, or {@link PortNames#NUMBERS}
     */
    public static String format(DpifFlow f, long nowMillis, boolean verbose, PortNames names) {
        StringBuilder b = new StringBuilder(256);
        if (verbose && f.ufid() != null) {
            b.append(Ufids.format(f.ufid())).append(", ");
        }
        b.append(OdpKey.format(f.key(), f.mask(), verbose, names));
        b.append(", packets:").append(Long.toUnsignedString(f.packets()));
        b.append(", bytes:").append(Long.toUnsignedString(f.bytes()));
        b.append(", used:").append(used(f.usedMillis(), nowMillis));
        if (f.tcpFlags() != 0) {
            b.append(", flags:").append(OdpFlags.tcpFlagsStats(f.tcpFlags()));
        }
        if (verbose) {
            b.append(", dp:ovs");
        }
        b.append(", actions:").append(OdpActions.format(f.actions(), OdpActions.Context.of(f.key()), names));
        if (verbose && f.dpExtraInfo() != null) {
            b.append(", dp-extra-info:").append(f.dpExtraInfo());
        }
        return b.toString();
    }

    /**
     * "never", or seconds since {@code usedMillis} with three decimals ("0.123s"); never negative
     * (a PMD stamps flows with the time of its current burst, which may be a little ahead of
     * the reader's clock).
     */
    static String used(long usedMillis, long nowMillis) {
        return usedMillis < 0 ? "never"
                : String.format(Locale.ROOT, "%.3fs", Math.max(0, nowMillis - usedMillis) / 1000.0);
    }

    /** The line dpctl/dump-flows prints before the flows of one PMD thread. */
    public static String pmdHeader(int coreId) {
        return "flow-dump from pmd on cpu core: " + coreId;
    }

    /** The line dpctl/dump-flows prints before the flows of the non-PMD (main) thread. */
    public static String mainThreadHeader() {
        return "flow-dump from the main thread:";
    }
}
