package org.jvswitch.unixctl;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Building and rendering the JSON form of a command's output ({@code --format json}): commands
 * build a tree with {@link #object()}/{@link #array()} and answer with
 * {@link UnixctlConnection#reply(JsonNode, java.util.function.Supplier)}; the answer is the
 * tree, indented, as the reply string (ovs-appctl prints a string result as it is).
 */
public final class UnixctlJson {

    private static final ObjectMapper PRETTY = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private UnixctlJson() {
    }

    public static ObjectNode object() {
        return JsonNodeFactory.instance.objectNode();
    }

    public static ArrayNode array() {
        return JsonNodeFactory.instance.arrayNode();
    }

    /** The document as the reply text: indented, ending in a newline. */
    public static String render(JsonNode data) {
        try {
            return PRETTY.writeValueAsString(data) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot render JSON: " + e.getMessage(), e);
        }
    }

    /**
     * The JSON form of a command that only has text: {@code {"output": TEXT}}, or {@code {}} for
     * a command that answers nothing (e.g. {@code vlog/set}).
     */
    public static ObjectNode text(String body) {
        ObjectNode o = object();
        if (body != null && !body.isEmpty()) {
            o.put("output", body);
        }
        return o;
    }
}
