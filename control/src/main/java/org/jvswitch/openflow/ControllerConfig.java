package org.jvswitch.openflow;

/**
 * One row of the Controller table, as the bridge layer reads it.
 *
 * @param target              tcp:IP[:PORT], ssl:IP[:PORT], unix:PATH, ptcp:[PORT][:IP], pssl:[PORT][:IP], punix:PATH
 * @param maxBackoffMs        max_backoff (default 8000 ms): the longest wait between reconnection attempts
 * @param inactivityProbeMs   inactivity_probe (default 5000 ms; 0 disables): idle time before an echo
 *                            request, and again before the connection is dropped
 * @param connectionMode      connection_mode: "in-band" or "out-of-band" (only out-of-band is
 *                            implemented: in-band is treated as out-of-band, with a warning)
 * @param rateLimit           controller_rate_limit, packet-ins per second (0: unlimited; OVS's minimum is 100)
 * @param burstLimit          controller_burst_limit, packet-ins (0: a quarter of the rate, at least 1)
 * @param enableAsyncMessages enable_async_messages (default true): false sends this controller no
 *                            asynchronous messages unless it asks for them
 */
public record ControllerConfig(String target, long maxBackoffMs, long inactivityProbeMs, String connectionMode,
                               int rateLimit, int burstLimit, boolean enableAsyncMessages) {
    public static final long DEFAULT_MAX_BACKOFF_MS = 8000;
    public static final long DEFAULT_PROBE_MS = 5000;

    /** A controller with every option at its default. */
    public static ControllerConfig of(String target) {
        return new ControllerConfig(target, DEFAULT_MAX_BACKOFF_MS, DEFAULT_PROBE_MS, "out-of-band", 0, 0, true);
    }

    public ControllerConfig withProbe(long ms) {
        return new ControllerConfig(target, maxBackoffMs, ms, connectionMode, rateLimit, burstLimit,
                enableAsyncMessages);
    }

    public ControllerConfig withRateLimit(int rate, int burst) {
        return new ControllerConfig(target, maxBackoffMs, inactivityProbeMs, connectionMode, rate, burst,
                enableAsyncMessages);
    }
}
