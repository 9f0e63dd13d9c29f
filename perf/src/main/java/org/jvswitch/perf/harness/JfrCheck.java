package org.jvswitch.perf.harness;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordedThread;
import jdk.jfr.consumer.RecordingFile;

/**
 * The datapath harness's allocation and GC check: reads a JFR recording of the switch and the
 * measurement windows the harness wrote, and says whether PMD threads allocated and whether the
 * JVM collected garbage while packets were being measured.
 *
 * <pre>
 *   usage: JfrCheck RECORDING WINDOWS
 *   WINDOWS: one window a line, "LABEL START_MS END_MS" (epoch milliseconds, wall clock)
 * </pre>
 *
 * Evidence used, strongest first:
 * <ul>
 *   <li>{@code jdk.ThreadAllocationStatistics} (the harness asks for it every second): the bytes
 *       each PMD thread had allocated, so the difference between the samples that bracket a
 *       window is everything the thread allocated in it (and in up to a second either side).
 *   <li>{@code jdk.ObjectAllocationSample}: sampled allocations with stack traces, to name the
 *       offender.
 *   <li>{@code jdk.GarbageCollection}: every collection, in or out of a window.
 * </ul>
 * PMD threads are those whose Java name starts with {@code pmd-} (e.g. {@code pmd-c01/id:0}).
 * Prints a report; exits 0 whatever it finds (benchmarks print, they do not assert), 2 on bad
 * input.
 */
public final class JfrCheck {
    private record Window(String label, long startMs, long endMs) {
        boolean contains(Instant t) {
            long ms = t.toEpochMilli();
            return ms >= startMs && ms <= endMs;
        }
    }

    private record AllocStat(long ms, long bytes) {
    }

    private JfrCheck() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            System.err.println("usage: JfrCheck RECORDING WINDOWS");
            System.exit(2);
        }
        List<Window> windows = new ArrayList<>();
        for (String line : Files.readAllLines(Path.of(args[1]))) {
            String[] w = line.trim().split("\\s+");
            if (w.length == 3) {
                windows.add(new Window(w[0], Long.parseLong(w[1]), Long.parseLong(w[2])));
            }
        }
        check(Path.of(args[0]), windows);
    }

    private static boolean isPmd(RecordedThread t) {
        return t != null && t.getJavaName() != null && t.getJavaName().startsWith("pmd-");
    }

    private static Window windowOf(List<Window> windows, Instant t) {
        for (Window w : windows) {
            if (w.contains(t)) {
                return w;
            }
        }
        return null;
    }

    static void check(Path recording, List<Window> windows) throws IOException {
        Map<String, List<AllocStat>> allocStats = new HashMap<>();
        Map<String, long[]> sampleStacks = new LinkedHashMap<>(); // stack -> {count, weight}
        Map<String, Integer> samplesByWindow = new TreeMap<>();
        long pmdSamples = 0;
        long pmdWeight = 0;
        long otherSamples = 0;
        List<String> gcsInWindows = new ArrayList<>();
        List<String> gcsOutside = new ArrayList<>();
        int gcTotal = 0;
        try (RecordingFile rf = new RecordingFile(recording)) {
            while (rf.hasMoreEvents()) {
                RecordedEvent e = rf.readEvent();
                String type = e.getEventType().getName();
                switch (type) {
                    case "jdk.ThreadAllocationStatistics" -> {
                        RecordedThread t = e.getThread("thread");
                        if (isPmd(t)) {
                            allocStats.computeIfAbsent(t.getJavaName(), k -> new ArrayList<>())
                                    .add(new AllocStat(e.getStartTime().toEpochMilli(), e.getLong("allocated")));
                        }
                    }
                    case "jdk.ObjectAllocationSample" -> {
                        Window w = windowOf(windows, e.getStartTime());
                        if (w == null) {
                            continue;
                        }
                        if (!isPmd(e.getThread())) {
                            otherSamples++;
                            continue;
                        }
                        pmdSamples++;
                        long weight = e.getLong("weight");
                        pmdWeight += weight;
                        samplesByWindow.merge(w.label(), 1, Integer::sum);
                        String key = e.getThread().getJavaName() + ": " + e.getClass("objectClass").getName()
                                + describe(e.getStackTrace());
                        long[] c = sampleStacks.computeIfAbsent(key, k -> new long[2]);
                        c[0]++;
                        c[1] += weight;
                    }
                    case "jdk.GarbageCollection" -> {
                        gcTotal++;
                        Window w = windowOf(windows, e.getStartTime());
                        String gc = String.format("%s (%s), %.1f ms pause sum", e.getString("name"),
                                e.getString("cause"), e.getDuration("sumOfPauses").toNanos() / 1e6);
                        if (w != null) {
                            gcsInWindows.add(w.label() + ": " + gc);
                        } else {
                            gcsOutside.add(e.getStartTime() + ", outside the windows: " + gc);
                        }
                    }
                    default -> {
                    }
                }
            }
        }
        double seconds = windows.stream().mapToLong(w -> w.endMs() - w.startMs()).sum() / 1000.0;
        System.out.printf("JFR %s: %d measurement window(s), %.1f s%n", recording.getFileName(), windows.size(),
                seconds);

        // Exact bytes from the per-thread counters.
        if (allocStats.isEmpty()) {
            System.out.println("  PMD allocated bytes: no jdk.ThreadAllocationStatistics for pmd-* threads in the"
                    + " recording");
        }
        for (var entry : new TreeMap<>(allocStats).entrySet()) {
            List<AllocStat> s = entry.getValue();
            s.sort((a, b) -> Long.compare(a.ms(), b.ms()));
            long total = 0;
            long bracketMs = 0;
            int covered = 0;
            StringBuilder offenders = new StringBuilder();
            for (Window w : windows) {
                AllocStat before = null;
                AllocStat after = null;
                for (AllocStat a : s) {
                    if (a.ms() <= w.startMs()) {
                        before = a;
                    }
                    if (a.ms() >= w.endMs() && after == null) {
                        after = a;
                    }
                }
                if (before == null || after == null) {
                    continue;
                }
                covered++;
                bracketMs += after.ms() - before.ms();
                long d = after.bytes() - before.bytes();
                total += d;
                if (d != 0) {
                    offenders.append(String.format("    %s: %d bytes (samples %.1f s apart)%n", w.label(), d,
                            (after.ms() - before.ms()) / 1000.0));
                }
            }
            System.out.printf("  PMD allocated bytes (%s, jdk.ThreadAllocationStatistics bracketing %d/%d windows):"
                    + " %d%s%n", entry.getKey(), covered, windows.size(), total, bracketMs == 0 ? ""
                    : String.format(" (%.0f B/s over the %.1f s between the samples around the windows)",
                    total * 1000.0 / bracketMs, bracketMs / 1000.0));
            System.out.print(offenders);
        }

        // Sampled allocations with their stacks.
        System.out.printf("  PMD allocation: %d samples%s%n", pmdSamples,
                pmdSamples == 0 ? "" : String.format(" (~%d bytes sampled weight) in %s", pmdWeight, samplesByWindow));
        sampleStacks.entrySet().stream()
                .sorted((a, b) -> Long.compare(b.getValue()[0], a.getValue()[0]))
                .limit(8)
                .forEach(en -> System.out.printf("    %4d x %s%n", en.getValue()[0], en.getKey()));
        if (otherSamples > 0) {
            System.out.printf("  (other threads during the windows: %d allocation samples - control threads"
                    + " serving ovs-appctl; not the packet path)%n", otherSamples);
        }

        System.out.printf("  GC during measurement windows: %d; in the whole recording: %d%n", gcsInWindows.size(),
                gcTotal);
        gcsInWindows.forEach(g -> System.out.println("    " + g));
        gcsOutside.stream().limit(5).forEach(g -> System.out.println("    " + g));
    }

    private static String describe(RecordedStackTrace st) {
        if (st == null) {
            return " (no stack)";
        }
        StringBuilder b = new StringBuilder();
        int n = 0;
        for (RecordedFrame f : st.getFrames()) {
            if (!f.isJavaFrame()) {
                continue;
            }
            b.append(n == 0 ? " at " : " <- ");
            b.append(f.getMethod().getType().getName().replaceFirst("^.*\\.", "")).append('.')
                    .append(f.getMethod().getName()).append(':').append(f.getLineNumber());
            if (++n == 4) {
                break;
            }
        }
        return b.toString();
    }
}
