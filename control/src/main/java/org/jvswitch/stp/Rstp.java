package org.jvswitch.stp;

import java.util.concurrent.atomic.AtomicBoolean;
import org.jvswitch.vlog.Vlog;
import org.jvswitch.vlog.VlogRateLimiter;
import org.slf4j.Logger;

/**
 * An IEEE 802.1D-2004 (802.1w) Rapid Spanning Tree Protocol engine for one bridge, with the
 * semantics and settings of Open vSwitch's RSTP ({@code lib/rstp.c}, {@code other_config:rstp-*}).
 *
 * <p>What: the same contract as {@link Stp}. The bridge adds its RSTP ports (numbers 1..4095,
 * OVS's {@code rstp-port-num}), reports link up/down ({@link #enablePort}, MAC_Operational),
 * hands every received BPDU frame to {@link #receive}, calls {@link #tick} from a timer at
 * least once a second, transmits what the {@link BpduSink} is given, and asks
 * {@link #forwardPermitted}/{@link #learnPermitted}. It hears {@link RstpListener#portStateChanged}
 * (revalidate flows; also {@link #changeSeq}) and {@link RstpListener#fdbFlush} (flush the MAC
 * entries learned on a port; also {@link #checkAndResetFdbFlush}). A port that hears 802.1D-1998
 * BPDUs falls back to sending them (protocol migration), so Stp and Rstp bridges interoperate.
 *
 * <p>How: {@link RstpBridge} holds the bridge variables and runs the state machines of clause
 * 17 (one class per machine) until they settle after every event: a BPDU, a one-second timer
 * tick, a management change. This class validates settings as OVS does (out-of-range values
 * are rejected with a warning and the previous value stays), validates and counts BPDUs, keeps
 * the clock, and publishes an {@link RstpStatus} snapshot. BPDUs and callbacks produced during
 * a call run once the call's state changes are complete ({@link Deferred}).
 *
 * <p>Threads: mutating methods from one thread at a time (the bridge serialises them);
 * queries from any thread (volatile snapshot and counters).
 */
public final class Rstp implements SpanningTree {

    /** Highest RSTP port number: port IDs carry the number in 12 bits. */
    public static final int MAX_PORTS = 4095;
    /** 802.1D-2004 Table 17-3 cost of a 100 Mb/s link, OVS's default. */
    public static final long DEFAULT_PORT_PATH_COST = 200_000;
    /** The error OVS answers {@code rstp/show} and {@code rstp/tcn} with for an unknown bridge. */
    public static final String NO_SUCH_BRIDGE = "No such RSTP object";

    private static final Logger LOG = Vlog.module("rstp");
    private static final VlogRateLimiter BAD_BPDU_RL = new VlogRateLimiter(LOG, 60, 60);

    private final String name;
    private final BpduSink sink;
    private final Deferred deferred = new Deferred(LOG);
    private final RstpBridge bridge;
    private volatile RstpListener listener = new RstpListener() { };

    /** Clock (calling thread): the instant the last whole second was counted from. */
    private boolean clockStarted;
    private long secondStartMillis;

    /** Published for other threads; written only by the calling thread. */
    private volatile RstpStatus status;
    private volatile long changeSeq;
    private volatile long flushSeq;
    private final AtomicBoolean fdbNeedsFlush = new AtomicBoolean();

    /** A bridge with {@code settings} (each validated as by the setters), with no ports yet. */
    public Rstp(String name, RstpSettings settings, BpduSink sink) {
        this.name = name;
        this.sink = sink;
        this.bridge = new RstpBridge(name, new Output());
        RstpSettings d = RstpSettings.defaults(settings.address());
        bridge.address = d.address();
        bridge.priority = d.priority();
        bridge.bridgeId = BridgeId.of(d.priority(), d.address());
        bridge.ageingTime = d.ageingTime();
        bridge.transmitHoldCount = d.transmitHoldCount();
        bridge.bridgeTimes = new RstpTimes(0, d.maxAge(), d.forwardDelay(), RstpBridge.HELLO_TIME);
        bridge.begin();
        applySettings(settings);
        bridge.run();
        finish();
    }

    /** A bridge with OVS's defaults and MAC {@code address}. */
    public Rstp(String name, long address, BpduSink sink) {
        this(name, RstpSettings.defaults(address), sink);
    }

    public void setListener(RstpListener listener) {
        this.listener = listener == null ? new RstpListener() { } : listener;
    }

    @Override
    public String name() {
        return name;
    }

    // ---- Bridge configuration (17.13) ----------------------------------------------------

    /** Applies new settings; each invalid value is rejected with a warning, as OVS does. */
    public void reconfigure(RstpSettings s) {
        applySettings(s);
        bridge.run();
        finish();
    }

    private void applySettings(RstpSettings s) {
        RstpManagement.setAddress(bridge, s.address());
        RstpManagement.setPriority(bridge, s.priority());
        RstpManagement.setAgeingTime(bridge, s.ageingTime());
        RstpManagement.setForceProtocolVersion(bridge, s.forceProtocolVersion());
        RstpManagement.setTimes(bridge, s.maxAge(), s.forwardDelay());
        RstpManagement.setTransmitHoldCount(bridge, s.transmitHoldCount());
    }

    public void setBridgeAddress(long mac) {
        RstpManagement.setAddress(bridge, mac);
        runAndFinish();
    }

    /** {@code rstp-priority}: rounded down to a multiple of 4096; false if out of 0..61440. */
    public boolean setBridgePriority(int priority) {
        boolean ok = RstpManagement.setPriority(bridge, priority);
        runAndFinish();
        return ok;
    }

    public boolean setAgeingTime(int seconds) {
        boolean ok = RstpManagement.setAgeingTime(bridge, seconds);
        runAndFinish();
        return ok;
    }

    /** 0 (STP compatibility) or 2; a change reinitialises the protocol (BEGIN), as 17.13 says. */
    public boolean setForceProtocolVersion(int version) {
        boolean ok = RstpManagement.setForceProtocolVersion(bridge, version);
        runAndFinish();
        return ok;
    }

    public boolean setMaxAge(int seconds) {
        boolean ok = RstpManagement.setTimes(bridge, seconds, bridge.bridgeTimes.forwardDelay());
        runAndFinish();
        return ok;
    }

    public boolean setForwardDelay(int seconds) {
        boolean ok = RstpManagement.setTimes(bridge, bridge.bridgeTimes.maxAge(), seconds);
        runAndFinish();
        return ok;
    }

    public boolean setTransmitHoldCount(int count) {
        boolean ok = RstpManagement.setTransmitHoldCount(bridge, count);
        runAndFinish();
        return ok;
    }

    // ---- Ports ---------------------------------------------------------------------------

    /**
     * Adds RSTP port {@code portNo} (1..4095, or 0 for the lowest free number) named
     * {@code portName}, link down until {@link #enablePort}. Returns the port number.
     *
     * @throws IllegalArgumentException if the number is out of range or already in use
     */
    public int addPort(int portNo, String portName, RstpPortSettings s) {
        if (portNo == 0) {
            for (int n = 1; n <= MAX_PORTS && portNo == 0; n++) {
                portNo = bridge.ports.containsKey(n) ? 0 : n;
            }
        }
        if (portNo < 1 || portNo > MAX_PORTS || bridge.ports.containsKey(portNo)) {
            throw new IllegalArgumentException(name + ": RSTP port number " + portNo
                    + " is out of range or in use");
        }
        RstpPort p = new RstpPort(portNo, portName, RstpPortSettings.DEFAULT_PRIORITY,
                DEFAULT_PORT_PATH_COST);
        p.stateEnteredMillis = bridge.nowMillis;
        bridge.ports.put(portNo, p);
        RstpManagement.applyPortSettings(bridge, p, s);
        bridge.beginPort(p);
        p.state = RstpPortState.DISABLED;
        bridge.setState(p, RstpPortState.DISCARDING);   // as OVS logs "Disabled to Discarding"
        runAndFinish();
        return portNo;
    }

    /** Adds a port with OVS's defaults and the path cost for {@code speedMbps}. */
    public int addPort(int portNo, String portName, long speedMbps) {
        return addPort(portNo, portName, RstpPortSettings.defaults(speedMbps));
    }

    /** Removes a port (as when {@code rstp-enable} turns false): it then always forwards. */
    public void removePort(int portNo) {
        RstpPort p = bridge.ports.remove(portNo);
        if (p != null) {
            bridge.setState(p, RstpPortState.DISABLED);
            for (RstpPort q : bridge.ports.values()) {
                q.reselect = true;
            }
            RstpRoleSelection.updtRolesTree(bridge);    // even if no port is left
        }
        runAndFinish();
    }

    public void setPortName(int portNo, String portName) {
        requirePort(portNo).name = portName;
        finish();
    }

    /** Applies a port's settings (all but its number); invalid values are rejected as by OVS. */
    public void setPortSettings(int portNo, RstpPortSettings s) {
        RstpManagement.applyPortSettings(bridge, requirePort(portNo), s);
        runAndFinish();
    }

    /** {@code rstp-port-mcheck}: forces a protocol migration check (17.19.13). */
    public void mcheck(int portNo) {
        RstpPort p = requirePort(portNo);
        if (bridge.rstpVersion()) {
            p.mcheck = true;
        }
        runAndFinish();
    }

    /** Link up (MAC_Operational true). */
    @Override
    public void enablePort(int portNo) {
        setPortEnabled(portNo, true);
    }

    /** Link down (MAC_Operational false). */
    @Override
    public void disablePort(int portNo) {
        setPortEnabled(portNo, false);
    }

    public void setPortEnabled(int portNo, boolean up) {
        RstpPort p = requirePort(portNo);
        p.macOperational = up;
        RstpManagement.updatePortEnabled(p);
        runAndFinish();
    }

    // ---- Protocol input ------------------------------------------------------------------

    /**
     * Processes a frame received on {@code portNo}. Malformed frames, Config BPDUs whose
     * message age has reached max age, and this port's own Config BPDUs looped back are
     * counted as errors and ignored (9.3.4); nothing is thrown.
     */
    @Override
    public void receive(int portNo, byte[] frame) {
        RstpPort p = bridge.ports.get(portNo);
        if (p == null || !p.portEnabled) {
            finish();
            return;
        }
        BpduCodec.Decoded d = BpduCodec.decode(frame);
        Bpdu b = d.bpdu();
        String error = d.error();
        if (b != null && b.type() == Bpdu.Type.RST && b.role() == Bpdu.ROLE_UNKNOWN) {
            // 9.2.9: an unknown port role makes the BPDU count as a Configuration BPDU.
            b = Bpdu.config(b.flags(), b.rootId(), b.rootPathCost(), b.bridgeId(), b.portId(),
                    b.messageAge(), b.maxAge(), b.helloTime(), b.forwardDelay());
        }
        if (b != null && b.type() == Bpdu.Type.CONFIG) {
            if (b.messageAge() >= b.maxAge()) {
                error = "message age " + b.messageAge() + " not below max age " + b.maxAge();
            } else if (b.bridgeId() == bridge.bridgeId && b.portId() == p.portId) {
                error = "own BPDU looped back";
            }
        }
        if (error != null) {
            p.errorCount++;
            if (BAD_BPDU_RL.shouldLog()) {
                LOG.warn("{}: port {}: bad STP or RSTP BPDU received: {}", name, p.name, error);
            }
            finish();
            return;
        }
        p.rxBpdus++;
        p.pendingBpdu = b;
        p.rcvdBpdu = true;
        runAndFinish();
    }

    /** Advances the timers to {@code nowMillis}: one Port Timers tick per whole second. */
    @Override
    public void tick(long nowMillis) {
        if (!clockStarted || nowMillis < secondStartMillis) {
            clockStarted = true;
            secondStartMillis = nowMillis;
        }
        bridge.nowMillis = nowMillis;
        int seconds = 0;
        while (nowMillis - secondStartMillis >= 1000) {
            secondStartMillis += 1000;
            bridge.tickSecond();
            if (++seconds == 3600) {            // a clock jump: don't replay an hour of seconds
                secondStartMillis = nowMillis;
            }
        }
        finish();
    }

    /**
     * {@code rstp/tcn}: a topology change on every port that forwards as root or designated
     * port (as if each had just started forwarding): flushes and sets the TC flag.
     */
    @Override
    public void tcn() {
        for (RstpPort p : bridge.ports.values()) {
            if (p.rootOrDesignated() && p.forward && !p.operEdge) {
                RstpTopologyChange.newTcWhile(bridge, p);
                p.newInfo = true;
            }
            bridge.flush(p);
        }
        runAndFinish();
    }

    // ---- Queries (any thread) ------------------------------------------------------------

    public RstpStatus status() {
        return status;
    }

    @Override
    public boolean forwardPermitted(int portNo) {
        RstpStatus.Port p = status.port(portNo);
        return p == null || p.state().forwards();
    }

    @Override
    public boolean learnPermitted(int portNo) {
        RstpStatus.Port p = status.port(portNo);
        return p == null || p.state().learns();
    }

    /** The port's state, or null if the engine does not manage {@code portNo}. */
    public RstpPortState portState(int portNo) {
        RstpStatus.Port p = status.port(portNo);
        return p == null ? null : p.state();
    }

    /** The port's role, or null if the engine does not manage {@code portNo}. */
    public RstpPortRole portRole(int portNo) {
        RstpStatus.Port p = status.port(portNo);
        return p == null ? null : p.role();
    }

    public long bridgeId() {
        return status.bridgeId();
    }

    public long rootId() {
        return status.rootId();
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

    /** True once after each flush request (OVS's {@code rstp_check_and_reset_fdb_flush}). */
    public boolean checkAndResetFdbFlush() {
        return fdbNeedsFlush.getAndSet(false);
    }

    @Override
    public String show() {
        return status.show();
    }

    // ---- Internals -----------------------------------------------------------------------

    private RstpPort requirePort(int portNo) {
        RstpPort p = bridge.ports.get(portNo);
        if (p == null) {
            throw new IllegalArgumentException(name + ": no RSTP port " + portNo);
        }
        return p;
    }

    private void runAndFinish() {
        bridge.run();
        finish();
    }

    /** Publishes the new state, then runs the queued sends and callbacks. */
    private void finish() {
        status = new RstpStatus(bridge, bridge.nowMillis);
        deferred.drain();
    }

    /** Where {@link RstpBridge} reports what the machines did. Calling thread. */
    private final class Output implements RstpBridge.Output {
        @Override
        public void send(RstpPort port, Bpdu bpdu) {
            byte[] frame = BpduCodec.encode(bpdu, bridge.address);
            port.txBpdus++;
            int portNo = port.portNo;
            deferred.add(() -> sink.send(portNo, frame));
        }

        @Override
        public void stateChanged(RstpPort port, RstpPortState from, RstpPortState to) {
            changeSeq++;            // single writer: the calling thread
            LOG.debug("{}: port {}: RSTP state changed from {} to {}", name, port.name,
                    from.ovsName(), to.ovsName());
            int portNo = port.portNo;
            deferred.add(() -> listener.portStateChanged(portNo, from, to));
        }

        @Override
        public void flush(RstpPort port) {
            flushSeq++;
            fdbNeedsFlush.set(true);
            int portNo = port.portNo;
            deferred.add(() -> listener.fdbFlush(portNo));
        }
    }
}
