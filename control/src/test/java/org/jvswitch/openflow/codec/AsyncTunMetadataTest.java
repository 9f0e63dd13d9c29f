package org.jvswitch.openflow.codec;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.jvswitch.dataplane.flow.FlowField;
import org.jvswitch.ofproto.OfKey;
import org.jvswitch.ofproto.OfRule;
import org.jvswitch.ofproto.TlvMap;

/**
 * Flow-removed and packet-in messages are encoded off the request thread (expiry, upcalls), where
 * no TLV map is set for the thread: with the bridge's map passed explicitly their match carries
 * tun_metadata0, and the thread's own map is left as it was.
 */
class AsyncTunMetadataTest {
    private static final TlvMap MAP = TlvMap.EMPTY.add(List.of(new TlvMap.Mapping(0xffff, 0, 4, 0)));
    /** OXM/NXM tun_metadata0, 4 bytes, unmasked, then its value 0x1234. */
    private static final String TLV = String.format("%08x", TunMetadataCodec.header(0, false, 4)) + "00001234";

    /** A key (and exact mask) with in_port 10 and tun_metadata0 = 0x00001234 where {@link #MAP} puts it. */
    private static long[][] keyAndMask() {
        long[] key = new long[OfKey.WORDS];
        long[] mask = new long[OfKey.WORDS];
        FlowField.IN_PORT.set(key, 0, 10);
        FlowField.IN_PORT.exact(mask, 0);
        TlvMap.Entry e = MAP.entry(0);
        byte[] v = {0, 0, 0x12, 0x34};
        for (int i = 0; i < 4; i++) {
            TlvMap.setMdByte(key, e.offset() + i, v[i]);
            TlvMap.setMdByte(mask, e.offset() + i, 0xff);
        }
        key[OfKey.W_TUN_MD_PRESENT] |= 1L;
        mask[OfKey.W_TUN_MD_PRESENT] |= 1L;
        return new long[][] {key, mask};
    }

    private static String hex(ByteBuf b) {
        try {
            return ByteBufUtil.hexDump(b);
        } finally {
            b.release();
        }
    }

    @Test
    void flowRemovedCarriesTunMetadataWithTheBridgesMap() {
        long[][] km = keyAndMask();
        OfRule rule = new OfRule(0, 100, km[0], km[1], 0, 0, 0, 0, 0, List.of(), 0);
        TunMetadataCodec.use(null);
        assertFalse(hex(FlowRemovedCodec.encode(rule, 0, OfWire.OF13, false, 0, 5)).contains(TLV));
        for (int v : new int[] {OfWire.OF13, OfWire.OF15}) {
            assertTrue(hex(FlowRemovedCodec.encode(rule, 0, v, false, 0, 5, MAP)).contains(TLV), "version " + v);
        }
        // OpenFlow 1.0 with NXM (NXT_FLOW_REMOVED).
        assertTrue(hex(FlowRemovedCodec.encode(rule, 0, OfWire.OF10, true, 0, 5, MAP)).contains(TLV));
        // The thread's map is as it was.
        assertFalse(hex(FlowRemovedCodec.encode(rule, 0, OfWire.OF13, false, 0, 5)).contains(TLV));
    }

    @Test
    void packetInCarriesTheTunMetadataThePacketHas() {
        long[] key = keyAndMask()[0];
        byte[] packet = new byte[60];
        TunMetadataCodec.use(null);
        assertFalse(hex(PacketCodec.packetIn(OfWire.OF13, 0, packet, 60, 60, key, 1, 0, 0)).contains(TLV));
        String with = hex(PacketCodec.packetIn(OfWire.OF13, 0, packet, 60, 60, key, 1, 0, 0, MAP));
        assertTrue(with.contains(TLV), with);
        // No tun_metadata in the packet: none in the match.
        key[OfKey.W_TUN_MD_PRESENT] = 0;
        assertFalse(hex(PacketCodec.packetIn(OfWire.OF13, 0, packet, 60, 60, key, 1, 0, 0, MAP)).contains(
                String.format("%08x", TunMetadataCodec.header(0, false, 4))));
    }
}
