package org.jvswitch.pmd;

import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.lang.foreign.MemorySegment;
import java.util.Arrays;
import org.jvswitch.dataplane.Burst;
import org.jvswitch.dataplane.DropReason;
import org.jvswitch.dataplane.MbufAllocator;
import org.jvswitch.dataplane.PacketBatch;
import org.jvswitch.dataplane.TxPort;
import org.jvswitch.dataplane.action.ActionExecutor;
import org.jvswitch.dataplane.action.ActionProgram;
import org.jvswitch.dataplane.action.ExecContext;
import org.jvswitch.dataplane.cache.Emc;
import org.jvswitch.dataplane.cache.Smc;
import org.jvswitch.dataplane.cls.Dpcls;
import org.jvswitch.dataplane.flow.DpNetdevFlow;
import org.jvswitch.dataplane.flow.ExtractStatus;
import org.jvswitch.dataplane.flow.FlowKey;
import org.jvswitch.dataplane.flow.Miniflow;
import org.jvswitch.dataplane.flow.PacketHash;
import org.jvswitch.dataplane.flow.PmdFlowTable;
import org.jvswitch.dataplane.flow.SimpleMatch;
import org.jvswitch.dataplane.meter.DpMeters;
import org.jvswitch.dataplane.tunnel.TunnelVport;
import org.jvswitch.dpdk.Mbuf;

/**
 * One PMD's packet path (Open vSwitch's dp_netdev_input): for a burst of packets from one port,
 * extract each key, look it up (exact-match cache, signature-match cache, then the in_port's
 * classifier), hand misses to the upcall queue, group the rest by flow, and run each flow's
 * actions once on its batch. Recirculated packets go round again, up to
 * {@link DropReason#MAX_RECIRC_DEPTH} times.
 *
 * <p>It is also the {@link ExecContext} its actions run in: outputs are queued on the PMD's tx
 * ports and flushed once per iteration ({@link #flushTx}).
 *
 * <p>Owned by the PMD thread; every array here is allocated once. Nothing allocates per packet.
 */
final class PmdInput implements ExecContext {
    private static final int W = FlowKey.WORDS;
    private static final int RX = Burst.RX_SLOTS;
    private static final int RECIRC_CAPACITY = RX * 4;

    private final int pmdIndex;
    /** The PMD's core, for JFR events (-1: the main context). */
    private final int core;
    private final PmdStats stats;
    private final PmdFlowTable flows;
    private final Emc emc;
    private final UpcallQueue upcalls;
    private final DpMeters meters;
    private final ActionExecutor executor = new ActionExecutor();
    private final Burst burst = new Burst();

    // Per-burst scratch, by rx slot.
    private final DpNetdevFlow[] slotFlows = new DpNetdevFlow[RX];
    private final int[] depths = new int[Burst.SLOTS];
    /**
     * Whether a slot's metadata words (1..13, 29..37) may be non-zero: after a recirculation or
     * an action that wrote metadata. Clean slots need only word 0 written for the next packet,
     * and their keys are "simple" for the exact-match cache unless the packet is IPv6 or ARP.
     */
    private final boolean[] metaDirty = new boolean[Burst.SLOTS];
    /** Per slot: the key's class for the exact-match cache ({@link Emc#SIMPLE}, META or FULL). */
    private final int[] keyClass = new int[RX];
    /**
     * Per slot: the packet has the same (simple) key as the one before it in the burst, so it
     * takes that packet's hash and flow without a lookup of its own: runs of one flow in a burst
     * (a bulk transfer's segments) cost one cache lookup.
     */
    private final boolean[] repeat = new boolean[RX];
    private final DpNetdevFlow[] batchFlows = new DpNetdevFlow[RX];
    private final int[][] batchSlots = new int[RX][RX];
    private final int[] batchCounts = new int[RX];
    private final long[] batchBytes = new long[RX];
    private final int[] batchTcpFlags = new int[RX];

    // Recirculation queue.
    private final long[] recircMbufs = new long[RECIRC_CAPACITY];
    private final long[] recircKeys = new long[RECIRC_CAPACITY * W];
    private final int[] recircDepths = new int[RECIRC_CAPACITY];
    private int recircCount;

    // Tx: ports by number, and those with packets queued this iteration.
    private TxPort[] txPorts = new TxPort[0];
    private final TxPort[] dirtyTx = new TxPort[256];
    private int dirtyCount;

    /** Smc, or null when other_config:smc-enable is false. */
    private Smc smc;
    /** Per in_port: whether to use the exact-match cache (Interface other_config:emc-enable). */
    private boolean[] emcEnabled = new boolean[0];
    private MbufAllocator mbufs;
    private long nowNs;
    private long nowMillis;
    private int random = 0x2545f491;

    /** Upcalls queued since the PMD last took the count (pmd-perf-show's upcalls/it). */
    private int upcallsQueued;

    PmdInput(int pmdIndex, int core, PmdStats stats, PmdFlowTable flows, Emc emc, UpcallQueue upcalls,
             DpMeters meters) {
        this.pmdIndex = pmdIndex;
        this.core = core;
        this.stats = stats;
        this.flows = flows;
        this.emc = emc;
        this.upcalls = upcalls;
        this.meters = meters;
    }

    /** Processes the {@code n} packets a burst call left in {@code rx}, from port {@code inPort}. */
    void process(PacketBatch rx, int n, int inPort, long nowNs, long nowMillis) {
        this.nowNs = nowNs;
        this.nowMillis = nowMillis;
        stats.add(PmdStats.RECV, n);
        long inPortWord = FlowKey.inPortWord(inPort, 0);
        DpNetdevFlow[] simpleFlows = flows.simpleFlows(inPort);
        if (simpleFlows != null) {
            n = simpleMatch(rx, n, inPortWord, simpleFlows);
            if (n == 0) {
                return;
            }
        }
        long[] keys = burst.keys;
        for (int i = 0; i < n; i++) {
            burst.mbufs[i] = rx.get(i);
            int base = i * W;
            if (metaDirty[i]) {
                clearMetadata(keys, base);
                metaDirty[i] = false;
            }
            keys[base] = inPortWord;
            depths[i] = 0;
        }
        lookupAndExecute(n, inPort, false);
        while (recircCount > 0) {
            int m = Math.min(recircCount, RX);
            loadRecirculated(m);
            lookupAndExecute(m, -1, true);
        }
    }

    /**
     * The simple-match path: packets whose few simple fields match one of the port's flows are
     * batched by flow and sent without a key; the rest are moved to the front of {@code rx} for
     * the full path. Returns how many are left for it.
     */
    private int simpleMatch(PacketBatch rx, int n, long inPortWord, DpNetdevFlow[] simpleFlows) {
        int left = 0;
        int matched = 0;
        int nb = 0;
        for (int i = 0; i < n; i++) {
            long m = rx.get(i);
            long tf = SimpleMatch.classify(Mbuf.dataAddress(m), Mbuf.dataLen(m), vlanScratch);
            DpNetdevFlow f = null;
            if (tf != -1) {
                for (DpNetdevFlow c : simpleFlows) {
                    if (SimpleMatch.matches(c, inPortWord, tf, vlanScratch[0])) {
                        f = c;
                        break;
                    }
                }
            }
            if (f == null) {
                rx.set(left++, m);
                continue;
            }
            int slot = matched++;
            burst.mbufs[slot] = m;
            int b = f.batchIndex;
            if (b < 0) {
                b = nb++;
                f.batchIndex = b;
                batchFlows[b] = f;
                batchCounts[b] = 0;
                batchBytes[b] = 0;
            }
            batchSlots[b][batchCounts[b]++] = slot;
            batchBytes[b] += Mbuf.pktLen(m);
        }
        stats.add(PmdStats.SIMPLE_MATCH_HIT, matched);
        for (int b = 0; b < nb; b++) {
            DpNetdevFlow f = batchFlows[b];
            f.batchIndex = -1;
            batchFlows[b] = null;
            f.hit(batchCounts[b], batchBytes[b], 0, nowMillis);
            executor.execute(f.program(), batchSlots[b], batchCounts[b], this);
        }
        return left;
    }

    private final long[] vlanScratch = new long[1];

    private void loadRecirculated(int m) {
        long[] keys = burst.keys;
        for (int i = 0; i < m; i++) {
            burst.mbufs[i] = recircMbufs[i];
            System.arraycopy(recircKeys, i * W, keys, i * W, W);
            depths[i] = recircDepths[i];
            metaDirty[i] = true;
        }
        shiftRecirc(m);
        stats.add(PmdStats.RECIRC, m);
    }

    /** Zeroes the metadata words of a key other than word 0 (in_port, recirc_id). */
    private static void clearMetadata(long[] keys, int base) {
        for (int w = 1; w < FlowKey.W_ETH_DST; w++) {
            keys[base + w] = 0;
        }
        for (int w = FlowKey.W_GENEVE_LEN; w < W; w++) {
            keys[base + w] = 0;
        }
    }

    /**
     * Runs {@code program} on one packet that did not come from an rx burst (an upcall's packet,
     * a packet-out): its key's metadata words come from {@code metadata} (in_port, recirc_id,
     * tunnel...), the rest is extracted from the packet. Recirculations it causes are processed
     * here, in this PMD's tables.
     */
    void executeOne(long mbuf, long[] metadata, ActionProgram program, long nowNs) {
        this.nowNs = nowNs;
        this.nowMillis = nowNs / 1_000_000L;
        long[] keys = burst.keys;
        System.arraycopy(metadata, 0, keys, 0, W);
        burst.mbufs[0] = mbuf;
        depths[0] = 0;
        metaDirty[0] = true;
        int st = Miniflow.extract(Mbuf.dataAddress(mbuf), Mbuf.dataLen(mbuf), keys, 0, burst.layers, 0);
        if (st != ExtractStatus.OK) {
            stats.inc(PmdStats.EXTRACT_BASE + st);
        }
        burst.hashes[0] = PacketHash.of(keys, 0);
        executor.execute(program, ONE_SLOT, 1, this);
        while (recircCount > 0) {
            int m = Math.min(recircCount, RX);
            loadRecirculated(m);
            lookupAndExecute(m, -1, true);
        }
        flushTx();
    }

    private static final int[] ONE_SLOT = {0};

    private void lookupAndExecute(int n, int inPort, boolean recirculated) {
        long[] keys = burst.keys;
        int[] hashes = burst.hashes;
        boolean prevSimple = false;
        for (int i = 0; i < n; i++) {
            long m = burst.mbufs[i];
            int base = i * W;
            int st = Miniflow.extract(Mbuf.dataAddress(m), Mbuf.dataLen(m), keys, base, burst.layers, i * 3);
            if (st != ExtractStatus.OK) {
                stats.inc(PmdStats.EXTRACT_BASE + st);
                if (st == ExtractStatus.TRUNCATED_ETH) {
                    dropSlot(i, DropReason.MALFORMED);
                    prevSimple = false;
                    continue;
                }
            }
            int ethType = FlowKey.ethType(keys, base);
            if (ethType == FlowKey.ETH_TYPE_IPV6 || ethType == FlowKey.ETH_TYPE_ARP
                    || ethType == FlowKey.ETH_TYPE_RARP) {
                keyClass[i] = Emc.FULL;
            } else {
                keyClass[i] = metaDirty[i] ? Emc.classOfRecirculated(keys, base) : Emc.SIMPLE;
            }
            boolean simpleNow = !recirculated && keyClass[i] == Emc.SIMPLE;
            repeat[i] = simpleNow && prevSimple && sameSimpleKey(keys, base, base - W);
            prevSimple = simpleNow;
            if (repeat[i]) {
                hashes[i] = hashes[i - 1];
                continue;
            }
            int h = Mbuf.hasRssHash(m) && !recirculated ? Mbuf.rssHash(m) : PacketHash.of(keys, base);
            if (recirculated) {
                h ^= FlowKey.recircId(keys, base) * 0x9e3779b9;
            }
            hashes[i] = h;
        }
        int port = inPort;
        int emcHits = 0;
        for (int i = 0; i < n; i++) {
            if (burst.mbufs[i] == 0) {
                slotFlows[i] = null;
                continue;
            }
            int base = i * W;
            if (recirculated) {
                port = FlowKey.inPort(keys, base);
            }
            boolean useEmc = port >= 0 && port < emcEnabled.length && emcEnabled[port];
            DpNetdevFlow f;
            if (useEmc && repeat[i] && slotFlows[i - 1] != null) {
                f = slotFlows[i - 1]; // same exact key as the packet before: an exact-match hit
            } else {
                f = useEmc ? emc.lookup(keys, base, hashes[i], keyClass[i]) : null;
            }
            if (f != null) {
                emcHits++;
            } else {
                f = slowLookup(i, port, useEmc);
            }
            slotFlows[i] = f;
        }
        stats.add(PmdStats.EMC_HIT, emcHits);
        executeBatches(n);
    }

    /**
     * Whether two simple keys (metadata, IPv6, ARP and Geneve words zero in both) are equal: their
     * hot words are. The addresses and ports first, where different flows differ.
     */
    private static boolean sameSimpleKey(long[] k, int a, int b) {
        return k[a + FlowKey.W_NW] == k[b + FlowKey.W_NW] && k[a + FlowKey.W_TP] == k[b + FlowKey.W_TP]
                && k[a + FlowKey.W_ETH_SRC] == k[b + FlowKey.W_ETH_SRC]
                && k[a + FlowKey.W_ETH_DST] == k[b + FlowKey.W_ETH_DST]
                && k[a + FlowKey.W_L3_META] == k[b + FlowKey.W_L3_META]
                && k[a + FlowKey.W_VLAN] == k[b + FlowKey.W_VLAN]
                && k[a + FlowKey.W_IN_PORT] == k[b + FlowKey.W_IN_PORT];
    }

    /** SMC, then the classifier; on a miss, the upcall. */
    private DpNetdevFlow slowLookup(int i, int port, boolean useEmc) {
        long[] keys = burst.keys;
        int base = i * W;
        int h = burst.hashes[i];
        DpNetdevFlow f = smc != null ? smc.lookup(keys, base, h, flows) : null;
        if (f != null) {
            stats.inc(PmdStats.SMC_HIT);
        } else {
            Dpcls cls = flows.classifier(port);
            if (cls != null) {
                long before = cls.subtablesSearched();
                f = cls.lookup(keys, base);
                if (f != null) {
                    stats.inc(PmdStats.MEGAFLOW_HIT);
                    stats.add(PmdStats.SUBTABLE_LOOKUPS, cls.subtablesSearched() - before);
                    if (smc != null) {
                        smc.insert(h, f.tableIndex);
                    }
                }
            }
            if (f == null) {
                miss(i, DropReason.NO_FLOW);
                return null;
            }
        }
        if (useEmc) {
            emc.probabilisticInsert(keys, base, h, f, keyClass[i]);
        }
        return f;
    }

    private void executeBatches(int n) {
        int nb = 0;
        long[] keys = burst.keys;
        for (int i = 0; i < n; i++) {
            DpNetdevFlow f = slotFlows[i];
            if (f == null) {
                continue;
            }
            int b = f.batchIndex;
            if (b < 0) {
                b = nb++;
                f.batchIndex = b;
                batchFlows[b] = f;
                batchCounts[b] = 0;
                batchBytes[b] = 0;
                batchTcpFlags[b] = 0;
            }
            batchSlots[b][batchCounts[b]++] = i;
            batchBytes[b] += Mbuf.pktLen(burst.mbufs[i]);
            batchTcpFlags[b] |= FlowKey.tcpFlags(keys, i * W);
            slotFlows[i] = null;
        }
        for (int b = 0; b < nb; b++) {
            DpNetdevFlow f = batchFlows[b];
            f.batchIndex = -1;
            batchFlows[b] = null;
            f.hit(batchCounts[b], batchBytes[b], batchTcpFlags[b], nowMillis);
            ActionProgram program = f.program();
            if (program.writesMetadata()) {
                for (int j = 0; j < batchCounts[b]; j++) {
                    metaDirty[batchSlots[b][j]] = true;
                }
            }
            executor.execute(program, batchSlots[b], batchCounts[b], this);
        }
    }

    /** A packet no flow matched: copy it into an upcall (or count it lost) and free it. */
    private void miss(int slot, int reason) {
        stats.inc(PmdStats.MISS);
        if (!queueUpcall(slot, Upcall.MISS, 0, null)) {
            stats.inc(PmdStats.LOST);
            stats.inc(PmdStats.DROP_BASE + DropReason.UPCALL_QUEUE_FULL);
        }
        long m = burst.mbufs[slot];
        burst.mbufs[slot] = 0;
        mbufs.free(m);
    }

    private boolean queueUpcall(int slot, int type, int pid, byte[] userdata) {
        Upcall u = upcalls.claim();
        if (u == null) {
            return false;
        }
        long m = burst.mbufs[slot];
        u.type = type;
        u.pmdIndex = pmdIndex;
        u.queuedNs = nowNs;
        upcallsQueued++;
        System.arraycopy(burst.keys, slot * W, u.key, 0, W);
        u.hash = burst.hashes[slot];
        u.pid = pid;
        u.userdata = userdata;
        u.originalLength = Mbuf.pktLen(m);
        int copied = 0;
        for (long seg = m; seg != 0 && copied < Upcall.MAX_PACKET; seg = Mbuf.MEMORY.get(JAVA_LONG, seg + Mbuf.NEXT)) {
            int len = Math.min(Mbuf.dataLen(seg), Upcall.MAX_PACKET - copied);
            MemorySegment.copy(Mbuf.MEMORY, JAVA_BYTE, Mbuf.dataAddress(seg), u.packet, copied, len);
            copied += len;
        }
        u.packetLength = copied;
        upcalls.submit(u);
        return true;
    }

    private void dropSlot(int slot, int reason) {
        long m = burst.mbufs[slot];
        burst.mbufs[slot] = 0;
        mbufs.free(m);
        stats.inc(PmdStats.DROP_BASE + reason);
    }

    private void shiftRecirc(int m) {
        recircCount -= m;
        if (recircCount > 0) {
            System.arraycopy(recircMbufs, m, recircMbufs, 0, recircCount);
            System.arraycopy(recircKeys, m * W, recircKeys, 0, recircCount * W);
            System.arraycopy(recircDepths, m, recircDepths, 0, recircCount);
        }
    }

    /** Sends what every tx port queued this iteration. */
    void flushTx() {
        for (int i = 0; i < dirtyCount; i++) {
            TxPort t = dirtyTx[i];
            int queued = t.queued();
            if (queued > 0) {
                stats.add(PmdStats.SENT_PACKETS, queued);
                stats.inc(PmdStats.SENT_BATCHES);
            }
            t.flush();
            int refused = t.takeDropped();
            if (refused > 0) {
                txRefused(t, refused);
            }
            t.dirty = false;
            dirtyTx[i] = null;
        }
        dirtyCount = 0;
    }

    /** Counts packets a tx queue refused; on a vhost-user port, a JFR event (guest too slow). */
    private void txRefused(TxPort t, int refused) {
        stats.add(PmdStats.DROP_BASE + DropReason.TX_QUEUE_FULL, refused);
        if (t.netdev().type().startsWith("dpdkvhostuser")) {
            VhostTxDropEvent e = new VhostTxDropEvent();
            if (e.shouldCommit()) {
                e.core = core;
                e.port = t.netdev().name();
                e.queue = t.queue();
                e.dropped = refused;
                e.commit();
            }
        }
    }

    /** PMD thread: upcalls queued since the last call. */
    int takeUpcallsQueued() {
        int n = upcallsQueued;
        upcallsQueued = 0;
        return n;
    }

    // ---- ExecContext ----

    @Override
    public Burst burst() {
        return burst;
    }

    @Override
    public void output(int port, long mbuf) {
        TxPort t = port >= 0 && port < txPorts.length ? txPorts[port] : null;
        if (t == null) {
            mbufs.free(mbuf);
            stats.inc(PmdStats.DROP_BASE + DropReason.NO_SUCH_PORT);
            return;
        }
        if (Mbuf.pktLen(mbuf) > t.maxPacketLen()) {
            mbufs.free(mbuf);
            stats.inc(PmdStats.DROP_BASE + DropReason.MTU);
            return;
        }
        if (!t.dirty) {
            if (dirtyCount == dirtyTx.length) {
                flushTx();
            }
            t.dirty = true;
            dirtyTx[dirtyCount++] = t;
        }
        if (t.isFull()) {
            stats.add(PmdStats.SENT_PACKETS, t.queued());
            stats.inc(PmdStats.SENT_BATCHES);
        }
        t.output(mbuf);
    }

    @Override
    public void recirculate(int slot, int recircId) {
        long m = burst.mbufs[slot];
        int depth = depths[slot] + 1;
        if (depth > DropReason.MAX_RECIRC_DEPTH || recircCount == RECIRC_CAPACITY) {
            mbufs.free(m);
            stats.inc(PmdStats.DROP_BASE + (depth > DropReason.MAX_RECIRC_DEPTH ? DropReason.RECIRC_DEPTH
                    : DropReason.NO_MBUF));
            return;
        }
        int r = recircCount++;
        recircMbufs[r] = m;
        System.arraycopy(burst.keys, slot * W, recircKeys, r * W, W);
        recircKeys[r * W + FlowKey.W_IN_PORT] = FlowKey.inPortWord(FlowKey.inPort(burst.keys, slot * W), recircId);
        recircDepths[r] = depth;
    }

    @Override
    public void userspace(int slot, int pid, byte[] userdata) {
        if (!queueUpcall(slot, Upcall.ACTION, pid, userdata)) {
            stats.inc(PmdStats.LOST);
            stats.inc(PmdStats.DROP_BASE + DropReason.UPCALL_QUEUE_FULL);
        }
    }

    @Override
    public boolean meter(int meterId, int bytes) {
        return meters.pass(meterId, bytes, nowNs);
    }

    @Override
    public TunnelVport tunnelVport(int port) {
        TxPort t = port >= 0 && port < txPorts.length ? txPorts[port] : null;
        return t != null && t.netdev() instanceof TunnelVport v ? v : null;
    }

    @Override
    public MbufAllocator mbufs() {
        return mbufs;
    }

    @Override
    public void drop(int reason, int n) {
        stats.add(PmdStats.DROP_BASE + reason, n);
    }

    @Override
    public int random() {
        random ^= random << 13;
        random ^= random >>> 17;
        random ^= random << 5;
        return random;
    }

    // ---- configuration, from PMD commands ----

    void setTxPort(int portNo, TxPort t) {
        if (portNo >= txPorts.length) {
            txPorts = Arrays.copyOf(txPorts, portNo + 1);
        }
        txPorts[portNo] = t;
    }

    TxPort txPort(int portNo) {
        return portNo >= 0 && portNo < txPorts.length ? txPorts[portNo] : null;
    }

    TxPort[] txPorts() {
        return txPorts;
    }

    void setEmcEnabled(int portNo, boolean on) {
        if (portNo >= emcEnabled.length) {
            emcEnabled = Arrays.copyOf(emcEnabled, portNo + 1);
        }
        emcEnabled[portNo] = on;
    }

    void setSmc(Smc smc) {
        this.smc = smc;
    }

    void setMbufAllocator(MbufAllocator allocator) {
        this.mbufs = allocator;
    }
}
