package org.jvswitch.ofproto;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A bridge's MAC learning table for NORMAL (Open vSwitch's mac-learning): (VLAN, MAC) → port,
 * with aging (other_config:mac-aging-time, default 300 s) and a size limit
 * (other_config:mac-table-size, default 8192; the least recently used entry goes).
 *
 * <p>Upcall handler threads learn and look up concurrently (a concurrent map); every change that
 * could alter a forwarding decision (a new address, a move, an expiry, a flush) bumps
 * {@link #seq()}, which tells the revalidators to re-translate the datapath flows NORMAL made.
 */
public final class MacLearning {
    public static final int DEFAULT_AGING_S = 300;
    public static final int DEFAULT_SIZE = 8192;

    /** A learned address. Static entries (fdb/add) never age. */
    public record Entry(int vlan, long mac, int port, long usedMillis, boolean isStatic) {
    }

    private final Map<Long, Entry> table = new ConcurrentHashMap<>();
    private final AtomicLong seq = new AtomicLong();
    private final AtomicLong moves = new AtomicLong();
    private volatile long agingMillis = DEFAULT_AGING_S * 1000L;
    private volatile int maxEntries = DEFAULT_SIZE;

    private static long keyOf(int vlan, long mac) {
        return (long) (vlan & 0xfff) << 48 | mac & 0xffffffffffffL;
    }

    public void configure(int agingSeconds, int size) {
        agingMillis = Math.max(1, agingSeconds) * 1000L;
        maxEntries = Math.max(1, size);
    }

    /**
     * Learns that {@code mac} in {@code vlan} is behind {@code port}.
     *
     * @return true if this changed the table (a new address or a move)
     */
    public boolean learn(int vlan, long mac, int port, long nowMillis) {
        long k = keyOf(vlan, mac);
        Entry old = table.get(k);
        if (old != null && old.isStatic()) {
            return false;
        }
        if (old != null && old.port() == port) {
            if (nowMillis - old.usedMillis() > 1000) {
                table.put(k, new Entry(vlan, mac, port, nowMillis, false));
            }
            return false;
        }
        if (old == null && table.size() >= maxEntries) {
            evictOldest();
        }
        table.put(k, new Entry(vlan, mac, port, nowMillis, false));
        if (old != null) {
            moves.incrementAndGet();
        }
        seq.incrementAndGet();
        return true;
    }

    /** The port {@code mac} is behind in {@code vlan}, or -1 (unknown or expired). */
    public int lookup(int vlan, long mac, long nowMillis) {
        Entry e = table.get(keyOf(vlan, mac));
        if (e == null || !e.isStatic() && nowMillis - e.usedMillis() > agingMillis) {
            return -1;
        }
        return e.port();
    }

    /** fdb/add: a static entry. */
    public void addStatic(int vlan, long mac, int port) {
        table.put(keyOf(vlan, mac), new Entry(vlan, mac, port, 0, true));
        seq.incrementAndGet();
    }

    /** fdb/del: true if there was such an entry. */
    public boolean delete(int vlan, long mac) {
        boolean removed = table.remove(keyOf(vlan, mac)) != null;
        if (removed) {
            seq.incrementAndGet();
        }
        return removed;
    }

    /** Removes expired entries; returns how many. */
    public int expire(long nowMillis) {
        int n = 0;
        for (var it = table.values().iterator(); it.hasNext(); ) {
            Entry e = it.next();
            if (!e.isStatic() && nowMillis - e.usedMillis() > agingMillis) {
                it.remove();
                n++;
            }
        }
        if (n > 0) {
            seq.incrementAndGet();
        }
        return n;
    }

    /** Forgets everything (fdb/flush, a topology change). */
    public void flush() {
        table.clear();
        seq.incrementAndGet();
    }

    /** Forgets what was learned on a port (it went away or down). */
    public void flushPort(int port) {
        if (table.values().removeIf(e -> e.port() == port && !e.isStatic())) {
            seq.incrementAndGet();
        }
    }

    public long seq() {
        return seq.get();
    }

    public long moves() {
        return moves.get();
    }

    public int size() {
        return table.size();
    }

    /** Every entry (a copy). */
    public List<Entry> entries() {
        return new ArrayList<>(table.values());
    }

    private void evictOldest() {
        Entry oldest = null;
        for (Entry e : table.values()) {
            if (!e.isStatic() && (oldest == null || e.usedMillis() < oldest.usedMillis())) {
                oldest = e;
            }
        }
        if (oldest != null) {
            table.remove(keyOf(oldest.vlan(), oldest.mac()));
        }
    }
}
