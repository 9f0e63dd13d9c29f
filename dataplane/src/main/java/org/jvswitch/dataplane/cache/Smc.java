package org.jvswitch.dataplane.cache;

import java.util.Arrays;
import org.jvswitch.dataplane.flow.DpNetdevFlow;

/**
 * The signature-match cache (Open vSwitch's SMC, other_config:smc-enable): a large, cheap second
 * chance between the exact-match cache and the classifier. Each of its 2^20 entries remembers a
 * 16-bit signature of a packet hash and the index of a flow in the PMD's flow table; buckets of
 * four. A hit is only a candidate: the flow is checked against the packet key before use.
 *
 * <p>Single-threaded (the owning PMD); no allocation after construction.
 */
public final class Smc {
    public static final int ENTRIES = 1 << 20;
    private static final int WAYS = 4;
    private static final int BUCKET_MASK = ENTRIES / WAYS - 1;

    private final short[] signatures = new short[ENTRIES];
    /** Flow table index + 1; 0 = empty. */
    private final int[] flowIndexes = new int[ENTRIES];

    /** Resolves flow table indexes to flows. */
    public interface FlowTable {
        DpNetdevFlow flowAt(int index);
    }

    /** The flow for this packet, or null. */
    public DpNetdevFlow lookup(long[] key, int base, int hash, FlowTable table) {
        int bucket = (hash & BUCKET_MASK) * WAYS;
        short sig = (short) (hash >>> 16);
        for (int j = 0; j < WAYS; j++) {
            int idx = flowIndexes[bucket + j];
            if (idx != 0 && signatures[bucket + j] == sig) {
                DpNetdevFlow f = table.flowAt(idx - 1);
                if (f != null && !f.isDead() && f.matches(key, base)) {
                    return f;
                }
            }
        }
        return null;
    }

    /** Remembers hash → flow index, replacing the same signature, an empty way, or one chosen by the hash. */
    public void insert(int hash, int flowIndex) {
        int bucket = (hash & BUCKET_MASK) * WAYS;
        short sig = (short) (hash >>> 16);
        int target = -1;
        for (int j = 0; j < WAYS; j++) {
            if (flowIndexes[bucket + j] != 0 && signatures[bucket + j] == sig) {
                target = bucket + j;
                break;
            }
            if (target < 0 && flowIndexes[bucket + j] == 0) {
                target = bucket + j;
            }
        }
        if (target < 0) {
            target = bucket + (hash >>> 30);
        }
        signatures[target] = sig;
        flowIndexes[target] = flowIndex + 1;
    }

    public void clear() {
        Arrays.fill(flowIndexes, 0);
    }
}
