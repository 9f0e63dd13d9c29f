package org.jvswitch.dataplane.flow;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jvswitch.dataplane.action.ActionProgram;
import org.jvswitch.dataplane.cache.Smc;
import org.jvswitch.dataplane.cls.Dpcls;

/**
 * One PMD's datapath flows: by UFID (for put, modify, delete, get), by table index (for the
 * signature-match cache), and filed in the classifier of their in_port.
 *
 * <p>Owned by the PMD thread: every method runs on it (commands from other threads arrive
 * through its command queue). At most {@code limit} flows; a put beyond that fails.
 */
public final class PmdFlowTable implements Smc.FlowTable {
    /** Open vSwitch's per-PMD limit (dpif-netdev MAX_FLOWS). */
    public static final int DEFAULT_LIMIT = 65536;

    private final Map<Ufid, DpNetdevFlow> byUfid = new HashMap<>();
    private final DpNetdevFlow[] byIndex;
    private final int[] freeIndexes;
    private int freeTop;
    private Dpcls[] classifiers = new Dpcls[16];
    /** Per in_port: its flows when they all qualify for simple match (see {@link SimpleMatch}), else null. */
    private DpNetdevFlow[][] simpleFlows = new DpNetdevFlow[16][];
    private final Map<Integer, List<DpNetdevFlow>> byInPort = new HashMap<>();

    public PmdFlowTable(int limit) {
        byIndex = new DpNetdevFlow[limit];
        freeIndexes = new int[limit];
        for (int i = 0; i < limit; i++) {
            freeIndexes[i] = limit - 1 - i;
        }
        freeTop = limit;
    }

    /** Outcome of {@link #put}. */
    public enum PutResult { ADDED, EXISTS, FULL, OVERLAPS }

    /**
     * Adds a flow. EXISTS if its UFID is here; OVERLAPS if a flow with the same mask and masked
     * key is (a different UFID for the same megaflow); FULL at the limit.
     */
    public PutResult put(DpNetdevFlow flow) {
        if (byUfid.containsKey(flow.ufid())) {
            return PutResult.EXISTS;
        }
        if (freeTop == 0) {
            return PutResult.FULL;
        }
        if (!classifier(flow.inPort(), true).insert(flow)) {
            return PutResult.OVERLAPS;
        }
        int idx = freeIndexes[--freeTop];
        byIndex[idx] = flow;
        flow.tableIndex = idx;
        byUfid.put(flow.ufid(), flow);
        byInPort.computeIfAbsent(flow.inPort(), p -> new ArrayList<>()).add(flow);
        updateSimple(flow.inPort());
        return PutResult.ADDED;
    }

    public DpNetdevFlow get(Ufid ufid) {
        return byUfid.get(ufid);
    }

    /**
     * Replaces a flow's actions (dpctl/mod-flow, revalidation) and re-checks its port's
     * simple-match eligibility: a drop flow qualifies, but once it sends to userspace (or sets
     * metadata) its actions read the packet's key, which the simple-match path never builds.
     * Returns the flow, or null if its UFID is not here.
     */
    public DpNetdevFlow setProgram(Ufid ufid, ActionProgram program) {
        DpNetdevFlow f = byUfid.get(ufid);
        if (f != null) {
            f.setProgram(program);
            updateSimple(f.inPort());
        }
        return f;
    }

    /** Removes and kills a flow (caches pointing at it see it dead); null if not here. */
    public DpNetdevFlow remove(Ufid ufid) {
        DpNetdevFlow f = byUfid.remove(ufid);
        if (f == null) {
            return null;
        }
        classifier(f.inPort(), false).remove(f);
        byIndex[f.tableIndex] = null;
        freeIndexes[freeTop++] = f.tableIndex;
        List<DpNetdevFlow> same = byInPort.get(f.inPort());
        same.remove(f);
        if (same.isEmpty()) {
            byInPort.remove(f.inPort());
        }
        updateSimple(f.inPort());
        f.kill();
        return f;
    }

    /** Removes every flow; returns them. */
    public List<DpNetdevFlow> clear() {
        List<DpNetdevFlow> all = new ArrayList<>(byUfid.values());
        for (DpNetdevFlow f : all) {
            remove(f.ufid());
        }
        return all;
    }

    /** The classifier for packets from {@code inPort} (null if none has flows yet: fast path). */
    public Dpcls classifier(int inPort) {
        return inPort >= 0 && inPort < classifiers.length ? classifiers[inPort] : null;
    }

    private Dpcls classifier(int inPort, boolean create) {
        if (inPort >= classifiers.length) {
            if (!create) {
                return null;
            }
            Dpcls[] next = new Dpcls[Math.max(inPort + 1, classifiers.length * 2)];
            System.arraycopy(classifiers, 0, next, 0, classifiers.length);
            classifiers = next;
        }
        Dpcls c = classifiers[inPort];
        if (c == null && create) {
            c = new Dpcls();
            classifiers[inPort] = c;
        }
        return c;
    }

    /** The flows of {@code inPort} if every one qualifies for simple match, else null (fast path). */
    public DpNetdevFlow[] simpleFlows(int inPort) {
        return inPort >= 0 && inPort < simpleFlows.length ? simpleFlows[inPort] : null;
    }

    private void updateSimple(int inPort) {
        if (inPort >= simpleFlows.length) {
            DpNetdevFlow[][] next = new DpNetdevFlow[Math.max(inPort + 1, simpleFlows.length * 2)][];
            System.arraycopy(simpleFlows, 0, next, 0, simpleFlows.length);
            simpleFlows = next;
        }
        List<DpNetdevFlow> flows = byInPort.get(inPort);
        boolean ok = flows != null && flows.size() <= SimpleMatch.MAX_FLOWS;
        if (ok) {
            for (DpNetdevFlow f : flows) {
                ok &= SimpleMatch.qualifies(f);
            }
        }
        simpleFlows[inPort] = ok ? flows.toArray(DpNetdevFlow[]::new) : null;
    }

    /** Re-ranks every classifier's subtables (about once a second). */
    public void rankClassifiers() {
        for (Dpcls c : classifiers) {
            if (c != null) {
                c.rank();
            }
        }
    }

    @Override
    public DpNetdevFlow flowAt(int index) {
        return index >= 0 && index < byIndex.length ? byIndex[index] : null;
    }

    public int size() {
        return byUfid.size();
    }

    /** Every flow (a copy). */
    public List<DpNetdevFlow> flows() {
        return new ArrayList<>(byUfid.values());
    }

    /** Classifiers by in_port, for statistics: subtables and lookups. */
    public Dpcls[] classifiers() {
        return classifiers.clone();
    }
}
