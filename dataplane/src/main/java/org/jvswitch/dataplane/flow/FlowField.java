package org.jvswitch.dataplane.flow;

import static org.jvswitch.dataplane.flow.FlowKey.*;

/**
 * Every field of a {@link FlowKey} by name: where it lives (word, shift, width) and how to read,
 * write and mask it. This is the slow-path view (parsers, formatters, set actions compiled at
 * install time, translation); the fast path composes whole words directly.
 *
 * <p>Fields wider than 64 bits (IPv6 addresses, ct_label) span two words: {@link #words} is 2,
 * {@code shift} is 0, and {@link #get}/{@link #set} work on the high word only (use
 * {@link #word}/{@link #setWord} with 0 and 1 for both halves).
 */
public enum FlowField {
    IN_PORT(W_IN_PORT, 32, 32),
    RECIRC_ID(W_IN_PORT, 0, 32),
    DP_HASH(W_DP_HASH, 32, 32),
    PKT_MARK(W_DP_HASH, 0, 32),
    SKB_PRIORITY(W_PRIORITY, 32, 32),
    CT_MARK(W_PRIORITY, 0, 32),
    CT_STATE(W_CT, 56, 8),
    CT_NW_PROTO(W_CT, 48, 8),
    CT_ZONE(W_CT, 32, 16),
    CT_TP_SRC(W_CT, 16, 16),
    CT_TP_DST(W_CT, 0, 16),
    CT_NW_SRC(W_CT_NW, 32, 32),
    CT_NW_DST(W_CT_NW, 0, 32),
    CT_LABEL(W_CT_LABEL, 0, 128),
    TUN_ID(W_TUN_ID, 0, 64),
    TUN_SRC(W_TUN_IPV4, 32, 32),
    TUN_DST(W_TUN_IPV4, 0, 32),
    TUN_FLAGS(W_TUN_META, 48, 16),
    TUN_TOS(W_TUN_META, 40, 8),
    TUN_TTL(W_TUN_META, 32, 8),
    TUN_TP_SRC(W_TUN_META, 16, 16),
    TUN_TP_DST(W_TUN_META, 0, 16),
    TUN_IPV6_SRC(W_TUN_IPV6_SRC, 0, 128),
    TUN_IPV6_DST(W_TUN_IPV6_DST, 0, 128),
    ETH_DST(W_ETH_DST, 16, 48),
    ETH_TYPE(W_ETH_DST, 0, 16),
    ETH_SRC(W_ETH_SRC, 16, 48),
    VLAN0_TPID(W_VLAN, 48, 16),
    VLAN0_TCI(W_VLAN, 32, 16),
    VLAN1_TPID(W_VLAN, 16, 16),
    VLAN1_TCI(W_VLAN, 0, 16),
    MPLS_LSE(W_L3_META, 32, 32),
    NW_PROTO(W_L3_META, 24, 8),
    NW_TOS(W_L3_META, 16, 8),
    NW_TTL(W_L3_META, 8, 8),
    NW_FRAG(W_L3_META, 0, 8),
    NW_SRC(W_NW, 32, 32),
    NW_DST(W_NW, 0, 32),
    TP_SRC(W_TP, 48, 16),
    TP_DST(W_TP, 32, 16),
    TCP_FLAGS(W_TP, 16, 16),
    IPV6_SRC(W_IPV6_SRC, 0, 128),
    IPV6_DST(W_IPV6_DST, 0, 128),
    IPV6_LABEL(W_IPV6_LABEL, 32, 32),
    ND_TARGET(W_ND_TARGET, 0, 128),
    ARP_SHA(W_ARP_SHA, 16, 48),
    ARP_THA(W_ARP_THA, 16, 48),
    GENEVE_LEN(W_GENEVE_LEN, 56, 8);

    public final int word;
    public final int shift;
    public final int bits;
    /** How many key words the field spans (1, or 2 for 128-bit fields). */
    public final int words;
    /** The field's bits within its (first) word. */
    public final long wordMask;

    FlowField(int word, int shift, int bits) {
        this.word = word;
        this.shift = shift;
        this.bits = bits;
        this.words = bits > 64 ? 2 : 1;
        this.wordMask = bits >= 64 ? -1L : ((1L << bits) - 1) << shift;
    }

    /** The field's value (for 128-bit fields, the high 64 bits). */
    public long get(long[] key, int base) {
        long w = key[base + word];
        return bits >= 64 ? w : (w & wordMask) >>> shift;
    }

    /** Sets the field (for 128-bit fields, the high 64 bits), leaving the rest of the word alone. */
    public void set(long[] key, int base, long value) {
        if (bits >= 64) {
            key[base + word] = value;
        } else {
            key[base + word] = key[base + word] & ~wordMask | (value << shift) & wordMask;
        }
    }

    /** Word {@code i} (0 or 1) of a multi-word field. */
    public long word(long[] key, int base, int i) {
        return key[base + word + i];
    }

    public void setWord(long[] key, int base, int i, long value) {
        key[base + word + i] = value;
    }

    /** Sets every bit of the field in a mask. */
    public void exact(long[] mask, int base) {
        for (int i = 0; i < words; i++) {
            mask[base + word + i] |= words == 2 ? -1L : wordMask;
        }
    }

    /** True if any bit of the field is set (in a key or a mask). */
    public boolean isNonZero(long[] key, int base) {
        for (int i = 0; i < words; i++) {
            if ((key[base + word + i] & (words == 2 ? -1L : wordMask)) != 0) {
                return true;
            }
        }
        return false;
    }

    /** True if every bit of the field is set in a mask. */
    public boolean isExact(long[] mask, int base) {
        for (int i = 0; i < words; i++) {
            long m = words == 2 ? -1L : wordMask;
            if ((mask[base + word + i] & m) != m) {
                return false;
            }
        }
        return true;
    }
}
