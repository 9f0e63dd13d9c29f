package org.jvswitch.dpif;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Event;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;
import jdk.jfr.Timespan;

/**
 * JFR: one upcall handled by an upcall handler thread (a miss or a userspace action): its event
 * duration is the handling (translation, flow install, execution); {@code queued} is how long
 * it waited in the PMD's upcall queue before that.
 */
@Name("org.jvswitch.Upcall")
@Label("Upcall")
@Category({"jvswitch", "Datapath"})
@Description("A packet the datapath handed to the control threads, and how long handling it took")
@StackTrace(false)
public final class UpcallEvent extends Event {
    @Label("Type")
    @Description("miss or action")
    public String type;

    @Label("PMD")
    @Description("Index of the PMD thread that queued it")
    public int pmd;

    @Label("In Port")
    public int inPort;

    @Label("Queued")
    @Timespan(Timespan.NANOSECONDS)
    public long queued;

    @Label("Outcome")
    @Description("installed (a flow was installed), executed, dropped or failed")
    public String outcome;
}
