package org.jvswitch.unixctl;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.function.Supplier;

/**
 * A request's connection when the client asked for JSON ({@code --format json}): structured
 * answers go out as their JSON, and a command that only answers text gets it wrapped
 * ({@link UnixctlJson#text}), so every command's output is one JSON object. Errors stay plain
 * text: ovs-appctl prints them on stderr and exits 2, which is what scripts test.
 */
final class FormattedConnection implements UnixctlConnection {

    private final UnixctlConnection delegate;
    private final UnixctlFormat format;

    FormattedConnection(UnixctlConnection delegate, UnixctlFormat format) {
        this.delegate = delegate;
        this.format = format;
    }

    @Override
    public UnixctlFormat format() {
        return format;
    }

    @Override
    public void reply(String body) {
        delegate.reply(format == UnixctlFormat.JSON ? UnixctlJson.render(UnixctlJson.text(body)) : body);
    }

    @Override
    public void reply(String body, Runnable afterSent) {
        delegate.reply(format == UnixctlFormat.JSON ? UnixctlJson.render(UnixctlJson.text(body)) : body, afterSent);
    }

    @Override
    public void reply(JsonNode data, Supplier<String> text) {
        delegate.reply(format == UnixctlFormat.JSON ? UnixctlJson.render(data) : text.get());
    }

    @Override
    public void error(String message) {
        delegate.error(message);
    }

    @Override
    public boolean answered() {
        return delegate.answered();
    }
}
