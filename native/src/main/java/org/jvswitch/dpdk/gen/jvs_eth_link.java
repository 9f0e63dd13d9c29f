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
 * struct jvs_eth_link {
 *     uint32_t speed;
 *     uint8_t duplex;
 *     uint8_t autoneg;
 *     uint8_t status;
 *     uint8_t reserved;
 * }
 * }
 */
@SuppressWarnings("restricted")
public class jvs_eth_link {

    jvs_eth_link() {
        // Should not be called directly
    }

    private static final GroupLayout $LAYOUT = MemoryLayout.structLayout(
        jvs_shim_h.C_INT.withName("speed"),
        jvs_shim_h.C_CHAR.withName("duplex"),
        jvs_shim_h.C_CHAR.withName("autoneg"),
        jvs_shim_h.C_CHAR.withName("status"),
        jvs_shim_h.C_CHAR.withName("reserved")
    ).withName("jvs_eth_link");

    /**
     * The layout of this struct
     */
    public static final GroupLayout layout() {
        return $LAYOUT;
    }

    private static final OfInt speed$LAYOUT = (OfInt)$LAYOUT.select(groupElement("speed"));

    /**
     * Layout for field:
     * {@snippet lang=c :
     * uint32_t speed
     * }
     */
    public static final OfInt speed$layout() {
        return speed$LAYOUT;
    }

    private static final long speed$OFFSET = 0;

    /**
     * Offset for field:
     * {@snippet lang=c :
     * uint32_t speed
     * }
     */
    public static final long speed$offset() {
        return speed$OFFSET;
    }

    /**
     * Getter for field:
     * {@snippet lang=c :
     * uint32_t speed
     * }
     */
    public static int speed(MemorySegment struct) {
        return struct.get(speed$LAYOUT, speed$OFFSET);
    }

    /**
     * Setter for field:
     * {@snippet lang=c :
     * uint32_t speed
     * }
     */
    public static void speed(MemorySegment struct, int fieldValue) {
        struct.set(speed$LAYOUT, speed$OFFSET, fieldValue);
    }

    private static final OfByte duplex$LAYOUT = (OfByte)$LAYOUT.select(groupElement("duplex"));

    /**
     * Layout for field:
     * {@snippet lang=c :
     * uint8_t duplex
     * }
     */
    public static final OfByte duplex$layout() {
        return duplex$LAYOUT;
    }

    private static final long duplex$OFFSET = 4;

    /**
     * Offset for field:
     * {@snippet lang=c :
     * uint8_t duplex
     * }
     */
    public static final long duplex$offset() {
        return duplex$OFFSET;
    }

    /**
     * Getter for field:
     * {@snippet lang=c :
     * uint8_t duplex
     * }
     */
    public static byte duplex(MemorySegment struct) {
        return struct.get(duplex$LAYOUT, duplex$OFFSET);
    }

    /**
     * Setter for field:
     * {@snippet lang=c :
     * uint8_t duplex
     * }
     */
    public static void duplex(MemorySegment struct, byte fieldValue) {
        struct.set(duplex$LAYOUT, duplex$OFFSET, fieldValue);
    }

    private static final OfByte autoneg$LAYOUT = (OfByte)$LAYOUT.select(groupElement("autoneg"));

    /**
     * Layout for field:
     * {@snippet lang=c :
     * uint8_t autoneg
     * }
     */
    public static final OfByte autoneg$layout() {
        return autoneg$LAYOUT;
    }

    private static final long autoneg$OFFSET = 5;

    /**
     * Offset for field:
     * {@snippet lang=c :
     * uint8_t autoneg
     * }
     */
    public static final long autoneg$offset() {
        return autoneg$OFFSET;
    }

    /**
     * Getter for field:
     * {@snippet lang=c :
     * uint8_t autoneg
     * }
     */
    public static byte autoneg(MemorySegment struct) {
        return struct.get(autoneg$LAYOUT, autoneg$OFFSET);
    }

    /**
     * Setter for field:
     * {@snippet lang=c :
     * uint8_t autoneg
     * }
     */
    public static void autoneg(MemorySegment struct, byte fieldValue) {
        struct.set(autoneg$LAYOUT, autoneg$OFFSET, fieldValue);
    }

    private static final OfByte status$LAYOUT = (OfByte)$LAYOUT.select(groupElement("status"));

    /**
     * Layout for field:
     * {@snippet lang=c :
     * uint8_t status
     * }
     */
    public static final OfByte status$layout() {
        return status$LAYOUT;
    }

    private static final long status$OFFSET = 6;

    /**
     * Offset for field:
     * {@snippet lang=c :
     * uint8_t status
     * }
     */
    public static final long status$offset() {
        return status$OFFSET;
    }

    /**
     * Getter for field:
     * {@snippet lang=c :
     * uint8_t status
     * }
     */
    public static byte status(MemorySegment struct) {
        return struct.get(status$LAYOUT, status$OFFSET);
    }

    /**
     * Setter for field:
     * {@snippet lang=c :
     * uint8_t status
     * }
     */
    public static void status(MemorySegment struct, byte fieldValue) {
        struct.set(status$LAYOUT, status$OFFSET, fieldValue);
    }

    private static final OfByte reserved$LAYOUT = (OfByte)$LAYOUT.select(groupElement("reserved"));

    /**
     * Layout for field:
     * {@snippet lang=c :
     * uint8_t reserved
     * }
     */
    public static final OfByte reserved$layout() {
        return reserved$LAYOUT;
    }

    private static final long reserved$OFFSET = 7;

    /**
     * Offset for field:
     * {@snippet lang=c :
     * uint8_t reserved
     * }
     */
    public static final long reserved$offset() {
        return reserved$OFFSET;
    }

    /**
     * Getter for field:
     * {@snippet lang=c :
     * uint8_t reserved
     * }
     */
    public static byte reserved(MemorySegment struct) {
        return struct.get(reserved$LAYOUT, reserved$OFFSET);
    }

    /**
     * Setter for field:
     * {@snippet lang=c :
     * uint8_t reserved
     * }
     */
    public static void reserved(MemorySegment struct, byte fieldValue) {
        struct.set(reserved$LAYOUT, reserved$OFFSET, fieldValue);
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

