package org.jvswitch.ovsdb.server;

import org.jvswitch.jsonrpc.JsonRpcMessage;

/** What a transport tells the server: a connection opened, sent a message, closed. */
interface SessionHost {

    /** A new connection; returns its session. Connection thread. */
    Session open(Connection c);

    /** A message arrived. Connection thread, in arrival order. */
    void message(Session s, JsonRpcMessage m);

    /** The connection closed. Connection thread, after its last message. */
    void closed(Session s);
}
