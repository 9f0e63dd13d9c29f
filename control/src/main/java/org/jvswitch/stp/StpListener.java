package org.jvswitch.stp;

/**
 * What an {@link Stp} tells the bridge. Called on the thread that called into the engine, after
 * the call's state changes are complete and the new {@link StpStatus} is published, so the
 * listener may query the engine. Both methods default to doing nothing.
 */
public interface StpListener {

    /** Port {@code portNo} moved from {@code from} to {@code to}: revalidate its flows. */
    default void portStateChanged(int portNo, StpPortState from, StpPortState to) {
    }

    /** A topology change requires flushing the bridge's MAC learning table (and mdb). */
    default void topologyChanged() {
    }
}
