package org.jvswitch.dataplane.action;

import static java.lang.foreign.ValueLayout.JAVA_BYTE;

import org.jvswitch.dpdk.Mbuf;

/**
 * CRC32c (Castagnoli) over native memory, for SCTP's checksum after a port rewrite. Table-driven
 * and allocation-free; SCTP rewrites are rare enough that a byte-at-a-time loop is fine.
 */
final class Crc32c {
    private static final int[] TABLE = new int[256];

    static {
        for (int i = 0; i < 256; i++) {
            int c = i;
            for (int k = 0; k < 8; k++) {
                c = (c & 1) != 0 ? (c >>> 1) ^ 0x82f63b78 : c >>> 1;
            }
            TABLE[i] = c;
        }
    }

    private Crc32c() {
    }

    static int compute(long address, int len) {
        int crc = 0xffffffff;
        for (int i = 0; i < len; i++) {
            crc = TABLE[(crc ^ Mbuf.MEMORY.get(JAVA_BYTE, address + i)) & 0xff] ^ (crc >>> 8);
        }
        return ~crc;
    }
}
