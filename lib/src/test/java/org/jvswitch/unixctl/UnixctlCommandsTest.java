package org.jvswitch.unixctl;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class UnixctlCommandsTest {

    private static ArrayNode args(Object... values) {
        ArrayNode a = JsonNodeFactory.instance.arrayNode();
        for (Object v : values) {
            if (v instanceof String s) {
                a.add(s);
            } else {
                a.add((Integer) v);
            }
        }
        return a;
    }

    private static RecordingConnection run(UnixctlCommands c, String method, ArrayNode params) {
        RecordingConnection conn = new RecordingConnection();
        c.dispatch(conn, method, params);
        assertEquals(1, conn.answers);
        return conn;
    }

    @Test
    void checksWithOvsErrorTexts() {
        UnixctlCommands c = new UnixctlCommands();
        c.register("bridge/dump", "BRIDGE [TABLE]", 1, 2, (conn, a) -> conn.reply(String.join(",", a)));
        assertEquals("br0,5", run(c, "bridge/dump", args("br0", "5")).reply);
        assertEquals("\"nope\" is not a valid command (use \"list-commands\" to see a list of valid commands)",
                run(c, "nope", args()).error);
        assertEquals("\"bridge/dump\" command requires at least 1 arguments", run(c, "bridge/dump", args()).error);
        assertEquals("\"bridge/dump\" command takes at most 2 arguments",
                run(c, "bridge/dump", args("a", "b", "c")).error);
        assertEquals("\"bridge/dump\" command has non-string argument", run(c, "bridge/dump", args("a", 1)).error);
    }

    @Test
    void handlerExceptionsBecomeInternalErrors() {
        UnixctlCommands c = new UnixctlCommands();
        c.register("boom", "", 0, 0, (conn, a) -> {
            throw new IllegalStateException("kaput");
        });
        c.register("late-boom", "", 0, 0, (conn, a) -> {
            conn.reply("done");
            throw new IllegalStateException("after answering");
        });
        assertEquals("internal error: kaput", run(c, "boom", args()).error);
        RecordingConnection late = run(c, "late-boom", args());
        assertEquals("done", late.reply);
        assertNull(late.error);
    }

    @Test
    void listTextIsOvssFormat() {
        UnixctlCommands c = new UnixctlCommands();
        c.register("version", "", 0, 0, (conn, a) -> conn.reply("v"));
        c.register("dpif-netdev/pmd-rxq-show", "[-pmd core] [dp]", 0, 3, (conn, a) -> conn.reply(""));
        c.register("hidden", null, 0, 0, (conn, a) -> conn.reply(""));
        assertEquals("The available commands are:\n"
                + "  dpif-netdev/pmd-rxq-show [-pmd core] [dp]\n"
                + "  version                 \n", c.listText());
    }

    @Test
    void registerAndUnregister() {
        UnixctlCommands c = new UnixctlCommands();
        c.register("x", "", 0, 0, (conn, a) -> conn.reply(""));
        assertThrows(IllegalArgumentException.class, () -> c.register("x", "", 0, 0, (conn, a) -> conn.reply("")));
        assertThrows(IllegalArgumentException.class, () -> c.register("y", "", 2, 1, (conn, a) -> conn.reply("")));
        assertTrue(c.unregister("x"));
        assertFalse(c.unregister("x"));
        assertTrue(run(c, "x", args()).error.startsWith("\"x\" is not a valid command"));
    }

    @Test
    void memoryShowJoinsReportsSortedByKey() {
        MemoryCommand m = new MemoryCommand();
        assertEquals("", m.report());
        m.add(u -> {
            u.put("rules", 5L);
            u.put("handlers", 1L);
        });
        m.add(u -> {
            u.put("ports", 2L);
            u.put("revalidators", 1L);
        });
        assertEquals("handlers:1 ports:2 revalidators:1 rules:5", m.report());
    }
}
