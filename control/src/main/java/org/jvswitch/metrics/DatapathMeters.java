package org.jvswitch.metrics;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.ToDoubleFunction;
import org.jvswitch.dataplane.DropReason;
import org.jvswitch.dataplane.flow.ExtractStatus;
import org.jvswitch.dpdk.Eal;
import org.jvswitch.dpif.DpPort;
import org.jvswitch.dpif.DpifNetdev;
import org.jvswitch.netdev.NetdevStats;
import org.jvswitch.pmd.PmdStats;
import org.jvswitch.pmd.PmdThread;

/**
 * The datapath's meters: per PMD thread (and the main context), per interface, and for the
 * datapath as a whole, kept in step with the datapath at each scrape ({@link #refresh}): ports
 * that appeared get meters, ports that left lose theirs, a restarted datapath is bound afresh.
 *
 * <p>Reading never disturbs a PMD: every value is a single-writer counter read with an opaque
 * load ({@link PmdStats}), or a value a PMD published after a command (flow and subtable
 * counts). Port statistics are read once per scrape per port (one {@code rte_eth_stats_get}) and
 * the interface counters read that sample.
 *
 * <p>Names follow the OVS exporters' ({@code ovs_interface_rx_packets_total}...), labelled
 * {@code bridge}, {@code port}, {@code interface} for interfaces and {@code pmd} (the core id, or
 * "main" for the control path's context) for PMD threads.
 *
 * <p>Threads: {@link #refresh} and the meters' reads run on the scraping thread.
 */
final class DatapathMeters {
    private final MeterRegistry registry;
    private final MetricsSources sources;
    /** The datapath the PMD and datapath-wide meters were made for. */
    private DpifNetdev bound;
    private List<PmdThread> boundPmds = List.of();
    private final List<Meter> datapathMeters = new ArrayList<>();
    private final Map<PortKey, PortMeters> ports = new HashMap<>();

    /** One interface's identity as labelled: a change of name or labels makes new series. */
    private record PortKey(DpPort port, InterfaceDirectory.Labels labels) {
    }

    /** A port's statistics, sampled once per scrape, and its meters. */
    private static final class PortMeters {
        volatile NetdevStats stats = NetdevStats.ZERO;
        volatile boolean linkUp;
        final List<Meter> meters = new ArrayList<>();
    }

    DatapathMeters(MeterRegistry registry, MetricsSources sources) {
        this.registry = registry;
        this.sources = sources;
    }

    /** Brings the meters in step with the datapath and samples the ports. */
    synchronized void refresh() {
        DpifNetdev dp = sources.datapath();
        if (dp != bound || dp != null && !dp.pmds().equals(boundPmds)) {
            // A new datapath, or pmd-cpu-mask moved the PMD threads: their meters follow.
            removeAll();
            bound = dp;
            boundPmds = dp == null ? List.of() : dp.pmds();
            if (dp != null) {
                bindDatapath(dp);
            }
        }
        if (dp == null) {
            return;
        }
        InterfaceDirectory dir = sources.interfaces();
        Set<PortKey> seen = new HashSet<>();
        for (DpPort p : dp.ports()) {
            InterfaceDirectory.Labels labels = null;
            try {
                labels = dir.lookup(p);
            } catch (RuntimeException e) {
                // the bridge layer could not say: fall back to the datapath's names
            }
            if (labels == null) {
                labels = InterfaceDirectory.DATAPATH_NAMES.lookup(p);
            }
            PortKey key = new PortKey(p, labels);
            seen.add(key);
            PortMeters pm = ports.computeIfAbsent(key, this::bindPort);
            pm.stats = p.netdev().stats();
            pm.linkUp = p.netdev().linkUp();
        }
        for (var it = ports.entrySet().iterator(); it.hasNext(); ) {
            var e = it.next();
            if (!seen.contains(e.getKey())) {
                e.getValue().meters.forEach(registry::remove);
                it.remove();
            }
        }
    }

    synchronized void close() {
        removeAll();
        bound = null;
        boundPmds = List.of();
    }

    private void removeAll() {
        datapathMeters.forEach(registry::remove);
        datapathMeters.clear();
        ports.values().forEach(pm -> pm.meters.forEach(registry::remove));
        ports.clear();
    }

    // ---- interfaces ----

    private PortMeters bindPort(PortKey key) {
        PortMeters pm = new PortMeters();
        InterfaceDirectory.Labels l = key.labels();
        Tags tags = Tags.of("bridge", l.bridge(), "port", l.port(), "interface", l.iface());
        portCounter(pm, "ovs.interface.rx.packets", null, "Packets received", tags, s -> s.rxPackets());
        portCounter(pm, "ovs.interface.tx.packets", null, "Packets sent", tags, s -> s.txPackets());
        portCounter(pm, "ovs.interface.rx", "bytes", "Bytes received", tags, s -> s.rxBytes());
        portCounter(pm, "ovs.interface.tx", "bytes", "Bytes sent", tags, s -> s.txBytes());
        portCounter(pm, "ovs.interface.rx.dropped", null,
                "Packets the port dropped on receive (no descriptor or no mbuf)", tags, s -> s.rxDropped());
        portCounter(pm, "ovs.interface.tx.dropped", null,
                "Packets the port dropped on transmit (queue full, link down)", tags, s -> s.txDropped());
        portCounter(pm, "ovs.interface.rx.errors", null, "Receive errors", tags, s -> s.rxErrors());
        portCounter(pm, "ovs.interface.tx.errors", null, "Transmit errors", tags, s -> s.txErrors());
        pm.meters.add(Gauge.builder("ovs.interface.link.up", pm, m -> m.linkUp ? 1 : 0)
                .description("Whether the interface's link is up (1) or down (0)").tags(tags)
                .strongReference(true).register(registry));
        pm.meters.add(Gauge.builder("ovs.interface.datapath.port", key.port(), p -> p.portNo())
                .description("The interface's datapath port number").tags(tags).strongReference(true)
                .register(registry));
        return pm;
    }

    private void portCounter(PortMeters pm, String name, String unit, String help, Tags tags,
                             ToDoubleFunction<NetdevStats> value) {
        pm.meters.add(FunctionCounter.builder(name, pm, m -> value.applyAsDouble(m.stats)).baseUnit(unit)
                .description(help).tags(tags).register(registry));
    }

    // ---- PMD threads and the datapath as a whole ----

    private void bindDatapath(DpifNetdev dp) {
        List<PmdThread> contexts = new ArrayList<>(dp.pmds());
        contexts.add(dp.mainContext());
        for (PmdThread p : contexts) {
            bindPmd(dp, p);
        }
        datapathMeters.add(Gauge.builder("ovs.datapath.ports", dp, d -> d.ports().size())
                .description("Ports in the datapath").strongReference(true).register(registry));
        datapathMeters.add(Gauge.builder("ovs.datapath.pmd.threads", dp, d -> d.pmds().size())
                .description("PMD threads").strongReference(true).register(registry));
        datapathMeters.add(Gauge.builder("ovs.upcall.handlers", dp, DpifNetdev::handlerThreads)
                .description("Upcall handler threads").strongReference(true).register(registry));
        datapathMeters.add(Gauge.builder("ovs.revalidators", dp, d -> d.revalidations().threads())
                .description("Revalidator threads").strongReference(true).register(registry));
        datapathMeters.add(FunctionCounter.builder("ovs.revalidator.passes", dp, d -> d.revalidations().passes())
                .description("Revalidator passes over the datapath's flows")
                .register(registry));
        datapathMeters.add(FunctionCounter.builder("ovs.revalidator.pass.duration", dp,
                        d -> d.revalidations().totalNanos() / 1e9).baseUnit("seconds")
                .description("Time spent in revalidator passes").register(registry));
        datapathMeters.add(FunctionCounter.builder("ovs.revalidator.flows.changed", dp,
                        d -> d.revalidations().changed())
                .description("Datapath flows revalidators modified or deleted")
                .register(registry));
        datapathMeters.add(Gauge.builder("ovs.pmd.tsc", dp, d -> Eal.tscHz()).baseUnit("hertz")
                .description("TSC frequency: ovs_pmd_cycles_total / this = seconds").strongReference(true)
                .register(registry));
    }

    private void bindPmd(DpifNetdev dp, PmdThread p) {
        Tags tags = Tags.of("pmd", p.core() < 0 ? "main" : Integer.toString(p.core()));
        PmdStats s = p.stats();
        stat(s, "ovs.pmd.rx.packets", "Packets received from rx queues", tags, PmdStats.RECV);
        stat(s, "ovs.pmd.recirculations", "Packets recirculated", tags, PmdStats.RECIRC);
        stat(s, "ovs.pmd.tx.packets", "Packets handed to tx queues", tags, PmdStats.SENT_PACKETS);
        stat(s, "ovs.pmd.tx.batches", "Tx batches flushed", tags, PmdStats.SENT_BATCHES);
        stat(s, "ovs.pmd.cycles", "TSC cycles spent processing packets", tags.and("state", "busy"),
                PmdStats.CYCLES_BUSY);
        stat(s, "ovs.pmd.cycles", "TSC cycles spent processing packets", tags.and("state", "idle"),
                PmdStats.CYCLES_IDLE);
        stat(s, "ovs.pmd.iterations", "Poll loop iterations", tags, PmdStats.ITERATIONS);
        stat(s, "ovs.pmd.busy.iterations", "Poll loop iterations that found work", tags, PmdStats.BUSY_ITERATIONS);
        stat(s, "ovs.pmd.overruns", "Iterations longer than 250 us", tags, PmdStats.OVERRUNS);
        stat(s, "ovs.pmd.simple.match.hits", "Packets matched by the simple-match path", tags,
                PmdStats.SIMPLE_MATCH_HIT);
        stat(s, "ovs.pmd.emc.hits", "Exact-match cache hits", tags, PmdStats.EMC_HIT);
        stat(s, "ovs.pmd.smc.hits", "Signature-match cache hits", tags, PmdStats.SMC_HIT);
        stat(s, "ovs.pmd.megaflow.hits", "Classifier (megaflow) hits", tags, PmdStats.MEGAFLOW_HIT);
        stat(s, "ovs.pmd.subtable.lookups", "Classifier subtables searched by megaflow hits", tags,
                PmdStats.SUBTABLE_LOOKUPS);
        stat(s, "ovs.pmd.misses", "Packets no flow matched (upcalls)", tags, PmdStats.MISS);
        stat(s, "ovs.pmd.lost.upcalls", "Upcalls lost: the upcall queue was full", tags, PmdStats.LOST);
        int idx = p.index();
        datapathMeters.add(FunctionCounter.builder("ovs.pmd.upcalls", dp, d -> d.upcallsSucceeded(idx))
                .description("Upcalls handled, by result").tags(tags.and("result", "success"))
                .register(registry));
        datapathMeters.add(FunctionCounter.builder("ovs.pmd.upcalls", dp, d -> d.upcallsFailed(idx))
                .description("Upcalls handled, by result").tags(tags.and("result", "failed"))
                .register(registry));
        for (int r = 0; r < DropReason.COUNT; r++) {
            int reason = r;
            datapathMeters.add(FunctionCounter.builder("ovs.datapath.drops", dp, d -> d.drops(p, reason))
                    .description("Packets the datapath dropped, by reason").tags(tags.and("reason",
                            DropReason.name(r))).register(registry));
        }
        for (int st = 1; st < ExtractStatus.COUNT; st++) {
            stat(s, "ovs.pmd.malformed.packets", "Packets whose headers could not be parsed to the end, by where",
                    tags.and("reason", ExtractStatus.name(st)), PmdStats.EXTRACT_BASE + st);
        }
        datapathMeters.add(Gauge.builder("ovs.datapath.flows", p, PmdThread::flowCount)
                .description("Datapath flows (megaflows)").tags(tags).strongReference(true).register(registry));
        datapathMeters.add(Gauge.builder("ovs.datapath.subtables", p, PmdThread::subtableCount)
                .description("Classifier subtables (distinct megaflow masks)").tags(tags).strongReference(true)
                .register(registry));
        datapathMeters.add(Gauge.builder("ovs.pmd.rx.queues", p, t -> t.rxqs().length)
                .description("Rx queues polled").tags(tags).strongReference(true).register(registry));
    }

    private void stat(PmdStats s, String name, String help, Tags tags, int counter) {
        datapathMeters.add(FunctionCounter.builder(name, s, st -> st.get(counter)).description(help).tags(tags)
                .register(registry));
    }
}
