package org.jvswitch.dataplane.cls;

import java.util.Arrays;
import org.jvswitch.dataplane.flow.DpNetdevFlow;

/**
 * One tuple of the tuple-space classifier: every flow with the same mask, in an open-addressing
 * hash table keyed by the masked key words.
 *
 * <p>Only the words the mask touches are stored and compared ({@code n} of them, listed in
 * {@code words}): an entry is {@code n} longs in {@code entryKeys}, its flow in
 * {@code entryFlows}, its hash in {@code entryHashes}. The table grows by doubling at half full,
 * so probes stay short; removal uses backward-shift deletion, so there are no tombstones.
 *
 * <p>Specialised to its shape at creation: {@link #lookup} dispatches once on {@code shape} to a
 * routine unrolled for 1, 2, 3 or 4 mask words, or a loop for more. The call site in
 * {@link Dpcls} stays monomorphic (one class), and the switch is perfectly predicted because a
 * subtable's shape never changes.
 *
 * <p>Single-threaded: the owning PMD does everything; {@link #hits} is read by the PMD when it
 * re-ranks subtables.
 */
public final class DpclsSubtable {
    private static final int MIN_CAPACITY = 16;

    private final long[] mask;
    private final int[] words;
    private final long[] maskValues;
    private final int n;
    private final int shape;
    private final int w0;
    private final int w1;
    private final int w2;
    private final int w3;
    private final int w4;
    private final long m0;
    private final long m1;
    private final long m2;
    private final long m3;
    private final long m4;

    private long[] entryKeys;
    private int[] entryHashes;
    private DpNetdevFlow[] entryFlows;
    private int capacityMask;
    private int size;
    /** Lookups this subtable answered since the last ranking. */
    int hits;

    public DpclsSubtable(long[] mask) {
        this.mask = mask.clone();
        this.words = DpNetdevFlow.maskWords(mask);
        this.n = words.length;
        this.maskValues = new long[n];
        for (int i = 0; i < n; i++) {
            maskValues[i] = mask[words[i]];
        }
        this.shape = n <= 5 ? n : 6;
        this.w0 = n > 0 ? words[0] : 0;
        this.w1 = n > 1 ? words[1] : 0;
        this.w2 = n > 2 ? words[2] : 0;
        this.w3 = n > 3 ? words[3] : 0;
        this.w4 = n > 4 ? words[4] : 0;
        this.m0 = n > 0 ? maskValues[0] : 0;
        this.m1 = n > 1 ? maskValues[1] : 0;
        this.m2 = n > 2 ? maskValues[2] : 0;
        this.m3 = n > 3 ? maskValues[3] : 0;
        this.m4 = n > 4 ? maskValues[4] : 0;
        allocate(MIN_CAPACITY);
    }

    private void allocate(int capacity) {
        entryKeys = new long[capacity * Math.max(n, 1)];
        entryHashes = new int[capacity];
        entryFlows = new DpNetdevFlow[capacity];
        capacityMask = capacity - 1;
    }

    /** True if this subtable holds flows with exactly this mask. */
    public boolean hasMask(long[] m) {
        return Arrays.equals(mask, m);
    }

    public int size() {
        return size;
    }

    public int maskWordCount() {
        return n;
    }

    /** The flow matching the packet key at {@code key[base..]}, or null. */
    public DpNetdevFlow lookup(long[] key, int base) {
        return switch (shape) {
            case 1 -> lookup1(key, base);
            case 2 -> lookup2(key, base);
            case 3 -> lookup3(key, base);
            case 4 -> lookup4(key, base);
            case 5 -> lookup5(key, base);
            case 0 -> size > 0 ? entryFlows[0] : null;
            default -> lookupN(key, base);
        };
    }

    private DpNetdevFlow lookup1(long[] key, int base) {
        long k0 = key[base + w0] & m0;
        int h = Hashing.finish(Hashing.mix(0, k0), 1);
        for (int i = h & capacityMask; ; i = (i + 1) & capacityMask) {
            DpNetdevFlow f = entryFlows[i];
            if (f == null) {
                return null;
            }
            if (entryHashes[i] == h && entryKeys[i] == k0) {
                return f;
            }
        }
    }

    private DpNetdevFlow lookup2(long[] key, int base) {
        long k0 = key[base + w0] & m0;
        long k1 = key[base + w1] & m1;
        int h = Hashing.finish(Hashing.mix(Hashing.mix(0, k0), k1), 2);
        for (int i = h & capacityMask; ; i = (i + 1) & capacityMask) {
            DpNetdevFlow f = entryFlows[i];
            if (f == null) {
                return null;
            }
            int e = i * 2;
            if (entryHashes[i] == h && entryKeys[e] == k0 && entryKeys[e + 1] == k1) {
                return f;
            }
        }
    }

    private DpNetdevFlow lookup3(long[] key, int base) {
        long k0 = key[base + w0] & m0;
        long k1 = key[base + w1] & m1;
        long k2 = key[base + w2] & m2;
        int h = Hashing.finish(Hashing.mix(Hashing.mix(Hashing.mix(0, k0), k1), k2), 3);
        for (int i = h & capacityMask; ; i = (i + 1) & capacityMask) {
            DpNetdevFlow f = entryFlows[i];
            if (f == null) {
                return null;
            }
            int e = i * 3;
            if (entryHashes[i] == h && entryKeys[e] == k0 && entryKeys[e + 1] == k1 && entryKeys[e + 2] == k2) {
                return f;
            }
        }
    }

    private DpNetdevFlow lookup4(long[] key, int base) {
        long k0 = key[base + w0] & m0;
        long k1 = key[base + w1] & m1;
        long k2 = key[base + w2] & m2;
        long k3 = key[base + w3] & m3;
        int h = Hashing.finish(Hashing.mix(Hashing.mix(Hashing.mix(Hashing.mix(0, k0), k1), k2), k3), 4);
        for (int i = h & capacityMask; ; i = (i + 1) & capacityMask) {
            DpNetdevFlow f = entryFlows[i];
            if (f == null) {
                return null;
            }
            int e = i * 4;
            if (entryHashes[i] == h && entryKeys[e] == k0 && entryKeys[e + 1] == k1 && entryKeys[e + 2] == k2
                    && entryKeys[e + 3] == k3) {
                return f;
            }
        }
    }

    private DpNetdevFlow lookup5(long[] key, int base) {
        long k0 = key[base + w0] & m0;
        long k1 = key[base + w1] & m1;
        long k2 = key[base + w2] & m2;
        long k3 = key[base + w3] & m3;
        long k4 = key[base + w4] & m4;
        int h = Hashing.finish(Hashing.mix(Hashing.mix(Hashing.mix(Hashing.mix(Hashing.mix(0, k0), k1), k2), k3), k4),
                5);
        for (int i = h & capacityMask; ; i = (i + 1) & capacityMask) {
            DpNetdevFlow f = entryFlows[i];
            if (f == null) {
                return null;
            }
            int e = i * 5;
            if (entryHashes[i] == h && entryKeys[e] == k0 && entryKeys[e + 1] == k1 && entryKeys[e + 2] == k2
                    && entryKeys[e + 3] == k3 && entryKeys[e + 4] == k4) {
                return f;
            }
        }
    }

    private DpNetdevFlow lookupN(long[] key, int base) {
        int h = hashMasked(key, base);
        for (int i = h & capacityMask; ; i = (i + 1) & capacityMask) {
            DpNetdevFlow f = entryFlows[i];
            if (f == null) {
                return null;
            }
            if (entryHashes[i] == h && equalsMasked(i, key, base)) {
                return f;
            }
        }
    }

    private int hashMasked(long[] key, int base) {
        int h = 0;
        for (int j = 0; j < n; j++) {
            h = Hashing.mix(h, key[base + words[j]] & maskValues[j]);
        }
        return Hashing.finish(h, n);
    }

    private boolean equalsMasked(int slot, long[] key, int base) {
        int e = slot * n;
        for (int j = 0; j < n; j++) {
            if (entryKeys[e + j] != (key[base + words[j]] & maskValues[j])) {
                return false;
            }
        }
        return true;
    }

    // ---- changes: the owning PMD, between bursts ----

    /**
     * Adds a flow (its key must already be masked by this subtable's mask).
     *
     * @return false if a flow with the same masked key is already here (nothing changes)
     */
    public boolean insert(DpNetdevFlow flow) {
        long[] fk = flow.key();
        if (find(fk) >= 0) {
            return false;
        }
        if ((size + 1) * 2 > capacityMask + 1) {
            grow();
        }
        place(flow, hashMasked(fk, 0));
        size++;
        return true;
    }

    /** Removes this flow; false if it is not here. */
    public boolean remove(DpNetdevFlow flow) {
        int i = find(flow.key());
        if (i < 0 || entryFlows[i] != flow) {
            return false;
        }
        // Backward-shift deletion: pull later members of the probe run into the hole.
        int hole = i;
        for (int j = (i + 1) & capacityMask; entryFlows[j] != null; j = (j + 1) & capacityMask) {
            int home = entryHashes[j] & capacityMask;
            boolean movable = hole <= j ? (home <= hole || home > j) : (home <= hole && home > j);
            if (movable) {
                moveEntry(j, hole);
                hole = j;
            }
        }
        entryFlows[hole] = null;
        size--;
        return true;
    }

    /** Slot of the entry with this masked key, or -1. */
    private int find(long[] maskedKey) {
        int h = hashMasked(maskedKey, 0);
        for (int i = h & capacityMask; ; i = (i + 1) & capacityMask) {
            if (entryFlows[i] == null) {
                return -1;
            }
            if (entryHashes[i] == h && equalsMasked(i, maskedKey, 0)) {
                return i;
            }
        }
    }

    private void place(DpNetdevFlow flow, int h) {
        int i = h & capacityMask;
        while (entryFlows[i] != null) {
            i = (i + 1) & capacityMask;
        }
        entryFlows[i] = flow;
        entryHashes[i] = h;
        long[] fk = flow.key();
        for (int j = 0; j < n; j++) {
            entryKeys[i * n + j] = fk[words[j]] & maskValues[j];
        }
    }

    private void moveEntry(int from, int to) {
        entryFlows[to] = entryFlows[from];
        entryHashes[to] = entryHashes[from];
        System.arraycopy(entryKeys, from * n, entryKeys, to * n, n);
    }

    private void grow() {
        DpNetdevFlow[] old = entryFlows;
        int[] oldHashes = entryHashes;
        allocate(old.length * 2);
        for (int i = 0; i < old.length; i++) {
            if (old[i] != null) {
                place(old[i], oldHashes[i]);
            }
        }
    }

    /** Every flow here (for dumps and tests; allocates). */
    public DpNetdevFlow[] flows() {
        DpNetdevFlow[] out = new DpNetdevFlow[size];
        int j = 0;
        for (DpNetdevFlow f : entryFlows) {
            if (f != null) {
                out[j++] = f;
            }
        }
        return out;
    }
}
