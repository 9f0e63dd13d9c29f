package org.jvswitch.bridge;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.jvswitch.coverage.Coverage;
import org.jvswitch.coverage.CoverageCounter;
import org.jvswitch.dataplane.action.DpAction;
import org.jvswitch.dataplane.flow.FlowKey;
import org.jvswitch.dpif.DpifNetdev;
import org.jvswitch.metrics.InterfaceDirectory;
import org.jvswitch.ofproto.BridgeRegistry;
import org.jvswitch.ofproto.Ofproto;
import org.jvswitch.ofproto.OfprotoUpcalls;
import org.jvswitch.ofproto.Revalidator;
import org.jvswitch.ofproto.TunnelXlate;
import org.jvswitch.ofproto.Xlate;
import org.jvswitch.openflow.OfDatapath;
import org.jvswitch.openflow.OpenFlowManager;
import org.jvswitch.tnl.TunnelService;
import org.jvswitch.unixctl.UnixctlServer;
import org.jvswitch.vlog.Vlog;
import org.slf4j.Logger;

/**
 * The switch's bridges, driven by the Open_vSwitch database (Open vSwitch's bridge.c): it
 * monitors the configuration, reconciles the datapath and the OpenFlow bridges with it, writes
 * status back ({@code cur_cfg} last, so {@code ovs-vsctl} returns once a change is in effect),
 * runs spanning tree, answers the datapath's upcalls through translation, and keeps the
 * megaflows true with a revalidator.
 *
 * <p>Threads: one "bridge" thread owns the replica, the reconciler and spanning tree; it also
 * runs the bridge unixctl commands ({@link #call}). Upcall handler threads translate; the
 * "revalidator" thread revalidates. BPDUs from upcalls are handed to the bridge thread.
 */
public final class BridgeService implements AutoCloseable {
    private static final Logger LOG = Vlog.module("bridge");
    private static final CoverageCounter RECONFIGURE = Coverage.counter("bridge_reconfigure");
    private static final long STATS_INTERVAL_MS = 5000;

    private final ScheduledExecutorService thread;
    private final Supplier<DpifNetdev> dpif;
    private final BridgeRegistry registry = new BridgeRegistry();
    private final Xlate xlate = new Xlate(registry);
    private final OfprotoUpcalls upcalls = new OfprotoUpcalls(xlate, registry);
    private final DbReplica replica = new DbReplica();
    private final StatusWriter status = new StatusWriter();
    private final BridgeReconciler reconciler;
    private final StatusWriter.SystemInfo info;
    private final RevalidatorThread revalidator;
    private final TunnelService tunnels;
    /** OpenFlow (issue 6): management sockets, controllers, ofproto/trace; made by {@link #start}. */
    private volatile OpenFlowManager openflow;
    private ConfigDb db;
    private SwitchConfig config = SwitchConfig.from(replica);
    private boolean haveSnapshot;
    private long lastStatsMs;
    private volatile boolean closed;
    /** Observability (issue 7): told Open_vSwitch other_config after each change (metrics-address). */
    private volatile java.util.function.Consumer<java.util.Map<String, String>> otherConfigListener;
    private java.util.Map<String, String> toldOtherConfig;
    /** Observability (issue 7): datapath port number to its bridge/port/interface, for /metrics. */
    private volatile java.util.Map<Integer, InterfaceDirectory.Labels> interfaceLabels = java.util.Map.of();

    /**
     * @param dpif            the datapath (null inside when it could not start)
     * @param datapathFailure why there is no datapath, for Interface:error
     */
    public BridgeService(Supplier<DpifNetdev> dpif, Supplier<String> datapathFailure, StatusWriter.SystemInfo info) {
        this.dpif = dpif;
        this.info = info;
        ScheduledThreadPoolExecutor t = new ScheduledThreadPoolExecutor(1,
                r -> Thread.ofPlatform().name("bridge").daemon(true).unstarted(r));
        t.setRemoveOnCancelPolicy(true);
        this.thread = t;
        // Native tunneling (issue 8): routes, neighbours, tunnel vports; translation hooks.
        this.tunnels = TunnelService.forDatapath(dpif);
        tunnels.setInvalidator(() -> {
            registry.all().forEach(Ofproto::bump);
            revalidate();
        });
        xlate.setTunnels(new TunnelXlate(tunnels, (packet, len, key, actions) -> {
            DpifNetdev d = dpif.get();
            if (d != null) {
                d.execute(packet, len, key, actions);
            }
        }));
        this.reconciler = new BridgeReconciler(dpif, datapathFailure, registry, this::sendBpdu, tunnels.ports());
        DpifNetdev d = dpif.get();
        this.revalidator = d == null ? null : new RevalidatorThread(new Revalidator(d, registry, xlate, upcalls));
        upcalls.setBpduHandler((bridge, ofport, frame, len) -> {
            byte[] copy = java.util.Arrays.copyOf(frame, len);
            thread.execute(() -> {
                BridgeRuntime br = reconciler.bridge(bridge.name());
                if (br != null && br.stp != null) {
                    br.stp.receive(ofport, copy);
                }
            });
        });
    }

    /**
     * Connects to the database and starts the bridge and revalidator threads and OpenFlow
     * ({@code <rundir>/<bridge>.mgmt} sockets, controllers).
     */
    /** The command line's --other-config: defaults for Open_vSwitch other_config keys the database does not set. */
    public void setOtherConfigDefaults(Map<String, String> defaults) {
        thread.execute(() -> reconciler.setOtherConfigDefaults(defaults));
    }

    public void start(ConfigDbFactory factory, UnixctlServer unixctl, java.nio.file.Path rundir) {
        DpifNetdev d = dpif.get();
        openflow = new OpenFlowManager(rundir, unixctl, d == null ? OfDatapath.NONE : OfDatapath.of(d), xlate);
        reconciler.setOpenFlow(openflow);
        openflow.onTableChange(this::revalidate);
        status.setControllers(openflow::controllerStatus);
        db = factory.create(thread, this::onSnapshot, this::onUpdate);
        if (d != null) {
            d.setUpcallHandler(upcalls);
            revalidator.start();
            RevalidatorCommands.register(unixctl, revalidator);
        }
        BridgeCommands.register(unixctl, this);
        tunnels.start(unixctl, true);
        thread.scheduleWithFixedDelay(this::tick, 0, 100, TimeUnit.MILLISECONDS);
        LOG.info("reading the configuration from the {} database", db.target());
    }

    /** How the service reaches its database (the embedded server, or a remote). */
    @FunctionalInterface
    public interface ConfigDbFactory {
        ConfigDb create(java.util.concurrent.Executor executor, java.util.function.Consumer<JsonNode> onSnapshot,
                        java.util.function.Consumer<JsonNode> onUpdate);
    }

    public BridgeRegistry registry() {
        return registry;
    }

    public Xlate xlate() {
        return xlate;
    }

    public OfprotoUpcalls upcalls() {
        return upcalls;
    }

    /** The OpenFlow side (null before {@link #start}). */
    public OpenFlowManager openflow() {
        return openflow;
    }

    /** Runs {@code task} on the bridge thread and returns its result (for commands). */
    <T> CompletableFuture<T> call(Callable<T> task) {
        CompletableFuture<T> f = new CompletableFuture<>();
        try {
            thread.execute(() -> {
                try {
                    f.complete(task.call());
                } catch (Exception | LinkageError e) {
                    f.completeExceptionally(e);
                }
            });
        } catch (java.util.concurrent.RejectedExecutionException e) {
            f.completeExceptionally(e);
        }
        return f;
    }

    /** The bridges as the bridge thread has them; call on the bridge thread. */
    Collection<BridgeRuntime> bridges() {
        return reconciler.bridges();
    }

    BridgeRuntime bridge(String name) {
        return reconciler.bridge(name);
    }

    DpifNetdev datapath() {
        return dpif.get();
    }

    /** Asks the revalidator for a pass now (flow tables or MAC entries changed by hand). */
    void revalidate() {
        if (revalidator != null) {
            revalidator.kick();
        }
    }

    // ---- bridge thread ----

    private void onSnapshot(JsonNode tableUpdates) {
        replica.clear();
        replica.apply(tableUpdates);
        status.reset();
        haveSnapshot = true;
        reconfigure();
    }

    private void onUpdate(JsonNode tableUpdates) {
        if (haveSnapshot && replica.apply(tableUpdates)) {
            reconfigure();
        }
    }

    private void reconfigure() {
        config = SwitchConfig.from(replica);
        RECONFIGURE.inc();
        try {
            reconciler.apply(config);
        } catch (RuntimeException e) {
            LOG.error("reconfiguration failed", e);
        }
        publishObservability();
        revalidate();
        writeStatus(config.nextCfg(), false);
    }

    private void tick() {
        if (closed) {
            return;
        }
        try {
            long now = System.currentTimeMillis();
            boolean wasConnected = db.isConnected();
            db.poll(now);
            if (wasConnected && !db.isConnected()) {
                haveSnapshot = false;
            }
            long mono = System.nanoTime() / 1_000_000L;
            for (BridgeRuntime br : reconciler.bridges()) {
                if (br.stp != null) {
                    br.stp.tick(mono);
                }
            }
            if (now - lastLinkPollMs >= 1000) {
                lastLinkPollMs = now;
                boolean changed = reconciler.pollLinks();
                boolean stats = now - lastStatsMs >= STATS_INTERVAL_MS;
                if (stats) {
                    lastStatsMs = now;
                }
                if (haveSnapshot) {
                    writeStatus(-1, stats);
                }
                if (changed) {
                    revalidate();
                }
            }
        } catch (RuntimeException e) {
            LOG.error("bridge periodic work failed", e);
        }
    }

    private long lastLinkPollMs;

    private void writeStatus(long curCfg, boolean withStats) {
        List<JsonNode> ops = status.ops(config, reconciler.bridges(), info, curCfg, withStats);
        if (ops.isEmpty() || !db.isConnected()) {
            return;
        }
        db.transact(new ArrayList<>(ops)).whenComplete((results, err) -> {
            if (err != null) {
                LOG.warn("writing status: {}", err.getMessage());
                thread.execute(status::reset);
                return;
            }
            for (JsonNode r : results) {
                if (r != null && r.has("error")) {
                    LOG.warn("writing status: {} ({})", r.get("error").asText(),
                            r.has("details") ? r.get("details").asText() : "");
                    thread.execute(status::reset);
                    return;
                }
            }
        });
    }

    // ---- observability (issue 7) ----

    /**
     * Tells {@code listener} the Open_vSwitch table's other_config now (from any thread; it is then
     * called on the bridge thread after each reconfiguration that changed it).
     */
    public void onOtherConfig(java.util.function.Consumer<java.util.Map<String, String>> listener) {
        otherConfigListener = listener;
        thread.execute(() -> {
            toldOtherConfig = null;
            publishObservability();
        });
    }

    /** Names datapath ports by the bridge, Port and Interface rows that made them (any thread). */
    public InterfaceDirectory interfaces() {
        return p -> interfaceLabels.get(p.portNo());
    }

    /** Bridge thread: publishes the interface labels, and other_config if it changed. */
    private void publishObservability() {
        java.util.Map<Integer, InterfaceDirectory.Labels> labels = new java.util.HashMap<>();
        for (BridgeRuntime br : reconciler.bridges()) {
            for (IfaceRuntime i : br.ifaces.values()) {
                if (i.dp != null) {  // a tunnel vport carries several interfaces: the first names it
                    labels.putIfAbsent(i.dp.portNo(), new InterfaceDirectory.Labels(br.name, i.port.name(), i.name()));
                }
            }
        }
        interfaceLabels = java.util.Map.copyOf(labels);
        var listener = otherConfigListener;
        if (listener != null && haveSnapshot && !config.otherConfig().equals(toldOtherConfig)) {
            toldOtherConfig = config.otherConfig();
            try {
                listener.accept(toldOtherConfig);
            } catch (RuntimeException e) {
                LOG.error("applying other_config", e);
            }
        }
    }

    /** Sends a spanning tree frame out of a bridge port (a patch port hands it to its peer). */
    private void sendBpdu(BridgeRuntime br, int ofport, byte[] frame) {
        IfaceRuntime i = br.byOfport(ofport);
        if (i == null || i.failed()) {
            return;
        }
        if (i.isPatch()) {
            String peer = i.cfg.options().get("peer");
            for (BridgeRuntime other : reconciler.bridges()) {
                IfaceRuntime p = other.ifaces.get(peer);
                if (p != null && p.isPatch() && !p.failed() && other.stp != null) {
                    other.stp.receive(p.ofport, frame);
                }
            }
            return;
        }
        DpifNetdev d = dpif.get();
        if (d == null || i.dp == null) {
            return;
        }
        long mac = i.dp.netdev().mac();
        for (int b = 0; b < 6; b++) {
            frame[6 + b] = (byte) (mac >>> (40 - 8 * b));
        }
        long[] key = new long[FlowKey.WORDS];
        key[FlowKey.W_IN_PORT] = FlowKey.inPortWord(i.dp.portNo(), 0);
        d.execute(frame, frame.length, key, List.of(new DpAction.Output(i.dp.portNo())));
    }

    @Override
    public void close() {
        closed = true;
        tunnels.close();
        if (revalidator != null) {
            revalidator.close();
        }
        DpifNetdev d = dpif.get();
        if (d != null) {
            d.setUpcallHandler(null);
        }
        thread.shutdownNow();
        try {
            thread.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        OpenFlowManager of = openflow;
        if (of != null) {
            of.close();
        }
        if (db != null) {
            db.close();
        }
    }
}
