package org.jvswitch.dataplane.cache;

import java.util.Arrays;
import org.jvswitch.dataplane.flow.DpNetdevFlow;
import org.jvswitch.dataplane.flow.FlowKey;

/**
 * The exact-match cache: packet key (all {@link FlowKey#WORDS} words) to flow, 8192 entries, one
 * per PMD thread (Open vSwitch's EMC, same size and replacement).
 *
 * <pre>
 *   keys   [ entry 0: WORDS longs ][ entry 1 ] ...      one long[] for all entries
 *   hashes [ h0 ][ h1 ] ...                             the packet hash that filled each entry
 *   flows  [ f0 ][ f1 ] ...                             null = empty
 * </pre>
 *
 * A key may live in two places: {@code hash & MASK} and {@code (hash >>> 13) & MASK}. Lookup
 * compares the stored hash first, then the key. Most keys are "simple": only the words of
 * in_port/recirc_id, Ethernet, VLAN and IPv4/L4 can be non-zero (no other metadata, no IPv6, ARP
 * or Geneve words); when both the packet's and the entry's keys are simple, comparing those
 * seven words decides equality. Otherwise the whole key is compared with one vectorised
 * {@link Arrays#equals(long[], int, int, long[], int, int)}. A hit on a flow that has since been
 * removed ({@link DpNetdevFlow#isDead()}) counts as a miss; {@link #sweep} clears such entries a
 * few at a time. Insertion happens with probability 1/{@code insertInvProb}
 * (other_config:emc-insert-inv-prob, default 100), so a flood of short flows cannot thrash it.
 *
 * <p>Single-threaded: the owning PMD does everything. No allocation after construction.
 */
public final class Emc {
    public static final int SHIFT = 13;
    public static final int ENTRIES = 1 << SHIFT;
    private static final int MASK = ENTRIES - 1;
    private static final int W = FlowKey.WORDS;
    private static final int SWEEP_STEP = 64;

    private final long[] keys = new long[ENTRIES * W];
    private final int[] hashes = new int[ENTRIES];
    private final DpNetdevFlow[] flows = new DpNetdevFlow[ENTRIES];
    /** Whether each entry's key is "simple" (see {@link #lookup}). */
    private final boolean[] simple = new boolean[ENTRIES];
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
        DpNetdevFlow f = flows[i];
        if (f != null && hashes[i] == hash && !f.isDead() && equal(i, key, base, keySimple)) {
            return f;
        }
        i = (hash >>> SHIFT) & MASK;
        f = flows[i];
        if (f != null && hashes[i] == hash && !f.isDead() && equal(i, key, base, keySimple)) {
            return f;
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

    private boolean equal(int i, long[] key, int base, boolean keySimple) {
        int e = i * W;
        if (keySimple && simple[i]) {
            return keys[e + FlowKey.W_NW] == key[base + FlowKey.W_NW]
                    && keys[e + FlowKey.W_TP] == key[base + FlowKey.W_TP]
                    && keys[e + FlowKey.W_IN_PORT] == key[base + FlowKey.W_IN_PORT]
                    && keys[e + FlowKey.W_L3_META] == key[base + FlowKey.W_L3_META]
                    && keys[e + FlowKey.W_ETH_DST] == key[base + FlowKey.W_ETH_DST]
                    && keys[e + FlowKey.W_ETH_SRC] == key[base + FlowKey.W_ETH_SRC]
                    && keys[e + FlowKey.W_VLAN] == key[base + FlowKey.W_VLAN];
        }
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
            target = Integer.compareUnsigned(hashes[a], hashes[b]) <= 0 ? a : b;
        }
        flows[target] = flow;
        hashes[target] = hash;
        simple[target] = keySimple;
        System.arraycopy(key, base, keys, target * W, W);
    }

    private boolean sameKey(int i, long[] key, int base, int hash) {
        return flows[i] != null && hashes[i] == hash && Arrays.equals(keys, i * W, i * W + W, key, base, base + W);
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
