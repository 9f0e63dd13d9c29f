package org.jvswitch.dataplane;

import org.jvswitch.dataplane.flow.FlowKey;

/**
 * What a PMD knows about the packets it is processing, by slot: the mbuf, the flow key, the layer
 * offsets and the hash. Slots 0..31 hold the packets of the current rx burst (or recirculation
 * pass); the rest are scratch for copies that clone and sample actions make, taken and given back
 * like a stack.
 *
 * <pre>
 *   mbufs[slot]                         mbuf address, 0 once the packet has left or was freed
 *   keys[slot * WORDS .. + WORDS)       flow key ({@link FlowKey})
 *   layers[slot * 3 + 0|1|2]            l2.5, l3, l4 offsets from the data start, -1 if absent
 *   hashes[slot]                        the packet's hash (NIC RSS or software 5-tuple)
 * </pre>
 *
 * Allocated once per PMD; single-threaded.
 */
public final class Burst {
    public static final int RX_SLOTS = PacketBatch.CAPACITY;
    public static final int SLOTS = RX_SLOTS * 8;

    public final long[] mbufs = new long[SLOTS];
    public final long[] keys = new long[SLOTS * FlowKey.WORDS];
    public final int[] layers = new int[SLOTS * 3];
    public final int[] hashes = new int[SLOTS];
    private int scratchTop = RX_SLOTS;

    /** Takes {@code n} scratch slots; returns the first, or -1 when there are not enough. */
    public int takeScratch(int n) {
        if (scratchTop + n > SLOTS) {
            return -1;
        }
        int first = scratchTop;
        scratchTop += n;
        return first;
    }

    /** Gives back scratch slots from {@code first} on (the most recent take). */
    public void releaseScratch(int first) {
        scratchTop = first;
    }

    /** Copies a slot's key, layers and hash to another slot (not the mbuf). */
    public void copySlotState(int from, int to) {
        System.arraycopy(keys, from * FlowKey.WORDS, keys, to * FlowKey.WORDS, FlowKey.WORDS);
        System.arraycopy(layers, from * 3, layers, to * 3, 3);
        hashes[to] = hashes[from];
    }
}
