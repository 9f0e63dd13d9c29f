package org.jvswitch.unixctl;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import org.jvswitch.vlog.Vlog;
import org.slf4j.Logger;

import java.util.List;
import java.util.Locale;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * The registry of unixctl commands and the dispatch of one request to its handler, with the
 * checks and error texts of OVS's unixctl server (ovs-appctl users and scripts match on them).
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
     * Checks a request and runs its command's handler; always answers {@code conn} unless the
     * handler takes the answer on itself.
     */
    public void dispatch(UnixctlConnection conn, String method, ArrayNode params) {
        UnixctlCommand command = commands.get(method);
        int n = params == null ? 0 : params.size();
        if (command == null) {
            conn.error("\"" + method + "\" is not a valid command (use \"list-commands\" to see a "
                    + "list of valid commands)");
            return;
        }
        if (n < command.minArgs()) {
            conn.error("\"" + method + "\" command requires at least " + command.minArgs() + " arguments");
            return;
        }
        if (n > command.maxArgs()) {
            conn.error("\"" + method + "\" command takes at most " + command.maxArgs() + " arguments");
            return;
        }
        String[] args = new String[n];
        for (int i = 0; i < n; i++) {
            JsonNode p = params.get(i);
            if (!p.isTextual()) {
                conn.error("\"" + method + "\" command has non-string argument");
                return;
            }
            args[i] = p.textValue();
        }
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
