// jextract-shaped binding (see package-info.java); regenerate with native/jextract.sh, do not edit.

package org.jvswitch.dpdk.gen;

import java.lang.invoke.*;
import java.lang.foreign.*;
import java.nio.ByteOrder;
import java.util.*;
import java.util.function.*;
import java.util.stream.*;

import static java.lang.foreign.ValueLayout.*;
import static java.lang.foreign.MemoryLayout.PathElement.*;

/**
 * {@snippet lang=c :
 * typedef int (*rte_eth_dev_cb_fn)(uint16_t, enum rte_eth_event_type {
 *     RTE_ETH_EVENT_UNKNOWN,
 *     RTE_ETH_EVENT_INTR_LSC,
 *     RTE_ETH_EVENT_QUEUE_STATE,
 *     RTE_ETH_EVENT_INTR_RESET,
 *     RTE_ETH_EVENT_VF_MBOX,
 *     RTE_ETH_EVENT_MACSEC,
 *     RTE_ETH_EVENT_INTR_RMV,
 *     RTE_ETH_EVENT_NEW,
 *     RTE_ETH_EVENT_DESTROY,
 *     RTE_ETH_EVENT_IPSEC,
 *     RTE_ETH_EVENT_FLOW_AGED,
 *     RTE_ETH_EVENT_RX_AVAIL_THRESH,
 *     RTE_ETH_EVENT_ERR_RECOVERING,
 *     RTE_ETH_EVENT_RECOVERY_SUCCESS,
 *     RTE_ETH_EVENT_RECOVERY_FAILED,
 *     RTE_ETH_EVENT_MAX
 * }, void *, void *)
 * }
 */
@SuppressWarnings("restricted")
public class rte_eth_dev_cb_fn {

    rte_eth_dev_cb_fn() {
        // Should not be called directly
    }

    /**
     * The function pointer signature, expressed as a functional interface
     */
    public interface Function {
        int apply(short port_id, int event, MemorySegment cb_arg, MemorySegment ret_param);
    }

    private static final FunctionDescriptor $DESC = FunctionDescriptor.of(
        jvs_shim_h.C_INT,
        jvs_shim_h.C_SHORT,
        jvs_shim_h.C_INT,
        jvs_shim_h.C_POINTER,
        jvs_shim_h.C_POINTER
    );

    /**
     * The descriptor of this function pointer
     */
    public static FunctionDescriptor descriptor() {
        return $DESC;
    }

    private static final MethodHandle UP$MH = jvs_shim_h.upcallHandle(rte_eth_dev_cb_fn.Function.class, "apply", $DESC);

    /**
     * Allocates a new upcall stub, whose implementation is defined by {@code fi}.
     * The lifetime of the returned segment is managed by {@code arena}
     */
    public static MemorySegment allocate(rte_eth_dev_cb_fn.Function fi, Arena arena) {
        return Linker.nativeLinker().upcallStub(UP$MH.bindTo(fi), $DESC, arena);
    }

    private static final MethodHandle DOWN$MH = Linker.nativeLinker().downcallHandle($DESC);

        /**
         * Invoke the upcall stub {@code funcPtr}, with given parameters
         */
        public static int invoke(MemorySegment funcPtr,short port_id, int event, MemorySegment cb_arg, MemorySegment ret_param) {
            try {
                return (int) DOWN$MH.invokeExact(funcPtr, port_id, event, cb_arg, ret_param);
            } catch (Throwable ex$) {
                throw new AssertionError("should not reach here", ex$);
            }
        }
}

