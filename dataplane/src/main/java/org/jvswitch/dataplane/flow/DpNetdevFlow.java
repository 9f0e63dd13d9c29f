package org.jvswitch.dataplane.flow;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.List;
import org.jvswitch.dataplane.action.ActionProgram;
import org.jvswitch.dataplane.action.DpAction;

/**
 * A datapath flow (a megaflow) as one PMD thread holds it: a masked key, the mask, the actions,
 * and statistics. As in Open vSwitch's dpif-netdev every PMD has its own copy of a flow, so the
 * statistics and the cache bookkeeping below have a single writer.
 *
 * <p>Threads: created by a control thread and handed to the PMD through its command queue; from
 * then on only the PMD writes {@code program}, the stats and {@code dead} (opaque stores), and
 * anyone may read them (opaque loads, e.g. dpctl/dump-flows, revalidators). The key, mask and
 * UFID never change.
 */
public final class DpNetdevFlow {
    private static final VarHandle PACKETS;
    private static final VarHandle BYTES;
    private static final VarHandle USED;
    private static final VarHandle TCP_FLAGS;
    private static final VarHandle DEAD;
    private static final VarHandle PROGRAM;

    static {
        try {
            MethodHandles.Lookup l = MethodHandles.lookup();
            PACKETS = l.findVarHandle(DpNetdevFlow.class, "packets", long.class);
            BYTES = l.findVarHandle(DpNetdevFlow.class, "bytes", long.class);
            USED = l.findVarHandle(DpNetdevFlow.class, "usedMillis", long.class);
            TCP_FLAGS = l.findVarHandle(DpNetdevFlow.class, "tcpFlags", int.class);
            DEAD = l.findVarHandle(DpNetdevFlow.class, "dead", boolean.class);
            PROGRAM = l.findVarHandle(DpNetdevFlow.class, "program", ActionProgram.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final Ufid ufid;
    /** key &amp; mask, {@link FlowKey#WORDS} words. */
    private final long[] key;
    private final long[] mask;
    private final int inPort;
    /** Indexes of the words the mask touches, ascending (the classifier's "shape"). */
    private final int[] maskWords;
    private final long createdMillis;

    private ActionProgram program;
    private long packets;
    private long bytes;
    /** When a packet last hit the flow (ms, the PMD's clock); -1 for never. */
    private long usedMillis = -1;
    private int tcpFlags;
    private boolean dead;

    // ---- PMD-owned scratch for grouping a burst by flow (never read elsewhere) ----
    /** Index of this flow's batch in the PMD's batch array during a burst, or -1. */
    public int batchIndex = -1;
    /** Position in the PMD's flow table (for the signature-match cache), set by the PMD. */
    public int tableIndex = -1;

    /**
     * @param key  any key: it is masked here
     * @param mask in_port must be exact (one classifier per in_port)
     */
    public DpNetdevFlow(Ufid ufid, long[] key, long[] mask, ActionProgram program, long createdMillis) {
        if (key.length != FlowKey.WORDS || mask.length != FlowKey.WORDS) {
            throw new IllegalArgumentException("key and mask must have " + FlowKey.WORDS + " words");
        }
        if (!FlowField.IN_PORT.isExact(mask, 0)) {
            throw new IllegalArgumentException("a datapath flow must match in_port exactly");
        }
        this.ufid = ufid;
        this.mask = mask.clone();
        this.key = new long[FlowKey.WORDS];
        for (int i = 0; i < FlowKey.WORDS; i++) {
            this.key[i] = key[i] & mask[i];
        }
        this.inPort = FlowKey.inPort(this.key, 0);
        this.maskWords = maskWords(this.mask);
        this.program = program;
        this.createdMillis = createdMillis;
    }

    /** A copy for another PMD: same identity, key, mask and actions, fresh statistics. */
    public DpNetdevFlow copyForPmd() {
        return new DpNetdevFlow(ufid, key, mask, programOpaque(), createdMillis);
    }

    public Ufid ufid() {
        return ufid;
    }

    /** The masked key; do not modify. */
    public long[] key() {
        return key;
    }

    /** The mask; do not modify. */
    public long[] mask() {
        return mask;
    }

    public int inPort() {
        return inPort;
    }

    public long createdMillis() {
        return createdMillis;
    }

    /** Fast path (owning PMD): the program to run. */
    public ActionProgram program() {
        return program;
    }

    /** Any thread. */
    public ActionProgram programOpaque() {
        return (ActionProgram) PROGRAM.getOpaque(this);
    }

    public List<DpAction> actions() {
        return programOpaque().actions();
    }

    /** Owning PMD only: new actions (dpctl/mod-flow, revalidation). */
    public void setProgram(ActionProgram p) {
        PROGRAM.setOpaque(this, p);
    }

    /** Owning PMD only: counts a batch of packets that hit the flow. */
    public void hit(int packetCount, long byteCount, int flags, long nowMillis) {
        PACKETS.setOpaque(this, packets + packetCount);
        BYTES.setOpaque(this, bytes + byteCount);
        USED.setOpaque(this, nowMillis);
        if ((tcpFlags | flags) != tcpFlags) {
            TCP_FLAGS.setOpaque(this, tcpFlags | flags);
        }
    }

    /** Owning PMD only. */
    public void clearStats() {
        PACKETS.setOpaque(this, 0L);
        BYTES.setOpaque(this, 0L);
        USED.setOpaque(this, -1L);
        TCP_FLAGS.setOpaque(this, 0);
    }

    public long packets() {
        return (long) PACKETS.getOpaque(this);
    }

    public long bytes() {
        return (long) BYTES.getOpaque(this);
    }

    /** ms of the last hit on the PMD's clock, -1 if never. */
    public long usedMillis() {
        return (long) USED.getOpaque(this);
    }

    public int tcpFlags() {
        return (int) TCP_FLAGS.getOpaque(this);
    }

    /** Owning PMD only: the flow is gone; caches that still point here must treat it as a miss. */
    public void kill() {
        DEAD.setOpaque(this, true);
    }

    /** Fast path (owning PMD): plain read, it wrote it. */
    public boolean isDead() {
        return dead;
    }

    public boolean isDeadOpaque() {
        return (boolean) DEAD.getOpaque(this);
    }

    /** Indexes of the non-zero mask words, ascending; do not modify. */
    public int[] maskWords() {
        return maskWords;
    }

    /** True if {@code k} (a full packet key) matches this flow. */
    public boolean matches(long[] k, int base) {
        for (int w : maskWords) {
            if ((k[base + w] & mask[w]) != key[w]) {
                return false;
            }
        }
        return true;
    }

    /** Indexes of the words of {@code mask} that are not zero. */
    public static int[] maskWords(long[] mask) {
        int n = 0;
        for (long m : mask) {
            if (m != 0) {
                n++;
            }
        }
        int[] idx = new int[n];
        for (int i = 0, j = 0; i < mask.length; i++) {
            if (mask[i] != 0) {
                idx[j++] = i;
            }
        }
        return idx;
    }
}
