package org.jvswitch.unixctl;

import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import org.jvswitch.jsonrpc.ChannelNames;
import org.jvswitch.jsonrpc.JsonRpcMessage;
import org.jvswitch.vlog.Vlog;
import org.slf4j.Logger;

import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

/**
 * Receives decoded JSON-RPC messages from unixctl clients on the event loop and hands each
 * request to the control thread, so a slow command never holds up socket I/O. Notifications
 * and replies mean nothing to a unixctl server and are ignored. Stateless; one instance serves
 * every connection.
 */
@ChannelHandler.Sharable
final class UnixctlChannelHandler extends SimpleChannelInboundHandler<JsonRpcMessage> {

    private static final Logger LOG = Vlog.module("unixctl");

    private final UnixctlCommands commands;
    private final Executor control;

    UnixctlChannelHandler(UnixctlCommands commands, Executor control) {
        this.commands = commands;
        this.control = control;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, JsonRpcMessage msg) {
        if (msg.type() != JsonRpcMessage.Type.REQUEST) {
            LOG.debug("{}: ignoring JSON-RPC {}", ChannelNames.describe(ctx.channel()),
                    msg.type().description());
            return;
        }
        ChannelConnection conn = new ChannelConnection(ctx.channel(), msg.id(), control);
        try {
            control.execute(() -> commands.dispatch(conn, msg.method(), msg.params()));
        } catch (RejectedExecutionException e) {
            ctx.close();  // shutting down
        }
    }
}
