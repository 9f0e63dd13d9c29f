package org.jvswitch.netdev;

/**
 * A port could not be opened or reconfigured. The message is what an operator should read: it
 * goes into the Interface table's {@code error} column, as Open vSwitch's errors do.
 */
public final class NetdevException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public NetdevException(String message) {
        super(message);
    }

    public NetdevException(String message, Throwable cause) {
        super(message, cause);
    }
}
