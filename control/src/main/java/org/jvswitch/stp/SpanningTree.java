package org.jvswitch.stp;

/**
 * What the bridge needs from a spanning tree engine whichever protocol it runs, so it can hold
 * an {@link Stp} or an {@link Rstp} behind one reference.
 *
 * <p>Threads: mutating methods ({@link #receive}, {@link #tick}, port changes) from one thread
 * at a time; queries ({@link #forwardPermitted}, {@link #learnPermitted}, {@link #changeSeq},
 * {@link #show}) from any thread.
 */
public sealed interface SpanningTree permits Stp, Rstp {

    /** The bridge name the engine was created with. */
    String name();

    /** Processes a received frame (whole Ethernet frame); malformed ones are counted, not thrown. */
    void receive(int portNo, byte[] frame);

    /** Advances the engine's timers to {@code nowMillis} (a monotonic clock). */
    void tick(long nowMillis);

    /** Link up on a managed port. */
    void enablePort(int portNo);

    /** Link down on a managed port. */
    void disablePort(int portNo);

    /** Whether frames received on, or sent to, {@code portNo} may be forwarded. Ports the engine
     *  does not manage (never added, or {@code stp-enable=false}) always may. */
    boolean forwardPermitted(int portNo);

    /** Whether source MACs of frames received on {@code portNo} may be learned. */
    boolean learnPermitted(int portNo);

    /** Increases whenever some port's forward or learn permission changes: revalidate flows. */
    long changeSeq();

    /** Increases whenever the engine asks for MAC learning entries to be flushed. */
    long flushSeq();

    /** Forces a topology change, as {@code stp/tcn} and {@code rstp/tcn} do. */
    void tcn();

    /** The {@code stp/show} or {@code rstp/show} text for this bridge. */
    String show();
}
