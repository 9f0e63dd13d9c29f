package org.jvswitch.metrics;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import java.io.IOException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.LongAdder;
import org.jvswitch.coverage.Coverage;
import org.jvswitch.coverage.CoverageCounter;
import org.jvswitch.ovsdb.server.OvsdbServer;

/**
 * The control plane's meters, kept in step at each scrape ({@link #refresh}): the coverage
 * counters ({@code ovs_coverage_events_total{event}}, the same totals as {@code coverage/show},
 * the datapath's drops by reason among them), the embedded OVSDB server's transactions, monitors
 * and connections, and OpenFlow's messages and connections ({@link OpenFlowMetrics}).
 *
 * <p>Threads: the scraping thread.
 */
final class ControlMeters {
    private static final String[] OVSDB_GAUGES = {"sessions", "monitors", "cells", "triggers"};

    private final MeterRegistry registry;
    private final MetricsSources sources;
    private final Set<String> coverage = new HashSet<>();
    private final Set<OpenFlowMetrics.MessageKey> messages = new HashSet<>();
    /** Connections per (bridge, state) as of the last refresh; gauges read it. */
    private final Map<Tags, long[]> connections = new HashMap<>();
    /** OVSDB figures as of the last refresh; meters read it. */
    private volatile Map<String, Long> ovsdb = Map.of();
    private boolean ovsdbBound;

    ControlMeters(MeterRegistry registry, MetricsSources sources) {
        this.registry = registry;
        this.sources = sources;
    }

    synchronized void refresh() {
        refreshCoverage();
        refreshOvsdb();
        refreshOpenFlow();
    }

    private void refreshCoverage() {
        for (CoverageCounter c : Coverage.registry().counters().values()) {
            if (coverage.add(c.name())) {
                FunctionCounter.builder("ovs.coverage.events", c, CoverageCounter::total)
                        .description("Coverage counters, as coverage/show reports them").tags("event", c.name())
                        .register(registry);
            }
        }
    }

    private void refreshOvsdb() {
        OvsdbServer server = sources.ovsdb();
        if (server == null) {
            ovsdb = Map.of();
            return;
        }
        try {
            ovsdb = server.stats();
        } catch (IOException | RuntimeException e) {
            return;  // the engine is busy or closing: keep the last figures
        }
        if (ovsdbBound) {
            return;
        }
        ovsdbBound = true;
        FunctionCounter.builder("ovsdb.transactions", this, m -> m.ovsdb.getOrDefault("transactions", 0L))
                .description("OVSDB transact requests executed").register(registry);
        FunctionCounter.builder("ovsdb.commits", this, m -> m.ovsdb.getOrDefault("commits", 0L))
                .description("OVSDB transactions that committed a change").register(registry);
        FunctionCounter.builder("ovsdb.connections", this, m -> m.ovsdb.getOrDefault("connections", 0L))
                .description("OVSDB sessions opened (clients connected)").register(registry);
        for (String g : OVSDB_GAUGES) {
            Gauge.builder("ovsdb." + g, this, m -> m.ovsdb.getOrDefault(g, 0L))
                    .description("OVSDB " + g + " now").strongReference(true).register(registry);
        }
    }

    private void refreshOpenFlow() {
        for (Map.Entry<OpenFlowMetrics.MessageKey, LongAdder> e : OpenFlowMetrics.messages().entrySet()) {
            OpenFlowMetrics.MessageKey k = e.getKey();
            if (messages.add(k)) {
                FunctionCounter.builder("ovs.openflow.messages", e.getValue(), LongAdder::sum)
                        .description("OpenFlow messages, by bridge, direction and type")
                        .tags("bridge", k.bridge(), "direction", k.direction(), "type", k.type())
                        .register(registry);
            }
        }
        Map<Tags, Long> now = new HashMap<>();
        OpenFlowMetrics.states().forEach((k, state) ->
                now.merge(Tags.of("bridge", k.bridge(), "state", state), 1L, Long::sum));
        for (Map.Entry<Tags, long[]> e : connections.entrySet()) {
            e.getValue()[0] = now.getOrDefault(e.getKey(), 0L);
        }
        for (Map.Entry<Tags, Long> e : now.entrySet()) {
            if (!connections.containsKey(e.getKey())) {
                long[] holder = {e.getValue()};
                connections.put(e.getKey(), holder);
                Gauge.builder("ovs.openflow.connections", holder, h -> h[0])
                        .description("OpenFlow connections, by bridge and state").tags(e.getKey())
                        .strongReference(true).register(registry);
            }
        }
    }
}
