package org.jvswitch.unixctl;

import java.util.Objects;

/**
 * A registered unixctl command: its name, the usage {@code list-commands} shows (null hides
 * the command from the listing, as OVS does), the number of arguments it accepts, and its
 * handler.
 */
public record UnixctlCommand(String name, String usage, int minArgs, int maxArgs,
                             UnixctlHandler handler) {

    public UnixctlCommand {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(handler, "handler");
        if (name.isEmpty() || minArgs < 0 || maxArgs < minArgs) {
            throw new IllegalArgumentException("bad unixctl command " + name
                    + " (args " + minArgs + ".." + maxArgs + ")");
        }
    }
}
