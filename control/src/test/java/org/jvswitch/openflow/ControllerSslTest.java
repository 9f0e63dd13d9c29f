package org.jvswitch.openflow;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.jvswitch.ovsdb.server.SslConfig;
import org.jvswitch.testing.Cmd;
import org.jvswitch.testing.Peers;
import org.jvswitch.testing.TempRunDir;
import org.jvswitch.testing.TestPki;

/**
 * OpenFlow over TLS with real peers: {@code ovs-ofctl} (with OVS's {@code --private-key},
 * {@code --certificate}, {@code --ca-cert}) against a {@code pssl:} controller port, and
 * {@code openssl s_server} as the far end of an {@code ssl:} controller. Both sides authenticate
 * with certificates signed by the CA, as in OVS; no plain-TCP fallback.
 */
@Timeout(90)
class ControllerSslTest {

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private static BridgeOfConfig with(String target, SslConfig ssl) {
        return new BridgeOfConfig(List.of(ControllerConfig.of(target)), true, Set.of(1, 4, 6), ssl);
    }

    private static SslConfig serverSide(Path d) {
        return new SslConfig(d.resolve("server.key"), d.resolve("server.crt"), d.resolve("ca.crt"));
    }

    private static Cmd.Result ofctl(Path d, String key, String cert, String... args) {
        List<String> argv = new java.util.ArrayList<>(List.of(Peers.require("ovs-ofctl").toString(), "--timeout=5",
                "--private-key=" + d.resolve(key), "--certificate=" + d.resolve(cert), "--ca-cert=" + d.resolve("ca.crt")));
        argv.addAll(List.of(args));
        return Cmd.run(Duration.ofSeconds(20), null, argv.toArray(String[]::new));
    }

    @Test
    void ovsOfctlTalksToAPsslControllerPort() throws Exception {
        try (TempRunDir dir = TempRunDir.create()) {
            Path d = dir.path();
            TestPki.create(d);
            int port = freePort();
            try (OfTestSwitch sw = new OfTestSwitch(with("pssl:" + port + ":127.0.0.1", serverSide(d)),
                    OfDatapath.NONE)) {
                Cmd.Result show = null;
                for (int i = 0; i < 50 && (show == null || !show.ok()); i++) {
                    Thread.sleep(100);
                    show = ofctl(d, "client.key", "client.crt", "show", "ssl:127.0.0.1:" + port);
                }
                assertTrue(show.ok() && show.stdout().contains("OFPT_FEATURES_REPLY"), show::toString);
                Cmd.Result flows = ofctl(d, "client.key", "client.crt", "-O", "OpenFlow13", "dump-flows",
                        "ssl:127.0.0.1:" + port);
                assertTrue(flows.ok() && flows.stdout().startsWith("OFPST_FLOW reply (OF1.3)"), flows::toString);

                // Plain TCP to the TLS port, and a certificate the CA never signed, are refused.
                Cmd.Result plain = Cmd.run(Duration.ofSeconds(20), null, Peers.require("ovs-ofctl").toString(),
                        "--timeout=3", "show", "tcp:127.0.0.1:" + port);
                assertFalse(plain.ok(), plain::toString);
                TestPki.openssl("req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", d + "/rogue.key", "-out",
                        d + "/rogue.crt", "-subj", "/CN=rogue", "-days", "1");
                Cmd.Result rogue = ofctl(d, "rogue.key", "rogue.crt", "show", "ssl:127.0.0.1:" + port);
                assertFalse(rogue.ok(), rogue::toString);
            }
        }
    }

    @Test
    void activeSslControllerPresentsItsCertificate() throws Exception {
        try (TempRunDir dir = TempRunDir.create()) {
            Path d = dir.path();
            TestPki.create(d);
            int port = freePort();
            Path out = d.resolve("s_server.out");
            // The controller's end: a TLS server that insists on a client certificate from the CA.
            Process server = new ProcessBuilder(Peers.require("openssl").toString(), "s_server", "-accept",
                    "127.0.0.1:" + port, "-cert", d + "/server.crt", "-key", d + "/server.key", "-CAfile",
                    d + "/ca.crt", "-Verify", "1", "-verify_return_error").redirectErrorStream(true)
                    .redirectOutput(out.toFile()).start();
            SslConfig client = new SslConfig(d.resolve("client.key"), d.resolve("client.crt"), d.resolve("ca.crt"));
            try (OfTestSwitch sw = new OfTestSwitch(with("ssl:127.0.0.1:" + port, client), OfDatapath.NONE)) {
                String seen = "";
                for (int i = 0; i < 100 && !seen.contains("CN=client") && !seen.contains("CN = client"); i++) {
                    Thread.sleep(100);
                    seen = Files.readString(out, StandardCharsets.ISO_8859_1);
                }
                assertTrue(seen.contains("CN=client") || seen.contains("CN = client"), seen);
                assertFalse(seen.contains("error"), seen);
            } finally {
                server.destroy();
                server.waitFor(5, TimeUnit.SECONDS);
            }
        }
    }

    @Test
    void sslControllerWithoutSslConfigurationStaysDownWithTheReason() throws Exception {
        int port = freePort();
        try (ServerSocket plain = new ServerSocket(port, 1, java.net.InetAddress.getLoopbackAddress());
             OfTestSwitch sw = new OfTestSwitch(with("ssl:127.0.0.1:" + port, null), OfDatapath.NONE)) {
            plain.setSoTimeout(1500);
            assertThrows(java.net.SocketTimeoutException.class, plain::accept, "no plain-TCP fallback");
            var st = sw.manager.controllerStatus("br0");
            assertTrue(st.size() == 1 && !st.getFirst().isConnected()
                    && st.getFirst().status().getOrDefault("last_error", "").contains("SSL is not configured"),
                    st::toString);
        }
    }
}
