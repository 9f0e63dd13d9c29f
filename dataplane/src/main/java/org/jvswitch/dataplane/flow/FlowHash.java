package org.jvswitch.dataplane.flow;

import static org.jvswitch.dataplane.flow.FlowKey.ETH_TYPE_IPV6;
import static org.jvswitch.dataplane.flow.FlowKey.W_ETH_DST;
import static org.jvswitch.dataplane.flow.FlowKey.W_IN_PORT;
import static org.jvswitch.dataplane.flow.FlowKey.W_IPV6_DST;
import static org.jvswitch.dataplane.flow.FlowKey.W_IPV6_SRC;
import static org.jvswitch.dataplane.flow.FlowKey.W_L3_META;
import static org.jvswitch.dataplane.flow.FlowKey.W_NW;
import static org.jvswitch.dataplane.flow.FlowKey.W_TP;

/**
 * Software hashes over flow keys, for when the NIC gave no RSS hash and for classifier subtables.
 *
 * <p>Both are MurmurHash3 (x64 lane) rounds over whole 64-bit key words, then its 64-bit
 * finaliser, folded to 32 bits by taking the low half (every output bit of the finaliser depends
 * on every input bit). Working on 64-bit words halves the rounds of a 32-bit murmur over the same
 * key, and the key layout already packs the 5-tuple into few words. Allocation-free, branch-light,
 * static: any thread may call them on keys it owns.
 *
 * <p>The hashes are not stable across releases and are not for the wire: they index in-memory
 * tables only.
 */
public final class FlowHash {
    private static final long C1 = 0x87c3_7b91_1142_53d5L;
    private static final long C2 = 0x4cf5_ad43_2745_937fL;
    /** Basis of {@link #hash5tuple}, an arbitrary odd constant so that an all-zero key does not hash to 0. */
    private static final long BASIS_5TUPLE = 0x9e37_79b9_7f4a_7c15L;

    private FlowHash() {
    }

    /**
     * A 32-bit hash of a key's 5-tuple: in_port and recirc_id, eth_type, nw_proto, nw_src/nw_dst
     * (the four IPv6 address words for IPv6), tp_src/tp_dst. The exact-match cache uses it when the
     * NIC provided no RSS hash, as OVS's 5-tuple hash does. For ARP the nw word holds spa/tpa, which
     * spreads ARP too; other non-IP frames hash on port and eth_type only.
     */
    public static int hash5tuple(long[] key, int base) {
        long h = BASIS_5TUPLE;
        h = round(h, key[base + W_IN_PORT]);
        int ethType = (int) key[base + W_ETH_DST] & 0xffff;
        // eth_type(16) | 0(8) | nw_proto(8) | tp_src(16) | tp_dst(16): three fields, one round.
        long meta = (long) ethType << 48 | (key[base + W_L3_META] & 0xff00_0000L) << 16 | key[base + W_TP] >>> 32;
        h = round(h, meta);
        if (ethType == ETH_TYPE_IPV6) {
            h = round(h, key[base + W_IPV6_SRC]);
            h = round(h, key[base + W_IPV6_SRC + 1]);
            h = round(h, key[base + W_IPV6_DST]);
            h = round(h, key[base + W_IPV6_DST + 1]);
            return finish(h, 6);
        }
        h = round(h, key[base + W_NW]);
        return finish(h, 3);
    }

    /**
     * A 32-bit hash of {@code n} consecutive words {@code words[from .. from + n)} with a basis
     * (classifier subtables hash a masked key's words with their own basis).
     */
    public static int hashWords(long[] words, int from, int n, int basis) {
        long h = basis;
        for (int i = from, end = from + n; i < end; i++) {
            h = round(h, words[i]);
        }
        return finish(h, n);
    }

    /** One MurmurHash3 x64 body round: scramble the word, fold it into the running hash. */
    private static long round(long h, long k) {
        k *= C1;
        k = Long.rotateLeft(k, 31);
        k *= C2;
        h ^= k;
        h = Long.rotateLeft(h, 27);
        return h * 5 + 0x52dc_e729L;
    }

    /** MurmurHash3's fmix64 after mixing in the word count, low 32 bits out. */
    private static int finish(long h, int words) {
        h ^= words;
        h ^= h >>> 33;
        h *= 0xff51_afd7_ed55_8ccdL;
        h ^= h >>> 33;
        h *= 0xc4ce_b9fe_1a85_ec53L;
        h ^= h >>> 33;
        return (int) h;
    }
}
