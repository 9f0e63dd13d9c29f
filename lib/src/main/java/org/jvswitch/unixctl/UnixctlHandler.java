package org.jvswitch.unixctl;

/**
 * Implements one unixctl command. Runs on the server's control thread with the command's
 * arguments (their count already checked against the registration). It must answer exactly
 * once through {@code conn}, now or later from any thread (for commands that wait on other
 * work, as OVS's {@code unixctl_command_reply} may be called later). An exception thrown before
 * answering becomes the error reply "internal error: <message>".
 */
@FunctionalInterface
public interface UnixctlHandler {

    void handle(UnixctlConnection conn, String[] args) throws Exception;
}
