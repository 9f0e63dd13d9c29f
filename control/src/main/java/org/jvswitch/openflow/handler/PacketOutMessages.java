package org.jvswitch.openflow.handler;

import io.netty.buffer.ByteBuf;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import org.jvswitch.coverage.Coverage;
import org.jvswitch.coverage.CoverageCounter;
import org.jvswitch.dataplane.flow.FlowKey;
import org.jvswitch.dataplane.flow.Miniflow;
import org.jvswitch.ofproto.OfKey;
import org.jvswitch.ofproto.OfPort;
import org.jvswitch.ofproto.Ofproto;
import org.jvswitch.ofproto.Xlate;
import org.jvswitch.openflow.codec.OfWire;
import org.jvswitch.openflow.codec.PacketCodec;
import org.jvswitch.openflow.conn.OfConnection;

/**
 * Packet-out through the datapath's execute path: the packet's flow key is extracted as the
 * datapath would, its actions are translated for the given in_port exactly as a rule's would be
 * (so NORMAL, FLOOD, TABLE, groups and patch ports all work), and the datapath executes the
 * resulting datapath actions on it.
 */
final class PacketOutMessages {
    private static final CoverageCounter PACKET_OUT = Coverage.counter("ofproto_packet_out");

    private final Xlate xlate;

    PacketOutMessages(Xlate xlate) {
        this.xlate = xlate;
    }

    void packetOut(OfConnection c, ByteBuf frame, int xid) {
        PacketCodec.PacketOut po = PacketCodec.readPacketOut(frame.duplicate().skipBytes(OfWire.HEADER), c.version());
        PACKET_OUT.inc();
        Ofproto br = c.manager().bridge();
        long[] dpKey = extract(po.packet());
        OfPort in = br.port(po.inPort());
        int odp = in != null && in.odpPort() >= 0 ? in.odpPort() : 0;
        dpKey[FlowKey.W_IN_PORT] = FlowKey.inPortWord(odp, 0);
        long[] flow = OfKey.fromDatapath(dpKey, 0, po.inPort());
        System.arraycopy(po.metadata(), OfKey.W_REGS, flow, OfKey.W_REGS, OfKey.WORDS - OfKey.W_REGS);
        Xlate.Result r = xlate.translateActions(br, flow, po.actions(), po.packet(), po.packet().length,
                System.currentTimeMillis());
        if (!r.actions().isEmpty()) {
            c.manager().datapath().execute(po.packet(), dpKey, r.actions());
        }
    }

    /** The packet's datapath flow key (in_port 0). */
    static long[] extract(byte[] packet) {
        long[] key = new long[FlowKey.WORDS];
        if (packet.length == 0) {
            return key;
        }
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment seg = arena.allocate(packet.length, 64);
            MemorySegment.copy(packet, 0, seg, ValueLayout.JAVA_BYTE, 0, packet.length);
            Miniflow.extract(seg.address(), packet.length, key, 0, new int[3], 0);
        }
        return key;
    }
}
