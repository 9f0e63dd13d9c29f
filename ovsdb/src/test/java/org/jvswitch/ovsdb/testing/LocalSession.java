package org.jvswitch.ovsdb.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import org.jvswitch.jsonrpc.JsonRpcMapper;
import org.jvswitch.jsonrpc.JsonRpcMessage;
import org.jvswitch.ovsdb.server.LocalClient;
import org.jvswitch.ovsdb.server.OvsdbServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** An in-process client for tests, with its notifications in a queue and JSON given as text. */
public final class LocalSession implements AutoCloseable {

    private final LinkedBlockingQueue<JsonRpcMessage> notes = new LinkedBlockingQueue<>();
    private final LocalClient client;

    public LocalSession(OvsdbServer server) {
        this.client = server.connect(notes::add);
    }

    public static JsonNode json(String s) {
        try {
            return JsonRpcMapper.get().readTree(s);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Sends a request and waits for its reply. */
    public JsonRpcMessage call(String method, String params) {
        return async(method, params).join();
    }

    public CompletableFuture<JsonRpcMessage> async(String method, String params) {
        return client.request(method, (ArrayNode) json(params)).orTimeout(20, TimeUnit.SECONDS);
    }

    public void notify(String method, String params) {
        client.notify(method, (ArrayNode) json(params));
    }

    /** The next notification, waiting up to 5 s; null if none came. */
    public JsonRpcMessage note() throws InterruptedException {
        return notes.poll(5, TimeUnit.SECONDS);
    }

    /** The next notification if one comes within {@code ms}. */
    public JsonRpcMessage note(long ms) throws InterruptedException {
        return notes.poll(ms, TimeUnit.MILLISECONDS);
    }

    public LocalClient client() {
        return client;
    }

    @Override
    public void close() {
        client.close();
    }
}
