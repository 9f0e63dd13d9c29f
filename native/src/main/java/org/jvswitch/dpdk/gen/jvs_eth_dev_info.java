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
 * struct jvs_eth_dev_info {
 *     const char *driver_name;
 *     struct rte_device *device;
 *     uint32_t if_index;
 *     uint16_t min_mtu;
 *     uint16_t max_mtu;
 *     uint32_t min_rx_bufsize;
 *     uint32_t max_rx_pktlen;
 *     uint16_t max_rx_queues;
 *     uint16_t max_tx_queues;
 *     uint16_t nb_rx_queues;
 *     uint16_t nb_tx_queues;
 *     uint16_t rx_desc_max;
 *     uint16_t rx_desc_min;
 *     uint16_t tx_desc_max;
 *     uint16_t tx_desc_min;
 *     uint64_t rx_offload_capa;
 *     uint64_t tx_offload_capa;
 *     uint64_t flow_type_rss_offloads;
 *     uint32_t dev_flags;
 *     int32_t socket_id;
 * }
 * }
 */
@SuppressWarnings("restricted")
public class jvs_eth_dev_info {

    jvs_eth_dev_info() {
        // Should not be called directly
    }

    private static final GroupLayout $LAYOUT = MemoryLayout.structLayout(
        jvs_shim_h.C_POINTER.withName("driver_name"),
        jvs_shim_h.C_POINTER.withName("device"),
        jvs_shim_h.C_INT.withName("if_index"),
        jvs_shim_h.C_SHORT.withName("min_mtu"),
        jvs_shim_h.C_SHORT.withName("max_mtu"),
        jvs_shim_h.C_INT.withName("min_rx_bufsize"),
        jvs_shim_h.C_INT.withName("max_rx_pktlen"),
        jvs_shim_h.C_SHORT.withName("max_rx_queues"),
        jvs_shim_h.C_SHORT.withName("max_tx_queues"),
        jvs_shim_h.C_SHORT.withName("nb_rx_queues"),
        jvs_shim_h.C_SHORT.withName("nb_tx_queues"),
        jvs_shim_h.C_SHORT.withName("rx_desc_max"),
        jvs_shim_h.C_SHORT.withName("rx_desc_min"),
        jvs_shim_h.C_SHORT.withName("tx_desc_max"),
        jvs_shim_h.C_SHORT.withName("tx_desc_min"),
        jvs_shim_h.C_LONG.withName("rx_offload_capa"),
        jvs_shim_h.C_LONG.withName("tx_offload_capa"),
        jvs_shim_h.C_LONG.withName("flow_type_rss_offloads"),
        jvs_shim_h.C_INT.withName("dev_flags"),
        jvs_shim_h.C_INT.withName("socket_id")
    ).withName("jvs_eth_dev_info");

    /**
     * The layout of this struct
     */
    public static final GroupLayout layout() {
        return $LAYOUT;
    }

    private static final AddressLayout driver_name$LAYOUT = (AddressLayout)$LAYOUT.select(groupElement("driver_name"));

    /**
     * Layout for field:
     * {@snippet lang=c :
     * const char *driver_name
     * }
     */
    public static final AddressLayout driver_name$layout() {
        return driver_name$LAYOUT;
    }

    private static final long driver_name$OFFSET = 0;

    /**
     * Offset for field:
     * {@snippet lang=c :
     * const char *driver_name
     * }
     */
    public static final long driver_name$offset() {
        return driver_name$OFFSET;
    }

    /**
     * Getter for field:
     * {@snippet lang=c :
     * const char *driver_name
     * }
     */
    public static MemorySegment driver_name(MemorySegment struct) {
        return struct.get(driver_name$LAYOUT, driver_name$OFFSET);
    }

    /**
     * Setter for field:
     * {@snippet lang=c :
     * const char *driver_name
     * }
     */
    public static void driver_name(MemorySegment struct, MemorySegment fieldValue) {
        struct.set(driver_name$LAYOUT, driver_name$OFFSET, fieldValue);
    }

    private static final AddressLayout device$LAYOUT = (AddressLayout)$LAYOUT.select(groupElement("device"));

    /**
     * Layout for field:
     * {@snippet lang=c :
     * struct rte_device *device
     * }
     */
    public static final AddressLayout device$layout() {
        return device$LAYOUT;
    }

    private static final long device$OFFSET = 8;

    /**
     * Offset for field:
     * {@snippet lang=c :
     * struct rte_device *device
     * }
     */
    public static final long device$offset() {
        return device$OFFSET;
    }

    /**
     * Getter for field:
     * {@snippet lang=c :
     * struct rte_device *device
     * }
     */
    public static MemorySegment device(MemorySegment struct) {
        return struct.get(device$LAYOUT, device$OFFSET);
    }

    /**
     * Setter for field:
     * {@snippet lang=c :
     * struct rte_device *device
     * }
     */
    public static void device(MemorySegment struct, MemorySegment fieldValue) {
        struct.set(device$LAYOUT, device$OFFSET, fieldValue);
    }

    private static final OfInt if_index$LAYOUT = (OfInt)$LAYOUT.select(groupElement("if_index"));

    /**
     * Layout for field:
     * {@snippet lang=c :
     * uint32_t if_index
     * }
     */
    public static final OfInt if_index$layout() {
        return if_index$LAYOUT;
    }

    private static final long if_index$OFFSET = 16;

    /**
     * Offset for field:
     * {@snippet lang=c :
     * uint32_t if_index
     * }
     */
    public static final long if_index$offset() {
        return if_index$OFFSET;
    }

    /**
     * Getter for field:
     * {@snippet lang=c :
     * uint32_t if_index
     * }
     */
    public static int if_index(MemorySegment struct) {
        return struct.get(if_index$LAYOUT, if_index$OFFSET);
    }

    /**
     * Setter for field:
     * {@snippet lang=c :
     * uint32_t if_index
     * }
     */
    public static void if_index(MemorySegment struct, int fieldValue) {
        struct.set(if_index$LAYOUT, if_index$OFFSET, fieldValue);
    }

    private static final OfShort min_mtu$LAYOUT = (OfShort)$LAYOUT.select(groupElement("min_mtu"));

    /**
     * Layout for field:
     * {@snippet lang=c :
     * uint16_t min_mtu
     * }
     */
    public static final OfShort min_mtu$layout() {
        return min_mtu$LAYOUT;
    }

    private static final long min_mtu$OFFSET = 20;

    /**
     * Offset for field:
     * {@snippet lang=c :
     * uint16_t min_mtu
     * }
     */
    public static final long min_mtu$offset() {
        return min_mtu$OFFSET;
    }

    /**
     * Getter for field:
     * {@snippet lang=c :
     * uint16_t min_mtu
     * }
     */
    public static short min_mtu(MemorySegment struct) {
        return struct.get(min_mtu$LAYOUT, min_mtu$OFFSET);
    }

    /**
     * Setter for field:
     * {@snippet lang=c :
     * uint16_t min_mtu
     * }
     */
    public static void min_mtu(MemorySegment struct, short fieldValue) {
        struct.set(min_mtu$LAYOUT, min_mtu$OFFSET, fieldValue);
    }

    private static final OfShort max_mtu$LAYOUT = (OfShort)$LAYOUT.select(groupElement("max_mtu"));

    /**
     * Layout for field:
     * {@snippet lang=c :
     * uint16_t max_mtu
     * }
     */
    public static final OfShort max_mtu$layout() {
        return max_mtu$LAYOUT;
    }

    private static final long max_mtu$OFFSET = 22;

    /**
     * Offset for field:
     * {@snippet lang=c :
     * uint16_t max_mtu
     * }
     */
    public static final long max_mtu$offset() {
        return max_mtu$OFFSET;
    }

    /**
     * Getter for field:
     * {@snippet lang=c :
     * uint16_t max_mtu
     * }
     */
    public static short max_mtu(MemorySegment struct) {
        return struct.get(max_mtu$LAYOUT, max_mtu$OFFSET);
    }

    /**
     * Setter for field:
     * {@snippet lang=c :
     * uint16_t max_mtu
     * }
     */
    public static void max_mtu(MemorySegment struct, short fieldValue) {
        struct.set(max_mtu$LAYOUT, max_mtu$OFFSET, fieldValue);
    }

    private static final OfInt min_rx_bufsize$LAYOUT = (OfInt)$LAYOUT.select(groupElement("min_rx_bufsize"));

    /**
     * Layout for field:
     * {@snippet lang=c :
     * uint32_t min_rx_bufsize
     * }
     */
    public static final OfInt min_rx_bufsize$layout() {
        return min_rx_bufsize$LAYOUT;
    }

    private static final long min_rx_bufsize$OFFSET = 24;

    /**
     * Offset for field:
     * {@snippet lang=c :
     * uint32_t min_rx_bufsize
     * }
     */
    public static final long min_rx_bufsize$offset() {
        return min_rx_bufsize$OFFSET;
    }

    /**
     * Getter for field:
     * {@snippet lang=c :
     * uint32_t min_rx_bufsize
     * }
     */
    public static int min_rx_bufsize(MemorySegment struct) {
        return struct.get(min_rx_bufsize$LAYOUT, min_rx_bufsize$OFFSET);
    }

    /**
     * Setter for field:
     * {@snippet lang=c :
     * uint32_t min_rx_bufsize
     * }
     */
    public static void min_rx_bufsize(MemorySegment struct, int fieldValue) {
        struct.set(min_rx_bufsize$LAYOUT, min_rx_bufsize$OFFSET, fieldValue);
    }

    private static final OfInt max_rx_pktlen$LAYOUT = (OfInt)$LAYOUT.select(groupElement("max_rx_pktlen"));

    /**
     * Layout for field:
     * {@snippet lang=c :
     * uint32_t max_rx_pktlen
     * }
     */
    public static final OfInt max_rx_pktlen$layout() {
        return max_rx_pktlen$LAYOUT;
    }

    private static final long max_rx_pktlen$OFFSET = 28;

    /**
     * Offset for field:
     * {@snippet lang=c :
     * uint32_t max_rx_pktlen
     * }
     */
    public static final long max_rx_pktlen$offset() {
        return max_rx_pktlen$OFFSET;
    }

    /**
     * Getter for field:
     * {@snippet lang=c :
     * uint32_t max_rx_pktlen
     * }
     */
    public static int max_rx_pktlen(MemorySegment struct) {
        return struct.get(max_rx_pktlen$LAYOUT, max_rx_pktlen$OFFSET);
    }

    /**
     * Setter for field:
     * {@snippet lang=c :
     * uint32_t max_rx_pktlen
     * }
     */
    public static void max_rx_pktlen(MemorySegment struct, int fieldValue) {
        struct.set(max_rx_pktlen$LAYOUT, max_rx_pktlen$OFFSET, fieldValue);
    }

    private static final OfShort max_rx_queues$LAYOUT = (OfShort)$LAYOUT.select(groupElement("max_rx_queues"));

    /**
     * Layout for field:
     * {@snippet lang=c :
     * uint16_t max_rx_queues
     * }
     */
    public static final OfShort max_rx_queues$layout() {
        return max_rx_queues$LAYOUT;
    }

    private static final long max_rx_queues$OFFSET = 32;

    /**
     * Offset for field:
     * {@snippet lang=c :
     * uint16_t max_rx_queues
     * }
     */
    public static final long max_rx_queues$offset() {
        return max_rx_queues$OFFSET;
    }

    /**
     * Getter for field:
     * {@snippet lang=c :
     * uint16_t max_rx_queues
     * }
     */
    public static short max_rx_queues(MemorySegment struct) {
        return struct.get(max_rx_queues$LAYOUT, max_rx_queues$OFFSET);
    }

    /**
     * Setter for field:
     * {@snippet lang=c :
     * uint16_t max_rx_queues
     * }
     */
    public static void max_rx_queues(MemorySegment struct, short fieldValue) {
        struct.set(max_rx_queues$LAYOUT, max_rx_queues$OFFSET, fieldValue);
    }

    private static final OfShort max_tx_queues$LAYOUT = (OfShort)$LAYOUT.select(groupElement("max_tx_queues"));

    /**
     * Layout for field:
     * {@snippet lang=c :
     * uint16_t max_tx_queues
     * }
     */
    public static final OfShort max_tx_queues$layout() {
        return max_tx_queues$LAYOUT;
    }

    private static final long max_tx_queues$OFFSET = 34;

    /**
     * Offset for field:
     * {@snippet lang=c :
     * uint16_t max_tx_queues
     * }
     */
    public static final long max_tx_queues$offset() {
        return max_tx_queues$OFFSET;
    }

    /**
     * Getter for field:
     * {@snippet lang=c :
     * uint16_t max_tx_queues
     * }
     */
    public static short max_tx_queues(MemorySegment struct) {
        return struct.get(max_tx_queues$LAYOUT, max_tx_queues$OFFSET);
    }

    /**
     * Setter for field:
     * {@snippet lang=c :
     * uint16_t max_tx_queues
     * }
     */
    public static void max_tx_queues(MemorySegment struct, short fieldValue) {
        struct.set(max_tx_queues$LAYOUT, max_tx_queues$OFFSET, fieldValue);
    }

    private static final OfShort nb_rx_queues$LAYOUT = (OfShort)$LAYOUT.select(groupElement("nb_rx_queues"));

    /**
     * Layout for field:
     * {@snippet lang=c :
     * uint16_t nb_rx_queues
     * }
     */
    public static final OfShort nb_rx_queues$layout() {
        return nb_rx_queues$LAYOUT;
    }

    private static final long nb_rx_queues$OFFSET = 36;

    /**
     * Offset for field:
     * {@snippet lang=c :
     * uint16_t nb_rx_queues
     * }
     */
    public static final long nb_rx_queues$offset() {
        return nb_rx_queues$OFFSET;
    }

    /**
     * Getter for field:
     * {@snippet lang=c :
     * uint16_t nb_rx_queues
     * }
     */
    public static short nb_rx_queues(MemorySegment struct) {
        return struct.get(nb_rx_queues$LAYOUT, nb_rx_queues$OFFSET);
    }

    /**
     * Setter for field:
     * {@snippet lang=c :
     * uint16_t nb_rx_queues
     * }
     */
    public static void nb_rx_queues(MemorySegment struct, short fieldValue) {
        struct.set(nb_rx_queues$LAYOUT, nb_rx_queues$OFFSET, fieldValue);
    }

    private static final OfShort nb_tx_queues$LAYOUT = (OfShort)$LAYOUT.select(groupElement("nb_tx_queues"));

    /**
     * Layout for field:
     * {@snippet lang=c :
     * uint16_t nb_tx_queues
     * }
     */
    public static final OfShort nb_tx_queues$layout() {
        return nb_tx_queues$LAYOUT;
    }

    private static final long nb_tx_queues$OFFSET = 38;

    /**
     * Offset for field:
     * {@snippet lang=c :
     * uint16_t nb_tx_queues
     * }
     */
    public static final long nb_tx_queues$offset() {
        return nb_tx_queues$OFFSET;
    }

    /**
     * Getter for field:
     * {@snippet lang=c :
     * uint16_t nb_tx_queues
     * }
     */
    public static short nb_tx_queues(MemorySegment struct) {
        return struct.get(nb_tx_queues$LAYOUT, nb_tx_queues$OFFSET);
    }

    /**
     * Setter for field:
     * {@snippet lang=c :
     * uint16_t nb_tx_queues
     * }
     */
    public static void nb_tx_queues(MemorySegment struct, short fieldValue) {
        struct.set(nb_tx_queues$LAYOUT, nb_tx_queues$OFFSET, fieldValue);
    }

    private static final OfShort rx_desc_max$LAYOUT = (OfShort)$LAYOUT.select(groupElement("rx_desc_max"));

    /**
     * Layout for field:
     * {@snippet lang=c :
     * uint16_t rx_desc_max
     * }
     */
    public static final OfShort rx_desc_max$layout() {
        return rx_desc_max$LAYOUT;
    }

    private static final long rx_desc_max$OFFSET = 40;

    /**
     * Offset for field:
     * {@snippet lang=c :
     * uint16_t rx_desc_max
     * }
     */
    public static final long rx_desc_max$offset() {
        return rx_desc_max$OFFSET;
    }

    /**
     * Getter for field:
     * {@snippet lang=c :
     * uint16_t rx_desc_max
     * }
     */
    public static short rx_desc_max(MemorySegment struct) {
        return struct.get(rx_desc_max$LAYOUT, rx_desc_max$OFFSET);
    }

    /**
     * Setter for field:
     * {@snippet lang=c :
     * uint16_t rx_desc_max
     * }
     */
    public static void rx_desc_max(MemorySegment struct, short fieldValue) {
        struct.set(rx_desc_max$LAYOUT, rx_desc_max$OFFSET, fieldValue);
    }

    private static final OfShort rx_desc_min$LAYOUT = (OfShort)$LAYOUT.select(groupElement("rx_desc_min"));

    /**
     * Layout for field:
     * {@snippet lang=c :
     * uint16_t rx_desc_min
     * }
     */
    public static final OfShort rx_desc_min$layout() {
        return rx_desc_min$LAYOUT;
    }

    private static final long rx_desc_min$OFFSET = 42;

    /**
     * Offset for field:
     * {@snippet lang=c :
     * uint16_t rx_desc_min
     * }
     */
    public static final long rx_desc_min$offset() {
        return rx_desc_min$OFFSET;
    }

    /**
     * Getter for field:
     * {@snippet lang=c :
     * uint16_t rx_desc_min
     * }
     */
    public static short rx_desc_min(MemorySegment struct) {
        return struct.get(rx_desc_min$LAYOUT, rx_desc_min$OFFSET);
    }

    /**
     * Setter for field:
     * {@snippet lang=c :
     * uint16_t rx_desc_min
     * }
     */
    public static void rx_desc_min(MemorySegment struct, short fieldValue) {
        struct.set(rx_desc_min$LAYOUT, rx_desc_min$OFFSET, fieldValue);
    }

    private static final OfShort tx_desc_max$LAYOUT = (OfShort)$LAYOUT.select(groupElement("tx_desc_max"));

    /**
     * Layout for field:
     * {@snippet lang=c :
     * uint16_t tx_desc_max
     * }
     */
    public static final OfShort tx_desc_max$layout() {
        return tx_desc_max$LAYOUT;
    }

    private static final long tx_desc_max$OFFSET = 44;

    /**
     * Offset for field:
     * {@snippet lang=c :
     * uint16_t tx_desc_max
     * }
     */
    public static final long tx_desc_max$offset() {
        return tx_desc_max$OFFSET;
    }

    /**
     * Getter for field:
     * {@snippet lang=c :
     * uint16_t tx_desc_max
     * }
     */
    public static short tx_desc_max(MemorySegment struct) {
        return struct.get(tx_desc_max$LAYOUT, tx_desc_max$OFFSET);
    }

    /**
     * Setter for field:
     * {@snippet lang=c :
     * uint16_t tx_desc_max
     * }
     */
    public static void tx_desc_max(MemorySegment struct, short fieldValue) {
        struct.set(tx_desc_max$LAYOUT, tx_desc_max$OFFSET, fieldValue);
    }

    private static final OfShort tx_desc_min$LAYOUT = (OfShort)$LAYOUT.select(groupElement("tx_desc_min"));

    /**
     * Layout for field:
     * {@snippet lang=c :
     * uint16_t tx_desc_min
     * }
     */
    public static final OfShort tx_desc_min$layout() {
        return tx_desc_min$LAYOUT;
    }

    private static final long tx_desc_min$OFFSET = 46;

    /**
     * Offset for field:
     * {@snippet lang=c :
     * uint16_t tx_desc_min
     * }
     */
    public static final long tx_desc_min$offset() {
        return tx_desc_min$OFFSET;
    }

    /**
     * Getter for field:
     * {@snippet lang=c :
     * uint16_t tx_desc_min
     * }
     */
    public static short tx_desc_min(MemorySegment struct) {
        return struct.get(tx_desc_min$LAYOUT, tx_desc_min$OFFSET);
    }

    /**
     * Setter for field:
     * {@snippet lang=c :
     * uint16_t tx_desc_min
     * }
     */
    public static void tx_desc_min(MemorySegment struct, short fieldValue) {
        struct.set(tx_desc_min$LAYOUT, tx_desc_min$OFFSET, fieldValue);
    }

    private static final OfLong rx_offload_capa$LAYOUT = (OfLong)$LAYOUT.select(groupElement("rx_offload_capa"));

    /**
     * Layout for field:
     * {@snippet lang=c :
     * uint64_t rx_offload_capa
     * }
     */
    public static final OfLong rx_offload_capa$layout() {
        return rx_offload_capa$LAYOUT;
    }

    private static final long rx_offload_capa$OFFSET = 48;

    /**
     * Offset for field:
     * {@snippet lang=c :
     * uint64_t rx_offload_capa
     * }
     */
    public static final long rx_offload_capa$offset() {
        return rx_offload_capa$OFFSET;
    }

    /**
     * Getter for field:
     * {@snippet lang=c :
     * uint64_t rx_offload_capa
     * }
     */
    public static long rx_offload_capa(MemorySegment struct) {
        return struct.get(rx_offload_capa$LAYOUT, rx_offload_capa$OFFSET);
    }

    /**
     * Setter for field:
     * {@snippet lang=c :
     * uint64_t rx_offload_capa
     * }
     */
    public static void rx_offload_capa(MemorySegment struct, long fieldValue) {
        struct.set(rx_offload_capa$LAYOUT, rx_offload_capa$OFFSET, fieldValue);
    }

    private static final OfLong tx_offload_capa$LAYOUT = (OfLong)$LAYOUT.select(groupElement("tx_offload_capa"));

    /**
     * Layout for field:
     * {@snippet lang=c :
     * uint64_t tx_offload_capa
     * }
     */
    public static final OfLong tx_offload_capa$layout() {
        return tx_offload_capa$LAYOUT;
    }

    private static final long tx_offload_capa$OFFSET = 56;

    /**
     * Offset for field:
     * {@snippet lang=c :
     * uint64_t tx_offload_capa
     * }
     */
    public static final long tx_offload_capa$offset() {
        return tx_offload_capa$OFFSET;
    }

    /**
     * Getter for field:
     * {@snippet lang=c :
     * uint64_t tx_offload_capa
     * }
     */
    public static long tx_offload_capa(MemorySegment struct) {
        return struct.get(tx_offload_capa$LAYOUT, tx_offload_capa$OFFSET);
    }

    /**
     * Setter for field:
     * {@snippet lang=c :
     * uint64_t tx_offload_capa
     * }
     */
    public static void tx_offload_capa(MemorySegment struct, long fieldValue) {
        struct.set(tx_offload_capa$LAYOUT, tx_offload_capa$OFFSET, fieldValue);
    }

    private static final OfLong flow_type_rss_offloads$LAYOUT = (OfLong)$LAYOUT.select(groupElement("flow_type_rss_offloads"));

    /**
     * Layout for field:
     * {@snippet lang=c :
     * uint64_t flow_type_rss_offloads
     * }
     */
    public static final OfLong flow_type_rss_offloads$layout() {
        return flow_type_rss_offloads$LAYOUT;
    }

    private static final long flow_type_rss_offloads$OFFSET = 64;

    /**
     * Offset for field:
     * {@snippet lang=c :
     * uint64_t flow_type_rss_offloads
     * }
     */
    public static final long flow_type_rss_offloads$offset() {
        return flow_type_rss_offloads$OFFSET;
    }

    /**
     * Getter for field:
     * {@snippet lang=c :
     * uint64_t flow_type_rss_offloads
     * }
     */
    public static long flow_type_rss_offloads(MemorySegment struct) {
        return struct.get(flow_type_rss_offloads$LAYOUT, flow_type_rss_offloads$OFFSET);
    }

    /**
     * Setter for field:
     * {@snippet lang=c :
     * uint64_t flow_type_rss_offloads
     * }
     */
    public static void flow_type_rss_offloads(MemorySegment struct, long fieldValue) {
        struct.set(flow_type_rss_offloads$LAYOUT, flow_type_rss_offloads$OFFSET, fieldValue);
    }

    private static final OfInt dev_flags$LAYOUT = (OfInt)$LAYOUT.select(groupElement("dev_flags"));

    /**
     * Layout for field:
     * {@snippet lang=c :
     * uint32_t dev_flags
     * }
     */
    public static final OfInt dev_flags$layout() {
        return dev_flags$LAYOUT;
    }

    private static final long dev_flags$OFFSET = 72;

    /**
     * Offset for field:
     * {@snippet lang=c :
     * uint32_t dev_flags
     * }
     */
    public static final long dev_flags$offset() {
        return dev_flags$OFFSET;
    }

    /**
     * Getter for field:
     * {@snippet lang=c :
     * uint32_t dev_flags
     * }
     */
    public static int dev_flags(MemorySegment struct) {
        return struct.get(dev_flags$LAYOUT, dev_flags$OFFSET);
    }

    /**
     * Setter for field:
     * {@snippet lang=c :
     * uint32_t dev_flags
     * }
     */
    public static void dev_flags(MemorySegment struct, int fieldValue) {
        struct.set(dev_flags$LAYOUT, dev_flags$OFFSET, fieldValue);
    }

    private static final OfInt socket_id$LAYOUT = (OfInt)$LAYOUT.select(groupElement("socket_id"));

    /**
     * Layout for field:
     * {@snippet lang=c :
     * int32_t socket_id
     * }
     */
    public static final OfInt socket_id$layout() {
        return socket_id$LAYOUT;
    }

    private static final long socket_id$OFFSET = 76;

    /**
     * Offset for field:
     * {@snippet lang=c :
     * int32_t socket_id
     * }
     */
    public static final long socket_id$offset() {
        return socket_id$OFFSET;
    }

    /**
     * Getter for field:
     * {@snippet lang=c :
     * int32_t socket_id
     * }
     */
    public static int socket_id(MemorySegment struct) {
        return struct.get(socket_id$LAYOUT, socket_id$OFFSET);
    }

    /**
     * Setter for field:
     * {@snippet lang=c :
     * int32_t socket_id
     * }
     */
    public static void socket_id(MemorySegment struct, int fieldValue) {
        struct.set(socket_id$LAYOUT, socket_id$OFFSET, fieldValue);
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

