package org.jvswitch.ovsdb.server;

import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.handler.ssl.SslContext;
import org.jvswitch.vlog.Vlog;
import org.slf4j.Logger;

import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * An active remote ({@code tcp:}, {@code ssl:}, {@code unix:}): connects out, serves the
 * connection as any client's, and when it fails or drops tries again after a backoff that
 * doubles from one second up to the remote's maximum (OVS's reconnect behaviour).
 *
 * <p>Threads: callbacks on Netty's event loop; {@link #close} from any thread.
 */
final class Connector implements AutoCloseable {

    private static final Logger LOG = Vlog.module("reconnect");

    private final Transport transport;
    private final RemoteTarget target;
    private final SslContext ssl;
    /** Told true when connected, false when the connection is lost. */
    private final Consumer<Boolean> state;
    private volatile boolean closed;
    private volatile Channel channel;
    private long backoffMs = 1000;

    Connector(Transport transport, RemoteTarget target, SslContext ssl, Consumer<Boolean> state) {
        this.transport = transport;
        this.target = target;
        this.ssl = ssl;
        this.state = state;
    }

    void start() {
        attempt();
    }

    private void attempt() {
        if (closed) {
            return;
        }
        LOG.info("{}: connecting...", target.spec());
        ChannelFuture f = transport.connect(target.spec(), ssl, target.probeMs());
        f.addListener(done -> {
            if (!f.isSuccess()) {
                LOG.info("{}: connection attempt failed ({}), retrying in {} ms", target.spec(),
                        f.cause() != null ? f.cause().getMessage() : "unknown", backoffMs);
                retry();
                return;
            }
            channel = f.channel();
            backoffMs = 1000;
            LOG.info("{}: connected", target.spec());
            state.accept(true);
            channel.closeFuture().addListener(c -> {
                state.accept(false);
                if (!closed) {
                    LOG.info("{}: connection closed, reconnecting in {} ms", target.spec(), backoffMs);
                    retry();
                }
            });
            if (closed) {
                channel.close();
            }
        });
    }

    private void retry() {
        if (closed) {
            return;
        }
        long delay = backoffMs;
        backoffMs = Math.min(backoffMs * 2, Math.max(1000, target.maxBackoffMs()));
        transport.group().schedule(this::attempt, delay, TimeUnit.MILLISECONDS);
    }

    boolean connected() {
        Channel c = channel;
        return c != null && c.isActive();
    }

    @Override
    public void close() {
        closed = true;
        Channel c = channel;
        if (c != null) {
            c.close();
        }
    }
}
