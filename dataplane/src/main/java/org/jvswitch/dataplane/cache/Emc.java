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
 *   lines  [ entry 0: tag | in_port | eth_dst | eth_src | vlan | l3 | nw | tp ][ meta words ][ entry 1 ] ...
 *          two 64-byte cache lines per entry, off-heap and line-aligned; tag = hash | class bits
 *   keys   [ entry 0: WORDS longs ][ entry 1 ] ...      full keys, read only for keys of class FULL
 *   flows  [ f0 ][ f1 ] ...                             null = empty
 * </pre>
 *
 * A key may live in two places: {@code hash & MASK} and {@code (hash >>> 13) & MASK}. Each key has
 * a class ({@link #classOf}) that says which of its words can be non-zero:
 * <ul>
 * <li>{@link #SIMPLE}: only {@link #HOT_WORDS} (in_port/recirc_id, Ethernet, VLAN, IPv4/L4): the
 *     common packet straight off a port. The seven hot words sit in the entry's first line next
 *     to the tag, so a hit costs that one line plus the flow.</li>
 * <li>{@link #META}: also {@link #META_WORDS} (dp_hash/pkt_mark, priority/ct_mark, ct, IPv4
 *     tunnel metadata): a packet recirculated after tnl_pop, a hash or a set of pkt_mark. Those
 *     eight words fill the entry's second line, next to the first.</li>
 * <li>{@link #FULL}: anything else (IPv6, ARP, IPv6 tunnels, Geneve options): the whole key is
 *     compared with one vectorised {@link Arrays#equals(long[], int, int, long[], int, int)}
 *     against the entry's copy in {@code keys}.</li>
 * </ul>
 * Classes nest (SIMPLE within META within FULL), and both lines are written for every entry, so
 * two keys of classes at least C are equal exactly when the words C covers are equal. A hit on a
 * flow that has since been removed ({@link DpNetdevFlow#isDead()}) counts as a miss; {@link #sweep}
 * clears such entries a few at a time. Insertion happens with probability 1/{@code insertInvProb}
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
    /** Bytes per entry: the hot line, then the meta line. */
    private static final int ENTRY = 128;
    private static final MemorySegment MEM = Mbuf.MEMORY;
    /** Key classes, in nesting order (see the class comment). */
    public static final int FULL = 0;
    public static final int META = 1;
    public static final int SIMPLE = 2;
    /** The entry's class, above the 32-bit hash in its tag. */
    private static final int CLASS_SHIFT = 32;
    /** The words a META key may have non-zero besides {@link #HOT_WORDS}: the meta line, in order. */
    public static final int[] META_WORDS = {FlowKey.W_DP_HASH, FlowKey.W_PRIORITY, FlowKey.W_CT, FlowKey.W_CT_NW,
        FlowKey.W_CT_LABEL, FlowKey.W_TUN_ID, FlowKey.W_TUN_IPV4, FlowKey.W_TUN_META};
    private static final long META_LINE = 64;
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
    private final MemorySegment lines = Arena.ofAuto().allocate((long) ENTRIES * ENTRY, 64);
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
     * @param keyClass the key's class ({@link #SIMPLE}, {@link #META} or {@link #FULL}); FULL is
     *                 always right, a higher one only when the key's other words are zero
     */
    public DpNetdevFlow lookup(long[] key, int base, int hash, int keyClass) {
        int i = hash & MASK;
        if (matches(i, key, base, hash, keyClass)) {
            return flows[i];
        }
        i = (hash >>> SHIFT) & MASK;
        if (matches(i, key, base, hash, keyClass)) {
            return flows[i];
        }
        return null;
    }

    /** The flow for this packet key, or null (keys of any shape). */
    public DpNetdevFlow lookup(long[] key, int base, int hash) {
        return lookup(key, base, hash, FULL);
    }

    /** The words a simple key may have non-zero. */
    public static final int[] HOT_WORDS = {FlowKey.W_IN_PORT, FlowKey.W_ETH_DST, FlowKey.W_ETH_SRC, FlowKey.W_VLAN,
        FlowKey.W_L3_META, FlowKey.W_NW, FlowKey.W_TP};

    private boolean matches(int i, long[] key, int base, int hash, int keyClass) {
        long line = linesAddress + (long) i * ENTRY;
        long tag = MEM.get(JAVA_LONG, line + TAG);
        if ((int) tag != hash) {
            return false;
        }
        DpNetdevFlow f = flows[i];
        if (f == null || f.isDead()) {
            return false;
        }
        int common = Math.min(keyClass, (int) (tag >>> CLASS_SHIFT));
        if (common == FULL) {
            int e = i * W;
            return Arrays.equals(keys, e, e + W, key, base, base + W);
        }
        boolean hot = MEM.get(JAVA_LONG, line + NW) == key[base + FlowKey.W_NW]
                && MEM.get(JAVA_LONG, line + TP) == key[base + FlowKey.W_TP]
                && MEM.get(JAVA_LONG, line + IN_PORT) == key[base + FlowKey.W_IN_PORT]
                && MEM.get(JAVA_LONG, line + L3) == key[base + FlowKey.W_L3_META]
                && MEM.get(JAVA_LONG, line + ETH_DST) == key[base + FlowKey.W_ETH_DST]
                && MEM.get(JAVA_LONG, line + ETH_SRC) == key[base + FlowKey.W_ETH_SRC]
                && MEM.get(JAVA_LONG, line + VLAN) == key[base + FlowKey.W_VLAN];
        return hot && (common == SIMPLE || metaEquals(line + META_LINE, key, base));
    }

    /** Whether the meta line at {@code meta} holds the key's {@link #META_WORDS}. */
    private static boolean metaEquals(long meta, long[] key, int base) {
        return MEM.get(JAVA_LONG, meta + 40) == key[base + FlowKey.W_TUN_ID]
                && MEM.get(JAVA_LONG, meta + 48) == key[base + FlowKey.W_TUN_IPV4]
                && MEM.get(JAVA_LONG, meta + 56) == key[base + FlowKey.W_TUN_META]
                && MEM.get(JAVA_LONG, meta) == key[base + FlowKey.W_DP_HASH]
                && MEM.get(JAVA_LONG, meta + 8) == key[base + FlowKey.W_PRIORITY]
                && MEM.get(JAVA_LONG, meta + 16) == key[base + FlowKey.W_CT]
                && MEM.get(JAVA_LONG, meta + 24) == key[base + FlowKey.W_CT_NW]
                && MEM.get(JAVA_LONG, meta + 32) == key[base + FlowKey.W_CT_LABEL];
    }

    /**
     * The class of a key whose metadata words may be non-zero (a recirculated packet's), for a
     * key of IPv4 or another non-IPv6, non-ARP type (whose words from {@link FlowKey#W_IPV6_SRC}
     * to {@link FlowKey#W_ARP_THA} extraction left zero): {@link #SIMPLE}, {@link #META} or
     * {@link #FULL}. Straight-line ORs over the key's words, no allocation: the PMD calls it per
     * recirculated packet.
     */
    public static int classOfRecirculated(long[] k, int b) {
        long outside = k[b + FlowKey.W_CT_LABEL + 1] | k[b + FlowKey.W_TUN_IPV6_SRC] | k[b + FlowKey.W_TUN_IPV6_SRC + 1]
                | k[b + FlowKey.W_TUN_IPV6_DST] | k[b + FlowKey.W_TUN_IPV6_DST + 1];
        for (int w = FlowKey.W_GENEVE_LEN; w < W; w++) {
            outside |= k[b + w];
        }
        if (outside != 0) {
            return FULL;
        }
        long meta = k[b + FlowKey.W_DP_HASH] | k[b + FlowKey.W_PRIORITY] | k[b + FlowKey.W_CT] | k[b + FlowKey.W_CT_NW]
                | k[b + FlowKey.W_CT_LABEL] | k[b + FlowKey.W_TUN_ID] | k[b + FlowKey.W_TUN_IPV4]
                | k[b + FlowKey.W_TUN_META];
        return meta == 0 ? SIMPLE : META;
    }

    /** Remembers key → flow, subject to the insertion probability. */
    public void probabilisticInsert(long[] key, int base, int hash, DpNetdevFlow flow, int keyClass) {
        if (insertThreshold == 0) {
            return;
        }
        random ^= random << 13;
        random ^= random >>> 17;
        random ^= random << 5;
        if ((random & 0xffffffffL) < insertThreshold) {
            insert(key, base, hash, flow, keyClass);
        }
    }

    /** Remembers key → flow, subject to the insertion probability (keys of any shape). */
    public void probabilisticInsert(long[] key, int base, int hash, DpNetdevFlow flow) {
        probabilisticInsert(key, base, hash, flow, classOf(key, base));
    }

    /** Remembers key → flow (keys of any shape). */
    public void insert(long[] key, int base, int hash, DpNetdevFlow flow) {
        insert(key, base, hash, flow, classOf(key, base));
    }

    /** The class of any key (slow: for keys whose shape is unknown; the PMD knows it cheaply). */
    public static int classOf(long[] key, int base) {
        long cold = 0;
        long meta = 0;
        for (int w = 0; w < W; w++) {
            if (contains(META_WORDS, w)) {
                meta |= key[base + w];
            } else if (!contains(HOT_WORDS, w)) {
                cold |= key[base + w];
            }
        }
        return cold != 0 ? FULL : meta != 0 ? META : SIMPLE;
    }

    private static boolean contains(int[] words, int w) {
        for (int x : words) {
            if (x == w) {
                return true;
            }
        }
        return false;
    }

    /**
     * Remembers key → flow. An entry already holding this key is updated; otherwise an empty or
     * dead one of the two candidates is used, else the one whose stored hash is smaller (as in
     * OVS, a cheap stand-in for a random choice).
     */
    public void insert(long[] key, int base, int hash, DpNetdevFlow flow, int keyClass) {
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
        long line = linesAddress + (long) target * ENTRY;
        MEM.set(JAVA_LONG, line + TAG, (hash & 0xffffffffL) | (long) keyClass << CLASS_SHIFT);
        MEM.set(JAVA_LONG, line + IN_PORT, key[base + FlowKey.W_IN_PORT]);
        MEM.set(JAVA_LONG, line + ETH_DST, key[base + FlowKey.W_ETH_DST]);
        MEM.set(JAVA_LONG, line + ETH_SRC, key[base + FlowKey.W_ETH_SRC]);
        MEM.set(JAVA_LONG, line + VLAN, key[base + FlowKey.W_VLAN]);
        MEM.set(JAVA_LONG, line + L3, key[base + FlowKey.W_L3_META]);
        MEM.set(JAVA_LONG, line + NW, key[base + FlowKey.W_NW]);
        MEM.set(JAVA_LONG, line + TP, key[base + FlowKey.W_TP]);
        for (int m = 0; m < META_WORDS.length; m++) {
            MEM.set(JAVA_LONG, line + META_LINE + 8L * m, key[base + META_WORDS[m]]);
        }
    }

    private int hashOf(int i) {
        return (int) MEM.get(JAVA_LONG, linesAddress + (long) i * ENTRY + TAG);
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
