package org.jvswitch.daemon;

import java.io.IOException;

/** The pidfile is locked by a live process: the daemon is already running. */
public final class PidfileException extends IOException {

    private final long holderPid;

    public PidfileException(String message, long holderPid) {
        super(message);
        this.holderPid = holderPid;
    }

    /** Pid written in the pidfile by the process holding it, or -1 if unreadable. */
    public long holderPid() {
        return holderPid;
    }
}
