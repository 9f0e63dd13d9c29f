package org.jvswitch.pmd;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Event;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;

/**
 * JFR: a vhost-user port's tx queue was saturated: the guest did not take packets from its
 * virtio ring fast enough and the driver refused some of a flush (they are dropped and counted
 * as {@code tx_queue_full}). At most one event per port per PMD iteration, created only when
 * packets were refused, so nothing is allocated while the guest keeps up.
 */
@Name("org.jvswitch.VhostTxDrop")
@Label("vhost Tx Queue Saturation")
@Category({"jvswitch", "Datapath"})
@Description("Packets a vhost-user port's tx queue refused (guest not draining its ring)")
@StackTrace(false)
public final class VhostTxDropEvent extends Event {
    @Label("PMD Core")
    public int core;

    @Label("Port")
    public String port;

    @Label("Queue")
    public int queue;

    @Label("Dropped")
    @Description("Packets refused by the tx queue in this iteration")
    public int dropped;
}
