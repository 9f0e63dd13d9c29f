package org.jvswitch.pmd;

import org.jvswitch.dataplane.flow.FlowKey;

/**
 * A packet a PMD hands to the control threads: a miss (no flow matched) or a userspace action.
 * Preallocated and recycled through {@link UpcallQueue}: the PMD fills one, the handler reads it
 * and gives it back, so a miss allocates nothing.
 *
 * <p>The packet is copied (it may be used again by the PMD, or freed); its key holds the
 * metadata (in_port, recirc_id, tunnel...) the handler needs to translate and to execute it.
 */
public final class Upcall {
    public static final int MISS = 0;
    public static final int ACTION = 1;
    /** Bytes of packet an upcall carries (a jumbo frame); longer packets are cut, and say so. */
    public static final int MAX_PACKET = 9216 + 64;

    public int type;
    /** The PMD that queued it (its index), where a flow for it should be installed. */
    public int pmdIndex;
    public final long[] key = new long[FlowKey.WORDS];
    public final byte[] packet = new byte[MAX_PACKET];
    public int packetLength;
    /** Original length, when the packet was longer than {@link #MAX_PACKET}. */
    public int originalLength;
    public int hash;
    /** When the PMD queued it (its clock, System.nanoTime in a running switch), for latency. */
    public long queuedNs;
    /** For ACTION upcalls: the userspace action's pid and user data. */
    public int pid;
    public byte[] userdata;
}
