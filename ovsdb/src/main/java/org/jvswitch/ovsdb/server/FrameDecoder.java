package org.jvswitch.ovsdb.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufInputStream;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import io.netty.handler.codec.CorruptedFrameException;
import io.netty.handler.codec.TooLongFrameException;
import io.netty.util.ByteProcessor;
import org.jvswitch.jsonrpc.JsonRpcException;
import org.jvswitch.jsonrpc.JsonRpcMapper;
import org.jvswitch.jsonrpc.JsonRpcMessage;

import java.io.IOException;
import java.util.List;

/**
 * Splits an OVSDB connection's byte stream into {@link JsonRpcMessage}s (JSON objects back to
 * back, OVS's framing) and refuses a broken stream at the byte that breaks it, as OVS's
 * streaming parser does: anything but an object at the top level, a closing bracket that does
 * not match its opener, nesting deeper than the parser accepts, or a message over the size
 * limit. The error (a {@code DecoderException}) reaches the pipeline's
 * {@code ProtocolErrorHandler}, which logs it and closes the connection.
 *
 * <p>Why not lib's {@code JsonRpcDecoder}: it frames by counting brackets of either kind, so
 * after {@code {"params": [}} it waits for more input instead of failing, and it reads the
 * stream a byte at a time through {@code ByteBuf.getByte}, which checks the buffer on every call
 * and cost a fifth of an I/O thread under load. This decoder scans with one
 * {@link ByteBuf#forEachByte} pass and parses each complete frame with the same Jackson mapper
 * and {@link JsonRpcMessage#fromJson}, so messages and errors are the same.
 *
 * <p>One per channel, on its event loop.
 */
final class FrameDecoder extends ByteToMessageDecoder implements ByteProcessor {

    private final int maxFrame;
    /** Open brackets of the frame being scanned, innermost last. */
    private final byte[] stack = new byte[JsonRpcMapper.MAX_NESTING_DEPTH + 1];
    private int depth;
    private boolean inString;
    private boolean escape;
    /** Bytes of the current buffer scanned so far (relative to its reader index). */
    private int scanned;
    /** Offset (relative to the reader index) just after the frame that ended, or -1. */
    private int frameEnd = -1;
    /** Offset of the current frame's first byte, relative to the reader index; -1 before it starts. */
    private int frameStart = -1;
    private String error;
    private int position;

    FrameDecoder(int maxFrame) {
        this.maxFrame = maxFrame;
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        if (error != null) {
            in.skipBytes(in.readableBytes());  // the connection is closing; ignore the rest
            return;
        }
        while (in.isReadable()) {
            int base = in.readerIndex();
            frameEnd = -1;
            position = scanned;
            in.forEachByte(base + scanned, in.readableBytes() - scanned, this);
            if (error != null) {
                in.skipBytes(in.readableBytes());
                throw new CorruptedFrameException(error);
            }
            if (frameEnd < 0) {
                // No complete frame yet: remember how far we got.
                scanned = in.readableBytes();
                if (frameStart >= 0 && scanned - frameStart > maxFrame) {
                    in.skipBytes(in.readableBytes());
                    throw new TooLongFrameException("message longer than " + maxFrame + " bytes");
                }
                if (frameStart < 0) {
                    in.skipBytes(in.readableBytes());  // only whitespace so far
                    scanned = 0;
                }
                return;
            }
            int start = frameStart;
            int length = frameEnd - frameStart;
            frameStart = -1;
            scanned = 0;
            if (length > maxFrame) {
                in.skipBytes(in.readableBytes());
                throw new TooLongFrameException("message longer than " + maxFrame + " bytes");
            }
            in.skipBytes(start);
            ByteBuf frame = in.readSlice(length);
            out.add(parse(frame));
        }
    }

    private static JsonRpcMessage parse(ByteBuf frame) {
        JsonNode json;
        try {
            json = JsonRpcMapper.get().readTree(new ByteBufInputStream(frame));
        } catch (JsonProcessingException e) {
            throw new CorruptedFrameException("syntax error in JSON-RPC message: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new CorruptedFrameException("error reading JSON-RPC message: " + e.getMessage());
        }
        try {
            return JsonRpcMessage.fromJson(json);
        } catch (JsonRpcException e) {
            throw new CorruptedFrameException("invalid JSON-RPC message: " + e.getMessage());
        }
    }

    /** One byte; false stops the scan (a frame ended, or an error). */
    @Override
    public boolean process(byte b) {
        int at = position++;
        if (inString) {
            if (escape) {
                escape = false;
            } else if (b == '\\') {
                escape = true;
            } else if (b == '"') {
                inString = false;
            }
            return true;
        }
        switch (b) {
            case '{', '[' -> {
                if (depth == 0) {
                    if (b != '{') {
                        return fail("syntax error at top level: a JSON-RPC message must be a JSON object");
                    }
                    frameStart = at;
                }
                if (depth == stack.length) {
                    return fail("JSON nesting too deep (more than " + JsonRpcMapper.MAX_NESTING_DEPTH + " levels)");
                }
                stack[depth++] = b;
            }
            case '}', ']' -> {
                byte open = b == '}' ? (byte) '{' : (byte) '[';
                if (depth == 0 || stack[depth - 1] != open) {
                    return fail("syntax error: unexpected '" + (char) b + "'");
                }
                if (--depth == 0) {
                    frameEnd = at + 1;
                    return false;
                }
            }
            case '"' -> {
                if (depth == 0) {
                    return fail("syntax error at top level: a JSON-RPC message must be a JSON object");
                }
                inString = true;
            }
            case ' ', '\t', '\n', '\r' -> {
            }
            default -> {
                if (depth == 0) {
                    return fail("syntax error at top level: a JSON-RPC message must be a JSON object");
                }
            }
        }
        return true;
    }

    private boolean fail(String why) {
        error = why;
        return false;
    }
}
