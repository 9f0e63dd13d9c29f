package org.jvswitch.tnl;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The tunnel route table (Open vSwitch's ovs-router): where the outer packet of a tunnel goes —
 * its output device (a bridge's internal port), gateway and source address.
 *
 * <p>Two kinds of routes: "Cached" ones copied from the kernel's tables ({@link SystemRoutes}, or
 * {@link #setDeviceAddresses} when the bridge layer says which addresses an internal port has),
 * replaced wholesale on every change as OVS does, and "User" ones from {@code ovs/route/add}. A
 * lookup takes the longest prefix with the packet's pkt_mark (0 normally); at equal length local
 * routes win, then user routes. Every address is kept 128 bits wide, IPv4 mapped, as in OVS.
 *
 * <p>Threads: lookups from translation threads read an immutable snapshot behind a volatile;
 * changes (commands, the kernel watcher) are synchronized and publish a new snapshot. Every change
 * runs the listener (the switch revalidates its megaflows: their actions depend on routes).
 */
public final class OvsRouter {
    /**
     * One route.
     *
     * @param prefix 16 bytes (IPv4 mapped), bits past plen zero
     * @param plen   0..128 (IPv4 routes 96..128)
     * @param gw     next hop, null when on-link
     * @param src    the source address tunnels through this route use
     */
    public record Route(byte[] prefix, int plen, long mark, String dev, InetAddress gw, InetAddress src,
                        boolean local, boolean user) {
        /** The line ovs/route/show prints (without the "User: "/"Cached: " tag). */
        String format() {
            StringBuilder b = new StringBuilder(IpAddrs.formatMapped(prefix)).append('/')
                    .append(isV4() ? plen - 96 : plen);
            if (mark != 0) {
                b.append(" MARK ").append(mark);
            }
            b.append(" dev ").append(dev);
            if (gw != null) {
                b.append(" GW ").append(IpAddrs.format(gw));
            }
            b.append(" SRC ").append(IpAddrs.format(src));
            if (local) {
                b.append(" local");
            }
            return b.toString();
        }

        boolean isV4() {
            return plen >= 96 && IpAddrs.samePrefix(prefix, IpAddrs.mapped(IpAddrs.ipv4(0)), 96);
        }

        boolean matches(byte[] addr, long pktMark) {
            return mark == pktMark && IpAddrs.samePrefix(prefix, addr, plen);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Route r && Arrays.equals(r.prefix, prefix) && r.plen == plen && r.mark == mark
                    && r.dev.equals(dev) && java.util.Objects.equals(r.gw, gw) && java.util.Objects.equals(r.src, src)
                    && r.local == local && r.user == user;
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(prefix) * 31 + plen + dev.hashCode();
        }
    }

    /** An address of a device, with its prefix length. */
    public record DeviceAddress(InetAddress addr, int plen) {
    }

    /** ovs/route/show's order, as OVS's classifier gives it: local routes, then by prefix length (128-bit), cached before user. */
    private static final Comparator<Route> ORDER = Comparator.comparing((Route r) -> r.local ? 0 : 1)
            .thenComparing(r -> -r.plen).thenComparing(r -> r.user ? 1 : 0).thenComparing(r -> r.isV4() ? 0 : 1)
            .thenComparing(r -> r.mark).thenComparing(r -> r.prefix, Arrays::compareUnsigned);

    private volatile List<Route> routes = List.of();
    private volatile Map<String, List<DeviceAddress>> devices = Map.of();
    private List<Route> system = List.of();
    private final Map<String, List<Route>> learned = new HashMap<>();
    private final List<Route> user = new ArrayList<>();
    private volatile Runnable listener = () -> { };

    /** Runs on every change (after it is visible to lookups). */
    public void setListener(Runnable r) {
        listener = r == null ? () -> { } : r;
    }

    // ---- lookups (any thread) ----

    /** The route for {@code dst} with pkt_mark {@code mark}, or null. */
    public Route lookup(InetAddress dst, long mark) {
        byte[] a = IpAddrs.mapped(dst);
        Route best = null;
        for (Route r : routes) {
            if (r.matches(a, mark) && (best == null || better(r, best))) {
                best = r;
            }
        }
        return best;
    }

    private static boolean better(Route r, Route than) {
        if (r.plen != than.plen) {
            return r.plen > than.plen;
        }
        if (r.local != than.local) {
            return r.local;
        }
        return r.user && !than.user;
    }

    /** Whether {@code a} is an address of device {@code dev}. */
    public boolean isLocalAddress(String dev, InetAddress a) {
        for (DeviceAddress d : devices.getOrDefault(dev, List.of())) {
            if (d.addr().equals(a)) {
                return true;
            }
        }
        return false;
    }

    /** Whether {@code a} is an address of any device this router knows. */
    public boolean isLocalAddress(InetAddress a) {
        for (List<DeviceAddress> l : devices.values()) {
            for (DeviceAddress d : l) {
                if (d.addr().equals(a)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The addresses of a device (empty when unknown). */
    public List<DeviceAddress> addresses(String dev) {
        return devices.getOrDefault(dev, List.of());
    }

    /** Every route, in ovs/route/show order. */
    public List<Route> routes() {
        return routes;
    }

    /** ovs/route/show. */
    public String show() {
        StringBuilder b = new StringBuilder("Route Table:\n");
        for (Route r : routes) {
            b.append(r.user ? "User: " : "Cached: ").append(r.format()).append('\n');
        }
        return b.toString();
    }

    // ---- changes ----

    /**
     * Replaces the routes copied from the kernel (and every device's addresses), as a full dump
     * of its tables gives them (unicast routes of the main table and local routes, both families).
     */
    public synchronized void setSystem(List<Route> kernelRoutes, Map<String, List<DeviceAddress>> deviceAddresses) {
        system = List.copyOf(kernelRoutes);
        Map<String, List<DeviceAddress>> d = new HashMap<>(deviceAddresses);
        learnedDevices.forEach(d::putIfAbsent);
        devices = Map.copyOf(d);
        publish();
    }

    private final Map<String, List<DeviceAddress>> learnedDevices = new HashMap<>();

    /**
     * What the bridge layer knows of an internal port's addresses (when the kernel cannot be read,
     * or before it has been): the port's connected and local routes are cached, as the kernel would
     * have them. An empty list forgets the device.
     */
    public synchronized void setDeviceAddresses(String dev, List<DeviceAddress> addrs) {
        if (addrs.isEmpty()) {
            learnedDevices.remove(dev);
            learned.remove(dev);
        } else {
            learnedDevices.put(dev, List.copyOf(addrs));
            List<Route> rs = new ArrayList<>();
            for (DeviceAddress a : addrs) {
                byte[] m = IpAddrs.mapped(a.addr());
                int plen = IpAddrs.isV4(a.addr()) ? a.plen() + 96 : a.plen();
                rs.add(new Route(IpAddrs.masked(m, plen), plen, 0, dev, null, a.addr(), false, false));
                rs.add(new Route(m, 128, 0, dev, null, a.addr(), true, false));
            }
            learned.put(dev, rs);
        }
        Map<String, List<DeviceAddress>> d = new HashMap<>(devices);
        if (addrs.isEmpty()) {
            d.remove(dev);
        } else {
            d.put(dev, List.copyOf(addrs));
        }
        devices = Map.copyOf(d);
        publish();
    }

    /**
     * ovs/route/add: {@code prefix} "IP/PLEN" (or a bare IP: a host route), output device,
     * optional gateway and pkt_mark. Returns null on success, else OVS's error message.
     */
    public synchronized String add(String prefix, String dev, String gw, long mark) {
        ParsedPrefix p = parsePrefix(prefix);
        if (p == null) {
            return "Invalid parameters";
        }
        InetAddress g = null;
        if (gw != null) {
            g = IpAddrs.parse(gw);
            if (g == null || IpAddrs.isV4(g) != p.v4) {
                return "Invalid pkt_mark or IP gateway";
            }
        }
        InetAddress src = sourceFor(dev, g != null ? IpAddrs.mapped(g) : p.prefix, p.v4);
        if (src == null) {
            return "Error while inserting route.";
        }
        Route r = new Route(p.prefix, p.plen, mark, dev, g, src, false, true);
        user.removeIf(u -> Arrays.equals(u.prefix, r.prefix) && u.plen == r.plen && u.mark == r.mark);
        user.add(r);
        publish();
        return null;
    }

    /** ovs/route/del: removes a user route; false if there is none. */
    public synchronized boolean delete(String prefix, long mark) {
        ParsedPrefix p = parsePrefix(prefix);
        if (p == null) {
            return false;
        }
        boolean removed = user.removeIf(u -> Arrays.equals(u.prefix, p.prefix) && u.plen == p.plen && u.mark == mark);
        if (removed) {
            publish();
        }
        return removed;
    }

    /**
     * The address of {@code dev} on the subnet of {@code target} (16-byte form): the gateway, or the
     * destination of an on-link route. None: OVS refuses the route.
     */
    private InetAddress sourceFor(String dev, byte[] target, boolean v4) {
        for (DeviceAddress d : devices.getOrDefault(dev, List.of())) {
            int plen = v4 ? d.plen() + 96 : d.plen();
            if (IpAddrs.isV4(d.addr()) == v4 && IpAddrs.samePrefix(IpAddrs.mapped(d.addr()), target, plen)) {
                return d.addr();
            }
        }
        return null;
    }

    record ParsedPrefix(byte[] prefix, int plen, boolean v4) {
    }

    static ParsedPrefix parsePrefix(String s) {
        int slash = s.indexOf('/');
        InetAddress a = IpAddrs.parse(slash < 0 ? s : s.substring(0, slash));
        if (a == null) {
            return null;
        }
        boolean v4 = IpAddrs.isV4(a);
        int max = v4 ? 32 : 128;
        int plen = max;
        if (slash >= 0) {
            try {
                plen = Integer.parseInt(s.substring(slash + 1));
            } catch (NumberFormatException e) {
                return null;
            }
            if (plen < 0 || plen > max) {
                return null;
            }
        }
        int full = v4 ? plen + 96 : plen;
        return new ParsedPrefix(IpAddrs.masked(IpAddrs.mapped(a), full), full, v4);
    }

    private void publish() {
        List<Route> all = new ArrayList<>();
        for (Route r : system) {
            if (!overridden(r)) {
                all.add(r);
            }
        }
        for (List<Route> rs : learned.values()) {
            for (Route r : rs) {
                if (!overridden(r) && !containsSame(all, r)) {
                    all.add(r);
                }
            }
        }
        all.addAll(user);
        all.sort(ORDER);
        routes = List.copyOf(all);
        listener.run();
    }

    /** A cached route a user route of the same prefix and mark replaces (as OVS's insert replaces it). */
    private boolean overridden(Route r) {
        for (Route u : user) {
            if (Arrays.equals(u.prefix, r.prefix) && u.plen == r.plen && u.mark == r.mark && !r.local) {
                return true;
            }
        }
        return false;
    }

    private static boolean containsSame(List<Route> l, Route r) {
        for (Route x : l) {
            if (Arrays.equals(x.prefix, r.prefix) && x.plen == r.plen && x.mark == r.mark && x.local == r.local) {
                return true;
            }
        }
        return false;
    }
}
