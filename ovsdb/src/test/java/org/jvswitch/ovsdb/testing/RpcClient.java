package org.jvswitch.ovsdb.testing;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import org.jvswitch.jsonrpc.JsonRpcMapper;
import org.jvswitch.jsonrpc.JsonRpcMessage;

import java.io.IOException;
import java.io.InputStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * A blocking JSON-RPC client for tests, over a unix socket: requests, replies, and the
 * notifications that arrive meanwhile (kept in order for the test to inspect). One per test
 * thread.
 */
public final class RpcClient implements AutoCloseable {

    private final SocketChannel channel;
    private JsonParser parser;
    private long nextId = 1;
    private final Deque<JsonRpcMessage> notifications = new ArrayDeque<>();

    private RpcClient(SocketChannel channel) {
        this.channel = channel;
    }

    public static RpcClient connect(Path socket) throws IOException {
        SocketChannel ch = SocketChannel.open(StandardProtocolFamily.UNIX);
        ch.connect(UnixDomainSocketAddress.of(socket));
        return new RpcClient(ch);
    }

    /** Sends a request and returns its reply; notifications received meanwhile are kept. */
    public JsonRpcMessage call(String method, JsonNode params) throws IOException {
        long id = nextId++;
        send(JsonRpcMessage.request(method, (ArrayNode) params, id));
        while (true) {
            JsonRpcMessage m = receive();
            if (m == null) {
                return null;
            }
            if (m.type() == JsonRpcMessage.Type.NOTIFY || m.type() == JsonRpcMessage.Type.REQUEST) {
                notifications.add(m);
            } else if (m.id().asLong() == id) {
                return m;
            }
        }
    }

    /** Parses {@code paramsJson} and calls {@code method}. */
    public JsonRpcMessage call(String method, String paramsJson) throws IOException {
        return call(method, JsonRpcMapper.get().readTree(paramsJson));
    }

    public void send(JsonRpcMessage m) throws IOException {
        sendRaw(m.toString());
    }

    public void sendRaw(String text) throws IOException {
        ByteBuffer buf = ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8));
        while (buf.hasRemaining()) {
            channel.write(buf);
        }
    }

    /** The next message; null if the server closed the connection. */
    public JsonRpcMessage receive() throws IOException {
        if (parser == null) {
            InputStream in = Channels.newInputStream(channel);
            parser = JsonRpcMapper.get().createParser(in);
        }
        try {
            if (parser.nextToken() == null) {
                return null;
            }
        } catch (IOException e) {
            return null;
        }
        JsonNode json = JsonRpcMapper.get().readTree(parser);
        return JsonRpcMessage.fromJson(json);
    }

    /** Notifications received so far (removed from the client). */
    public List<JsonRpcMessage> drainNotifications() {
        List<JsonRpcMessage> out = new ArrayList<>(notifications);
        notifications.clear();
        return out;
    }

    /** Waits up to {@code timeout} for a notification. */
    public JsonRpcMessage nextNotification(Duration timeout) throws IOException {
        if (!notifications.isEmpty()) {
            return notifications.poll();
        }
        channel.socket().setSoTimeout((int) timeout.toMillis());
        JsonRpcMessage m = receive();
        return m;
    }

    /** True if the server closes the connection within {@code timeout}. */
    public boolean closedByServer(Duration timeout) throws IOException {
        long deadline = System.nanoTime() + timeout.toNanos();
        channel.configureBlocking(false);
        ByteBuffer buf = ByteBuffer.allocate(4096);
        try {
            while (System.nanoTime() < deadline) {
                int n = channel.read(buf);
                if (n < 0) {
                    return true;
                }
                buf.clear();
                Thread.sleep(10);
            }
        } catch (IOException e) {
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            channel.configureBlocking(true);
        }
        return false;
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
