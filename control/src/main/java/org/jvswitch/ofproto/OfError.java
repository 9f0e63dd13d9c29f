package org.jvswitch.ofproto;

/**
 * An OpenFlow request the bridge refused, with the error OpenFlow defines for it; the OpenFlow
 * layer turns it into an OFPT_ERROR of the connection's version. The names follow OpenFlow 1.3's
 * error types and codes.
 */
public class OfError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public enum Type { HELLO_FAILED, BAD_REQUEST, BAD_ACTION, BAD_INSTRUCTION, BAD_MATCH, FLOW_MOD_FAILED, GROUP_MOD_FAILED,
        PORT_MOD_FAILED, TABLE_MOD_FAILED, METER_MOD_FAILED, ROLE_REQUEST_FAILED, SWITCH_CONFIG_FAILED }

    /** The code within the type, as OpenFlow 1.3 names it (e.g. TABLE_FULL, OVERLAP, BAD_TABLE_ID, BAD_OUT_PORT). */
    private final Type type;
    private final String code;

    public OfError(Type type, String code, String detail) {
        super(type + "/" + code + (detail == null ? "" : ": " + detail));
        this.type = type;
        this.code = code;
    }

    public Type type() {
        return type;
    }

    public String code() {
        return code;
    }
}
