package org.jvswitch.ovsdb.testing;

import org.jvswitch.testing.Cmd;
import org.jvswitch.testing.Peers;
import org.jvswitch.testing.TempRunDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Open vSwitch's own {@code ovsdb-server}, run by hand for a differential test: in its own
 * temporary directory, with its own database (created with {@code ovsdb-tool create}), unix
 * socket, pidfile and control socket, and always killed on {@link #close}.
 */
public final class OvsReference implements AutoCloseable {

    private final TempRunDir dir;
    private final Process process;
    private final Path socket;
    private final Path db;

    private OvsReference(TempRunDir dir, Process process, Path socket, Path db) {
        this.dir = dir;
        this.process = process;
        this.socket = socket;
        this.db = db;
    }

    /** Starts ovsdb-server on a new database of {@code schema} (skips the test if OVS is missing). */
    public static OvsReference start(Path schema, String... extraArgs) throws IOException {
        Path server = Peers.require("ovsdb-server");
        Path tool = Peers.require("ovsdb-tool");
        TempRunDir dir = TempRunDir.create();
        Path db = dir.resolve("ref.db");
        Cmd.Result r = Cmd.run(Duration.ofSeconds(20), dir.env(), tool.toString(), "create", db.toString(),
                schema.toString());
        if (!r.ok()) {
            dir.close();
            throw new IOException("ovsdb-tool create failed: " + r);
        }
        return startOn(dir, db, extraArgs);
    }

    /** Starts ovsdb-server on an existing database file in {@code dir}. */
    public static OvsReference startOn(TempRunDir dir, Path db, String... extraArgs) throws IOException {
        Path server = Peers.require("ovsdb-server");
        Path socket = dir.resolve("ref.sock");
        List<String> argv = new ArrayList<>(List.of(server.toString(), "--remote=punix:" + socket,
                "--unixctl=" + dir.resolve("ref.ctl"), "--log-file=" + dir.resolve("ref.log"),
                "--pidfile=" + dir.resolve("ref.pid"), "--no-chdir"));
        argv.addAll(List.of(extraArgs));
        argv.add(db.toString());
        ProcessBuilder pb = new ProcessBuilder(argv);
        pb.environment().putAll(dir.env());
        pb.redirectErrorStream(true).redirectOutput(dir.resolve("ref.out").toFile());
        Process p = pb.start();
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!Files.exists(socket)) {
            if (!p.isAlive() || System.nanoTime() > deadline) {
                p.destroyForcibly();
                String out = Files.exists(dir.resolve("ref.out")) ? Files.readString(dir.resolve("ref.out")) : "";
                dir.close();
                throw new IOException("ovsdb-server did not start: " + out);
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException(e);
            }
        }
        return new OvsReference(dir, p, socket, db);
    }

    public Path socket() {
        return socket;
    }

    /** {@code unix:<socket>}, for OVS's clients. */
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

    public Path controlSocket() {
        return dir.resolve("ref.ctl");
    }

    /** Stops the server (keeping its directory until {@link #close}). */
    public void stop() {
        process.destroy();
        try {
            if (!process.waitFor(5, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        stop();
        dir.close();
    }
}
