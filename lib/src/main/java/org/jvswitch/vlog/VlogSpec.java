package org.jvswitch.vlog;

import java.util.function.UnaryOperator;

/**
 * One parsed vlog setting, as {@code vlog/set} and {@code -v}/{@code --verbose} take them.
 *
 * <ul>
 * <li>Levels: words separated by spaces, commas, colons or tabs, at most one of each kind: a
 *     module name, a destination ({@code console}, {@code syslog}, {@code file}) and a level
 *     ({@code off emer err warn info dbg}); {@code any} is accepted anywhere and means nothing.
 *     A missing module or destination means all of them; a missing level means {@code dbg}.
 *     Case does not matter.</li>
 * <li>{@code PATTERN:destination:pattern} sets the line pattern of a destination (or of all,
 *     with {@code any}). The pattern is everything after the destination's delimiter.</li>
 * <li>{@code FACILITY:facility} sets the syslog facility.</li>
 * </ul>
 *
 * <p>Error messages are OVS's, so scripts matching them keep working.
 */
public sealed interface VlogSpec {

    /** Set {@code level} for {@code module} (null: all) on {@code destination} (null: all). */
    record Levels(String module, VlogDestination destination, VlogLevel level) implements VlogSpec {
    }

    /** Set the line pattern of {@code destination} (null: all). */
    record Pattern(VlogDestination destination, String pattern) implements VlogSpec {
    }

    /** Set the syslog facility to {@code code}. */
    record Facility(int code) implements VlogSpec {
    }

    /**
     * Parses {@code spec}.
     *
     * @param modules maps a word to the canonical name of the module it names (matching
     *                case-insensitively), or to null if no module has that name
     * @throws VlogSpecException with OVS's message if the spec is malformed
     */
    static VlogSpec parse(String spec, UnaryOperator<String> modules) throws VlogSpecException {
        SpecWords words = new SpecWords(spec);
        String first = words.next();
        if (first != null && first.equalsIgnoreCase("PATTERN")) {
            String dest = words.next();
            if (dest == null) {
                throw new VlogSpecException("missing destination");
            }
            VlogDestination d = null;
            if (!dest.equalsIgnoreCase("any")) {
                d = VlogDestination.parse(dest);
                if (d == null) {
                    throw new VlogSpecException("unknown destination \"" + dest + "\"");
                }
            }
            return new Pattern(d, words.rest());
        }
        if (first != null && first.equalsIgnoreCase("FACILITY")) {
            int code = SyslogFacility.parse(words.rest());
            if (code < 0) {
                throw new VlogSpecException("invalid facility");
            }
            return new Facility(code);
        }
        String module = null;
        VlogDestination destination = null;
        VlogLevel level = null;
        for (String w = first; w != null; w = words.next()) {
            if (w.equalsIgnoreCase("any")) {
                continue;
            }
            VlogDestination d = VlogDestination.parse(w);
            if (d != null) {
                if (destination != null) {
                    throw new VlogSpecException("cannot specify multiple destinations");
                }
                destination = d;
                continue;
            }
            VlogLevel l = VlogLevel.parse(w);
            if (l != null) {
                if (level != null) {
                    throw new VlogSpecException("cannot specify multiple levels");
                }
                level = l;
                continue;
            }
            String m = modules.apply(w);
            if (m != null) {
                if (module != null) {
                    throw new VlogSpecException("cannot specify multiple modules");
                }
                module = m;
                continue;
            }
            throw new VlogSpecException("no destination, level, or module \"" + w + "\"");
        }
        return new Levels(module, destination, level == null ? VlogLevel.DBG : level);
    }
}
