package org.jvswitch.dataplane.cls;

/**
 * The hash the classifier files masked keys under: murmur3's 32-bit mixing over 64-bit words
 * (each folded to 32 bits). Static and allocation-free; one definition so insert and lookup can
 * never disagree.
 */
final class Hashing {
    private Hashing() {
    }

    static int mix(int h, long word) {
        int k = (int) word ^ (int) (word >>> 32) * 0x27d4eb2d;
        k *= 0xcc9e2d51;
        k = Integer.rotateLeft(k, 15);
        k *= 0x1b873593;
        h ^= k;
        h = Integer.rotateLeft(h, 13);
        return h * 5 + 0xe6546b64;
    }

    static int finish(int h, int words) {
        h ^= words * 8;
        h ^= h >>> 16;
        h *= 0x85ebca6b;
        h ^= h >>> 13;
        h *= 0xc2b2ae35;
        h ^= h >>> 16;
        return h;
    }
}
