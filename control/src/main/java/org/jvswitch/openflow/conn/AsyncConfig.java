package org.jvswitch.openflow.conn;

/**
 * Which asynchronous messages a connection wants (OpenFlow 1.3's async configuration, NX's
 * NXT_SET_ASYNC_CONFIG): a reason bitmap per message kind, one for the master/equal role and one
 * for the slave role. Immutable.
 *
 * @param packetIn    bit per OFPR_* reason
 * @param portStatus  bit per OFPPR_* reason (add, delete, modify)
 * @param flowRemoved bit per OFPRR_* reason (idle, hard, delete, group delete, meter delete)
 */
public record AsyncConfig(int[] packetIn, int[] portStatus, int[] flowRemoved) {
    public static final int MASTER = 0;
    public static final int SLAVE = 1;

    /** OpenFlow's defaults: masters and equals get everything, slaves port status only. */
    public static AsyncConfig defaults() {
        return new AsyncConfig(new int[] {0x3f, 0}, new int[] {0x7, 0x7}, new int[] {0x1f, 0});
    }

    /** Nothing at all (enable_async_messages=false). */
    public static AsyncConfig none() {
        return new AsyncConfig(new int[] {0, 0}, new int[] {0, 0}, new int[] {0, 0});
    }

    public boolean wantsPacketIn(boolean slave, int reason) {
        return (packetIn[slave ? SLAVE : MASTER] & 1 << reason) != 0;
    }

    public boolean wantsPortStatus(boolean slave, int reason) {
        return (portStatus[slave ? SLAVE : MASTER] & 1 << reason) != 0;
    }

    public boolean wantsFlowRemoved(boolean slave, int reason) {
        return (flowRemoved[slave ? SLAVE : MASTER] & 1 << reason) != 0;
    }
}
