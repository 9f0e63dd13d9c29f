package org.jvswitch.dataplane.odp;

import org.jvswitch.dataplane.flow.FlowKey;
import org.jvswitch.dataplane.flow.Ufid;

/**
 * Text and computation of {@link Ufid}s, the 128-bit datapath flow identifiers OVS writes as
 * {@code ufid:xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx}. {@link Ufid#hi()} is the first 16 hex digits
 * of that text and {@link Ufid#lo()} the last 16, so the text and the two longs map one to one.
 *
 * <p>When a flow arrives without one (dpctl/add-flow with no "ufid:", an upcall), OVS's userspace
 * datapath hashes the flow key with MurmurHash3 x64-128 under a per-process random seed and
 * marks the result as a version-4 UUID. {@link #of} does the same with a fixed seed, over the
 * masked key and then the mask (so two megaflows that differ only in their mask get different
 * UFIDs, and a flow gets the same UFID after a restart); any stable 128-bit hash would do.
 */
public final class Ufids {
    private static final long C1 = 0x87c37b91114253d5L;
    private static final long C2 = 0x4cf5ad432745937fL;
    private static final long SEED = 0;

    private Ufids() {
    }

    /** {@code ufid:} and the UUID, lower-case, as OVS prints it. */
    public static String format(Ufid ufid) {
        String h = String.format("%016x%016x", ufid.hi(), ufid.lo());
        return "ufid:" + h.substring(0, 8) + '-' + h.substring(8, 12) + '-' + h.substring(12, 16) + '-'
                + h.substring(16, 20) + '-' + h.substring(20);
    }

    /** Parses {@code ufid:UUID} (or a bare UUID); the whole string must be the UFID. */
    public static Ufid parse(String s) {
        OdpScanner sc = new OdpScanner(s.strip());
        sc.mark();
        boolean prefixed = sc.startsWith("ufid:");
        Ufid u = prefixed ? parse(sc) : uuid(sc);
        if (!sc.atEnd()) {
            throw sc.error("trailing characters after the UFID");
        }
        return u;
    }

    /** Reads {@code ufid:UUID} at the scanner. */
    static Ufid parse(OdpScanner sc) {
        sc.expect("ufid:");
        return uuid(sc);
    }

    private static Ufid uuid(OdpScanner sc) {
        String in = sc.input();
        int p = sc.pos();
        if (in.length() < p + 36) {
            throw sc.error("bad UFID, expected xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx");
        }
        StringBuilder hex = new StringBuilder(32);
        for (int i = 0; i < 36; i++) {
            char c = in.charAt(p + i);
            boolean dash = i == 8 || i == 13 || i == 18 || i == 23;
            if (dash ? c != '-' : Character.digit(c, 16) < 0) {
                throw sc.error("bad UFID, expected xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx");
            }
            if (!dash) {
                hex.append(c);
            }
        }
        sc.pos(p + 36);
        return new Ufid(Long.parseUnsignedLong(hex.substring(0, 16), 16),
                Long.parseUnsignedLong(hex.substring(16), 16));
    }

    /** The UFID of a flow given without one: a 128-bit hash of the masked key and the mask. */
    public static Ufid of(long[] key, long[] mask) {
        long h1 = SEED;
        long h2 = SEED;
        for (int i = 0; i < 2 * FlowKey.WORDS; i += 2) {
            long k1 = word(key, mask, i);
            long k2 = word(key, mask, i + 1);
            k1 *= C1;
            k1 = Long.rotateLeft(k1, 31);
            k1 *= C2;
            h1 ^= k1;
            h1 = Long.rotateLeft(h1, 27);
            h1 += h2;
            h1 = h1 * 5 + 0x52dce729;
            k2 *= C2;
            k2 = Long.rotateLeft(k2, 33);
            k2 *= C1;
            h2 ^= k2;
            h2 = Long.rotateLeft(h2, 31);
            h2 += h1;
            h2 = h2 * 5 + 0x38495ab5;
        }
        long len = 2L * FlowKey.WORDS * Long.BYTES;
        h1 ^= len;
        h2 ^= len;
        h1 += h2;
        h2 += h1;
        h1 = fmix(h1);
        h2 = fmix(h2);
        h1 += h2;
        h2 += h1;
        // Version 4 and the RFC 4122 variant, as OVS's uuid_set_bits_v4.
        return new Ufid(h1 & ~0xf000L | 0x4000L, h2 & 0x3fffffffffffffffL | 0x8000000000000000L);
    }

    /** The i-th input word: masked key words, then mask words. */
    private static long word(long[] key, long[] mask, int i) {
        return i < FlowKey.WORDS ? key[i] & mask[i] : mask[i - FlowKey.WORDS];
    }

    private static long fmix(long k) {
        k ^= k >>> 33;
        k *= 0xff51afd7ed558ccdL;
        k ^= k >>> 33;
        k *= 0xc4ceb9fe1a85ec53L;
        k ^= k >>> 33;
        return k;
    }
}
