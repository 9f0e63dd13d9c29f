package org.jvswitch.dataplane.cache;

import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.Arrays;
import org.jvswitch.dataplane.flow.DpNetdevFlow;
import org.jvswitch.dataplane.flow.FlowKey;
import org.jvswitch.dpdk.Mbuf;

/**
 * The exact-match cache: packet key (all {@link FlowKey#WORDS} words) to flow, 8192 entries, one
 * per PMD thread (Open vSwitch's EMC, same size and replacement).
 *
 * <pre>
 *   lines  [ entry 0: tag | in_port | eth_dst | eth_src | vlan | l3 | nw | tp ][ entry 1 ] ...
 *          one 64-byte cache line per entry, off-heap and line-aligned; tag = hash | simple bit
 *   keys   [ entry 0: WORDS longs ][ entry 1 ] ...      full keys, read only for keys that are not simple
 *   flows  [ f0 ][ f1 ] ...                             null = empty
 * </pre>
 *
 * A key may live in two places: {@code hash & MASK} and {@code (hash >>> 13) & MASK}. Most keys
 * are "simple": only {@link #HOT_WORDS} (in_port/recirc_id, Ethernet, VLAN and IPv4/L4) can be
 * non-zero (no other metadata, no IPv6, ARP or Geneve words). A lookup reads the entry's line
 * and compares the stored hash; when both the packet's and the entry's keys are simple, the
 * seven hot words in that same line decide equality, so a hit costs one line of the cache plus
 * the flow. Otherwise the whole key is compared with one vectorised
 * {@link Arrays#equals(long[], int, int, long[], int, int)}. A hit on a flow that has since been
 * removed ({@link DpNetdevFlow#isDead()}) counts as a miss; {@link #sweep} clears such entries a
 * few at a time. Insertion happens with probability 1/{@code insertInvProb}
 * (other_config:emc-insert-inv-prob, default 100), so a flood of short flows cannot thrash it.
 *
 * <p>Single-threaded: the owning PMD does everything. No allocation after construction; the
 * line memory belongs to an automatic arena and goes with the cache.
 */
public final class Emc {
    public static final int SHIFT = 13;
    public static final int ENTRIES = 1 << SHIFT;
    private static final int MASK = ENTRIES - 1;
    private static final int W = FlowKey.WORDS;
    private static final int SWEEP_STEP = 64;
    private static final int LINE = 64;
    private static final MemorySegment MEM = Mbuf.MEMORY;
    private static final long SIMPLE_BIT = 1L << 32;
    // Byte offsets of the words within an entry's line.
    private static final long TAG = 0;
    private static final long IN_PORT = 8;
    private static final long ETH_DST = 16;
    private static final long ETH_SRC = 24;
    private static final long VLAN = 32;
    private static final long L3 = 40;
    private static final long NW = 48;
    private static final long TP = 56;

    /** Keeps the line memory alive as long as the cache; freed by the GC with it. */
    private final MemorySegment lines = Arena.ofAuto().allocate((long) ENTRIES * LINE, LINE);
    /**
     * The lines' address, read through the process-wide segment: an automatic arena's segment
     * would check its session on every access, and this is the per-packet path.
     */
    private final long linesAddress = lines.address();
    private final long[] keys = new long[ENTRIES * W];
    private final DpNetdevFlow[] flows = new DpNetdevFlow[ENTRIES];
    /** 0: never insert; else insert when the random draw below 2^32/insertInvProb. */
    private long insertThreshold;
    private int random = 0x9e3779b9;
    private int sweepCursor;

    public Emc(int insertInvProb) {
        setInsertInvProb(insertInvProb);
    }

    /** other_config:emc-insert-inv-prob: 0 disables inserting, 1 always inserts, N one in N. */
    public void setInsertInvProb(int invProb) {
        insertThreshold = invProb <= 0 ? 0 : (1L << 32) / invProb;
    }

    /**
     * The flow for this packet key, or null.
     *
     * @param keySimple whether the key is simple: words other than {@link #HOT_WORDS} are zero
     */
    public DpNetdevFlow lookup(long[] key, int base, int hash, boolean keySimple) {
        int i = hash & MASK;
        if (matches(i, key, base, hash, keySimple)) {
            return flows[i];
        }
        i = (hash >>> SHIFT) & MASK;
        if (matches(i, key, base, hash, keySimple)) {
            return flows[i];
        }
        return null;
    }

    /** The flow for this packet key, or null (keys of any shape). */
    public DpNetdevFlow lookup(long[] key, int base, int hash) {
        return lookup(key, base, hash, false);
    }

    /** The words a simple key may have non-zero. */
    public static final int[] HOT_WORDS = {FlowKey.W_IN_PORT, FlowKey.W_ETH_DST, FlowKey.W_ETH_SRC, FlowKey.W_VLAN,
        FlowKey.W_L3_META, FlowKey.W_NW, FlowKey.W_TP};

    private boolean matches(int i, long[] key, int base, int hash, boolean keySimple) {
        long line = linesAddress + (long) i * LINE;
        long tag = MEM.get(JAVA_LONG, line + TAG);
        if ((int) tag != hash) {
            return false;
        }
        DpNetdevFlow f = flows[i];
        if (f == null || f.isDead()) {
            return false;
        }
        if (keySimple && (tag & SIMPLE_BIT) != 0) {
            return MEM.get(JAVA_LONG, line + NW) == key[base + FlowKey.W_NW]
                    && MEM.get(JAVA_LONG, line + TP) == key[base + FlowKey.W_TP]
                    && MEM.get(JAVA_LONG, line + IN_PORT) == key[base + FlowKey.W_IN_PORT]
                    && MEM.get(JAVA_LONG, line + L3) == key[base + FlowKey.W_L3_META]
                    && MEM.get(JAVA_LONG, line + ETH_DST) == key[base + FlowKey.W_ETH_DST]
                    && MEM.get(JAVA_LONG, line + ETH_SRC) == key[base + FlowKey.W_ETH_SRC]
                    && MEM.get(JAVA_LONG, line + VLAN) == key[base + FlowKey.W_VLAN];
        }
        int e = i * W;
        return Arrays.equals(keys, e, e + W, key, base, base + W);
    }

    /** Remembers key → flow, subject to the insertion probability. */
    public void probabilisticInsert(long[] key, int base, int hash, DpNetdevFlow flow, boolean keySimple) {
        if (insertThreshold == 0) {
            return;
        }
        random ^= random << 13;
        random ^= random >>> 17;
        random ^= random << 5;
        if ((random & 0xffffffffL) < insertThreshold) {
            insert(key, base, hash, flow, keySimple);
        }
    }

    /** Remembers key → flow, subject to the insertion probability (keys of any shape). */
    public void probabilisticInsert(long[] key, int base, int hash, DpNetdevFlow flow) {
        probabilisticInsert(key, base, hash, flow, isSimple(key, base));
    }

    /** Remembers key → flow (keys of any shape). */
    public void insert(long[] key, int base, int hash, DpNetdevFlow flow) {
        insert(key, base, hash, flow, isSimple(key, base));
    }

    /** Whether only {@link #HOT_WORDS} of a key are non-zero (slow; the PMD knows it cheaply). */
    public static boolean isSimple(long[] key, int base) {
        long cold = 0;
        for (int w = 0; w < W; w++) {
            boolean hot = false;
            for (int h : HOT_WORDS) {
                hot |= h == w;
            }
            if (!hot) {
                cold |= key[base + w];
            }
        }
        return cold == 0;
    }

    /**
     * Remembers key → flow. An entry already holding this key is updated; otherwise an empty or
     * dead one of the two candidates is used, else the one whose stored hash is smaller (as in
     * OVS, a cheap stand-in for a random choice).
     */
    public void insert(long[] key, int base, int hash, DpNetdevFlow flow, boolean keySimple) {
        int a = hash & MASK;
        int b = (hash >>> SHIFT) & MASK;
        int target;
        if (sameKey(a, key, base, hash)) {
            target = a;
        } else if (sameKey(b, key, base, hash)) {
            target = b;
        } else if (free(a)) {
            target = a;
        } else if (free(b)) {
            target = b;
        } else {
            target = Integer.compareUnsigned(hashOf(a), hashOf(b)) <= 0 ? a : b;
        }
        flows[target] = flow;
        System.arraycopy(key, base, keys, target * W, W);
        long line = linesAddress + (long) target * LINE;
        MEM.set(JAVA_LONG, line + TAG, (hash & 0xffffffffL) | (keySimple ? SIMPLE_BIT : 0));
        MEM.set(JAVA_LONG, line + IN_PORT, key[base + FlowKey.W_IN_PORT]);
        MEM.set(JAVA_LONG, line + ETH_DST, key[base + FlowKey.W_ETH_DST]);
        MEM.set(JAVA_LONG, line + ETH_SRC, key[base + FlowKey.W_ETH_SRC]);
        MEM.set(JAVA_LONG, line + VLAN, key[base + FlowKey.W_VLAN]);
        MEM.set(JAVA_LONG, line + L3, key[base + FlowKey.W_L3_META]);
        MEM.set(JAVA_LONG, line + NW, key[base + FlowKey.W_NW]);
        MEM.set(JAVA_LONG, line + TP, key[base + FlowKey.W_TP]);
    }

    private int hashOf(int i) {
        return (int) MEM.get(JAVA_LONG, linesAddress + (long) i * LINE + TAG);
    }

    private boolean sameKey(int i, long[] key, int base, int hash) {
        return flows[i] != null && hashOf(i) == hash && Arrays.equals(keys, i * W, i * W + W, key, base, base + W);
    }

    private boolean free(int i) {
        DpNetdevFlow f = flows[i];
        return f == null || f.isDead();
    }

    /** Clears a few entries of dead flows; call now and then between bursts. */
    public void sweep() {
        int end = sweepCursor + SWEEP_STEP;
        for (int i = sweepCursor; i < end; i++) {
            DpNetdevFlow f = flows[i];
            if (f != null && f.isDead()) {
                flows[i] = null;
            }
        }
        sweepCursor = end & MASK;
    }

    /** Empties the cache (e.g. emc-insert-inv-prob set to 0, or the PMD's ports change). */
    public void clear() {
        Arrays.fill(flows, null);
    }

    /** Entries in use, for statistics (a full scan: not for the fast path). */
    public int size() {
        int n = 0;
        for (DpNetdevFlow f : flows) {
            if (f != null && !f.isDead()) {
                n++;
            }
        }
        return n;
    }
}
