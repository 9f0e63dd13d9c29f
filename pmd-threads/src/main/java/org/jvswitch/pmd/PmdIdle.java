package org.jvswitch.pmd;

import java.util.concurrent.TimeUnit;
import org.agrona.concurrent.BackoffIdleStrategy;
import org.agrona.concurrent.BusySpinIdleStrategy;
import org.agrona.concurrent.IdleStrategy;

/**
 * What a PMD does when a poll finds no packets. Open vSwitch's other_config:pmd-maxsleep (µs,
 * default 0, at most 10000): 0 polls flat out, as a PMD should on a dedicated core; a positive
 * value lets an idle PMD back off (spin, yield, then sleep up to that long), trading wake-up
 * latency for CPU on shared hosts.
 */
public final class PmdIdle {
    public static final int MAX_SLEEP_US = 10_000;

    private PmdIdle() {
    }

    public static IdleStrategy forMaxSleepMicros(int maxSleepUs) {
        if (maxSleepUs <= 0) {
            return new BusySpinIdleStrategy();
        }
        long maxNs = TimeUnit.MICROSECONDS.toNanos(Math.min(maxSleepUs, MAX_SLEEP_US));
        return new BackoffIdleStrategy(100, 10, Math.min(1_000, maxNs), maxNs);
    }

    /** Parses other_config:pmd-maxsleep. */
    public static int parseMaxSleep(String value) {
        if (value == null) {
            return 0;
        }
        try {
            int us = Integer.parseInt(value.trim());
            if (us >= 0) {
                return Math.min(us, MAX_SLEEP_US);
            }
        } catch (NumberFormatException e) {
            // fall through
        }
        throw new IllegalArgumentException("other_config:pmd-maxsleep '" + value + "' is not a number of microseconds"
                + " (0.." + MAX_SLEEP_US + ")");
    }
}
