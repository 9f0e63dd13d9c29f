package org.jvswitch.vlog;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.epoll.EpollDomainDatagramChannel;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.unix.DomainDatagramPacket;
import io.netty.channel.unix.DomainSocketAddress;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.jvswitch.testing.TempRunDir;
import org.slf4j.Logger;

import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SyslogTest {

    private static final Logger LOG = Vlog.module("syslog_test");
    private static final String PID = Long.toString(ProcessHandle.current().pid());

    @AfterEach
    void reset() {
        Vlog.reset();
        Vlog.setProgramName("jvswitch");
    }

    @Test
    void remoteTargetGetsRfc3164Datagrams() throws Exception {
        try (DatagramSocket server = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            server.setSoTimeout(5000);
            Vlog.setProgramName("ovs-vswitchd");
            Vlog.openSyslog(new InetSocketAddress("127.0.0.1", server.getLocalPort()));
            Vlog.set("syslog_test:syslog:warn");
            LOG.info("not sent: below the syslog level");
            LOG.warn("port {} is down", "eth0");

            byte[] buf = new byte[2048];
            DatagramPacket p = new DatagramPacket(buf, buf.length);
            server.receive(p);
            String msg = new String(p.getData(), 0, p.getLength(), StandardCharsets.UTF_8);
            // <daemon*8 + warning(4)>Mmm dd hh:mm:ss HOST ovs-vswitchd[PID]: ovs|N|module|WARN|text
            assertTrue(msg.matches("<28>[A-Z][a-z]{2} [ \\d]\\d \\d\\d:\\d\\d:\\d\\d \\S+ ovs-vswitchd\\["
                    + PID + "\\]: ovs\\|\\d{5}\\|syslog_test(\\(.+\\))?\\|WARN\\|port eth0 is down"), msg);
            assertTrue(Vlog.listPatterns().contains("syslog   <%B>%d{%b %e %H:%M:%S} %E %A[%P]: "));
            Vlog.closeSyslog();
        }
    }

    @Test
    void localSocketGetsDatagramsWithoutHostName() throws Exception {
        BlockingQueue<String> received = new LinkedBlockingQueue<>();
        EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, EpollIoHandler.newFactory());
        try (TempRunDir dir = TempRunDir.create()) {
            Path socket = dir.resolve("log");
            Channel ch = new Bootstrap().group(group).channel(EpollDomainDatagramChannel.class)
                    .handler(new SimpleChannelInboundHandler<DomainDatagramPacket>() {
                        @Override
                        protected void channelRead0(ChannelHandlerContext ctx, DomainDatagramPacket p) {
                            received.add(p.content().toString(StandardCharsets.UTF_8));
                        }
                    })
                    .bind(new DomainSocketAddress(socket.toString())).sync().channel();
            Vlog.openSyslog(socket);
            LOG.error("disk full");
            String msg = received.poll(5, TimeUnit.SECONDS);
            assertNotNull(msg);
            // <daemon*8 + err(3)>Mmm dd hh:mm:ss jvswitch[PID]: ...
            assertTrue(msg.matches("<27>[A-Z][a-z]{2} [ \\d]\\d \\d\\d:\\d\\d:\\d\\d jvswitch\\[" + PID
                    + "\\]: ovs\\|\\d{5}\\|syslog_test(\\(.+\\))?\\|ERR\\|disk full"), msg);
            Vlog.closeSyslog();
            ch.close().sync();
        } finally {
            group.shutdownGracefully(0, 1, TimeUnit.SECONDS).sync();
        }
    }

    @Test
    void facilityChangesPri() throws Exception {
        try (DatagramSocket server = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            server.setSoTimeout(5000);
            Vlog.openSyslog(new InetSocketAddress("127.0.0.1", server.getLocalPort()));
            Vlog.set("FACILITY:local7");
            LOG.info("x");
            byte[] buf = new byte[2048];
            DatagramPacket p = new DatagramPacket(buf, buf.length);
            server.receive(p);
            // local7 (23) * 8 + notice (5)
            assertEquals("<189>", new String(p.getData(), 0, 5, StandardCharsets.US_ASCII));
            Vlog.closeSyslog();
        }
    }
}
