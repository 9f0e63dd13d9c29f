package org.jvswitch.unixctl;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.jvswitch.vlog.Vlog;
import org.slf4j.Logger;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * The registry of unixctl commands and the dispatch of one request to its handler, with the
 * checks and error texts of OVS's unixctl server (ovs-appctl users and scripts match on them).
 *
 * <p>Every command takes {@code --format json} (or {@code -f json}) among its arguments for a
 * JSON answer ({@link UnixctlFormat}); the dispatcher removes it before counting arguments.
 *
 * <p>Threads: register and unregister from any thread; {@link #dispatch} runs on the control
 * thread.
 */
public final class UnixctlCommands {

    private static final Logger LOG = Vlog.module("unixctl");

    /** Commands by name, sorted as {@code list-commands} prints them. */
    private final ConcurrentSkipListMap<String, UnixctlCommand> commands = new ConcurrentSkipListMap<>();

    /**
     * Adds a command.
     *
     * @param usage   argument synopsis for {@code list-commands}, "" for none, null to hide it
     * @param minArgs fewest arguments accepted
     * @param maxArgs most arguments accepted ({@link Integer#MAX_VALUE} for no limit)
     * @throws IllegalArgumentException if a command of that name exists
     */
    public void register(String name, String usage, int minArgs, int maxArgs, UnixctlHandler handler) {
        UnixctlCommand command = new UnixctlCommand(name, usage, minArgs, maxArgs, handler);
        if (commands.putIfAbsent(name, command) != null) {
            throw new IllegalArgumentException("unixctl command \"" + name + "\" is already registered");
        }
    }

    /** Removes a command; false if there was none of that name. */
    public boolean unregister(String name) {
        return commands.remove(name) != null;
    }

    /** The commands, sorted by name. */
    public List<UnixctlCommand> list() {
        return List.copyOf(commands.values());
    }

    /** {@code list-commands} as data: {"commands": [{"name", "usage"}...]}, hidden ones left out. */
    public ObjectNode listJson() {
        ObjectNode out = UnixctlJson.object();
        ArrayNode list = out.putArray("commands");
        for (UnixctlCommand c : commands.values()) {
            if (c.usage() != null) {
                list.addObject().put("name", c.name()).put("usage", c.usage());
            }
        }
        return out;
    }

    /** {@code list-commands} output: each command with a usage, as OVS formats it. */
    public String listText() {
        StringBuilder sb = new StringBuilder("The available commands are:\n");
        for (UnixctlCommand c : commands.values()) {
            if (c.usage() != null) {
                sb.append(String.format(Locale.ROOT, "  %-23s %s\n", c.name(), c.usage()));
            }
        }
        return sb.toString();
    }

    /**
     * Takes {@code --format FORMAT}, {@code -f FORMAT} or {@code --format=FORMAT} (FORMAT: json or
     * text) out of {@code args}; returns the format, or null if none was given. Anything else
     * (e.g. {@code -f} followed by something that is not a format) is left to the command.
     */
    static UnixctlFormat takeFormat(List<String> args) {
        UnixctlFormat format = null;
        for (int i = 0; i < args.size(); ) {
            String a = args.get(i);
            UnixctlFormat f = null;
            int take = 0;
            if ((a.equals("--format") || a.equals("-f")) && i + 1 < args.size()) {
                f = UnixctlFormat.parse(args.get(i + 1));
                take = 2;
            } else if (a.startsWith("--format=")) {
                f = UnixctlFormat.parse(a.substring("--format=".length()));
                take = 1;
            }
            if (f == null) {
                i++;
                continue;
            }
            format = f;
            for (int k = 0; k < take; k++) {
                args.remove(i);
            }
        }
        return format;
    }

    /**
     * Checks a request and runs its command's handler; always answers {@code conn} unless the
     * handler takes the answer on itself.
     */
    public void dispatch(UnixctlConnection conn, String method, ArrayNode params) {
        UnixctlCommand command = commands.get(method);
        int n = params == null ? 0 : params.size();
        if (LOG.isDebugEnabled()) {  // as OVS's unixctl (vlog/set unixctl:file:dbg)
            LOG.debug("received request {}{}", method, params == null ? "[]" : params.toString());
        }
        if (command == null) {
            conn.error("\"" + method + "\" is not a valid command (use \"list-commands\" to see a "
                    + "list of valid commands)");
            return;
        }
        List<String> given = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            JsonNode p = params.get(i);
            if (!p.isTextual()) {
                conn.error("\"" + method + "\" command has non-string argument");
                return;
            }
            given.add(p.textValue());
        }
        UnixctlFormat format = takeFormat(given);
        if (format != null) {
            conn = new FormattedConnection(conn, format);
            n = given.size();
        }
        if (n < command.minArgs()) {
            conn.error("\"" + method + "\" command requires at least " + command.minArgs() + " arguments");
            return;
        }
        if (n > command.maxArgs()) {
            conn.error("\"" + method + "\" command takes at most " + command.maxArgs() + " arguments");
            return;
        }
        String[] args = given.toArray(String[]::new);
        try {
            command.handler().handle(conn, args);
        } catch (Exception | LinkageError | AssertionError e) {
            LOG.error("unixctl command \"{}\" failed", method, e);
            if (!conn.answered()) {
                conn.error("internal error: " + e.getMessage());
            }
        }
    }
}
