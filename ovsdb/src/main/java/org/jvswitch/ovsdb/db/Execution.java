package org.jvswitch.ovsdb.db;

import org.jvswitch.ovsdb.json.OvsdbException;

/**
 * What one run of a {@code transact} knows beyond its operations: which locks its session holds
 * (for {@code assert}) and, for a transaction blocked in a {@code wait}, how long it has waited
 * and the earliest timeout any of its waits asked for. Engine thread only.
 */
final class Execution {

    /** Thrown by a {@code wait} whose condition does not hold yet (OVS's "not supported"). */
    static final OvsdbException BLOCKED = OvsdbException.of("not supported", "triggers not supported");

    private final LockChecker locks;
    private final long elapsedMs;
    private long timeoutMs = Long.MAX_VALUE;

    Execution(LockChecker locks, long elapsedMs) {
        this.locks = locks;
        this.elapsedMs = elapsedMs;
    }

    LockChecker locks() {
        return locks;
    }

    long elapsedMs() {
        return elapsedMs;
    }

    /** The smallest {@code timeout} of the waits run so far ({@link Long#MAX_VALUE}: none). */
    long timeoutMs() {
        return timeoutMs;
    }

    void lowerTimeout(long ms) {
        timeoutMs = Math.min(timeoutMs, ms);
    }
}
