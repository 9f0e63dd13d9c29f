package org.jvswitch.jsonrpc;

/**
 * A JSON value that is not a valid JSON-RPC 1.0 message (RFC 7047 §4): a missing or misplaced
 * member, a wrong member type, or an unknown member. The message says what is wrong, in the
 * words OVS uses, so it can be logged or sent back to the peer as is.
 */
public final class JsonRpcException extends RuntimeException {

    public JsonRpcException(String message) {
        super(message);
    }
}
