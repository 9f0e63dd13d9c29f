package org.jvswitch.vswitchd;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jvswitch.dataplane.DropReason;
import org.jvswitch.dpdk.Eal;
import org.jvswitch.dpif.DpifNetdev;
import org.jvswitch.dpif.RxqScheduler;
import org.jvswitch.netdev.NetdevDpdk;
import org.jvswitch.pmd.PmdStats;
import org.jvswitch.pmd.PmdThread;
import org.jvswitch.pmd.Rxq;
import org.jvswitch.unixctl.UnixctlConnection;
import org.jvswitch.unixctl.UnixctlServer;

/**
 * Open vSwitch's {@code dpif-netdev/*} PMD commands, with OVS's output shapes:
 * {@code pmd-stats-show}, {@code pmd-stats-clear}, {@code pmd-perf-show}, {@code pmd-rxq-show},
 * {@code pmd-rxq-rebalance}. Statistics are read from the PMDs' single-writer counters without
 * stopping them; clearing keeps a baseline per context and subtracts it, as OVS does.
 */
final class PmdCommands {
    private final Vswitchd vswitchd;
    /** Counter values at the last pmd-stats-clear, by context (PMD index; main = n). */
    private final Map<Integer, long[]> baseline = new HashMap<>();
    private final Map<Integer, long[]> upcallBaseline = new HashMap<>();
    private final Map<Integer, Long> clearedAtNs = new HashMap<>();

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
        List<PmdThread> all = new java.util.ArrayList<>(dp.pmds());
        all.add(dp.mainContext());
        return core < 0 ? all : all.stream().filter(p -> p.core() == core).toList();
    }

    private static String header(PmdThread p) {
        return p.core() < 0 ? "main thread:\n" : "pmd thread numa_id 0 core_id " + p.core() + ":\n";
    }

    private long[] delta(PmdThread p) {
        long[] now = p.stats().snapshot();
        long[] base = baseline.get(p.index());
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
        for (PmdThread p : contexts(dp, args)) {
            long[] s = delta(p);
            long[] ub = upcallBaseline.getOrDefault(p.index(), new long[2]);
            boolean isPmd = p.core() >= 0;
            long success = isPmd ? dp.upcallsSucceeded(p.index()) - ub[0] : 0;
            long failed = isPmd ? dp.upcallsFailed(p.index()) - ub[1] + s[PmdStats.LOST] : s[PmdStats.LOST];
            long recv = s[PmdStats.RECV];
            long passes = recv + s[PmdStats.RECIRC];
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
            long idle = s[PmdStats.CYCLES_IDLE];
            long busy = s[PmdStats.CYCLES_BUSY];
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
        conn.reply(out.toString());
    }

    private void statsClear(UnixctlConnection conn, String[] args) {
        DpifNetdev dp = dp(conn);
        if (dp == null) {
            return;
        }
        for (PmdThread p : contexts(dp, args)) {
            baseline.put(p.index(), p.stats().snapshot());
            if (p.core() >= 0) {
                upcallBaseline.put(p.index(), new long[] {dp.upcallsSucceeded(p.index()), dp.upcallsFailed(p.index())});
            }
            clearedAtNs.put(p.index(), System.nanoTime());
        }
        conn.reply("");
    }

    private void perfShow(UnixctlConnection conn, String[] args) {
        DpifNetdev dp = dp(conn);
        if (dp == null) {
            return;
        }
        long hz = Math.max(1, Eal.tscHz());
        StringBuilder out = new StringBuilder();
        for (PmdThread p : contexts(dp, args)) {
            if (p.core() < 0) {
                continue;
            }
            long[] s = delta(p);
            double seconds = (System.nanoTime() - clearedAtNs.getOrDefault(p.index(), startNs)) / 1e9;
            long iters = s[PmdStats.ITERATIONS];
            long busyIters = s[PmdStats.BUSY_ITERATIONS];
            long cycles = s[PmdStats.CYCLES_IDLE] + s[PmdStats.CYCLES_BUSY];
            long recv = s[PmdStats.RECV];
            long passes = recv + s[PmdStats.RECIRC];
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
            for (int r = 0; r < DropReason.COUNT; r++) {
                long n = s[PmdStats.DROP_BASE + r];
                if (n > 0) {
                    drops.append(String.format("  - %-19s%12d%n", DropReason.name(r) + ":", n));
                }
            }
            if (!drops.isEmpty()) {
                out.append("  Drops:\n").append(drops);
            }
        }
        conn.reply(out.toString());
    }

    private final long startNs = System.nanoTime();

    private void rxqShow(UnixctlConnection conn, String[] args) {
        DpifNetdev dp = dp(conn);
        if (dp == null) {
            return;
        }
        RxqScheduler sched = dp.scheduler();
        StringBuilder out = new StringBuilder();
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
            out.append(header(p));
            out.append("  isolated : ").append(sched.isIsolated(p)).append('\n');
            for (int i = 0; i < qs.length; i++) {
                Rxq q = qs[i];
                boolean enabled = !(q.netdev() instanceof NetdevDpdk d) || !d.spec().isVhost()
                        || (d.vringsEnabled() & (1L << (2 * q.queueId()))) != 0;
                out.append(String.format("  port: %-16s  queue-id: %2d %s  pmd usage: ", q.netdev().name(),
                        q.queueId(), enabled ? "(enabled) " : "(disabled)"));
                if (all > 0 && i < cycles.length) {
                    out.append(String.format("%2d %%", Math.round(100.0 * cycles[i] / all)));
                } else {
                    out.append("NOT AVAIL");
                }
                out.append('\n');
            }
            if (all > 0) {
                long overhead = Math.max(0, s[PmdStats.CYCLES_BUSY] - total);
                out.append(String.format("  overhead: %2d %%%n", Math.round(100.0 * overhead / all)));
            }
        }
        conn.reply(out.toString());
    }

    private void rebalance(UnixctlConnection conn, String[] args) {
        DpifNetdev dp = dp(conn);
        if (dp == null) {
            return;
        }
        try {
            java.util.concurrent.CompletableFuture.allOf(dp.scheduler().rebalance()
                    .toArray(java.util.concurrent.CompletableFuture[]::new)).get(10, java.util.concurrent.TimeUnit.SECONDS);
            conn.reply("pmd rxq rebalance requested.\n");
        } catch (Exception e) {
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
