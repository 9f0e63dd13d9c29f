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
 * struct rte_mbuf {
 *     RTE_MARKER cacheline0;
 *     void *buf_addr;
 *     rte_iova_t buf_iova;
 *     RTE_MARKER64 rearm_data;
 *     uint16_t data_off;
 *     uint16_t refcnt;
 *     uint16_t nb_segs;
 *     uint16_t port;
 *     uint64_t ol_flags;
 *     RTE_MARKER rx_descriptor_fields1;
 *     union {
 *         uint32_t packet_type;
 *         struct {
 *             uint8_t l2_type : 4;
 *             uint8_t l3_type : 4;
 *             uint8_t l4_type : 4;
 *             uint8_t tun_type : 4;
 *             union {
 *                 uint8_t inner_esp_next_proto;
 *                 struct {
 *                     uint8_t inner_l2_type : 4;
 *                     uint8_t inner_l3_type : 4;
 *                 };
 *             };
 *             uint8_t inner_l4_type : 4;
 *         };
 *     };
 *     uint32_t pkt_len;
 *     uint16_t data_len;
 *     uint16_t vlan_tci;
 *     union {
 *         union {
 *             uint32_t rss;
 *             struct {
 *                 union {
 *                     struct {
 *                         uint16_t hash;
 *                         uint16_t id;
 *                     };
 *                     uint32_t lo;
 *                 };
 *                 uint32_t hi;
 *             } fdir;
 *             struct rte_mbuf_sched sched;
 *             struct {
 *                 uint32_t reserved1;
 *                 uint16_t reserved2;
 *                 uint16_t txq;
 *             } txadapter;
 *             uint32_t usr;
 *         } hash;
 *     };
 *     uint16_t vlan_tci_outer;
 *     uint16_t buf_len;
 *     struct rte_mempool *pool;
 *     RTE_MARKER cacheline1;
 *     struct rte_mbuf *next;
 *     union {
 *         uint64_t tx_offload;
 *         struct {
 *             uint64_t l2_len : RTE_MBUF_L2_LEN_BITS;
 *             uint64_t l3_len : RTE_MBUF_L3_LEN_BITS;
 *             uint64_t l4_len : RTE_MBUF_L4_LEN_BITS;
 *             uint64_t tso_segsz : RTE_MBUF_TSO_SEGSZ_BITS;
 *             uint64_t outer_l3_len : RTE_MBUF_OUTL3_LEN_BITS;
 *             uint64_t outer_l2_len : RTE_MBUF_OUTL2_LEN_BITS;
 *         };
 *     };
 *     struct rte_mbuf_ext_shared_info *shinfo;
 *     uint16_t priv_size;
 *     uint16_t timesync;
 *     uint32_t dynfield1[9];
 * }
 * }
 */
@SuppressWarnings("restricted")
public class rte_mbuf {

    rte_mbuf() {
        // Should not be called directly
    }

    private static final GroupLayout $LAYOUT = MemoryLayout.structLayout(
        jvs_shim_h.C_POINTER.withName("buf_addr"),
        jvs_shim_h.C_LONG.withName("buf_iova"),
        jvs_shim_h.C_SHORT.withName("data_off"),
        jvs_shim_h.C_SHORT.withName("refcnt"),
        jvs_shim_h.C_SHORT.withName("nb_segs"),
        jvs_shim_h.C_SHORT.withName("port"),
        jvs_shim_h.C_LONG.withName("ol_flags"),
        MemoryLayout.unionLayout(
            jvs_shim_h.C_INT.withName("packet_type"),
            MemoryLayout.structLayout(
                MemoryLayout.paddingLayout(2),
                MemoryLayout.unionLayout(
                    jvs_shim_h.C_CHAR.withName("inner_esp_next_proto"),
                    MemoryLayout.structLayout(
                        MemoryLayout.paddingLayout(1)
                    ).withName("$anon$542:5")
                ).withName("$anon$535:4"),
                MemoryLayout.paddingLayout(1)
            ).withName("$anon$529:3")
        ).withName("$anon$526:2"),
        jvs_shim_h.C_INT.withName("pkt_len"),
        jvs_shim_h.C_SHORT.withName("data_len"),
        jvs_shim_h.C_SHORT.withName("vlan_tci"),
        MemoryLayout.unionLayout(
            rte_mbuf.hash.layout().withName("hash")
        ).withName("$anon$559:2"),
        jvs_shim_h.C_SHORT.withName("vlan_tci_outer"),
        jvs_shim_h.C_SHORT.withName("buf_len"),
        jvs_shim_h.C_POINTER.withName("pool"),
        jvs_shim_h.C_POINTER.withName("next"),
        MemoryLayout.unionLayout(
            jvs_shim_h.C_LONG.withName("tx_offload"),
            MemoryLayout.structLayout(
                MemoryLayout.paddingLayout(8)
            ).withName("$anon$621:3")
        ).withName("$anon$618:2"),
        jvs_shim_h.C_POINTER.withName("shinfo"),
        jvs_shim_h.C_SHORT.withName("priv_size"),
        jvs_shim_h.C_SHORT.withName("timesync"),
        MemoryLayout.sequenceLayout(9, jvs_shim_h.C_INT).withName("dynfield1")
    ).withName("rte_mbuf");

    /**
     * The layout of this struct
     */
    public static final GroupLayout layout() {
        return $LAYOUT;
    }

    private static final AddressLayout buf_addr$LAYOUT = (AddressLayout)$LAYOUT.select(groupElement("buf_addr"));

    /**
     * Layout for field:
     * {@snippet lang=c :
     * void *buf_addr
     * }
     */
    public static final AddressLayout buf_addr$layout() {
        return buf_addr$LAYOUT;
    }

    private static final long buf_addr$OFFSET = 0;

    /**
     * Offset for field:
     * {@snippet lang=c :
     * void *buf_addr
     * }
     */
    public static final long buf_addr$offset() {
        return buf_addr$OFFSET;
    }

    /**
     * Getter for field:
     * {@snippet lang=c :
     * void *buf_addr
     * }
     */
    public static MemorySegment buf_addr(MemorySegment struct) {
        return struct.get(buf_addr$LAYOUT, buf_addr$OFFSET);
    }

    /**
     * Setter for field:
     * {@snippet lang=c :
     * void *buf_addr
     * }
     */
    public static void buf_addr(MemorySegment struct, MemorySegment fieldValue) {
        struct.set(buf_addr$LAYOUT, buf_addr$OFFSET, fieldValue);
    }

    private static final OfLong buf_iova$LAYOUT = (OfLong)$LAYOUT.select(groupElement("buf_iova"));

    /**
     * Layout for field:
     * {@snippet lang=c :
     * rte_iova_t buf_iova
     * }
     */
    public static final OfLong buf_iova$layout() {
        return buf_iova$LAYOUT;
    }

    private static final long buf_iova$OFFSET = 8;

    /**
     * Offset for field:
     * {@snippet lang=c :
     * rte_iova_t buf_iova
     * }
     */
    public static final long buf_iova$offset() {
        return buf_iova$OFFSET;
    }

    /**
     * Getter for field:
     * {@snippet lang=c :
     * rte_iova_t buf_iova
     * }
     */
    public static long buf_iova(MemorySegment struct) {
        return struct.get(buf_iova$LAYOUT, buf_iova$OFFSET);
    }

    /**
     * Setter for field:
     * {@snippet lang=c :
     * rte_iova_t buf_iova
     * }
     */
    public static void buf_iova(MemorySegment struct, long fieldValue) {
        struct.set(buf_iova$LAYOUT, buf_iova$OFFSET, fieldValue);
    }

    private static final OfShort data_off$LAYOUT = (OfShort)$LAYOUT.select(groupElement("data_off"));

    /**
     * Layout for field:
     * {@snippet lang=c :
     * uint16_t data_off
     * }
     */
    public static final OfShort data_off$layout() {
        return data_off$LAYOUT;
    }

    private static final long data_off$OFFSET = 16;

    /**
     * Offset for field:
     * {@snippet lang=c :
     * uint16_t data_off
     * }
     */
    public static final long data_off$offset() {
        return data_off$OFFSET;
    }

    /**
     * Getter for field:
     * {@snippet lang=c :
     * uint16_t data_off
     * }
     */
    public static short data_off(MemorySegment struct) {
        return struct.get(data_off$LAYOUT, data_off$OFFSET);
    }

    /**
     * Setter for field:
     * {@snippet lang=c :
     * uint16_t data_off
     * }
     */
    public static void data_off(MemorySegment struct, short fieldValue) {
        struct.set(data_off$LAYOUT, data_off$OFFSET, fieldValue);
    }

    private static final OfShort refcnt$LAYOUT = (OfShort)$LAYOUT.select(groupElement("refcnt"));

    /**
     * Layout for field:
     * {@snippet lang=c :
     * uint16_t refcnt
     * }
     */
    public static final OfShort refcnt$layout() {
        return refcnt$LAYOUT;
    }

    private static final long refcnt$OFFSET = 18;

    /**
     * Offset for field:
     * {@snippet lang=c :
     * uint16_t refcnt
     * }
     */
    public static final long refcnt$offset() {
        return refcnt$OFFSET;
    }

    /**
     * Getter for field:
     * {@snippet lang=c :
     * uint16_t refcnt
     * }
     */
    public static short refcnt(MemorySegment struct) {
        return struct.get(refcnt$LAYOUT, refcnt$OFFSET);
    }

    /**
     * Setter for field:
     * {@snippet lang=c :
     * uint16_t refcnt
     * }
     */
    public static void refcnt(MemorySegment struct, short fieldValue) {
        struct.set(refcnt$LAYOUT, refcnt$OFFSET, fieldValue);
    }

    private static final OfShort nb_segs$LAYOUT = (OfShort)$LAYOUT.select(groupElement("nb_segs"));

    /**
     * Layout for field:
     * {@snippet lang=c :
     * uint16_t nb_segs
     * }
     */
    public static final OfShort nb_segs$layout() {
        return nb_segs$LAYOUT;
    }

    private static final long nb_segs$OFFSET = 20;

    /**
     * Offset for field:
     * {@snippet lang=c :
     * uint16_t nb_segs
     * }
     */
    public static final long nb_segs$offset() {
        return nb_segs$OFFSET;
    }

    /**
     * Getter for field:
     * {@snippet lang=c :
     * uint16_t nb_segs
     * }
     */
    public static short nb_segs(MemorySegment struct) {
        return struct.get(nb_segs$LAYOUT, nb_segs$OFFSET);
    }

    /**
     * Setter for field:
     * {@snippet lang=c :
     * uint16_t nb_segs
     * }
     */
    public static void nb_segs(MemorySegment struct, short fieldValue) {
        struct.set(nb_segs$LAYOUT, nb_segs$OFFSET, fieldValue);
    }

    private static final OfShort port$LAYOUT = (OfShort)$LAYOUT.select(groupElement("port"));

    /**
     * Layout for field:
     * {@snippet lang=c :
     * uint16_t port
     * }
     */
    public static final OfShort port$layout() {
        return port$LAYOUT;
    }

    private static final long port$OFFSET = 22;

    /**
     * Offset for field:
     * {@snippet lang=c :
     * uint16_t port
     * }
     */
    public static final long port$offset() {
        return port$OFFSET;
    }

    /**
     * Getter for field:
     * {@snippet lang=c :
     * uint16_t port
     * }
     */
    public static short port(MemorySegment struct) {
        return struct.get(port$LAYOUT, port$OFFSET);
    }

    /**
     * Setter for field:
     * {@snippet lang=c :
     * uint16_t port
     * }
     */
    public static void port(MemorySegment struct, short fieldValue) {
        struct.set(port$LAYOUT, port$OFFSET, fieldValue);
    }

    private static final OfLong ol_flags$LAYOUT = (OfLong)$LAYOUT.select(groupElement("ol_flags"));

    /**
     * Layout for field:
     * {@snippet lang=c :
     * uint64_t ol_flags
     * }
     */
    public static final OfLong ol_flags$layout() {
        return ol_flags$LAYOUT;
    }

    private static final long ol_flags$OFFSET = 24;

    /**
     * Offset for field:
     * {@snippet lang=c :
     * uint64_t ol_flags
     * }
     */
    public static final long ol_flags$offset() {
        return ol_flags$OFFSET;
    }

    /**
     * Getter for field:
     * {@snippet lang=c :
     * uint64_t ol_flags
     * }
     */
    public static long ol_flags(MemorySegment struct) {
        return struct.get(ol_flags$LAYOUT, ol_flags$OFFSET);
    }

    /**
     * Setter for field:
     * {@snippet lang=c :
     * uint64_t ol_flags
     * }
     */
    public static void ol_flags(MemorySegment struct, long fieldValue) {
        struct.set(ol_flags$LAYOUT, ol_flags$OFFSET, fieldValue);
    }

    private static final OfInt packet_type$LAYOUT = (OfInt)$LAYOUT.select(groupElement("$anon$526:2"), groupElement("packet_type"));

    /**
     * Layout for field:
     * {@snippet lang=c :
     * uint32_t packet_type
     * }
     */
    public static final OfInt packet_type$layout() {
        return packet_type$LAYOUT;
    }

    private static final long packet_type$OFFSET = 32;

    /**
     * Offset for field:
     * {@snippet lang=c :
     * uint32_t packet_type
     * }
     */
    public static final long packet_type$offset() {
        return packet_type$OFFSET;
    }

    /**
     * Getter for field:
     * {@snippet lang=c :
     * uint32_t packet_type
     * }
     */
    public static int packet_type(MemorySegment struct) {
        return struct.get(packet_type$LAYOUT, packet_type$OFFSET);
    }

    /**
     * Setter for field:
     * {@snippet lang=c :
     * uint32_t packet_type
     * }
     */
    public static void packet_type(MemorySegment struct, int fieldValue) {
        struct.set(packet_type$LAYOUT, packet_type$OFFSET, fieldValue);
    }

    private static final OfByte inner_esp_next_proto$LAYOUT = (OfByte)$LAYOUT.select(groupElement("$anon$526:2"), groupElement("$anon$529:3"), groupElement("$anon$535:4"), groupElement("inner_esp_next_proto"));

    /**
     * Layout for field:
     * {@snippet lang=c :
     * uint8_t inner_esp_next_proto
     * }
     */
    public static final OfByte inner_esp_next_proto$layout() {
        return inner_esp_next_proto$LAYOUT;
    }

    private static final long inner_esp_next_proto$OFFSET = 34;

    /**
     * Offset for field:
     * {@snippet lang=c :
     * uint8_t inner_esp_next_proto
     * }
     */
    public static final long inner_esp_next_proto$offset() {
        return inner_esp_next_proto$OFFSET;
    }

    /**
     * Getter for field:
     * {@snippet lang=c :
     * uint8_t inner_esp_next_proto
     * }
     */
    public static byte inner_esp_next_proto(MemorySegment struct) {
        return struct.get(inner_esp_next_proto$LAYOUT, inner_esp_next_proto$OFFSET);
    }

    /**
     * Setter for field:
     * {@snippet lang=c :
     * uint8_t inner_esp_next_proto
     * }
     */
    public static void inner_esp_next_proto(MemorySegment struct, byte fieldValue) {
        struct.set(inner_esp_next_proto$LAYOUT, inner_esp_next_proto$OFFSET, fieldValue);
    }

    private static final OfInt pkt_len$LAYOUT = (OfInt)$LAYOUT.select(groupElement("pkt_len"));

    /**
     * Layout for field:
     * {@snippet lang=c :
     * uint32_t pkt_len
     * }
     */
    public static final OfInt pkt_len$layout() {
        return pkt_len$LAYOUT;
    }

    private static final long pkt_len$OFFSET = 36;

    /**
     * Offset for field:
     * {@snippet lang=c :
     * uint32_t pkt_len
     * }
     */
    public static final long pkt_len$offset() {
        return pkt_len$OFFSET;
    }

    /**
     * Getter for field:
     * {@snippet lang=c :
     * uint32_t pkt_len
     * }
     */
    public static int pkt_len(MemorySegment struct) {
        return struct.get(pkt_len$LAYOUT, pkt_len$OFFSET);
    }

    /**
     * Setter for field:
     * {@snippet lang=c :
     * uint32_t pkt_len
     * }
     */
    public static void pkt_len(MemorySegment struct, int fieldValue) {
        struct.set(pkt_len$LAYOUT, pkt_len$OFFSET, fieldValue);
    }

    private static final OfShort data_len$LAYOUT = (OfShort)$LAYOUT.select(groupElement("data_len"));

    /**
     * Layout for field:
     * {@snippet lang=c :
     * uint16_t data_len
     * }
     */
    public static final OfShort data_len$layout() {
        return data_len$LAYOUT;
    }

    private static final long data_len$OFFSET = 40;

    /**
     * Offset for field:
     * {@snippet lang=c :
     * uint16_t data_len
     * }
     */
    public static final long data_len$offset() {
        return data_len$OFFSET;
    }

    /**
     * Getter for field:
     * {@snippet lang=c :
     * uint16_t data_len
     * }
     */
    public static short data_len(MemorySegment struct) {
        return struct.get(data_len$LAYOUT, data_len$OFFSET);
    }

    /**
     * Setter for field:
     * {@snippet lang=c :
     * uint16_t data_len
     * }
     */
    public static void data_len(MemorySegment struct, short fieldValue) {
        struct.set(data_len$LAYOUT, data_len$OFFSET, fieldValue);
    }

    private static final OfShort vlan_tci$LAYOUT = (OfShort)$LAYOUT.select(groupElement("vlan_tci"));

    /**
     * Layout for field:
     * {@snippet lang=c :
     * uint16_t vlan_tci
     * }
     */
    public static final OfShort vlan_tci$layout() {
        return vlan_tci$LAYOUT;
    }

    private static final long vlan_tci$OFFSET = 42;

    /**
     * Offset for field:
     * {@snippet lang=c :
     * uint16_t vlan_tci
     * }
     */
    public static final long vlan_tci$offset() {
        return vlan_tci$OFFSET;
    }

    /**
     * Getter for field:
     * {@snippet lang=c :
     * uint16_t vlan_tci
     * }
     */
    public static short vlan_tci(MemorySegment struct) {
        return struct.get(vlan_tci$LAYOUT, vlan_tci$OFFSET);
    }

    /**
     * Setter for field:
     * {@snippet lang=c :
     * uint16_t vlan_tci
     * }
     */
    public static void vlan_tci(MemorySegment struct, short fieldValue) {
        struct.set(vlan_tci$LAYOUT, vlan_tci$OFFSET, fieldValue);
    }

    /**
     * {@snippet lang=c :
     * union {
     *     uint32_t rss;
     *     struct {
     *         union {
     *             struct {
     *                 uint16_t hash;
     *                 uint16_t id;
     *             };
     *             uint32_t lo;
     *         };
     *         uint32_t hi;
     *     } fdir;
     *     struct rte_mbuf_sched sched;
     *     struct {
     *         uint32_t reserved1;
     *         uint16_t reserved2;
     *         uint16_t txq;
     *     } txadapter;
     *     uint32_t usr;
     * }
     * }
     */
    public static class hash {

        hash() {
            // Should not be called directly
        }

        private static final GroupLayout $LAYOUT = MemoryLayout.unionLayout(
            jvs_shim_h.C_INT.withName("rss"),
            rte_mbuf.hash.fdir.layout().withName("fdir"),
            rte_mbuf_sched.layout().withName("sched"),
            rte_mbuf.hash.txadapter.layout().withName("txadapter"),
            jvs_shim_h.C_INT.withName("usr")
        ).withName("$anon$560:3");

        /**
         * The layout of this union
         */
        public static final GroupLayout layout() {
            return $LAYOUT;
        }

        private static final OfInt rss$LAYOUT = (OfInt)$LAYOUT.select(groupElement("rss"));

        /**
         * Layout for field:
         * {@snippet lang=c :
         * uint32_t rss
         * }
         */
        public static final OfInt rss$layout() {
            return rss$LAYOUT;
        }

        private static final long rss$OFFSET = 0;

        /**
         * Offset for field:
         * {@snippet lang=c :
         * uint32_t rss
         * }
         */
        public static final long rss$offset() {
            return rss$OFFSET;
        }

        /**
         * Getter for field:
         * {@snippet lang=c :
         * uint32_t rss
         * }
         */
        public static int rss(MemorySegment union) {
            return union.get(rss$LAYOUT, rss$OFFSET);
        }

        /**
         * Setter for field:
         * {@snippet lang=c :
         * uint32_t rss
         * }
         */
        public static void rss(MemorySegment union, int fieldValue) {
            union.set(rss$LAYOUT, rss$OFFSET, fieldValue);
        }

        /**
         * {@snippet lang=c :
         * struct {
         *     union {
         *         struct {
         *             uint16_t hash;
         *             uint16_t id;
         *         };
         *         uint32_t lo;
         *     };
         *     uint32_t hi;
         * }
         * }
         */
        public static class fdir {

            fdir() {
                // Should not be called directly
            }

            private static final GroupLayout $LAYOUT = MemoryLayout.structLayout(
                MemoryLayout.unionLayout(
                    MemoryLayout.structLayout(
                        jvs_shim_h.C_SHORT.withName("hash"),
                        jvs_shim_h.C_SHORT.withName("id")
                    ).withName("$anon$564:6"),
                    jvs_shim_h.C_INT.withName("lo")
                ).withName("$anon$563:5"),
                jvs_shim_h.C_INT.withName("hi")
            ).withName("$anon$562:4");

            /**
             * The layout of this struct
             */
            public static final GroupLayout layout() {
                return $LAYOUT;
            }

            private static final OfShort hash$LAYOUT = (OfShort)$LAYOUT.select(groupElement("$anon$563:5"), groupElement("$anon$564:6"), groupElement("hash"));

            /**
             * Layout for field:
             * {@snippet lang=c :
             * uint16_t hash
             * }
             */
            public static final OfShort hash$layout() {
                return hash$LAYOUT;
            }

            private static final long hash$OFFSET = 0;

            /**
             * Offset for field:
             * {@snippet lang=c :
             * uint16_t hash
             * }
             */
            public static final long hash$offset() {
                return hash$OFFSET;
            }

            /**
             * Getter for field:
             * {@snippet lang=c :
             * uint16_t hash
             * }
             */
            public static short hash(MemorySegment struct) {
                return struct.get(hash$LAYOUT, hash$OFFSET);
            }

            /**
             * Setter for field:
             * {@snippet lang=c :
             * uint16_t hash
             * }
             */
            public static void hash(MemorySegment struct, short fieldValue) {
                struct.set(hash$LAYOUT, hash$OFFSET, fieldValue);
            }

            private static final OfShort id$LAYOUT = (OfShort)$LAYOUT.select(groupElement("$anon$563:5"), groupElement("$anon$564:6"), groupElement("id"));

            /**
             * Layout for field:
             * {@snippet lang=c :
             * uint16_t id
             * }
             */
            public static final OfShort id$layout() {
                return id$LAYOUT;
            }

            private static final long id$OFFSET = 2;

            /**
             * Offset for field:
             * {@snippet lang=c :
             * uint16_t id
             * }
             */
            public static final long id$offset() {
                return id$OFFSET;
            }

            /**
             * Getter for field:
             * {@snippet lang=c :
             * uint16_t id
             * }
             */
            public static short id(MemorySegment struct) {
                return struct.get(id$LAYOUT, id$OFFSET);
            }

            /**
             * Setter for field:
             * {@snippet lang=c :
             * uint16_t id
             * }
             */
            public static void id(MemorySegment struct, short fieldValue) {
                struct.set(id$LAYOUT, id$OFFSET, fieldValue);
            }

            private static final OfInt lo$LAYOUT = (OfInt)$LAYOUT.select(groupElement("$anon$563:5"), groupElement("lo"));

            /**
             * Layout for field:
             * {@snippet lang=c :
             * uint32_t lo
             * }
             */
            public static final OfInt lo$layout() {
                return lo$LAYOUT;
            }

            private static final long lo$OFFSET = 0;

            /**
             * Offset for field:
             * {@snippet lang=c :
             * uint32_t lo
             * }
             */
            public static final long lo$offset() {
                return lo$OFFSET;
            }

            /**
             * Getter for field:
             * {@snippet lang=c :
             * uint32_t lo
             * }
             */
            public static int lo(MemorySegment struct) {
                return struct.get(lo$LAYOUT, lo$OFFSET);
            }

            /**
             * Setter for field:
             * {@snippet lang=c :
             * uint32_t lo
             * }
             */
            public static void lo(MemorySegment struct, int fieldValue) {
                struct.set(lo$LAYOUT, lo$OFFSET, fieldValue);
            }

            private static final OfInt hi$LAYOUT = (OfInt)$LAYOUT.select(groupElement("hi"));

            /**
             * Layout for field:
             * {@snippet lang=c :
             * uint32_t hi
             * }
             */
            public static final OfInt hi$layout() {
                return hi$LAYOUT;
            }

            private static final long hi$OFFSET = 4;

            /**
             * Offset for field:
             * {@snippet lang=c :
             * uint32_t hi
             * }
             */
            public static final long hi$offset() {
                return hi$OFFSET;
            }

            /**
             * Getter for field:
             * {@snippet lang=c :
             * uint32_t hi
             * }
             */
            public static int hi(MemorySegment struct) {
                return struct.get(hi$LAYOUT, hi$OFFSET);
            }

            /**
             * Setter for field:
             * {@snippet lang=c :
             * uint32_t hi
             * }
             */
            public static void hi(MemorySegment struct, int fieldValue) {
                struct.set(hi$LAYOUT, hi$OFFSET, fieldValue);
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

        private static final GroupLayout fdir$LAYOUT = (GroupLayout)$LAYOUT.select(groupElement("fdir"));

        /**
         * Layout for field:
         * {@snippet lang=c :
         * struct {
         *     union {
         *         struct {
         *             uint16_t hash;
         *             uint16_t id;
         *         };
         *         uint32_t lo;
         *     };
         *     uint32_t hi;
         * } fdir
         * }
         */
        public static final GroupLayout fdir$layout() {
            return fdir$LAYOUT;
        }

        private static final long fdir$OFFSET = 0;

        /**
         * Offset for field:
         * {@snippet lang=c :
         * struct {
         *     union {
         *         struct {
         *             uint16_t hash;
         *             uint16_t id;
         *         };
         *         uint32_t lo;
         *     };
         *     uint32_t hi;
         * } fdir
         * }
         */
        public static final long fdir$offset() {
            return fdir$OFFSET;
        }

        /**
         * Getter for field:
         * {@snippet lang=c :
         * struct {
         *     union {
         *         struct {
         *             uint16_t hash;
         *             uint16_t id;
         *         };
         *         uint32_t lo;
         *     };
         *     uint32_t hi;
         * } fdir
         * }
         */
        public static MemorySegment fdir(MemorySegment union) {
            return union.asSlice(fdir$OFFSET, fdir$LAYOUT.byteSize());
        }

        /**
         * Setter for field:
         * {@snippet lang=c :
         * struct {
         *     union {
         *         struct {
         *             uint16_t hash;
         *             uint16_t id;
         *         };
         *         uint32_t lo;
         *     };
         *     uint32_t hi;
         * } fdir
         * }
         */
        public static void fdir(MemorySegment union, MemorySegment fieldValue) {
            MemorySegment.copy(fieldValue, 0L, union, fdir$OFFSET, fdir$LAYOUT.byteSize());
        }

        private static final GroupLayout sched$LAYOUT = (GroupLayout)$LAYOUT.select(groupElement("sched"));

        /**
         * Layout for field:
         * {@snippet lang=c :
         * struct rte_mbuf_sched sched
         * }
         */
        public static final GroupLayout sched$layout() {
            return sched$LAYOUT;
        }

        private static final long sched$OFFSET = 0;

        /**
         * Offset for field:
         * {@snippet lang=c :
         * struct rte_mbuf_sched sched
         * }
         */
        public static final long sched$offset() {
            return sched$OFFSET;
        }

        /**
         * Getter for field:
         * {@snippet lang=c :
         * struct rte_mbuf_sched sched
         * }
         */
        public static MemorySegment sched(MemorySegment union) {
            return union.asSlice(sched$OFFSET, sched$LAYOUT.byteSize());
        }

        /**
         * Setter for field:
         * {@snippet lang=c :
         * struct rte_mbuf_sched sched
         * }
         */
        public static void sched(MemorySegment union, MemorySegment fieldValue) {
            MemorySegment.copy(fieldValue, 0L, union, sched$OFFSET, sched$LAYOUT.byteSize());
        }

        /**
         * {@snippet lang=c :
         * struct {
         *     uint32_t reserved1;
         *     uint16_t reserved2;
         *     uint16_t txq;
         * }
         * }
         */
        public static class txadapter {

            txadapter() {
                // Should not be called directly
            }

            private static final GroupLayout $LAYOUT = MemoryLayout.structLayout(
                jvs_shim_h.C_INT.withName("reserved1"),
                jvs_shim_h.C_SHORT.withName("reserved2"),
                jvs_shim_h.C_SHORT.withName("txq")
            ).withName("$anon$578:4");

            /**
             * The layout of this struct
             */
            public static final GroupLayout layout() {
                return $LAYOUT;
            }

            private static final OfInt reserved1$LAYOUT = (OfInt)$LAYOUT.select(groupElement("reserved1"));

            /**
             * Layout for field:
             * {@snippet lang=c :
             * uint32_t reserved1
             * }
             */
            public static final OfInt reserved1$layout() {
                return reserved1$LAYOUT;
            }

            private static final long reserved1$OFFSET = 0;

            /**
             * Offset for field:
             * {@snippet lang=c :
             * uint32_t reserved1
             * }
             */
            public static final long reserved1$offset() {
                return reserved1$OFFSET;
            }

            /**
             * Getter for field:
             * {@snippet lang=c :
             * uint32_t reserved1
             * }
             */
            public static int reserved1(MemorySegment struct) {
                return struct.get(reserved1$LAYOUT, reserved1$OFFSET);
            }

            /**
             * Setter for field:
             * {@snippet lang=c :
             * uint32_t reserved1
             * }
             */
            public static void reserved1(MemorySegment struct, int fieldValue) {
                struct.set(reserved1$LAYOUT, reserved1$OFFSET, fieldValue);
            }

            private static final OfShort reserved2$LAYOUT = (OfShort)$LAYOUT.select(groupElement("reserved2"));

            /**
             * Layout for field:
             * {@snippet lang=c :
             * uint16_t reserved2
             * }
             */
            public static final OfShort reserved2$layout() {
                return reserved2$LAYOUT;
            }

            private static final long reserved2$OFFSET = 4;

            /**
             * Offset for field:
             * {@snippet lang=c :
             * uint16_t reserved2
             * }
             */
            public static final long reserved2$offset() {
                return reserved2$OFFSET;
            }

            /**
             * Getter for field:
             * {@snippet lang=c :
             * uint16_t reserved2
             * }
             */
            public static short reserved2(MemorySegment struct) {
                return struct.get(reserved2$LAYOUT, reserved2$OFFSET);
            }

            /**
             * Setter for field:
             * {@snippet lang=c :
             * uint16_t reserved2
             * }
             */
            public static void reserved2(MemorySegment struct, short fieldValue) {
                struct.set(reserved2$LAYOUT, reserved2$OFFSET, fieldValue);
            }

            private static final OfShort txq$LAYOUT = (OfShort)$LAYOUT.select(groupElement("txq"));

            /**
             * Layout for field:
             * {@snippet lang=c :
             * uint16_t txq
             * }
             */
            public static final OfShort txq$layout() {
                return txq$LAYOUT;
            }

            private static final long txq$OFFSET = 6;

            /**
             * Offset for field:
             * {@snippet lang=c :
             * uint16_t txq
             * }
             */
            public static final long txq$offset() {
                return txq$OFFSET;
            }

            /**
             * Getter for field:
             * {@snippet lang=c :
             * uint16_t txq
             * }
             */
            public static short txq(MemorySegment struct) {
                return struct.get(txq$LAYOUT, txq$OFFSET);
            }

            /**
             * Setter for field:
             * {@snippet lang=c :
             * uint16_t txq
             * }
             */
            public static void txq(MemorySegment struct, short fieldValue) {
                struct.set(txq$LAYOUT, txq$OFFSET, fieldValue);
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

        private static final GroupLayout txadapter$LAYOUT = (GroupLayout)$LAYOUT.select(groupElement("txadapter"));

        /**
         * Layout for field:
         * {@snippet lang=c :
         * struct {
         *     uint32_t reserved1;
         *     uint16_t reserved2;
         *     uint16_t txq;
         * } txadapter
         * }
         */
        public static final GroupLayout txadapter$layout() {
            return txadapter$LAYOUT;
        }

        private static final long txadapter$OFFSET = 0;

        /**
         * Offset for field:
         * {@snippet lang=c :
         * struct {
         *     uint32_t reserved1;
         *     uint16_t reserved2;
         *     uint16_t txq;
         * } txadapter
         * }
         */
        public static final long txadapter$offset() {
            return txadapter$OFFSET;
        }

        /**
         * Getter for field:
         * {@snippet lang=c :
         * struct {
         *     uint32_t reserved1;
         *     uint16_t reserved2;
         *     uint16_t txq;
         * } txadapter
         * }
         */
        public static MemorySegment txadapter(MemorySegment union) {
            return union.asSlice(txadapter$OFFSET, txadapter$LAYOUT.byteSize());
        }

        /**
         * Setter for field:
         * {@snippet lang=c :
         * struct {
         *     uint32_t reserved1;
         *     uint16_t reserved2;
         *     uint16_t txq;
         * } txadapter
         * }
         */
        public static void txadapter(MemorySegment union, MemorySegment fieldValue) {
            MemorySegment.copy(fieldValue, 0L, union, txadapter$OFFSET, txadapter$LAYOUT.byteSize());
        }

        private static final OfInt usr$LAYOUT = (OfInt)$LAYOUT.select(groupElement("usr"));

        /**
         * Layout for field:
         * {@snippet lang=c :
         * uint32_t usr
         * }
         */
        public static final OfInt usr$layout() {
            return usr$LAYOUT;
        }

        private static final long usr$OFFSET = 0;

        /**
         * Offset for field:
         * {@snippet lang=c :
         * uint32_t usr
         * }
         */
        public static final long usr$offset() {
            return usr$OFFSET;
        }

        /**
         * Getter for field:
         * {@snippet lang=c :
         * uint32_t usr
         * }
         */
        public static int usr(MemorySegment union) {
            return union.get(usr$LAYOUT, usr$OFFSET);
        }

        /**
         * Setter for field:
         * {@snippet lang=c :
         * uint32_t usr
         * }
         */
        public static void usr(MemorySegment union, int fieldValue) {
            union.set(usr$LAYOUT, usr$OFFSET, fieldValue);
        }

        /**
         * Obtains a slice of {@code arrayParam} which selects the array element at {@code index}.
         * The returned segment has address {@code arrayParam.address() + index * layout().byteSize()}
         */
        public static MemorySegment asSlice(MemorySegment array, long index) {
            return array.asSlice(layout().byteSize() * index);
        }

        /**
         * The size (in bytes) of this union
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

    private static final GroupLayout hash$LAYOUT = (GroupLayout)$LAYOUT.select(groupElement("$anon$559:2"), groupElement("hash"));

    /**
     * Layout for field:
     * {@snippet lang=c :
     * union {
     *     uint32_t rss;
     *     struct {
     *         union {
     *             struct {
     *                 uint16_t hash;
     *                 uint16_t id;
     *             };
     *             uint32_t lo;
     *         };
     *         uint32_t hi;
     *     } fdir;
     *     struct rte_mbuf_sched sched;
     *     struct {
     *         uint32_t reserved1;
     *         uint16_t reserved2;
     *         uint16_t txq;
     *     } txadapter;
     *     uint32_t usr;
     * } hash
     * }
     */
    public static final GroupLayout hash$layout() {
        return hash$LAYOUT;
    }

    private static final long hash$OFFSET = 44;

    /**
     * Offset for field:
     * {@snippet lang=c :
     * union {
     *     uint32_t rss;
     *     struct {
     *         union {
     *             struct {
     *                 uint16_t hash;
     *                 uint16_t id;
     *             };
     *             uint32_t lo;
     *         };
     *         uint32_t hi;
     *     } fdir;
     *     struct rte_mbuf_sched sched;
     *     struct {
     *         uint32_t reserved1;
     *         uint16_t reserved2;
     *         uint16_t txq;
     *     } txadapter;
     *     uint32_t usr;
     * } hash
     * }
     */
    public static final long hash$offset() {
        return hash$OFFSET;
    }

    /**
     * Getter for field:
     * {@snippet lang=c :
     * union {
     *     uint32_t rss;
     *     struct {
     *         union {
     *             struct {
     *                 uint16_t hash;
     *                 uint16_t id;
     *             };
     *             uint32_t lo;
     *         };
     *         uint32_t hi;
     *     } fdir;
     *     struct rte_mbuf_sched sched;
     *     struct {
     *         uint32_t reserved1;
     *         uint16_t reserved2;
     *         uint16_t txq;
     *     } txadapter;
     *     uint32_t usr;
     * } hash
     * }
     */
    public static MemorySegment hash(MemorySegment struct) {
        return struct.asSlice(hash$OFFSET, hash$LAYOUT.byteSize());
    }

    /**
     * Setter for field:
     * {@snippet lang=c :
     * union {
     *     uint32_t rss;
     *     struct {
     *         union {
     *             struct {
     *                 uint16_t hash;
     *                 uint16_t id;
     *             };
     *             uint32_t lo;
     *         };
     *         uint32_t hi;
     *     } fdir;
     *     struct rte_mbuf_sched sched;
     *     struct {
     *         uint32_t reserved1;
     *         uint16_t reserved2;
     *         uint16_t txq;
     *     } txadapter;
     *     uint32_t usr;
     * } hash
     * }
     */
    public static void hash(MemorySegment struct, MemorySegment fieldValue) {
        MemorySegment.copy(fieldValue, 0L, struct, hash$OFFSET, hash$LAYOUT.byteSize());
    }

    private static final OfShort vlan_tci_outer$LAYOUT = (OfShort)$LAYOUT.select(groupElement("vlan_tci_outer"));

    /**
     * Layout for field:
     * {@snippet lang=c :
     * uint16_t vlan_tci_outer
     * }
     */
    public static final OfShort vlan_tci_outer$layout() {
        return vlan_tci_outer$LAYOUT;
    }

    private static final long vlan_tci_outer$OFFSET = 52;

    /**
     * Offset for field:
     * {@snippet lang=c :
     * uint16_t vlan_tci_outer
     * }
     */
    public static final long vlan_tci_outer$offset() {
        return vlan_tci_outer$OFFSET;
    }

    /**
     * Getter for field:
     * {@snippet lang=c :
     * uint16_t vlan_tci_outer
     * }
     */
    public static short vlan_tci_outer(MemorySegment struct) {
        return struct.get(vlan_tci_outer$LAYOUT, vlan_tci_outer$OFFSET);
    }

    /**
     * Setter for field:
     * {@snippet lang=c :
     * uint16_t vlan_tci_outer
     * }
     */
    public static void vlan_tci_outer(MemorySegment struct, short fieldValue) {
        struct.set(vlan_tci_outer$LAYOUT, vlan_tci_outer$OFFSET, fieldValue);
    }

    private static final OfShort buf_len$LAYOUT = (OfShort)$LAYOUT.select(groupElement("buf_len"));

    /**
     * Layout for field:
     * {@snippet lang=c :
     * uint16_t buf_len
     * }
     */
    public static final OfShort buf_len$layout() {
        return buf_len$LAYOUT;
    }

    private static final long buf_len$OFFSET = 54;

    /**
     * Offset for field:
     * {@snippet lang=c :
     * uint16_t buf_len
     * }
     */
    public static final long buf_len$offset() {
        return buf_len$OFFSET;
    }

    /**
     * Getter for field:
     * {@snippet lang=c :
     * uint16_t buf_len
     * }
     */
    public static short buf_len(MemorySegment struct) {
        return struct.get(buf_len$LAYOUT, buf_len$OFFSET);
    }

    /**
     * Setter for field:
     * {@snippet lang=c :
     * uint16_t buf_len
     * }
     */
    public static void buf_len(MemorySegment struct, short fieldValue) {
        struct.set(buf_len$LAYOUT, buf_len$OFFSET, fieldValue);
    }

    private static final AddressLayout pool$LAYOUT = (AddressLayout)$LAYOUT.select(groupElement("pool"));

    /**
     * Layout for field:
     * {@snippet lang=c :
     * struct rte_mempool *pool
     * }
     */
    public static final AddressLayout pool$layout() {
        return pool$LAYOUT;
    }

    private static final long pool$OFFSET = 56;

    /**
     * Offset for field:
     * {@snippet lang=c :
     * struct rte_mempool *pool
     * }
     */
    public static final long pool$offset() {
        return pool$OFFSET;
    }

    /**
     * Getter for field:
     * {@snippet lang=c :
     * struct rte_mempool *pool
     * }
     */
    public static MemorySegment pool(MemorySegment struct) {
        return struct.get(pool$LAYOUT, pool$OFFSET);
    }

    /**
     * Setter for field:
     * {@snippet lang=c :
     * struct rte_mempool *pool
     * }
     */
    public static void pool(MemorySegment struct, MemorySegment fieldValue) {
        struct.set(pool$LAYOUT, pool$OFFSET, fieldValue);
    }

    private static final AddressLayout next$LAYOUT = (AddressLayout)$LAYOUT.select(groupElement("next"));

    /**
     * Layout for field:
     * {@snippet lang=c :
     * struct rte_mbuf *next
     * }
     */
    public static final AddressLayout next$layout() {
        return next$LAYOUT;
    }

    private static final long next$OFFSET = 64;

    /**
     * Offset for field:
     * {@snippet lang=c :
     * struct rte_mbuf *next
     * }
     */
    public static final long next$offset() {
        return next$OFFSET;
    }

    /**
     * Getter for field:
     * {@snippet lang=c :
     * struct rte_mbuf *next
     * }
     */
    public static MemorySegment next(MemorySegment struct) {
        return struct.get(next$LAYOUT, next$OFFSET);
    }

    /**
     * Setter for field:
     * {@snippet lang=c :
     * struct rte_mbuf *next
     * }
     */
    public static void next(MemorySegment struct, MemorySegment fieldValue) {
        struct.set(next$LAYOUT, next$OFFSET, fieldValue);
    }

    private static final OfLong tx_offload$LAYOUT = (OfLong)$LAYOUT.select(groupElement("$anon$618:2"), groupElement("tx_offload"));

    /**
     * Layout for field:
     * {@snippet lang=c :
     * uint64_t tx_offload
     * }
     */
    public static final OfLong tx_offload$layout() {
        return tx_offload$LAYOUT;
    }

    private static final long tx_offload$OFFSET = 72;

    /**
     * Offset for field:
     * {@snippet lang=c :
     * uint64_t tx_offload
     * }
     */
    public static final long tx_offload$offset() {
        return tx_offload$OFFSET;
    }

    /**
     * Getter for field:
     * {@snippet lang=c :
     * uint64_t tx_offload
     * }
     */
    public static long tx_offload(MemorySegment struct) {
        return struct.get(tx_offload$LAYOUT, tx_offload$OFFSET);
    }

    /**
     * Setter for field:
     * {@snippet lang=c :
     * uint64_t tx_offload
     * }
     */
    public static void tx_offload(MemorySegment struct, long fieldValue) {
        struct.set(tx_offload$LAYOUT, tx_offload$OFFSET, fieldValue);
    }

    private static final AddressLayout shinfo$LAYOUT = (AddressLayout)$LAYOUT.select(groupElement("shinfo"));

    /**
     * Layout for field:
     * {@snippet lang=c :
     * struct rte_mbuf_ext_shared_info *shinfo
     * }
     */
    public static final AddressLayout shinfo$layout() {
        return shinfo$LAYOUT;
    }

    private static final long shinfo$OFFSET = 80;

    /**
     * Offset for field:
     * {@snippet lang=c :
     * struct rte_mbuf_ext_shared_info *shinfo
     * }
     */
    public static final long shinfo$offset() {
        return shinfo$OFFSET;
    }

    /**
     * Getter for field:
     * {@snippet lang=c :
     * struct rte_mbuf_ext_shared_info *shinfo
     * }
     */
    public static MemorySegment shinfo(MemorySegment struct) {
        return struct.get(shinfo$LAYOUT, shinfo$OFFSET);
    }

    /**
     * Setter for field:
     * {@snippet lang=c :
     * struct rte_mbuf_ext_shared_info *shinfo
     * }
     */
    public static void shinfo(MemorySegment struct, MemorySegment fieldValue) {
        struct.set(shinfo$LAYOUT, shinfo$OFFSET, fieldValue);
    }

    private static final OfShort priv_size$LAYOUT = (OfShort)$LAYOUT.select(groupElement("priv_size"));

    /**
     * Layout for field:
     * {@snippet lang=c :
     * uint16_t priv_size
     * }
     */
    public static final OfShort priv_size$layout() {
        return priv_size$LAYOUT;
    }

    private static final long priv_size$OFFSET = 88;

    /**
     * Offset for field:
     * {@snippet lang=c :
     * uint16_t priv_size
     * }
     */
    public static final long priv_size$offset() {
        return priv_size$OFFSET;
    }

    /**
     * Getter for field:
     * {@snippet lang=c :
     * uint16_t priv_size
     * }
     */
    public static short priv_size(MemorySegment struct) {
        return struct.get(priv_size$LAYOUT, priv_size$OFFSET);
    }

    /**
     * Setter for field:
     * {@snippet lang=c :
     * uint16_t priv_size
     * }
     */
    public static void priv_size(MemorySegment struct, short fieldValue) {
        struct.set(priv_size$LAYOUT, priv_size$OFFSET, fieldValue);
    }

    private static final OfShort timesync$LAYOUT = (OfShort)$LAYOUT.select(groupElement("timesync"));

    /**
     * Layout for field:
     * {@snippet lang=c :
     * uint16_t timesync
     * }
     */
    public static final OfShort timesync$layout() {
        return timesync$LAYOUT;
    }

    private static final long timesync$OFFSET = 90;

    /**
     * Offset for field:
     * {@snippet lang=c :
     * uint16_t timesync
     * }
     */
    public static final long timesync$offset() {
        return timesync$OFFSET;
    }

    /**
     * Getter for field:
     * {@snippet lang=c :
     * uint16_t timesync
     * }
     */
    public static short timesync(MemorySegment struct) {
        return struct.get(timesync$LAYOUT, timesync$OFFSET);
    }

    /**
     * Setter for field:
     * {@snippet lang=c :
     * uint16_t timesync
     * }
     */
    public static void timesync(MemorySegment struct, short fieldValue) {
        struct.set(timesync$LAYOUT, timesync$OFFSET, fieldValue);
    }

    private static final SequenceLayout dynfield1$LAYOUT = (SequenceLayout)$LAYOUT.select(groupElement("dynfield1"));

    /**
     * Layout for field:
     * {@snippet lang=c :
     * uint32_t dynfield1[9]
     * }
     */
    public static final SequenceLayout dynfield1$layout() {
        return dynfield1$LAYOUT;
    }

    private static final long dynfield1$OFFSET = 92;

    /**
     * Offset for field:
     * {@snippet lang=c :
     * uint32_t dynfield1[9]
     * }
     */
    public static final long dynfield1$offset() {
        return dynfield1$OFFSET;
    }

    /**
     * Getter for field:
     * {@snippet lang=c :
     * uint32_t dynfield1[9]
     * }
     */
    public static MemorySegment dynfield1(MemorySegment struct) {
        return struct.asSlice(dynfield1$OFFSET, dynfield1$LAYOUT.byteSize());
    }

    /**
     * Setter for field:
     * {@snippet lang=c :
     * uint32_t dynfield1[9]
     * }
     */
    public static void dynfield1(MemorySegment struct, MemorySegment fieldValue) {
        MemorySegment.copy(fieldValue, 0L, struct, dynfield1$OFFSET, dynfield1$LAYOUT.byteSize());
    }

    private static long[] dynfield1$DIMS = { 9 };

    /**
     * Dimensions for array field:
     * {@snippet lang=c :
     * uint32_t dynfield1[9]
     * }
     */
    public static long[] dynfield1$dimensions() {
        return dynfield1$DIMS;
    }
    private static final VarHandle dynfield1$ELEM_HANDLE = dynfield1$LAYOUT.varHandle(sequenceElement());

    /**
     * Indexed getter for field:
     * {@snippet lang=c :
     * uint32_t dynfield1[9]
     * }
     */
    public static int dynfield1(MemorySegment struct, long index0) {
        return (int)dynfield1$ELEM_HANDLE.get(struct, dynfield1$OFFSET, index0);
    }

    /**
     * Indexed setter for field:
     * {@snippet lang=c :
     * uint32_t dynfield1[9]
     * }
     */
    public static void dynfield1(MemorySegment struct, long index0, int fieldValue) {
        dynfield1$ELEM_HANDLE.set(struct, dynfield1$OFFSET, index0, fieldValue);
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

