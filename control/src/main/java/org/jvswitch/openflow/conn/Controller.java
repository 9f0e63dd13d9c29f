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

    synchronized void start() {
        if (target.passive()) {
            try {
                listener = mgr.transport().listen(target, ssl, this::attach);
                state = "LISTENING";
            } catch (IOException e) {
                lastError = e.getMessage();
                LOG.warn("{}: {}", target, e.getMessage());
            }
        } else {
            connect();
        }
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

    synchronized ControllerStatus status() {
        Map<String, String> st = new LinkedHashMap<>();
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
