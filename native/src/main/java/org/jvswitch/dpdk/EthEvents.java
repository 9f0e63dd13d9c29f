package org.jvswitch.dpdk;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import org.jvswitch.coverage.Coverage;
import org.jvswitch.coverage.CoverageCounter;
import org.jvswitch.dpdk.gen.jvs_shim_h;
import org.jvswitch.dpdk.gen.rte_eth_dev_cb_fn;
import org.jvswitch.dpdk.gen.rte_eth_vhost_queue_event;
import org.jvswitch.vlog.Vlog;
import org.slf4j.Logger;

/**
 * Port events from DPDK into Java: link up/down (RTE_ETH_EVENT_INTR_LSC; for vhost-user ports a
 * guest's virtio device appearing or going away), vring enable/disable (QUEUE_STATE, read with
 * rte_eth_vhost_get_queue_event), removal (INTR_RMV), and ports created or destroyed (NEW,
 * DESTROY).
 *
 * <p>One FFM upcall stub is registered for all ports (RTE_ETH_ALL). DPDK calls it on its own
 * threads (the interrupt thread, the vhost-events thread), never on a PMD's burst path. The stub
 * must return and must not throw (an exception escaping an upcall ends the JVM), so it catches
 * everything, counts it, and hands each event to the {@link Listener}s, which must be quick and
 * must not block: they record state and wake whoever cares.
 */
public final class EthEvents {
    private static final Logger LOG = Vlog.module("netdev_dpdk");

    public static final int LSC = jvs_shim_h.RTE_ETH_EVENT_INTR_LSC();
    public static final int QUEUE_STATE = jvs_shim_h.RTE_ETH_EVENT_QUEUE_STATE();
    public static final int REMOVED = jvs_shim_h.RTE_ETH_EVENT_INTR_RMV();
    public static final int NEW = jvs_shim_h.RTE_ETH_EVENT_NEW();
    public static final int DESTROY = jvs_shim_h.RTE_ETH_EVENT_DESTROY();
    private static final int[] EVENTS = {LSC, QUEUE_STATE, REMOVED, NEW, DESTROY};
    private static final CoverageCounter LSC_EVENTS = Coverage.counter("netdev_dpdk_link_event");
    private static final CoverageCounter VRING_EVENTS = Coverage.counter("vhost_vring_state_event");

    /** Receives port events on a DPDK thread; must be quick, must not block. */
    public interface Listener {
        /**
         * @param queueId for QUEUE_STATE, the vring's queue (-1 otherwise)
         * @param rx      for QUEUE_STATE, whether it is the port's rx side
         * @param enabled for QUEUE_STATE, whether the guest enabled it
         */
        void onEthEvent(int portId, int event, int queueId, boolean rx, boolean enabled);
    }

    private static final CopyOnWriteArrayList<Listener> LISTENERS = new CopyOnWriteArrayList<>();
    private static final AtomicLong EVENTS_SEEN = new AtomicLong();
    private static final AtomicLong LISTENER_FAILURES = new AtomicLong();
    private static MemorySegment stub;

    private EthEvents() {
    }

    public static void addListener(Listener l) {
        LISTENERS.add(l);
    }

    public static void removeListener(Listener l) {
        LISTENERS.remove(l);
    }

    /** Registers the upcall with DPDK for every port and event above; idempotent. */
    public static synchronized void start() {
        Eal.requireInitialized();
        if (stub != null) {
            return;
        }
        stub = rte_eth_dev_cb_fn.allocate(EthEvents::onEvent, Arena.global());
        short all = (short) jvs_shim_h.RTE_MAX_ETHPORTS();
        for (int event : EVENTS) {
            Rte.check(jvs_shim_h.rte_eth_dev_callback_register(all, event, stub, MemorySegment.NULL),
                    "rte_eth_dev_callback_register(event " + event + ")");
        }
    }

    /** Events received so far (for tests and coverage). */
    public static long eventsSeen() {
        return EVENTS_SEEN.get();
    }

    /** Exceptions listeners threw (each caught and logged). */
    public static long listenerFailures() {
        return LISTENER_FAILURES.get();
    }

    private static int onEvent(short port, int event, MemorySegment arg, MemorySegment ret) {
        try {
            EVENTS_SEEN.incrementAndGet();
            int portId = Short.toUnsignedInt(port);
            if (event == LSC) {
                LSC_EVENTS.inc();
            }
            if (event == QUEUE_STATE) {
                VRING_EVENTS.inc();
                boolean any = false;
                try (Arena arena = Arena.ofConfined()) {
                    MemorySegment ev = rte_eth_vhost_queue_event.allocate(arena);
                    while (jvs_shim_h.rte_eth_vhost_get_queue_event(port, ev) == 0) {
                        any = true;
                        deliver(portId, event, Short.toUnsignedInt(rte_eth_vhost_queue_event.queue_id(ev)),
                                rte_eth_vhost_queue_event.rx(ev), rte_eth_vhost_queue_event.enable(ev));
                    }
                }
                if (!any) {
                    deliver(portId, event, -1, false, false);
                }
            } else {
                deliver(portId, event, -1, false, false);
            }
        } catch (Throwable t) {
            LISTENER_FAILURES.incrementAndGet();
        }
        return 0;
    }

    private static void deliver(int portId, int event, int queueId, boolean rx, boolean enabled) {
        for (Listener l : LISTENERS) {
            try {
                l.onEthEvent(portId, event, queueId, rx, enabled);
            } catch (Throwable t) {
                LISTENER_FAILURES.incrementAndGet();
                LOG.warn("port event listener failed on event {} of port {}: {}", event, portId, t.toString());
            }
        }
    }
}
