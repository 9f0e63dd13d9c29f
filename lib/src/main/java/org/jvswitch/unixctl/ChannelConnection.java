package org.jvswitch.unixctl;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import org.jvswitch.jsonrpc.ChannelNames;
import org.jvswitch.jsonrpc.JsonRpcMessage;
import org.jvswitch.vlog.Vlog;
import org.slf4j.Logger;

import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A {@link UnixctlConnection} that answers one request on a Netty channel. Writing from any
 * thread is safe: Netty hands the write to the channel's event loop.
 */
final class ChannelConnection implements UnixctlConnection {

    private static final Logger LOG = Vlog.module("unixctl");

    private final Channel channel;
    private final JsonNode id;
    /** Where {@code afterSent} actions run: the control thread. */
    private final Executor control;
    private final AtomicBoolean answered = new AtomicBoolean();

    ChannelConnection(Channel channel, JsonNode id, Executor control) {
        this.channel = channel;
        this.id = id;
        this.control = control;
    }

    @Override
    public void reply(String body) {
        send(JsonRpcMessage.reply(TextNode.valueOf(withNewline(body)), id), null);
    }

    @Override
    public void reply(String body, Runnable afterSent) {
        send(JsonRpcMessage.reply(TextNode.valueOf(withNewline(body)), id), afterSent);
    }

    @Override
    public void error(String message) {
        send(JsonRpcMessage.error(TextNode.valueOf(withNewline(message)), id), null);
    }

    @Override
    public boolean answered() {
        return answered.get();
    }

    private void send(JsonRpcMessage msg, Runnable afterSent) {
        if (!answered.compareAndSet(false, true)) {
            throw new IllegalStateException("unixctl request " + id + " answered twice");
        }
        if (!channel.isActive()) {
            LOG.debug("{}: client went away before the reply", ChannelNames.describe(channel));
        }
        channel.writeAndFlush(msg).addListener((ChannelFutureListener) f -> {
            if (afterSent != null) {
                runOnControl(afterSent);
            }
        });
    }

    private void runOnControl(Runnable action) {
        try {
            control.execute(action);
        } catch (RejectedExecutionException e) {
            action.run();  // the server is closing; still honour the promise
        }
    }

    /** OVS ends every non-empty answer with a newline so ovs-appctl prints whole lines. */
    private static String withNewline(String s) {
        if (s == null || s.isEmpty()) {
            return "";
        }
        return s.endsWith("\n") ? s : s + "\n";
    }
}
