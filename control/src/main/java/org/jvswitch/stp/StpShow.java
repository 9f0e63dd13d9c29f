package org.jvswitch.stp;

/**
 * The text of OVS's {@code stp/show [bridge]} for one bridge. Registering the command is the
 * bridge's job: with no argument it concatenates every STP bridge's text; an unknown bridge
 * is answered with the error {@link Stp#NO_SUCH_BRIDGE}.
 *
 * <pre>
 * ---- br0 ----
 * Root ID:
 *   stp-priority  32768
 *   stp-system-id   aa:66:aa:66:00:00
 *   stp-hello-time  2s
 *   stp-max-age     20s
 *   stp-fwd-delay   15s
 *   This bridge is the root
 *
 * Bridge ID:
 *   ...same five lines for this bridge...
 *
 *   Interface  Role       State      Cost  Pri.Nbr
 *   ---------- ---------- ---------- ----- -------
 *   p1         designated forwarding 2     128.1
 * </pre>
 *
 * <p>OVS prints the bridge's own times under "Root ID" and the times in use under "Bridge
 * ID"; this prints the times in use (learned from the root) under "Root ID" and the bridge's
 * configured times under "Bridge ID". They differ only when bridges disagree on timers.
 * Like OVS, ports whose link is down are not listed.
 */
final class StpShow {
    private StpShow() {
    }

    static String format(StpStatus s) {
        StringBuilder sb = new StringBuilder(512);
        sb.append("---- ").append(s.name()).append(" ----\n");
        sb.append("Root ID:\n");
        idDetails(sb, s.designatedRoot(), s.helloTime(), s.maxAge(), s.forwardDelay());
        if (s.isRoot()) {
            sb.append("  This bridge is the root\n");
        } else {
            StpStatus.Port root = s.port(s.rootPortNo());
            sb.append("  root-port       ").append(root == null ? "" : root.name()).append('\n');
            sb.append("  root-path-cost  ").append(s.rootPathCost()).append('\n');
        }
        sb.append('\n');
        sb.append("Bridge ID:\n");
        idDetails(sb, s.bridgeId(), s.bridgeHelloTime(), s.bridgeMaxAge(), s.bridgeForwardDelay());
        sb.append('\n');
        sb.append("  ").append(col("Interface", 11)).append(col("Role", 11)).append(col("State", 11))
                .append(col("Cost", 6)).append(col("Pri.Nbr", 8)).append('\n');
        sb.append("  ---------- ---------- ---------- ----- -------\n");
        for (StpStatus.Port p : s.ports()) {
            if (p.state() == StpPortState.DISABLED) {
                continue;
            }
            sb.append("  ").append(col(p.name(), 11)).append(col(p.role().ovsName(), 11))
                    .append(col(p.state().ovsName(), 11))
                    .append(String.format("%-6d", p.pathCost()))
                    .append(p.priority()).append('.').append(p.portNo()).append('\n');
        }
        sb.append('\n');
        return sb.toString();
    }

    private static void idDetails(StringBuilder sb, long id, int hello, int maxAge, int fwdDelay) {
        sb.append("  stp-priority  ").append(BridgeId.priority(id)).append('\n');
        sb.append("  stp-system-id   ").append(BridgeId.formatMac(BridgeId.mac(id))).append('\n');
        sb.append("  stp-hello-time  ").append(hello).append("s\n");
        sb.append("  stp-max-age     ").append(maxAge).append("s\n");
        sb.append("  stp-fwd-delay   ").append(fwdDelay).append("s\n");
    }

    /** printf's {@code %-W.Ps} with precision W - 1, as OVS's table columns are written. */
    static String col(String s, int width) {
        String v = s == null ? "null" : s;
        if (v.length() > width - 1) {
            v = v.substring(0, width - 1);
        }
        return v + " ".repeat(width - v.length());
    }
}
