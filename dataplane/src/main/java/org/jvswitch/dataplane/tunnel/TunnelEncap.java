package org.jvswitch.dataplane.tunnel;

import static org.jvswitch.dataplane.tunnel.InetSum.BE16;
import static org.jvswitch.dataplane.tunnel.InetSum.BE32;
import static org.jvswitch.dataplane.tunnel.InetSum.BE64;
import static org.jvswitch.dataplane.tunnel.InetSum.MEM;

import org.jvswitch.dataplane.flow.FlowKey;
import org.jvswitch.dpdk.Mbuf;

/**
 * {@code tnl_push} on one packet, in place: prepend the compiled outer headers
 * ({@link TunnelHeader}) into the mbuf's headroom and fix up the per-packet fields. The packet's
 * key and layer offsets are rewritten to describe the outer packet, so the actions after the push
 * (a VLAN push chosen by the underlay bridge, the output) see what they act on.
 *
 * <p>The UDP source port comes from the packet's hash, spread over OVS's default range
 * 32768..61000 with a multiply-shift (the same flow always gets the same port, so ECMP in the
 * underlay keeps its packets in order). Static, allocation-free, no locks.
 */
public final class TunnelEncap {
    private static final long PORT_RANGE = TunnelHeader.UDP_SRC_MAX - TunnelHeader.UDP_SRC_MIN + 1;

    private TunnelEncap() {
    }

    /**
     * Encapsulates the packet {@code mbuf} whose key is at {@code keys[kbase..]} and layer offsets
     * at {@code layers[lbase..]}.
     *
     * @return false when it cannot (no headroom; an L3 tunnel and a packet without an L3 header; a
     *         checksum over a multi-segment packet); the packet may then be half-changed and must be
     *         dropped
     */
    public static boolean push(long mbuf, TunnelHeader h, int hash, long[] keys, int kbase, int[] layers,
                               int lbase) {
        if (h.l3Payload) {
            int l3 = layers[lbase + 1];
            if (l3 <= 0 || !Mbuf.adj(mbuf, l3)) {
                return false;
            }
        }
        int n = h.length;
        if (!Mbuf.prepend(mbuf, n)) {
            return false;
        }
        long a = Mbuf.dataAddress(mbuf);
        long[] w = h.words;
        for (int i = 0; i < w.length; i++) {
            MEM.set(BE64, a + 8L * i, w[i]);
        }
        MEM.set(BE64, a + n - 8, h.tail);
        int pkt = Mbuf.pktLen(mbuf);
        long ip = a + TunnelHeader.ETH_LEN;
        if (h.ipv6) {
            MEM.set(BE16, ip + 4, (short) (pkt - TunnelHeader.ETH_LEN - 40));
        } else {
            int tot = pkt - TunnelHeader.ETH_LEN;
            MEM.set(BE16, ip + 2, (short) tot);
            MEM.set(BE16, ip + 10, (short) InetSum.finish(h.ipSum + tot));
        }
        long l4 = a + h.l4;
        int l4Len = pkt - h.l4;
        int tpSrc = 0;
        if (h.udp) {
            tpSrc = TunnelHeader.UDP_SRC_MIN + (int) (((hash & 0xffffffffL) * PORT_RANGE) >>> 32);
            MEM.set(BE16, l4, (short) tpSrc);
            MEM.set(BE16, l4 + 4, (short) l4Len);
            if (h.udpCsum) {
                MEM.set(BE16, l4 + 6, (short) 0);
                long s = Mbuf.nbSegs(mbuf) == 1 ? InetSum.add(l4, l4Len, h.pseudoSum + l4Len)
                        : InetSum.addChain(mbuf, h.l4, l4Len, h.pseudoSum + l4Len);
                if (s < 0) {
                    return false;
                }
                int c = InetSum.finish(s);
                MEM.set(BE16, l4 + 6, (short) (c == 0 ? 0xffff : c));
            }
        } else {
            if (h.greSeqAt != 0) {
                MEM.set(BE32, a + h.greSeqAt, h.seq++);
            }
            if (h.greCsumAt != 0) {
                long s = Mbuf.nbSegs(mbuf) == 1 ? InetSum.add(l4, l4Len, 0)
                        : InetSum.addChain(mbuf, h.l4, l4Len, 0);
                if (s < 0) {
                    return false;
                }
                MEM.set(BE16, a + h.greCsumAt, (short) InetSum.finish(s));
            }
        }
        System.arraycopy(h.keyWords, 0, keys, kbase + TunnelHeader.KEY_FROM, TunnelHeader.KEY_WORDS);
        if (h.udp) {
            keys[kbase + FlowKey.W_TP] |= (tpSrc & 0xffffL) << 48;
        }
        layers[lbase] = -1;
        layers[lbase + 1] = TunnelHeader.ETH_LEN;
        layers[lbase + 2] = h.l4;
        return true;
    }
}
