package org.jvswitch.ovsdb.monitor;

/**
 * The three monitor dialects: {@code monitor} with {@code update} notifications (RFC 7047),
 * {@code monitor_cond} with {@code update2}, and {@code monitor_cond_since} with
 * {@code update3}, which also carry the id of the last transaction reported.
 */
public enum MonitorVersion {
    V1("update"), V2("update2"), V3("update3");

    private final String notification;

    MonitorVersion(String notification) {
        this.notification = notification;
    }

    /** The method of this dialect's update notifications. */
    public String notification() {
        return notification;
    }
}
