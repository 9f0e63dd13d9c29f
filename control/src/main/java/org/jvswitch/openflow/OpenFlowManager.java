package org.jvswitch.openflow;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.jvswitch.ofproto.OfPort;
import org.jvswitch.ofproto.Ofproto;
import org.jvswitch.ofproto.Xlate;
import org.jvswitch.openflow.conn.ConnManager;
import org.jvswitch.openflow.conn.OfTransport;
import org.jvswitch.openflow.handler.MessageHandler;
import org.jvswitch.openflow.trace.TraceCommands;
import org.jvswitch.unixctl.UnixctlServer;
import org.jvswitch.vlog.Vlog;
import org.slf4j.Logger;

/**
 * The switch's OpenFlow side: every bridge's management socket ({@code <rundir>/<bridge>.mgmt},
 * where ovs-ofctl connects), its controllers, and the {@code ofproto/trace} unixctl command.
 *
 * <h2>Contract with the bridge layer</h2>
 * <pre>{@code
 * OpenFlowManager of = new OpenFlowManager(rundir, unixctl, OfDatapath.of(dpif), xlate);
 * // for each Bridge row, once its Ofproto exists (ports may come before or after):
 * of.addBridge(ofproto, cfg);           // opens <rundir>/br0.mgmt; adds "priority=0 actions=NORMAL"
 *                                       // when cfg is standalone with no controllers
 * of.configureBridge("br0", cfg2);      // Controller rows, fail_mode, protocols, SSL changed
 * of.portChanged("br0", port, OpenFlowManager.PortReason.ADD);   // after Ofproto.putPort/removePort
 * List<ControllerStatus> st = of.controllerStatus("br0");        // write is_connected, role, status
 * of.removeBridge("br0");               // closes its sockets and connections
 * of.close();                           // at exit
 * }</pre>
 *
 * <ul>
 * <li>{@code cfg}: {@link BridgeOfConfig}: the Controller rows ({@link ControllerConfig}: target,
 *     max_backoff, inactivity_probe, connection_mode, controller_rate_limit,
 *     controller_burst_limit, enable_async_messages), fail_mode, protocols (use
 *     {@link BridgeOfConfig#parseProtocols}), and the SSL table's files.</li>
 * <li>The manager becomes the bridge's {@link org.jvswitch.ofproto.PacketInSink} (packet-ins
 *     and flow-removed go to its connections) and puts its meters in the datapath's table.</li>
 * <li>{@code xlate} must be the translator the upcall handler uses (same bridge registry):
 *     packet-outs and traces run through it.</li>
 * <li>Call {@link #controllerStatus} about once a second or when told something changed; the
 *     status map has OVS's keys (state, last_error, sec_since_connect, sec_since_disconnect).</li>
 * <li>Only out-of-band control: connection_mode=in-band is accepted and treated as out-of-band.</li>
 * </ul>
 *
 * <p>Threads: every method may be called from any thread (the bridge layer's); connections run
 * on two "ofconn-io" threads; a once-a-second tick there runs the fail-open checks.
 */
public final class OpenFlowManager implements AutoCloseable {
    private static final Logger LOG = Vlog.module("ofproto");

    /** Why a port-status is sent. */
    public enum PortReason { ADD, DELETE, MODIFY }

    private final Path rundir;
    private final OfDatapath datapath;
    private final OfTransport transport = new OfTransport(2);
    private final MessageHandler handler;
    private final Map<String, ConnManager> bridges = new ConcurrentHashMap<>();
    private final TraceCommands trace;
    private final UnixctlServer unixctl;

    /**
     * @param rundir   where the {@code .mgmt} sockets go (OVS_RUNDIR, /var/run/openvswitch)
     * @param unixctl  for ofproto/trace and ofproto/list; null for none
     * @param datapath packet-out, port statistics, meters ({@link OfDatapath#NONE} without one)
     * @param xlate    the translator of the switch's bridges
     */
    public OpenFlowManager(Path rundir, UnixctlServer unixctl, OfDatapath datapath, Xlate xlate) {
        this.rundir = rundir;
        this.datapath = datapath;
        this.unixctl = unixctl;
        this.handler = new MessageHandler(xlate);
        this.trace = new TraceCommands(xlate, bridges);
        if (unixctl != null) {
            trace.register(unixctl);
        }
        transport.group().scheduleAtFixedRate(this::tick, 1, 1, TimeUnit.SECONDS);
    }

    private void tick() {
        long now = System.currentTimeMillis();
        for (ConnManager m : bridges.values()) {
            try {
                m.tick(now);
            } catch (RuntimeException e) {
                LOG.warn("{}: {}", m.bridgeName(), e.toString());
            }
        }
    }

    /**
     * {@code r} runs (on a connection thread) after an OpenFlow message changed a bridge's flows,
     * groups or meters: the bridge layer kicks its revalidator, so datapath flows follow at once.
     */
    public void onTableChange(Runnable r) {
        handler.setOnChange(r);
    }

    /** The management socket of a bridge. */
    public Path mgmtSocket(String bridge) {
        return rundir.resolve(bridge + ".mgmt");
    }

    /** Adds a bridge with the default configuration (standalone, no controllers, OpenFlow 1.0-1.4). */
    public void addBridge(Ofproto bridge) throws IOException {
        addBridge(bridge, BridgeOfConfig.defaults());
    }

    /** Adds a bridge: listens on its management socket and connects to its controllers. */
    public synchronized void addBridge(Ofproto bridge, BridgeOfConfig cfg) throws IOException {
        if (bridges.containsKey(bridge.name())) {
            throw new IllegalStateException("bridge " + bridge.name() + " is already managed");
        }
        ConnManager m = new ConnManager(bridge, transport, datapath, handler, cfg);
        Files.createDirectories(rundir);
        m.listenMgmt(mgmtSocket(bridge.name()));
        bridges.put(bridge.name(), m);
        m.configure(cfg);
        LOG.info("{}: OpenFlow management socket {}", bridge.name(), mgmtSocket(bridge.name()));
    }

    public synchronized void removeBridge(String name) {
        ConnManager m = bridges.remove(name);
        if (m != null) {
            m.close();
            try {
                Files.deleteIfExists(mgmtSocket(name));
            } catch (IOException e) {
                LOG.debug("{}: {}", mgmtSocket(name), e.toString());
            }
        }
    }

    public synchronized void configureBridge(String name, BridgeOfConfig cfg) {
        ConnManager m = bridges.get(name);
        if (m == null) {
            throw new IllegalArgumentException("no bridge named " + name);
        }
        m.configure(cfg);
    }

    /** Sends port-status to the bridge's connections (call after the Ofproto's port map changed). */
    public void portChanged(String bridge, OfPort port, PortReason reason) {
        ConnManager m = bridges.get(bridge);
        if (m != null) {
            m.portStatus(port, reason.ordinal());
        }
    }

    /** The Controller rows' status for a bridge (empty for an unknown bridge). */
    public List<ControllerStatus> controllerStatus(String bridge) {
        ConnManager m = bridges.get(bridge);
        return m == null ? List.of() : m.controllerStatus();
    }

    /** The connection manager of a bridge (tests, diagnostics); null if unknown. */
    public ConnManager connections(String bridge) {
        return bridges.get(bridge);
    }

    @Override
    public synchronized void close() {
        for (String name : List.copyOf(bridges.keySet())) {
            removeBridge(name);
        }
        if (unixctl != null) {
            trace.unregister(unixctl);
        }
        transport.close();
    }
}
