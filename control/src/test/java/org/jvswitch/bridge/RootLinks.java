package org.jvswitch.bridge;

import java.util.ArrayList;
import java.util.List;
import org.jvswitch.testing.net.Netns;

/**
 * Veth pairs with both ends in the test's own namespace (links between bridges), up, with IPv6
 * off so the host stack keeps quiet on them. Removed on close.
 */
final class RootLinks implements AutoCloseable {
    private final List<String> links = new ArrayList<>();

    /** A pair {@code a}/{@code b}. */
    void add(String a, String b) {
        Netns.run("ip", "link", "add", a, "type", "veth", "peer", "name", b);
        links.add(a);
        for (String end : List.of(a, b)) {
            Netns.run("sysctl", "-qw", "net.ipv6.conf." + end + ".disable_ipv6=1");
            Netns.run("ip", "link", "set", end, "up");
        }
    }

    /** Deletes one pair now (a link going away). */
    void remove(String a) {
        Netns.run("ip", "link", "del", a);
        links.remove(a);
    }

    @Override
    public void close() {
        for (String l : links) {
            Netns.run("ip", "link", "del", l);
        }
        links.clear();
    }
}
