package org.jvswitch.dataplane.cls;

import java.util.Arrays;
import org.jvswitch.dataplane.flow.DpNetdevFlow;

/**
 * The datapath classifier for one in_port of one PMD (Open vSwitch's dpcls): tuple-space search
 * over {@link DpclsSubtable}s, one per distinct mask, tried in rank order.
 *
 * <p>Ranking: each subtable counts the lookups it answers; {@link #rank()}, called by the PMD
 * about once a second, sorts the subtables by those counts (most first) and resets them, so the
 * subtable most packets need is tried first. Between rankings the order is stable.
 *
 * <p>Single-threaded: the owning PMD. No allocation on lookup; inserting a flow with a new mask
 * allocates its subtable.
 */
public final class Dpcls {
    private DpclsSubtable[] subtables = new DpclsSubtable[0];
    private int flowCount;
    /** Subtables searched by lookups that found a flow (for "avg. subtable lookups per megaflow hit"). */
    private long subtablesSearched;

    /**
     * The highest-ranked flow matching the packet key, or null.
     */
    public DpNetdevFlow lookup(long[] key, int base) {
        DpclsSubtable[] st = subtables;
        for (int i = 0; i < st.length; i++) {
            DpNetdevFlow f = st[i].lookup(key, base);
            if (f != null) {
                st[i].hits++;
                subtablesSearched += i + 1;
                return f;
            }
        }
        return null;
    }

    /** Adds a flow; false (nothing changes) if one with the same mask and masked key exists. */
    public boolean insert(DpNetdevFlow flow) {
        DpclsSubtable st = find(flow.mask());
        if (st == null) {
            st = new DpclsSubtable(flow.mask());
            subtables = Arrays.copyOf(subtables, subtables.length + 1);
            subtables[subtables.length - 1] = st;
        }
        if (!st.insert(flow)) {
            if (st.size() == 0) {
                dropSubtable(st);
            }
            return false;
        }
        flowCount++;
        return true;
    }

    /** Removes a flow; an emptied subtable goes too. False if the flow is not here. */
    public boolean remove(DpNetdevFlow flow) {
        DpclsSubtable st = find(flow.mask());
        if (st == null || !st.remove(flow)) {
            return false;
        }
        flowCount--;
        if (st.size() == 0) {
            dropSubtable(st);
        }
        return true;
    }

    /** Sorts subtables by hits since the last ranking, most first, and resets the counts. */
    public void rank() {
        DpclsSubtable[] st = subtables;
        // Insertion sort: a handful of subtables, almost sorted already; no allocation.
        for (int i = 1; i < st.length; i++) {
            DpclsSubtable s = st[i];
            int j = i - 1;
            while (j >= 0 && st[j].hits < s.hits) {
                st[j + 1] = st[j];
                j--;
            }
            st[j + 1] = s;
        }
        for (DpclsSubtable s : st) {
            s.hits = 0;
        }
    }

    public int subtableCount() {
        return subtables.length;
    }

    public int flowCount() {
        return flowCount;
    }

    /** Sum over successful lookups of the subtables each one searched. */
    public long subtablesSearched() {
        return subtablesSearched;
    }

    /** Subtables in rank order (a copy; for tests and dumps). */
    public DpclsSubtable[] subtables() {
        return subtables.clone();
    }

    private DpclsSubtable find(long[] mask) {
        for (DpclsSubtable s : subtables) {
            if (s.hasMask(mask)) {
                return s;
            }
        }
        return null;
    }

    private void dropSubtable(DpclsSubtable st) {
        DpclsSubtable[] next = new DpclsSubtable[subtables.length - 1];
        int j = 0;
        for (DpclsSubtable s : subtables) {
            if (s != st) {
                next[j++] = s;
            }
        }
        subtables = next;
    }
}
