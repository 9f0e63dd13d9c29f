package org.jvswitch.ovsdb.server;

import org.jvswitch.jsonrpc.JsonRpcMessage;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * An in-process connection: the server's messages are delivered to a callback on a thread of the
 * connection's own ("ovsdb-local-N"), in order, with no socket and no JSON text in between.
 * Used by {@link LocalClient}.
 */
final class LocalConnection implements Connection {

    private static final AtomicInteger NEXT = new AtomicInteger(1);

    private final String name = "local#" + NEXT.getAndIncrement();
    private final ExecutorService executor = Executors.newSingleThreadExecutor(
            r -> Thread.ofPlatform().name("ovsdb-" + name.replace('#', '-')).daemon(true).unstarted(r));
    private final Consumer<JsonRpcMessage> inbox;
    private final Runnable onClose;
    private volatile boolean open = true;

    LocalConnection(Consumer<JsonRpcMessage> inbox, Runnable onClose) {
        this.inbox = inbox;
        this.onClose = onClose;
    }

    @Override
    public void send(JsonRpcMessage message) {
        if (open) {
            executor.execute(() -> inbox.accept(message));
        }
    }

    @Override
    public ExecutorService executor() {
        return executor;
    }

    @Override
    public boolean isOpen() {
        return open;
    }

    @Override
    public void close() {
        if (open) {
            open = false;
            onClose.run();
            executor.shutdown();
        }
    }

    @Override
    public String name() {
        return name;
    }
}
