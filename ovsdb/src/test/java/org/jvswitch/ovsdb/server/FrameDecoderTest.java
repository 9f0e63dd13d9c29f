package org.jvswitch.ovsdb.server;

import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.DecoderException;
import org.jvswitch.jsonrpc.JsonRpcMessage;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** OVSDB framing: objects back to back, split anywhere; broken streams refused at once. */
class FrameDecoderTest {

    private static void feed(EmbeddedChannel ch, String s) {
        ch.writeInbound(Unpooled.copiedBuffer(s, StandardCharsets.UTF_8));
    }

    @Test
    void framesMessagesHoweverTheyArrive() {
        EmbeddedChannel ch = new EmbeddedChannel(new FrameDecoder(1 << 20));
        String two = "{\"method\":\"echo\",\"params\":[\"}{\\\"\"],\"id\":1} \n{\"method\":\"echo\",\"params\":[[{}]],\"id\":2}";
        for (int i = 0; i < two.length(); i++) {
            feed(ch, two.substring(i, i + 1));
        }
        JsonRpcMessage a = ch.readInbound();
        JsonRpcMessage b = ch.readInbound();
        assertEquals("[\"}{\\\"\"]", a.params().toString());
        assertEquals("[[{}]]", b.params().toString());
        feed(ch, two + two);
        assertEquals(1, ((JsonRpcMessage) ch.readInbound()).id().intValue());
        assertEquals(2, ((JsonRpcMessage) ch.readInbound()).id().intValue());
        assertEquals(1, ((JsonRpcMessage) ch.readInbound()).id().intValue());
        assertEquals(2, ((JsonRpcMessage) ch.readInbound()).id().intValue());
        assertNull(ch.readInbound());
    }

    @Test
    void refusesBrokenStreamsAtTheBreak() {
        for (String bad : new String[] {"{\"params\": [}", "[1, 2]", "42", "\"x\"", "{\"a\": 1}}", "{]",
            "{\"method\": \"echo\", \"params\": {}, \"id\": 1}", "{\"a\" 1}"}) {
            EmbeddedChannel ch = new EmbeddedChannel(new FrameDecoder(1 << 20));
            assertThrows(DecoderException.class, () -> feed(ch, bad), bad);
        }
    }

    @Test
    void limitsMessageSize() {
        EmbeddedChannel ch = new EmbeddedChannel(new FrameDecoder(100));
        DecoderException e = assertThrows(DecoderException.class, () -> feed(ch, "{\"a\": \"" + "x".repeat(200)));
        assertTrue(e.getMessage().contains("longer than 100"), e.getMessage());
    }
}
