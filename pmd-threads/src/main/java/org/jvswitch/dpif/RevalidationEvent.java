package org.jvswitch.dpif;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Event;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;

/** JFR: one revalidator pass over the datapath's flows; its duration is the pass's. */
@Name("org.jvswitch.Revalidation")
@Label("Revalidation Pass")
@Category({"jvswitch", "Datapath"})
@Description("A revalidator pass: flow statistics pushed, megaflows re-translated, idle ones deleted")
@StackTrace(false)
public final class RevalidationEvent extends Event {
    @Label("Flows")
    @Description("Datapath flows looked at")
    public int flows;

    @Label("Changed")
    @Description("Flows modified or deleted")
    public int changed;
}
