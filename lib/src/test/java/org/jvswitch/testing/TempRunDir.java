package org.jvswitch.testing;

import org.jvswitch.daemon.RunDirs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Map;

/**
 * A fresh, uniquely named directory for one test to use as {@code OVS_RUNDIR} (and log or db
 * dir), deleted with everything in it on {@link #close()}.
 *
 * <p>It lives directly under {@code /tmp} with a short name because unix socket paths must fit
 * in 107 bytes ({@code <dir>/ovs-vswitchd.<pid>.ctl}), which a deep Maven target directory may
 * not.
 *
 * <pre>{@code
 * try (TempRunDir dir = TempRunDir.create()) {
 *     Pidfile pid = Pidfile.create(dir.runDirs(), "ovs-vswitchd");
 *     ...
 * }
 * }</pre>
 */
public final class TempRunDir implements AutoCloseable {

    private final Path path;

    private TempRunDir(Path path) {
        this.path = path;
    }

    /** Creates a new empty directory {@code /tmp/jvs-XXXX}. */
    public static TempRunDir create() {
        try {
            return new TempRunDir(Files.createTempDirectory(Path.of("/tmp"), "jvs-"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Path path() {
        return path;
    }

    /** {@code path().resolve(other)}. */
    public Path resolve(String other) {
        return path.resolve(other);
    }

    /** The environment that points OVS's tools at this directory for every directory kind. */
    public Map<String, String> env() {
        String p = path.toString();
        return Map.of("OVS_RUNDIR", p, "OVS_LOGDIR", p, "OVS_DBDIR", p);
    }

    /** OVS's directories, all of them this one (see {@link #env()}). */
    public RunDirs runDirs() {
        return RunDirs.from(env());
    }

    /** Deletes the directory and everything in it. */
    @Override
    public void close() {
        if (!Files.exists(path)) {
            return;
        }
        try {
            Files.walkFileTree(path, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    Files.deleteIfExists(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
                    Files.deleteIfExists(dir);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + path, e);
        }
    }

    @Override
    public String toString() {
        return path.toString();
    }
}
