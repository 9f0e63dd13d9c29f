package org.jvswitch.ovsdb.server;

import io.netty.bootstrap.Bootstrap;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.epoll.EpollDomainSocketChannel;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollServerDomainSocketChannel;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.epoll.EpollSocketChannel;
import io.netty.channel.unix.DomainSocketAddress;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.timeout.IdleStateHandler;
import io.netty.util.concurrent.DefaultThreadFactory;
import org.jvswitch.jsonrpc.JsonRpcEncoder;
import org.jvswitch.jsonrpc.ProtocolErrorHandler;
import org.jvswitch.vlog.Vlog;
import org.slf4j.Logger;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.TimeUnit;

/**
 * The server's sockets, on Netty's epoll transport: listeners for {@code punix:}, {@code ptcp:}
 * and {@code pssl:} and connectors for {@code unix:}, {@code tcp:} and {@code ssl:}, each
 * connection with OVS's framing (JSON objects back to back) and a {@link ChannelConnection} at
 * the end of its pipeline.
 *
 * <p>Threads: a few event loop threads ("ovsdb-io") do all socket I/O and build monitor updates;
 * they never block on the database, which belongs to the engine thread.
 */
final class Transport implements AutoCloseable {

    private static final Logger LOG = Vlog.module("ovsdb_jsonrpc_server");
    /** Default inactivity probe for TCP and SSL connections, as OVS (5 s). */
    static final int DEFAULT_PROBE_MS = 5000;

    private final EventLoopGroup group;
    private final SessionHost host;
    private final int maxMessage;

    Transport(SessionHost host, int threads, int maxMessage) {
        this.host = host;
        this.maxMessage = maxMessage;
        this.group = new MultiThreadIoEventLoopGroup(threads, new DefaultThreadFactory("ovsdb-io", true),
                EpollIoHandler.newFactory());
    }

    EventLoopGroup group() {
        return group;
    }

    private ChannelInitializer<Channel> initializer(String kind, SslContext ssl, int probeMs, ChannelGroup children) {
        return new ChannelInitializer<>() {
            @Override
            protected void initChannel(Channel ch) {
                if (children != null) {
                    children.add(ch);
                }
                if (ssl != null) {
                    ch.pipeline().addLast(ssl.newHandler(ch.alloc()));
                }
                if (probeMs > 0) {
                    ch.pipeline().addLast(new IdleStateHandler(probeMs, 0, 0, TimeUnit.MILLISECONDS));
                }
                ch.pipeline().addLast(new FrameDecoder(maxMessage), JsonRpcEncoder.INSTANCE,
                        new ChannelConnection(ch, host, ChannelConnection.describe(ch, kind)),
                        new ProtocolErrorHandler(LOG));
            }
        };
    }

    /** Listens on a passive remote; returns the listening channel. Accepted channels join {@code children}. */
    Channel listen(RemoteSpec spec, SslContext ssl, int probeMs, ChannelGroup children) throws IOException {
        try {
            if (spec.unix()) {
                Path p = Path.of(spec.path());
                Path parent = p.toAbsolutePath().getParent();
                if (parent != null) {
                    Files.createDirectories(parent);
                }
                Files.deleteIfExists(p);
                Channel ch = new ServerBootstrap().group(group).channel(EpollServerDomainSocketChannel.class)
                        .childHandler(initializer(null, null, 0, children))
                        .bind(new DomainSocketAddress(p.toString())).sync().channel();
                try {
                    Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxrwx---"));
                } catch (IOException | UnsupportedOperationException e) {
                    LOG.debug("{}: cannot set permissions: {}", p, e.toString());
                }
                return ch;
            }
            InetSocketAddress addr = spec.host().isEmpty() ? new InetSocketAddress(spec.port())
                    : new InetSocketAddress(spec.host(), spec.port());
            return new ServerBootstrap().group(group).channel(EpollServerSocketChannel.class)
                    .option(ChannelOption.SO_REUSEADDR, true)
                    .childOption(ChannelOption.TCP_NODELAY, true)
                    .childHandler(initializer(spec.kind().substring(1), ssl, probeMs, children))
                    .bind(addr).sync().channel();
        } catch (IOException e) {
            throw e;
        } catch (Exception e) {
            throw new IOException(spec + ": cannot listen: " + e.getMessage(), e);
        }
    }

    /** Starts connecting to an active remote; the future completes when connected or failed. */
    ChannelFuture connect(RemoteSpec spec, SslContext ssl, int probeMs) {
        Bootstrap b = new Bootstrap().group(group);
        if (spec.unix()) {
            return b.channel(EpollDomainSocketChannel.class).handler(initializer(null, null, 0, null))
                    .connect(new DomainSocketAddress(spec.path()));
        }
        return b.channel(EpollSocketChannel.class).option(ChannelOption.TCP_NODELAY, true)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, 10_000)
                .handler(initializer(spec.kind(), ssl, probeMs, null))
                .connect(new InetSocketAddress(spec.host(), spec.port()));
    }

    @Override
    public void close() {
        group.shutdownGracefully(0, 2, TimeUnit.SECONDS).awaitUninterruptibly(5, TimeUnit.SECONDS);
    }
}
