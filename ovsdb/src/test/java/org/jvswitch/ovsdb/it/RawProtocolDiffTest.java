package org.jvswitch.ovsdb.it;

import com.fasterxml.jackson.databind.JsonNode;
import org.jvswitch.jsonrpc.JsonRpcMapper;
import org.jvswitch.jsonrpc.JsonRpcMessage;
import org.jvswitch.ovsdb.testing.Canonical;
import org.jvswitch.ovsdb.testing.JvsInstance;
import org.jvswitch.ovsdb.testing.OvsReference;
import org.jvswitch.ovsdb.testing.RpcClient;
import org.jvswitch.ovsdb.testing.Schemas;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The strongest evidence that clients cannot tell us from ovsdb-server: the same JSON-RPC
 * requests (a corpus of several hundred: every operation, method, rule and error of the schema
 * language) sent to OVS's own ovsdb-server and to jvswitch's, and every reply and notification
 * compared after {@link Canonical} removes what legitimately differs (the UUIDs each makes up,
 * member order).
 *
 * <p>Corpus lines: {@code METHOD PARAMS-JSON}; {@code @reconnect} starts a new connection;
 * {@code #} comments.
 */
class RawProtocolDiffTest {

    @Test
    @Timeout(120)
    void testSchemaCorpus() throws IOException {
        run(Schemas.test(), "/org/jvswitch/ovsdb/raw-corpus-test.txt");
    }

    @Test
    @Timeout(120)
    void vswitchSchemaCorpus() throws IOException {
        run(Schemas.vswitch(), "/org/jvswitch/ovsdb/raw-corpus-vswitch.txt");
    }

    private void run(Path schema, String corpus) throws IOException {
        List<String> lines = readCorpus(corpus);
        List<String> expected;
        try (OvsReference ref = OvsReference.start(schema)) {
            expected = transcript(ref.socket(), lines);
        }
        List<String> actual;
        try (JvsInstance jvs = JvsInstance.start(schema)) {
            actual = transcript(jvs.socket(), lines);
        }
        List<String> diffs = new ArrayList<>();
        for (int i = 0; i < expected.size(); i++) {
            if (!expected.get(i).equals(actual.get(i))) {
                diffs.add("line: " + lines.get(i) + "\n  ovsdb-server: " + expected.get(i) + "\n  jvswitch:     "
                        + actual.get(i));
            }
        }
        assertEquals("", String.join("\n", diffs), diffs.size() + " of " + lines.size() + " requests differ");
    }

    private static List<String> readCorpus(String resource) throws IOException {
        List<String> out = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(
                RawProtocolDiffTest.class.getResourceAsStream(resource), StandardCharsets.UTF_8))) {
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                line = line.strip();
                if (!line.isEmpty() && !line.startsWith("#")) {
                    out.add(line);
                }
            }
        }
        return out;
    }

    /** One canonical line per corpus line: the notifications that came first, then the reply. */
    private static List<String> transcript(Path socket, List<String> lines) throws IOException {
        List<String> out = new ArrayList<>();
        RpcClient c = RpcClient.connect(socket);
        try {
            for (String line : lines) {
                if (line.equals("@reconnect")) {
                    c.close();
                    c = RpcClient.connect(socket);
                    out.add("reconnected");
                    continue;
                }
                int sp = line.indexOf(' ');
                String method = line.substring(0, sp);
                JsonNode params = JsonRpcMapper.get().readTree(line.substring(sp + 1));
                JsonRpcMessage reply = c.call(method, params);
                StringBuilder sb = new StringBuilder();
                // One update per monitor; ovsdb-server sends a session's monitors' in hash order.
                List<String> notes = new ArrayList<>();
                for (JsonRpcMessage n : c.drainNotifications()) {
                    notes.add("notify " + n.method() + ' ' + Canonical.of(n.params()) + " | ");
                }
                notes.sort(null);
                notes.forEach(sb::append);
                if (reply == null) {
                    sb.append("CLOSED");
                    c.close();
                    c = RpcClient.connect(socket);
                } else if (reply.type() == JsonRpcMessage.Type.ERROR) {
                    sb.append("error ").append(Canonical.of(reply.error()));
                } else {
                    sb.append("result ").append(Canonical.of(reply.result()));
                }
                out.add(sb.toString());
            }
        } finally {
            c.close();
        }
        return out;
    }
}
