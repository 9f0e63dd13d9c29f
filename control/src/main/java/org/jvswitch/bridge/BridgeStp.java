package org.jvswitch.bridge;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jvswitch.ofproto.Ofproto;
import org.jvswitch.ofproto.PortGate;
import org.jvswitch.stp.Rstp;
import org.jvswitch.stp.RstpListener;
import org.jvswitch.stp.RstpPortSettings;
import org.jvswitch.stp.RstpPortState;
import org.jvswitch.stp.RstpSettings;
import org.jvswitch.stp.SpanningTree;
import org.jvswitch.stp.Stp;
import org.jvswitch.stp.StpListener;
import org.jvswitch.stp.StpPortSettings;
import org.jvswitch.stp.StpPortState;
import org.jvswitch.stp.StpSettings;
import org.jvswitch.vlog.Vlog;
import org.slf4j.Logger;

/**
 * A bridge's spanning tree (802.1D STP or 802.1w RSTP, as Bridge:stp_enable / rstp_enable say)
 * tied to its OpenFlow ports: which ports take part and under which spanning tree port number,
 * BPDUs in and out, and the {@link PortGate} NORMAL asks before learning or forwarding.
 * Internal ports and failed interfaces stay out, as in OVS.
 *
 * <p>The engine is driven from the bridge thread only (ports, ticks, received BPDUs); the gate
 * is read by translation threads from the concurrent port maps and the engine's published state.
 */
final class BridgeStp implements PortGate {
    private static final Logger LOG = Vlog.module("stp");
    /** Path costs use 10 Gb/s links unless told otherwise (DPDK ports rarely report a speed). */
    static final long DEFAULT_SPEED_MBPS = 10_000;

    /** Sends a BPDU out of an OpenFlow port of this bridge. */
    interface BpduOut {
        void send(BridgeRuntime bridge, int ofport, byte[] frame);
    }

    final boolean rstp;
    private final SpanningTree engine;
    private final BridgeRuntime bridge;
    private final Map<Integer, Integer> stpByOfport = new ConcurrentHashMap<>();
    private final Map<Integer, Integer> ofportByStp = new ConcurrentHashMap<>();
    private final Map<Integer, Boolean> linkUp = new HashMap<>();
    private final Map<Integer, Map<String, String>> portConfig = new HashMap<>();

    BridgeStp(BridgeRuntime bridge, boolean rstp, Map<String, String> otherConfig, BpduOut out) {
        this.bridge = bridge;
        this.rstp = rstp;
        Ofproto of = bridge.ofproto;
        if (rstp) {
            Rstp r = new Rstp(bridge.name, RstpSettings.fromOtherConfig(bridge.name, otherConfig, bridge.mac, LOG),
                    (stpPort, frame) -> send(out, stpPort, frame));
            r.setListener(new RstpListener() {
                @Override
                public void portStateChanged(int portNo, RstpPortState from, RstpPortState to) {
                    of.bump();
                }

                @Override
                public void fdbFlush(int portNo) {
                    Integer ofport = ofportByStp.get(portNo);
                    if (ofport != null) {
                        of.macs().flushPort(ofport);
                    }
                    of.bump();
                }
            });
            engine = r;
        } else {
            Stp s = new Stp(bridge.name, StpSettings.fromOtherConfig(bridge.name, otherConfig, bridge.mac, LOG),
                    (stpPort, frame) -> send(out, stpPort, frame));
            s.setListener(new StpListener() {
                @Override
                public void portStateChanged(int portNo, StpPortState from, StpPortState to) {
                    of.bump();
                }

                @Override
                public void topologyChanged() {
                    of.macs().flush();
                    of.bump();
                }
            });
            engine = s;
        }
    }

    private void send(BpduOut out, int stpPort, byte[] frame) {
        Integer ofport = ofportByStp.get(stpPort);
        if (ofport != null) {
            out.send(bridge, ofport, frame);
        }
    }

    SpanningTree engine() {
        return engine;
    }

    /** Applies the bridge's other_config (priority, timers...) after a database change. */
    void reconfigure(Map<String, String> otherConfig) {
        if (engine instanceof Rstp r) {
            r.reconfigure(RstpSettings.fromOtherConfig(bridge.name, otherConfig, bridge.mac, LOG));
        } else if (engine instanceof Stp s) {
            s.reconfigure(StpSettings.fromOtherConfig(bridge.name, otherConfig, bridge.mac, LOG));
        }
    }

    /** Makes the engine's ports those of the bridge's eligible interfaces. */
    void syncPorts() {
        Set<Integer> wanted = new HashSet<>();
        for (IfaceRuntime i : bridge.ifaces.values()) {
            if (i.failed() || "internal".equals(i.cfg.type()) || !i.bondActive) {
                continue;
            }
            Map<String, String> oc = i.port.otherConfig();
            boolean enabled = rstp ? !"false".equals(oc.get("rstp-enable")) : !"false".equals(oc.get("stp-enable"));
            if (!enabled) {
                continue;
            }
            wanted.add(i.ofport);
            Integer stpPort = stpByOfport.get(i.ofport);
            if (stpPort != null && oc.equals(portConfig.get(i.ofport))) {
                continue;
            }
            if (stpPort == null) {
                stpPort = addPort(i.port.name(), oc);
                if (stpPort <= 0) {
                    continue;
                }
                stpByOfport.put(i.ofport, stpPort);
                ofportByStp.put(stpPort, i.ofport);
                linkUp.put(i.ofport, false);
            } else if (engine instanceof Rstp r) {
                r.setPortSettings(stpPort, RstpPortSettings.fromOtherConfig(i.port.name(), oc, DEFAULT_SPEED_MBPS, LOG));
            } else if (engine instanceof Stp s) {
                s.setPortSettings(stpPort, StpPortSettings.fromOtherConfig(i.port.name(), oc, DEFAULT_SPEED_MBPS, LOG));
            }
            portConfig.put(i.ofport, oc);
        }
        for (Integer ofport : Set.copyOf(stpByOfport.keySet())) {
            if (!wanted.contains(ofport)) {
                int stpPort = stpByOfport.remove(ofport);
                ofportByStp.remove(stpPort);
                linkUp.remove(ofport);
                portConfig.remove(ofport);
                if (engine instanceof Rstp r) {
                    r.removePort(stpPort);
                } else if (engine instanceof Stp s) {
                    s.removePort(stpPort);
                }
            }
        }
        bridge.ofproto.bump();
    }

    private int addPort(String name, Map<String, String> oc) {
        try {
            if (engine instanceof Rstp r) {
                RstpPortSettings s = RstpPortSettings.fromOtherConfig(name, oc, DEFAULT_SPEED_MBPS, LOG);
                return r.addPort(s.portNum(), name, s);
            }
            Stp s = (Stp) engine;
            StpPortSettings ps = StpPortSettings.fromOtherConfig(name, oc, DEFAULT_SPEED_MBPS, LOG);
            return s.addPort(ps.portNum(), name, ps);
        } catch (IllegalArgumentException | IllegalStateException e) {
            LOG.error("bridge {}: port {} cannot join spanning tree: {}", bridge.name, name, e.getMessage());
            return -1;
        }
    }

    /** Tells the engine a port's carrier (it starts every port down). */
    void setLink(int ofport, boolean up) {
        Integer stpPort = stpByOfport.get(ofport);
        if (stpPort == null || Boolean.valueOf(up).equals(linkUp.get(ofport))) {
            return;
        }
        linkUp.put(ofport, up);
        if (up) {
            engine.enablePort(stpPort);
        } else {
            engine.disablePort(stpPort);
        }
    }

    void receive(int ofport, byte[] frame) {
        Integer stpPort = stpByOfport.get(ofport);
        if (stpPort != null) {
            engine.receive(stpPort, frame);
        }
    }

    void tick(long nowMillis) {
        engine.tick(nowMillis);
    }

    /** The spanning tree port number of an OpenFlow port, or null when it takes no part. */
    Integer stpPort(int ofport) {
        return stpByOfport.get(ofport);
    }

    // ---- PortGate ----

    @Override
    public boolean forwardPermitted(int ofport) {
        Integer p = stpByOfport.get(ofport);
        return p == null || engine.forwardPermitted(p);
    }

    @Override
    public boolean learnPermitted(int ofport) {
        Integer p = stpByOfport.get(ofport);
        return p == null || engine.learnPermitted(p);
    }

    @Override
    public boolean enabled() {
        return true;
    }
}
