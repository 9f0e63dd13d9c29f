package org.jvswitch.unixctl;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.jvswitch.coverage.Coverage;
import org.jvswitch.daemon.Pidfile;
import org.jvswitch.testing.Cmd;
import org.jvswitch.testing.Peers;
import org.jvswitch.testing.TempRunDir;
import org.jvswitch.vlog.Vlog;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Drives a unixctl server with the real {@code ovs-appctl}, found the way OVS users find a
 * daemon: {@code -t ovs-vswitchd} with {@code OVS_RUNDIR} pointing at our run directory, so
 * this also proves the pidfile (contents and fcntl lock) and the socket name are right.
 */
class UnixctlAppctlTest {

    private static final String VERSION = "ovs-vswitchd (Open vSwitch) 3.1.0\njvswitch 0.1.0\n";

    private Path appctl;
    private TempRunDir dir;
    private Pidfile pidfile;
    private UnixctlServer server;
    private final CountDownLatch exited = new CountDownLatch(1);

    @BeforeEach
    void start() throws Exception {
        appctl = Peers.require("ovs-appctl");
        dir = TempRunDir.create();
        pidfile = Pidfile.create(dir.runDirs(), "ovs-vswitchd");
        server = UnixctlServer.start(dir.runDirs().unixctlSocket("ovs-vswitchd", pidfile.pid()), VERSION,
                exited::countDown);
        Vlog.declareModules("bridge", "dpdk", "netdev_dpdk", "vswitchd");
    }

    @AfterEach
    void stop() throws Exception {
        if (server != null) {
            server.close();
        }
        if (pidfile != null) {
            pidfile.close();
        }
        if (dir != null) {
            dir.close();
        }
        Vlog.reset();
    }

    private Cmd.Result appctl(String... command) {
        String[] argv = new String[command.length + 3];
        argv[0] = appctl.toString();
        argv[1] = "-t";
        argv[2] = "ovs-vswitchd";
        System.arraycopy(command, 0, argv, 3, command.length);
        return Cmd.run(Duration.ofSeconds(20), dir.env(), argv);
    }

    private String ok(String... command) {
        Cmd.Result r = appctl(command);
        assertEquals(0, r.exitCode(), r.toString());
        return r.stdout();
    }

    @Test
    void listCommandsAndVersion() {
        server.register("bridge/dump-flows", "[--offload-stats] bridge", 1, 2, (conn, args) -> conn.reply(""));
        String list = ok("list-commands");
        List<String> lines = list.lines().toList();
        assertEquals("The available commands are:", lines.get(0));
        assertTrue(lines.contains("  bridge/dump-flows       [--offload-stats] bridge"), list);
        assertTrue(lines.contains("  coverage/show           "), list);
        assertTrue(lines.contains("  vlog/set                {spec | PATTERN:destination:pattern}"), list);
        List<String> names = lines.subList(1, lines.size()).stream().map(l -> l.trim().split(" ")[0]).toList();
        assertEquals(names.stream().sorted().toList(), names, "sorted by name");
        for (String builtin : List.of("list-commands", "version", "exit", "memory/show", "coverage/show",
                "vlog/set", "vlog/list", "vlog/list-pattern", "vlog/reopen", "vlog/close",
                "vlog/enable-rate-limit", "vlog/disable-rate-limit")) {
            assertTrue(names.contains(builtin), builtin);
        }
        assertEquals(VERSION, ok("version"));
    }

    @Test
    void vlogListAndSet() {
        String before = ok("vlog/list");
        assertTrue(before.startsWith("                 console    syslog    file\n"
                + "                 -------    ------    ------\n"), before);
        assertTrue(before.contains("\nbridge            INFO       INFO       INFO\n"), before);

        assertEquals("", ok("vlog/set", "any:file:dbg"));
        String after = ok("vlog/list");
        assertTrue(after.contains("\nbridge            INFO       INFO        DBG\n"), after);
        assertTrue(after.contains("\nunixctl           INFO       INFO        DBG\n"), after);

        ok("vlog/set", "netdev_dpdk:console:off", "dpdk:syslog:warn");
        ok("vlog/disable-rate-limit", "dpdk");
        after = ok("vlog/list");
        assertTrue(after.contains("\nnetdev_dpdk        OFF       INFO        DBG\n"), after);
        assertTrue(after.contains("\ndpdk              INFO       WARN        DBG    (rate limiting disabled)\n"), after);

        Cmd.Result bad = appctl("vlog/set", "nosuchmodule:dbg");
        assertEquals(2, bad.exitCode(), bad.toString());
        assertTrue(bad.stderr().startsWith("no destination, level, or module \"nosuchmodule\"\n"), bad.stderr());
        assertTrue(ok("vlog/list-pattern").contains("file     none                              "
                + "%D{%Y-%m-%dT%H:%M:%S.###Z}|%05N|%c%T|%p|%m\n"));
        Cmd.Result reopen = appctl("vlog/reopen");
        assertEquals(2, reopen.exitCode());
        assertTrue(reopen.stderr().startsWith("Logging to file not configured\n"), reopen.stderr());
    }

    @Test
    void errorsGoToStderrWithExitCode2() {
        Cmd.Result unknown = appctl("no/such-command");
        assertEquals(2, unknown.exitCode(), unknown.toString());
        assertEquals("", unknown.stdout());
        assertTrue(unknown.stderr().startsWith("\"no/such-command\" is not a valid command (use "
                + "\"list-commands\" to see a list of valid commands)\n"), unknown.stderr());
        assertTrue(unknown.stderr().contains("ovs-appctl: ovs-vswitchd: server returned an error"), unknown.stderr());

        Cmd.Result tooMany = appctl("version", "extra");
        assertEquals(2, tooMany.exitCode(), tooMany.toString());
        assertTrue(tooMany.stderr().startsWith("\"version\" command takes at most 0 arguments\n"), tooMany.stderr());
    }

    @Test
    void memoryAndCoverage() {
        server.addMemoryReporter(u -> {
            u.put("rules", 5L);
            u.put("ports", 2L);
        });
        server.addMemoryReporter(u -> {
            u.put("handlers", 1L);
            u.put("revalidators", 1L);
        });
        assertEquals("handlers:1 ports:2 revalidators:1 rules:5\n", ok("memory/show"));

        Coverage.counter("appctl_test_never").total();
        Coverage.counter("appctl_test_hit").add(3);
        String cov = ok("coverage/show");
        List<String> lines = cov.lines().toList();
        assertTrue(lines.get(0).matches("Event coverage, avg rate over last: 5 seconds, last minute, last hour,"
                + "  hash=[0-9a-f]{8}:"), cov);
        assertTrue(lines.stream().anyMatch(l -> l.matches(
                "appctl_test_hit +\\d+\\.\\d/sec +\\d+\\.\\d{3}/sec +\\d+\\.\\d{4}/sec   total: 3")), cov);
        assertTrue(lines.get(lines.size() - 1).matches("\\d+ events never hit"), cov);
        assertEquals("3\n", ok("coverage/read-counter", "appctl_test_hit"));
    }

    @Test
    void exitRunsTheHookAfterAnswering() throws Exception {
        Cmd.Result r = appctl("exit");
        assertEquals(0, r.exitCode(), r.toString());
        assertEquals("", r.stdout());
        assertTrue(exited.await(5, TimeUnit.SECONDS), "exit hook ran");
    }
}
