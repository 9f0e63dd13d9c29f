package org.jvswitch.jsonrpc;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufOutputStream;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.MessageToByteEncoder;

import java.io.OutputStream;

/**
 * Writes each {@link JsonRpcMessage} as compact UTF-8 JSON with nothing before or after it,
 * which is all the framing OVS's JSON-RPC has. Stateless, so one instance may serve every
 * channel.
 */
@ChannelHandler.Sharable
public final class JsonRpcEncoder extends MessageToByteEncoder<JsonRpcMessage> {

    /** One shared instance is enough: the encoder keeps no state. */
    public static final JsonRpcEncoder INSTANCE = new JsonRpcEncoder();

    public JsonRpcEncoder() {
        super(JsonRpcMessage.class);
    }

    @Override
    protected void encode(ChannelHandlerContext ctx, JsonRpcMessage msg, ByteBuf out) throws Exception {
        JsonRpcMapper.get().writeValue((OutputStream) new ByteBufOutputStream(out), msg.toJson());
    }
}
