package org.jvswitch.tnl;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.jvswitch.testing.Cmd;
import org.jvswitch.testing.net.Netns;

/**
 * The seed's two-host tunnel experiment (../shared/seeds/002) in network namespaces: two "hosts"
 * joined by a veth pair (the underlay, {@code ul} on each side), each running a switch of its own
 * with an underlay bridge {@code brp} (the veth as a system port, 10.10.10.N/24 on the bridge's
 * internal port) and a tunnel bridge {@code brt} with a guest namespace behind it
 * (192.168.10.N/24). {@link #tunnel} puts one tunnel port of a type on both tunnel bridges;
 * {@link #pingBothWays} pings guest to guest across it, with tcpdump on host 2's underlay end.
 * The switches themselves are {@link Host}s: jvswitch or Open vSwitch's own.
 */
final class TwoHosts implements AutoCloseable {
    static final String UNDERLAY_BRIDGE = "brp";
    static final String TUNNEL_BRIDGE = "brt";

    /** A switch running in a host namespace, configured with ovs-vsctl. */
    interface Host extends AutoCloseable {
        Cmd.Result vsctl(String... args);

        Cmd.Result appctl(String... args);

        String log();

        /** The environment OVS's tools reach this switch with (OVS_RUNDIR: ovs-ofctl's BRIDGE.mgmt). */
        Map<String, String> env();

        @Override
        void close() throws Exception;

        /** Runs the real ovs-ofctl (OpenFlow 1.3) against this switch; fails the test if it fails. */
        default String ofctlOk(String... args) {
            List<String> argv = new ArrayList<>(List.of("ovs-ofctl", "-O", "OpenFlow13"));
            argv.addAll(List.of(args));
            Cmd.Result r = Cmd.run(Duration.ofSeconds(30), env(), argv.toArray(String[]::new));
            if (!r.ok()) {
                throw new AssertionError(r + "\n--- switch log\n" + log());
            }
            return r.stdout();
        }

        default String vsctlOk(String... args) {
            Cmd.Result r = vsctl(args);
            if (!r.ok()) {
                throw new AssertionError(r + "\n--- switch log\n" + log());
            }
            return r.stdout();
        }

        default String appctlOk(String... args) {
            Cmd.Result r = appctl(args);
            if (!r.ok()) {
                throw new AssertionError(r + "\n--- switch log\n" + log());
            }
            return r.stdout();
        }
    }

    /** Starts a switch inside network namespace {@code netns}. */
    @FunctionalInterface
    interface HostFactory {
        Host start(String netns) throws Exception;
    }

    final Netns[] hosts = new Netns[2];
    final Netns[] guests = new Netns[2];
    final Host[] switches = new Host[2];
    private final List<AutoCloseable> closing = new ArrayList<>();

    /** Builds the namespaces and the links, starts both switches (at once) and sets up their bridges. */
    TwoHosts(HostFactory first, HostFactory second) throws Exception {
        try {
            for (int i = 0; i < 2; i++) {
                hosts[i] = Netns.create("th");
                closing.add(hosts[i]);
                guests[i] = Netns.create("tg");
                closing.add(guests[i]);
                quiet(hosts[i]);
                quiet(guests[i]);
            }
            Netns.run("ip", "link", "add", "ul", "netns", hosts[0].name(), "type", "veth", "peer", "name", "ul",
                    "netns", hosts[1].name());
            for (int i = 0; i < 2; i++) {
                Netns.run("ip", "link", "add", "gp", "netns", hosts[i].name(), "type", "veth", "peer", "name", "eth0",
                        "netns", guests[i].name());
                // The switch reads the underlay veth through AF_PACKET, so the host's kernel sees its
                // frames too, and with Linux's default arp_ignore=0 it would answer ARP for the
                // bridge's address from the veth (with the veth's MAC), racing the switch's own
                // port. Reply only on the interface holding the address, as a host whose NIC a
                // DPDK driver owns does.
                hosts[i].exec("sysctl", "-qw", "net.ipv4.conf.all.arp_ignore=1");
                hosts[i].exec("ip", "link", "set", "ul", "up");
                hosts[i].exec("ip", "link", "set", "gp", "up");
                guests[i].exec("ip", "link", "set", "eth0", "up");
                guests[i].exec("ip", "addr", "add", guestIp(i) + "/24", "dev", "eth0");
            }
            startBoth(first, second);
            for (int i = 0; i < 2; i++) {
                Host h = switches[i];
                h.vsctlOk("add-br", UNDERLAY_BRIDGE, "--", "set", "bridge", UNDERLAY_BRIDGE, "datapath_type=netdev",
                        "--", "add-port", UNDERLAY_BRIDGE, "ul");
                h.vsctlOk("add-br", TUNNEL_BRIDGE, "--", "set", "bridge", TUNNEL_BRIDGE, "datapath_type=netdev",
                        "--", "add-port", TUNNEL_BRIDGE, "gp");
                waitForLink(i, UNDERLAY_BRIDGE);
                hosts[i].exec("ip", "addr", "add", underlayIp(i) + "/24", "dev", UNDERLAY_BRIDGE);
                hosts[i].exec("ip", "link", "set", UNDERLAY_BRIDGE, "up");
            }
        } catch (Exception | AssertionError e) {
            close();
            throw e;
        }
    }

    private void startBoth(HostFactory first, HostFactory second) throws Exception {
        // The two switches start in parallel: a JVM and DPDK each, a few seconds apiece.
        Exception[] failed = new Exception[1];
        Thread t = Thread.ofPlatform().start(() -> {
            try {
                switches[1] = second.start(hosts[1].name());
            } catch (Exception e) {
                failed[0] = e;
            }
        });
        try {
            switches[0] = first.start(hosts[0].name());
            closing.add(switches[0]);
        } finally {
            t.join();
            if (switches[1] != null) {
                closing.add(switches[1]);
            }
        }
        if (failed[0] != null) {
            throw failed[0];
        }
    }

    /** Waits for the bridge's internal port to show up in host {@code i}'s namespace. */
    private void waitForLink(int i, String dev) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!hosts[i].tryExec(Duration.ofSeconds(5), "ip", "link", "show", dev).ok()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no " + dev + " in " + hosts[i].name() + ":\n"
                        + hosts[i].tryExec(Duration.ofSeconds(5), "ip", "link") + "\n"
                        + switches[i].vsctl("--columns=name,ofport,error", "list", "interface") + switches[i].log());
            }
            Thread.sleep(100);
        }
    }

    /** No IPv6 autoconfiguration chatter on the links: the captures stay readable. */
    private static void quiet(Netns ns) {
        ns.exec("sysctl", "-qw", "net.ipv6.conf.all.disable_ipv6=1");
        ns.exec("sysctl", "-qw", "net.ipv6.conf.default.disable_ipv6=1");
    }

    static String underlayIp(int host) {
        return "10.10.10." + (host + 1);
    }

    static String guestIp(int host) {
        return "192.168.10." + (host + 1);
    }

    /** Adds tunnel port {@code name} of {@code type} to both tunnel bridges, each pointing at the other host. */
    void tunnel(String name, String type, String... options) {
        for (int i = 0; i < 2; i++) {
            List<String> args = new ArrayList<>(List.of("add-port", TUNNEL_BRIDGE, name, "--", "set", "interface", name,
                    "type=" + type, "options:remote_ip=" + underlayIp(1 - i)));
            for (String o : options) {
                args.add("options:" + o);
            }
            switches[i].vsctlOk(args.toArray(String[]::new));
            String error = switches[i].vsctlOk("get", "interface", name, "error").trim();
            assertTrue(error.equals("[]"), () -> name + " on host " + hosts[0].name() + ": error " + error);
        }
    }

    void removeTunnel(String name) {
        for (Host h : switches) {
            h.vsctlOk("del-port", TUNNEL_BRIDGE, name);
        }
    }

    /**
     * Pings guest 1 to guest 2 and back (retrying while the next hops are resolved), with tcpdump on
     * both ends of the underlay; returns what they captured of the tunnel packets. Each end sees
     * what arrives: DPDK's af_packet sends with PACKET_QDISC_BYPASS, past the capture taps.
     *
     * @param filter tcpdump's filter for the tunnel packets
     * @param tcpdumpOptions more tcpdump options (-vv: Geneve's options with their data)
     */
    String pingBothWays(String filter, int seconds, String... tcpdumpOptions) throws Exception {
        Path[] out = new Path[2];
        Process[] cap = new Process[2];
        try {
            for (int i = 0; i < 2; i++) {
                out[i] = Files.createTempFile("tnl-cap", ".txt");
                List<String> argv = new ArrayList<>(List.of("ip", "netns", "exec", hosts[i].name(), "tcpdump", "-nn",
                        "-l", "-i", "ul"));
                argv.addAll(List.of(tcpdumpOptions));
                argv.add(filter);
                cap[i] = new ProcessBuilder(argv).redirectErrorStream(true).redirectOutput(out[i].toFile()).start();
            }
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            for (Path p : out) {
                while (!Files.readString(p).contains("listening on") && System.nanoTime() < deadline) {
                    Thread.sleep(50);
                }
            }
            assertPings(guests[0], guestIp(1), seconds);
            assertPings(guests[1], guestIp(0), seconds);
            Thread.sleep(300);
        } finally {
            for (Process c : cap) {
                if (c != null) {
                    c.destroy();
                    c.waitFor(5, TimeUnit.SECONDS);
                    c.destroyForcibly();
                }
            }
        }
        StringBuilder text = new StringBuilder();
        for (Path p : out) {
            text.append(Files.readString(p, StandardCharsets.UTF_8));
            Files.deleteIfExists(p);
        }
        return text.toString();
    }

    /** Pings once (1 s wait) every half second until a reply comes back or {@code seconds} pass. */
    void assertPings(Netns from, String to, int seconds) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
        Cmd.Result r;
        do {
            r = Cmd.run(Duration.ofSeconds(5), Map.of(), "ip", "netns", "exec", from.name(), "ping", "-c", "1", "-W",
                    "1", to);
            if (r.ok()) {
                return;
            }
            Thread.sleep(300);
        } while (System.nanoTime() < deadline);
        throw new AssertionError(from.name() + " -> " + to + ": " + r + "\n" + diagnostics());
    }

    /** What each switch thinks: routes, neighbours, datapath flows, and its log. */
    String diagnostics() {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < 2; i++) {
            Host h = switches[i];
            b.append("==== host ").append(i + 1).append('\n');
            for (String[] c : new String[][] {{"ovs/route/show"}, {"tnl/neigh/show"}, {"dpctl/dump-flows"},
                {"dpctl/show"}}) {
                b.append("$ ovs-appctl ").append(String.join(" ", c)).append('\n').append(h.appctl(c)).append('\n');
            }
            b.append(h.log()).append('\n');
        }
        return b.toString();
    }

    /** Asserts that the capture holds at least {@code n} lines that match {@code line}. */
    static void assertCaptured(String capture, String line, int n) {
        Pattern p = Pattern.compile(line);
        long found = capture.lines().filter(l -> p.matcher(l).find()).count();
        assertTrue(found >= n, () -> "expected " + n + " packets like /" + line + "/ in the underlay, got " + found
                + ":\n" + capture);
    }

    @Override
    public void close() {
        for (int i = closing.size() - 1; i >= 0; i--) {
            try {
                closing.get(i).close();
            } catch (Exception e) {
                // clean up the rest
            }
        }
        closing.clear();
    }

    /** Reads a file, or says why it could not. */
    static String read(Path p) {
        try {
            String s = Files.readString(p);
            return s.length() > 8000 ? s.substring(s.length() - 8000) : s;
        } catch (IOException e) {
            return p + ": " + e.getMessage();
        }
    }
}
