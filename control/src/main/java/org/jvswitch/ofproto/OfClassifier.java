package org.jvswitch.ofproto;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One OpenFlow table's rules, for lookups by priority: tuple space search over subtables (one per
 * distinct mask), each a hash map from the masked key to its rules in priority order.
 *
 * <p>Subtables are kept in order of the highest priority they hold, so a lookup stops as soon as
 * the next subtable cannot beat the best match found. Every subtable a lookup probes adds its
 * mask to the caller's wildcards: the megaflow built from a translation then matches exactly the
 * fields the lookups depended on (Open vSwitch's classifier does the same, with refinements).
 *
 * <p>Not thread-safe: {@link Ofproto} guards it with its read-write lock.
 */
final class OfClassifier {
    private record MaskedKey(long[] words, int hash) {
        static MaskedKey of(long[] key, long[] mask) {
            long[] w = new long[OfKey.WORDS];
            for (int i = 0; i < w.length; i++) {
                w[i] = key[i] & mask[i];
            }
            return new MaskedKey(w, Arrays.hashCode(w));
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof MaskedKey m && m.hash == hash && Arrays.equals(m.words, words);
        }

        @Override
        public int hashCode() {
            return hash;
        }
    }

    private static final class Subtable {
        final long[] mask;
        final Map<MaskedKey, List<OfRule>> rules = new HashMap<>();
        int count;
        int maxPriority = Integer.MIN_VALUE;
        /** Rules at maxPriority: removing one of several leaves the maximum as it is. */
        int atMax;

        Subtable(long[] mask) {
            this.mask = mask.clone();
        }

        /** O(rules): only when the last rule at the maximum priority goes. */
        void recomputeMax() {
            maxPriority = Integer.MIN_VALUE;
            atMax = 0;
            for (List<OfRule> l : rules.values()) {
                for (OfRule r : l) {
                    if (r.priority() > maxPriority) {
                        maxPriority = r.priority();
                        atMax = 1;
                    } else if (r.priority() == maxPriority) {
                        atMax++;
                    }
                }
            }
        }
    }

    private final List<Subtable> subtables = new ArrayList<>();
    private int count;
    private int timed;

    int size() {
        return count;
    }

    /**
     * The highest-priority rule matching {@code key}, or null. Adds the masks of the subtables
     * it probed to {@code wc} (when not null).
     */
    OfRule lookup(long[] key, long[] wc) {
        OfRule best = null;
        for (Subtable st : subtables) {
            if (best != null && st.maxPriority <= best.priority()) {
                break;
            }
            if (wc != null) {
                for (int i = 0; i < OfKey.WORDS; i++) {
                    wc[i] |= st.mask[i];
                }
            }
            List<OfRule> l = st.rules.get(MaskedKey.of(key, st.mask));
            if (l != null && (best == null || l.getFirst().priority() > best.priority())) {
                best = l.getFirst();
            }
        }
        return best;
    }

    /** Adds a rule; returns the rule with the same match and priority it replaced, or null. */
    OfRule insert(OfRule r) {
        Subtable st = subtable(r.mask(), true);
        MaskedKey mk = MaskedKey.of(r.key(), r.mask());
        List<OfRule> l = st.rules.computeIfAbsent(mk, k -> new ArrayList<>());
        OfRule replaced = null;
        for (int i = 0; i < l.size(); i++) {
            if (l.get(i).priority() == r.priority()) {
                replaced = l.set(i, r);
                break;
            }
        }
        if (replaced == null) {
            int pos = 0;
            while (pos < l.size() && l.get(pos).priority() > r.priority()) {
                pos++;
            }
            l.add(pos, r);
            st.count++;
            count++;
            if (timed(r)) {
                timed++;
            }
            if (r.priority() == st.maxPriority) {
                st.atMax++;
            }
        } else if (timed(r) != timed(replaced)) {
            timed += timed(r) ? 1 : -1;
        }
        if (r.priority() > st.maxPriority) {
            st.maxPriority = r.priority();
            st.atMax = 1;
            sortSubtables();
        }
        return replaced;
    }

    /** Removes a rule; false if it is not here. */
    boolean remove(OfRule r) {
        Subtable st = subtable(r.mask(), false);
        if (st == null) {
            return false;
        }
        MaskedKey mk = MaskedKey.of(r.key(), r.mask());
        List<OfRule> l = st.rules.get(mk);
        if (l == null || !l.remove(r)) {
            return false;
        }
        if (l.isEmpty()) {
            st.rules.remove(mk);
        }
        st.count--;
        count--;
        if (timed(r)) {
            timed--;
        }
        if (st.count == 0) {
            subtables.remove(st);
        } else if (r.priority() == st.maxPriority && --st.atMax == 0) {
            st.recomputeMax();
            sortSubtables();
        }
        return true;
    }

    /** How many rules have an idle or hard timeout (the revalidator's expiry skips tables with none). */
    int timedCount() {
        return timed;
    }

    private static boolean timed(OfRule r) {
        return r.idleTimeout() > 0 || r.hardTimeout() > 0;
    }

    /** The rule with exactly this match and priority, or null. */
    OfRule find(long[] key, long[] mask, int priority) {
        Subtable st = subtable(mask, false);
        if (st == null) {
            return null;
        }
        List<OfRule> l = st.rules.get(MaskedKey.of(key, mask));
        if (l != null) {
            for (OfRule r : l) {
                if (r.priority() == priority) {
                    return r;
                }
            }
        }
        return null;
    }

    /** Every rule, highest priority first within each subtable (a copy). */
    List<OfRule> rules() {
        List<OfRule> out = new ArrayList<>(count);
        for (Subtable st : subtables) {
            for (List<OfRule> l : st.rules.values()) {
                out.addAll(l);
            }
        }
        return out;
    }

    /**
     * Whether a rule of this priority would overlap one already here: some packet could match
     * both (OFPFF_CHECK_OVERLAP).
     */
    boolean overlaps(long[] key, long[] mask, int priority) {
        for (Subtable st : subtables) {
            for (List<OfRule> l : st.rules.values()) {
                for (OfRule r : l) {
                    if (r.priority() == priority && compatible(r, key, mask)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    private static boolean compatible(OfRule r, long[] key, long[] mask) {
        long[] rk = r.key();
        long[] rm = r.mask();
        for (int i = 0; i < OfKey.WORDS; i++) {
            long both = rm[i] & mask[i];
            if ((rk[i] & both) != (key[i] & both)) {
                return false;
            }
        }
        return true;
    }

    private Subtable subtable(long[] mask, boolean create) {
        for (Subtable st : subtables) {
            if (Arrays.equals(st.mask, mask)) {
                return st;
            }
        }
        if (!create) {
            return null;
        }
        Subtable st = new Subtable(mask);
        subtables.add(st);
        return st;
    }

    private void sortSubtables() {
        subtables.sort((a, b) -> Integer.compare(b.maxPriority, a.maxPriority));
    }
}
