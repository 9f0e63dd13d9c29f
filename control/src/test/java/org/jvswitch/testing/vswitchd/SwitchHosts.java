package org.jvswitch.testing.vswitchd;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.jvswitch.testing.Cmd;
import org.jvswitch.testing.net.Netns;

/** Hosts for integration tests: network namespaces behind system ports of a running switch, and pings between them. */
public final class SwitchHosts {
    private SwitchHosts() {
    }

    /** A namespace with address {@code cidr} behind a new system port of {@code br}. */
    public static Netns host(VswitchdProcess vs, List<Netns> nss, String br, String cidr) {
        Netns ns = Netns.create("jvn");
        nss.add(ns);
        String port = "jp" + ns.name().substring(3);
        ns.addVeth(port, "eth0", cidr);
        ns.exec("sysctl", "-qw", "net.ipv6.conf.all.disable_ipv6=1");
        vs.vsctlOk("add-port", br, port);
        return ns;
    }

    public static String portOf(Netns ns) {
        return "jp" + ns.name().substring(3);
    }

    public static void assertPings(VswitchdProcess vs, Netns from, String to) {
        Cmd.Result r = from.tryExec(Duration.ofSeconds(15), "ping", "-c", "2", "-i", "0.3", "-w", "10", to);
        assertTrue(r.ok(), from.name() + " -> " + to + ": " + r + "\n" + vs.log());
    }

    public static void assertNoPing(Netns from, String to) {
        Cmd.Result r = from.tryExec(Duration.ofSeconds(10), "ping", "-c", "2", "-i", "0.3", "-W", "1", to);
        assertFalse(r.ok(), from.name() + " -> " + to + " should not get through: " + r);
    }
}
