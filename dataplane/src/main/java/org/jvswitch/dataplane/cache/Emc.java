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
 * compares the stored hash first and then the whole key with one vectorised
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

    /** The flow for this packet key, or null. */
    public DpNetdevFlow lookup(long[] key, int base, int hash) {
        int i = hash & MASK;
        DpNetdevFlow f = flows[i];
        if (f != null && hashes[i] == hash && !f.isDead() && Arrays.equals(keys, i * W, i * W + W, key, base, base + W)) {
            return f;
        }
        i = (hash >>> SHIFT) & MASK;
        f = flows[i];
        if (f != null && hashes[i] == hash && !f.isDead() && Arrays.equals(keys, i * W, i * W + W, key, base, base + W)) {
            return f;
        }
        return null;
    }

    /** Remembers key → flow, subject to the insertion probability. */
    public void probabilisticInsert(long[] key, int base, int hash, DpNetdevFlow flow) {
        if (insertThreshold == 0) {
            return;
        }
        random ^= random << 13;
        random ^= random >>> 17;
        random ^= random << 5;
        if ((random & 0xffffffffL) < insertThreshold) {
            insert(key, base, hash, flow);
        }
    }

    /**
     * Remembers key → flow. An entry already holding this key is updated; otherwise an empty or
     * dead one of the two candidates is used, else the one whose stored hash is smaller (as in
     * OVS, a cheap stand-in for a random choice).
     */
    public void insert(long[] key, int base, int hash, DpNetdevFlow flow) {
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
