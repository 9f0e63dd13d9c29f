package org.jvswitch.ovsdb.monitor;

import org.jvswitch.jsonrpc.JsonRpcMessage;

import java.util.concurrent.Executor;

/**
 * The session a monitor belongs to, as the monitor sees it: where to send notifications and the
 * serial executor on which its updates are built (a Netty connection's event loop), so that
 * everything a session is sent leaves in the order it was produced.
 */
public interface Subscriber {

    /** Runs tasks one at a time, in submission order. */
    Executor executor();

    /** Sends a message; any thread, in call order. */
    void send(JsonRpcMessage message);

    /** True while the session can still receive messages. */
    boolean isOpen();
}
