package org.jvswitch.testing.net;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.jvswitch.testing.Cmd;
import org.jvswitch.testing.Peers;

/**
 * A network namespace a test creates, and the veth pairs that join it to the test's own
 * namespace. Everything is removed on {@link #close()}, also after a failed test.
 *
 * <p>Names are unique per test JVM and short enough for kernel interface names (15 characters):
 * {@code <prefix><pid mod 10000><counter>}.
 */
public final class Netns implements AutoCloseable {
    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static final Duration TIMEOUT = Duration.ofSeconds(20);

    private final String name;
    private final List<String> links = new ArrayList<>();

    private Netns(String name) {
        this.name = name;
    }

    /** A unique short name with this prefix (at most 6 characters of prefix). */
    public static String uniqueName(String prefix) {
        return prefix + ProcessHandle.current().pid() % 10000 + "x" + COUNTER.incrementAndGet();
    }

    public static Netns create(String prefix) {
        Peers.require("ip");
        Netns ns = new Netns(uniqueName(prefix));
        run("ip", "netns", "add", ns.name);
        ns.exec("ip", "link", "set", "lo", "up");
        return ns;
    }

    public String name() {
        return name;
    }

    /**
     * Creates a veth pair: {@code outside} stays in the test's namespace (up, no address),
     * {@code inside} moves into this namespace with {@code cidr} (e.g. "10.9.0.1/24") and is up.
     */
    public void addVeth(String outside, String inside, String cidr) {
        // Created straight into the namespace: 'inside' may be a name the host uses too (eth0).
        run("ip", "link", "add", outside, "type", "veth", "peer", "name", inside, "netns", name);
        links.add(outside);
        run("ip", "link", "set", outside, "up");
        exec("ip", "link", "set", inside, "up");
        if (cidr != null) {
            exec("ip", "addr", "add", cidr, "dev", inside);
        }
    }

    /** Runs a command in this namespace; throws if it fails. */
    public Cmd.Result exec(String... argv) {
        Cmd.Result r = tryExec(TIMEOUT, argv);
        if (!r.ok()) {
            throw new IllegalStateException(r.toString());
        }
        return r;
    }

    /** Runs a command in this namespace and returns whatever happened. */
    public Cmd.Result tryExec(Duration timeout, String... argv) {
        List<String> cmd = new ArrayList<>(List.of("ip", "netns", "exec", name));
        cmd.addAll(List.of(argv));
        return Cmd.run(timeout, Map.of(), cmd.toArray(String[]::new));
    }

    /** Runs a command in the test's own namespace; throws if it fails. */
    public static Cmd.Result run(String... argv) {
        Cmd.Result r = Cmd.run(TIMEOUT, Map.of(), argv);
        if (!r.ok()) {
            throw new IllegalStateException(r.toString());
        }
        return r;
    }

    @Override
    public void close() {
        for (String link : links) {
            Cmd.run(TIMEOUT, Map.of(), "ip", "link", "del", link);
        }
        Cmd.run(TIMEOUT, Map.of(), "ip", "netns", "del", name);
    }
}
