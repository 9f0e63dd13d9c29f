package org.jvswitch.metrics;

import io.prometheus.metrics.model.registry.MultiCollector;
import io.prometheus.metrics.model.snapshots.ClassicHistogramBuckets;
import io.prometheus.metrics.model.snapshots.HistogramSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import io.prometheus.metrics.model.snapshots.Unit;
import java.util.ArrayList;
import java.util.List;
import org.jvswitch.dpif.DpifNetdev;
import org.jvswitch.pmd.PmdHistogram;
import org.jvswitch.pmd.PmdThread;

/**
 * {@code ovs_upcall_latency_seconds}: a Prometheus histogram of the time from a PMD queueing an
 * upcall to its handler having handled it (translated, installed, executed), per PMD. The
 * handlers keep the counts in single-writer {@link PmdHistogram}s; this collector turns them
 * into a histogram snapshot at each scrape (Micrometer's own histograms would need the handlers
 * to call into Micrometer, which the datapath module does not know).
 */
final class UpcallLatencyCollector implements MultiCollector {
    static final String NAME = "ovs_upcall_latency_seconds";

    private final MetricsSources sources;

    UpcallLatencyCollector(MetricsSources sources) {
        this.sources = sources;
    }

    @Override
    public MetricSnapshots collect() {
        DpifNetdev dp = sources.datapath();
        if (dp == null) {
            return MetricSnapshots.of();
        }
        HistogramSnapshot.Builder h = HistogramSnapshot.builder().name(NAME).unit(Unit.SECONDS)
                .help("Time from a PMD queueing an upcall to its handler having handled it");
        List<PmdThread> contexts = new ArrayList<>(dp.pmds());
        contexts.add(dp.mainContext());
        for (PmdThread p : contexts) {
            PmdHistogram hist = dp.upcallLatency(p.index());
            long[] walls = hist.walls();
            long[] counts = hist.snapshot();
            double[] bounds = new double[walls.length];
            long[] bins = new long[walls.length];
            for (int i = 0; i < walls.length; i++) {
                bounds[i] = walls[i] == Long.MAX_VALUE ? Double.POSITIVE_INFINITY : walls[i] / 1e9;
                bins[i] = counts[i];
            }
            h.dataPoint(HistogramSnapshot.HistogramDataPointSnapshot.builder()
                    .classicHistogramBuckets(ClassicHistogramBuckets.of(bounds, bins))
                    .sum(counts[walls.length] / 1e9)
                    .labels(Labels.of("pmd", p.core() < 0 ? "main" : Integer.toString(p.core())))
                    .build());
        }
        return MetricSnapshots.of(h.build());
    }

    @Override
    public List<String> getPrometheusNames() {
        return List.of(NAME);
    }
}
