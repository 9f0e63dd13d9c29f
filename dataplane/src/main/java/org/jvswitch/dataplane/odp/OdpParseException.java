package org.jvswitch.dataplane.odp;

/**
 * A datapath flow, mask or action string that does not parse, or that asks for something this
 * datapath cannot hold. The message is one line meant for the user (it goes back to
 * {@code ovs-appctl} as is), in Open vSwitch's words where OVS has them:
 * {@code syntax error at ipv4(src=1.2.3),udp(): bad IPv4 address "1.2.3"}. Like OVS, the text
 * after "syntax error at" is the rest of the input from the start of the offending attribute
 * or action.
 */
public final class OdpParseException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    /** Offset in the input where the offending attribute or action starts (-1 if not known). */
    private final int position;

    public OdpParseException(String message) {
        this(message, -1);
    }

    public OdpParseException(String message, int position) {
        super(message);
        this.position = position;
    }

    public int position() {
        return position;
    }
}
