package org.jvswitch.dpif;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.jvswitch.netdev.NetdevException;
import org.jvswitch.pmd.PmdThread;
import org.jvswitch.pmd.Rxq;
import org.jvswitch.vlog.Vlog;
import org.slf4j.Logger;

/**
 * Which PMD thread polls which rx queue, as Open vSwitch decides it:
 *
 * <ul>
 * <li>Interface other_config:pmd-rxq-affinity ("queue:core,...") pins a queue to the PMD on that
 *     core; with other_config:pmd-rxq-isolate=true (the default) such a PMD polls only pinned
 *     queues.</li>
 * <li>Other queues by other_config:pmd-rxq-assign: {@code cycles} (default: by measured
 *     processing cycles, busiest first, walking the PMDs up and down), {@code group} (each to
 *     the least loaded PMD so far), or {@code roundrobin} (in order).</li>
 * </ul>
 *
 * A new port's queues are placed as they come; {@link #rebalance} (dpif-netdev/
 * pmd-rxq-rebalance, or a change of pmd-cpu-mask) redoes every placement from the cycles
 * measured since. Control threads only, under the datapath's lock.
 */
public final class RxqScheduler {
    private static final Logger LOG = Vlog.module("dpif_netdev");

    public enum Mode { CYCLES, ROUNDROBIN, GROUP }

    /** The PMDs to place queues on: the scheduler's own copy ({@link #setPmds}). */
    private List<PmdThread> pmds;
    private final Map<Rxq, PmdThread> assignment = new LinkedHashMap<>();
    private final Map<Rxq, Integer> pinned = new HashMap<>();
    private Mode mode = Mode.CYCLES;
    private boolean isolate = true;
    private int next;

    RxqScheduler(List<PmdThread> pmds) {
        this.pmds = List.copyOf(pmds);
    }

    /** The PMDs from now on (pmd-cpu-mask changed); their queues are placed at the next {@link #rebalance}. */
    synchronized void setPmds(List<PmdThread> now) {
        pmds = List.copyOf(now);
    }

    /** other_config:pmd-rxq-assign and pmd-rxq-isolate; takes effect at the next rebalance. */
    public synchronized void configure(String assign, String isolateValue) {
        Mode m = switch (assign == null ? "cycles" : assign) {
            case "cycles" -> Mode.CYCLES;
            case "roundrobin" -> Mode.ROUNDROBIN;
            case "group" -> Mode.GROUP;
            default -> throw new IllegalArgumentException("other_config:pmd-rxq-assign '" + assign
                    + "' is not cycles, roundrobin or group");
        };
        mode = m;
        isolate = !"false".equals(isolateValue);
    }

    public synchronized Mode mode() {
        return mode;
    }

    public synchronized boolean isolate() {
        return isolate;
    }

    /** Places the rx queues of a new port; returns the PMD commands to wait for. */
    synchronized List<CompletableFuture<Void>> assign(DpPort port, Map<String, String> ifaceOtherConfig) {
        Map<Integer, Integer> affinity = parseAffinity(port.name(), ifaceOtherConfig.get("pmd-rxq-affinity"));
        List<CompletableFuture<Void>> done = new ArrayList<>();
        if (pmds.isEmpty()) {
            return done;
        }
        for (int q = 0; q < port.netdev().rxQueues(); q++) {
            Rxq rxq = new Rxq(port.portNo(), port.netdev(), q);
            Integer core = affinity.get(q);
            if (core != null) {
                pinned.put(rxq, core);
            }
            PmdThread pmd = choose(rxq, loads(Map.of()));
            assignment.put(rxq, pmd);
            done.add(pmd.addRxq(rxq));
        }
        return done;
    }

    /** Forgets a removed port's queues (the PMDs were told separately). */
    synchronized void forget(int portNo) {
        assignment.keySet().removeIf(r -> r.portNo() == portNo);
        pinned.keySet().removeIf(r -> r.portNo() == portNo);
    }

    /**
     * Redoes every placement from the cycles measured so far; returns the PMD commands. Through
     * {@link DpifNetdev#rebalanceRxqs}, which keeps it in step with port and PMD changes.
     */
    synchronized List<CompletableFuture<Void>> rebalance() {
        Map<Rxq, Long> cycles = measuredCycles();
        List<Rxq> order = new ArrayList<>(assignment.keySet());
        if (mode != Mode.ROUNDROBIN) {
            order.sort(Comparator.comparingLong((Rxq r) -> cycles.getOrDefault(r, 0L)).reversed());
        }
        assignment.clear();
        next = 0;
        walkDown = false;
        Map<PmdThread, Long> load = new LinkedHashMap<>();
        for (PmdThread p : pmds) {
            load.put(p, 0L);
        }
        for (Rxq r : order) {
            PmdThread p = choose(r, load);
            assignment.put(r, p);
            load.merge(p, cycles.getOrDefault(r, 0L), Long::sum);
        }
        // Two steps, so that no queue is ever polled by two PMDs at once (an rx queue has one
        // reader): each PMD first drops the queues it loses, then takes the ones it gains.
        List<CompletableFuture<Void>> dropped = new ArrayList<>();
        for (PmdThread p : pmds) {
            List<Rxq> keep = new ArrayList<>();
            for (Rxq q : p.rxqs()) {
                if (assignment.get(q) == p) {
                    keep.add(q);
                }
            }
            if (keep.size() != p.rxqs().length) {
                dropped.add(p.setRxqs(keep.toArray(Rxq[]::new)));
            }
        }
        Futures.await(dropped, "moving rx queues");
        List<CompletableFuture<Void>> done = new ArrayList<>();
        for (PmdThread p : pmds) {
            done.add(p.setRxqs(assignment.entrySet().stream().filter(e -> e.getValue() == p).map(Map.Entry::getKey)
                    .toArray(Rxq[]::new)));
        }
        LOG.info("rx queues rebalanced ({}): {}", mode.name().toLowerCase(), describe());
        return done;
    }

    /** The PMD polling each queue. */
    public synchronized Map<Rxq, PmdThread> assignment() {
        return new LinkedHashMap<>(assignment);
    }

    public synchronized boolean isPinned(Rxq r) {
        return pinned.containsKey(r);
    }

    /** Whether a PMD only polls pinned queues. */
    public synchronized boolean isIsolated(PmdThread p) {
        return isolate && pinned.entrySet().stream().anyMatch(e -> e.getValue() == p.core());
    }

    private boolean walkDown;

    private PmdThread choose(Rxq rxq, Map<PmdThread, Long> load) {
        Integer core = pinned.get(rxq);
        if (core != null) {
            for (PmdThread p : pmds) {
                if (p.core() == core) {
                    return p;
                }
            }
            LOG.warn("{} queue {}: pmd-rxq-affinity names core {}, which has no PMD thread; placing it elsewhere",
                    rxq.netdev().name(), rxq.queueId(), core);
        }
        List<PmdThread> candidates = new ArrayList<>();
        for (PmdThread p : pmds) {
            if (!isIsolated(p)) {
                candidates.add(p);
            }
        }
        if (candidates.isEmpty()) {
            candidates.addAll(pmds);
        }
        return switch (mode) {
            case ROUNDROBIN -> candidates.get(next++ % candidates.size());
            case GROUP -> candidates.stream().min(Comparator.comparingLong((PmdThread p) -> load.getOrDefault(p, 0L))
                    .thenComparingLong(this::queueCount)).orElseThrow();
            case CYCLES -> upDown(candidates);
        };
    }

    /** OVS's "cycles" walk: 0, 1, ..., n-1, n-1, ..., 0, 0, 1, ... */
    private PmdThread upDown(List<PmdThread> candidates) {
        int n = candidates.size();
        if (next >= n) {
            next = n - 1;
            walkDown = !walkDown;
        } else if (next < 0) {
            next = 0;
            walkDown = !walkDown;
        }
        PmdThread p = candidates.get(walkDown ? n - 1 - next : next);
        next++;
        return p;
    }

    private long queueCount(PmdThread p) {
        return assignment.values().stream().filter(q -> q == p).count();
    }

    private Map<PmdThread, Long> loads(Map<Rxq, Long> cycles) {
        Map<PmdThread, Long> load = new HashMap<>();
        for (var e : assignment.entrySet()) {
            load.merge(e.getValue(), cycles.getOrDefault(e.getKey(), 0L), Long::sum);
        }
        return load;
    }

    private Map<Rxq, Long> measuredCycles() {
        Map<Rxq, Long> cycles = new HashMap<>();
        for (PmdThread p : pmds) {
            Rxq[] qs = p.rxqs();
            long[] c = p.rxqCycles();
            for (int i = 0; i < qs.length && i < c.length; i++) {
                cycles.put(qs[i], c[i]);
            }
        }
        return cycles;
    }

    private String describe() {
        StringBuilder sb = new StringBuilder();
        assignment.forEach((r, p) -> sb.append(r.netdev().name()).append('/').append(r.queueId()).append("->core ")
                .append(p.core()).append(' '));
        return sb.toString().trim();
    }

    /** Parses "queue:core,queue:core". */
    static Map<Integer, Integer> parseAffinity(String port, String value) {
        Map<Integer, Integer> out = new HashMap<>();
        if (value == null || value.isBlank()) {
            return out;
        }
        for (String pair : value.split(",")) {
            String[] qc = pair.trim().split(":");
            try {
                if (qc.length != 2) {
                    throw new NumberFormatException();
                }
                out.put(Integer.parseInt(qc[0].trim()), Integer.parseInt(qc[1].trim()));
            } catch (NumberFormatException e) {
                throw new NetdevException(port + ": other_config:pmd-rxq-affinity '" + value
                        + "' is not a list of queue:core pairs");
            }
        }
        return out;
    }
}
