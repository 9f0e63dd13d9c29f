package org.jvswitch.vswitchd;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jvswitch.dpdk.DpdkDump;
import org.jvswitch.dpdk.DpdkException;
import org.jvswitch.dpdk.Eal;
import org.jvswitch.dpif.DpPort;
import org.jvswitch.dpif.DpifNetdev;
import org.jvswitch.netdev.NetdevDpdk;
import org.jvswitch.unixctl.UnixctlConnection;
import org.jvswitch.unixctl.UnixctlJson;
import org.jvswitch.unixctl.UnixctlServer;

/**
 * Open vSwitch's DPDK commands, with DPDK's own words as OVS shows them:
 *
 * <pre>
 *   dpdk/log-list                          every DPDK log type and its level (rte_log_dump)
 *   dpdk/log-set [{level | pattern:level}]...   e.g. debug, pmd.net.*:info (levels emergency..debug)
 *   netdev-dpdk/get-mempool-info [netdev]  a port's mbuf pool, or every pool (rte_mempool_dump)
 * </pre>
 *
 * DPDK's lines reach the log through vlog module "dpdk": raising a DPDK level to debug shows its
 * debug lines once {@code vlog/set dpdk:file:dbg} lets them through.
 */
final class DpdkCommands {
    /** "id 3: lib.eal, level is info" in rte_log_dump's text. */
    private static final Pattern LOG_TYPE = Pattern.compile("^id (\\d+): (\\S+), level is (\\S+)$",
            Pattern.MULTILINE);
    private static final Pattern GLOBAL = Pattern.compile("^global log level is (\\S+)$", Pattern.MULTILINE);

    private final Vswitchd vswitchd;

    private DpdkCommands(Vswitchd vswitchd) {
        this.vswitchd = vswitchd;
    }

    static void register(UnixctlServer server, Vswitchd vswitchd) {
        DpdkCommands c = new DpdkCommands(vswitchd);
        server.register("dpdk/log-list", "", 0, 0, c::logList);
        server.register("dpdk/log-set", "[{level | pattern:level}]...", 0, Integer.MAX_VALUE, c::logSet);
        server.register("netdev-dpdk/get-mempool-info", "[netdev]", 0, 1, c::mempoolInfo);
    }

    private static boolean dpdkUp(UnixctlConnection conn) {
        if (!Eal.isInitialized()) {
            conn.error("DPDK is not initialized");
            return false;
        }
        return true;
    }

    private void logList(UnixctlConnection conn, String[] args) {
        if (!dpdkUp(conn)) {
            return;
        }
        String text = DpdkDump.logTypes();
        ObjectNode json = UnixctlJson.object();
        Matcher g = GLOBAL.matcher(text);
        if (g.find()) {
            json.put("global_level", g.group(1));
        }
        ArrayNode types = json.putArray("log_types");
        Matcher m = LOG_TYPE.matcher(text);
        while (m.find()) {
            types.addObject().put("id", Integer.parseInt(m.group(1))).put("name", m.group(2)).put("level", m.group(3));
        }
        conn.reply(json, () -> text);
    }

    private void logSet(UnixctlConnection conn, String[] args) {
        if (!dpdkUp(conn)) {
            return;
        }
        String[] specs = args.length == 0 ? new String[] {"debug"} : args;  // as OVS: no argument, all to debug
        for (String spec : specs) {
            int colon = spec.lastIndexOf(':');
            String pattern = colon < 0 ? "*" : spec.substring(0, colon);
            String levelName = colon < 0 ? spec : spec.substring(colon + 1);
            int level = DpdkDump.logLevel(levelName);
            if (level < 0) {
                conn.error("invalid log level: '" + levelName + "'");
                return;
            }
            try {
                DpdkDump.setLogLevel(pattern, level);
            } catch (DpdkException e) {
                conn.error("cannot set log level for '" + spec + "'");
                return;
            }
        }
        conn.reply("");
    }

    private void mempoolInfo(UnixctlConnection conn, String[] args) {
        if (!dpdkUp(conn)) {
            return;
        }
        if (args.length == 0) {
            String text = DpdkDump.mempools();
            conn.reply(UnixctlJson.text(text), () -> text);
            return;
        }
        DpifNetdev dp = vswitchd.datapath();
        DpPort port = dp == null ? null : dp.port(args[0]);
        if (port == null || !(port.netdev() instanceof NetdevDpdk d) || d.mempool() == null) {
            conn.error("Not a DPDK Interface");
            return;
        }
        String text = DpdkDump.mempool(d.mempool());
        ObjectNode json = UnixctlJson.object();
        json.put("netdev", args[0]).put("mempool", d.mempool().name()).put("size", d.mempool().size())
                .put("data_room_size", d.mempool().dataRoomSize()).put("socket_id", d.mempool().socketId())
                .put("available", d.mempool().available()).put("in_use", d.mempool().inUse()).put("dump", text);
        conn.reply(json, () -> text);
    }
}
