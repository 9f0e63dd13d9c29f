package org.jvswitch.openflow.conn;

import io.netty.channel.Channel;
import io.netty.handler.ssl.SslContext;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.jvswitch.openflow.ControllerConfig;
import org.jvswitch.openflow.ControllerStatus;
import org.jvswitch.vlog.Vlog;
import org.slf4j.Logger;

/**
 * One Controller row's connection(s) (Open vSwitch's rconn for active targets, pvconn for
 * passive ones). Active targets connect, and reconnect after a failure or a disconnection with
 * exponential backoff (1 s doubling up to max_backoff); passive targets listen and every
 * accepted connection is a controller connection.
 *
 * <p>Threads: state changes under this object's lock, from the event loop and the configuration
 * thread.
 */
final class Controller {
    private static final Logger LOG = Vlog.module("rconn");

    private final ConnManager mgr;
    private final ControllerConfig cfg;
    private final OfTarget target;
    private final SslContext ssl;
    private final Set<Integer> versions;
    private String state = "VOID";
    private String lastError;
    private long backoffMs;
    private long lastConnectedMs = -1;
    private long lastDisconnectedMs = -1;
    private OfConnection active;
    private Channel listener;
    private boolean closed;

    Controller(ConnManager mgr, ControllerConfig cfg, SslContext ssl, Set<Integer> versions) {
        this.mgr = mgr;
        this.cfg = cfg;
        this.target = OfTarget.parse(cfg.target());
        this.ssl = ssl;
        this.versions = versions;
        if ("in-band".equals(cfg.connectionMode())) {
            LOG.warn("{}: in-band control is not supported, connecting out-of-band", cfg.target());
        }
    }

    ControllerConfig config() {
        return cfg;
    }

    /**
     * Starts listening or connecting; returns at once (the caller may hold the connection
     * manager's lock, which event loop tasks take: waiting here for a bind would deadlock).
     */
    synchronized void start() {
        if (target.passive()) {
            state = "LISTENING";
            try {
                io.netty.channel.ChannelFuture f = mgr.transport().bind(target, ssl, this::attach);
                f.addListener(done -> bound(f));
            } catch (IOException e) {
                listenFailed(e.getMessage());
            }
        } else {
            connect();
        }
    }

    private synchronized void bound(io.netty.channel.ChannelFuture f) {
        if (!f.isSuccess()) {
            listenFailed(target + ": cannot listen: " + (f.cause() == null ? "bind failed" : f.cause().getMessage()));
        } else if (closed) {
            f.channel().close();
        } else {
            listener = f.channel();
        }
    }

    private void listenFailed(String error) {
        lastError = error;
        state = "VOID";
        LOG.warn("{}: {}", target, error);
    }

    private synchronized void connect() {
        if (closed) {
            return;
        }
        state = "CONNECTING";
        mgr.transport().connect(target, ssl, this::attach).addListener(f -> {
            if (!f.isSuccess()) {
                failed(f.cause() == null ? "connection failed" : f.cause().getMessage());
            }
        });
    }

    private void attach(Channel ch) {
        OfConnection c = new OfConnection(mgr, ch, OfConnection.Kind.PRIMARY, mgr.bridgeName() + "<->" + target,
                versions, cfg.inactivityProbeMs(), new PinLimiter(cfg.rateLimit(), cfg.burstLimit(), System.nanoTime()),
                cfg.enableAsyncMessages());
        c.setOwner(this);
    }

    synchronized void up(OfConnection c) {
        active = c;
        state = "ACTIVE";
        backoffMs = 0;
        lastConnectedMs = System.currentTimeMillis();
    }

    synchronized void down(OfConnection c) {
        if (active == c) {
            active = null;
        }
        lastDisconnectedMs = System.currentTimeMillis();
        if (!target.passive()) {
            failed(null);
        }
    }

    synchronized void error(String e) {
        lastError = e;
    }

    private synchronized void failed(String error) {
        if (error != null) {
            lastError = error;
            LOG.info("{}: connection failed ({})", target, error);
        }
        if (closed) {
            return;
        }
        backoffMs = backoffMs == 0 ? 1000 : Math.min(cfg.maxBackoffMs(), backoffMs * 2);
        state = "BACKOFF";
        mgr.transport().schedule(this::connect, backoffMs);
    }

    synchronized boolean connected() {
        return active != null && active.active();
    }

    synchronized void close() {
        closed = true;
        if (listener != null) {
            listener.close();
        }
        if (active != null) {
            active.close();
        }
        state = "VOID";
    }

    /**
     * The Controller row's status. A passive target may have several connections: the row shows
     * the master if one is connected, else the latest to connect.
     */
    synchronized ControllerStatus status() {
        Map<String, String> st = new LinkedHashMap<>();
        OfConnection active = this.active;
        if (target.passive()) {
            for (OfConnection c : mgr.connections()) {
                if (c.owner() == this && c.role() == OfConnection.Role.MASTER) {
                    active = c;
                }
            }
        }
        boolean up = active != null && active.active();
        st.put("state", up ? "ACTIVE" : state);
        if (lastError != null) {
            st.put("last_error", lastError);
        }
        long now = System.currentTimeMillis();
        if (lastConnectedMs >= 0) {
            st.put("sec_since_connect", Long.toString((now - lastConnectedMs) / 1000));
        }
        if (lastDisconnectedMs >= 0) {
            st.put("sec_since_disconnect", Long.toString((now - lastDisconnectedMs) / 1000));
        }
        String role = !up ? "other" : switch (active.role()) {
            case MASTER -> "master";
            case SLAVE -> "slave";
            case EQUAL -> "other";
        };
        return new ControllerStatus(cfg.target(), up, role, st);
    }
}
