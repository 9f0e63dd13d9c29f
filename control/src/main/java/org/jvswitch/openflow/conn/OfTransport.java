package org.jvswitch.openflow.conn;

import io.netty.bootstrap.Bootstrap;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.epoll.EpollDomainSocketChannel;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollServerDomainSocketChannel;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.epoll.EpollSocketChannel;
import io.netty.channel.unix.DomainSocketAddress;
import io.netty.handler.ssl.SslContext;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * OpenFlow's sockets on Netty's epoll transport: listeners ({@code punix:}, {@code ptcp:},
 * {@code pssl:}, and each bridge's {@code .mgmt} socket) and connectors ({@code tcp:},
 * {@code ssl:}, {@code unix:}). Each channel gets the framing decoder, and the caller's handler
 * last in its pipeline.
 *
 * <p>Threads: two event loop threads ("ofconn-io") run every OpenFlow connection: decoding,
 * message handling (flow table changes are quick, under the bridge's lock) and encoding.
 */
public final class OfTransport implements AutoCloseable {
    private final EventLoopGroup group;

    public OfTransport(int threads) {
        group = new MultiThreadIoEventLoopGroup(threads, new DefaultThreadFactory("ofconn-io", true),
                EpollIoHandler.newFactory());
    }

    public EventLoopGroup group() {
        return group;
    }

    private static ChannelInitializer<Channel> init(SslContext ssl, Consumer<Channel> attach) {
        return new ChannelInitializer<>() {
            @Override
            protected void initChannel(Channel ch) {
                if (ssl != null) {
                    ch.pipeline().addLast(ssl.newHandler(ch.alloc()));
                }
                ch.pipeline().addLast(new OfFrameDecoder());
                attach.accept(ch);
            }
        };
    }

    /**
     * Listens on a passive target (or a unix socket path), waiting for the socket to be bound;
     * {@code attach} adds the connection handler. Never call it holding a lock an event loop
     * task takes (use {@link #bind}).
     */
    public Channel listen(OfTarget t, SslContext ssl, Consumer<Channel> attach) throws IOException {
        try {
            return bind(t, ssl, attach).sync().channel();
        } catch (IOException e) {
            throw e;
        } catch (Exception e) {
            throw new IOException(t + ": cannot listen: " + e.getMessage(), e);
        }
    }

    /** Starts listening on a passive target; the future says how it went (completes on an event loop). */
    public ChannelFuture bind(OfTarget t, SslContext ssl, Consumer<Channel> attach) throws IOException {
        if (t.unix()) {
            Path p = Path.of(t.path());
            Path parent = p.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Files.deleteIfExists(p);
            return new ServerBootstrap().group(group).channel(EpollServerDomainSocketChannel.class)
                    .childHandler(init(null, attach)).bind(new DomainSocketAddress(p.toString()));
        }
        InetSocketAddress addr = t.host().isEmpty() ? new InetSocketAddress(t.port())
                : new InetSocketAddress(t.host(), t.port());
        return new ServerBootstrap().group(group).channel(EpollServerSocketChannel.class)
                .option(ChannelOption.SO_REUSEADDR, true).childOption(ChannelOption.TCP_NODELAY, true)
                .childHandler(init(ssl, attach)).bind(addr);
    }

    /** Starts connecting to an active target; the future says how it went. */
    public ChannelFuture connect(OfTarget t, SslContext ssl, Consumer<Channel> attach) {
        Bootstrap b = new Bootstrap().group(group);
        if (t.unix()) {
            return b.channel(EpollDomainSocketChannel.class).handler(init(null, attach))
                    .connect(new DomainSocketAddress(t.path()));
        }
        return b.channel(EpollSocketChannel.class).option(ChannelOption.TCP_NODELAY, true)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, 10_000).handler(init(ssl, attach))
                .connect(new InetSocketAddress(t.host(), t.port()));
    }

    /** Runs a task on one of the event loop threads after a delay. */
    public void schedule(Runnable r, long delayMs) {
        group.schedule(r, delayMs, TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
        group.shutdownGracefully(0, 2, TimeUnit.SECONDS).awaitUninterruptibly(5, TimeUnit.SECONDS);
    }
}
