package org.jvswitch.tnl;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.jvswitch.vlog.Vlog;
import org.slf4j.Logger;

/**
 * Copies the kernel's routes and interface addresses into the {@link OvsRouter} as its "Cached"
 * routes (Open vSwitch's route-table, which listens to rtnetlink): so the address an operator puts
 * on a bridge's internal port ({@code ip addr add 10.10.10.1/24 dev br-phy}) gives the tunnel
 * route to that subnet and the local address tunnels are terminated on.
 *
 * <p>It reads {@code ip -j addr show} and {@code ip -j -4/-6 route show table all} (main table
 * routes and local routes, as OVS caches them), and runs
 * {@code ip monitor address route} to hear about changes: each one, debounced, triggers a full
 * re-read, as OVS re-dumps on every notification. Runs in the switch's network namespace. If
 * {@code ip} is missing it says so once and the router keeps what the bridge layer and
 * {@code ovs/route/add} give it.
 *
 * <p>One daemon thread ("route-table") does the reading; the monitor process's reader is another.
 */
public final class SystemRoutes implements AutoCloseable {
    private static final Logger LOG = Vlog.module("route_table");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final OvsRouter router;
    private final ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(
            r -> Thread.ofPlatform().name("route-table").daemon(true).unstarted(r));
    private volatile Process monitor;
    private ScheduledFuture<?> pending;
    private volatile boolean closed;

    public SystemRoutes(OvsRouter router) {
        this.router = router;
    }

    /** Reads the tables now and starts following changes (and re-reads every {@code periodS} seconds anyway). */
    public SystemRoutes start(long periodS) {
        thread.execute(this::reload);
        thread.execute(this::startMonitor);
        if (periodS > 0) {
            thread.scheduleWithFixedDelay(this::reload, periodS, periodS, TimeUnit.SECONDS);
        }
        return this;
    }

    /** Re-reads the kernel's tables soon (the bridge layer calls this when an internal port changes). */
    public void refresh() {
        schedule();
    }

    private synchronized void schedule() {
        if (closed || pending != null && !pending.isDone()) {
            return;
        }
        pending = thread.schedule(this::reload, 100, TimeUnit.MILLISECONDS);
    }

    private void startMonitor() {
        try {
            Process p = new ProcessBuilder("ip", "monitor", "address", "route").redirectErrorStream(true).start();
            monitor = p;
            Thread.ofPlatform().name("route-monitor").daemon(true).start(() -> {
                try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(),
                        StandardCharsets.UTF_8))) {
                    while (r.readLine() != null) {
                        schedule();
                    }
                } catch (IOException e) {
                    // the process ended
                }
            });
        } catch (IOException e) {
            LOG.warn("cannot follow the kernel's routes ({}); run ovs/route/add for tunnel routes", e.getMessage());
        }
    }

    /** Reads everything once, on the calling thread. */
    public void reload() {
        try {
            JsonNode addrs = run("ip", "-j", "addr", "show");
            JsonNode v4 = run("ip", "-j", "-4", "route", "show", "table", "all");
            JsonNode v6 = run("ip", "-j", "-6", "route", "show", "table", "all");
            Map<String, List<OvsRouter.DeviceAddress>> devices = parseAddresses(addrs);
            List<OvsRouter.Route> routes = new ArrayList<>(parseRoutes(v4, devices, true));
            routes.addAll(parseRoutes(v6, devices, false));
            router.setSystem(routes, devices);
        } catch (IOException | InterruptedException e) {
            LOG.debug("reading the kernel's routes: {}", e.getMessage());
        }
    }

    private static JsonNode run(String... cmd) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(5, TimeUnit.SECONDS) || p.exitValue() != 0) {
            p.destroy();
            throw new IOException(String.join(" ", cmd) + " failed");
        }
        return out.length == 0 ? JSON.createArrayNode() : JSON.readTree(out);
    }

    /** Device addresses from {@code ip -j addr show}. */
    static Map<String, List<OvsRouter.DeviceAddress>> parseAddresses(JsonNode links) {
        Map<String, List<OvsRouter.DeviceAddress>> out = new HashMap<>();
        for (JsonNode link : links) {
            String dev = link.path("ifname").asText();
            List<OvsRouter.DeviceAddress> l = new ArrayList<>();
            for (JsonNode a : link.path("addr_info")) {
                InetAddress ip = IpAddrs.parse(a.path("local").asText());
                if (ip != null) {
                    l.add(new OvsRouter.DeviceAddress(ip, a.path("prefixlen").asInt()));
                }
            }
            if (!dev.isEmpty() && !l.isEmpty()) {
                out.put(dev, l);
            }
        }
        return out;
    }

    /** Routes from {@code ip -j -4|-6 route show table all}: main-table unicast and local ones (as OVS 3.1 caches them). */
    static List<OvsRouter.Route> parseRoutes(JsonNode list, Map<String, List<OvsRouter.DeviceAddress>> devices,
                                            boolean v4) {
        List<OvsRouter.Route> out = new ArrayList<>();
        for (JsonNode r : list) {
            String type = r.path("type").asText("unicast");
            String table = r.path("table").asText("main");
            boolean local = type.equals("local") && table.equals("local");
            if (!(type.equals("unicast") && table.equals("main")) && !local) {
                continue;
            }
            String dev = r.path("dev").asText();
            if (dev.isEmpty()) {
                continue;
            }
            String dst = r.path("dst").asText();
            OvsRouter.ParsedPrefix p = OvsRouter.parsePrefix(dst.equals("default") ? v4 ? "0.0.0.0/0" : "::/0" : dst);
            if (p == null || p.v4() != v4) {
                continue;
            }
            InetAddress gw = r.has("gateway") ? IpAddrs.parse(r.get("gateway").asText()) : null;
            InetAddress src = r.has("prefsrc") ? IpAddrs.parse(r.get("prefsrc").asText()) : null;
            if (src == null) {
                src = sourceOf(devices.getOrDefault(dev, List.of()), gw != null ? IpAddrs.mapped(gw) : p.prefix(), v4);
            }
            if (src == null) {
                continue;
            }
            out.add(new OvsRouter.Route(p.prefix(), p.plen(), 0, dev, gw, src, local, false));
        }
        return out;
    }

    /** A device's address on the target's subnet, else its first global (or any) address of the family. */
    private static InetAddress sourceOf(List<OvsRouter.DeviceAddress> addrs, byte[] target, boolean v4) {
        InetAddress any = null;
        for (OvsRouter.DeviceAddress d : addrs) {
            if (IpAddrs.isV4(d.addr()) != v4) {
                continue;
            }
            int plen = v4 ? d.plen() + 96 : d.plen();
            if (IpAddrs.samePrefix(IpAddrs.mapped(d.addr()), target, plen)) {
                return d.addr();
            }
            if (any == null || any.isLinkLocalAddress() && !d.addr().isLinkLocalAddress()) {
                any = d.addr();
            }
        }
        return any;
    }

    @Override
    public void close() {
        closed = true;
        Process p = monitor;
        if (p != null) {
            p.destroy();
        }
        thread.shutdownNow();
    }
}
