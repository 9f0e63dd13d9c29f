package org.jvswitch.vlog;

import java.util.Arrays;

/**
 * One vlog module (OVS's {@code VLOG_DEFINE_THIS_MODULE}): a name, its level on each
 * destination, and whether it honours rate limits. Its SLF4J logger has the same name.
 *
 * <p>Threads: levels and the rate-limit flag are written under {@link Vlog}'s lock by control
 * threads ({@code vlog/set}, start-up options) and read lock-free by every logging thread, so
 * they are published through volatile fields; the level array is copied on write, never changed
 * in place.
 */
final class VlogModule {

    private final String name;
    /** Level per {@link VlogDestination} ordinal; replaced, never mutated. */
    private volatile VlogLevel[] levels;
    /** False after {@code vlog/disable-rate-limit}: rate-limited messages all get through. */
    private volatile boolean honorRateLimits = true;

    VlogModule(String name, VlogLevel[] levels) {
        this.name = name;
        this.levels = levels.clone();
    }

    String name() {
        return name;
    }

    VlogLevel level(VlogDestination destination) {
        return levels[destination.ordinal()];
    }

    /** Sets the level on one destination, or on all when {@code destination} is null. */
    void setLevel(VlogDestination destination, VlogLevel level) {
        VlogLevel[] next = levels.clone();
        if (destination == null) {
            Arrays.fill(next, level);
        } else {
            next[destination.ordinal()] = level;
        }
        levels = next;
    }

    boolean honorRateLimits() {
        return honorRateLimits;
    }

    void setHonorRateLimits(boolean honor) {
        this.honorRateLimits = honor;
    }
}
