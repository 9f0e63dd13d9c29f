package org.jvswitch.ovsdb.client;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import org.jvswitch.jsonrpc.JsonRpcMapper;
import org.jvswitch.jsonrpc.JsonRpcMessage;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * A small OVSDB JSON-RPC client over {@code unix:PATH} or {@code tcp:IP:PORT}: requests may be
 * pipelined from any thread (each gets a future), notifications go to a callback, and the
 * server's {@code echo} probes are answered. Used by benchmarks and usable by the switch.
 *
 * <pre>{@code
 * try (OvsdbClient c = OvsdbClient.connect("unix:/var/run/openvswitch/db.sock", n -> {})) {
 *     ArrayNode result = c.transact("Open_vSwitch", op).join();
 * }
 * }</pre>
 *
 * <p>Threads: one reader thread per client ("ovsdb-client-reader") completes futures and runs
 * the callback, in the order the server sent; sends are serialized on the socket.
 */
public final class OvsdbClient implements AutoCloseable {

    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private final SocketChannel channel;
    private final OutputStream out;
    private final Consumer<JsonRpcMessage> notifications;
    private final Map<Long, CompletableFuture<JsonRpcMessage>> pending = new ConcurrentHashMap<>();
    private final AtomicLong nextId = new AtomicLong(1);
    private final Thread reader;
    private volatile boolean closed;

    private OvsdbClient(SocketChannel channel, Consumer<JsonRpcMessage> notifications) {
        this.channel = channel;
        this.out = Channels.newOutputStream(channel);
        this.notifications = notifications;
        this.reader = Thread.ofPlatform().name("ovsdb-client-reader").daemon(true).unstarted(this::readLoop);
        reader.start();
    }

    /** Connects to {@code remote} ({@code unix:PATH} or {@code tcp:IP:PORT}). */
    public static OvsdbClient connect(String remote, Consumer<JsonRpcMessage> notifications) throws IOException {
        SocketAddress addr;
        SocketChannel ch;
        if (remote.startsWith("unix:")) {
            ch = SocketChannel.open(StandardProtocolFamily.UNIX);
            addr = UnixDomainSocketAddress.of(remote.substring(5));
        } else if (remote.startsWith("tcp:")) {
            String hp = remote.substring(4);
            int c = hp.lastIndexOf(':');
            ch = SocketChannel.open();
            addr = new InetSocketAddress(hp.substring(0, c).replace("[", "").replace("]", ""),
                    Integer.parseInt(hp.substring(c + 1)));
        } else {
            throw new IOException(remote + ": expected unix:PATH or tcp:IP:PORT");
        }
        ch.connect(addr);
        return new OvsdbClient(ch, notifications);
    }

    /** Sends {@code method} with {@code params}; completes with the reply (or error reply). */
    public CompletableFuture<JsonRpcMessage> request(String method, ArrayNode params) {
        long id = nextId.getAndIncrement();
        CompletableFuture<JsonRpcMessage> f = new CompletableFuture<>();
        pending.put(id, f);
        try {
            send(JsonRpcMessage.request(method, params, id));
        } catch (IOException e) {
            pending.remove(id);
            f.completeExceptionally(e);
        }
        if (closed) {
            failAll(new IOException("connection closed"));
        }
        return f;
    }

    /** Runs a transaction; completes with the result array, or exceptionally on an error reply. */
    public CompletableFuture<ArrayNode> transact(String db, JsonNode... ops) {
        ArrayNode p = F.arrayNode(ops.length + 1);
        p.add(db);
        for (JsonNode op : ops) {
            p.add(op);
        }
        return request("transact", p).thenApply(r -> {
            if (r.type() != JsonRpcMessage.Type.REPLY) {
                throw new IllegalStateException("transact failed: " + r.error());
            }
            return (ArrayNode) r.result();
        });
    }

    private void send(JsonRpcMessage m) throws IOException {
        byte[] bytes = JsonRpcMapper.get().writeValueAsBytes(m.toJson());
        synchronized (out) {
            out.write(bytes);
        }
    }

    private void readLoop() {
        try (InputStream in = Channels.newInputStream(channel);
             JsonParser p = JsonRpcMapper.get().createParser(in)) {
            while (p.nextToken() != null) {
                JsonRpcMessage m = JsonRpcMessage.fromJson(JsonRpcMapper.get().readTree(p));
                switch (m.type()) {
                    case REPLY, ERROR -> {
                        CompletableFuture<JsonRpcMessage> f = m.id().canConvertToLong()
                                ? pending.remove(m.id().longValue()) : null;
                        if (f != null) {
                            f.complete(m);
                        }
                    }
                    case REQUEST -> {
                        if ("echo".equals(m.method())) {
                            send(JsonRpcMessage.reply(m.params(), m.id()));
                        }
                    }
                    default -> {
                        if (notifications != null) {
                            notifications.accept(m);
                        }
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            // connection gone
        } finally {
            closed = true;
            failAll(new IOException("connection closed"));
        }
    }

    private void failAll(IOException e) {
        for (Long id : pending.keySet()) {
            CompletableFuture<JsonRpcMessage> f = pending.remove(id);
            if (f != null) {
                f.completeExceptionally(e);
            }
        }
    }

    public boolean isClosed() {
        return closed;
    }

    @Override
    public void close() throws IOException {
        closed = true;
        channel.close();
        try {
            reader.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
