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
 * struct jvs_eth_port_conf {
 *     uint64_t rss_hf;
 *     uint64_t rx_offloads;
 *     uint64_t tx_offloads;
 *     uint32_t mtu;
 *     uint8_t lsc_intr;
 *     uint8_t reserved[3];
 * }
 * }
 */
@SuppressWarnings("restricted")
public class jvs_eth_port_conf {

    jvs_eth_port_conf() {
        // Should not be called directly
    }

    private static final GroupLayout $LAYOUT = MemoryLayout.structLayout(
        jvs_shim_h.C_LONG.withName("rss_hf"),
        jvs_shim_h.C_LONG.withName("rx_offloads"),
        jvs_shim_h.C_LONG.withName("tx_offloads"),
        jvs_shim_h.C_INT.withName("mtu"),
        jvs_shim_h.C_CHAR.withName("lsc_intr"),
        MemoryLayout.sequenceLayout(3, jvs_shim_h.C_CHAR).withName("reserved")
    ).withName("jvs_eth_port_conf");

    /**
     * The layout of this struct
     */
    public static final GroupLayout layout() {
        return $LAYOUT;
    }

    private static final OfLong rss_hf$LAYOUT = (OfLong)$LAYOUT.select(groupElement("rss_hf"));

    /**
     * Layout for field:
     * {@snippet lang=c :
     * uint64_t rss_hf
     * }
     */
    public static final OfLong rss_hf$layout() {
        return rss_hf$LAYOUT;
    }

    private static final long rss_hf$OFFSET = 0;

    /**
     * Offset for field:
     * {@snippet lang=c :
     * uint64_t rss_hf
     * }
     */
    public static final long rss_hf$offset() {
        return rss_hf$OFFSET;
    }

    /**
     * Getter for field:
     * {@snippet lang=c :
     * uint64_t rss_hf
     * }
     */
    public static long rss_hf(MemorySegment struct) {
        return struct.get(rss_hf$LAYOUT, rss_hf$OFFSET);
    }

    /**
     * Setter for field:
     * {@snippet lang=c :
     * uint64_t rss_hf
     * }
     */
    public static void rss_hf(MemorySegment struct, long fieldValue) {
        struct.set(rss_hf$LAYOUT, rss_hf$OFFSET, fieldValue);
    }

    private static final OfLong rx_offloads$LAYOUT = (OfLong)$LAYOUT.select(groupElement("rx_offloads"));

    /**
     * Layout for field:
     * {@snippet lang=c :
     * uint64_t rx_offloads
     * }
     */
    public static final OfLong rx_offloads$layout() {
        return rx_offloads$LAYOUT;
    }

    private static final long rx_offloads$OFFSET = 8;

    /**
     * Offset for field:
     * {@snippet lang=c :
     * uint64_t rx_offloads
     * }
     */
    public static final long rx_offloads$offset() {
        return rx_offloads$OFFSET;
    }

    /**
     * Getter for field:
     * {@snippet lang=c :
     * uint64_t rx_offloads
     * }
     */
    public static long rx_offloads(MemorySegment struct) {
        return struct.get(rx_offloads$LAYOUT, rx_offloads$OFFSET);
    }

    /**
     * Setter for field:
     * {@snippet lang=c :
     * uint64_t rx_offloads
     * }
     */
    public static void rx_offloads(MemorySegment struct, long fieldValue) {
        struct.set(rx_offloads$LAYOUT, rx_offloads$OFFSET, fieldValue);
    }

    private static final OfLong tx_offloads$LAYOUT = (OfLong)$LAYOUT.select(groupElement("tx_offloads"));

    /**
     * Layout for field:
     * {@snippet lang=c :
     * uint64_t tx_offloads
     * }
     */
    public static final OfLong tx_offloads$layout() {
        return tx_offloads$LAYOUT;
    }

    private static final long tx_offloads$OFFSET = 16;

    /**
     * Offset for field:
     * {@snippet lang=c :
     * uint64_t tx_offloads
     * }
     */
    public static final long tx_offloads$offset() {
        return tx_offloads$OFFSET;
    }

    /**
     * Getter for field:
     * {@snippet lang=c :
     * uint64_t tx_offloads
     * }
     */
    public static long tx_offloads(MemorySegment struct) {
        return struct.get(tx_offloads$LAYOUT, tx_offloads$OFFSET);
    }

    /**
     * Setter for field:
     * {@snippet lang=c :
     * uint64_t tx_offloads
     * }
     */
    public static void tx_offloads(MemorySegment struct, long fieldValue) {
        struct.set(tx_offloads$LAYOUT, tx_offloads$OFFSET, fieldValue);
    }

    private static final OfInt mtu$LAYOUT = (OfInt)$LAYOUT.select(groupElement("mtu"));

    /**
     * Layout for field:
     * {@snippet lang=c :
     * uint32_t mtu
     * }
     */
    public static final OfInt mtu$layout() {
        return mtu$LAYOUT;
    }

    private static final long mtu$OFFSET = 24;

    /**
     * Offset for field:
     * {@snippet lang=c :
     * uint32_t mtu
     * }
     */
    public static final long mtu$offset() {
        return mtu$OFFSET;
    }

    /**
     * Getter for field:
     * {@snippet lang=c :
     * uint32_t mtu
     * }
     */
    public static int mtu(MemorySegment struct) {
        return struct.get(mtu$LAYOUT, mtu$OFFSET);
    }

    /**
     * Setter for field:
     * {@snippet lang=c :
     * uint32_t mtu
     * }
     */
    public static void mtu(MemorySegment struct, int fieldValue) {
        struct.set(mtu$LAYOUT, mtu$OFFSET, fieldValue);
    }

    private static final OfByte lsc_intr$LAYOUT = (OfByte)$LAYOUT.select(groupElement("lsc_intr"));

    /**
     * Layout for field:
     * {@snippet lang=c :
     * uint8_t lsc_intr
     * }
     */
    public static final OfByte lsc_intr$layout() {
        return lsc_intr$LAYOUT;
    }

    private static final long lsc_intr$OFFSET = 28;

    /**
     * Offset for field:
     * {@snippet lang=c :
     * uint8_t lsc_intr
     * }
     */
    public static final long lsc_intr$offset() {
        return lsc_intr$OFFSET;
    }

    /**
     * Getter for field:
     * {@snippet lang=c :
     * uint8_t lsc_intr
     * }
     */
    public static byte lsc_intr(MemorySegment struct) {
        return struct.get(lsc_intr$LAYOUT, lsc_intr$OFFSET);
    }

    /**
     * Setter for field:
     * {@snippet lang=c :
     * uint8_t lsc_intr
     * }
     */
    public static void lsc_intr(MemorySegment struct, byte fieldValue) {
        struct.set(lsc_intr$LAYOUT, lsc_intr$OFFSET, fieldValue);
    }

    private static final SequenceLayout reserved$LAYOUT = (SequenceLayout)$LAYOUT.select(groupElement("reserved"));

    /**
     * Layout for field:
     * {@snippet lang=c :
     * uint8_t reserved[3]
     * }
     */
    public static final SequenceLayout reserved$layout() {
        return reserved$LAYOUT;
    }

    private static final long reserved$OFFSET = 29;

    /**
     * Offset for field:
     * {@snippet lang=c :
     * uint8_t reserved[3]
     * }
     */
    public static final long reserved$offset() {
        return reserved$OFFSET;
    }

    /**
     * Getter for field:
     * {@snippet lang=c :
     * uint8_t reserved[3]
     * }
     */
    public static MemorySegment reserved(MemorySegment struct) {
        return struct.asSlice(reserved$OFFSET, reserved$LAYOUT.byteSize());
    }

    /**
     * Setter for field:
     * {@snippet lang=c :
     * uint8_t reserved[3]
     * }
     */
    public static void reserved(MemorySegment struct, MemorySegment fieldValue) {
        MemorySegment.copy(fieldValue, 0L, struct, reserved$OFFSET, reserved$LAYOUT.byteSize());
    }

    private static long[] reserved$DIMS = { 3 };

    /**
     * Dimensions for array field:
     * {@snippet lang=c :
     * uint8_t reserved[3]
     * }
     */
    public static long[] reserved$dimensions() {
        return reserved$DIMS;
    }
    private static final VarHandle reserved$ELEM_HANDLE = reserved$LAYOUT.varHandle(sequenceElement());

    /**
     * Indexed getter for field:
     * {@snippet lang=c :
     * uint8_t reserved[3]
     * }
     */
    public static byte reserved(MemorySegment struct, long index0) {
        return (byte)reserved$ELEM_HANDLE.get(struct, reserved$OFFSET, index0);
    }

    /**
     * Indexed setter for field:
     * {@snippet lang=c :
     * uint8_t reserved[3]
     * }
     */
    public static void reserved(MemorySegment struct, long index0, byte fieldValue) {
        reserved$ELEM_HANDLE.set(struct, reserved$OFFSET, index0, fieldValue);
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

