package org.jvswitch.dpdk;

/**
 * A DPDK call on the control path failed. The message is one line an operator can act on
 * (what failed, DPDK's reason, and where useful what to do); {@link #errno()} is the
 * positive errno, 0 when DPDK gave none.
 */
public final class DpdkException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final int errno;

    public DpdkException(String message, int errno) {
        super(message);
        this.errno = errno;
    }

    public DpdkException(String message) {
        this(message, 0);
    }

    public int errno() {
        return errno;
    }
}
