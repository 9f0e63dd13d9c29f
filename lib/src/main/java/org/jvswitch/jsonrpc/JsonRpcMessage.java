package org.jvswitch.jsonrpc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Map;
import java.util.Objects;

/**
 * One JSON-RPC 1.0 message as OVS speaks it (RFC 7047 §4): a request, a notification, a reply or
 * an error reply. There is no {@code "jsonrpc"} member and no framing: messages are JSON objects
 * sent back to back on a stream.
 *
 * <pre>
 * request       {"method": string, "params": array, "id": non-null}
 * notification  {"method": string, "params": array, "id": null}
 * reply         {"result": non-null, "error": null, "id": any}
 * error reply   {"result": null, "error": non-null, "id": any}
 * </pre>
 *
 * <p>How a decoded object is classified follows OVS: a non-null {@code result} makes a reply,
 * else a non-null {@code error} an error reply, else a non-null {@code id} a request, else a
 * notification; then the members that kind needs are checked.
 *
 * <p>Immutable by contract: the message holds the {@link JsonNode} trees it is given without
 * copying them (OVSDB replies can be megabytes), so whoever builds a message hands the trees
 * over and must not change them afterwards; readers must not change what the getters return.
 * Instances may then be shared freely between threads.
 */
public final class JsonRpcMessage {

    /** The four kinds of JSON-RPC message. */
    public enum Type {
        REQUEST("request"), NOTIFY("notification"), REPLY("reply"), ERROR("error");

        private final String description;

        Type(String description) {
            this.description = description;
        }

        /** The name OVS uses for this kind in messages ("request", "notification", ...). */
        public String description() {
            return description;
        }
    }

    private final Type type;
    /** Method name; requests and notifications only, else null. */
    private final String method;
    /** Parameters; requests and notifications only, else null. */
    private final ArrayNode params;
    /** Result; replies only, else null. */
    private final JsonNode result;
    /** Error; error replies only, else null. */
    private final JsonNode error;
    /** Id; {@link NullNode} for notifications, never Java null. */
    private final JsonNode id;

    private JsonRpcMessage(Type type, String method, ArrayNode params, JsonNode result,
                           JsonNode error, JsonNode id) {
        this.type = type;
        this.method = method;
        this.params = params;
        this.result = result;
        this.error = error;
        this.id = id == null ? NullNode.getInstance() : id;
    }

    /** A request; {@code id} must not be null (a null id makes a notification). */
    public static JsonRpcMessage request(String method, ArrayNode params, JsonNode id) {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(params, "params");
        if (id == null || id.isNull()) {
            throw new IllegalArgumentException("a request needs a non-null id");
        }
        return new JsonRpcMessage(Type.REQUEST, method, params, null, null, id);
    }

    /** A request with a numeric id, the usual case. */
    public static JsonRpcMessage request(String method, ArrayNode params, long id) {
        // An int node when it fits, as Jackson parses it, so sent and received ids compare equal.
        JsonNode node = id == (int) id ? JsonNodeFactory.instance.numberNode((int) id)
                : JsonNodeFactory.instance.numberNode(id);
        return request(method, params, node);
    }

    /** A notification: a request that expects no reply ({@code "id": null}). */
    public static JsonRpcMessage notify(String method, ArrayNode params) {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(params, "params");
        return new JsonRpcMessage(Type.NOTIFY, method, params, null, null, null);
    }

    /** A successful reply to the request with {@code id}; {@code result} must not be JSON null. */
    public static JsonRpcMessage reply(JsonNode result, JsonNode id) {
        Objects.requireNonNull(result, "result");
        if (result.isNull()) {
            throw new IllegalArgumentException("a reply's result must not be null");
        }
        return new JsonRpcMessage(Type.REPLY, null, null, result, null, id);
    }

    /** An error reply to the request with {@code id}; {@code error} must not be JSON null. */
    public static JsonRpcMessage error(JsonNode error, JsonNode id) {
        Objects.requireNonNull(error, "error");
        if (error.isNull()) {
            throw new IllegalArgumentException("an error reply's error must not be null");
        }
        return new JsonRpcMessage(Type.ERROR, null, null, null, error, id);
    }

    public Type type() {
        return type;
    }

    /** The method, for requests and notifications; null otherwise. */
    public String method() {
        return method;
    }

    /** The parameters, for requests and notifications; null otherwise. */
    public ArrayNode params() {
        return params;
    }

    /** The result, for replies; null otherwise. */
    public JsonNode result() {
        return result;
    }

    /** The error, for error replies; null otherwise. */
    public JsonNode error() {
        return error;
    }

    /** The id; a JSON null node (never Java null) for notifications. */
    public JsonNode id() {
        return id;
    }

    /**
     * The parameters as Java strings when every one is a JSON string (what unixctl requires);
     * null if this message has no parameters or any parameter is not a string.
     */
    public String[] stringParams() {
        if (params == null) {
            return null;
        }
        String[] out = new String[params.size()];
        for (int i = 0; i < out.length; i++) {
            JsonNode p = params.get(i);
            if (!p.isTextual()) {
                return null;
            }
            out[i] = p.textValue();
        }
        return out;
    }

    /** The wire form of this message. The returned object shares this message's trees. */
    public ObjectNode toJson() {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        switch (type) {
            case REQUEST, NOTIFY -> {
                o.put("method", method);
                o.set("params", params);
                o.set("id", id);
            }
            case REPLY -> {
                o.set("result", result);
                o.putNull("error");
                o.set("id", id);
            }
            case ERROR -> {
                o.putNull("result");
                o.set("error", error);
                o.set("id", id);
            }
        }
        return o;
    }

    /**
     * Classifies and validates a decoded JSON value.
     *
     * @throws JsonRpcException if {@code json} is not a valid JSON-RPC message
     */
    public static JsonRpcMessage fromJson(JsonNode json) {
        if (json == null || !json.isObject()) {
            throw new JsonRpcException("message is not a JSON object");
        }
        JsonNode method = null;
        JsonNode params = null;
        JsonNode result = null;
        JsonNode error = null;
        JsonNode id = null;
        for (Map.Entry<String, JsonNode> e : json.properties()) {
            JsonNode v = e.getValue().isNull() ? null : e.getValue();
            switch (e.getKey()) {
                case "method" -> method = v;
                case "params" -> params = v;
                case "result" -> result = v;
                case "error" -> error = v;
                case "id" -> id = v;
                default -> throw new JsonRpcException(
                        "message has unexpected member \"" + e.getKey() + "\"");
            }
        }
        Type type = result != null ? Type.REPLY
                : error != null ? Type.ERROR
                : id != null ? Type.REQUEST
                : Type.NOTIFY;
        String name = type.description();
        switch (type) {
            case REQUEST, NOTIFY -> {
                require(name, "method", method);
                require(name, "params", params);
                forbid(name, "result", result);
                forbid(name, "error", error);
                if (!method.isTextual()) {
                    throw new JsonRpcException("\"method\" is not a JSON string");
                }
                if (!params.isArray()) {
                    throw new JsonRpcException("\"params\" must be JSON array");
                }
                return type == Type.REQUEST
                        ? request(method.textValue(), (ArrayNode) params, id)
                        : notify(method.textValue(), (ArrayNode) params);
            }
            case REPLY -> {
                require(name, "id", id);
                forbid(name, "method", method);
                forbid(name, "params", params);
                forbid(name, "error", error);
                return reply(result, id);
            }
            default -> {
                require(name, "id", id);
                forbid(name, "method", method);
                forbid(name, "params", params);
                return error(error, id);
            }
        }
    }

    private static void require(String kind, String member, JsonNode value) {
        if (value == null) {
            throw new JsonRpcException(kind + " must have \"" + member + "\"");
        }
    }

    private static void forbid(String kind, String member, JsonNode value) {
        if (value != null) {
            throw new JsonRpcException(kind + " must not have \"" + member + "\"");
        }
    }

    /** Same kind and same JSON, numbers compared by value (so 1 equals 1L equals 1.0). */
    @Override
    public boolean equals(Object o) {
        return o instanceof JsonRpcMessage m && type == m.type
                && toJson().equals(JsonRpcMessage::compareNodes, m.toJson());
    }

    private static int compareNodes(JsonNode a, JsonNode b) {
        if (a.isNumber() && b.isNumber()) {
            return a.decimalValue().compareTo(b.decimalValue());
        }
        return a.equals(b) ? 0 : 1;
    }

    @Override
    public int hashCode() {
        return Objects.hash(type, method);
    }

    /** The compact wire form, for logs. */
    @Override
    public String toString() {
        return toJson().toString();
    }
}
