package org.jvswitch.jsonrpc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class JsonRpcMessageTest {

    private static JsonNode json(String text) throws Exception {
        return JsonRpcMapper.get().readTree(text);
    }

    @Test
    void classifiesTheFourKinds() throws Exception {
        JsonRpcMessage req = JsonRpcMessage.fromJson(json("{\"method\":\"echo\",\"params\":[\"a\"],\"id\":7}"));
        assertEquals(JsonRpcMessage.Type.REQUEST, req.type());
        assertEquals("echo", req.method());
        assertEquals(7, req.id().asInt());

        JsonRpcMessage note = JsonRpcMessage.fromJson(json("{\"method\":\"update\",\"params\":[],\"id\":null}"));
        assertEquals(JsonRpcMessage.Type.NOTIFY, note.type());
        assertTrue(note.id().isNull());

        JsonRpcMessage reply = JsonRpcMessage.fromJson(json("{\"result\":\"ok\",\"error\":null,\"id\":7}"));
        assertEquals(JsonRpcMessage.Type.REPLY, reply.type());
        assertEquals("ok", reply.result().asText());

        JsonRpcMessage error = JsonRpcMessage.fromJson(json("{\"result\":null,\"error\":\"bad\",\"id\":\"x\"}"));
        assertEquals(JsonRpcMessage.Type.ERROR, error.type());
        assertEquals("bad", error.error().asText());
        assertEquals("x", error.id().asText());
    }

    @Test
    void serializesTheOvsShapes() {
        var params = JsonNodeFactory.instance.arrayNode().add("a").add(1);
        assertEquals("{\"method\":\"m\",\"params\":[\"a\",1],\"id\":3}",
                JsonRpcMessage.request("m", params, 3).toString());
        assertEquals("{\"method\":\"m\",\"params\":[\"a\",1],\"id\":null}",
                JsonRpcMessage.notify("m", params).toString());
        var id = JsonNodeFactory.instance.numberNode(3);
        assertEquals("{\"result\":\"out\",\"error\":null,\"id\":3}",
                JsonRpcMessage.reply(JsonNodeFactory.instance.textNode("out"), id).toString());
        assertEquals("{\"result\":null,\"error\":\"no\",\"id\":3}",
                JsonRpcMessage.error(JsonNodeFactory.instance.textNode("no"), id).toString());
    }

    @Test
    void roundTrips() throws Exception {
        var msg = JsonRpcMessage.request("transact", JsonNodeFactory.instance.arrayNode().add("db"), 12);
        assertEquals(msg, JsonRpcMessage.fromJson(json(msg.toString())));
    }

    @Test
    void stringParams() throws Exception {
        assertArrayEquals(new String[] {"a", "b"},
                JsonRpcMessage.fromJson(json("{\"method\":\"m\",\"params\":[\"a\",\"b\"],\"id\":1}")).stringParams());
        assertNull(JsonRpcMessage.fromJson(json("{\"method\":\"m\",\"params\":[\"a\",2],\"id\":1}")).stringParams());
    }

    @Test
    void rejectsInvalidMessages() {
        assertEquals("message is not a JSON object",
                assertThrows(JsonRpcException.class, () -> JsonRpcMessage.fromJson(json("[1]"))).getMessage());
        assertEquals("message has unexpected member \"jsonrpc\"",
                assertThrows(JsonRpcException.class, () -> JsonRpcMessage.fromJson(
                        json("{\"jsonrpc\":\"2.0\",\"method\":\"m\",\"params\":[],\"id\":1}"))).getMessage());
        assertEquals("request must have \"params\"",
                assertThrows(JsonRpcException.class, () -> JsonRpcMessage.fromJson(
                        json("{\"method\":\"m\",\"id\":1}"))).getMessage());
        assertEquals("\"params\" must be JSON array",
                assertThrows(JsonRpcException.class, () -> JsonRpcMessage.fromJson(
                        json("{\"method\":\"m\",\"params\":{},\"id\":1}"))).getMessage());
        assertEquals("reply must have \"id\"",
                assertThrows(JsonRpcException.class, () -> JsonRpcMessage.fromJson(
                        json("{\"result\":1,\"error\":null}"))).getMessage());
        assertEquals("reply must not have \"method\"",
                assertThrows(JsonRpcException.class, () -> JsonRpcMessage.fromJson(
                        json("{\"result\":1,\"method\":\"m\",\"id\":1}"))).getMessage());
    }
}
