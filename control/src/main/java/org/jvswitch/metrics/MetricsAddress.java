package org.jvswitch.metrics;

import java.net.InetSocketAddress;

/**
 * {@code other_config:metrics-address}: where {@code /metrics} is served. {@code HOST:PORT},
 * {@code [IPV6]:PORT}, {@code :PORT} or {@code PORT} (host 127.0.0.1); empty turns the endpoint
 * off; unset means {@link #DEFAULT}.
 */
public final class MetricsAddress {
    /** The other_config key. */
    public static final String KEY = "metrics-address";
    /** The ovs_exporter's port, on loopback only. */
    public static final String DEFAULT = "127.0.0.1:9475";

    private MetricsAddress() {
    }

    /**
     * @return the socket address, or null for "off" (an empty value)
     * @throws IllegalArgumentException with a one-line reason naming the key
     */
    public static InetSocketAddress parse(String value) {
        if (value == null) {
            value = DEFAULT;
        }
        String v = value.trim();
        if (v.isEmpty()) {
            return null;
        }
        String host = "127.0.0.1";
        String port = v;
        int colon = v.lastIndexOf(':');
        if (colon >= 0) {
            host = v.substring(0, colon);
            port = v.substring(colon + 1);
            if (host.startsWith("[") && host.endsWith("]")) {
                host = host.substring(1, host.length() - 1);
            } else if (host.contains(":")) {
                throw bad(value, "an IPv6 address goes in brackets, e.g. [::1]:9475");
            }
            if (host.isEmpty()) {
                host = "127.0.0.1";
            }
        }
        int p;
        try {
            p = Integer.parseInt(port);
        } catch (NumberFormatException e) {
            throw bad(value, "'" + port + "' is not a port number");
        }
        if (p < 0 || p > 65535) {
            throw bad(value, "port " + p + " is out of range 0..65535");
        }
        return new InetSocketAddress(host, p);
    }

    private static IllegalArgumentException bad(String value, String why) {
        return new IllegalArgumentException("other_config:" + KEY + " '" + value + "': " + why
                + " (HOST:PORT, or empty to turn /metrics off)");
    }
}
