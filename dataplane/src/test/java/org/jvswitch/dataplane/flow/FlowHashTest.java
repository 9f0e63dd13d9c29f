package org.jvswitch.dataplane.flow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.IntConsumer;
import org.junit.jupiter.api.Test;

/**
 * Quality checks for {@link FlowHash} (no JMH: spreads and sensitivities, not timings). The
 * exact-match cache indexes by the low bits and some tables by the high bits, so both are checked
 * over 8192 buckets, with 100,000 flows: about 12.2 per bucket, and a good hash keeps the fullest
 * bucket under 3x that (Poisson puts the expected maximum near 27).
 */
class FlowHashTest {
    private static final int FLOWS = 100_000;
    private static final int BUCKETS = 8192;
    private static final int MAX_PER_BUCKET = 36;

    private static void ipv4(long[] k, int inPort, int src, int dst, int proto, int sport, int dport) {
        k[FlowKey.W_IN_PORT] = FlowKey.inPortWord(inPort, 0);
        k[FlowKey.W_ETH_DST] = FlowKey.ethDstWord(0x0200_0000_0001L, FlowKey.ETH_TYPE_IP);
        k[FlowKey.W_ETH_SRC] = 0x0200_0000_0002L << 16;
        k[FlowKey.W_L3_META] = FlowKey.l3MetaWord(0, proto, 0, 64, 0);
        k[FlowKey.W_NW] = FlowKey.pairWord(src, dst);
        k[FlowKey.W_TP] = FlowKey.tpWord(sport, dport, 0);
    }

    private static void ipv6(long[] k, int inPort, long srcLo, long dstLo, int sport, int dport) {
        k[FlowKey.W_IN_PORT] = FlowKey.inPortWord(inPort, 0);
        k[FlowKey.W_ETH_DST] = FlowKey.ethDstWord(0x0200_0000_0001L, FlowKey.ETH_TYPE_IPV6);
        k[FlowKey.W_L3_META] = FlowKey.l3MetaWord(0, FlowKey.IPPROTO_TCP, 0, 64, 0);
        k[FlowKey.W_IPV6_SRC] = 0x2001_0db8_0000_0000L;
        k[FlowKey.W_IPV6_SRC + 1] = srcLo;
        k[FlowKey.W_IPV6_DST] = 0x2001_0db8_0000_0001L;
        k[FlowKey.W_IPV6_DST + 1] = dstLo;
        k[FlowKey.W_TP] = FlowKey.tpWord(sport, dport, 0x010);
    }

    /** Hashes FLOWS keys made by {@code fill} and checks the spread of low and high bits. */
    private static void assertSpreads(String what, long[] key, IntConsumer fill) {
        int[] low = new int[BUCKETS];
        int[] high = new int[BUCKETS];
        Set<Integer> distinct = new HashSet<>();
        for (int i = 0; i < FLOWS; i++) {
            fill.accept(i);
            int h = FlowHash.hash5tuple(key, 0);
            low[h & (BUCKETS - 1)]++;
            high[h >>> 19]++;
            distinct.add(h);
        }
        int maxLow = 0;
        int maxHigh = 0;
        for (int b = 0; b < BUCKETS; b++) {
            maxLow = Math.max(maxLow, low[b]);
            maxHigh = Math.max(maxHigh, high[b]);
        }
        assertTrue(maxLow <= MAX_PER_BUCKET, what + ": fullest low-bits bucket has " + maxLow);
        assertTrue(maxHigh <= MAX_PER_BUCKET, what + ": fullest high-bits bucket has " + maxHigh);
        // 100,000 values in 2^32: about one birthday collision is expected.
        assertTrue(distinct.size() >= FLOWS - 10, what + ": only " + distinct.size() + " distinct hashes");
    }

    @Test
    void sequentialSourceAddressesSpread() {
        long[] k = new long[FlowKey.WORDS];
        assertSpreads("sequential sources", k, i -> ipv4(k, 1, 0x0a00_0000 + i, 0x0a01_0001, 17, 5000, 53));
    }

    @Test
    void sequentialPortsSpread() {
        long[] k = new long[FlowKey.WORDS];
        assertSpreads("sequential ports", k, i -> ipv4(k, 1, 0x0a00_0001, 0x0a00_0002, 6, i & 0xffff, 80 + (i >>> 16)));
    }

    @Test
    void addressAndPortGridSpreads() {
        long[] k = new long[FlowKey.WORDS];
        assertSpreads("256 hosts x 391 ports", k, i -> ipv4(k, 2, 0xc0a8_0000 + i % 256, 0x0808_0808, 17,
                1024 + i / 256, 443));
    }

    @Test
    void inPortsAndDestinationsSpread() {
        long[] k = new long[FlowKey.WORDS];
        assertSpreads("ports x destinations", k, i -> ipv4(k, i % 64, 0x0a00_0001, 0x0a00_0000 + i / 64, 6, 1, 2));
    }

    @Test
    void randomTuplesSpread() {
        long[] k = new long[FlowKey.WORDS];
        SplittableRandom rnd = new SplittableRandom(7);
        assertSpreads("random", k, i -> ipv4(k, rnd.nextInt(16), rnd.nextInt(), rnd.nextInt(), 17, rnd.nextInt(65536),
                rnd.nextInt(65536)));
    }

    @Test
    void ipv6FlowsSpread() {
        long[] k = new long[FlowKey.WORDS];
        assertSpreads("ipv6 sequential sources", k, i -> ipv6(k, 1, i, 1, 40000, 443));
        assertSpreads("ipv6 sequential ports", k, i -> ipv6(k, 1, 5, 1, i & 0xffff, i >>> 16));
    }

    @Test
    void everyFiveTupleFieldCountsAndNothingElse() {
        long[] k = new long[FlowKey.WORDS];
        ipv4(k, 1, 0x0a00_0001, 0x0a00_0002, 6, 1000, 80);
        int h = FlowHash.hash5tuple(k, 0);
        FlowField[] counted = {FlowField.IN_PORT, FlowField.RECIRC_ID, FlowField.ETH_TYPE, FlowField.NW_PROTO,
            FlowField.NW_SRC, FlowField.NW_DST, FlowField.TP_SRC, FlowField.TP_DST};
        for (FlowField f : counted) {
            long[] c = k.clone();
            f.set(c, 0, f.get(c, 0) ^ 1);
            assertNotEquals(h, FlowHash.hash5tuple(c, 0), f + " should change the hash");
        }
        FlowField[] ignored = {FlowField.ETH_SRC, FlowField.ETH_DST, FlowField.VLAN0_TCI, FlowField.NW_TTL,
            FlowField.NW_TOS, FlowField.TCP_FLAGS, FlowField.PKT_MARK, FlowField.TUN_ID, FlowField.ARP_SHA};
        for (FlowField f : ignored) {
            long[] c = k.clone();
            f.set(c, 0, f.get(c, 0) ^ 1);
            assertEquals(h, FlowHash.hash5tuple(c, 0), f + " is not part of the 5-tuple");
        }
        long[] v6 = new long[FlowKey.WORDS];
        ipv6(v6, 1, 2, 3, 4, 5);
        int h6 = FlowHash.hash5tuple(v6, 0);
        for (int w = FlowKey.W_IPV6_SRC; w < FlowKey.W_IPV6_DST + 2; w++) {
            long[] c = v6.clone();
            c[w] ^= 1L << 63;
            assertNotEquals(h6, FlowHash.hash5tuple(c, 0), "ipv6 word " + w);
        }
    }

    @Test
    void hash5tupleReadsOnlyItsSlot() {
        long[] keys = new long[3 * FlowKey.WORDS];
        long[] one = new long[FlowKey.WORDS];
        ipv4(one, 3, 1, 2, 17, 3, 4);
        System.arraycopy(one, 0, keys, FlowKey.WORDS, FlowKey.WORDS);
        java.util.Arrays.fill(keys, 0, FlowKey.WORDS, -1L);
        java.util.Arrays.fill(keys, 2 * FlowKey.WORDS, 3 * FlowKey.WORDS, -1L);
        assertEquals(FlowHash.hash5tuple(one, 0), FlowHash.hash5tuple(keys, FlowKey.WORDS));
    }

    @Test
    void hashWordsDependsOnEveryWordTheBasisAndTheCount() {
        long[] w = {1, 2, 3, 0, 5, 6, 7, 8};
        int h = FlowHash.hashWords(w, 0, 8, 0);
        assertNotEquals(h, FlowHash.hashWords(w, 0, 8, 1), "basis");
        assertNotEquals(FlowHash.hashWords(w, 0, 3, 0), FlowHash.hashWords(w, 0, 4, 0), "a trailing zero word counts");
        for (int i = 0; i < w.length; i++) {
            long[] c = w.clone();
            c[i] ^= 1L << (i * 7);
            assertNotEquals(h, FlowHash.hashWords(c, 0, 8, 0), "word " + i);
        }
        long[] shifted = new long[12];
        System.arraycopy(w, 0, shifted, 4, 8);
        assertEquals(h, FlowHash.hashWords(shifted, 4, 8, 0), "position in the array does not matter");
        assertNotEquals(0, FlowHash.hashWords(new long[4], 0, 4, 0), "all-zero words do not hash to 0");
    }

    @Test
    void hashWordsAvalanches() {
        // Flipping any one input bit flips each output bit with probability about 1/2.
        SplittableRandom rnd = new SplittableRandom(3);
        long flips = 0;
        int trials = 0;
        for (int t = 0; t < 50; t++) {
            long[] w = {rnd.nextLong(), rnd.nextLong(), rnd.nextLong(), rnd.nextLong()};
            int h = FlowHash.hashWords(w, 0, 4, 17);
            for (int bit = 0; bit < 256; bit++) {
                long[] c = w.clone();
                c[bit >>> 6] ^= 1L << (bit & 63);
                flips += Integer.bitCount(h ^ FlowHash.hashWords(c, 0, 4, 17));
                trials++;
            }
        }
        double mean = (double) flips / trials;
        assertTrue(mean > 15.5 && mean < 16.5, "mean output bits flipped per input bit: " + mean);
    }
}
