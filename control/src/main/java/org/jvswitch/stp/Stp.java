package org.jvswitch.stp;

import java.util.concurrent.atomic.AtomicBoolean;
import org.jvswitch.vlog.Vlog;
import org.jvswitch.vlog.VlogRateLimiter;
import org.slf4j.Logger;

/**
 * An IEEE 802.1D-1998 Spanning Tree Protocol engine for one bridge, with the semantics and
 * settings of Open vSwitch's STP ({@code lib/stp.c}, {@code other_config:stp-*}).
 *
 * <p>What: the bridge adds its STP ports (numbers 1..255, OVS's {@code stp-port-num}), reports
 * link up/down with {@link #enablePort}/{@link #disablePort}, hands every received BPDU frame to
 * {@link #receive}, calls {@link #tick} from a timer (every 100 ms to 1 s), transmits what the
 * {@link BpduSink} is given, and asks {@link #forwardPermitted}/{@link #learnPermitted} per port.
 * When states change it hears {@link StpListener#portStateChanged} (revalidate flows; also
 * {@link #changeSeq}); when the topology changes, {@link StpListener#topologyChanged} (flush
 * the MAC learning table; also {@link #checkAndResetFdbFlush}).
 *
 * <p>How: {@link StpBridge} holds the standard's variables and procedures (times in 1/256 s);
 * this class adds the management procedures (8.8), BPDU validation and counting, the clock,
 * and publication. BPDUs and callbacks produced during a call are queued ({@link Deferred}) and
 * run once the call's state changes are complete; then a fresh {@link StpStatus} is published.
 *
 * <p>Threads: all mutating methods must be called from one thread at a time (the bridge
 * serialises them). Queries read the volatile {@link StpStatus} snapshot and volatile
 * counters, so any thread may call them.
 */
public final class Stp implements SpanningTree {

    /** Highest STP port number: port IDs carry the number in 8 bits. */
    public static final int MAX_PORTS = 255;
    /** The error OVS answers {@code stp/show} and {@code stp/tcn} with for an unknown bridge. */
    public static final String NO_SUCH_BRIDGE = "no such stp object";

    private static final Logger LOG = Vlog.module("stp");
    private static final VlogRateLimiter BAD_BPDU_RL = new VlogRateLimiter(LOG, 60, 60);
    private static final VlogRateLimiter TC_RL = new VlogRateLimiter(LOG, 1, 5);

    private final String name;
    private final BpduSink sink;
    private final Deferred deferred = new Deferred(LOG);
    private final StpBridge bridge = new StpBridge(new Output());
    /** Set by the bridge; read when deferred callbacks run (calling thread). */
    private volatile StpListener listener = new StpListener() { };

    /** Requested times in ms, before clamping (OVS's rq_*). Calling thread. */
    private int rqHelloMillis;
    private int rqMaxAgeMillis;
    private int rqForwardDelayMillis;

    /** Clock state (calling thread): last tick, and ms not yet turned into 1/256 s ticks. */
    private boolean clockStarted;
    private long lastTickMillis;
    private long remainderMillis;

    /** Published for other threads. Written only by the calling thread. */
    private volatile StpStatus status;
    private volatile long changeSeq;
    private volatile long flushSeq;
    private final AtomicBoolean fdbNeedsFlush = new AtomicBoolean();

    /** A bridge with {@code settings}, sending BPDUs to {@code sink}, with no ports yet. */
    public Stp(String name, StpSettings settings, BpduSink sink) {
        this.name = name;
        this.sink = sink;
        this.rqHelloMillis = settings.helloTime() * 1000;
        this.rqMaxAgeMillis = settings.maxAge() * 1000;
        this.rqForwardDelayMillis = settings.forwardDelay() * 1000;
        bridge.initialize(settings.bridgeId());
        updateBridgeTimers();
        finish();
    }

    /**
     * A bridge with identifier {@code bridgeId} (16-bit priority over the 48-bit MAC) and the
     * given times in seconds.
     */
    public Stp(String name, long bridgeId, int helloTime, int maxAge, int forwardDelay, BpduSink sink) {
        this(name, new StpSettings(BridgeId.mac(bridgeId), BridgeId.priority(bridgeId),
                helloTime, maxAge, forwardDelay), sink);
    }

    public void setListener(StpListener listener) {
        this.listener = listener == null ? new StpListener() { } : listener;
    }

    @Override
    public String name() {
        return name;
    }

    // ---- Bridge configuration ------------------------------------------------------------

    /** Applies new bridge settings (identifier and times); unchanged values change nothing. */
    public void reconfigure(StpSettings s) {
        StpManagement.setBridgeId(bridge, s.bridgeId());
        rqHelloMillis = s.helloTime() * 1000;
        rqMaxAgeMillis = s.maxAge() * 1000;
        rqForwardDelayMillis = s.forwardDelay() * 1000;
        updateBridgeTimers();
        finish();
    }

    public void setBridgePriority(int priority) {
        StpManagement.setBridgeId(bridge, BridgeId.of(priority, BridgeId.mac(bridge.bridgeId)));
        finish();
    }

    public void setSystemId(long mac) {
        StpManagement.setBridgeId(bridge, BridgeId.of(BridgeId.priority(bridge.bridgeId), mac));
        finish();
    }

    /** Hello time in seconds, clamped to 1..10 (and max age adjusted) as OVS does. */
    public void setHelloTime(int seconds) {
        rqHelloMillis = seconds * 1000;
        updateBridgeTimers();
        finish();
    }

    /** Max age in seconds, clamped to max(6, 2 x (hello + 1))..40 as OVS does. */
    public void setMaxAge(int seconds) {
        rqMaxAgeMillis = seconds * 1000;
        updateBridgeTimers();
        finish();
    }

    /** Forward delay in seconds, clamped to max age / 2 + 1..30 as OVS does. */
    public void setForwardDelay(int seconds) {
        rqForwardDelayMillis = seconds * 1000;
        updateBridgeTimers();
        finish();
    }

    /** The bridge hello time in use when this bridge is root, in ms (after clamping). */
    public int helloTimeMillis() {
        return StpManagement.ticksToMillis(bridge.bridgeHelloTime);
    }

    public int maxAgeMillis() {
        return StpManagement.ticksToMillis(bridge.bridgeMaxAge);
    }

    public int forwardDelayMillis() {
        return StpManagement.ticksToMillis(bridge.bridgeForwardDelay);
    }


    private void updateBridgeTimers() {
        StpManagement.setBridgeTimes(bridge, name, rqHelloMillis, rqMaxAgeMillis,
                rqForwardDelayMillis);
    }

    // ---- Ports ---------------------------------------------------------------------------

    /**
     * Adds STP port {@code portNo} (1..255, or 0 for the lowest free number) named
     * {@code portName}, link down until {@link #enablePort}. Returns the port number.
     *
     * @throws IllegalArgumentException if the number is out of range or already in use
     */
    public int addPort(int portNo, String portName, StpPortSettings s) {
        if (portNo == 0) {
            for (int n = 1; n <= MAX_PORTS && portNo == 0; n++) {
                portNo = bridge.ports[n] == null ? n : 0;
            }
        }
        if (portNo < 1 || portNo > MAX_PORTS || bridge.ports[portNo] != null) {
            throw new IllegalArgumentException(name + ": STP port number " + portNo
                    + " is out of range or in use");
        }
        StpPort p = new StpPort(portNo, portName, StpManagement.clamp(s.priority(), 0, 255),
                StpManagement.clamp(s.pathCost(), 1, 0xFFFF));
        p.stateEnteredMillis = bridge.nowMillis;
        bridge.ports[portNo] = p;
        bridge.becomeDesignatedPort(p);
        finish();
        return portNo;
    }

    /** Adds a port with default priority and the path cost for {@code speedMbps}. */
    public int addPort(int portNo, String portName, long speedMbps) {
        return addPort(portNo, portName, StpPortSettings.defaults(speedMbps));
    }

    /** Removes a port (as when {@code stp-enable} turns false): it then always forwards. */
    public void removePort(int portNo) {
        StpPort p = port(portNo);
        if (p != null) {
            StpManagement.disablePort(bridge, p);
            bridge.ports[portNo] = null;
            changeSeq++;
        }
        finish();
    }

    public void setPortName(int portNo, String portName) {
        requirePort(portNo).name = portName;
        finish();
    }

    /** Applies a port's priority and path cost. */
    public void setPortSettings(int portNo, StpPortSettings s) {
        StpPort p = requirePort(portNo);
        StpManagement.setPortPriority(bridge, p, StpManagement.clamp(s.priority(), 0, 255));
        StpManagement.setPathCost(bridge, p, StpManagement.clamp(s.pathCost(), 1, 0xFFFF));
        finish();
    }

    public void setPortPriority(int portNo, int priority) {
        StpManagement.setPortPriority(bridge, requirePort(portNo),
                StpManagement.clamp(priority, 0, 255));
        finish();
    }

    public void setPortPathCost(int portNo, int pathCost) {
        StpManagement.setPathCost(bridge, requirePort(portNo),
                StpManagement.clamp(pathCost, 1, 0xFFFF));
        finish();
    }

    /** 8.8.2 Enable Port: link up. */
    @Override
    public void enablePort(int portNo) {
        StpManagement.enablePort(bridge, requirePort(portNo));
        finish();
    }

    /** 8.8.3 Disable Port: link down. */
    @Override
    public void disablePort(int portNo) {
        StpManagement.disablePort(bridge, requirePort(portNo));
        finish();
    }

    public void setPortEnabled(int portNo, boolean up) {
        if (up) {
            enablePort(portNo);
        } else {
            disablePort(portNo);
        }
    }


    // ---- Protocol input ------------------------------------------------------------------

    /**
     * Processes a frame received on {@code portNo}: a whole Ethernet frame carrying a BPDU.
     * Malformed frames, RST BPDUs (which 802.1D-1998 bridges do not understand) and frames on
     * unknown ports are counted or dropped, never thrown.
     */
    @Override
    public void receive(int portNo, byte[] frame) {
        StpPort p = port(portNo);
        if (p == null || !p.enabled()) {
            finish();
            return;
        }
        BpduCodec.Decoded d = BpduCodec.decode(frame);
        if (!d.ok() || d.bpdu().type() == Bpdu.Type.RST) {
            p.errorCount++;
            if (BAD_BPDU_RL.shouldLog()) {
                LOG.warn("{}: port {}: received bad BPDU: {}", name, p.name,
                        d.ok() ? "unexpected BPDU type 2" : d.error());
            }
            finish();
            return;
        }
        Bpdu b = d.bpdu();
        p.rxCount++;
        if (b.type() == Bpdu.Type.TCN) {
            bridge.receivedTcnBpdu(p);
        } else if (b.messageAge() >= b.maxAge()) {
            if (BAD_BPDU_RL.shouldLog()) {
                LOG.warn("{}: received config BPDU with message age ({}) greater than max age ({})",
                        name, b.messageAge(), b.maxAge());
            }
        } else {
            bridge.receivedConfigBpdu(p, b);
        }
        finish();
    }

    /** Advances the timers to {@code nowMillis}; the first call only sets the clock. */
    @Override
    public void tick(long nowMillis) {
        if (!clockStarted) {
            clockStarted = true;
        } else {
            long ms = Math.max(0, Math.min(nowMillis - lastTickMillis, Integer.MAX_VALUE - 1000L))
                    + remainderMillis;
            int elapsed = (int) (ms * StpBridge.HZ / 1000);
            remainderMillis = ms - StpManagement.ticksToMillis(elapsed);
            bridge.nowMillis = nowMillis;
            if (elapsed > 0) {
                bridge.tick(elapsed);
            }
        }
        lastTickMillis = nowMillis;
        bridge.nowMillis = nowMillis;
        finish();
    }

    /** {@code stp/tcn}: forces topology change detection. */
    @Override
    public void tcn() {
        bridge.topologyChangeDetection();
        finish();
    }

    // ---- Queries (any thread) ------------------------------------------------------------

    /** The latest snapshot. */
    public StpStatus status() {
        return status;
    }

    @Override
    public boolean forwardPermitted(int portNo) {
        StpStatus.Port p = status.port(portNo);
        return p == null || p.state().forwards();
    }

    @Override
    public boolean learnPermitted(int portNo) {
        StpStatus.Port p = status.port(portNo);
        return p == null || p.state().learns();
    }

    /** The port's state, or null if the engine does not manage {@code portNo}. */
    public StpPortState portState(int portNo) {
        StpStatus.Port p = status.port(portNo);
        return p == null ? null : p.state();
    }

    /** The port's role, or null if the engine does not manage {@code portNo}. */
    public StpPortRole portRole(int portNo) {
        StpStatus.Port p = status.port(portNo);
        return p == null ? null : p.role();
    }

    public long bridgeId() {
        return status.bridgeId();
    }

    public long designatedRoot() {
        return status.designatedRoot();
    }

    public long rootPathCost() {
        return status.rootPathCost();
    }

    /** The root port's number, 0 if this bridge is root. */
    public int rootPortNo() {
        return status.rootPortNo();
    }

    public boolean isRootBridge() {
        return status.isRoot();
    }

    @Override
    public long changeSeq() {
        return changeSeq;
    }

    @Override
    public long flushSeq() {
        return flushSeq;
    }

    /** OVS's {@code stp_check_and_reset_fdb_flush}: true once after each flush request. */
    public boolean checkAndResetFdbFlush() {
        return fdbNeedsFlush.getAndSet(false);
    }

    @Override
    public String show() {
        return status.show();
    }

    // ---- Internals -----------------------------------------------------------------------

    private StpPort port(int portNo) {
        return portNo > 0 && portNo <= MAX_PORTS ? bridge.ports[portNo] : null;
    }

    private StpPort requirePort(int portNo) {
        StpPort p = port(portNo);
        if (p == null) {
            throw new IllegalArgumentException(name + ": no STP port " + portNo);
        }
        return p;
    }

    /** Publishes the new state, then runs the queued sends and callbacks. */
    private void finish() {
        status = new StpStatus(name, bridge, bridge.nowMillis);
        deferred.drain();
    }


    /** Where {@link StpBridge} reports what it did. Calling thread. */
    private final class Output implements StpBridge.Output {
        @Override
        public void send(StpPort port, Bpdu bpdu) {
            byte[] frame = BpduCodec.encode(bpdu, BridgeId.mac(bridge.bridgeId));
            port.txCount++;
            int portNo = port.portNo;
            deferred.add(() -> sink.send(portNo, frame));
        }

        @Override
        public void stateChanged(StpPort port, StpPortState from, StpPortState to) {
            changeSeq++;            // single writer: the calling thread
            LOG.debug("{}: port {}: STP state changed from {} to {}", name, port.name,
                    from.ovsName(), to.ovsName());
            int portNo = port.portNo;
            deferred.add(() -> listener.portStateChanged(portNo, from, to));
        }

        @Override
        public void flush() {
            flushSeq++;
            fdbNeedsFlush.set(true);
            deferred.add(() -> listener.topologyChanged());
        }

        @Override
        public void topologyChangeDetected() {
            if (TC_RL.shouldLog()) {
                LOG.info("{}: detected topology change.", name);
            }
        }
    }
}
