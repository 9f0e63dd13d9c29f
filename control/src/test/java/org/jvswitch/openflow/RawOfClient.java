package org.jvswitch.openflow;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;
import org.projectfloodlight.openflow.protocol.OFFactories;
import org.projectfloodlight.openflow.protocol.OFMessage;

/**
 * A bare OpenFlow peer for tests: raw bytes or openflowj messages over a unix or TCP socket,
 * replies read with a timeout. It answers nothing by itself.
 */
final class RawOfClient implements AutoCloseable {
    private final SocketChannel ch;
    private final Selector sel;

    private RawOfClient(SocketChannel ch) throws IOException {
        this.ch = ch;
        ch.configureBlocking(false);
        sel = Selector.open();
        ch.register(sel, SelectionKey.OP_READ);
    }

    static RawOfClient unix(Path p) throws IOException {
        SocketChannel c = SocketChannel.open(StandardProtocolFamily.UNIX);
        c.connect(UnixDomainSocketAddress.of(p));
        return new RawOfClient(c);
    }

    static RawOfClient tcp(int port) throws IOException {
        SocketAddress a = new InetSocketAddress("127.0.0.1", port);
        return new RawOfClient(SocketChannel.open(a));
    }

    /** Wraps an accepted channel (a test playing controller for an active connection). */
    static RawOfClient of(SocketChannel accepted) throws IOException {
        return new RawOfClient(accepted);
    }

    void send(byte[] bytes) throws IOException {
        ByteBuffer b = ByteBuffer.wrap(bytes);
        while (b.hasRemaining()) {
            ch.write(b);
        }
    }

    void send(OFMessage m) throws IOException {
        ByteBuf b = Unpooled.buffer();
        m.writeTo(b);
        byte[] a = new byte[b.readableBytes()];
        b.readBytes(a);
        send(a);
    }

    /** The next whole message's bytes, or null if none comes within {@code ms}. */
    byte[] receive(long ms) throws IOException {
        ByteBuffer head = ByteBuffer.allocate(8);
        if (!fill(head, ms)) {
            return null;
        }
        int len = head.getShort(2) & 0xffff;
        ByteBuffer all = ByteBuffer.allocate(len);
        all.put(head.array());
        if (!fill(all, ms)) {
            throw new IOException("truncated message");
        }
        return all.array();
    }

    /** The next message as openflowj reads it. */
    OFMessage receiveMessage(long ms) throws Exception {
        byte[] m = receive(ms);
        return m == null ? null : OFFactories.getGenericReader().readFrom(Unpooled.wrappedBuffer(m));
    }

    /** The next message of {@code type}, skipping others (echo requests are answered). */
    byte[] receiveType(int type, long ms) throws IOException {
        long end = System.currentTimeMillis() + ms;
        while (System.currentTimeMillis() < end) {
            byte[] m = receive(Math.max(1, end - System.currentTimeMillis()));
            if (m == null) {
                return null;
            }
            if ((m[1] & 0xff) == type) {
                return m;
            }
            if (m[1] == 2) {
                byte[] r = m.clone();
                r[1] = 3;
                send(r);
            }
        }
        return null;
    }

    private boolean fill(ByteBuffer b, long ms) throws IOException {
        long end = System.currentTimeMillis() + ms;
        while (b.hasRemaining()) {
            long left = end - System.currentTimeMillis();
            if (left <= 0) {
                return false;
            }
            sel.select(left);
            sel.selectedKeys().clear();
            if (ch.read(b) < 0) {
                return false;
            }
        }
        return true;
    }

    @Override
    public void close() throws IOException {
        sel.close();
        ch.close();
    }
}
