package org.jvswitch.ovsdb.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * An RFC 7047 error: what {@code transact} puts in its result array and what the other methods
 * answer with. {@code {"error": tag, "details": text, "syntax": json-as-text}}: the tag is one of
 * the RFC's ("constraint violation", "referential integrity violation", ...) or OVS's additions
 * ("syntax error", "unknown column", "ovsdb error", ...); details and syntax are optional. The
 * syntax member is the offending JSON written as OVS writes it (compact, keys sorted), so error
 * replies read exactly like ovsdb-server's.
 *
 * <p>Thrown while parsing or executing a request and caught where the reply is built. It
 * carries no stack trace: it is an expected outcome of bad input, not a bug.
 */
public final class OvsdbException extends RuntimeException {

    private final String tag;
    private final String details;
    /** The JSON the error is about, or null. */
    private final transient JsonNode syntax;

    public OvsdbException(String tag, String details, JsonNode syntax) {
        super(details == null ? tag : tag + ": " + details, null, false, false);
        this.tag = tag;
        this.details = details;
        this.syntax = syntax;
    }

    /** {@code "syntax error"} about {@code json} (which may be null). */
    public static OvsdbException syntax(JsonNode json, String details) {
        return new OvsdbException("syntax error", details, json);
    }

    /** An error with the given tag about {@code json}. */
    public static OvsdbException syntax(JsonNode json, String tag, String details) {
        return new OvsdbException(tag, details, json);
    }

    /** An error without a syntax member. */
    public static OvsdbException of(String tag, String details) {
        return new OvsdbException(tag, details, null);
    }

    public static OvsdbException constraint(String details) {
        return of("constraint violation", details);
    }

    public String tag() {
        return tag;
    }

    public String details() {
        return details;
    }

    public JsonNode syntaxJson() {
        return syntax;
    }

    /** The error object of the wire protocol. */
    public ObjectNode toJson() {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("error", tag);
        if (details != null) {
            o.put("details", details);
        }
        if (syntax != null) {
            o.put("syntax", OvsJson.toString(syntax, true));
        }
        return o;
    }
}
