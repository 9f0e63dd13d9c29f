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
 * struct rte_eth_stats {
 *     uint64_t ipackets;
 *     uint64_t opackets;
 *     uint64_t ibytes;
 *     uint64_t obytes;
 *     uint64_t imissed;
 *     uint64_t ierrors;
 *     uint64_t oerrors;
 *     uint64_t rx_nombuf;
 *     uint64_t q_ipackets[16];
 *     uint64_t q_opackets[16];
 *     uint64_t q_ibytes[16];
 *     uint64_t q_obytes[16];
 *     uint64_t q_errors[16];
 * }
 * }
 */
@SuppressWarnings("restricted")
public class rte_eth_stats {

    rte_eth_stats() {
        // Should not be called directly
    }

    private static final GroupLayout $LAYOUT = MemoryLayout.structLayout(
        jvs_shim_h.C_LONG.withName("ipackets"),
        jvs_shim_h.C_LONG.withName("opackets"),
        jvs_shim_h.C_LONG.withName("ibytes"),
        jvs_shim_h.C_LONG.withName("obytes"),
        jvs_shim_h.C_LONG.withName("imissed"),
        jvs_shim_h.C_LONG.withName("ierrors"),
        jvs_shim_h.C_LONG.withName("oerrors"),
        jvs_shim_h.C_LONG.withName("rx_nombuf"),
        MemoryLayout.sequenceLayout(16, jvs_shim_h.C_LONG).withName("q_ipackets"),
        MemoryLayout.sequenceLayout(16, jvs_shim_h.C_LONG).withName("q_opackets"),
        MemoryLayout.sequenceLayout(16, jvs_shim_h.C_LONG).withName("q_ibytes"),
        MemoryLayout.sequenceLayout(16, jvs_shim_h.C_LONG).withName("q_obytes"),
        MemoryLayout.sequenceLayout(16, jvs_shim_h.C_LONG).withName("q_errors")
    ).withName("rte_eth_stats");

    /**
     * The layout of this struct
     */
    public static final GroupLayout layout() {
        return $LAYOUT;
    }

    private static final OfLong ipackets$LAYOUT = (OfLong)$LAYOUT.select(groupElement("ipackets"));

    /**
     * Layout for field:
     * {@snippet lang=c :
     * uint64_t ipackets
     * }
     */
    public static final OfLong ipackets$layout() {
        return ipackets$LAYOUT;
    }

    private static final long ipackets$OFFSET = 0;

    /**
     * Offset for field:
     * {@snippet lang=c :
     * uint64_t ipackets
     * }
     */
    public static final long ipackets$offset() {
        return ipackets$OFFSET;
    }

    /**
     * Getter for field:
     * {@snippet lang=c :
     * uint64_t ipackets
     * }
     */
    public static long ipackets(MemorySegment struct) {
        return struct.get(ipackets$LAYOUT, ipackets$OFFSET);
    }

    /**
     * Setter for field:
     * {@snippet lang=c :
     * uint64_t ipackets
     * }
     */
    public static void ipackets(MemorySegment struct, long fieldValue) {
        struct.set(ipackets$LAYOUT, ipackets$OFFSET, fieldValue);
    }

    private static final OfLong opackets$LAYOUT = (OfLong)$LAYOUT.select(groupElement("opackets"));

    /**
     * Layout for field:
     * {@snippet lang=c :
     * uint64_t opackets
     * }
     */
    public static final OfLong opackets$layout() {
        return opackets$LAYOUT;
    }

    private static final long opackets$OFFSET = 8;

    /**
     * Offset for field:
     * {@snippet lang=c :
     * uint64_t opackets
     * }
     */
    public static final long opackets$offset() {
        return opackets$OFFSET;
    }

    /**
     * Getter for field:
     * {@snippet lang=c :
     * uint64_t opackets
     * }
     */
    public static long opackets(MemorySegment struct) {
        return struct.get(opackets$LAYOUT, opackets$OFFSET);
    }

    /**
     * Setter for field:
     * {@snippet lang=c :
     * uint64_t opackets
     * }
     */
    public static void opackets(MemorySegment struct, long fieldValue) {
        struct.set(opackets$LAYOUT, opackets$OFFSET, fieldValue);
    }

    private static final OfLong ibytes$LAYOUT = (OfLong)$LAYOUT.select(groupElement("ibytes"));

    /**
     * Layout for field:
     * {@snippet lang=c :
     * uint64_t ibytes
     * }
     */
    public static final OfLong ibytes$layout() {
        return ibytes$LAYOUT;
    }

    private static final long ibytes$OFFSET = 16;

    /**
     * Offset for field:
     * {@snippet lang=c :
     * uint64_t ibytes
     * }
     */
    public static final long ibytes$offset() {
        return ibytes$OFFSET;
    }

    /**
     * Getter for field:
     * {@snippet lang=c :
     * uint64_t ibytes
     * }
     */
    public static long ibytes(MemorySegment struct) {
        return struct.get(ibytes$LAYOUT, ibytes$OFFSET);
    }

    /**
     * Setter for field:
     * {@snippet lang=c :
     * uint64_t ibytes
     * }
     */
    public static void ibytes(MemorySegment struct, long fieldValue) {
        struct.set(ibytes$LAYOUT, ibytes$OFFSET, fieldValue);
    }

    private static final OfLong obytes$LAYOUT = (OfLong)$LAYOUT.select(groupElement("obytes"));

    /**
     * Layout for field:
     * {@snippet lang=c :
     * uint64_t obytes
     * }
     */
    public static final OfLong obytes$layout() {
        return obytes$LAYOUT;
    }

    private static final long obytes$OFFSET = 24;

    /**
     * Offset for field:
     * {@snippet lang=c :
     * uint64_t obytes
     * }
     */
    public static final long obytes$offset() {
        return obytes$OFFSET;
    }

    /**
     * Getter for field:
     * {@snippet lang=c :
     * uint64_t obytes
     * }
     */
    public static long obytes(MemorySegment struct) {
        return struct.get(obytes$LAYOUT, obytes$OFFSET);
    }

    /**
     * Setter for field:
     * {@snippet lang=c :
     * uint64_t obytes
     * }
     */
    public static void obytes(MemorySegment struct, long fieldValue) {
        struct.set(obytes$LAYOUT, obytes$OFFSET, fieldValue);
    }

    private static final OfLong imissed$LAYOUT = (OfLong)$LAYOUT.select(groupElement("imissed"));

    /**
     * Layout for field:
     * {@snippet lang=c :
     * uint64_t imissed
     * }
     */
    public static final OfLong imissed$layout() {
        return imissed$LAYOUT;
    }

    private static final long imissed$OFFSET = 32;

    /**
     * Offset for field:
     * {@snippet lang=c :
     * uint64_t imissed
     * }
     */
    public static final long imissed$offset() {
        return imissed$OFFSET;
    }

    /**
     * Getter for field:
     * {@snippet lang=c :
     * uint64_t imissed
     * }
     */
    public static long imissed(MemorySegment struct) {
        return struct.get(imissed$LAYOUT, imissed$OFFSET);
    }

    /**
     * Setter for field:
     * {@snippet lang=c :
     * uint64_t imissed
     * }
     */
    public static void imissed(MemorySegment struct, long fieldValue) {
        struct.set(imissed$LAYOUT, imissed$OFFSET, fieldValue);
    }

    private static final OfLong ierrors$LAYOUT = (OfLong)$LAYOUT.select(groupElement("ierrors"));

    /**
     * Layout for field:
     * {@snippet lang=c :
     * uint64_t ierrors
     * }
     */
    public static final OfLong ierrors$layout() {
        return ierrors$LAYOUT;
    }

    private static final long ierrors$OFFSET = 40;

    /**
     * Offset for field:
     * {@snippet lang=c :
     * uint64_t ierrors
     * }
     */
    public static final long ierrors$offset() {
        return ierrors$OFFSET;
    }

    /**
     * Getter for field:
     * {@snippet lang=c :
     * uint64_t ierrors
     * }
     */
    public static long ierrors(MemorySegment struct) {
        return struct.get(ierrors$LAYOUT, ierrors$OFFSET);
    }

    /**
     * Setter for field:
     * {@snippet lang=c :
     * uint64_t ierrors
     * }
     */
    public static void ierrors(MemorySegment struct, long fieldValue) {
        struct.set(ierrors$LAYOUT, ierrors$OFFSET, fieldValue);
    }

    private static final OfLong oerrors$LAYOUT = (OfLong)$LAYOUT.select(groupElement("oerrors"));

    /**
     * Layout for field:
     * {@snippet lang=c :
     * uint64_t oerrors
     * }
     */
    public static final OfLong oerrors$layout() {
        return oerrors$LAYOUT;
    }

    private static final long oerrors$OFFSET = 48;

    /**
     * Offset for field:
     * {@snippet lang=c :
     * uint64_t oerrors
     * }
     */
    public static final long oerrors$offset() {
        return oerrors$OFFSET;
    }

    /**
     * Getter for field:
     * {@snippet lang=c :
     * uint64_t oerrors
     * }
     */
    public static long oerrors(MemorySegment struct) {
        return struct.get(oerrors$LAYOUT, oerrors$OFFSET);
    }

    /**
     * Setter for field:
     * {@snippet lang=c :
     * uint64_t oerrors
     * }
     */
    public static void oerrors(MemorySegment struct, long fieldValue) {
        struct.set(oerrors$LAYOUT, oerrors$OFFSET, fieldValue);
    }

    private static final OfLong rx_nombuf$LAYOUT = (OfLong)$LAYOUT.select(groupElement("rx_nombuf"));

    /**
     * Layout for field:
     * {@snippet lang=c :
     * uint64_t rx_nombuf
     * }
     */
    public static final OfLong rx_nombuf$layout() {
        return rx_nombuf$LAYOUT;
    }

    private static final long rx_nombuf$OFFSET = 56;

    /**
     * Offset for field:
     * {@snippet lang=c :
     * uint64_t rx_nombuf
     * }
     */
    public static final long rx_nombuf$offset() {
        return rx_nombuf$OFFSET;
    }

    /**
     * Getter for field:
     * {@snippet lang=c :
     * uint64_t rx_nombuf
     * }
     */
    public static long rx_nombuf(MemorySegment struct) {
        return struct.get(rx_nombuf$LAYOUT, rx_nombuf$OFFSET);
    }

    /**
     * Setter for field:
     * {@snippet lang=c :
     * uint64_t rx_nombuf
     * }
     */
    public static void rx_nombuf(MemorySegment struct, long fieldValue) {
        struct.set(rx_nombuf$LAYOUT, rx_nombuf$OFFSET, fieldValue);
    }

    private static final SequenceLayout q_ipackets$LAYOUT = (SequenceLayout)$LAYOUT.select(groupElement("q_ipackets"));

    /**
     * Layout for field:
     * {@snippet lang=c :
     * uint64_t q_ipackets[16]
     * }
     */
    public static final SequenceLayout q_ipackets$layout() {
        return q_ipackets$LAYOUT;
    }

    private static final long q_ipackets$OFFSET = 64;

    /**
     * Offset for field:
     * {@snippet lang=c :
     * uint64_t q_ipackets[16]
     * }
     */
    public static final long q_ipackets$offset() {
        return q_ipackets$OFFSET;
    }

    /**
     * Getter for field:
     * {@snippet lang=c :
     * uint64_t q_ipackets[16]
     * }
     */
    public static MemorySegment q_ipackets(MemorySegment struct) {
        return struct.asSlice(q_ipackets$OFFSET, q_ipackets$LAYOUT.byteSize());
    }

    /**
     * Setter for field:
     * {@snippet lang=c :
     * uint64_t q_ipackets[16]
     * }
     */
    public static void q_ipackets(MemorySegment struct, MemorySegment fieldValue) {
        MemorySegment.copy(fieldValue, 0L, struct, q_ipackets$OFFSET, q_ipackets$LAYOUT.byteSize());
    }

    private static long[] q_ipackets$DIMS = { 16 };

    /**
     * Dimensions for array field:
     * {@snippet lang=c :
     * uint64_t q_ipackets[16]
     * }
     */
    public static long[] q_ipackets$dimensions() {
        return q_ipackets$DIMS;
    }
    private static final VarHandle q_ipackets$ELEM_HANDLE = q_ipackets$LAYOUT.varHandle(sequenceElement());

    /**
     * Indexed getter for field:
     * {@snippet lang=c :
     * uint64_t q_ipackets[16]
     * }
     */
    public static long q_ipackets(MemorySegment struct, long index0) {
        return (long)q_ipackets$ELEM_HANDLE.get(struct, q_ipackets$OFFSET, index0);
    }

    /**
     * Indexed setter for field:
     * {@snippet lang=c :
     * uint64_t q_ipackets[16]
     * }
     */
    public static void q_ipackets(MemorySegment struct, long index0, long fieldValue) {
        q_ipackets$ELEM_HANDLE.set(struct, q_ipackets$OFFSET, index0, fieldValue);
    }

    private static final SequenceLayout q_opackets$LAYOUT = (SequenceLayout)$LAYOUT.select(groupElement("q_opackets"));

    /**
     * Layout for field:
     * {@snippet lang=c :
     * uint64_t q_opackets[16]
     * }
     */
    public static final SequenceLayout q_opackets$layout() {
        return q_opackets$LAYOUT;
    }

    private static final long q_opackets$OFFSET = 192;

    /**
     * Offset for field:
     * {@snippet lang=c :
     * uint64_t q_opackets[16]
     * }
     */
    public static final long q_opackets$offset() {
        return q_opackets$OFFSET;
    }

    /**
     * Getter for field:
     * {@snippet lang=c :
     * uint64_t q_opackets[16]
     * }
     */
    public static MemorySegment q_opackets(MemorySegment struct) {
        return struct.asSlice(q_opackets$OFFSET, q_opackets$LAYOUT.byteSize());
    }

    /**
     * Setter for field:
     * {@snippet lang=c :
     * uint64_t q_opackets[16]
     * }
     */
    public static void q_opackets(MemorySegment struct, MemorySegment fieldValue) {
        MemorySegment.copy(fieldValue, 0L, struct, q_opackets$OFFSET, q_opackets$LAYOUT.byteSize());
    }

    private static long[] q_opackets$DIMS = { 16 };

    /**
     * Dimensions for array field:
     * {@snippet lang=c :
     * uint64_t q_opackets[16]
     * }
     */
    public static long[] q_opackets$dimensions() {
        return q_opackets$DIMS;
    }
    private static final VarHandle q_opackets$ELEM_HANDLE = q_opackets$LAYOUT.varHandle(sequenceElement());

    /**
     * Indexed getter for field:
     * {@snippet lang=c :
     * uint64_t q_opackets[16]
     * }
     */
    public static long q_opackets(MemorySegment struct, long index0) {
        return (long)q_opackets$ELEM_HANDLE.get(struct, q_opackets$OFFSET, index0);
    }

    /**
     * Indexed setter for field:
     * {@snippet lang=c :
     * uint64_t q_opackets[16]
     * }
     */
    public static void q_opackets(MemorySegment struct, long index0, long fieldValue) {
        q_opackets$ELEM_HANDLE.set(struct, q_opackets$OFFSET, index0, fieldValue);
    }

    private static final SequenceLayout q_ibytes$LAYOUT = (SequenceLayout)$LAYOUT.select(groupElement("q_ibytes"));

    /**
     * Layout for field:
     * {@snippet lang=c :
     * uint64_t q_ibytes[16]
     * }
     */
    public static final SequenceLayout q_ibytes$layout() {
        return q_ibytes$LAYOUT;
    }

    private static final long q_ibytes$OFFSET = 320;

    /**
     * Offset for field:
     * {@snippet lang=c :
     * uint64_t q_ibytes[16]
     * }
     */
    public static final long q_ibytes$offset() {
        return q_ibytes$OFFSET;
    }

    /**
     * Getter for field:
     * {@snippet lang=c :
     * uint64_t q_ibytes[16]
     * }
     */
    public static MemorySegment q_ibytes(MemorySegment struct) {
        return struct.asSlice(q_ibytes$OFFSET, q_ibytes$LAYOUT.byteSize());
    }

    /**
     * Setter for field:
     * {@snippet lang=c :
     * uint64_t q_ibytes[16]
     * }
     */
    public static void q_ibytes(MemorySegment struct, MemorySegment fieldValue) {
        MemorySegment.copy(fieldValue, 0L, struct, q_ibytes$OFFSET, q_ibytes$LAYOUT.byteSize());
    }

    private static long[] q_ibytes$DIMS = { 16 };

    /**
     * Dimensions for array field:
     * {@snippet lang=c :
     * uint64_t q_ibytes[16]
     * }
     */
    public static long[] q_ibytes$dimensions() {
        return q_ibytes$DIMS;
    }
    private static final VarHandle q_ibytes$ELEM_HANDLE = q_ibytes$LAYOUT.varHandle(sequenceElement());

    /**
     * Indexed getter for field:
     * {@snippet lang=c :
     * uint64_t q_ibytes[16]
     * }
     */
    public static long q_ibytes(MemorySegment struct, long index0) {
        return (long)q_ibytes$ELEM_HANDLE.get(struct, q_ibytes$OFFSET, index0);
    }

    /**
     * Indexed setter for field:
     * {@snippet lang=c :
     * uint64_t q_ibytes[16]
     * }
     */
    public static void q_ibytes(MemorySegment struct, long index0, long fieldValue) {
        q_ibytes$ELEM_HANDLE.set(struct, q_ibytes$OFFSET, index0, fieldValue);
    }

    private static final SequenceLayout q_obytes$LAYOUT = (SequenceLayout)$LAYOUT.select(groupElement("q_obytes"));

    /**
     * Layout for field:
     * {@snippet lang=c :
     * uint64_t q_obytes[16]
     * }
     */
    public static final SequenceLayout q_obytes$layout() {
        return q_obytes$LAYOUT;
    }

    private static final long q_obytes$OFFSET = 448;

    /**
     * Offset for field:
     * {@snippet lang=c :
     * uint64_t q_obytes[16]
     * }
     */
    public static final long q_obytes$offset() {
        return q_obytes$OFFSET;
    }

    /**
     * Getter for field:
     * {@snippet lang=c :
     * uint64_t q_obytes[16]
     * }
     */
    public static MemorySegment q_obytes(MemorySegment struct) {
        return struct.asSlice(q_obytes$OFFSET, q_obytes$LAYOUT.byteSize());
    }

    /**
     * Setter for field:
     * {@snippet lang=c :
     * uint64_t q_obytes[16]
     * }
     */
    public static void q_obytes(MemorySegment struct, MemorySegment fieldValue) {
        MemorySegment.copy(fieldValue, 0L, struct, q_obytes$OFFSET, q_obytes$LAYOUT.byteSize());
    }

    private static long[] q_obytes$DIMS = { 16 };

    /**
     * Dimensions for array field:
     * {@snippet lang=c :
     * uint64_t q_obytes[16]
     * }
     */
    public static long[] q_obytes$dimensions() {
        return q_obytes$DIMS;
    }
    private static final VarHandle q_obytes$ELEM_HANDLE = q_obytes$LAYOUT.varHandle(sequenceElement());

    /**
     * Indexed getter for field:
     * {@snippet lang=c :
     * uint64_t q_obytes[16]
     * }
     */
    public static long q_obytes(MemorySegment struct, long index0) {
        return (long)q_obytes$ELEM_HANDLE.get(struct, q_obytes$OFFSET, index0);
    }

    /**
     * Indexed setter for field:
     * {@snippet lang=c :
     * uint64_t q_obytes[16]
     * }
     */
    public static void q_obytes(MemorySegment struct, long index0, long fieldValue) {
        q_obytes$ELEM_HANDLE.set(struct, q_obytes$OFFSET, index0, fieldValue);
    }

    private static final SequenceLayout q_errors$LAYOUT = (SequenceLayout)$LAYOUT.select(groupElement("q_errors"));

    /**
     * Layout for field:
     * {@snippet lang=c :
     * uint64_t q_errors[16]
     * }
     */
    public static final SequenceLayout q_errors$layout() {
        return q_errors$LAYOUT;
    }

    private static final long q_errors$OFFSET = 576;

    /**
     * Offset for field:
     * {@snippet lang=c :
     * uint64_t q_errors[16]
     * }
     */
    public static final long q_errors$offset() {
        return q_errors$OFFSET;
    }

    /**
     * Getter for field:
     * {@snippet lang=c :
     * uint64_t q_errors[16]
     * }
     */
    public static MemorySegment q_errors(MemorySegment struct) {
        return struct.asSlice(q_errors$OFFSET, q_errors$LAYOUT.byteSize());
    }

    /**
     * Setter for field:
     * {@snippet lang=c :
     * uint64_t q_errors[16]
     * }
     */
    public static void q_errors(MemorySegment struct, MemorySegment fieldValue) {
        MemorySegment.copy(fieldValue, 0L, struct, q_errors$OFFSET, q_errors$LAYOUT.byteSize());
    }

    private static long[] q_errors$DIMS = { 16 };

    /**
     * Dimensions for array field:
     * {@snippet lang=c :
     * uint64_t q_errors[16]
     * }
     */
    public static long[] q_errors$dimensions() {
        return q_errors$DIMS;
    }
    private static final VarHandle q_errors$ELEM_HANDLE = q_errors$LAYOUT.varHandle(sequenceElement());

    /**
     * Indexed getter for field:
     * {@snippet lang=c :
     * uint64_t q_errors[16]
     * }
     */
    public static long q_errors(MemorySegment struct, long index0) {
        return (long)q_errors$ELEM_HANDLE.get(struct, q_errors$OFFSET, index0);
    }

    /**
     * Indexed setter for field:
     * {@snippet lang=c :
     * uint64_t q_errors[16]
     * }
     */
    public static void q_errors(MemorySegment struct, long index0, long fieldValue) {
        q_errors$ELEM_HANDLE.set(struct, q_errors$OFFSET, index0, fieldValue);
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

