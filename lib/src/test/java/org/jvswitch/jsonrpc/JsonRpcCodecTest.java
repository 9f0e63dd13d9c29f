package org.jvswitch.jsonrpc;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.DecoderException;
import io.netty.handler.codec.TooLongFrameException;
import org.junit.jupiter.api.Test;
import org.jvswitch.vlog.Vlog;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class JsonRpcCodecTest {

    private static ByteBuf bytes(String s) {
        return Unpooled.copiedBuffer(s, StandardCharsets.UTF_8);
    }

    private static JsonRpcMessage read(EmbeddedChannel ch) {
        return ch.readInbound();
    }

    @Test
    void decodesAMessageSplitAcrossBuffers() {
        EmbeddedChannel ch = new EmbeddedChannel(new JsonRpcDecoder());
        String text = "{\"method\":\"vlog/set\",\"params\":[\"any:file:dbg\",\"{not a brace}\"],\"id\":0}";
        for (int i = 0; i < text.length(); i += 7) {
            assertNull(read(ch), "nothing before the object is complete");
            ch.writeInbound(bytes(text.substring(i, Math.min(text.length(), i + 7))));
        }
        JsonRpcMessage msg = read(ch);
        assertEquals("vlog/set", msg.method());
        assertEquals("{not a brace}", msg.stringParams()[1]);
        assertNull(read(ch));
        assertFalse(ch.finish());
    }

    @Test
    void decodesTwoMessagesInOneBuffer() {
        EmbeddedChannel ch = new EmbeddedChannel(new JsonRpcDecoder());
        ch.writeInbound(bytes("{\"method\":\"a\",\"params\":[],\"id\":1}\n {\"result\":\"é\",\"error\":null,\"id\":1}"));
        assertEquals("a", read(ch).method());
        JsonRpcMessage reply = read(ch);
        assertEquals(JsonRpcMessage.Type.REPLY, reply.type());
        assertEquals("é", reply.result().asText());
        assertNull(read(ch));
        assertFalse(ch.finish());
    }

    @Test
    void encodesCompactUtf8() {
        EmbeddedChannel ch = new EmbeddedChannel(JsonRpcEncoder.INSTANCE);
        ch.writeOutbound(JsonRpcMessage.reply(JsonNodeFactory.instance.textNode("naïve\n"),
                JsonNodeFactory.instance.numberNode(5)));
        ByteBuf out = ch.readOutbound();
        assertEquals("{\"result\":\"naïve\\n\",\"error\":null,\"id\":5}", out.toString(StandardCharsets.UTF_8));
        out.release();
        assertFalse(ch.finish());
    }

    @Test
    void encoderAndDecoderAgree() {
        EmbeddedChannel out = new EmbeddedChannel(JsonRpcEncoder.INSTANCE);
        EmbeddedChannel in = new EmbeddedChannel(new JsonRpcDecoder());
        JsonRpcMessage msg = JsonRpcMessage.request("list-commands", JsonNodeFactory.instance.arrayNode(), 42);
        out.writeOutbound(msg, msg);
        ByteBuf first = out.readOutbound();
        ByteBuf second = out.readOutbound();
        in.writeInbound(first, second);
        assertEquals(msg, read(in));
        assertEquals(msg, read(in));
        assertFalse(in.finish());
        assertFalse(out.finish());
    }

    @Test
    void malformedJsonIsReportedAndClosesTheConnection() {
        EmbeddedChannel ch = new EmbeddedChannel(new JsonRpcDecoder(),
                new ProtocolErrorHandler(Vlog.module("jsonrpc")));
        ch.writeInbound(bytes("{\"method\":\"a\",\"params\":[],\"id\":1}{\"method\":tru}"));
        assertEquals("a", read(ch).method(), "the good message before the bad one still arrives");
        assertNull(read(ch));
        assertFalse(ch.isOpen(), "connection closed after the bad message");
    }

    @Test
    void decoderErrorsSayWhatIsWrong() {
        EmbeddedChannel ch = new EmbeddedChannel(new JsonRpcDecoder());
        DecoderException e = assertThrows(DecoderException.class,
                () -> ch.writeInbound(bytes("{\"method\":tru}")));
        assertTrue(e.getMessage().startsWith("syntax error in JSON-RPC message: "), e.getMessage());

        EmbeddedChannel ch2 = new EmbeddedChannel(new JsonRpcDecoder());
        e = assertThrows(DecoderException.class,
                () -> ch2.writeInbound(bytes("{\"params\":[],\"id\":1}{\"method\":\"b\",\"params\":[],\"id\":2}")));
        assertEquals("invalid JSON-RPC message: request must have \"method\"", e.getMessage());
        assertNull(read(ch2), "frames after a bad one are dropped, not leaked as buffers");

        EmbeddedChannel ch3 = new EmbeddedChannel(new JsonRpcDecoder());
        assertThrows(DecoderException.class, () -> ch3.writeInbound(bytes("hello")));
    }

    @Test
    void framesOverTheLimitAreRejected() {
        JsonRpcDecoder decoder = new JsonRpcDecoder(64);
        assertEquals(64, decoder.maxFrameLength());
        EmbeddedChannel ch = new EmbeddedChannel(decoder);
        DecoderException e = assertThrows(DecoderException.class,
                () -> ch.writeInbound(bytes("{\"method\":\"" + "x".repeat(100) + "\",\"params\":[],\"id\":1}")));
        assertInstanceOf(TooLongFrameException.class, e);
    }
}
