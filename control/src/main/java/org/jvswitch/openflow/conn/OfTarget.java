package org.jvswitch.openflow.conn;

/**
 * An OpenFlow connection target as the Controller table writes it: active {@code tcp:IP[:PORT]},
 * {@code ssl:IP[:PORT]}, {@code unix:PATH}; passive {@code ptcp:[PORT][:IP]},
 * {@code pssl:[PORT][:IP]}, {@code punix:PATH}. The port defaults to 6653, OpenFlow's. IPv6
 * addresses go in brackets.
 *
 * @param kind tcp, ssl, unix, ptcp, pssl or punix
 * @param host the address (active) or where to listen ("" any)
 */
public record OfTarget(String kind, String host, int port, String path, String text) {
    public static final int DEFAULT_PORT = 6653;

    public boolean passive() {
        return kind.startsWith("p");
    }

    public boolean ssl() {
        return kind.endsWith("ssl");
    }

    public boolean unix() {
        return kind.endsWith("unix");
    }

    /** Parses a target; {@link IllegalArgumentException} with a one-line reason if it is bad. */
    public static OfTarget parse(String text) {
        int colon = text.indexOf(':');
        if (colon < 0) {
            throw new IllegalArgumentException(text + ": unknown connection type (expected tcp:, ssl:, unix:, ptcp:, "
                    + "pssl: or punix:)");
        }
        String kind = text.substring(0, colon);
        String rest = text.substring(colon + 1);
        return switch (kind) {
            case "unix", "punix" -> {
                if (rest.isEmpty()) {
                    throw new IllegalArgumentException(text + ": missing socket path");
                }
                yield new OfTarget(kind, "", 0, rest, text);
            }
            case "tcp", "ssl" -> {
                String host;
                int port = DEFAULT_PORT;
                if (rest.startsWith("[")) {
                    int close = rest.indexOf(']');
                    if (close < 0) {
                        throw new IllegalArgumentException(text + ": unbalanced [");
                    }
                    host = rest.substring(1, close);
                    if (close + 1 < rest.length() && rest.charAt(close + 1) == ':') {
                        port = port(text, rest.substring(close + 2));
                    }
                } else {
                    int c = rest.indexOf(':');
                    host = c < 0 ? rest : rest.substring(0, c);
                    if (c >= 0) {
                        port = port(text, rest.substring(c + 1));
                    }
                }
                if (host.isEmpty()) {
                    throw new IllegalArgumentException(text + ": missing IP address");
                }
                yield new OfTarget(kind, host, port, null, text);
            }
            case "ptcp", "pssl" -> {
                int c = rest.indexOf(':');
                String p = c < 0 ? rest : rest.substring(0, c);
                String ip = c < 0 ? "" : rest.substring(c + 1);
                if (ip.startsWith("[") && ip.endsWith("]")) {
                    ip = ip.substring(1, ip.length() - 1);
                }
                yield new OfTarget(kind, ip, p.isEmpty() ? DEFAULT_PORT : port(text, p), null, text);
            }
            default -> throw new IllegalArgumentException(text + ": unknown connection type '" + kind + "'");
        };
    }

    private static int port(String text, String s) {
        try {
            int p = Integer.parseInt(s);
            if (p >= 0 && p <= 65535) {
                return p;
            }
        } catch (NumberFormatException e) {
            // fall through
        }
        throw new IllegalArgumentException(text + ": bad port number '" + s + "'");
    }

    @Override
    public String toString() {
        return text;
    }
}
