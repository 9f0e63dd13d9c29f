package org.jvswitch.ovsdb.server;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.TextNode;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelOutboundBuffer;
import io.netty.handler.timeout.IdleStateEvent;
import org.jvswitch.jsonrpc.ChannelNames;
import org.jvswitch.jsonrpc.JsonRpcMessage;
import org.jvswitch.vlog.Vlog;
import org.slf4j.Logger;

import java.util.concurrent.Executor;

/**
 * A socket connection (unix, TCP or SSL), the last JSON-RPC handler of its Netty pipeline: it
 * opens a session when the connection comes up, passes each decoded message to the server, and
 * ends the session when the connection goes.
 *
 * <p>Inactivity probes, for TCP and SSL as in OVS: after {@code probe} ms without a message the
 * server sends {@code echo}; if the next interval passes silently too, it disconnects. A client
 * that stops reading while updates pile up beyond {@link #MAX_BACKLOG} bytes is disconnected
 * rather than let the server's memory grow without bound; it can reconnect and resynchronize.
 *
 * <p>Threads: Netty calls the handler methods on the channel's event loop; {@link #send} may be
 * called from any thread (Netty queues the write to the event loop, in order).
 */
final class ChannelConnection extends ChannelInboundHandlerAdapter implements Connection {

    private static final Logger LOG = Vlog.module("reconnect");
    /** Queued output beyond which a slow client is disconnected. */
    static final long MAX_BACKLOG = 256L * 1024 * 1024;

    private final Channel channel;
    private final SessionHost host;
    private final String name;
    /** Whether we sent a probe and wait for traffic; event loop only. */
    private boolean probing;
    /** A flush is queued on the event loop; event loop only. */
    private boolean flushPending;
    private final Runnable flushTask = this::flushNow;
    /** The session; set on channelActive (event loop), read there and by send(). */
    private volatile Session session;

    ChannelConnection(Channel channel, SessionHost host, String name) {
        this.channel = channel;
        this.host = host;
        this.name = name;
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) throws Exception {
        session = host.open(this);
        super.channelActive(ctx);
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        probing = false;
        Session s = session;
        if (s != null && msg instanceof JsonRpcMessage m) {
            host.message(s, m);
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        Session s = session;
        if (s != null) {
            host.closed(s);
        }
        super.channelInactive(ctx);
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) throws Exception {
        if (evt instanceof IdleStateEvent) {
            if (probing) {
                LOG.warn("{}: no response to inactivity probe, disconnecting", name);
                ctx.close();
            } else {
                probing = true;
                ctx.writeAndFlush(JsonRpcMessage.request("echo", JsonNodeFactory.instance.arrayNode(),
                        TextNode.valueOf("echo")));
            }
            return;
        }
        super.userEventTriggered(ctx, evt);
    }

    @Override
    public void send(JsonRpcMessage message) {
        if (channel.eventLoop().inEventLoop()) {
            write(message);
        } else {
            channel.eventLoop().execute(() -> write(message));
        }
    }

    /**
     * Writes on the event loop and flushes once for however many messages the loop writes in a
     * row (a commit's replies and updates to one client arrive together): one write system call
     * instead of one per message. Event loop only.
     */
    private void write(JsonRpcMessage message) {
        channel.write(message, channel.voidPromise());
        if (!flushPending) {
            flushPending = true;
            channel.eventLoop().execute(flushTask);
        }
        if (!channel.isWritable()) {
            ChannelOutboundBuffer out = channel.unsafe().outboundBuffer();
            if (out != null && out.totalPendingWriteBytes() > MAX_BACKLOG) {
                LOG.warn("{}: {} bytes of output backlog (client not reading), disconnecting", name,
                        out.totalPendingWriteBytes());
                channel.close();
            }
        }
    }

    private void flushNow() {
        flushPending = false;
        channel.flush();
    }

    @Override
    public Executor executor() {
        return channel.eventLoop();
    }

    @Override
    public boolean isOpen() {
        return channel.isActive();
    }

    @Override
    public void close() {
        channel.close();
    }

    @Override
    public String name() {
        return name;
    }

    static String describe(Channel ch, String kind) {
        String n = ChannelNames.describe(ch);
        return n.startsWith("unix#") || kind == null ? n : kind + ":" + n.replaceFirst("^/", "");
    }
}
