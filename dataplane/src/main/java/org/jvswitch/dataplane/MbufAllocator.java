package org.jvswitch.dataplane;

/**
 * Where the datapath gets, shares and returns packet buffers. In production this is DPDK
 * ({@link DpdkMbufAllocator}); datapath unit tests plug in buffers of their own in plain native
 * memory, so the whole packet path runs without DPDK. Only one implementation is loaded in a
 * running switch, so calls through this interface inline.
 */
public interface MbufAllocator {
    /** A fresh single-segment mbuf (default headroom, length 0), or 0 when none is left. */
    long alloc();

    /** Returns an mbuf (one reference of it). */
    void free(long mbuf);

    /** Takes one more reference to an mbuf that will be freed once more. */
    void ref(long mbuf);
}
