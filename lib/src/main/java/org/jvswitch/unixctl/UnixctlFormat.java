package org.jvswitch.unixctl;

import java.util.Locale;

/**
 * The output format a unixctl client asked for. Every command accepts {@code --format json}
 * ({@code -f json}, {@code --format=json}) among its arguments: Debian's ovs-appctl 3.1 has no
 * option of its own for it, so it travels as a command argument, and the dispatcher takes it out
 * before the command sees its arguments ({@link UnixctlCommands#dispatch}).
 */
public enum UnixctlFormat {
    /** OVS's own text, what people and existing scripts read. */
    TEXT,
    /** One JSON document (an object), for programs. */
    JSON;

    /** The format named {@code name} ("text" or "json", any case), or null. */
    public static UnixctlFormat parse(String name) {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "text" -> TEXT;
            case "json" -> JSON;
            default -> null;
        };
    }
}
