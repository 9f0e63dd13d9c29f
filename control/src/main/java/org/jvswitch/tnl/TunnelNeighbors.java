package org.jvswitch.tnl;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * The tunnel neighbour cache (Open vSwitch's tnl-neigh-cache): the MAC address of each next hop
 * of a tunnel's outer packet, per bridge, learned by snooping ARP replies and IPv6 neighbour
 * advertisements that reach the bridge's local addresses, or set by hand
 * ({@code tnl/neigh/set}). Learned entries expire after the aging time (900 s by default,
 * {@code tnl/neigh/aging}); set ones do not.
 *
 * <p>It also rate-limits the ARP requests and neighbour solicitations the translation sends for
 * a missing entry: one per address per second.
 *
 * <p>Threads: translation threads look up and learn, commands set and flush; a concurrent map.
 * Learning a new or changed entry runs the listener (the switch revalidates its megaflows).
 */
public final class TunnelNeighbors {
    public static final int DEFAULT_AGING_S = 900;
    public static final int MAX_AGING_S = 3600;
    private static final long REQUEST_INTERVAL_MS = 1000;

    /** One neighbour: its MAC on a bridge, until {@code expiresMillis} (Long.MAX_VALUE: set by hand). */
    public record Entry(InetAddress ip, long mac, String bridge, long expiresMillis) {
        public boolean isStatic() {
            return expiresMillis == Long.MAX_VALUE;
        }
    }

    private final Map<InetAddress, Entry> entries = new ConcurrentHashMap<>();
    private final Map<InetAddress, Long> requested = new ConcurrentHashMap<>();
    private final LongSupplier clock;
    private volatile long agingMillis = DEFAULT_AGING_S * 1000L;
    private volatile Runnable listener = () -> { };

    public TunnelNeighbors() {
        this(System::currentTimeMillis);
    }

    /** With a clock in milliseconds (tests). */
    public TunnelNeighbors(LongSupplier clockMillis) {
        this.clock = clockMillis;
    }

    public void setListener(Runnable r) {
        listener = r == null ? () -> { } : r;
    }

    /** The MAC of {@code ip} on bridge {@code bridge}, or -1. */
    public long lookup(InetAddress ip, String bridge) {
        Entry e = entries.get(ip);
        if (e == null || !e.bridge().equals(bridge)) {
            return -1;
        }
        if (e.expiresMillis() <= clock.getAsLong()) {
            entries.remove(ip, e);
            return -1;
        }
        return e.mac();
    }

    /** Learns (snooping) that {@code ip} is at {@code mac} behind bridge {@code bridge}. */
    public void learn(String bridge, InetAddress ip, long mac) {
        long now = clock.getAsLong();
        Entry old = entries.get(ip);
        if (old != null && old.isStatic()) {
            return;
        }
        Entry e = new Entry(ip, mac, bridge, now + agingMillis);
        entries.put(ip, e);
        requested.remove(ip);
        if (old == null || old.mac() != mac || !old.bridge().equals(bridge) || old.expiresMillis() <= now) {
            listener.run();
        }
    }

    /** tnl/neigh/set: null, or the error message. */
    public String set(String bridge, String ipText, String macText) {
        InetAddress ip = IpAddrs.parse(ipText);
        if (ip == null) {
            return "bad IP address";
        }
        long mac = parseMac(macText);
        if (mac < 0) {
            return "bad MAC address";
        }
        entries.put(ip, new Entry(ip, mac, bridge, Long.MAX_VALUE));
        requested.remove(ip);
        listener.run();
        return null;
    }

    /** tnl/neigh/flush. */
    public void flush() {
        entries.clear();
        requested.clear();
        listener.run();
    }

    /** tnl/neigh/aging with no argument: the aging time in seconds. */
    public long agingSeconds() {
        return agingMillis / 1000;
    }

    /** tnl/neigh/aging SECS: null, or the error message. */
    public String setAging(String secs) {
        long s;
        try {
            s = Long.parseLong(secs.trim());
        } catch (NumberFormatException e) {
            s = 0;
        }
        if (s <= 0 || s > MAX_AGING_S) {
            return "bad aging value";
        }
        agingMillis = s * 1000;
        long now = clock.getAsLong();
        entries.replaceAll((ip, e) -> e.isStatic() ? e : new Entry(ip, e.mac(), e.bridge(),
                Math.min(e.expiresMillis(), now + agingMillis)));
        return null;
    }

    /** Whether to send a request for {@code ip} now (at most one a second per address). */
    public boolean shouldRequest(InetAddress ip) {
        long now = clock.getAsLong();
        Long last = requested.get(ip);
        if (last != null && now - last < REQUEST_INTERVAL_MS) {
            return false;
        }
        requested.put(ip, now);
        return true;
    }

    /** The live entries, IPv4 first, by address. */
    public List<Entry> entries() {
        long now = clock.getAsLong();
        List<Entry> l = new ArrayList<>();
        for (Entry e : entries.values()) {
            if (e.expiresMillis() > now) {
                l.add(e);
            }
        }
        l.sort(Comparator.comparing((Entry e) -> IpAddrs.isV4(e.ip()) ? 0 : 1)
                .thenComparing(e -> IpAddrs.mapped(e.ip()), java.util.Arrays::compareUnsigned));
        return l;
    }

    /** tnl/neigh/show. */
    public String show() {
        StringBuilder b = new StringBuilder();
        b.append(String.format("%-46s%-20s%s%n", "IP", "MAC", "Bridge"));
        b.append("=".repeat(74)).append('\n');
        for (Entry e : entries()) {
            b.append(String.format("%-46s%-20s%s%n", IpAddrs.format(e.ip()), formatMac(e.mac()), e.bridge()));
        }
        return b.toString();
    }

    public static String formatMac(long mac) {
        return String.format("%02x:%02x:%02x:%02x:%02x:%02x", mac >>> 40 & 0xff, mac >>> 32 & 0xff, mac >>> 24 & 0xff,
                mac >>> 16 & 0xff, mac >>> 8 & 0xff, mac & 0xff);
    }

    /** A MAC as xx:xx:xx:xx:xx:xx, or -1. */
    public static long parseMac(String s) {
        String[] p = s.trim().split(":", -1);
        if (p.length != 6) {
            return -1;
        }
        long v = 0;
        for (String x : p) {
            if (!x.matches("[0-9a-fA-F]{1,2}")) {
                return -1;
            }
            v = v << 8 | Integer.parseInt(x, 16);
        }
        return v;
    }
}
