package org.jvswitch.pmd;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Event;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;
import jdk.jfr.Timespan;

/**
 * JFR: a PMD iteration that took longer than {@link PmdThread#OVERRUN_NS} (250 µs, OVS's
 * suspicious-iteration threshold): long enough for a NIC's rx ring to overflow. Created only when
 * an iteration overran, so a PMD running normally allocates nothing for it, with JFR on or off.
 */
@Name("org.jvswitch.PmdOverrun")
@Label("PMD Iteration Overrun")
@Category({"jvswitch", "Datapath"})
@Description("A PMD poll iteration that took longer than 250 us")
@StackTrace(false)
public final class PmdOverrunEvent extends Event {
    @Label("PMD Core")
    public int core;

    @Label("Iteration")
    @Timespan(Timespan.NANOSECONDS)
    public long iteration;

    @Label("TSC Cycles")
    public long cycles;

    @Label("Packets")
    @Description("Packets received in the iteration")
    public int packets;

    @Label("Commands")
    @Description("Commands from control threads run in the iteration")
    public int commands;

    @Label("Upcalls")
    public int upcalls;

    @Label("Rx Queues")
    @Description("Rx queues the PMD polls")
    public int rxQueues;
}
