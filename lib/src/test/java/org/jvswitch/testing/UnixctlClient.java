package org.jvswitch.testing;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
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

/**
 * A plain-Java unixctl client for tests that need more than {@code ovs-appctl} offers: raw
 * bytes, non-string arguments, several requests on one connection, a client that vanishes.
 * Blocking; one instance per test thread.
 */
public final class UnixctlClient implements AutoCloseable {

    private final SocketChannel channel;
    /** Created on first read: Jackson reads ahead when a parser is created. */
    private JsonParser parser;
    private long nextId = 1;

    private UnixctlClient(SocketChannel channel) {
        this.channel = channel;
    }

    /** Connects to the unixctl socket at {@code socket}. */
    public static UnixctlClient connect(Path socket) throws IOException {
        SocketChannel ch = SocketChannel.open(StandardProtocolFamily.UNIX);
        ch.connect(UnixDomainSocketAddress.of(socket));
        return new UnixctlClient(ch);
    }

    /** Sends a request with string arguments and returns the reply (or error reply). */
    public JsonRpcMessage call(String method, String... args) throws IOException {
        ArrayNode params = JsonNodeFactory.instance.arrayNode();
        for (String a : args) {
            params.add(a);
        }
        return call(method, params);
    }

    /** Sends a request with arbitrary parameters and returns the reply. */
    public JsonRpcMessage call(String method, ArrayNode params) throws IOException {
        send(JsonRpcMessage.request(method, params, nextId++));
        return receive();
    }

    /** Writes one message. */
    public void send(JsonRpcMessage msg) throws IOException {
        sendRaw(msg.toString());
    }

    /** Writes raw text, for malformed-input tests. */
    public void sendRaw(String text) throws IOException {
        ByteBuffer buf = ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8));
        while (buf.hasRemaining()) {
            channel.write(buf);
        }
    }

    /** Reads the next message; null if the server closed the connection. */
    public JsonRpcMessage receive() throws IOException {
        if (parser == null) {
            InputStream in = Channels.newInputStream(channel);
            parser = JsonRpcMapper.get().createParser(in);
        }
        if (parser.nextToken() == null) {
            return null;
        }
        JsonNode json = JsonRpcMapper.get().readTree(parser);
        return JsonRpcMessage.fromJson(json);
    }

    /** True if the server closes the connection within {@code timeout} (reading nothing). */
    public boolean closedByServer(Duration timeout) throws IOException {
        long deadline = System.nanoTime() + timeout.toNanos();
        channel.configureBlocking(false);
        ByteBuffer buf = ByteBuffer.allocate(256);
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
            return true;  // reset by peer
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            channel.configureBlocking(true);
        }
        return false;
    }

    @Override
    public void close() throws IOException {
        if (parser != null) {
            parser.close();
        }
        channel.close();
    }
}
