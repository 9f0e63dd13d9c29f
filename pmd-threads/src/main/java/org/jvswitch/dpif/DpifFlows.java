package org.jvswitch.dpif;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.jvswitch.coverage.Coverage;
import org.jvswitch.coverage.CoverageCounter;
import org.jvswitch.dataplane.action.ActionCompiler;
import org.jvswitch.dataplane.action.ActionProgram;
import org.jvswitch.dataplane.action.DpAction;
import org.jvswitch.dataplane.flow.DpNetdevFlow;
import org.jvswitch.dataplane.flow.FlowField;
import org.jvswitch.dataplane.flow.FlowKey;
import org.jvswitch.dataplane.flow.PmdFlowTable;
import org.jvswitch.dataplane.flow.Ufid;
import org.jvswitch.dataplane.odp.Ufids;
import org.jvswitch.pmd.PmdThread;

/**
 * The datapath's flows seen from the control path (Open vSwitch's dpif flow operations): put
 * (create, modify), delete, get, dump and flush, by UFID. As in OVS's userspace datapath a flow
 * put without naming a PMD goes into every PMD and the main context, each holding its own copy
 * with its own statistics; a flow an upcall installs goes only into the PMD that missed.
 *
 * <p>Every operation waits until each PMD has applied it, so a removed flow is gone for the
 * next burst. Errors are {@link DpifException}s with OVS's errno texts.
 */
public final class DpifFlows {
    private static final CoverageCounter FLOW_PUT = Coverage.counter("dpif_flow_put");
    private static final CoverageCounter FLOW_DEL = Coverage.counter("dpif_flow_del");
    private static final CoverageCounter FLOW_PUT_ERROR = Coverage.counter("dpif_flow_put_error");

    private final DpifNetdev dpif;

    DpifFlows(DpifNetdev dpif) {
        this.dpif = dpif;
    }

    /** One PMD's flows in a dump. */
    public record PmdFlows(PmdThread pmd, List<DpNetdevFlow> flows) {
    }

    /**
     * Creates and/or modifies a flow in every PMD.
     *
     * @param ufid      null to derive one from the masked key
     * @param create    create it if absent (else ENOENT)
     * @param modify    replace the actions if present (else EEXIST)
     * @param zeroStats on modify, clear its statistics
     * @return the UFID used
     */
    public Ufid put(Ufid ufid, long[] key, long[] mask, List<DpAction> actions, boolean create, boolean modify,
                    boolean zeroStats) {
        ActionProgram program = compile(actions);
        checkMask(key, mask);
        Ufid id = ufid != null ? ufid : ufidOf(key, mask);
        List<PmdThread> contexts = dpif.allContexts();
        List<CompletableFuture<?>> done = new ArrayList<>();
        Map<PmdThread, CompletableFuture<PmdFlowTable.PutResult>> puts = new LinkedHashMap<>();
        if (create) {
            DpNetdevFlow proto = new DpNetdevFlow(id, key, mask, program, System.currentTimeMillis());
            for (PmdThread pmd : contexts) {
                CompletableFuture<PmdFlowTable.PutResult> f = pmd.flowPut(proto.copyForPmd());
                puts.put(pmd, f);
                done.add(f);
            }
            dpif.runMain();
            Futures.await(done, "flow put");
        }
        boolean existed = false;
        List<CompletableFuture<?>> mods = new ArrayList<>();
        for (PmdThread pmd : contexts) {
            PmdFlowTable.PutResult r = create ? puts.get(pmd).join() : PmdFlowTable.PutResult.EXISTS;
            switch (r) {
                case ADDED -> { }
                case FULL -> {
                    FLOW_PUT_ERROR.inc();
                    throw new DpifException(DpifException.EFBIG, "the flow table of " + pmd.roleName() + " is full ("
                            + PmdFlowTable.DEFAULT_LIMIT + " flows)");
                }
                case OVERLAPS -> {
                    FLOW_PUT_ERROR.inc();
                    throw new DpifException(DpifException.EEXIST, "a flow with this key and mask exists");
                }
                case EXISTS -> {
                    existed = true;
                    if (modify) {
                        mods.add(pmd.flowModify(id, program, zeroStats));
                    }
                }
            }
        }
        if (existed && !modify) {
            FLOW_PUT_ERROR.inc();
            throw new DpifException(DpifException.EEXIST, null);
        }
        if (!mods.isEmpty()) {
            dpif.runMain();
            Futures.await(mods, "flow modify");
            if (!create && mods.stream().allMatch(f -> f.join() == null)) {
                throw new DpifException(DpifException.ENOENT, null);
            }
        }
        FLOW_PUT.inc();
        return id;
    }

    /**
     * Installs a flow in one PMD only (an upcall's megaflow); an existing one is left alone.
     * Does not wait for the PMD: it takes the put from its command queue between bursts, before
     * any later command (a dump, a delete) of the same caller. Waiting would tie flow setup to a
     * thread wake-up per upcall (milliseconds on a busy host), where OVS's handlers write the
     * PMD's table directly. A put the PMD refuses (the flow limit) counts as dpif_flow_put_error.
     */
    void installForPmd(int pmdIndex, long[] key, long[] mask, List<DpAction> actions) {
        PmdThread pmd = dpif.pmd(pmdIndex);
        if (pmd == null) {
            return; // the PMD went away (pmd-cpu-mask) while its upcall was handled
        }
        Ufid id = ufidOf(key, mask);
        DpNetdevFlow flow = new DpNetdevFlow(id, key, mask, compile(actions), System.currentTimeMillis());
        pmd.flowPut(flow).whenComplete((r, e) -> {
            if (e != null || r == PmdFlowTable.PutResult.FULL) {
                FLOW_PUT_ERROR.inc(); // runs on the PMD: a counter, nothing more
            }
        });
        FLOW_PUT.inc();
    }

    /** Deletes a flow from every PMD; ENOENT if none had it. Returns the removed copies. */
    public List<DpNetdevFlow> delete(Ufid ufid) {
        List<CompletableFuture<DpNetdevFlow>> done = new ArrayList<>();
        for (PmdThread pmd : dpif.allContexts()) {
            done.add(pmd.flowDel(ufid));
        }
        dpif.runMain();
        Futures.await(done, "flow delete");
        List<DpNetdevFlow> removed = done.stream().map(CompletableFuture::join).filter(f -> f != null).toList();
        if (removed.isEmpty()) {
            throw new DpifException(DpifException.ENOENT, null);
        }
        FLOW_DEL.inc();
        return removed;
    }

    /** Every PMD's copy of a flow (empty if none). */
    public List<PmdFlows> get(Ufid ufid) {
        List<PmdFlows> out = new ArrayList<>();
        for (PmdFlows pf : dump()) {
            List<DpNetdevFlow> match = pf.flows().stream().filter(f -> f.ufid().equals(ufid)).toList();
            if (!match.isEmpty()) {
                out.add(new PmdFlows(pf.pmd(), match));
            }
        }
        return out;
    }

    /** Every flow of every PMD, PMDs first, then the main context. */
    public List<PmdFlows> dump() {
        List<PmdThread> contexts = dpif.allContexts();
        List<CompletableFuture<List<DpNetdevFlow>>> done = new ArrayList<>();
        for (PmdThread pmd : contexts) {
            done.add(pmd.flowDump());
        }
        dpif.runMain();
        Futures.await(done, "flow dump");
        List<PmdFlows> out = new ArrayList<>();
        for (int i = 0; i < contexts.size(); i++) {
            out.add(new PmdFlows(contexts.get(i), done.get(i).join()));
        }
        return out;
    }

    /** Removes every flow of every PMD; returns how many copies went. */
    public int flush() {
        List<CompletableFuture<List<DpNetdevFlow>>> done = new ArrayList<>();
        for (PmdThread pmd : dpif.allContexts()) {
            done.add(pmd.flowFlush());
        }
        dpif.runMain();
        Futures.await(done, "flow flush");
        return done.stream().mapToInt(f -> f.join().size()).sum();
    }

    private static ActionProgram compile(List<DpAction> actions) {
        try {
            return ActionCompiler.compile(actions);
        } catch (IllegalArgumentException e) {
            throw new DpifException(DpifException.EINVAL, e.getMessage());
        }
    }

    private static void checkMask(long[] key, long[] mask) {
        if (key.length != FlowKey.WORDS || mask.length != FlowKey.WORDS) {
            throw new DpifException(DpifException.EINVAL, "bad key length");
        }
        if (!FlowField.IN_PORT.isExact(mask, 0)) {
            throw new DpifException(DpifException.EINVAL, "in_port must be matched exactly in the userspace datapath");
        }
    }

    /** A UFID for a flow given without one: a stable 128-bit hash of its masked key and mask. */
    public static Ufid ufidOf(long[] key, long[] mask) {
        return Ufids.of(key, mask);
    }
}
