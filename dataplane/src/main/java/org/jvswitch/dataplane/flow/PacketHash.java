package org.jvswitch.dataplane.flow;

import static org.jvswitch.dataplane.flow.FlowKey.*;

/**
 * The per-packet hash the caches index by when the NIC gave no RSS hash: a few multiplies and
 * shifts over the words that tell flows apart (in_port and recirc_id, addresses, ports,
 * protocol), finished with splitmix64's mixer. It only needs to spread flows over the cache,
 * not to resist attack (the key is compared in full on every hit), so it trades murmur's
 * rounds for speed: this runs once per packet.
 */
public final class PacketHash {
    private static final long K1 = 0x9E3779B97F4A7C15L;
    private static final long K2 = 0xC2B2AE3D27D4EB4FL;
    private static final long K3 = 0x165667B19E3779F9L;

    private PacketHash() {
    }

    public static int of(long[] k, int base) {
        int ethType = (int) (k[base + W_ETH_DST] & 0xffff);
        long h = k[base + W_IN_PORT] * K1;
        if (ethType == ETH_TYPE_IPV6) {
            h ^= (k[base + W_IPV6_SRC] ^ Long.rotateLeft(k[base + W_IPV6_SRC + 1], 17)) * K2;
            h ^= (k[base + W_IPV6_DST] ^ Long.rotateLeft(k[base + W_IPV6_DST + 1], 31)) * K3;
        } else if (ethType == ETH_TYPE_IP) {
            h ^= k[base + W_NW] * K2;
        } else {
            h ^= (k[base + W_ETH_DST] ^ Long.rotateLeft(k[base + W_ETH_SRC], 23) ^ k[base + W_NW]) * K2;
        }
        h ^= (k[base + W_TP] >>> 32 ^ (k[base + W_L3_META] & 0xff000000L) << 8 ^ k[base + W_VLAN]) * K3;
        h ^= h >>> 30;
        h *= 0xBF58476D1CE4E5B9L;
        h ^= h >>> 27;
        h *= 0x94D049BB133111EBL;
        return (int) (h ^ h >>> 31 ^ h >>> 32);
    }
}
