package org.jvswitch.ovsdb.server;

/**
 * One {@code --remote} as OVS writes it:
 * <ul>
 * <li>passive: {@code punix:PATH}, {@code ptcp:PORT[:IP]}, {@code pssl:PORT[:IP]};</li>
 * <li>active: {@code unix:PATH}, {@code tcp:IP:PORT}, {@code ssl:IP:PORT};</li>
 * <li>{@code db:DB,TABLE,COLUMN}: the remotes named in a column (strings, or references to
 *     rows with a {@code target} column such as the {@code Manager} table).</li>
 * </ul>
 * IPv6 addresses go in brackets ({@code ptcp:6640:[::1]}). Immutable.
 *
 * @param kind  punix, ptcp, pssl, unix, tcp, ssl or db
 * @param path  the socket path (unix kinds) or {@code DB,TABLE,COLUMN} (db)
 * @param host  the address (tcp and ssl kinds; for passive ones, where to listen, "" = any)
 * @param port  the port (tcp and ssl kinds)
 * @param text  the remote as written
 */
public record RemoteSpec(String kind, String path, String host, int port, String text) {

    /** Parses {@code text}; throws {@link IllegalArgumentException} with a message for bad ones. */
    public static RemoteSpec parse(String text) {
        int colon = text.indexOf(':');
        if (colon < 0) {
            throw new IllegalArgumentException(text + ": unknown remote type (expected punix:, ptcp:, pssl:, unix:, "
                    + "tcp:, ssl: or db:)");
        }
        String kind = text.substring(0, colon);
        String rest = text.substring(colon + 1);
        switch (kind) {
            case "punix", "unix" -> {
                if (rest.isEmpty()) {
                    throw new IllegalArgumentException(text + ": missing socket path");
                }
                return new RemoteSpec(kind, rest, null, 0, text);
            }
            case "ptcp", "pssl" -> {
                int c = rest.indexOf(':');
                String port = c < 0 ? rest : rest.substring(0, c);
                String ip = c < 0 ? "" : unbracket(rest.substring(c + 1));
                return new RemoteSpec(kind, null, ip, port(text, port, true), text);
            }
            case "tcp", "ssl" -> {
                int c = rest.lastIndexOf(':');
                if (c < 0) {
                    throw new IllegalArgumentException(text + ": missing port number (expected " + kind + ":IP:PORT)");
                }
                String ip = unbracket(rest.substring(0, c));
                if (ip.isEmpty()) {
                    throw new IllegalArgumentException(text + ": missing IP address");
                }
                return new RemoteSpec(kind, null, ip, port(text, rest.substring(c + 1), false), text);
            }
            case "db" -> {
                String[] parts = rest.split(",", -1);
                if (parts.length != 3 || parts[0].isEmpty() || parts[1].isEmpty() || parts[2].isEmpty()) {
                    throw new IllegalArgumentException(text + ": expected db:DATABASE,TABLE,COLUMN");
                }
                return new RemoteSpec(kind, rest, null, 0, text);
            }
            default -> throw new IllegalArgumentException(text + ": unknown remote type \"" + kind + "\"");
        }
    }

    private static String unbracket(String ip) {
        return ip.startsWith("[") && ip.endsWith("]") ? ip.substring(1, ip.length() - 1) : ip;
    }

    private static int port(String text, String s, boolean passive) {
        try {
            int p = Integer.parseInt(s);
            if (p >= (passive ? 0 : 1) && p <= 65535) {
                return p;
            }
        } catch (NumberFormatException e) {
            // fall through
        }
        throw new IllegalArgumentException(text + ": bad port number \"" + s + "\"");
    }

    public boolean passive() {
        return kind.startsWith("p");
    }

    public boolean ssl() {
        return kind.equals("ssl") || kind.equals("pssl");
    }

    public boolean unix() {
        return kind.equals("unix") || kind.equals("punix");
    }

    public boolean isDb() {
        return kind.equals("db");
    }

    @Override
    public String toString() {
        return text;
    }
}
