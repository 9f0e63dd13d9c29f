package org.jvswitch.unixctl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.jvswitch.coverage.CoverageRegistry;

/** {@code --format json} on every command: taken out of the arguments, structured or wrapped answers. */
class UnixctlFormatTest {

    private static ArrayNode args(String... values) {
        ArrayNode a = JsonNodeFactory.instance.arrayNode();
        for (String v : values) {
            a.add(v);
        }
        return a;
    }

    private static RecordingConnection run(UnixctlCommands c, String method, String... args) {
        RecordingConnection conn = new RecordingConnection();
        c.dispatch(conn, method, args(args));
        assertEquals(1, conn.answers);
        return conn;
    }

    private static JsonNode json(String s) throws Exception {
        return new ObjectMapper().readTree(s);
    }

    @Test
    void formatArgumentIsTakenOutWhereverItIs() {
        for (List<String> given : List.of(List.of("--format", "json", "a"), List.of("a", "-f", "JSON"),
                List.of("--format=json", "a"))) {
            List<String> args = new ArrayList<>(given);
            assertEquals(UnixctlFormat.JSON, UnixctlCommands.takeFormat(args), given.toString());
            assertEquals(List.of("a"), args);
        }
        List<String> notAFormat = new ArrayList<>(List.of("-f", "file.txt"));
        assertNull(UnixctlCommands.takeFormat(notAFormat));
        assertEquals(List.of("-f", "file.txt"), notAFormat, "left to the command");
        List<String> text = new ArrayList<>(List.of("--format", "text"));
        assertEquals(UnixctlFormat.TEXT, UnixctlCommands.takeFormat(text));
        assertTrue(text.isEmpty());
    }

    @Test
    void structuredAnswerIsJsonOnlyWhenAsked() throws Exception {
        UnixctlCommands c = new UnixctlCommands();
        c.register("thing/show", "NAME", 1, 1, (conn, a) ->
                conn.reply(UnixctlJson.object().put("name", a[0]).put("n", 3), () -> a[0] + ": 3\n"));
        assertEquals("x: 3\n", run(c, "thing/show", "x").reply);
        JsonNode j = json(run(c, "thing/show", "--format", "json", "x").reply);
        assertEquals("x", j.get("name").asText());
        assertEquals(3, j.get("n").asInt());
        assertEquals("\"thing/show\" command requires at least 1 arguments",
                run(c, "thing/show", "-f", "json").error, "counted without the format");
    }

    @Test
    void textOnlyCommandsAreWrapped() throws Exception {
        UnixctlCommands c = new UnixctlCommands();
        c.register("say", "", 0, 1, (conn, a) -> conn.reply(a.length > 0 ? a[0] : ""));
        assertEquals("hi there", json(run(c, "say", "-f", "json", "hi there").reply).get("output").asText());
        assertEquals(0, json(run(c, "say", "-f", "json").reply).size(), "nothing to say: {}");
        c.register("fail", "", 0, 0, (conn, a) -> conn.error("no such thing"));
        assertEquals("no such thing", run(c, "fail", "-f", "json").error, "errors stay text (stderr, exit 2)");
    }

    @Test
    void builtInsHaveJsonForms() throws Exception {
        UnixctlCommands c = new UnixctlCommands();
        CoverageRegistry registry = new CoverageRegistry();
        registry.counter("hit_me").add(5);
        registry.counter("never");
        CoverageCommands.register(c, registry);
        MemoryCommand memory = new MemoryCommand();
        memory.add(usage -> usage.put("handlers", 2L));
        memory.register(c);
        VlogCommands.register(c);
        JsonNode cov = json(run(c, "coverage/show", "-f", "json").reply);
        assertEquals("hit_me", cov.get("counters").get(0).get("name").asText());
        assertEquals(5, cov.get("counters").get(0).get("total").asLong());
        assertEquals(1, cov.get("never_hit").asInt());
        assertTrue(run(c, "coverage/show").reply.contains("hit_me"));
        assertEquals(2, json(run(c, "memory/show", "-f", "json").reply).get("handlers").asInt());
        assertEquals("handlers:2", run(c, "memory/show").reply);
        assertEquals(5, json(run(c, "coverage/read-counter", "hit_me", "-f", "json").reply).get("total").asLong());
        JsonNode vlog = json(run(c, "vlog/list", "-f", "json").reply);
        assertTrue(vlog.has("unixctl"), vlog.toString());
        assertTrue(vlog.get("unixctl").has("file"));
        JsonNode list = c.listJson();
        assertTrue(list.get("commands").size() >= 3);
    }
}
