package org.jvswitch.unixctl;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.jvswitch.vlog.Vlog;
import org.jvswitch.vlog.VlogDestination;
import org.jvswitch.vlog.VlogLevel;
import org.jvswitch.vlog.VlogSpecException;

import java.io.IOException;

/**
 * The {@code vlog/*} commands every OVS daemon has, over {@link Vlog}: {@code vlog/set},
 * {@code vlog/list}, {@code vlog/list-pattern}, {@code vlog/reopen}, {@code vlog/close},
 * {@code vlog/enable-rate-limit}, {@code vlog/disable-rate-limit}.
 */
final class VlogCommands {

    private VlogCommands() {
    }

    static void register(UnixctlCommands commands) {
        commands.register("vlog/set", "{spec | PATTERN:destination:pattern}", 0, Integer.MAX_VALUE,
                VlogCommands::set);
        commands.register("vlog/list", "", 0, 0, (conn, args) -> {
            ObjectNode json = UnixctlJson.object();
            Vlog.levels().forEach((module, levels) -> {
                ObjectNode m = json.putObject(module);
                levels.forEach(m::put);
            });
            conn.reply(json, Vlog::listLevels);
        });
        commands.register("vlog/list-pattern", "", 0, 0, (conn, args) -> conn.reply(Vlog.listPatterns()));
        commands.register("vlog/reopen", "", 0, 0, VlogCommands::reopen);
        commands.register("vlog/close", "", 0, 0, (conn, args) -> {
            Vlog.closeLogFile();
            conn.reply("");
        });
        commands.register("vlog/enable-rate-limit", "[module]...", 0, Integer.MAX_VALUE,
                (conn, args) -> setRateLimit(conn, args, true));
        commands.register("vlog/disable-rate-limit", "[module]...", 0, Integer.MAX_VALUE,
                (conn, args) -> setRateLimit(conn, args, false));
    }

    /** With no spec, every module on every destination goes to dbg, as in OVS. */
    private static void set(UnixctlConnection conn, String[] args) {
        try {
            if (args.length == 0) {
                Vlog.setLevel(null, (VlogDestination) null, VlogLevel.DBG);
            }
            for (String spec : args) {
                Vlog.set(spec);
            }
            conn.reply("");
        } catch (VlogSpecException e) {
            conn.error(e.getMessage());
        }
    }

    private static void reopen(UnixctlConnection conn, String[] args) {
        try {
            Vlog.reopenLogFile();
            conn.reply("");
        } catch (IllegalStateException | IOException e) {
            conn.error(e.getMessage());
        }
    }

    private static void setRateLimit(UnixctlConnection conn, String[] args, boolean enable) {
        try {
            if (args.length == 0) {
                Vlog.setRateLimit(null, enable);
            }
            for (String module : args) {
                Vlog.setRateLimit(module, enable);
            }
            conn.reply("");
        } catch (VlogSpecException e) {
            conn.error(e.getMessage());
        }
    }
}
