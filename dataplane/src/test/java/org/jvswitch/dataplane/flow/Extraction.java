package org.jvswitch.dataplane.flow;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.Arrays;

/**
 * One {@link Miniflow#extract} run as a value (the key's packet words, the status, the layer
 * offsets), run under guard: the key slot sits between two other slots, its metadata and Geneve
 * words and every neighbour are prefilled with a pattern that must survive, the packet words are
 * prefilled with garbage that must be overwritten, and the frame is followed by three different
 * fills of trailing memory that must not change the result (a read past {@code len} would).
 *
 * <p>Expectations are built from a full extraction with {@link #only}, {@link #status},
 * {@link #layers} and {@link #with}, then compared with {@link #assertMatches}.
 */
final class Extraction {
    static final int[] L2 = {FlowKey.W_ETH_DST, FlowKey.W_ETH_SRC, FlowKey.W_VLAN};

    /** All {@link FlowKey#WORDS} words; only 14..28 can be non-zero. */
    final long[] key;
    final int status;
    final int l25;
    final int l3;
    final int l4;

    private Extraction(long[] key, int status, int l25, int l3, int l4) {
        this.key = key;
        this.status = status;
        this.l25 = l25;
        this.l3 = l3;
        this.l4 = l4;
    }

    /** Nothing extracted: all zero, no layers. */
    static Extraction none(int status) {
        return new Extraction(new long[FlowKey.WORDS], status, -1, -1, -1);
    }

    static Extraction of(byte[] frame) {
        return of(frame, frame.length);
    }

    /** Extracts the first {@code len} bytes of {@code frame}, checking the guards. */
    static Extraction of(byte[] frame, int len) {
        Extraction a = run(frame, len, 0x00, 0);
        Extraction b = run(frame, len, 0xff, 1);
        Extraction c = run(frame, len, -1, 2);
        String what = "result depends on the bytes after len=" + len + " (a read past the frame)";
        a.assertMatches(b, what);
        a.assertMatches(c, what);
        return a;
    }

    private static long pattern(int i) {
        return 0x5a5a_0000_0000_0000L ^ (long) i * 0x9e37_79b9_7f4a_7c15L;
    }

    private static Extraction run(byte[] frame, int len, int fill, int slot) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment seg = arena.allocate(len + 256L, 64);
            if (fill >= 0) {
                seg.fill((byte) fill);
            } else {
                for (long i = 0; i < seg.byteSize(); i++) {
                    seg.set(ValueLayout.JAVA_BYTE, i, (byte) (i * 131 + 7));
                }
            }
            MemorySegment.copy(frame, 0, seg, ValueLayout.JAVA_BYTE, 0, len);
            byte[] before = seg.toArray(ValueLayout.JAVA_BYTE);

            long[] keys = new long[3 * FlowKey.WORDS];
            for (int i = 0; i < keys.length; i++) {
                keys[i] = pattern(i);
            }
            int[] layers = new int[9];
            for (int i = 0; i < layers.length; i++) {
                layers[i] = 0x7777_0000 + i;
            }
            int base = slot * FlowKey.WORDS;
            int lbase = slot * 3;
            int status = Miniflow.extract(seg.address(), len, keys, base, layers, lbase);

            for (int i = 0; i < keys.length; i++) {
                boolean packetWord = i >= base + FlowKey.W_ETH_DST && i <= base + FlowKey.W_ARP_THA;
                if (!packetWord && keys[i] != pattern(i)) {
                    fail("extract wrote key word " + (i - base) + " of its slot (array index " + i + ")");
                }
            }
            for (int i = 0; i < layers.length; i++) {
                if ((i < lbase || i >= lbase + 3) && layers[i] != 0x7777_0000 + i) {
                    fail("extract wrote layers[" + i + "], outside its three");
                }
            }
            assertArrayEquals(before, seg.toArray(ValueLayout.JAVA_BYTE), "extract modified the packet");
            if (status < 0 || status >= ExtractStatus.COUNT) {
                fail("status out of range: " + status);
            }
            long[] key = new long[FlowKey.WORDS];
            System.arraycopy(keys, base + FlowKey.W_ETH_DST, key, FlowKey.W_ETH_DST,
                    FlowKey.W_ARP_THA - FlowKey.W_ETH_DST + 1);
            return new Extraction(key, status, layers[lbase], layers[lbase + 1], layers[lbase + 2]);
        }
    }

    long get(FlowField f) {
        return f.get(key, 0);
    }

    long word(int w) {
        return key[w];
    }

    /** A copy keeping only the given key words (the rest zero). */
    Extraction only(int... words) {
        long[] k = new long[FlowKey.WORDS];
        for (int w : words) {
            k[w] = key[w];
        }
        return new Extraction(k, status, l25, l3, l4);
    }

    /** A copy keeping the given words and everything in {@code groups}. */
    Extraction only(int[] group, int... words) {
        int[] all = Arrays.copyOf(group, group.length + words.length);
        System.arraycopy(words, 0, all, group.length, words.length);
        return only(all);
    }

    Extraction status(int s) {
        return new Extraction(key, s, l25, l3, l4);
    }

    Extraction layers(int l25, int l3, int l4) {
        return new Extraction(key, status, l25, l3, l4);
    }

    /** A copy with one field set. */
    Extraction with(FlowField f, long value) {
        long[] k = key.clone();
        f.set(k, 0, value);
        return new Extraction(k, status, l25, l3, l4);
    }

    void assertMatches(Extraction actual, String message) {
        if (status != actual.status || l25 != actual.l25 || l3 != actual.l3 || l4 != actual.l4
                || !Arrays.equals(key, actual.key)) {
            assertEquals(toString(), actual.toString(), message);
        }
    }

    void assertStatus(int expected) {
        assertEquals(ExtractStatus.name(expected), ExtractStatus.name(status));
    }

    void assertLayers(int l25, int l3, int l4) {
        assertEquals(l25 + "/" + l3 + "/" + l4, this.l25 + "/" + this.l3 + "/" + this.l4, "l2_5/l3/l4");
    }

    /** Asserts that every packet word not listed is zero. */
    void assertZeroExcept(int... words) {
        for (int w = FlowKey.W_ETH_DST; w <= FlowKey.W_ARP_THA; w++) {
            boolean listed = false;
            for (int x : words) {
                listed |= x == w;
            }
            if (!listed) {
                assertEquals(0, key[w], "key word " + w + " should be zero in " + this);
            }
        }
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(ExtractStatus.name(status))
                .append(" layers=").append(l25).append('/').append(l3).append('/').append(l4);
        for (int w = FlowKey.W_ETH_DST; w <= FlowKey.W_ARP_THA; w++) {
            if (key[w] != 0) {
                sb.append(String.format(" w%d=%016x", w, key[w]));
            }
        }
        return sb.toString();
    }
}
