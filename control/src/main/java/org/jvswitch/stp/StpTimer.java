package org.jvswitch.stp;

/**
 * An 802.1D-1998 timer (8.5.4, 8.5.6): counts up in 1/256 s ticks while active and expires
 * when it reaches its timeout. Owned by the engine's calling thread.
 */
final class StpTimer {
    private boolean active;
    /** Ticks counted since the timer was started (at {@link #start}'s value). */
    private int value;

    void start(int initial) {
        value = initial;
        active = true;
    }

    void stop() {
        active = false;
    }

    boolean active() {
        return active;
    }

    int value() {
        return value;
    }

    /** Advances by {@code elapsed} ticks; true (and stops) if it reached {@code timeout}. */
    boolean expired(int elapsed, int timeout) {
        if (!active) {
            return false;
        }
        value += elapsed;
        if (value >= timeout) {
            active = false;
            return true;
        }
        return false;
    }
}
