package org.jvswitch.ovsdb.server;

import org.jvswitch.jsonrpc.JsonRpcDecoder;
import org.jvswitch.ovsdb.schema.DatabaseSchema;
import org.jvswitch.unixctl.UnixctlServer;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Options for an {@link OvsdbServer}; {@link #start} opens the databases and the remotes. */
public final class OvsdbServerBuilder {

    final List<Object[]> databases = new ArrayList<>();
    final List<String> remotes = new ArrayList<>();
    String privateKey;
    String certificate;
    String caCert;
    UnixctlServer unixctl;
    int ioThreads = Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors()));
    int maxMessage = JsonRpcDecoder.DEFAULT_MAX_FRAME_LENGTH;
    boolean autoCompact = true;

    /** Serves database file {@code file}, which must exist. */
    public OvsdbServerBuilder database(Path file) {
        return database(file, null);
    }

    /** Serves database file {@code file}, created from {@code schema} if it does not exist. */
    public OvsdbServerBuilder database(Path file, DatabaseSchema schema) {
        databases.add(new Object[] {file, schema});
        return this;
    }

    /** Adds a remote: {@code punix:PATH}, {@code ptcp:PORT[:IP]}, {@code db:DB,TABLE,COLUMN}, ... */
    public OvsdbServerBuilder remote(String remote) {
        remotes.add(remote);
        return this;
    }

    /** SSL files (paths, or {@code db:DB,TABLE,COLUMN}) for {@code pssl:} and {@code ssl:} remotes. */
    public OvsdbServerBuilder ssl(String privateKey, String certificate, String caCert) {
        this.privateKey = privateKey;
        this.certificate = certificate;
        this.caCert = caCert;
        return this;
    }

    /** Registers the ovsdb-server/* commands and memory figures on {@code server}. */
    public OvsdbServerBuilder unixctl(UnixctlServer server) {
        this.unixctl = server;
        return this;
    }

    /** Socket I/O threads (default: cores, at most 4). */
    public OvsdbServerBuilder ioThreads(int n) {
        this.ioThreads = n;
        return this;
    }

    /** Largest JSON-RPC message accepted, in bytes (default 64 MiB). */
    public OvsdbServerBuilder maxMessageBytes(int n) {
        this.maxMessage = n;
        return this;
    }

    /** Whether to compact database files automatically as they grow (default true). */
    public OvsdbServerBuilder autoCompact(boolean on) {
        this.autoCompact = on;
        return this;
    }

    /**
     * Opens the databases, starts listening, registers the unixctl commands.
     *
     * @throws IOException if a database cannot be opened or a configured remote cannot listen
     */
    public OvsdbServer start() throws IOException {
        OvsdbServer s = new OvsdbServer(this);
        try {
            s.startUp(this);
        } catch (IOException | RuntimeException e) {
            s.close();
            throw e;
        }
        return s;
    }
}
