package org.jvswitch.ofproto;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * An OpenFlow flow entry: where it lives (table, priority, match), what it does (actions and
 * instructions), its cookie, timeouts and flags, and its statistics.
 *
 * <p>The match is over {@link OfKey} words; the key is stored masked. A rule is replaced, not
 * changed, when a flow_mod modifies its match; a modify of its actions swaps {@link #actions}
 * (volatile) so translations in flight see either the old or the new list. Statistics are
 * pushed by the revalidator from datapath flow statistics (atomics: translations and dumps read
 * them concurrently).
 */
public final class OfRule {
    /** OpenFlow flow_mod flags (OFPFF_*), as the 1.3 bit values. */
    public static final int SEND_FLOW_REM = 1;
    public static final int CHECK_OVERLAP = 2;
    public static final int RESET_COUNTS = 4;
    public static final int NO_PKT_COUNTS = 8;
    public static final int NO_BYT_COUNTS = 16;

    private final int table;
    private final int priority;
    private final long[] key;
    private final long[] mask;
    private final long cookie;
    private final int idleTimeout;
    private final int hardTimeout;
    private final int flags;
    private final int importance;
    private final long createdMillis;
    private volatile List<OfAction> actions;
    private volatile long modifiedMillis;
    private final AtomicLong packets = new AtomicLong();
    private final AtomicLong bytes = new AtomicLong();
    private volatile long usedMillis;

    public OfRule(int table, int priority, long[] key, long[] mask, long cookie, int idleTimeout, int hardTimeout,
                  int flags, int importance, List<OfAction> actions, long nowMillis) {
        this.table = table;
        this.priority = priority;
        this.mask = mask.clone();
        this.key = new long[OfKey.WORDS];
        for (int i = 0; i < OfKey.WORDS; i++) {
            this.key[i] = key[i] & mask[i];
        }
        this.cookie = cookie;
        this.idleTimeout = idleTimeout;
        this.hardTimeout = hardTimeout;
        this.flags = flags;
        this.importance = importance;
        this.actions = List.copyOf(actions);
        this.createdMillis = nowMillis;
        this.modifiedMillis = nowMillis;
        this.usedMillis = nowMillis;
    }

    public int table() {
        return table;
    }

    public int priority() {
        return priority;
    }

    /** The masked match key; do not modify. */
    public long[] key() {
        return key;
    }

    public long[] mask() {
        return mask;
    }

    public long cookie() {
        return cookie;
    }

    public int idleTimeout() {
        return idleTimeout;
    }

    public int hardTimeout() {
        return hardTimeout;
    }

    public int flags() {
        return flags;
    }

    public int importance() {
        return importance;
    }

    public List<OfAction> actions() {
        return actions;
    }

    public void setActions(List<OfAction> a, long nowMillis) {
        actions = List.copyOf(a);
        modifiedMillis = nowMillis;
    }

    public long createdMillis() {
        return createdMillis;
    }

    public long modifiedMillis() {
        return modifiedMillis;
    }

    public long packets() {
        return packets.get();
    }

    public long bytes() {
        return bytes.get();
    }

    public long usedMillis() {
        return usedMillis;
    }

    /** Adds datapath statistics (revalidator). */
    public void addStats(long packetCount, long byteCount, long usedAt) {
        if (packetCount > 0) {
            packets.addAndGet(packetCount);
            bytes.addAndGet(byteCount);
            if (usedAt > usedMillis) {
                usedMillis = usedAt;
            }
        }
    }

    public void resetCounts() {
        packets.set(0);
        bytes.set(0);
    }

    /** True if this rule's match is exactly {@code k}/{@code m} (flow_mod strict). */
    public boolean sameMatch(long[] k, long[] m) {
        if (!Arrays.equals(mask, m)) {
            return false;
        }
        for (int i = 0; i < OfKey.WORDS; i++) {
            if (key[i] != (k[i] & m[i])) {
                return false;
            }
        }
        return true;
    }

    /**
     * True if this rule is at least as specific as {@code k}/{@code m} and agrees with it on
     * every bit {@code m} names (flow_mod and stats requests without "strict").
     */
    public boolean isSubsumedBy(long[] k, long[] m) {
        for (int i = 0; i < OfKey.WORDS; i++) {
            if ((mask[i] & m[i]) != m[i] || (key[i] & m[i]) != (k[i] & m[i])) {
                return false;
            }
        }
        return true;
    }

    /** True if the packet key matches. */
    public boolean matches(long[] k) {
        for (int i = 0; i < OfKey.WORDS; i++) {
            if ((k[i] & mask[i]) != key[i]) {
                return false;
            }
        }
        return true;
    }

    @Override
    public String toString() {
        return "table=" + table + ",priority=" + priority + ",cookie=0x" + Long.toHexString(cookie) + ",actions="
                + actions;
    }
}
