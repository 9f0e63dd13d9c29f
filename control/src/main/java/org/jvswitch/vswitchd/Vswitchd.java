package org.jvswitch.vswitchd;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.jvswitch.bridge.BridgeService;
import org.jvswitch.bridge.StatusWriter;
import org.jvswitch.daemon.RunDirs;
import org.jvswitch.dpdk.DpdkException;
import org.jvswitch.dpdk.Eal;
import org.jvswitch.dpdk.EalArgs;
import org.jvswitch.dpdk.EthEvents;
import org.jvswitch.dpdk.MbufPools;
import org.jvswitch.dpif.DpifNetdev;
import org.jvswitch.metrics.MetricsAddress;
import org.jvswitch.metrics.MetricsService;
import org.jvswitch.metrics.MetricsSources;
import org.jvswitch.ovsdb.server.OvsdbServer;
import org.jvswitch.pmd.CpuMask;
import org.jvswitch.pmd.PmdIdle;
import org.jvswitch.unixctl.UnixctlServer;
import org.jvswitch.vlog.Vlog;
import org.slf4j.Logger;

/**
 * The switch daemon: owns the control socket, the configuration database (embedded, or a remote
 * given as DATABASE), DPDK, the datapath and the bridges, and ties their life cycles together.
 * DPDK starts from the database's Open_vSwitch other_config (over the command line's
 * {@code --other-config} defaults); the bridges follow the database from then on.
 *
 * <p>Start-up never stops at the first problem: if DPDK cannot start (no hugepages, bad
 * dpdk-extra), the daemon says why in one line, keeps serving its control socket, and every port
 * request answers with that reason.
 *
 * <p>Threads: {@link #start} and {@link #close} run on the main thread; unixctl commands on the
 * unixctl control thread; the datapath has its own PMD threads.
 */
public final class Vswitchd implements AutoCloseable {
    private static final Logger LOG = Vlog.module("vswitchd");
    public static final String PROGRAM = "ovs-vswitchd";
    public static final String DATAPATH = "ovs-netdev";

    private final RunDirs dirs;
    private final VswitchdOptions options;
    private final CountDownLatch exit = new CountDownLatch(1);
    /** The Interface types this build can create (Open_vSwitch:iface_types). */
    static final List<String> IFACE_TYPES = List.of("dpdk", "dpdkvhostuser", "dpdkvhostuserclient", "geneve", "gre",
            "internal", "patch", "system", "vxlan");

    private UnixctlServer unixctl;
    private SwitchDatabase configDb;
    private BridgeService bridges;
    /** /metrics (observability, issue 7). */
    private volatile MetricsService metrics;
    private MbufPools pools;
    private volatile DpifNetdev dpif;
    private volatile String datapathFailure;
    /** False while DPDK and the datapath are still starting. */
    private volatile boolean started;
    private boolean closed;

    public Vswitchd(RunDirs dirs, VswitchdOptions options) {
        this.dirs = dirs;
        this.options = options;
    }

    public void start() throws IOException {
        String dpdkVersion = Eal.version();
        Path socket = options.unixctlPath() != null ? options.unixctlPath()
                : dirs.unixctlSocket(PROGRAM, ProcessHandle.current().pid());
        unixctl = UnixctlServer.start(socket, Version.banner(PROGRAM, dpdkVersion), exit::countDown);
        DpctlCommands.register(unixctl, this);
        PmdCommands.register(unixctl, this);
        DpctlFlowCommands.register(unixctl, this);
        // memory/show's figures and the observability commands (issue 7: upcall/show, dpdk/*) are
        // there before the datapath answers, so a client that waits for dpctl/show sees them all.
        // (dpif is volatile and set after pools: reading it first makes pools visible.)
        unixctl.addMemoryReporter(usage -> {
            DpifNetdev d = dpif;
            if (d != null) {
                usage.put("ports", (long) d.ports().size());
                usage.put("pmds", (long) d.pmds().size());
            }
            if (pools != null) {
                usage.put("mempools", (long) pools.all().size());
            }
        });
        UpcallCommands.register(unixctl, this);
        DpdkCommands.register(unixctl, this);
        configDb = SwitchDatabase.open(dirs, options.database(), exit::countDown);
        Map<String, String> oc = new LinkedHashMap<>(options.otherConfig());
        oc.putAll(configDb.bootstrapOtherConfig());
        startDatapath(oc);
        bridges = new BridgeService(() -> dpif, this::datapathFailure, new StatusWriter.SystemInfo(
                Version.OVS_COMPAT, IFACE_TYPES, dpif != null, dpdkVersion));
        bridges.setOtherConfigDefaults(options.otherConfig());
        bridges.start(configDb::configDb, unixctl, dirs.rundir());
        started = true;
        // ---- observability (issue 7): /metrics on other_config:metrics-address ----
        metrics = startMetrics(oc.get(MetricsAddress.KEY));
        bridges.onOtherConfig(dbConfig -> applyMetricsAddress(dbConfig.get(MetricsAddress.KEY)));
        // ---- end observability ----
        LOG.info("{} {} started (Open vSwitch {} compatible, {})", PROGRAM, Version.JVSWITCH, Version.OVS_COMPAT,
                dpdkVersion);
    }

    // ---- observability (issue 7) ----
    /** other_config:metrics-address as last applied (null: unset, so the command line's or the default). */
    private String metricsAddress;
    private final Object metricsLock = new Object();

    /** /metrics: the datapath, the embedded database; a bad address is logged and leaves it off. */
    private MetricsService startMetrics(String address) {
        metricsAddress = address;
        BridgeService bridgeLayer = bridges;
        MetricsSources sources = new MetricsSources() {
            @Override
            public DpifNetdev datapath() {
                return dpif;
            }

            @Override
            public org.jvswitch.metrics.InterfaceDirectory interfaces() {
                return bridgeLayer == null ? org.jvswitch.metrics.InterfaceDirectory.DATAPATH_NAMES
                        : bridgeLayer.interfaces();
            }

            @Override
            public OvsdbServer ovsdb() {
                SwitchDatabase db = configDb;
                return db == null ? null : db.embeddedServer();
            }
        };
        try {
            return MetricsService.start(sources, address);
        } catch (IllegalArgumentException e) {
            LOG.error("{}; /metrics is off", e.getMessage());
            return MetricsService.start(sources, "");
        }
    }

    /**
     * The database's other_config:metrics-address changed (bridge thread): moves /metrics, turns it
     * off (empty), or logs a bad value as an error and turns it off. Unset: the command line's
     * {@code --other-config=metrics-address}, else the default.
     */
    private void applyMetricsAddress(String fromDb) {
        String address = fromDb != null ? fromDb : options.otherConfig().get(MetricsAddress.KEY);
        synchronized (metricsLock) {
            MetricsService m = metrics;
            if (m == null || java.util.Objects.equals(address, metricsAddress)) {
                return;
            }
            metricsAddress = address;
            try {
                m.reconfigure(address);
            } catch (IllegalArgumentException e) {
                LOG.error("{}; /metrics is off", e.getMessage());
                m.reconfigure("");
            }
        }
    }

    /** The /metrics service: reconfigure(other_config:metrics-address) when the database changes it. */
    public MetricsService metrics() {
        return metrics;
    }
    // ---- end observability ----

    private void startDatapath(Map<String, String> oc) {
        String init = oc.getOrDefault("dpdk-init", "true");
        if (init.equals("false")) {
            datapathFailure = "DPDK is disabled (other_config:dpdk-init=false); jvswitch's datapath needs it";
            LOG.warn("{}", datapathFailure);
            return;
        }
        try {
            List<String> args = EalArgs.build(oc, PROGRAM, PROGRAM + "-" + ProcessHandle.current().pid(),
                    EalArgs.allowedCpus());
            Eal.init(args);
            EthEvents.start();
            List<Integer> cores = CpuMask.pmdCores(oc.get("pmd-cpu-mask"), EalArgs.allowedCpus(), LOG::warn);
            int maxSleep = PmdIdle.parseMaxSleep(oc.get("pmd-maxsleep"));
            pools = new MbufPools(MbufPools.initialMbufs(oc));
            dpif = new DpifNetdev(DATAPATH, cores, maxSleep, pools, vhostSockDir(oc));
            dpif.configure(oc);
        } catch (DpdkException | IllegalArgumentException e) {
            datapathFailure = e.getMessage();
            LOG.error("{}", e.getMessage());
        }
    }

    /** other_config:vhost-sock-dir, relative to the run directory as in OVS. */
    private Path vhostSockDir(Map<String, String> oc) {
        String dir = oc.get("vhost-sock-dir");
        if (dir == null || dir.isBlank()) {
            return dirs.rundir();
        }
        Path p = dirs.rundir().resolve(dir).normalize();
        if (!p.startsWith(dirs.rundir())) {
            throw new IllegalArgumentException("other_config:vhost-sock-dir '" + dir + "' must be inside "
                    + dirs.rundir());
        }
        return p;
    }

    /** The datapath, or null when it could not start ({@link #datapathFailure} says why). */
    public DpifNetdev datapath() {
        return dpif;
    }

    /** Why there is no datapath: it is still starting, or the reason it could not start. */
    public String datapathFailure() {
        return started ? datapathFailure : "the datapath is still starting (DPDK initialisation)";
    }

    /** Blocks until {@code ovs-appctl exit} (or {@link #requestExit}). */
    public void awaitExit() throws InterruptedException {
        exit.await();
    }

    public void requestExit() {
        exit.countDown();
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (metrics != null) {  // observability (issue 7)
            metrics.close();
            metrics = null;
        }
        if (bridges != null) {
            bridges.close();
            bridges = null;
        }
        DpifNetdev d = dpif;
        dpif = null;
        if (d != null) {
            d.close();
        }
        if (configDb != null) {
            configDb.close();
            configDb = null;
        }
        if (unixctl != null) {
            unixctl.close();
            unixctl = null;
        }
        LOG.info("{} stopped", PROGRAM);
    }
}
