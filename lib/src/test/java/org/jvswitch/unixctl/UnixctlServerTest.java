package org.jvswitch.unixctl;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.jvswitch.jsonrpc.JsonRpcMessage;
import org.jvswitch.testing.TempRunDir;
import org.jvswitch.testing.UnixctlClient;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class UnixctlServerTest {

    private TempRunDir dir;
    private UnixctlServer server;
    private final CountDownLatch exited = new CountDownLatch(1);

    @BeforeEach
    void start() throws Exception {
        dir = TempRunDir.create();
        server = UnixctlServer.start(dir.resolve("run/test.ctl"), "test 1.0", exited::countDown);
    }

    @AfterEach
    void stop() {
        server.close();
        dir.close();
    }

    private UnixctlClient client() throws Exception {
        return UnixctlClient.connect(server.socketPath());
    }

    @Test
    void answersWithStringsEndingInNewline() throws Exception {
        try (UnixctlClient c = client()) {
            JsonRpcMessage r = c.call("version");
            assertEquals(JsonRpcMessage.Type.REPLY, r.type());
            assertEquals("test 1.0\n", r.result().textValue());
            assertEquals(1, r.id().asInt());
            JsonRpcMessage e = c.call("version", "extra");
            assertEquals(JsonRpcMessage.Type.ERROR, e.type());
            assertEquals("\"version\" command takes at most 0 arguments\n", e.error().textValue());
            JsonRpcMessage nonString = c.call("vlog/set", JsonNodeFactory.instance.arrayNode().add(true));
            assertEquals("\"vlog/set\" command has non-string argument\n", nonString.error().textValue());
        }
    }

    @Test
    void asyncCommandsAnswerLaterFromAnotherThread() throws Exception {
        AtomicReference<UnixctlConnection> pending = new AtomicReference<>();
        CountDownLatch registered = new CountDownLatch(1);
        server.register("test/wait", "", 0, 0, (conn, args) -> {
            pending.set(conn);
            registered.countDown();
        });
        try (UnixctlClient slow = client(); UnixctlClient fast = client()) {
            CompletableFuture<JsonRpcMessage> slowReply = CompletableFuture.supplyAsync(() -> {
                try {
                    return slow.call("test/wait");
                } catch (Exception e) {
                    throw new RuntimeException(e);
                }
            });
            assertTrue(registered.await(5, TimeUnit.SECONDS));
            // the control thread is free while test/wait is outstanding
            assertEquals("test 1.0\n", fast.call("version").result().textValue());
            assertFalse(slowReply.isDone());
            Thread.ofVirtual().start(() -> pending.get().reply("finally")).join();
            assertEquals("finally\n", slowReply.get(5, TimeUnit.SECONDS).result().textValue());
        }
    }

    @Test
    void handlerExceptionIsAnErrorReplyAndServerKeepsRunning() throws Exception {
        server.register("test/boom", "", 0, 0, (conn, args) -> {
            throw new IllegalArgumentException("no such bridge");
        });
        try (UnixctlClient c = client()) {
            assertEquals("internal error: no such bridge\n", c.call("test/boom").error().textValue());
            assertEquals("test 1.0\n", c.call("version").result().textValue());
        }
    }

    @Test
    void malformedInputClosesOnlyThatConnection() throws Exception {
        try (UnixctlClient bad = client(); UnixctlClient good = client()) {
            bad.sendRaw("{\"method\": \"version\", \"params\": [], \"id\": 1}");
            assertEquals("test 1.0\n", bad.receive().result().textValue());
            bad.sendRaw("{\"method\": oops}");
            assertTrue(bad.closedByServer(Duration.ofSeconds(5)));
            assertEquals("test 1.0\n", good.call("version").result().textValue());
        }
        try (UnixctlClient after = client()) {
            assertEquals("test 1.0\n", after.call("version").result().textValue());
        }
    }

    @Test
    void notificationsAreIgnored() throws Exception {
        try (UnixctlClient c = client()) {
            c.send(JsonRpcMessage.notify("exit", JsonNodeFactory.instance.arrayNode()));
            assertEquals("test 1.0\n", c.call("version").result().textValue());
            assertEquals(1, exited.getCount(), "a notification must not run the command");
        }
    }

    @Test
    void manyConcurrentClients() throws Exception {
        server.addMemoryReporter(u -> u.put("clients", 8L));
        List<Thread> threads = new ArrayList<>();
        List<Throwable> failures = new java.util.concurrent.CopyOnWriteArrayList<>();
        for (int i = 0; i < 8; i++) {
            threads.add(Thread.ofPlatform().start(() -> {
                try (UnixctlClient c = client()) {
                    for (int k = 0; k < 25; k++) {
                        assertEquals("clients:8\n", c.call("memory/show").result().textValue());
                    }
                } catch (Throwable t) {
                    failures.add(t);
                }
            }));
        }
        for (Thread t : threads) {
            t.join(10_000);
        }
        assertEquals(List.of(), failures);
    }

    @Test
    void exitAnswersThenRunsTheHook() throws Exception {
        try (UnixctlClient c = client()) {
            JsonRpcMessage r = c.call("exit");
            assertEquals("", r.result().textValue());
            assertTrue(exited.await(5, TimeUnit.SECONDS));
        }
    }

    @Test
    void socketFileLifecycle() throws Exception {
        Path socket = server.socketPath();
        assertTrue(Files.exists(socket), "parent directory created, socket bound");
        server.close();
        assertFalse(Files.exists(socket), "socket removed on close");
        server.close();  // idempotent

        Files.writeString(socket, "stale");
        server = UnixctlServer.start(socket, "again", () -> { });
        try (UnixctlClient c = client()) {
            assertEquals("again\n", c.call("version").result().textValue());
        }
    }

    @Test
    void closeFromAHandlerDoesNotDeadlock() throws Exception {
        CountDownLatch closed = new CountDownLatch(1);
        server.register("test/close", "", 0, 0, (conn, args) -> conn.reply("bye", () -> {
            server.close();
            closed.countDown();
        }));
        try (UnixctlClient c = client()) {
            assertEquals("bye\n", c.call("test/close").result().textValue());
            assertTrue(closed.await(10, TimeUnit.SECONDS));
            assertNull(c.receive(), "connection closed by the server");
        }
        assertFalse(Files.exists(server.socketPath()));
    }

    @Test
    void defaultSocketPathIsOvss() {
        Path p = UnixctlServer.defaultSocketPath("ovs-vswitchd");
        assertEquals("ovs-vswitchd." + ProcessHandle.current().pid() + ".ctl", p.getFileName().toString());
    }
}
