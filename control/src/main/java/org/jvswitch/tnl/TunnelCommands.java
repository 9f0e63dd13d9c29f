package org.jvswitch.tnl;

import java.net.InetAddress;
import org.jvswitch.dataplane.tunnel.TunnelHeader;
import org.jvswitch.unixctl.UnixctlConnection;
import org.jvswitch.unixctl.UnixctlServer;

/**
 * The tunnel unixctl commands, as ovs-vswitchd names them and shapes their output:
 *
 * <pre>
 *   ovs/route/add ip_addr/prefix_len out_br_name [gw] [pkt_mark=mark]      OK
 *   ovs/route/del ip_addr/prefix_len [pkt_mark=mark]                       OK | Not found
 *   ovs/route/show                      Route Table: / Cached: ... / User: ...
 *   ovs/route/lookup ip_addr [pkt_mark=mark]    src ... / gateway ... / dev ...
 *   tnl/neigh/show   tnl/neigh/set BRIDGE IP MAC   tnl/neigh/flush   tnl/neigh/aging [SECS]
 *   tnl/arp/*        the same, OVS's older names
 *   tnl/ports/show   tnl/egress_port_range
 * </pre>
 *
 * They run on the unixctl thread; the tables they touch are thread-safe.
 */
public final class TunnelCommands {
    private final TunnelService tunnels;

    private TunnelCommands(TunnelService tunnels) {
        this.tunnels = tunnels;
    }

    public static void register(UnixctlServer s, TunnelService tunnels) {
        TunnelCommands c = new TunnelCommands(tunnels);
        s.register("ovs/route/add", "ip_addr/prefix_len out_br_name [gw] [pkt_mark=mark]", 2, 4, c::routeAdd);
        s.register("ovs/route/show", "", 0, 0, (conn, a) -> conn.reply(tunnels.router().show()));
        s.register("ovs/route/del", "ip_addr/prefix_len [pkt_mark=mark]", 1, 2, c::routeDel);
        s.register("ovs/route/lookup", "ip_addr [pkt_mark=mark]", 1, 2, c::routeLookup);
        for (String prefix : new String[] {"tnl/neigh/", "tnl/arp/"}) {
            s.register(prefix + "show", "", 0, 0, (conn, a) -> conn.reply(tunnels.neighbors().show()));
            s.register(prefix + "set", "BRIDGE IP MAC", 3, 3, c::neighSet);
            s.register(prefix + "flush", "", 0, 0, (conn, a) -> {
                tunnels.neighbors().flush();
                conn.reply("OK");
            });
            s.register(prefix + "aging", "[SECS]", 0, 1, c::aging);
        }
        s.register("tnl/ports/show", "-v", 0, 1, (conn, a) -> conn.reply(tunnels.ports().show()));
        s.register("tnl/egress_port_range", "min max", 0, 2, (conn, a) -> {
            if (a.length == 0) {
                conn.reply("Tunnel UDP source port range: " + TunnelHeader.UDP_SRC_MIN + "-"
                        + TunnelHeader.UDP_SRC_MAX);
            } else {
                conn.error("changing the tunnel UDP source port range is not supported by this datapath");
            }
        });
    }

    private void routeAdd(UnixctlConnection conn, String[] a) {
        String gw = null;
        long mark = 0;
        for (int i = 2; i < a.length; i++) {
            if (a[i].startsWith("pkt_mark=")) {
                mark = parseMark(a[i].substring(9));
                if (mark < 0) {
                    conn.error("Invalid pkt_mark or IP gateway");
                    return;
                }
            } else if (i == 2) {
                gw = a[i];
                if (IpAddrs.parse(gw) == null) {
                    conn.error("Invalid pkt_mark or IP gateway");
                    return;
                }
            } else {
                conn.error("Invalid pkt_mark or IP gateway");
                return;
            }
        }
        String err = tunnels.router().add(a[0], a[1], gw, mark);
        if (err != null) {
            conn.error(err);
        } else {
            conn.reply("OK");
        }
    }

    private void routeDel(UnixctlConnection conn, String[] a) {
        long mark = 0;
        if (a.length > 1) {
            mark = a[1].startsWith("pkt_mark=") ? parseMark(a[1].substring(9)) : -1;
        }
        if (mark < 0 || OvsRouter.parsePrefix(a[0]) == null) {
            conn.error("Invalid parameters");
        } else if (tunnels.router().delete(a[0], mark)) {
            conn.reply("OK");
        } else {
            conn.error("Not found");
        }
    }

    private void routeLookup(UnixctlConnection conn, String[] a) {
        InetAddress dst = IpAddrs.parse(a[0]);
        long mark = 0;
        if (a.length > 1) {
            mark = a[1].startsWith("pkt_mark=") ? parseMark(a[1].substring(9)) : -1;
        }
        if (dst == null || mark < 0) {
            conn.error("Invalid parameters");
            return;
        }
        OvsRouter.Route r = tunnels.router().lookup(dst, mark);
        if (r == null) {
            conn.error("Not found");
            return;
        }
        conn.reply("src " + IpAddrs.format(r.src()) + "\ngateway " + IpAddrs.format(r.gw()) + "\ndev " + r.dev()
                + "\n");
    }

    private void neighSet(UnixctlConnection conn, String[] a) {
        String err = tunnels.neighbors().set(a[0], a[1], a[2]);
        if (err != null) {
            conn.error(err);
        } else {
            conn.reply("OK");
        }
    }

    private void aging(UnixctlConnection conn, String[] a) {
        if (a.length == 0) {
            conn.reply(Long.toString(tunnels.neighbors().agingSeconds()));
            return;
        }
        String err = tunnels.neighbors().setAging(a[0]);
        if (err != null) {
            conn.error(err);
        } else {
            conn.reply("OK");
        }
    }

    private static long parseMark(String s) {
        long v = TunnelConfig.parseC(s);
        return s.isEmpty() || !s.trim().matches("(0[xX][0-9a-fA-F]+|[0-9]+)") || v > 0xffffffffL ? -1 : v;
    }
}
