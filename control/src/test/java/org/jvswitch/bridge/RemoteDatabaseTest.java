package org.jvswitch.bridge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.jvswitch.testing.Cmd;
import org.jvswitch.testing.Peers;
import org.jvswitch.testing.TempRunDir;
import org.jvswitch.testing.net.Netns;
import org.jvswitch.testing.vswitchd.VswitchdProcess;

/**
 * The switch against a database it does not embed: Open vSwitch's own ovsdb-server with Open
 * vSwitch's own schema, named as ovs-vswitchd's DATABASE argument. ovs-vsctl waits for the
 * switch as it would for ovs-vswitchd; when the server goes away and comes back, the switch
 * reconnects and follows it again.
 */
@Timeout(120)
class RemoteDatabaseTest {
    @BeforeEach
    void integrationOnly() {
        org.junit.jupiter.api.Assumptions.assumeTrue(Peers.integrationMode(),
                "runs the daemon with DPDK and Open vSwitch's ovsdb-server: -Djvs.it=true (./jvs test)");
    }

    @Test
    void followsOpenVswitchsOwnOvsdbServer() throws Exception {
        Path schema = Path.of("/usr/share/openvswitch/vswitch.ovsschema");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.exists(schema), "needs openvswitch-common's schema");
        String br = Netns.uniqueName("jr");
        try (TempRunDir dir = TempRunDir.create()) {
            Path db = dir.resolve("ovs.db");
            String sock = "unix:" + dir.resolve("ovs.sock");
            run(dir, Peers.require("ovsdb-tool").toString(), "create", db.toString(), schema.toString());
            Process server = startServer(dir, db);
            try {
                run(dir, Peers.require("ovs-vsctl").toString(), "--db=" + sock, "--no-wait", "init");
                String[] args = new String[BridgeConfigTest.QUIET.length + 1];
                System.arraycopy(BridgeConfigTest.QUIET, 0, args, 0, BridgeConfigTest.QUIET.length);
                args[args.length - 1] = sock;
                try (VswitchdProcess vs = VswitchdProcess.start(dir, args)) {
                    vs.vsctlOk("--db=" + sock, "add-br", br, "--", "set", "bridge", br, "datapath_type=netdev");
                    assertEquals("65534", vs.vsctlOk("--db=" + sock, "get", "Interface", br, "ofport").trim());
                    assertTrue(vs.appctlOk("dpif/show").contains("  " + br + ":"));

                    // The server restarts: the switch reconnects and keeps following it.
                    server.destroy();
                    server.waitFor(10, TimeUnit.SECONDS);
                    server = startServer(dir, db);
                    vs.vsctlOk("--db=" + sock, "del-br", br);
                    assertTrue(!vs.appctlOk("dpif/show").contains("  " + br + ":"), vs.appctlOk("dpif/show"));
                }
            } finally {
                server.destroy();
                server.waitFor(10, TimeUnit.SECONDS);
            }
        }
    }

    private static Process startServer(TempRunDir dir, Path db) throws Exception {
        Process p = new ProcessBuilder(Peers.require("ovsdb-server").toString(), "--remote=punix:" + dir.resolve("ovs.sock"),
                "--pidfile=" + dir.resolve("ovs-ovsdb.pid"), "--unixctl=" + dir.resolve("ovs-ovsdb.ctl"),
                "--log-file=" + dir.resolve("ovs-ovsdb.log"), db.toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("ovs-ovsdb.out").toFile()).start();
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!Files.exists(dir.resolve("ovs.sock")) && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        return p;
    }

    private static void run(TempRunDir dir, String... argv) {
        Cmd.Result r = Cmd.run(Duration.ofSeconds(20), dir.env(), argv);
        assertTrue(r.ok(), r.toString());
    }
}
