package org.jvswitch.dpif;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import org.agrona.ErrorHandler;
import org.agrona.concurrent.AgentRunner;
import org.jvswitch.coverage.Coverage;
import org.jvswitch.coverage.CoverageCounter;
import org.jvswitch.dataplane.DpdkMbufAllocator;
import org.jvswitch.dataplane.DropReason;
import org.jvswitch.dataplane.action.ActionCompiler;
import org.jvswitch.dataplane.action.ActionProgram;
import org.jvswitch.dataplane.action.DpAction;
import org.jvswitch.dataplane.meter.DpMeters;
import org.jvswitch.dataplane.tunnel.TunnelVport;
import org.jvswitch.dpdk.MbufPools;
import org.jvswitch.dpdk.Mempool;
import org.jvswitch.netdev.Netdev;
import org.jvswitch.netdev.NetdevDpdk;
import org.jvswitch.netdev.NetdevException;
import org.jvswitch.netdev.NetdevSpec;
import org.jvswitch.pmd.PmdHistogram;
import org.jvswitch.pmd.PmdIdle;
import org.jvswitch.pmd.PmdStats;
import org.jvswitch.pmd.PmdThread;
import org.jvswitch.pmd.Rxq;
import org.jvswitch.pmd.Upcall;
import org.jvswitch.vlog.Vlog;
import org.slf4j.Logger;

/**
 * The userspace datapath (Open vSwitch's dpif-netdev, named {@code ovs-netdev}): its ports, its
 * PMD threads, the flows in them, the upcall handlers, and the "main thread" context that
 * executes packets for the control path.
 *
 * <p>Ports: adding one opens its netdev, gives every PMD (and the main context) a tx queue on it
 * (its own when the port has enough, else a shared one with a lock), and hands its rx queues to
 * the PMDs ({@link RxqScheduler}); removing one takes it away from every PMD first, then closes
 * it. Flows: {@link DpifFlows}. Both wait until every PMD has run the command, so when they
 * return the change is live (a removed flow is gone for the next burst).
 *
 * <p>PMD threads ({@link #setPmdCores}, other_config:pmd-cpu-mask): each has a slot, its index,
 * from 0 to {@link #MAX_PMDS} - 1, kept while it lives; the main context's is {@link #MAIN_INDEX}.
 * Changing the cores stops only the PMDs on cores no longer wanted and starts only the new ones;
 * the others keep their flows, caches and counters. The rx queues are placed again; tx queues
 * are assigned by slot (the main context gets queue 0, the PMD in slot i queue (i + 1) mod n), so
 * the PMDs that stay keep theirs, and a port gets locks on its queues as soon as two contexts
 * share one.
 *
 * <p>Thread safety: ports and configuration change under this object's lock (control threads);
 * the main context runs under {@code mainLock}.
 */
public final class DpifNetdev implements AutoCloseable {
    private static final Logger LOG = Vlog.module("dpif_netdev");
    private static final CoverageCounter PORT_ADD = Coverage.counter("dpif_port_add");
    private static final CoverageCounter PORT_ADD_ERROR = Coverage.counter("dpif_port_add_error");
    private static final CoverageCounter PORT_DEL = Coverage.counter("dpif_port_del");
    private static final CoverageCounter EXECUTE = Coverage.counter("dpif_execute");
    /** OVS's NON_PMD_CORE_ID, the main thread's "core" in pmd-stats-show. */
    public static final int NON_PMD_CORE_ID = Integer.MAX_VALUE;
    /** PMD slots: at most this many PMD threads. */
    public static final int MAX_PMDS = 128;
    /** The main context's index (its upcall counters' slot). */
    public static final int MAIN_INDEX = MAX_PMDS;

    private final String name;
    private final MbufPools pools;
    private final Path vhostSockDir;
    private final DpMeters meters = new DpMeters();
    /** Live PMD threads, ordered by core. */
    private final List<PmdThread> pmds = new ArrayList<>();
    /** {@link #pmds} as other threads read it, replaced whole on every change. */
    private volatile List<PmdThread> pmdView = List.of();
    private final Map<PmdThread, AgentRunner> runners = new HashMap<>();
    private final int maxSleepUs;
    private final ErrorHandler onError = t -> LOG.error("PMD error: {}", t.toString(), t);
    /** What {@link #configure} last set, for PMDs started later. */
    private int emcInsertInvProb = 100;
    private boolean smcEnable;
    private boolean perfMetrics;
    /** Per port: Interface other_config:emc-enable. */
    private final Map<Integer, Boolean> emcEnabled = new HashMap<>();
    /** Per port whose tx queues are shared: a lock per queue. */
    private final Map<Integer, Object[]> txLocks = new HashMap<>();
    private final PmdThread main;
    private final Object mainLock = new Object();
    private final Mempool copyPool;
    private final Map<String, DpPort> byName = new HashMap<>();
    private final TreeMap<Integer, DpPort> byNumber = new TreeMap<>();
    private final RxqScheduler scheduler;
    private final DpifFlows flows;
    private final UpcallHandlers handlers;
    private final Revalidations revalidations = new Revalidations();
    /** coverage/show's datapath_drop_REASON counters read these datapath's totals. */
    private final List<Coverage.Source> coverageSources = new ArrayList<>();
    private boolean closed;

    /**
     * @param pmdCores   one PMD thread per core (other_config:pmd-cpu-mask)
     * @param maxSleepUs other_config:pmd-maxsleep
     */
    public DpifNetdev(String name, List<Integer> pmdCores, int maxSleepUs, MbufPools pools, Path vhostSockDir) {
        this.name = name;
        this.pools = pools;
        this.vhostSockDir = vhostSockDir;
        this.copyPool = pools.acquire(NetdevSpec.DEFAULT_MTU, 0);
        this.maxSleepUs = maxSleepUs;
        checkCores(pmdCores);
        for (int core : pmdCores.stream().sorted().distinct().toList()) {
            pmds.add(startPmd(pmds.size(), core));
        }
        pmdView = List.copyOf(pmds);
        main = new PmdThread(MAIN_INDEX, -1, meters);
        main.setMbufAllocator(new DpdkMbufAllocator(copyPool));
        main.drainCommandsNow();
        scheduler = new RxqScheduler(pmds);
        flows = new DpifFlows(this);
        handlers = new UpcallHandlers(this, allContexts(), Math.max(1, pmds.size()), MAX_PMDS + 1);
        for (int r = 0; r < DropReason.COUNT; r++) {
            int reason = r;
            coverageSources.add(Coverage.addSource("datapath_drop_" + DropReason.name(r), () -> drops(reason)));
        }
        LOG.info("datapath {} with {} PMD thread(s) on cores {}", name, pmds.size(), pmdCores);
    }

    public String name() {
        return name;
    }

    /** The PMD threads now, ordered by core (any thread). */
    public List<PmdThread> pmds() {
        return pmdView;
    }

    /** The live PMD in slot {@code index}, or null (any thread). */
    PmdThread pmd(int index) {
        for (PmdThread p : pmdView) {
            if (p.index() == index) {
                return p;
            }
        }
        return null;
    }

    private static void checkCores(List<Integer> cores) {
        if (cores.isEmpty() || cores.size() > MAX_PMDS) {
            throw new IllegalArgumentException("pmd-cpu-mask: from 1 to " + MAX_PMDS + " PMD cores, not "
                    + cores.size());
        }
    }

    private PmdThread startPmd(int slot, int core) {
        PmdThread pmd = new PmdThread(slot, core, meters);
        pmd.setMbufAllocator(new DpdkMbufAllocator(copyPool));
        pmd.configure(emcInsertInvProb, smcEnable);
        pmd.setPerfMetrics(perfMetrics);
        AgentRunner runner = new AgentRunner(PmdIdle.forMaxSleepMicros(maxSleepUs), onError, null, pmd);
        runners.put(pmd, runner);
        AgentRunner.startOnThread(runner, r -> Thread.ofPlatform().name(pmd.roleName()).unstarted(r));
        return pmd;
    }

    /**
     * Moves the PMD threads to {@code cores} (other_config:pmd-cpu-mask changed): stops those on
     * cores no longer wanted, starts one on each new core, gives the new ones a way out through
     * every port, and places the rx queues again. Returns false when the cores were already those.
     *
     * @throws IllegalArgumentException for no cores or more than {@link #MAX_PMDS}
     */
    public synchronized boolean setPmdCores(List<Integer> cores) {
        checkCores(cores);
        List<Integer> wanted = cores.stream().sorted().distinct().toList();
        List<Integer> running = pmds.stream().map(PmdThread::core).toList();
        if (closed || wanted.equals(running)) {
            return false;
        }
        List<PmdThread> gone = pmds.stream().filter(p -> !wanted.contains(p.core())).toList();
        List<PmdThread> added = new ArrayList<>();
        boolean[] used = new boolean[MAX_PMDS];
        pmds.stream().filter(p -> !gone.contains(p)).forEach(p -> used[p.index()] = true);
        for (int core : wanted) {
            if (!running.contains(core)) {
                int slot = 0;
                while (used[slot]) {
                    slot++;
                }
                used[slot] = true;
                added.add(startPmd(slot, core));
            }
        }
        // The PMDs that go stop polling first (their queues wait in their rings for a moment).
        List<CompletableFuture<Void>> done = new ArrayList<>();
        for (PmdThread p : gone) {
            done.add(p.setRxqs(new Rxq[0]));
        }
        Futures.await(done, "stopping PMD threads");
        pmds.removeAll(gone);
        pmds.addAll(added);
        pmds.sort(java.util.Comparator.comparingInt(PmdThread::core));
        pmdView = List.copyOf(pmds);
        // Tx: every port gets queue locks if contexts now share a queue, then the new PMDs their tx ports.
        done.clear();
        for (DpPort port : byNumber.values()) {
            done.addAll(shareTxQueuesIfNeeded(port, added));
        }
        runMain();
        Futures.await(done, "sharing tx queues");
        done.clear();
        for (DpPort port : byNumber.values()) {
            for (PmdThread p : added) {
                done.add(addTxPort(p, port));
            }
        }
        Futures.await(done, "giving the new PMD threads their tx queues");
        for (PmdThread p : gone) {
            runners.remove(p).close(); // flushes its tx queues and leaves DPDK
        }
        handlers.setContexts(allContexts(), added);
        scheduler.setPmds(pmds);
        Futures.await(scheduler.rebalance(), "placing rx queues");
        LOG.info("{}: PMD threads now on cores {} (stopped {}, started {})", name, wanted,
                gone.stream().map(PmdThread::core).toList(), added.stream().map(PmdThread::core).toList());
        return true;
    }

    /**
     * Places every rx queue again from the cycles measured (dpif-netdev/pmd-rxq-rebalance); returns
     * when the PMDs poll their new queues. Serialised with port and PMD changes.
     */
    public synchronized void rebalanceRxqs() {
        Futures.await(scheduler.rebalance(), "placing rx queues");
    }

    private int txQueueOf(PmdThread context, int txq) {
        return context == main || txq <= 1 ? 0 : (context.index() + 1) % txq;
    }

    /** Whether two contexts would use the same one of {@code txq} tx queues. */
    private boolean queuesShared(int txq) {
        java.util.Set<Integer> seen = new java.util.HashSet<>();
        for (PmdThread c : allContexts()) {
            if (!seen.add(txQueueOf(c, txq))) {
                return true;
            }
        }
        return false;
    }

    /** Gives a port's queues locks, and every context using it the locked queue, if they are now shared. */
    private List<CompletableFuture<Void>> shareTxQueuesIfNeeded(DpPort port, List<PmdThread> notYet) {
        int txq = port.netdev().txQueues();
        if (txq == 0 || txLocks.containsKey(port.portNo()) || !queuesShared(txq)) {
            return List.of();
        }
        txLocks.put(port.portNo(), newLocks(txq));
        List<CompletableFuture<Void>> done = new ArrayList<>();
        for (PmdThread c : allContexts()) {
            if (!notYet.contains(c)) {
                done.add(addTxPort(c, port));
            }
        }
        return done;
    }

    private static Object[] newLocks(int n) {
        Object[] locks = new Object[n];
        for (int q = 0; q < n; q++) {
            locks[q] = new Object();
        }
        return locks;
    }

    private CompletableFuture<Void> addTxPort(PmdThread context, DpPort port) {
        int txq = port.netdev().txQueues();
        int q = txQueueOf(context, txq);
        Object[] locks = txLocks.get(port.portNo());
        return context.addTxPort(port.portNo(), port.netdev(), q, locks == null ? null : locks[q],
                emcEnabled.getOrDefault(port.portNo(), true));
    }

    /** The control path's own context (OVS's non-PMD thread), for statistics. */
    public PmdThread mainContext() {
        return main;
    }

    public DpMeters meters() {
        return meters;
    }

    public DpifFlows flows() {
        return flows;
    }

    public RxqScheduler scheduler() {
        return scheduler;
    }

    /**
     * Applies the Open_vSwitch other_config keys the datapath reads: emc-insert-inv-prob
     * (default 100), smc-enable (false), pmd-rxq-assign (cycles), pmd-rxq-isolate (true),
     * pmd-perf-metrics (false: pmd-perf-show's histograms are not filled).
     *
     * @throws IllegalArgumentException with a one-line reason for a bad value
     */
    public synchronized void configure(Map<String, String> otherConfig) {
        String inv = otherConfig.getOrDefault("emc-insert-inv-prob", "100");
        int invProb;
        try {
            invProb = Integer.parseInt(inv.trim());
            if (invProb < 0) {
                throw new NumberFormatException();
            }
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("other_config:emc-insert-inv-prob '" + inv
                    + "' is not a number from 0 (never insert) up");
        }
        boolean smc = Boolean.parseBoolean(otherConfig.getOrDefault("smc-enable", "false"));
        boolean perfMetrics = Boolean.parseBoolean(otherConfig.getOrDefault("pmd-perf-metrics", "false"));
        this.emcInsertInvProb = invProb;
        this.smcEnable = smc;
        this.perfMetrics = perfMetrics;
        scheduler.configure(otherConfig.get("pmd-rxq-assign"), otherConfig.get("pmd-rxq-isolate"));
        List<CompletableFuture<Void>> done = new ArrayList<>();
        for (PmdThread p : allContexts()) {
            done.add(p.configure(invProb, smc));
            done.add(p.setPerfMetrics(perfMetrics));
        }
        runMain();
        Futures.await(done, "configuring the PMDs");
    }

    /** Who decides about misses and userspace actions (ofproto); null: drop them. */
    public void setUpcallHandler(UpcallHandler h) {
        handlers.setHandler(h);
    }

    public int handlerThreads() {
        return handlers.threadCount();
    }

    /** Misses of PMD {@code pmd} the upcall handler answered (and failed to). */
    public long upcallsSucceeded(int pmd) {
        return handlers.succeeded(pmd);
    }

    public long upcallsFailed(int pmd) {
        return handlers.failed(pmd);
    }

    /**
     * Packets the datapath dropped for {@code reason} (a {@link DropReason}), over every PMD and
     * the main context: the PMDs' own counters, plus the misses the upcall handlers dropped (no
     * one translated them: no_flow; the translation said drop: action_drop). Any thread; reads
     * single-writer counters without stopping anyone.
     */
    public long drops(int reason) {
        long n = 0;
        List<PmdThread> all = new ArrayList<>(pmdView);
        all.add(main);
        for (PmdThread p : all) {
            n += drops(p, reason);
        }
        return n;
    }

    /** {@link #drops(int)} for one context (a PMD or {@link #mainContext()}). */
    public long drops(PmdThread context, int reason) {
        long n = context.stats().get(PmdStats.DROP_BASE + reason);
        if (reason == DropReason.NO_FLOW) {
            n += handlers.noFlowDrops(context.index());
        } else if (reason == DropReason.ACTION_DROP) {
            n += handlers.actionDrops(context.index());
        }
        return n;
    }

    /** Queued-to-handled time of PMD {@code pmd}'s upcalls, ns (its handler writes it). */
    public PmdHistogram upcallLatency(int pmd) {
        return handlers.latency(pmd);
    }

    /** TSC cycles the handler spent on each of PMD {@code pmd}'s upcalls (pmd-perf-show's cycles/upcall). */
    public PmdHistogram upcallCycles(int pmd) {
        return handlers.cycles(pmd);
    }

    /** Where the revalidators report their passes (upcall/show, metrics, JFR). */
    public Revalidations revalidations() {
        return revalidations;
    }

    /**
     * Adds a port.
     *
     * @param ifaceOtherConfig Interface other_config: emc-enable, pmd-rxq-affinity
     * @param requestedPortNo  the port number wanted, or -1 for the lowest free one
     * @throws NetdevException with a one-line reason (name taken, bad options, device missing...)
     */
    public synchronized DpPort addPort(String portName, String type, Map<String, String> options,
                                       Map<String, String> ifaceOtherConfig, int mtuRequest, int requestedPortNo) {
        if (closed) {
            throw new NetdevException("datapath " + name + " is closed");
        }
        if (byName.containsKey(portName)) {
            throw new NetdevException("port name '" + portName + "' is already in use in " + name);
        }
        if (requestedPortNo == 0 || requestedPortNo >= 65280) {
            throw new NetdevException("port_no " + requestedPortNo + " is out of range 1..65279");
        }
        if (requestedPortNo > 0 && byNumber.containsKey(requestedPortNo)) {
            throw new NetdevException("port_no " + requestedPortNo + " is already in use by "
                    + byNumber.get(requestedPortNo).name());
        }
        boolean emcEnable = !"false".equals(ifaceOtherConfig.get("emc-enable"));
        Netdev netdev;
        try {
            if (TunnelVport.isTunnelType(type)) {
                // A tunnel vport (vxlan_sys_4789, gre_sys...): no device, no queues; tnl_pop's target.
                netdev = TunnelVport.open(portName, type, options, new DpdkMbufAllocator(copyPool));
            } else {
                NetdevSpec spec = NetdevSpec.of(portName, type, options, mtuRequest, vhostSockDir);
                netdev = NetdevDpdk.open(spec, pools, pmds.size() + 1);
            }
        } catch (NetdevException e) {
            PORT_ADD_ERROR.inc();
            throw e;
        }
        int portNo = requestedPortNo > 0 ? requestedPortNo : freePortNo();
        DpPort port = new DpPort(portNo, portName, netdev);
        try {
            List<CompletableFuture<Void>> done = new ArrayList<>();
            int txq = netdev.txQueues();
            emcEnabled.put(portNo, emcEnable);
            if (txq > 0 && queuesShared(txq)) {
                // Fewer tx queues than users: queues are shared, and each flush takes the queue's lock.
                txLocks.put(portNo, newLocks(txq));
            }
            for (PmdThread pmd : allContexts()) {
                done.add(addTxPort(pmd, port));
            }
            main.drainCommandsNow();
            Futures.await(done, "adding " + portName);
            Futures.await(scheduler.assign(port, ifaceOtherConfig), "adding " + portName);
        } catch (NetdevException e) {
            Futures.await(removeFromPmds(portNo), "removing " + portName);
            emcEnabled.remove(portNo);
            txLocks.remove(portNo);
            netdev.close();
            throw e;
        }
        byName.put(portName, port);
        byNumber.put(portNo, port);
        PORT_ADD.inc();
        LOG.info("{}: added port {} as port {}", name, portName, portNo);
        return port;
    }

    /** Removes a port; throws if there is none of that name. */
    public synchronized void deletePort(String portName) {
        DpPort port = byName.get(portName);
        if (port == null) {
            throw new NetdevException("no port named '" + portName + "' in " + name);
        }
        Futures.await(removeFromPmds(port.portNo()), "removing " + portName);
        scheduler.forget(port.portNo());
        byName.remove(portName);
        byNumber.remove(port.portNo());
        emcEnabled.remove(port.portNo());
        txLocks.remove(port.portNo());
        port.netdev().close();
        PORT_DEL.inc();
        LOG.info("{}: deleted port {}", name, portName);
    }

    public synchronized DpPort port(String portName) {
        return byName.get(portName);
    }

    public synchronized DpPort port(int portNo) {
        return byNumber.get(portNo);
    }

    /** Ports by number. */
    public synchronized List<DpPort> ports() {
        return List.copyOf(byNumber.values());
    }

    /**
     * Executes actions on a packet from the control path (an upcall's packet, a packet-out), in
     * the main context: outputs use its tx queues, recirculation its flow tables.
     *
     * @param key the packet's key; its metadata words (in_port, recirc_id, tunnel...) are used
     */
    public void execute(byte[] packet, int len, long[] key, List<DpAction> actions) {
        ActionProgram program = ActionCompiler.compile(actions);
        EXECUTE.inc();
        synchronized (mainLock) {
            main.executePacket(packet, len, key, program);
        }
    }

    /** Installs the flow an upcall handler chose for a miss, in the PMD that missed. */
    void installFromUpcall(int pmd, Upcall u, long[] mask, List<DpAction> actions) {
        flows.installForPmd(pmd, u.key, mask, actions);
    }

    /** Every flow-holding context: the PMDs, then the main context. */
    List<PmdThread> allContexts() {
        List<PmdThread> all = new ArrayList<>(pmdView);
        all.add(main);
        return all;
    }

    /** Runs what was queued for the main context (it has no thread of its own). */
    void runMain() {
        synchronized (mainLock) {
            main.drainCommandsNow();
        }
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        coverageSources.forEach(Coverage.Source::close);
        handlers.close();
        for (AgentRunner r : runners.values()) {
            r.close();
        }
        runners.clear();
        for (DpPort p : byNumber.values()) {
            p.netdev().close();
        }
        byName.clear();
        byNumber.clear();
        pools.release(copyPool);
    }

    private List<CompletableFuture<Void>> removeFromPmds(int portNo) {
        List<CompletableFuture<Void>> done = new ArrayList<>();
        for (PmdThread pmd : allContexts()) {
            done.add(pmd.removePort(portNo));
        }
        runMain();
        return done;
    }

    private int freePortNo() {
        int n = 1;
        while (byNumber.containsKey(n)) {
            n++;
        }
        return n;
    }
}
