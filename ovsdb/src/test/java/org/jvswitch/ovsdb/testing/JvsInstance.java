package org.jvswitch.ovsdb.testing;

import org.jvswitch.ovsdb.schema.DatabaseSchema;
import org.jvswitch.ovsdb.server.OvsdbServer;
import org.jvswitch.ovsdb.server.OvsdbServerBuilder;
import org.jvswitch.testing.TempRunDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

/**
 * jvswitch's OVSDB server, in this JVM, for a test: a temporary directory holding its database
 * file (created from a schema) and unix socket.
 */
public final class JvsInstance implements AutoCloseable {

    private final TempRunDir dir;
    private final Path socket;
    private final Path db;
    private OvsdbServer server;

    private JvsInstance(TempRunDir dir, Path socket, Path db) {
        this.dir = dir;
        this.socket = socket;
        this.db = db;
    }

    /** Starts a server on a new database of {@code schema}. */
    public static JvsInstance start(Path schema, String... extraRemotes) throws IOException {
        TempRunDir dir = TempRunDir.create();
        JvsInstance j = new JvsInstance(dir, dir.resolve("jvs.sock"), dir.resolve("jvs.db"));
        try {
            j.server = j.builder(DatabaseSchema.read(schema), extraRemotes).start();
        } catch (IOException | RuntimeException e) {
            dir.close();
            throw e;
        }
        return j;
    }

    private OvsdbServerBuilder builder(DatabaseSchema schema, String... extraRemotes) {
        OvsdbServerBuilder b = OvsdbServer.builder().database(db, schema).remote("punix:" + socket).ioThreads(2);
        for (String r : extraRemotes) {
            b.remote(r);
        }
        return b;
    }

    /** Stops the server and starts it again on the same file. */
    public void restart(String... extraRemotes) throws IOException {
        server.close();
        server = OvsdbServer.builder().database(db).remote("punix:" + socket).ioThreads(2).start();
    }

    public OvsdbServer server() {
        return server;
    }

    public Path socket() {
        return socket;
    }

    public String remote() {
        return "unix:" + socket;
    }

    public Path db() {
        return db;
    }

    public TempRunDir dir() {
        return dir;
    }

    public Map<String, String> env() {
        return dir.env();
    }

    @Override
    public void close() {
        if (server != null) {
            server.close();
        }
        dir.close();
    }
}
