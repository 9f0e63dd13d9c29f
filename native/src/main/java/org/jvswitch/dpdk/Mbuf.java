package org.jvswitch.dpdk;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import org.jvswitch.dpdk.gen.rte_mbuf;

/**
 * Reads and writes the fields of a {@code struct rte_mbuf} by absolute address, the way the fast
 * path sees packets: a burst is a vector of mbuf addresses, and every access goes through the one
 * process-wide segment {@link #MEMORY}, so no {@code MemorySegment} is created per packet.
 *
 * <pre>
 *  struct rte_mbuf (first cache line; offsets from the generated binding, checked against gcc)
 *   0  buf_addr  (8)     16 data_off (2)   18 refcnt (2)   20 nb_segs (2)   22 port (2)
 *  24  ol_flags  (8)     32 packet_type (4) 36 pkt_len (4)  40 data_len (2)  42 vlan_tci (2)
 *  44  hash.rss  (4) ... 54 buf_len (2)    56 pool (8)      64 next (8, second cache line)
 * </pre>
 *
 * The offsets are static finals taken from the jextract-shaped binding at class initialisation,
 * so the JIT folds them into the access instructions. Accesses use the unaligned layouts: the
 * fields are aligned anyway, and that spares the alignment check the aligned layouts make on
 * every access (x86 and AArch64 load unaligned words at full speed).
 */
public final class Mbuf {
    private static final ValueLayout.OfLong JAVA_LONG = ValueLayout.JAVA_LONG_UNALIGNED;
    private static final ValueLayout.OfInt JAVA_INT = ValueLayout.JAVA_INT_UNALIGNED;
    private static final ValueLayout.OfShort JAVA_SHORT = ValueLayout.JAVA_SHORT_UNALIGNED;

    /** All of the address space, for absolute-address access on the fast path. */
    public static final MemorySegment MEMORY = MemorySegment.NULL.reinterpret(Long.MAX_VALUE);

    public static final long BUF_ADDR = rte_mbuf.buf_addr$offset();
    public static final long DATA_OFF = rte_mbuf.data_off$offset();
    public static final long REFCNT = rte_mbuf.refcnt$offset();
    public static final long NB_SEGS = rte_mbuf.nb_segs$offset();
    public static final long PORT = rte_mbuf.port$offset();
    public static final long OL_FLAGS = rte_mbuf.ol_flags$offset();
    public static final long PACKET_TYPE = rte_mbuf.packet_type$offset();
    public static final long PKT_LEN = rte_mbuf.pkt_len$offset();
    public static final long DATA_LEN = rte_mbuf.data_len$offset();
    public static final long VLAN_TCI = rte_mbuf.vlan_tci$offset();
    public static final long HASH = rte_mbuf.hash$offset();
    public static final long BUF_LEN = rte_mbuf.buf_len$offset();
    public static final long POOL = rte_mbuf.pool$offset();
    public static final long NEXT = rte_mbuf.next$offset();
    public static final long SIZE = rte_mbuf.sizeof();

    /** ol_flags bit: the NIC computed an RSS hash (RTE_MBUF_F_RX_RSS_HASH). */
    public static final long F_RX_RSS_HASH = 1L << 1;

    private Mbuf() {
    }

    /** Address of the first byte of packet data (rte_pktmbuf_mtod). */
    public static long dataAddress(long mbuf) {
        return MEMORY.get(JAVA_LONG, mbuf + BUF_ADDR) + dataOff(mbuf);
    }

    public static int dataOff(long mbuf) {
        return Short.toUnsignedInt(MEMORY.get(JAVA_SHORT, mbuf + DATA_OFF));
    }

    /** Bytes of packet data in this segment. */
    public static int dataLen(long mbuf) {
        return Short.toUnsignedInt(MEMORY.get(JAVA_SHORT, mbuf + DATA_LEN));
    }

    /** Bytes of packet data in the whole chain. */
    public static int pktLen(long mbuf) {
        return MEMORY.get(JAVA_INT, mbuf + PKT_LEN);
    }

    public static int bufLen(long mbuf) {
        return Short.toUnsignedInt(MEMORY.get(JAVA_SHORT, mbuf + BUF_LEN));
    }

    public static int nbSegs(long mbuf) {
        return Short.toUnsignedInt(MEMORY.get(JAVA_SHORT, mbuf + NB_SEGS));
    }

    /** The DPDK port the packet arrived on. */
    public static int port(long mbuf) {
        return Short.toUnsignedInt(MEMORY.get(JAVA_SHORT, mbuf + PORT));
    }

    public static long olFlags(long mbuf) {
        return MEMORY.get(JAVA_LONG, mbuf + OL_FLAGS);
    }

    /** The NIC's RSS hash, valid when {@link #hasRssHash}. */
    public static int rssHash(long mbuf) {
        return MEMORY.get(JAVA_INT, mbuf + HASH);
    }

    public static boolean hasRssHash(long mbuf) {
        return (olFlags(mbuf) & F_RX_RSS_HASH) != 0;
    }

    public static void setRssHash(long mbuf, int hash) {
        MEMORY.set(JAVA_INT, mbuf + HASH, hash);
        MEMORY.set(JAVA_LONG, mbuf + OL_FLAGS, olFlags(mbuf) | F_RX_RSS_HASH);
    }

    /** Sets both lengths of a single-segment packet. */
    public static void setLength(long mbuf, int len) {
        MEMORY.set(JAVA_SHORT, mbuf + DATA_LEN, (short) len);
        MEMORY.set(JAVA_INT, mbuf + PKT_LEN, len);
    }

    /**
     * Grows a single-segment packet by {@code n} bytes at its head (rte_pktmbuf_prepend).
     *
     * @return false, changing nothing, when the headroom is smaller than n
     */
    public static boolean prepend(long mbuf, int n) {
        int off = dataOff(mbuf);
        if (off < n) {
            return false;
        }
        MEMORY.set(JAVA_SHORT, mbuf + DATA_OFF, (short) (off - n));
        MEMORY.set(JAVA_SHORT, mbuf + DATA_LEN, (short) (dataLen(mbuf) + n));
        MEMORY.set(JAVA_INT, mbuf + PKT_LEN, pktLen(mbuf) + n);
        return true;
    }

    /**
     * Removes {@code n} bytes at the head (rte_pktmbuf_adj).
     *
     * @return false, changing nothing, when the first segment is shorter than n
     */
    public static boolean adj(long mbuf, int n) {
        int len = dataLen(mbuf);
        if (len < n) {
            return false;
        }
        MEMORY.set(JAVA_SHORT, mbuf + DATA_OFF, (short) (dataOff(mbuf) + n));
        MEMORY.set(JAVA_SHORT, mbuf + DATA_LEN, (short) (len - n));
        MEMORY.set(JAVA_INT, mbuf + PKT_LEN, pktLen(mbuf) - n);
        return true;
    }
}
