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
 * struct rte_eth_vhost_queue_event {
 *     uint16_t queue_id;
 *     bool rx;
 *     bool enable;
 * }
 * }
 */
@SuppressWarnings("restricted")
public class rte_eth_vhost_queue_event {

    rte_eth_vhost_queue_event() {
        // Should not be called directly
    }

    private static final GroupLayout $LAYOUT = MemoryLayout.structLayout(
        jvs_shim_h.C_SHORT.withName("queue_id"),
        jvs_shim_h.C_BOOL.withName("rx"),
        jvs_shim_h.C_BOOL.withName("enable")
    ).withName("rte_eth_vhost_queue_event");

    /**
     * The layout of this struct
     */
    public static final GroupLayout layout() {
        return $LAYOUT;
    }

    private static final OfShort queue_id$LAYOUT = (OfShort)$LAYOUT.select(groupElement("queue_id"));

    /**
     * Layout for field:
     * {@snippet lang=c :
     * uint16_t queue_id
     * }
     */
    public static final OfShort queue_id$layout() {
        return queue_id$LAYOUT;
    }

    private static final long queue_id$OFFSET = 0;

    /**
     * Offset for field:
     * {@snippet lang=c :
     * uint16_t queue_id
     * }
     */
    public static final long queue_id$offset() {
        return queue_id$OFFSET;
    }

    /**
     * Getter for field:
     * {@snippet lang=c :
     * uint16_t queue_id
     * }
     */
    public static short queue_id(MemorySegment struct) {
        return struct.get(queue_id$LAYOUT, queue_id$OFFSET);
    }

    /**
     * Setter for field:
     * {@snippet lang=c :
     * uint16_t queue_id
     * }
     */
    public static void queue_id(MemorySegment struct, short fieldValue) {
        struct.set(queue_id$LAYOUT, queue_id$OFFSET, fieldValue);
    }

    private static final OfBoolean rx$LAYOUT = (OfBoolean)$LAYOUT.select(groupElement("rx"));

    /**
     * Layout for field:
     * {@snippet lang=c :
     * bool rx
     * }
     */
    public static final OfBoolean rx$layout() {
        return rx$LAYOUT;
    }

    private static final long rx$OFFSET = 2;

    /**
     * Offset for field:
     * {@snippet lang=c :
     * bool rx
     * }
     */
    public static final long rx$offset() {
        return rx$OFFSET;
    }

    /**
     * Getter for field:
     * {@snippet lang=c :
     * bool rx
     * }
     */
    public static boolean rx(MemorySegment struct) {
        return struct.get(rx$LAYOUT, rx$OFFSET);
    }

    /**
     * Setter for field:
     * {@snippet lang=c :
     * bool rx
     * }
     */
    public static void rx(MemorySegment struct, boolean fieldValue) {
        struct.set(rx$LAYOUT, rx$OFFSET, fieldValue);
    }

    private static final OfBoolean enable$LAYOUT = (OfBoolean)$LAYOUT.select(groupElement("enable"));

    /**
     * Layout for field:
     * {@snippet lang=c :
     * bool enable
     * }
     */
    public static final OfBoolean enable$layout() {
        return enable$LAYOUT;
    }

    private static final long enable$OFFSET = 3;

    /**
     * Offset for field:
     * {@snippet lang=c :
     * bool enable
     * }
     */
    public static final long enable$offset() {
        return enable$OFFSET;
    }

    /**
     * Getter for field:
     * {@snippet lang=c :
     * bool enable
     * }
     */
    public static boolean enable(MemorySegment struct) {
        return struct.get(enable$LAYOUT, enable$OFFSET);
    }

    /**
     * Setter for field:
     * {@snippet lang=c :
     * bool enable
     * }
     */
    public static void enable(MemorySegment struct, boolean fieldValue) {
        struct.set(enable$LAYOUT, enable$OFFSET, fieldValue);
    }

    /**
     * Obtains a slice of {@code arrayParam} which selects the array element at {@code index}.
     * The returned segment has address {@code arrayParam.address() + index * layout().byteSize()}
     */
    public static MemorySegment asSlice(MemorySegment array, long index) {
        return array.asSlice(layout().byteSize() * index);
    }

    /**
     * The size (in bytes) of this struct
     */
    public static long sizeof() { return layout().byteSize(); }

    /**
     * Allocate a segment of size {@code layout().byteSize()} using {@code allocator}
     */
    public static MemorySegment allocate(SegmentAllocator allocator) {
        return allocator.allocate(layout());
    }

    /**
     * Allocate an array of size {@code elementCount} using {@code allocator}.
     * The returned segment has size {@code elementCount * layout().byteSize()}.
     */
    public static MemorySegment allocateArray(long elementCount, SegmentAllocator allocator) {
        return allocator.allocate(MemoryLayout.sequenceLayout(elementCount, layout()));
    }

    /**
     * Reinterprets {@code addr} using target {@code arena} and {@code cleanupAction} (if any).
     * The returned segment has size {@code layout().byteSize()}
     */
    public static MemorySegment reinterpret(MemorySegment addr, Arena arena, Consumer<MemorySegment> cleanup) {
        return reinterpret(addr, 1, arena, cleanup);
    }

    /**
     * Reinterprets {@code addr} using target {@code arena} and {@code cleanupAction} (if any).
     * The returned segment has size {@code elementCount * layout().byteSize()}
     */
    public static MemorySegment reinterpret(MemorySegment addr, long elementCount, Arena arena, Consumer<MemorySegment> cleanup) {
        return addr.reinterpret(layout().byteSize() * elementCount, arena, cleanup);
    }
}

