package org.jvswitch.dpif;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.agrona.ErrorHandler;
import org.agrona.concurrent.AgentRunner;
import org.jvswitch.coverage.Coverage;
import org.jvswitch.coverage.CoverageCounter;
import org.jvswitch.dpdk.MbufPools;
import org.jvswitch.netdev.NetdevDpdk;
import org.jvswitch.netdev.NetdevException;
import org.jvswitch.netdev.NetdevSpec;
import org.jvswitch.pmd.PmdIdle;
import org.jvswitch.pmd.PmdThread;
import org.jvswitch.pmd.Rxq;
import org.jvswitch.vlog.Vlog;
import org.slf4j.Logger;

/**
 * The userspace datapath (Open vSwitch's dpif-netdev, named {@code ovs-netdev}): its ports and the
 * PMD threads that move their packets.
 *
 * <p>Adding a port opens its netdev, gives every PMD a tx queue on it (its own when the port has
 * enough, else a shared one with a lock), and hands its rx queues to the PMDs round-robin;
 * removing one takes it away from every PMD first and then closes it. Both wait until every PMD
 * has run the command, so when they return no PMD touches a closed port.
 *
 * <p>Thread safety: the port table is changed under this object's lock by control threads.
 */
public final class DpifNetdev implements AutoCloseable {
    private static final Logger LOG = Vlog.module("dpif_netdev");
    private static final long COMMAND_TIMEOUT_S = 10;
    private static final CoverageCounter PORT_ADD = Coverage.counter("dpif_port_add");
    private static final CoverageCounter PORT_ADD_ERROR = Coverage.counter("dpif_port_add_error");
    private static final CoverageCounter PORT_DEL = Coverage.counter("dpif_port_del");

    private final String name;
    private final MbufPools pools;
    private final Path vhostSockDir;
    private final List<PmdThread> pmds = new ArrayList<>();
    private final List<AgentRunner> runners = new ArrayList<>();
    private final Map<String, DpPort> byName = new HashMap<>();
    private final TreeMap<Integer, DpPort> byNumber = new TreeMap<>();
    private int nextRxqPmd;
    private boolean closed;

    /**
     * @param pmdCores   one PMD thread per core
     * @param maxSleepUs other_config:pmd-maxsleep
     */
    public DpifNetdev(String name, List<Integer> pmdCores, int maxSleepUs, MbufPools pools, Path vhostSockDir) {
        this.name = name;
        this.pools = pools;
        this.vhostSockDir = vhostSockDir;
        ErrorHandler onError = t -> LOG.error("PMD error: {}", t.toString(), t);
        for (int i = 0; i < pmdCores.size(); i++) {
            PmdThread pmd = new PmdThread(i, pmdCores.get(i));
            pmds.add(pmd);
            AgentRunner runner = new AgentRunner(PmdIdle.forMaxSleepMicros(maxSleepUs), onError, null, pmd);
            runners.add(runner);
            AgentRunner.startOnThread(runner, r -> Thread.ofPlatform().name(pmd.roleName()).unstarted(r));
        }
        LOG.info("datapath {} with {} PMD thread(s) on cores {}", name, pmds.size(), pmdCores);
    }

    public String name() {
        return name;
    }

    public List<PmdThread> pmds() {
        return List.copyOf(pmds);
    }

    /**
     * Adds a port.
     *
     * @param requestedPortNo the port number wanted, or -1 for the lowest free one
     * @throws NetdevException with a one-line reason (name taken, bad options, device missing...)
     */
    public synchronized DpPort addPort(String portName, String type, Map<String, String> options, int mtuRequest,
                                       int requestedPortNo) {
        if (closed) {
            throw new NetdevException("datapath " + name + " is closed");
        }
        if (byName.containsKey(portName)) {
            throw new NetdevException("port name '" + portName + "' is already in use in " + name);
        }
        if (requestedPortNo == 0 || requestedPortNo >= 65280) {
            throw new NetdevException("port_no " + requestedPortNo + " is out of range 1..65279");
        }
        if (requestedPortNo > 0 && byNumber.containsKey(requestedPortNo)) {
            throw new NetdevException("port_no " + requestedPortNo + " is already in use by "
                    + byNumber.get(requestedPortNo).name());
        }
        NetdevDpdk netdev;
        try {
            NetdevSpec spec = NetdevSpec.of(portName, type, options, mtuRequest, vhostSockDir);
            netdev = NetdevDpdk.open(spec, pools, pmds.size() + 1);
        } catch (NetdevException e) {
            PORT_ADD_ERROR.inc();
            throw e;
        }
        int portNo = requestedPortNo > 0 ? requestedPortNo : freePortNo();
        DpPort port = new DpPort(portNo, portName, netdev);
        try {
            List<CompletableFuture<Void>> done = new ArrayList<>();
            int txq = netdev.txQueues();
            boolean shared = txq < pmds.size();
            Object[] locks = new Object[txq];
            for (int q = 0; q < txq; q++) {
                locks[q] = new Object();
            }
            for (PmdThread pmd : pmds) {
                int q = pmd.index() % txq;
                done.add(pmd.addTxPort(portNo, netdev, q, shared ? locks[q] : null));
            }
            for (int q = 0; q < netdev.rxQueues() && !pmds.isEmpty(); q++) {
                PmdThread pmd = pmds.get(nextRxqPmd++ % pmds.size());
                done.add(pmd.addRxq(new Rxq(portNo, netdev, q)));
            }
            await(done, "adding " + portName);
        } catch (NetdevException e) {
            await(removeFromPmds(portNo), "removing " + portName);
            netdev.close();
            throw e;
        }
        byName.put(portName, port);
        byNumber.put(portNo, port);
        PORT_ADD.inc();
        LOG.info("{}: added port {} as port {}", name, portName, portNo);
        return port;
    }

    /** Removes a port; throws if there is none of that name. */
    public synchronized void deletePort(String portName) {
        DpPort port = byName.get(portName);
        if (port == null) {
            throw new NetdevException("no port named '" + portName + "' in " + name);
        }
        await(removeFromPmds(port.portNo()), "removing " + portName);
        byName.remove(portName);
        byNumber.remove(port.portNo());
        port.netdev().close();
        PORT_DEL.inc();
        LOG.info("{}: deleted port {}", name, portName);
    }

    public synchronized DpPort port(String portName) {
        return byName.get(portName);
    }

    /** Ports by number. */
    public synchronized List<DpPort> ports() {
        return List.copyOf(byNumber.values());
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        for (AgentRunner r : runners) {
            r.close();
        }
        for (DpPort p : byNumber.values()) {
            p.netdev().close();
        }
        byName.clear();
        byNumber.clear();
    }

    private List<CompletableFuture<Void>> removeFromPmds(int portNo) {
        List<CompletableFuture<Void>> done = new ArrayList<>();
        for (PmdThread pmd : pmds) {
            done.add(pmd.removePort(portNo));
        }
        return done;
    }

    private int freePortNo() {
        int n = 1;
        while (byNumber.containsKey(n)) {
            n++;
        }
        return n;
    }

    private static void await(List<CompletableFuture<Void>> done, String what) {
        try {
            CompletableFuture.allOf(done.toArray(CompletableFuture[]::new)).get(COMMAND_TIMEOUT_S, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new NetdevException(what + ": interrupted");
        } catch (ExecutionException e) {
            throw new NetdevException(what + ": " + e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            throw new NetdevException(what + ": the PMD threads did not answer within " + COMMAND_TIMEOUT_S + " s");
        }
    }
}
