package org.jvswitch.testing;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A throw-away PKI made with the real {@code openssl}, for tests of {@code ssl:}/{@code pssl:}
 * remotes: a CA ({@code ca.crt}) and two certificates it signed, {@code server.crt} with its key
 * in PKCS#1 form ({@code server.key}) and {@code client.crt} with its key in PKCS#8
 * ({@code client.key}), as OVS's {@code ovs-pki} and plain openssl each write them. Valid two days.
 */
public final class TestPki {
    private TestPki() {
    }

    /** Writes the files into {@code d}. */
    public static void create(Path d) {
        openssl("req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", d + "/ca.key", "-out", d + "/ca.crt",
                "-subj", "/CN=jvs-test-ca", "-days", "2");
        openssl("genrsa", "-traditional", "-out", d + "/server.key", "2048");
        openssl("req", "-new", "-key", d + "/server.key", "-out", d + "/server.csr", "-subj", "/CN=server");
        openssl("x509", "-req", "-in", d + "/server.csr", "-CA", d + "/ca.crt", "-CAkey", d + "/ca.key",
                "-CAcreateserial", "-out", d + "/server.crt", "-days", "2");
        openssl("req", "-newkey", "rsa:2048", "-nodes", "-keyout", d + "/client.key", "-out", d + "/client.csr",
                "-subj", "/CN=client");
        openssl("x509", "-req", "-in", d + "/client.csr", "-CA", d + "/ca.crt", "-CAkey", d + "/ca.key",
                "-CAcreateserial", "-out", d + "/client.crt", "-days", "2");
    }

    /** Runs openssl with {@code args}; fails the test if it fails. */
    public static void openssl(String... args) {
        List<String> argv = new ArrayList<>(List.of(Peers.require("openssl").toString()));
        argv.addAll(List.of(args));
        Cmd.Result r = Cmd.run(Duration.ofSeconds(30), null, argv.toArray(String[]::new));
        assertTrue(r.ok(), r::toString);
    }
}
