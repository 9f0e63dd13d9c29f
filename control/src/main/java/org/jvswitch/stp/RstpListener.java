package org.jvswitch.stp;

/**
 * What an {@link Rstp} tells the bridge. Called on the thread that called into the engine, after
 * the call's state changes are complete and the new {@link RstpStatus} is published. Both
 * methods default to doing nothing.
 */
public interface RstpListener {

    /** Port {@code portNo} moved from {@code from} to {@code to}: revalidate its flows. */
    default void portStateChanged(int portNo, RstpPortState from, RstpPortState to) {
    }

    /**
     * Flush the MAC learning entries learned on port {@code portNo} (802.1D-2004 17.19.7
     * fdbFlush): a topology change was detected or propagated, or the port stopped forwarding.
     */
    default void fdbFlush(int portNo) {
    }
}
