package org.jvswitch.vswitchd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.jvswitch.testing.Cmd;
import org.jvswitch.testing.Peers;
import org.jvswitch.testing.TempRunDir;

/** ./jvs, the launcher: JDK discovery, bad commands, and start/status/stop of a daemon. */
@Timeout(120)
class LauncherTest {
    private static final Path ROOT = Path.of(System.getProperty("jvs.root", "..")).toAbsolutePath().normalize();

    private static Cmd.Result bash(Map<String, String> env, String script) {
        Map<String, String> e = new HashMap<>(env);
        e.put("JVS_ROOT", ROOT.toString());
        return Cmd.run(Duration.ofSeconds(60), e, "bash", "-c", ". \"$JVS_ROOT/deploy/lib.sh\"; " + script);
    }

    @Test
    void aJdkTooOldIsRefusedWithInstructions(@TempDir Path emptyJvmDir) {
        Path jdk17 = Path.of("/usr/lib/jvm/java-17-openjdk-amd64");
        Assumptions.assumeTrue(Files.isExecutable(jdk17.resolve("bin/javac")), "needs Debian's JDK 17 to play the old one");
        Cmd.Result r = bash(Map.of("JAVA_HOME", jdk17.toString(), "JVS_JVM_DIR", emptyJvmDir.toString()),
                "jvs_find_jdk");
        assertEquals(1, r.exitCode(), r.toString());
        assertTrue(r.stderr().startsWith("jvs: jvswitch needs a JDK >= 22 (it uses the FFM API); found: JAVA_HOME="
                + jdk17 + " (17)."), r.stderr());
        assertTrue(r.stderr().contains("apt-get install -y temurin-25-jdk"), r.stderr());
    }

    @Test
    void theNewestJdkIsFound() {
        Cmd.Result r = bash(Map.of("JAVA_HOME", ""), "jvs_find_jdk && echo \"$JAVA_HOME\" && jvs_jdk_version \"$JAVA_HOME\"");
        assertEquals(0, r.exitCode(), r.toString());
        String[] lines = r.stdout().split("\n");
        assertTrue(Integer.parseInt(lines[1].strip()) >= 22, r.stdout());
    }

    @Test
    void unknownCommandsAreNamed() {
        Cmd.Result r = Cmd.run(Duration.ofSeconds(30), Map.of(), ROOT.resolve("jvs").toString(), "frobnicate");
        assertEquals(2, r.exitCode());
        assertEquals("jvs: unknown command 'frobnicate' (try './jvs help')", r.stderr().strip());
    }

    @Test
    void startStatusStopInAPrivateRundir() {
        Assumptions.assumeTrue(Peers.integrationMode(), "starts the daemon with DPDK: -Djvs.it=true (./jvs test)");
        assertTrue(Files.exists(ROOT.resolve("control/target/jvswitch-control.jar")),
                "./jvs test builds the jar before testing");
        try (TempRunDir dir = TempRunDir.create()) {
            Map<String, String> env = new HashMap<>(dir.env());
            env.put("JVS_JVM_OPTS", "-Xms64m -Xmx256m");
            String jvs = ROOT.resolve("jvs").toString();
            Cmd.Result start = Cmd.run(Duration.ofSeconds(90), env, jvs, "start",
                    "--other-config=pmd-maxsleep=100", "--other-config=dpdk-extra=--no-pci");
            assertEquals(0, start.exitCode(), start.toString());
            assertTrue(start.stderr().contains("ovs-vswitchd is running (pid "), start.stderr());
            Cmd.Result again = Cmd.run(Duration.ofSeconds(30), env, jvs, "start");
            assertTrue(again.stderr().contains("already running"), again.toString());
            Cmd.Result status = Cmd.run(Duration.ofSeconds(30), env, jvs, "status");
            assertEquals(0, status.exitCode(), status.toString());
            assertTrue(status.stdout().contains("netdev@ovs-netdev:"), status.stdout());
            Cmd.Result stop = Cmd.run(Duration.ofSeconds(60), env, jvs, "stop");
            assertEquals(0, stop.exitCode(), stop.toString());
            assertTrue(stop.stderr().contains("ovs-vswitchd stopped"), stop.stderr());
            assertEquals(3, Cmd.run(Duration.ofSeconds(30), env, jvs, "status").exitCode());
        }
    }
}
