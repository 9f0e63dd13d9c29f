package org.jvswitch.unixctl;

/**
 * The answer channel for one unixctl request (OVS's {@code struct unixctl_conn}). Exactly one
 * of the reply methods must be called, once, from any thread. As in OVS, a non-empty body or
 * error message that does not end in a newline gets one, so {@code ovs-appctl} prints whole
 * lines.
 */
public interface UnixctlConnection {

    /** Answers with the command's output ({@code "result"}; {@code "error"} null). */
    void reply(String body);

    /**
     * Answers with {@code body}, then runs {@code afterSent} on the control thread once the
     * reply has been written to the socket (or could not be), e.g. to exit only after
     * {@code ovs-appctl exit} got its answer.
     */
    void reply(String body, Runnable afterSent);

    /** Answers with an error ({@code "result"} null; {@code "error"} the message). */
    void error(String message);

    /** True once this request has been answered. */
    boolean answered();
}
