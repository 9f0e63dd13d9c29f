package org.jvswitch.metrics;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmInfoMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.FileDescriptorMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.jvswitch.dpdk.Eal;
import org.jvswitch.vlog.Vlog;
import org.jvswitch.vswitchd.Version;
import org.slf4j.Logger;

/**
 * The switch's Prometheus endpoint: Micrometer meters in its Prometheus registry, served over
 * HTTP at {@code /metrics} on {@code other_config:metrics-address} (default
 * {@value MetricsAddress#DEFAULT}; empty: off).
 *
 * <pre>{@code
 * MetricsService metrics = MetricsService.start(sources, otherConfig.get(MetricsAddress.KEY));
 * metrics.bind(myMeterBinder);                   // anyone's extra meters, any time
 * metrics.reconfigure(newOtherConfig.get(MetricsAddress.KEY));   // moves or stops the endpoint
 * metrics.close();
 * }</pre>
 *
 * <p>What it shows: the datapath ({@link DatapathMeters}: interfaces, PMD threads, flows, drops
 * by reason, upcalls, revalidators), the upcall latency histogram
 * ({@link UpcallLatencyCollector}), the coverage counters, OVSDB and OpenFlow
 * ({@link ControlMeters}), the JVM (memory, GC pauses, threads, classes, CPU, file descriptors)
 * and {@code jvswitch_build_info}.
 *
 * <p>How: at each scrape the scraping thread brings the meters in step with the datapath and
 * reads every value then; nothing runs between scrapes. PMD threads are never stopped or
 * locked: their counters are single-writer and read with opaque loads.
 *
 * <p>Threads: one HTTP thread ("metrics-http") serves scrapes; {@link #scrape} from any thread
 * (scrapes are serialised); {@link #reconfigure} and {@link #close} from control threads.
 */
public final class MetricsService implements AutoCloseable {
    private static final Logger LOG = Vlog.module("metrics");
    /** Prometheus's text exposition format. */
    public static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final DatapathMeters datapath;
    private final ControlMeters control;
    private final JvmGcMetrics gc = new JvmGcMetrics();
    private HttpServer http;
    private ExecutorService httpThread;
    private String address;
    private boolean closed;

    private MetricsService(MetricsSources sources) {
        Objects.requireNonNull(sources, "sources");
        // Two of Micrometer's system meters break Prometheus's naming rules (promtool says so):
        // process_cpu_time_ns_total (an abbreviated unit) becomes process_cpu_seconds_total, as
        // Prometheus's own clients name it, and system_cpu_count (a "_count" suffix) system_cpus.
        registry.config().meterFilter(MeterFilter.deny(id -> id.getName().equals("process.cpu.time")));
        registry.config().meterFilter(new MeterFilter() {
            @Override
            public Meter.Id map(Meter.Id id) {
                return id.getName().equals("system.cpu.count") ? id.withName("system.cpus") : id;
            }
        });
        datapath = new DatapathMeters(registry, sources);
        control = new ControlMeters(registry, sources);
        registry.getPrometheusRegistry().register(new UpcallLatencyCollector(sources));
        new JvmMemoryMetrics().bindTo(registry);
        gc.bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ClassLoaderMetrics().bindTo(registry);
        new JvmInfoMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
        new FileDescriptorMetrics().bindTo(registry);
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            FunctionCounter.builder("process.cpu", os, o -> o.getProcessCpuTime() / 1e9).baseUnit("seconds")
                    .description("CPU time the process used").register(registry);
        }
        Gauge.builder("jvswitch.build.info", () -> 1)
                .description("jvswitch's version, the Open vSwitch release it follows, DPDK's and Java's")
                .tags("version", Version.JVSWITCH, "ovs_version", Version.OVS_COMPAT, "dpdk_version",
                        Eal.version(), "java_version", Runtime.version().toString())
                .register(registry);
    }

    /**
     * Creates the service and, unless {@code address} is empty, serves {@code /metrics} there.
     *
     * @param address other_config:metrics-address; null for the default
     * @throws IllegalArgumentException for a malformed address (the service is not created)
     */
    public static MetricsService start(MetricsSources sources, String address) {
        MetricsAddress.parse(address);
        MetricsService s = new MetricsService(sources);
        s.reconfigure(address);
        return s;
    }

    /**
     * Serves {@code /metrics} on a new address (null: the default), or stops serving it (empty).
     * A port that cannot be bound is logged and leaves the endpoint off; the meters stay.
     *
     * @throws IllegalArgumentException for a malformed address (nothing changes)
     */
    public synchronized void reconfigure(String address) {
        InetSocketAddress where = MetricsAddress.parse(address);
        String normalized = address == null ? MetricsAddress.DEFAULT : address.trim();
        if (closed || normalized.equals(this.address) && (http != null || where == null)) {
            return;
        }
        stopHttp();
        this.address = normalized;
        if (where == null) {
            LOG.info("/metrics is off (other_config:{} is empty)", MetricsAddress.KEY);
            return;
        }
        try {
            HttpServer server = HttpServer.create(where, 16);
            server.createContext("/metrics", this::serveMetrics);
            server.createContext("/", this::serveIndex);
            httpThread = Executors.newSingleThreadExecutor(
                    r -> Thread.ofPlatform().name("metrics-http").daemon(true).unstarted(r));
            server.setExecutor(httpThread);
            server.start();
            http = server;
            LOG.info("serving Prometheus metrics on http://{}/metrics", hostPort(server.getAddress()));
        } catch (IOException e) {
            this.address = null;
            if (httpThread != null) {
                httpThread.shutdownNow();
                httpThread = null;
            }
            LOG.error("cannot serve /metrics on {} (other_config:{}): {}", normalized, MetricsAddress.KEY,
                    e.getMessage());
        }
    }

    /** Adds meters of one's own (e.g. a component's counters); they appear at the next scrape. */
    public void bind(MeterBinder binder) {
        binder.bindTo(registry);
    }

    /** The Micrometer registry, for code that registers meters directly. */
    public PrometheusMeterRegistry registry() {
        return registry;
    }

    /** Where {@code /metrics} is served now, or null when it is off. */
    public synchronized InetSocketAddress boundAddress() {
        return http == null ? null : http.getAddress();
    }

    /** Every metric now, in Prometheus's text format. */
    public String scrape() {
        synchronized (registry) {
            datapath.refresh();
            control.refresh();
            return registry.scrape();
        }
    }

    private void serveMetrics(HttpExchange ex) throws IOException {
        try (ex) {
            if (!ex.getRequestMethod().equals("GET") && !ex.getRequestMethod().equals("HEAD")) {
                ex.sendResponseHeaders(405, -1);
                return;
            }
            byte[] body;
            try {
                body = scrape().getBytes(StandardCharsets.UTF_8);
            } catch (RuntimeException e) {
                LOG.warn("scrape failed: {}", e.toString());
                body = ("scrape failed: " + e + "\n").getBytes(StandardCharsets.UTF_8);
                ex.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
                ex.sendResponseHeaders(500, body.length);
                ex.getResponseBody().write(body);
                return;
            }
            ex.getResponseHeaders().set("Content-Type", CONTENT_TYPE);
            if (ex.getRequestMethod().equals("HEAD")) {
                ex.sendResponseHeaders(200, -1);
                return;
            }
            ex.sendResponseHeaders(200, body.length);
            try (OutputStream out = ex.getResponseBody()) {
                out.write(body);
            }
        }
    }

    private void serveIndex(HttpExchange ex) throws IOException {
        try (ex) {
            boolean root = ex.getRequestURI().getPath().equals("/");
            byte[] body = (root ? "jvswitch " + Version.JVSWITCH + ": Prometheus metrics at /metrics\n" : "not found\n")
                    .getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
            ex.sendResponseHeaders(root ? 200 : 404, body.length);
            ex.getResponseBody().write(body);
        }
    }

    private static String hostPort(InetSocketAddress a) {
        String host = a.getAddress().getHostAddress();
        return (host.contains(":") ? "[" + host + "]" : host) + ":" + a.getPort();
    }

    private void stopHttp() {
        if (http != null) {
            http.stop(0);
            http = null;
        }
        if (httpThread != null) {
            httpThread.shutdownNow();
            httpThread = null;
        }
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        stopHttp();
        synchronized (registry) {
            datapath.close();
        }
        gc.close();
        registry.close();
    }
}
