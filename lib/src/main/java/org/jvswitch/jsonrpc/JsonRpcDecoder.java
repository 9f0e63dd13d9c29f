package org.jvswitch.jsonrpc;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufInputStream;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.CorruptedFrameException;
import io.netty.handler.codec.json.JsonObjectDecoder;

import java.io.IOException;
import java.util.List;

/**
 * Splits a stream of back-to-back JSON objects into {@link JsonRpcMessage}s.
 *
 * <p>How: Netty's {@link JsonObjectDecoder} finds each top-level object's bounds by counting
 * braces (outside strings), which needs no delimiter between messages and copes with a message
 * split over any number of reads or several messages in one read. Each frame is then parsed
 * with Jackson and classified by {@link JsonRpcMessage#fromJson}.
 *
 * <p>Errors: a frame over the size limit, bytes that are not JSON, or JSON that is not a valid
 * JSON-RPC message raise a {@code DecoderException} whose message says what was wrong; messages
 * decoded before the bad one in the same read are still passed on. The pipeline decides what to
 * do about it; {@link ProtocolErrorHandler} logs it and closes the connection, as OVS does.
 *
 * <p>Threads: one instance per channel (it is stateful), used only on that channel's event loop.
 */
public final class JsonRpcDecoder extends JsonObjectDecoder {

    /** Default largest message accepted: OVSDB dumps of big databases run to tens of MiB. */
    public static final int DEFAULT_MAX_FRAME_LENGTH = 64 * 1024 * 1024;

    private final int maxFrameLength;

    public JsonRpcDecoder() {
        this(DEFAULT_MAX_FRAME_LENGTH);
    }

    public JsonRpcDecoder(int maxFrameLength) {
        super(maxFrameLength);
        this.maxFrameLength = maxFrameLength;
    }

    /** The largest message, in bytes, this decoder accepts. */
    public int maxFrameLength() {
        return maxFrameLength;
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) throws Exception {
        int first = out.size();
        super.decode(ctx, in, out);
        for (int i = first; i < out.size(); i++) {
            ByteBuf frame = (ByteBuf) out.get(i);
            try {
                out.set(i, parse(frame));
            } catch (RuntimeException e) {
                // The frames after the bad one are dropped: the connection is about to close,
                // and ByteToMessageDecoder would otherwise pass them on as raw buffers.
                for (int j = out.size() - 1; j > i; j--) {
                    ((ByteBuf) out.remove(j)).release();
                }
                out.remove(i);
                throw e;
            } finally {
                frame.release();
            }
        }
    }

    private static JsonRpcMessage parse(ByteBuf frame) {
        JsonNode json;
        try {
            json = JsonRpcMapper.get().readTree(new ByteBufInputStream(frame));
        } catch (JsonProcessingException e) {
            throw new CorruptedFrameException("syntax error in JSON-RPC message: "
                    + e.getOriginalMessage());
        } catch (IOException e) {
            throw new CorruptedFrameException("error reading JSON-RPC message: " + e.getMessage());
        }
        try {
            return JsonRpcMessage.fromJson(json);
        } catch (JsonRpcException e) {
            throw new CorruptedFrameException("invalid JSON-RPC message: " + e.getMessage());
        }
    }
}
