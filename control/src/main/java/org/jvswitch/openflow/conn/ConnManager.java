package org.jvswitch.openflow.conn;

import io.netty.channel.Channel;
import io.netty.handler.ssl.SslContext;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jvswitch.coverage.Coverage;
import org.jvswitch.coverage.CoverageCounter;
import org.jvswitch.ofproto.FlowMod;
import org.jvswitch.ofproto.OfAction;
import org.jvswitch.ofproto.OfError;
import org.jvswitch.ofproto.OfKey;
import org.jvswitch.ofproto.OfPort;
import org.jvswitch.ofproto.OfRule;
import org.jvswitch.ofproto.Ofproto;
import org.jvswitch.ofproto.PacketInSink;
import org.jvswitch.openflow.BridgeOfConfig;
import org.jvswitch.openflow.ControllerConfig;
import org.jvswitch.openflow.ControllerStatus;
import org.jvswitch.openflow.OfDatapath;
import org.jvswitch.openflow.codec.FlowRemovedCodec;
import org.jvswitch.openflow.codec.PacketCodec;
import org.jvswitch.vlog.Vlog;
import org.jvswitch.vlog.VlogRateLimiter;
import org.slf4j.Logger;

/**
 * One bridge's OpenFlow connections (Open vSwitch's connmgr): the {@code <bridge>.mgmt} socket
 * for ovs-ofctl, the controllers of its Controller rows, and what OpenFlow says across them:
 * roles and generation ids, asynchronous messages (it is the bridge's {@link PacketInSink}),
 * port-status, and fail mode.
 *
 * <p>Fail mode: a standalone bridge with no controller gets the flow {@code priority=0
 * actions=NORMAL} when it is created (and when its fail mode changes); a standalone bridge whose
 * controllers have all been unreachable for three inactivity probes falls back to NORMAL through
 * a hidden fail-open flow (priority 0xf0f0f0, invisible to OpenFlow) until one connects. A
 * secure bridge keeps its flows and waits.
 *
 * <p>Threads: configuration from the bridge layer's thread, connection events on the event
 * loop, async messages from upcall handlers and revalidators; connections are a concurrent set,
 * everything else is guarded by this object's lock.
 */
public final class ConnManager implements PacketInSink {
    private static final Logger LOG = Vlog.module("connmgr");
    private static final VlogRateLimiter FAILURES = new VlogRateLimiter(5, 10);
    private static final CoverageCounter PACKET_IN_SENT = Coverage.counter("connmgr_packet_in");
    private static final CoverageCounter PACKET_IN_LIMITED = Coverage.counter("connmgr_packet_in_rate_limited");
    public static final int FAIL_OPEN_PRIORITY = 0xf0f0f0;

    private final Ofproto bridge;
    private final OfTransport transport;
    private final OfDatapath datapath;
    private final OfConnection.Handler handler;
    private final Set<OfConnection> conns = ConcurrentHashMap.newKeySet();
    private final Map<String, Controller> controllers = new LinkedHashMap<>();
    private final long createdMillis = System.currentTimeMillis();
    private volatile BridgeOfConfig config;
    private Channel mgmt;
    private long generationId;
    private boolean generationIdDefined;
    private boolean failOpen;
    private long lastPrimaryMillis = System.currentTimeMillis();
    private boolean closed;

    public ConnManager(Ofproto bridge, OfTransport transport, OfDatapath datapath, OfConnection.Handler handler,
                       BridgeOfConfig config) {
        this.bridge = bridge;
        this.transport = transport;
        this.datapath = datapath;
        this.handler = handler;
        this.config = config;
        bridge.setSink(this);
        bridge.meters().setDatapath(datapath.meters());
        if (config.standalone() && config.controllers().isEmpty()) {
            addNormalFlow();
        }
    }

    public Ofproto bridge() {
        return bridge;
    }

    public String bridgeName() {
        return bridge.name();
    }

    public OfDatapath datapath() {
        return datapath;
    }

    OfConnection.Handler handler() {
        return handler;
    }

    OfTransport transport() {
        return transport;
    }

    public BridgeOfConfig config() {
        return config;
    }

    /** Every connection that finished its hello. */
    public List<OfConnection> connections() {
        return conns.stream().filter(OfConnection::active).toList();
    }

    /**
     * Listens on the bridge's management socket ({@code <rundir>/<bridge>.mgmt}). Waits for the
     * bind without this manager's lock: event loop tasks ({@link #tick}) take it.
     */
    public void listenMgmt(Path socket) throws IOException {
        Channel ch = transport.listen(OfTarget.parse("punix:" + socket), null, c -> new OfConnection(this, c,
                OfConnection.Kind.SERVICE, bridge.name() + "<->" + "unix#mgmt", config.versions(), 0,
                new PinLimiter(0, 0, 0), true));
        synchronized (this) {
            mgmt = ch;
        }
    }

    // ---- configuration ----

    /**
     * The TLS context a controller connects or listens with: none for tcp:/unix:, a client one
     * for ssl:, a server one for pssl:. An ssl target with no usable SSL table throws
     * {@link SslUnavailable}: the controller stays down with the reason in its status; it never
     * falls back to plain TCP.
     */
    private SslContext sslFor(ControllerConfig c, BridgeOfConfig cfg) throws SslUnavailable {
        OfTarget t = OfTarget.parse(c.target());
        if (!t.ssl()) {
            return null;
        }
        if (cfg.ssl() == null) {
            throw new SslUnavailable("SSL is not configured (ovs-vsctl set-ssl PRIVATE-KEY CERTIFICATE CA-CERT)");
        }
        try {
            return t.passive() ? cfg.ssl().serverContext() : cfg.ssl().clientContext();
        } catch (IOException e) {
            throw new SslUnavailable(e.getMessage());
        }
    }

    /** An ssl:/pssl: controller that cannot have its TLS context. */
    private static final class SslUnavailable extends Exception {
        SslUnavailable(String message) {
            super(message, null, false, false);
        }
    }

    /** Applies a new configuration: controllers added, removed or changed reconnect; fail mode. */
    public synchronized void configure(BridgeOfConfig next) {
        BridgeOfConfig prev = config;
        config = next;
        Map<String, ControllerConfig> wanted = new LinkedHashMap<>();
        for (ControllerConfig c : next.controllers()) {
            wanted.put(c.target(), c);
        }
        // Other protocols or other TLS files: every controller connects again.
        boolean reconnectAll = !prev.versions().equals(next.versions())
                || !java.util.Objects.equals(prev.ssl(), next.ssl());
        for (var it = controllers.entrySet().iterator(); it.hasNext();) {
            var e = it.next();
            if (!e.getValue().config().equals(wanted.get(e.getKey())) || reconnectAll) {
                e.getValue().close();
                it.remove();
            }
        }
        for (ControllerConfig c : wanted.values()) {
            if (!controllers.containsKey(c.target())) {
                try {
                    SslContext ssl = null;
                    String sslError = null;
                    try {
                        ssl = sslFor(c, next);
                    } catch (SslUnavailable e) {
                        sslError = e.getMessage();
                        LOG.warn("{}: controller {}: {}", bridge.name(), c.target(), sslError);
                    }
                    Controller ctl = new Controller(this, c, ssl, next.versions());
                    controllers.put(c.target(), ctl);
                    if (sslError == null) {
                        ctl.start();
                    } else {
                        ctl.error(sslError);
                    }
                } catch (IllegalArgumentException e) {
                    LOG.warn("{}: controller {}: {}", bridge.name(), c.target(), e.getMessage());
                }
            }
        }
        boolean had = !prev.controllers().isEmpty();
        boolean has = !next.controllers().isEmpty();
        if (had != has || prev.standalone() != next.standalone() && !has) {
            // As OVS: gaining the first controller or losing the last, or a fail-mode change with no
            // controllers, flushes the flows; then a standalone bridge without controllers gets NORMAL.
            bridge.flowMod(new FlowMod(FlowMod.Command.DELETE, FlowMod.ALL_TABLES, new long[OfKey.WORDS],
                    new long[OfKey.WORDS], 0, 0, 0, 0, 0, 0, 0, OfKey.OFPP_ANY, FlowMod.ANY_GROUP, List.of()),
                    System.currentTimeMillis());
            if (next.standalone() && !has) {
                addNormalFlow();
            }
        }
        if (!next.standalone() || next.controllers().isEmpty()) {
            setFailOpen(false);
        }
    }

    private void addNormalFlow() {
        bridge.flowMod(new FlowMod(FlowMod.Command.ADD, 0, new long[OfKey.WORDS], new long[OfKey.WORDS], 0, 0, 0, 0, 0,
                0, 0, OfKey.OFPP_ANY, FlowMod.ANY_GROUP, List.of(new OfAction.Output(OfKey.OFPP_NORMAL))),
                System.currentTimeMillis());
    }

    /** Once a second: the fail-open check. */
    public synchronized void tick(long nowMillis) {
        BridgeOfConfig c = config;
        if (!c.standalone() || c.controllers().isEmpty() || closed) {
            return;
        }
        boolean anyUp = conns.stream().anyMatch(x -> x.active() && x.kind() == OfConnection.Kind.PRIMARY);
        if (anyUp) {
            lastPrimaryMillis = nowMillis;
            setFailOpen(false);
            return;
        }
        long probe = c.controllers().stream().mapToLong(ControllerConfig::inactivityProbeMs).max().orElse(5000);
        long trigger = Math.max(3 * (probe > 0 ? probe : 5000), 1000);
        if (nowMillis - lastPrimaryMillis >= trigger) {
            setFailOpen(true);
        }
    }

    private void setFailOpen(boolean on) {
        if (on == failOpen) {
            return;
        }
        failOpen = on;
        FlowMod fm = new FlowMod(on ? FlowMod.Command.ADD : FlowMod.Command.DELETE_STRICT, 0, new long[OfKey.WORDS],
                new long[OfKey.WORDS], FAIL_OPEN_PRIORITY, 0, 0, 0, 0, 0, 0, OfKey.OFPP_ANY, FlowMod.ANY_GROUP,
                List.of(new OfAction.Output(OfKey.OFPP_NORMAL)));
        bridge.flowMod(fm, System.currentTimeMillis());
        LOG.info("{}: {} fail-open mode", bridge.name(), on ? "entering" : "leaving");
    }

    public synchronized boolean failOpen() {
        return failOpen;
    }

    public synchronized List<ControllerStatus> controllerStatus() {
        List<ControllerStatus> out = new ArrayList<>();
        for (Controller c : controllers.values()) {
            out.add(c.status());
        }
        return out;
    }

    public synchronized void close() {
        closed = true;
        for (Controller c : controllers.values()) {
            c.close();
        }
        controllers.clear();
        if (mgmt != null) {
            mgmt.close();
        }
        for (OfConnection c : conns) {
            c.close();
        }
        bridge.setSink(null);
        bridge.meters().clear();
    }

    // ---- connection events ----

    void connectionUp(OfConnection c) {
        conns.add(c);
        if (c.owner() != null) {
            c.owner().up(c);
        }
        if (c.kind() == OfConnection.Kind.PRIMARY) {
            synchronized (this) {
                lastPrimaryMillis = System.currentTimeMillis();
                setFailOpen(false);
            }
        }
        updateTableMiss();
    }

    void connectionDown(OfConnection c) {
        conns.remove(c);
        if (c.owner() != null) {
            c.owner().down(c);
        }
        synchronized (this) {
            if (c.kind() == OfConnection.Kind.PRIMARY) {
                lastPrimaryMillis = System.currentTimeMillis();
            }
        }
        updateTableMiss();
    }

    void noteError(OfConnection c, String error) {
        if (c.owner() != null) {
            c.owner().error(error);
        }
    }

    /** OpenFlow 1.0-1.2 controllers get table misses as packet-ins; 1.3+ install table-miss flows. */
    public void updateTableMiss() {
        boolean old = conns.stream().anyMatch(x -> x.active() && x.kind() == OfConnection.Kind.PRIMARY
                && x.version() < org.jvswitch.openflow.codec.OfWire.OF13);
        bridge.setTableMissToController(0, old);
    }

    void logFailure(String conn, int type, RuntimeException e) {
        if (FAILURES.shouldLog()) {
            LOG.warn("{}: message type {} failed: {}", conn, type, e.toString());
        }
    }

    /**
     * A role request (OpenFlow 1.2+ or Nicira): checks the generation id for master and slave,
     * makes other masters slaves when one becomes master; returns the generation id to report.
     */
    public synchronized long changeRole(OfConnection c, OfConnection.Role role, boolean hasGenerationId,
                                        long genId) {
        if (role != OfConnection.Role.EQUAL && hasGenerationId) {
            if (generationIdDefined && genId - generationId < 0) {
                throw new OfError(OfError.Type.ROLE_REQUEST_FAILED, "STALE", "generation id " + genId);
            }
            generationId = genId;
            generationIdDefined = true;
        }
        if (role == OfConnection.Role.MASTER) {
            for (OfConnection other : conns) {
                if (other != c && other.role() == OfConnection.Role.MASTER) {
                    other.setRole(OfConnection.Role.SLAVE);
                    handler.roleChanged(other);
                }
            }
        }
        c.setRole(role);
        return generationIdDefined ? generationId : -1L;
    }

    public synchronized long generationId() {
        return generationIdDefined ? generationId : -1L;
    }

    // ---- asynchronous messages ----

    @Override
    public void packetIn(Ofproto b, byte[] packet, int len, int totalLen, long[] key, int reason, int tableId,
                         long cookie, int maxLen, int controllerId) {
        long now = System.nanoTime();
        for (OfConnection c : conns) {
            int wire = reason;
            if (reason == PacketInSink.REASON_EXPLICIT_MISS) {
                // As OVS: a table-miss rule's packet-ins are ACTION before OpenFlow 1.3, NO_MATCH after.
                wire = c.version() < org.jvswitch.openflow.codec.OfWire.OF13 ? PacketInSink.REASON_ACTION
                        : PacketInSink.REASON_NO_MATCH;
            }
            if (!c.active() || !c.receivesAsync() || c.controllerId() != controllerId
                    || !c.async().wantsPacketIn(c.role() == OfConnection.Role.SLAVE, wire)) {
                continue;
            }
            int sendLen = len;
            if (reason == PacketInSink.REASON_NO_MATCH && maxLen == 0xffff && c.version() < 4) {
                sendLen = Math.min(len, c.missSendLen());
            } else if (maxLen != 0xffff) {
                sendLen = Math.min(len, maxLen);
            }
            if (c.kind() == OfConnection.Kind.SERVICE && c.missSendLen() == 0) {
                continue;
            }
            if (!c.limiter().admit(now)) {
                PACKET_IN_LIMITED.inc();
                continue;
            }
            PACKET_IN_SENT.inc();
            c.send(PacketCodec.packetIn(c.version(), 0, packet, Math.min(sendLen, 0xffff - 128), totalLen, key,
                    wire, tableId, cookie, b == null ? null : b.tlvMap()));
        }
    }

    @Override
    public void flowRemoved(Ofproto b, OfRule rule, int reason) {
        long now = System.currentTimeMillis();
        for (OfConnection c : conns) {
            if (c.active() && c.receivesAsync()
                    && c.async().wantsFlowRemoved(c.role() == OfConnection.Role.SLAVE, reason)) {
                c.send(FlowRemovedCodec.encode(rule, reason, c.version(), c.nxm(), 0, now,
                        b == null ? null : b.tlvMap()));
            }
        }
    }

    /** Tells every connection that wants it that a port was added (0), deleted (1) or modified (2). */
    public void portStatus(OfPort port, int reason) {
        for (OfConnection c : conns) {
            if (c.active() && c.receivesAsync()
                    && c.async().wantsPortStatus(c.role() == OfConnection.Role.SLAVE, reason)) {
                c.send(handler.portStatus(c, port, reason));
            }
        }
    }

    /** Milliseconds since the bridge's OpenFlow side was created. */
    public long uptimeMillis() {
        return System.currentTimeMillis() - createdMillis;
    }
}
