package org.jvswitch.vlog;

import org.slf4j.Logger;

import java.util.function.LongSupplier;

/**
 * Rate limit for log messages on control threads, like OVS's {@code VLOG_RATE_LIMIT_INIT}:
 * a token bucket that allows {@code ratePerMinute} messages a minute on average and
 * {@code burst} at once.
 *
 * <pre>{@code
 * private static final VlogRateLimiter RL = new VlogRateLimiter(LOG, 5, 20);
 * if (RL.shouldLog()) LOG.warn("bad packet from {}", peer);
 * }</pre>
 *
 * <p>When messages were suppressed, the next allowed one is preceded by an INFO line on the
 * same logger: "Dropped N log messages in last S seconds (most recently, T seconds ago) due to
 * excessive rate". A module whose rate limiting was disabled ({@code vlog/disable-rate-limit})
 * is never limited.
 *
 * <p>Threads: thread-safe (synchronized; meant for control threads, never a PMD loop).
 */
public final class VlogRateLimiter {

    /** Tokens one message costs: one minute's worth at a rate of one message a minute. */
    private static final long MSG_TOKENS = 60_000;

    private final Logger log;
    private final long rate;
    private final long capacity;
    private final LongSupplier clockMillis;

    private long tokens;
    private long lastFill;
    private long firstDropped;
    private long lastDropped;
    private long nDropped;

    /** A limiter whose drop notices go to the {@code vlog} module. */
    public VlogRateLimiter(int ratePerMinute, int burst) {
        this(null, ratePerMinute, burst);
    }

    /** A limiter for messages of {@code log}, where its drop notices also go. */
    public VlogRateLimiter(Logger log, int ratePerMinute, int burst) {
        this(log, ratePerMinute, burst, System::currentTimeMillis);
    }

    VlogRateLimiter(Logger log, int ratePerMinute, int burst, LongSupplier clockMillis) {
        if (ratePerMinute <= 0 || burst <= 0) {
            throw new IllegalArgumentException("rate and burst must be positive");
        }
        this.log = log;
        this.rate = ratePerMinute;
        this.capacity = burst * MSG_TOKENS;
        this.clockMillis = clockMillis;
        this.tokens = capacity;
        this.lastFill = clockMillis.getAsLong();
    }

    /** True if a message may be logged now (to this limiter's logger). */
    public boolean shouldLog() {
        return shouldLog(log);
    }

    /**
     * True if a message to {@code logger} may be logged now. If messages were dropped since
     * the last allowed one, logs the drop notice to {@code logger} first.
     */
    public synchronized boolean shouldLog(Logger logger) {
        long now = clockMillis.getAsLong();
        boolean honor = logger == null || Vlog.honorsRateLimits(logger.getName());
        if (!withdraw(now) && honor) {
            if (nDropped++ == 0) {
                firstDropped = now;
            }
            lastDropped = now;
            return false;
        }
        if (nDropped > 0) {
            Logger target = logger != null ? logger : Vlog.module("vlog");
            target.info("Dropped {} log messages in last {} seconds (most recently, {} seconds ago) "
                            + "due to excessive rate", nDropped, (now - firstDropped) / 1000,
                    (now - lastDropped) / 1000);
            nDropped = 0;
        }
        return true;
    }

    private boolean withdraw(long now) {
        if (now > lastFill) {
            long elapsed = now - lastFill;
            tokens = elapsed >= capacity / rate + 1 ? capacity : Math.min(capacity, tokens + elapsed * rate);
            lastFill = now;
        }
        if (tokens >= MSG_TOKENS) {
            tokens -= MSG_TOKENS;
            return true;
        }
        return false;
    }
}
