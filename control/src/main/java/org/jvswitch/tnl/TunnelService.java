package org.jvswitch.tnl;

import java.util.function.Supplier;
import org.jvswitch.dpif.DpifNetdev;
import org.jvswitch.unixctl.UnixctlServer;

/**
 * Native tunneling's state, in one place for the daemon to create, wire and close: the route
 * table, the neighbour cache, the tunnel interfaces and their vports, and the kernel route
 * watcher. The translation side is {@code org.jvswitch.ofproto.TunnelXlate}, built on this.
 *
 * <pre>{@code
 * TunnelService tunnels = TunnelService.forDatapath(vswitchd::datapath);
 * tunnels.setInvalidator(() -> registry.all().forEach(Ofproto::bump));   // routes/neighbours changed
 * xlate.setTunnels(new TunnelXlate(tunnels, dpif::execute));
 * tunnels.start(unixctl, true);                                          // commands, kernel routes
 * // bridge layer, per tunnel interface: tunnels.ports().add(bridge, name, type, options) / remove(name)
 * }</pre>
 */
public final class TunnelService implements AutoCloseable {
    private final OvsRouter router = new OvsRouter();
    private final TunnelNeighbors neighbors = new TunnelNeighbors();
    private final TunnelPorts ports;
    private SystemRoutes system;

    public TunnelService(TunnelPorts.Vports vports) {
        this.ports = new TunnelPorts(vports);
    }

    /** Tunnel vports made in the datapath {@code dpif} supplies (null while it is not running). */
    public static TunnelService forDatapath(Supplier<DpifNetdev> dpif) {
        return new TunnelService(TunnelPorts.of(dpif));
    }

    public OvsRouter router() {
        return router;
    }

    public TunnelNeighbors neighbors() {
        return neighbors;
    }

    public TunnelPorts ports() {
        return ports;
    }

    /** The kernel route watcher, or null when not following the kernel. */
    public SystemRoutes systemRoutes() {
        return system;
    }

    /** What to run when a route, neighbour or tunnel interface changes (revalidate the megaflows). */
    public void setInvalidator(Runnable r) {
        router.setListener(r);
        neighbors.setListener(r);
        ports.setListener(r);
    }

    /**
     * Registers the tunnel commands and, with {@code followKernel}, starts copying the kernel's
     * routes and addresses (re-read on every change, and every 30 s).
     */
    public synchronized void start(UnixctlServer unixctl, boolean followKernel) {
        if (unixctl != null) {
            TunnelCommands.register(unixctl, this);
        }
        if (followKernel && system == null) {
            system = new SystemRoutes(router).start(30);
        }
    }

    @Override
    public synchronized void close() {
        if (system != null) {
            system.close();
            system = null;
        }
    }
}
