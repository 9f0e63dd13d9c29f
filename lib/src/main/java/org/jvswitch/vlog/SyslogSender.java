package org.jvswitch.vlog;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.epoll.EpollDatagramChannel;
import io.netty.channel.epoll.EpollDomainDatagramChannel;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.socket.DatagramPacket;
import io.netty.channel.unix.DomainDatagramPacket;
import io.netty.channel.unix.DomainSocketAddress;
import io.netty.util.concurrent.DefaultThreadFactory;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Sends syslog datagrams without ever blocking the thread that logs: to a remote UDP target
 * ({@code --syslog-target}) or to the local syslog socket ({@code /dev/log}, AF_UNIX datagram).
 *
 * <p>How: an unconnected Netty epoll datagram channel on a private one-thread event loop
 * ("vlog-syslog"). {@link #send} only queues the write; at most {@link #MAX_PENDING} datagrams
 * wait at a time and further ones are dropped and counted (a dead syslog daemon must not eat
 * the heap). Being unconnected, a restarted syslog daemon or an unreachable host costs the
 * datagrams sent meanwhile, never the channel.
 *
 * <p>Threads: {@link #send} from any thread; {@link #close} from a control thread.
 */
final class SyslogSender implements AutoCloseable {

    /** Most datagrams queued and not yet written before new ones are dropped. */
    static final int MAX_PENDING = 1024;

    private final EventLoopGroup group;
    private final Channel channel;
    private final SocketAddress target;
    private final String description;
    /** Datagrams queued and not yet written; any thread. */
    private final AtomicInteger pending = new AtomicInteger();
    /** Datagrams dropped because the queue was full or the write failed; any thread. */
    private final AtomicLong dropped = new AtomicLong();

    // DATAGRAM_CHANNEL_ACTIVE_ON_REGISTRATION is deprecated in Netty 4.2 without a replacement;
    // it is the only way to make an unbound, unconnected datagram channel writable, and
    // connecting instead would tie the channel to one incarnation of the syslog daemon.
    @SuppressWarnings("deprecation")
    private SyslogSender(SocketAddress target, boolean unix, String description) throws IOException {
        this.target = target;
        this.description = description;
        this.group = new MultiThreadIoEventLoopGroup(1,
                new DefaultThreadFactory("vlog-syslog", true), EpollIoHandler.newFactory());
        try {
            this.channel = new Bootstrap()
                    .group(group)
                    .channel(unix ? EpollDomainDatagramChannel.class : EpollDatagramChannel.class)
                    .option(ChannelOption.DATAGRAM_CHANNEL_ACTIVE_ON_REGISTRATION, true)
                    .handler(new ChannelInboundHandlerAdapter())
                    .register().sync().channel();
        } catch (Exception | LinkageError e) {
            shutdownGroup();
            throw new IOException("cannot open syslog socket for " + description + ": " + e, e);
        }
    }

    /** Sends to a remote syslog daemon over UDP. */
    static SyslogSender udp(InetSocketAddress target) throws IOException {
        InetSocketAddress resolved = target.isUnresolved()
                ? new InetSocketAddress(target.getHostString(), target.getPort()) : target;
        if (resolved.isUnresolved()) {
            throw new IOException("cannot resolve syslog target " + target.getHostString());
        }
        return new SyslogSender(resolved, false, "udp:" + target.getHostString() + ":" + target.getPort());
    }

    /** Sends to a local AF_UNIX datagram socket such as {@code /dev/log}. */
    static SyslogSender unix(Path socket) throws IOException {
        return new SyslogSender(new DomainSocketAddress(socket.toString()), true, socket.toString());
    }

    /** Where datagrams go, for listings: "/dev/log" or "udp:HOST:PORT". */
    String description() {
        return description;
    }

    /** Queues one datagram; drops it if too many are waiting. Never blocks. */
    void send(byte[] datagram) {
        if (pending.incrementAndGet() > MAX_PENDING || !channel.isActive()) {
            pending.decrementAndGet();
            dropped.incrementAndGet();
            return;
        }
        Object packet = target instanceof DomainSocketAddress d
                ? new DomainDatagramPacket(Unpooled.wrappedBuffer(datagram), d)
                : new DatagramPacket(Unpooled.wrappedBuffer(datagram), (InetSocketAddress) target);
        channel.writeAndFlush(packet).addListener((ChannelFutureListener) f -> {
            pending.decrementAndGet();
            if (!f.isSuccess()) {
                dropped.incrementAndGet();
            }
        });
    }

    /** Datagrams dropped so far. */
    long dropped() {
        return dropped.get();
    }

    /** Closes the socket and stops the event loop thread, waiting briefly for queued sends. */
    @Override
    public void close() {
        channel.close().awaitUninterruptibly(1, TimeUnit.SECONDS);
        shutdownGroup();
    }

    private void shutdownGroup() {
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).awaitUninterruptibly(5, TimeUnit.SECONDS);
    }
}
