package org.jvswitch.jsonrpc;

import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.DecoderException;
import org.slf4j.Logger;

/**
 * Last handler of a JSON-RPC pipeline: logs an exception that reached the end of the pipeline
 * (a malformed message, an I/O error) and closes that connection. One bad peer costs its own
 * connection, never the server, as with OVS's jsonrpc sessions.
 *
 * <p>Stateless and sharable; runs on the channel's event loop.
 */
@ChannelHandler.Sharable
public final class ProtocolErrorHandler extends ChannelInboundHandlerAdapter {

    private final Logger log;

    /** @param log where to report errors, e.g. the vlog module of the server using it */
    public ProtocolErrorHandler(Logger log) {
        this.log = log;
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        String peer = ChannelNames.describe(ctx.channel());
        if (cause instanceof DecoderException) {
            Throwable reason = cause.getCause() != null ? cause.getCause() : cause;
            log.warn("{}: received bad JSON-RPC message, closing connection: {}", peer,
                    reason.getMessage());
        } else {
            log.warn("{}: connection error, closing connection: {}", peer, cause.toString());
        }
        ctx.close();
    }
}
