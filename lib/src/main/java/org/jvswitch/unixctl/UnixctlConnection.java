package org.jvswitch.unixctl;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.function.Supplier;

/**
 * The answer channel for one unixctl request (OVS's {@code struct unixctl_conn}). Exactly one
 * of the reply methods must be called, once, from any thread. As in OVS, a non-empty body or
 * error message that does not end in a newline gets one, so {@code ovs-appctl} prints whole
 * lines.
 *
 * <p>Output formats: a command with structured output answers with
 * {@link #reply(JsonNode, Supplier)}, giving its data and how to render it as OVS's text; the
 * client's {@code --format json} picks which one goes out ({@link #format()}).
 */
public interface UnixctlConnection {

    /** Answers with the command's output ({@code "result"}; {@code "error"} null). */
    void reply(String body);

    /**
     * Answers with {@code body}, then runs {@code afterSent} on the control thread once the
     * reply has been written to the socket (or could not be), e.g. to exit only after
     * {@code ovs-appctl exit} got its answer.
     */
    void reply(String body, Runnable afterSent);

    /** Answers with an error ({@code "result"} null; {@code "error"} the message). */
    void error(String message);

    /** True once this request has been answered. */
    boolean answered();

    /** The output format the client asked for ({@code --format json}); text unless it asked. */
    default UnixctlFormat format() {
        return UnixctlFormat.TEXT;
    }

    /**
     * Answers with structured output: {@code data} (rendered by {@link UnixctlJson#render}) when
     * the client asked for JSON, else the text {@code text} supplies (computed only then).
     */
    default void reply(JsonNode data, Supplier<String> text) {
        reply(format() == UnixctlFormat.JSON ? UnixctlJson.render(data) : text.get());
    }
}
