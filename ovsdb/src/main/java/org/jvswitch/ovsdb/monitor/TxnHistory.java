package org.jvswitch.ovsdb.monitor;

import org.jvswitch.ovsdb.db.Commit;
import org.jvswitch.ovsdb.json.Uuids;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.UUID;

/**
 * The last transactions of a database, so that {@code monitor_cond_since} can send a client
 * that reconnects only what it missed. Each commit has a random id; the history starts with a
 * random id of its own (the database as loaded), so a client that saw no commit since then is
 * recognised too. Bounded by transaction count and by rows. Engine thread only.
 */
public final class TxnHistory {

    /** Most transactions kept (OVS keeps 100). */
    static final int MAX_TXNS = 100;
    /** Most changed rows kept across them. */
    static final int MAX_ROWS = 100_000;

    private final ArrayDeque<Commit> commits = new ArrayDeque<>();
    /** Rows changed by each commit in {@link #commits}, in the same order. */
    private final ArrayDeque<Integer> sizes = new ArrayDeque<>();
    /** Id of the state before the oldest commit kept. */
    private UUID baseId = Uuids.random();
    private int rows;

    /** The id of the latest state. */
    public UUID lastId() {
        Commit last = commits.peekLast();
        return last != null ? last.txnId() : baseId;
    }

    public void add(Commit c) {
        int n = c.rowCount();
        commits.addLast(c);
        sizes.addLast(n);
        rows += n;
        while (commits.size() > MAX_TXNS || (rows > MAX_ROWS && commits.size() > 1)) {
            Commit old = commits.removeFirst();
            rows -= sizes.removeFirst();
            baseId = old.txnId();
        }
    }

    /**
     * The commits after state {@code id}, oldest first; null if {@code id} is not a state this
     * history knows (too old, from another run, or all zeros).
     */
    public List<Commit> since(UUID id) {
        if (id.equals(Uuids.ZERO)) {
            return null;
        }
        if (id.equals(baseId)) {
            return new ArrayList<>(commits);
        }
        List<Commit> out = new ArrayList<>();
        boolean found = false;
        for (Iterator<Commit> it = commits.iterator(); it.hasNext(); ) {
            Commit c = it.next();
            if (found) {
                out.add(c);
            } else if (c.txnId().equals(id)) {
                found = true;
            }
        }
        return found ? out : null;
    }

    /** Forgets everything (the database was reloaded). */
    public void reset() {
        commits.clear();
        sizes.clear();
        rows = 0;
        baseId = Uuids.random();
    }
}
