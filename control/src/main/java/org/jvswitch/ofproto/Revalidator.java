package org.jvswitch.ofproto;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jvswitch.coverage.Coverage;
import org.jvswitch.coverage.CoverageCounter;
import org.jvswitch.dataplane.flow.DpNetdevFlow;
import org.jvswitch.dataplane.flow.Ufid;
import org.jvswitch.dpif.DpifException;
import org.jvswitch.dpif.DpifFlows;
import org.jvswitch.dpif.DpifNetdev;
import org.jvswitch.vlog.Vlog;
import org.slf4j.Logger;

/**
 * Keeps the datapath's megaflows true to the OpenFlow tables (Open vSwitch's revalidators). A
 * control thread runs {@link #run()} about twice a second, and at once when told something
 * changed; each pass:
 *
 * <ul>
 * <li>pushes each megaflow's new packets and bytes to the rules it went through, so OpenFlow
 *     flow statistics and idle timeouts follow the datapath;</li>
 * <li>re-translates the megaflows of every bridge whose version changed (flow tables, ports,
 *     MAC learning, spanning tree) and modifies those whose actions changed or deletes those
 *     whose mask changed;</li>
 * <li>refreshes the MACs that NORMAL learned translating each megaflow that carried packets,
 *     so addresses in use through megaflows neither age out nor stay forgotten after a flush;</li>
 * <li>deletes megaflows idle longer than other_config:max-idle (10 s); flows on datapath ports no
 *     bridge owns (added with dpctl) are left to whoever added them;</li>
 * <li>expires OpenFlow rules past their idle or hard timeout and MAC addresses past their age.</li>
 * </ul>
 *
 * One revalidator thread; the bookkeeping maps are its own.
 */
public final class Revalidator {
    private static final Logger LOG = Vlog.module("ofproto_dpif_upcall");
    private static final CoverageCounter PASSES = Coverage.counter("revalidate_pass");
    private static final CoverageCounter MODIFIED = Coverage.counter("revalidate_modify");
    private static final CoverageCounter DELETED = Coverage.counter("revalidate_delete");

    private record Seen(long packets, long bytes, long version) {
    }

    /** A megaflow in one PMD's table. */
    private record FlowId(int pmd, Ufid ufid) {
    }

    private final DpifNetdev dpif;
    private final BridgeRegistry bridges;
    private final Xlate xlate;
    private final OfprotoUpcalls upcalls;
    private final Map<FlowId, Seen> seen = new HashMap<>();
    private volatile long maxIdleMillis = 10_000;
    private long passes;

    public Revalidator(DpifNetdev dpif, BridgeRegistry bridges, Xlate xlate, OfprotoUpcalls upcalls) {
        this.dpif = dpif;
        this.bridges = bridges;
        this.xlate = xlate;
        this.upcalls = upcalls;
    }

    /** other_config:max-idle, ms. */
    public void setMaxIdle(long millis) {
        maxIdleMillis = Math.max(100, millis);
    }

    public long passes() {
        return passes;
    }

    /** One pass; returns how many megaflows it modified or deleted. */
    public int run() {
        long now = System.currentTimeMillis();
        long nowMono = System.nanoTime() / 1_000_000L;
        int changed = 0;
        int looked = 0;
        org.jvswitch.dpif.Revalidations.Pass pass = dpif.revalidations().begin();  // upcall/show, /metrics, JFR
        Map<FlowId, Seen> next = new HashMap<>();
        for (DpifFlows.PmdFlows pf : dpif.flows().dump()) {
            for (DpNetdevFlow f : pf.flows()) {
                looked++;
                FlowId id = new FlowId(pf.pmd().index(), f.ufid());
                Seen prev = seen.get(id);
                if (prev == null) {
                    // New since the last pass: translated by its upcall at some bridge version.
                    prev = new Seen(0, 0, upcalls.versionOf(f.ufid()));
                }
                long packets = f.packets();
                long bytes = f.bytes();
                credit(f.ufid(), packets, bytes, prev, now);
                Ofproto bridge = xlate.bridgeOf(f.key()); // tunnel-received flows: their tunnel port's bridge
                if (bridge == null) {
                    // A port no bridge owns (dpctl/add-if): its flows are whoever added them's.
                    continue;
                }
                boolean idle = f.usedMillis() >= 0 ? nowMono - f.usedMillis() > maxIdleMillis
                        : now - f.createdMillis() > maxIdleMillis;
                if (idle) {
                    changed += delete(f.ufid());
                    continue;
                }
                long version = bridge.version();
                if (version != prev.version()) {
                    Xlate.Result r = xlate.translate(f.key(), null, 0, false, now);
                    if (r == null || !java.util.Arrays.equals(r.mask(), f.mask())) {
                        changed += delete(f.ufid());
                        continue;
                    }
                    if (!r.actions().equals(f.actions())) {
                        try {
                            dpif.flows().put(f.ufid(), f.key(), f.mask(), r.actions(), false, true, false);
                            MODIFIED.inc();
                            changed++;
                        } catch (DpifException e) {
                            LOG.debug("revalidating {}: {}", f.ufid(), e.getMessage());
                        }
                    }
                    upcalls.remember(f.ufid(), r, version);
                }
                next.put(id, new Seen(packets, bytes, version));
            }
        }
        seen.clear();
        seen.putAll(next);
        for (Ofproto b : bridges.all()) {
            b.expire(now);
            b.macs().expire(now);
        }
        passes++;
        PASSES.inc();
        pass.end(looked, changed);
        return changed;
    }

    /**
     * Deletes every megaflow on a port some bridge owns (Open vSwitch's
     * {@code revalidator/purge}), pushing their last statistics to their rules first; returns
     * how many it deleted. Traffic misses and installs fresh megaflows.
     */
    public int purge() {
        long now = System.currentTimeMillis();
        int deleted = 0;
        for (DpifFlows.PmdFlows pf : dpif.flows().dump()) {
            for (DpNetdevFlow f : pf.flows()) {
                if (xlate.bridgeOf(f.key()) == null) {
                    continue;
                }
                Seen prev = seen.remove(new FlowId(pf.pmd().index(), f.ufid()));
                credit(f.ufid(), f.packets(), f.bytes(), prev == null ? new Seen(0, 0, 0) : prev, now);
                deleted += delete(f.ufid());
            }
        }
        return deleted;
    }

    /**
     * Pushes a megaflow's packets and bytes (as read once by the caller) since {@code prev} to the rules, groups and buckets it
     * went through, and refreshes the MACs NORMAL learned translating it (a flush or an age-out is
     * undone by traffic, as in OVS).
     */
    private void credit(Ufid ufid, long packets, long bytes, Seen prev, long now) {
        if (packets <= prev.packets()) {
            return;
        }
        Xlate.Result translation = upcalls.translationOf(ufid);
        if (translation != null) {
            translation.count(packets - prev.packets(), bytes - prev.bytes(), now);
        }
        for (LearnedMac m : upcalls.learnedOf(ufid)) {
            m.refresh(now);
        }
    }

        private int delete(Ufid ufid) {
        try {
            dpif.flows().delete(ufid);
            DELETED.inc();
        } catch (DpifException e) {
            // already gone
        }
        upcalls.forget(ufid);
        return 1;
    }
}
