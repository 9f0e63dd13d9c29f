package org.jvswitch.vswitchd;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.WeakHashMap;
import org.jvswitch.dataplane.DropReason;
import org.jvswitch.dpdk.Eal;
import org.jvswitch.dpif.DpifNetdev;
import org.jvswitch.dpif.RxqScheduler;
import org.jvswitch.netdev.NetdevDpdk;
import org.jvswitch.pmd.PmdHistogram;
import org.jvswitch.pmd.PmdPerf;
import org.jvswitch.pmd.PmdStats;
import org.jvswitch.pmd.PmdThread;
import org.jvswitch.pmd.Rxq;
import org.jvswitch.unixctl.UnixctlConnection;
import org.jvswitch.unixctl.UnixctlJson;
import org.jvswitch.unixctl.UnixctlServer;

/**
 * Open vSwitch's {@code dpif-netdev/*} PMD commands, with OVS's output shapes:
 * {@code pmd-stats-show}, {@code pmd-stats-clear}, {@code pmd-perf-show} (with its histograms),
 * {@code pmd-rxq-show}, {@code pmd-rxq-rebalance}; each also answers in JSON with
 * {@code --format json}. Statistics are read from the PMDs' single-writer counters and histograms
 * without stopping them; clearing keeps a baseline per context and subtracts it, as OVS does.
 */
final class PmdCommands {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSS");
    /** pmd-perf-show's histogram columns, in OVS's order. */
    private static final String[] HISTOGRAMS = {"cycles/it", "packets/it", "cycles/pkt", "pkts/batch",
        "max vhost qlen", "upcalls/it", "cycles/upcall"};

    private final Vswitchd vswitchd;
    /** Counter values at the last pmd-stats-clear, by context (weakly: a PMD pmd-cpu-mask stopped goes). */
    private final Map<PmdThread, long[]> baseline = new WeakHashMap<>();
    private final Map<PmdThread, long[]> upcallBaseline = new WeakHashMap<>();
    /** Histogram counts at the last pmd-stats-clear, by context, then by {@link #HISTOGRAMS} column. */
    private final Map<PmdThread, long[][]> histogramBaseline = new WeakHashMap<>();
    private final Map<PmdThread, Long> clearedAtNs = new WeakHashMap<>();
    private final long startNs = System.nanoTime();

    private PmdCommands(Vswitchd vswitchd) {
        this.vswitchd = vswitchd;
    }

    static void register(UnixctlServer server, Vswitchd vswitchd) {
        PmdCommands c = new PmdCommands(vswitchd);
        server.register("dpif-netdev/pmd-stats-show", "[-pmd core] [dp]", 0, 3, c::statsShow);
        server.register("dpif-netdev/pmd-stats-clear", "[-pmd core] [dp]", 0, 3, c::statsClear);
        server.register("dpif-netdev/pmd-perf-show", "[-nh] [-it iter-history-len] [-ms ms-history-len] "
                + "[-pmd core] [dp]", 0, 8, c::perfShow);
        server.register("dpif-netdev/pmd-rxq-show", "[-pmd core] [dp]", 0, 3, c::rxqShow);
        server.register("dpif-netdev/pmd-rxq-rebalance", "[dp]", 0, 1, c::rebalance);
    }

    private DpifNetdev dp(UnixctlConnection conn) {
        DpifNetdev dp = vswitchd.datapath();
        if (dp == null) {
            conn.error("no datapath: " + vswitchd.datapathFailure());
        }
        return dp;
    }

    /** "-pmd CORE" filter, or -1. */
    private static int coreFilter(String[] args) {
        for (int i = 0; i + 1 < args.length; i++) {
            if (args[i].equals("-pmd")) {
                return Integer.parseInt(args[i + 1]);
            }
        }
        return -1;
    }

    private List<PmdThread> contexts(DpifNetdev dp, String[] args) {
        int core = coreFilter(args);
        List<PmdThread> all = new ArrayList<>(dp.pmds());
        all.add(dp.mainContext());
        return core < 0 ? all : all.stream().filter(p -> p.core() == core).toList();
    }

    private static String header(PmdThread p) {
        return p.core() < 0 ? "main thread:\n" : "pmd thread numa_id 0 core_id " + p.core() + ":\n";
    }

    /** The context's identity in JSON: {"thread": "pmd"|"main", "numa_id", "core_id"}. */
    private static ObjectNode identity(ArrayNode list, PmdThread p) {
        ObjectNode o = list.addObject();
        o.put("thread", p.core() < 0 ? "main" : "pmd");
        if (p.core() >= 0) {
            o.put("numa_id", 0);
            o.put("core_id", p.core());
        }
        return o;
    }

    private long[] delta(PmdThread p) {
        long[] now = p.stats().snapshot();
        long[] base = baseline.get(p);
        if (base != null) {
            for (int i = 0; i < now.length; i++) {
                now[i] -= base[i];
            }
        }
        return now;
    }

    private void statsShow(UnixctlConnection conn, String[] args) {
        DpifNetdev dp = dp(conn);
        if (dp == null) {
            return;
        }
        StringBuilder out = new StringBuilder();
        ObjectNode json = UnixctlJson.object();
        ArrayNode list = json.putArray("pmds");
        for (PmdThread p : contexts(dp, args)) {
            long[] s = delta(p);
            long[] ub = upcallBaseline.getOrDefault(p, new long[2]);
            boolean isPmd = p.core() >= 0;
            long success = isPmd ? dp.upcallsSucceeded(p.index()) - ub[0] : 0;
            long failed = isPmd ? dp.upcallsFailed(p.index()) - ub[1] + s[PmdStats.LOST] : s[PmdStats.LOST];
            long recv = s[PmdStats.RECV];
            long passes = recv + s[PmdStats.RECIRC];
            long idle = s[PmdStats.CYCLES_IDLE];
            long busy = s[PmdStats.CYCLES_BUSY];
            ObjectNode o = identity(list, p);
            o.put("packets_received", recv).put("packet_recirculations", s[PmdStats.RECIRC])
                    .put("avg_datapath_passes_per_packet", ratio(passes, recv)).put("phwol_hits", 0)
                    .put("mfex_opt_hits", 0).put("simple_match_hits", s[PmdStats.SIMPLE_MATCH_HIT])
                    .put("emc_hits", s[PmdStats.EMC_HIT]).put("smc_hits", s[PmdStats.SMC_HIT])
                    .put("megaflow_hits", s[PmdStats.MEGAFLOW_HIT])
                    .put("avg_subtable_lookups_per_megaflow_hit",
                            ratio(s[PmdStats.SUBTABLE_LOOKUPS], s[PmdStats.MEGAFLOW_HIT]))
                    .put("miss_with_success_upcall", success).put("miss_with_failed_upcall", failed)
                    .put("avg_packets_per_output_batch", ratio(s[PmdStats.SENT_PACKETS], s[PmdStats.SENT_BATCHES]))
                    .put("idle_cycles", idle).put("processing_cycles", busy);
            out.append(header(p));
            out.append("  packets received: ").append(recv).append('\n');
            out.append("  packet recirculations: ").append(s[PmdStats.RECIRC]).append('\n');
            out.append(String.format("  avg. datapath passes per packet: %.02f%n", ratio(passes, recv)));
            out.append("  phwol hits: 0\n");
            out.append("  mfex opt hits: 0\n");
            out.append("  simple match hits: ").append(s[PmdStats.SIMPLE_MATCH_HIT]).append('\n');
            out.append("  emc hits: ").append(s[PmdStats.EMC_HIT]).append('\n');
            out.append("  smc hits: ").append(s[PmdStats.SMC_HIT]).append('\n');
            out.append("  megaflow hits: ").append(s[PmdStats.MEGAFLOW_HIT]).append('\n');
            out.append(String.format("  avg. subtable lookups per megaflow hit: %.02f%n",
                    ratio(s[PmdStats.SUBTABLE_LOOKUPS], s[PmdStats.MEGAFLOW_HIT])));
            out.append("  miss with success upcall: ").append(success).append('\n');
            out.append("  miss with failed upcall: ").append(failed).append('\n');
            out.append(String.format("  avg. packets per output batch: %.02f%n",
                    ratio(s[PmdStats.SENT_PACKETS], s[PmdStats.SENT_BATCHES])));
            long total = idle + busy;
            if (isPmd && total > 0) {
                out.append(String.format("  idle cycles: %d (%.02f%%)%n", idle, 100.0 * idle / total));
                out.append(String.format("  processing cycles: %d (%.02f%%)%n", busy, 100.0 * busy / total));
                if (recv > 0) {
                    out.append(String.format("  avg cycles per packet: %.02f (%d/%d)%n", (double) total / recv, total,
                            recv));
                    out.append(String.format("  avg processing cycles per packet: %.02f (%d/%d)%n",
                            (double) busy / recv, busy, recv));
                }
            }
        }
        conn.reply(json, out::toString);
    }

    private void statsClear(UnixctlConnection conn, String[] args) {
        DpifNetdev dp = dp(conn);
        if (dp == null) {
            return;
        }
        for (PmdThread p : contexts(dp, args)) {
            baseline.put(p, p.stats().snapshot());
            if (p.core() >= 0) {
                upcallBaseline.put(p, new long[] {dp.upcallsSucceeded(p.index()), dp.upcallsFailed(p.index())});
                PmdHistogram[] h = histograms(dp, p);
                long[][] base = new long[h.length][];
                for (int i = 0; i < h.length; i++) {
                    base[i] = h[i].snapshot();
                }
                histogramBaseline.put(p, base);
            }
            clearedAtNs.put(p, System.nanoTime());
        }
        conn.reply("");
    }

    /** A PMD's histograms in {@link #HISTOGRAMS} order. */
    private static PmdHistogram[] histograms(DpifNetdev dp, PmdThread p) {
        PmdPerf perf = p.perf();
        return new PmdHistogram[] {perf.cyclesPerIteration, perf.packetsPerIteration, perf.cyclesPerPacket,
            perf.packetsPerBatch, perf.maxVhostQlen, perf.upcallsPerIteration, dp.upcallCycles(p.index())};
    }

    private void perfShow(UnixctlConnection conn, String[] args) {
        DpifNetdev dp = dp(conn);
        if (dp == null) {
            return;
        }
        boolean withHistograms = !List.of(args).contains("-nh");
        long hz = Math.max(1, Eal.tscHz());
        StringBuilder out = new StringBuilder();
        ObjectNode json = UnixctlJson.object();
        ArrayNode list = json.putArray("pmds");
        double shownDuration = -1;
        for (PmdThread p : contexts(dp, args)) {
            if (p.core() < 0) {
                continue;
            }
            long[] s = delta(p);
            double seconds = (System.nanoTime() - clearedAtNs.getOrDefault(p, startNs)) / 1e9;
            if (shownDuration < 0) {
                shownDuration = seconds;
                out.append("Time: ").append(LocalTime.now().format(TIME)).append('\n');
                out.append(String.format(Locale.ROOT, "Measurement duration: %.3f s%n", seconds));
            }
            long iters = s[PmdStats.ITERATIONS];
            long busyIters = s[PmdStats.BUSY_ITERATIONS];
            long cycles = s[PmdStats.CYCLES_IDLE] + s[PmdStats.CYCLES_BUSY];
            long recv = s[PmdStats.RECV];
            long passes = recv + s[PmdStats.RECIRC];
            ObjectNode o = identity(list, p);
            o.put("duration_s", seconds).put("tsc_hz", hz).put("iterations", iters)
                    .put("idle_iterations", iters - busyIters).put("busy_iterations", busyIters)
                    .put("used_tsc_cycles", cycles).put("idle_cycles", s[PmdStats.CYCLES_IDLE])
                    .put("busy_cycles", s[PmdStats.CYCLES_BUSY]).put("overruns", s[PmdStats.OVERRUNS])
                    .put("overrun_threshold_us", PmdThread.OVERRUN_NS / 1000).put("rx_packets", recv)
                    .put("datapath_passes", passes).put("emc_hits", s[PmdStats.EMC_HIT])
                    .put("smc_hits", s[PmdStats.SMC_HIT]).put("megaflow_hits", s[PmdStats.MEGAFLOW_HIT])
                    .put("subtable_lookups", s[PmdStats.SUBTABLE_LOOKUPS]).put("upcalls", s[PmdStats.MISS])
                    .put("lost_upcalls", s[PmdStats.LOST]).put("tx_packets", s[PmdStats.SENT_PACKETS])
                    .put("tx_batches", s[PmdStats.SENT_BATCHES]);
            out.append('\n').append(header(p)).append('\n');
            out.append(String.format("  Iterations:        %12d  (%.2f us/it)%n", iters,
                    iters == 0 ? 0.0 : cycles * 1e6 / hz / iters));
            out.append(String.format("  - Used TSC cycles: %12d  (%5.1f %% of total cycles)%n", cycles,
                    seconds <= 0 ? 0.0 : Math.min(100.0, 100.0 * cycles / (seconds * hz))));
            out.append(String.format("  - idle iterations: %12d  (%5.1f %% of used cycles)%n", iters - busyIters,
                    pct(s[PmdStats.CYCLES_IDLE], cycles)));
            out.append(String.format("  - busy iterations: %12d  (%5.1f %% of used cycles)%n", busyIters,
                    pct(s[PmdStats.CYCLES_BUSY], cycles)));
            out.append(String.format("  - overruns:        %12d  (iterations over %d us)%n", s[PmdStats.OVERRUNS],
                    PmdThread.OVERRUN_NS / 1000));
            out.append(String.format("  Rx packets:        %12d  (%.0f Kpps, %.0f cycles/pkt)%n", recv,
                    seconds <= 0 ? 0.0 : recv / seconds / 1000, ratio(s[PmdStats.CYCLES_BUSY], recv)));
            out.append(String.format("  Datapath passes:   %12d  (%.2f passes/pkt)%n", passes, ratio(passes, recv)));
            out.append(String.format("  - EMC hits:        %12d  (%5.1f %%)%n", s[PmdStats.EMC_HIT],
                    pct(s[PmdStats.EMC_HIT], passes)));
            out.append(String.format("  - SMC hits:        %12d  (%5.1f %%)%n", s[PmdStats.SMC_HIT],
                    pct(s[PmdStats.SMC_HIT], passes)));
            out.append(String.format("  - Megaflow hits:   %12d  (%5.1f %%, %.2f subtbl lookups/hit)%n",
                    s[PmdStats.MEGAFLOW_HIT], pct(s[PmdStats.MEGAFLOW_HIT], passes),
                    ratio(s[PmdStats.SUBTABLE_LOOKUPS], s[PmdStats.MEGAFLOW_HIT])));
            out.append(String.format("  - Upcalls:         %12d  (%5.1f %%)%n", s[PmdStats.MISS],
                    pct(s[PmdStats.MISS], passes)));
            out.append(String.format("  - Lost upcalls:    %12d  (%5.1f %%)%n", s[PmdStats.LOST],
                    pct(s[PmdStats.LOST], passes)));
            out.append(String.format("  Tx packets:        %12d  (%.0f Kpps)%n", s[PmdStats.SENT_PACKETS],
                    seconds <= 0 ? 0.0 : s[PmdStats.SENT_PACKETS] / seconds / 1000));
            out.append(String.format("  Tx batches:        %12d  (%.2f pkts/batch)%n", s[PmdStats.SENT_BATCHES],
                    ratio(s[PmdStats.SENT_PACKETS], s[PmdStats.SENT_BATCHES])));
            StringBuilder drops = new StringBuilder();
            ObjectNode dropsJson = o.putObject("drops");
            for (int r = 0; r < DropReason.COUNT; r++) {
                long n = s[PmdStats.DROP_BASE + r];
                dropsJson.put(DropReason.name(r), n);
                if (n > 0) {
                    drops.append(String.format("  - %-19s%12d%n", DropReason.name(r) + ":", n));
                }
            }
            if (!drops.isEmpty()) {
                out.append("  Drops:\n").append(drops);
            }
            // As OVS: the histograms exist only with other_config:pmd-perf-metrics=true.
            if (withHistograms && p.perfMetrics()) {
                long[][] counts = histogramCounts(dp, p);
                long[][] walls = histogramWalls(dp, p);
                ObjectNode hj = o.putObject("histograms");
                for (int h = 0; h < HISTOGRAMS.length; h++) {
                    ObjectNode one = hj.putObject(HISTOGRAMS[h]);
                    ArrayNode w = one.putArray("walls");
                    ArrayNode c = one.putArray("counts");
                    for (int b = 0; b < walls[h].length; b++) {
                        if (walls[h][b] == Long.MAX_VALUE) {
                            w.add(">");
                        } else {
                            w.add(walls[h][b]);
                        }
                        c.add(counts[h][b]);
                    }
                }
                formatHistograms(out, walls, counts, s);
            }
        }
        conn.reply(json, out::toString);
    }

    /** Each histogram's counts since the last clear (the sum of the samples after the bins). */
    private long[][] histogramCounts(DpifNetdev dp, PmdThread p) {
        PmdHistogram[] h = histograms(dp, p);
        long[][] base = histogramBaseline.get(p);
        long[][] out = new long[h.length][];
        for (int i = 0; i < h.length; i++) {
            out[i] = h[i].snapshot();
            if (base != null) {
                for (int b = 0; b < out[i].length; b++) {
                    out[i][b] -= base[i][b];
                }
            }
        }
        return out;
    }

    private static long[][] histogramWalls(DpifNetdev dp, PmdThread p) {
        PmdHistogram[] h = histograms(dp, p);
        long[][] out = new long[h.length][];
        for (int i = 0; i < h.length; i++) {
            out[i] = h[i].walls();
        }
        return out;
    }

    /** OVS's "Histograms" table: each column a bin's upper wall and count, then the averages. */
    private static void formatHistograms(StringBuilder out, long[][] walls, long[][] counts, long[] s) {
        out.append("\nHistograms\n");
        out.append(String.format(Locale.ROOT, "   %-21s  %-21s  %-21s  %-21s  %-21s  %-21s  %-21s%n",
                (Object[]) HISTOGRAMS));
        int bins = walls[0].length;
        for (int b = 0; b < bins; b++) {
            StringBuilder line = new StringBuilder(" ");
            for (int h = 0; h < HISTOGRAMS.length; h++) {
                String wall = b < walls[h].length && walls[h][b] != Long.MAX_VALUE ? Long.toString(walls[h][b]) : ">";
                long n = b < counts[h].length - 1 ? counts[h][b] : 0;
                line.append(String.format(Locale.ROOT, "  %-9s %-11d", wall, n));
            }
            out.append(line).append('\n');
        }
        long iterations = s[PmdStats.ITERATIONS];
        if (iterations > 0) {
            out.append("-".repeat(154)).append('\n');
            out.append(String.format(Locale.ROOT, "   %-21s  %-21s  %-21s  %-21s  %-21s  %-21s  %-21s%n", "cycles/it",
                    "packets/it", "cycles/pkt", "pkts/batch", "vhost qlen", "upcalls/it", "cycles/upcall"));
            long pkts = s[PmdStats.RECV];
            long batches = samples(counts[3]);
            long upcalls = counts[5][counts[5].length - 1];
            long upcallSamples = samples(counts[6]);
            long upcallCycles = counts[6][counts[6].length - 1];
            out.append(String.format(Locale.ROOT, "   %-21d  %-21.5f  %-21d  %-21.5f  %-21.5f  %-21.5f  %-21d%n",
                    (s[PmdStats.CYCLES_IDLE] + s[PmdStats.CYCLES_BUSY]) / iterations, (double) pkts / iterations,
                    pkts == 0 ? 0 : s[PmdStats.CYCLES_BUSY] / pkts, batches == 0 ? 0.0 : (double) pkts / batches, 0.0,
                    (double) upcalls / iterations, upcallSamples == 0 ? 0 : upcallCycles / upcallSamples));
        }
    }

    /** Samples in a histogram snapshot (its bins; the last element is the sum of the values). */
    private static long samples(long[] counts) {
        long n = 0;
        for (int i = 0; i < counts.length - 1; i++) {
            n += counts[i];
        }
        return n;
    }

    private void rxqShow(UnixctlConnection conn, String[] args) {
        DpifNetdev dp = dp(conn);
        if (dp == null) {
            return;
        }
        RxqScheduler sched = dp.scheduler();
        StringBuilder out = new StringBuilder();
        ObjectNode json = UnixctlJson.object();
        ArrayNode list = json.putArray("pmds");
        for (PmdThread p : contexts(dp, args)) {
            if (p.core() < 0) {
                continue;
            }
            Rxq[] qs = p.rxqs();
            long[] cycles = p.rxqCycles();
            long total = 0;
            for (long c : cycles) {
                total += c;
            }
            long[] s = p.stats().snapshot();
            long all = s[PmdStats.CYCLES_IDLE] + s[PmdStats.CYCLES_BUSY];
            ObjectNode o = identity(list, p);
            o.put("isolated", sched.isIsolated(p));
            ArrayNode queues = o.putArray("rxqs");
            out.append(header(p));
            out.append("  isolated : ").append(sched.isIsolated(p)).append('\n');
            for (int i = 0; i < qs.length; i++) {
                Rxq q = qs[i];
                boolean enabled = !(q.netdev() instanceof NetdevDpdk d) || !d.spec().isVhost()
                        || (d.vringsEnabled() & (1L << (2 * q.queueId()))) != 0;
                ObjectNode qj = queues.addObject().put("port", q.netdev().name()).put("queue_id", q.queueId())
                        .put("enabled", enabled);
                out.append(String.format("  port: %-16s  queue-id: %2d %s  pmd usage: ", q.netdev().name(),
                        q.queueId(), enabled ? "(enabled) " : "(disabled)"));
                if (all > 0 && i < cycles.length) {
                    long usage = Math.round(100.0 * cycles[i] / all);
                    qj.put("pmd_usage_pct", usage);
                    out.append(String.format("%2d %%", usage));
                } else {
                    qj.putNull("pmd_usage_pct");
                    out.append("NOT AVAIL");
                }
                out.append('\n');
            }
            if (all > 0) {
                long overhead = Math.round(100.0 * Math.max(0, s[PmdStats.CYCLES_BUSY] - total) / all);
                o.put("overhead_pct", overhead);
                out.append(String.format("  overhead: %2d %%%n", overhead));
            }
        }
        conn.reply(json, out::toString);
    }

    private void rebalance(UnixctlConnection conn, String[] args) {
        DpifNetdev dp = dp(conn);
        if (dp == null) {
            return;
        }
        try {
            dp.rebalanceRxqs();
            conn.reply("pmd rxq rebalance requested.\n");
        } catch (RuntimeException e) {
            conn.error("rebalance failed: " + e.getMessage());
        }
    }

    private static double ratio(long a, long b) {
        return b == 0 ? 0.0 : (double) a / b;
    }

    private static double pct(long a, long b) {
        return b == 0 ? 0.0 : 100.0 * a / b;
    }
}
