package org.jvswitch.openflow.conn;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import java.util.List;
import org.jvswitch.coverage.Coverage;
import org.jvswitch.coverage.CoverageCounter;
import org.jvswitch.openflow.codec.OfWire;

/**
 * Splits the byte stream into OpenFlow messages by the header's length field. A length below
 * the 8-byte header cannot be framed past, so the connection is closed (as Open vSwitch does);
 * everything else about a message is judged later, one message at a time.
 */
final class OfFrameDecoder extends ByteToMessageDecoder {
    private static final CoverageCounter BAD_FRAMES = Coverage.counter("ofconn_bad_frame");

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        while (in.readableBytes() >= 4) {
            int len = in.getUnsignedShort(in.readerIndex() + 2);
            if (len < OfWire.HEADER) {
                BAD_FRAMES.inc();
                in.skipBytes(in.readableBytes());
                ctx.fireUserEventTriggered(BadFrame.INSTANCE);
                ctx.close();
                return;
            }
            if (in.readableBytes() < len) {
                return;
            }
            out.add(in.readRetainedSlice(len));
        }
    }

    /** Told to the connection before it closes for a bad frame. */
    enum BadFrame { INSTANCE }
}
