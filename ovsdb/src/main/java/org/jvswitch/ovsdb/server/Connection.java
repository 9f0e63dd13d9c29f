package org.jvswitch.ovsdb.server;

import org.jvswitch.jsonrpc.JsonRpcMessage;

import java.util.concurrent.Executor;

/**
 * A JSON-RPC connection as the server sees it: a socket ({@link ChannelConnection}) or an
 * in-process client ({@link LocalConnection}).
 */
public interface Connection {

    /** Sends a message; any thread; messages leave in call order. */
    void send(JsonRpcMessage message);

    /** Serial executor bound to this connection (its event loop). */
    Executor executor();

    boolean isOpen();

    /** Closes the connection; the server then ends its session. */
    void close();

    /** A name for logs: {@code unix#3}, {@code tcp:10.0.0.1:6640}, {@code local#1}. */
    String name();
}
