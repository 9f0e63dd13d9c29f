package org.jvswitch.openflow.codec;

import io.netty.buffer.ByteBuf;
import java.util.List;
import org.jvswitch.ofproto.OfError;

/**
 * OFPT_ERROR messages: {@code ofp_header | type (2) | code (2) | data}, the data being the start
 * of the request that failed (64 bytes, as OpenFlow asks) or, for HELLO_FAILED, a line of text.
 * {@link OfError}s name types and codes as OpenFlow 1.3 does; this maps them onto each version's
 * numbers. OpenFlow 1.0 lacks most of them: those fall back to the nearest 1.0 error.
 */
public final class ErrorCodec {
    private static final List<String> BAD_REQUEST = List.of("BAD_VERSION", "BAD_TYPE", "BAD_MULTIPART",
            "BAD_EXPERIMENTER", "BAD_EXP_TYPE", "EPERM", "BAD_LEN", "BUFFER_EMPTY", "BUFFER_UNKNOWN", "BAD_TABLE_ID",
            "IS_SLAVE", "BAD_PORT", "BAD_PACKET", "MULTIPART_BUFFER_OVERFLOW");
    private static final List<String> BAD_ACTION = List.of("BAD_TYPE", "BAD_LEN", "BAD_EXPERIMENTER",
            "BAD_EXPERIMENTER_TYPE", "BAD_OUT_PORT", "BAD_ARGUMENT", "EPERM", "TOO_MANY", "BAD_QUEUE", "BAD_OUT_GROUP",
            "MATCH_INCONSISTENT", "UNSUPPORTED_ORDER", "BAD_TAG", "BAD_SET_TYPE", "BAD_SET_LEN", "BAD_SET_ARGUMENT");
    private static final List<String> BAD_INSTRUCTION = List.of("UNKNOWN_INST", "UNSUP_INST", "BAD_TABLE_ID",
            "UNSUP_METADATA", "UNSUP_METADATA_MASK", "BAD_EXPERIMENTER", "BAD_EXP_TYPE", "BAD_LEN", "EPERM");
    private static final List<String> BAD_MATCH = List.of("BAD_TYPE", "BAD_LEN", "BAD_TAG", "BAD_DL_ADDR_MASK",
            "BAD_NW_ADDR_MASK", "BAD_WILDCARDS", "BAD_FIELD", "BAD_VALUE", "BAD_MASK", "BAD_PREREQ", "DUP_FIELD",
            "EPERM");
    private static final List<String> FLOW_MOD = List.of("UNKNOWN", "TABLE_FULL", "BAD_TABLE_ID", "OVERLAP", "EPERM",
            "BAD_TIMEOUT", "BAD_COMMAND", "BAD_FLAGS");
    private static final List<String> GROUP_MOD = List.of("GROUP_EXISTS", "INVALID_GROUP", "WEIGHT_UNSUPPORTED",
            "OUT_OF_GROUPS", "OUT_OF_BUCKETS", "CHAINING_UNSUPPORTED", "WATCH_UNSUPPORTED", "LOOP", "UNKNOWN_GROUP",
            "CHAINED_GROUP", "BAD_TYPE", "BAD_COMMAND", "BAD_BUCKET", "BAD_WATCH", "EPERM");
    private static final List<String> PORT_MOD = List.of("BAD_PORT", "BAD_HW_ADDR", "BAD_CONFIG", "BAD_ADVERTISE",
            "EPERM");
    private static final List<String> TABLE_MOD = List.of("BAD_TABLE", "BAD_CONFIG", "EPERM");
    private static final List<String> ROLE = List.of("STALE", "UNSUP", "BAD_ROLE");
    private static final List<String> METER_MOD = List.of("UNKNOWN", "METER_EXISTS", "INVALID_METER", "UNKNOWN_METER",
            "BAD_COMMAND", "BAD_FLAGS", "BAD_RATE", "BAD_BURST", "BAD_BAND", "BAD_BAND_VALUE", "OUT_OF_METERS",
            "OUT_OF_BANDS");
    private static final List<String> SWITCH_CONFIG = List.of("BAD_FLAGS", "BAD_LEN", "EPERM");
    private static final List<String> HELLO = List.of("INCOMPATIBLE", "EPERM");

    /** Nicira (Open vSwitch) errors by name, and their OpenFlow 1.2+ experimenter codes. */
    private static final List<String> NX_CODES = List.of("NXTTMFC_BAD_COMMAND", "NXTTMFC_BAD_OPT_LEN",
            "NXTTMFC_BAD_FIELD_IDX", "NXTTMFC_TABLE_FULL", "NXTTMFC_ALREADY_MAPPED", "NXTTMFC_DUP_ENTRY",
            "NXFMFC_INVALID_TLV_FIELD", "NXTTMFC_INVALID_TLV_DEL");
    private static final int[] NX_NUMBERS = {16, 17, 18, 19, 20, 21, 37, 38};

    /** A type and code as numbers. */
    public record Numbers(int type, int code) {
    }

    private ErrorCodec() {
    }

    /** The type and code numbers of an error in a version. */
    public static Numbers numbers(OfError.Type type, String code, int version) {
        if (version == OfWire.OF10) {
            return of10(type, code);
        }
        return switch (type) {
            case HELLO_FAILED -> new Numbers(0, idx(HELLO, code, 0));
            case BAD_REQUEST -> new Numbers(1, idx(BAD_REQUEST, code, 5));
            case BAD_ACTION -> new Numbers(2, idx(BAD_ACTION, code, 5));
            case BAD_INSTRUCTION -> new Numbers(3, idx(BAD_INSTRUCTION, code, 1));
            case BAD_MATCH -> new Numbers(4, idx(BAD_MATCH, code, 11));
            case FLOW_MOD_FAILED -> new Numbers(5, idx(FLOW_MOD, code, 0));
            case GROUP_MOD_FAILED -> new Numbers(6, idx(GROUP_MOD, code, 1));
            case PORT_MOD_FAILED -> new Numbers(7, idx(PORT_MOD, code, 0));
            case TABLE_MOD_FAILED -> new Numbers(8, idx(TABLE_MOD, code, 0));
            case SWITCH_CONFIG_FAILED -> new Numbers(10, idx(SWITCH_CONFIG, code, 0));
            case ROLE_REQUEST_FAILED -> new Numbers(11, idx(ROLE, code, 1));
            case METER_MOD_FAILED -> new Numbers(12, idx(METER_MOD, code, 0));
        };
    }

    private static Numbers of10(OfError.Type type, String code) {
        return switch (type) {
            case HELLO_FAILED -> new Numbers(0, idx(HELLO, code, 0));
            case BAD_REQUEST -> switch (code) {
                case "BAD_MULTIPART" -> new Numbers(1, 2);
                case "BAD_EXPERIMENTER" -> new Numbers(1, 3);
                case "BAD_EXP_TYPE" -> new Numbers(1, 4);
                default -> new Numbers(1, idx(BAD_REQUEST, code, 5) <= 8 ? idx(BAD_REQUEST, code, 5) : 5);
            };
            case BAD_ACTION -> {
                int c = idx(BAD_ACTION, code, 5);
                yield new Numbers(2, c <= 8 ? c : 5);
            }
            case FLOW_MOD_FAILED -> new Numbers(3, switch (code) {
                case "TABLE_FULL" -> 0;
                case "OVERLAP" -> 1;
                case "EPERM" -> 2;
                case "BAD_COMMAND" -> 4;
                default -> 5;
            });
            case PORT_MOD_FAILED -> new Numbers(4, code.equals("BAD_HW_ADDR") ? 1 : 0);
            case BAD_INSTRUCTION -> new Numbers(2, 5);
            case BAD_MATCH -> new Numbers(1, 5);
            default -> new Numbers(1, 1);
        };
    }

    private static int idx(List<String> names, String code, int fallback) {
        int i = names.indexOf(code);
        return i < 0 ? fallback : i;
    }

    /** An error answering {@code request} (its first 64 bytes are the data; null for none). */
    public static ByteBuf encode(int version, int xid, OfError e, ByteBuf request) {
        Numbers n = numbers(e.type(), e.code(), version);
        ByteBuf b = OfWire.start(version, OfWire.T_ERROR, xid);
        int nx = NX_CODES.indexOf(e.code());
        if (nx >= 0 && version >= OfWire.OF12) {
            // Nicira's own errors: OFPET_EXPERIMENTER | exp_code | experimenter 0x2320.
            b.writeShort(0xffff).writeShort(NX_NUMBERS[nx]).writeInt(OfWire.NX_VENDOR);
        } else {
            b.writeShort(n.type()).writeShort(n.code());
        }
        if (e.type() == OfError.Type.HELLO_FAILED) {
            b.writeBytes(String.valueOf(e.getMessage()).getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        } else if (request != null) {
            int from = 0;
            int len = Math.min(64, request.writerIndex());
            b.writeBytes(request, from, len);
        }
        return OfWire.finish(b);
    }
}
