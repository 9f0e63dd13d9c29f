package org.jvswitch.ovsdb.server;

/**
 * A remote the server should have open, with its connection options (from a {@code Manager}
 * row, or the defaults): inactivity probe and longest reconnection backoff, in milliseconds.
 *
 * @param managerDb the database of the {@code Manager}-style row this remote came from, or null
 */
record RemoteTarget(RemoteSpec spec, int probeMs, int maxBackoffMs, String managerDb) {

    static RemoteTarget of(RemoteSpec spec) {
        return new RemoteTarget(spec, spec.unix() ? 0 : Transport.DEFAULT_PROBE_MS, 8000, null);
    }
}
