package org.jvswitch.daemon;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A daemon's pidfile, as OVS's tools expect it: {@code <rundir>/<program>.pid} holds the
 * process id and a newline, and the process holds a POSIX write lock on the whole file for as
 * long as it runs. {@code ovs-appctl -t program} asks for the lock with {@code F_GETLK} and
 * trusts the file only if the lock's holder has the pid written in it; an unlocked file is
 * stale.
 *
 * <p>How: {@link FileChannel#tryLock()} takes an {@code fcntl} write lock on Linux, owned by the
 * JVM's pid ({@link ProcessHandle#pid()}), which is the pid written. The lock is taken on the
 * file in place before it is truncated and written, so two daemons starting at once cannot both
 * win; a stale, unlocked file from a crashed process is simply overwritten.
 *
 * <p>POSIX locks belong to the process and vanish when any descriptor of the file in the
 * process is closed. Nothing else in the JVM may therefore open and close the pidfile while it
 * is held: this class keeps the only channel, and refuses a second pidfile on the same path in
 * the same JVM without touching the file.
 *
 * <p>Threads: create and close from a control thread. A shutdown hook removes the file if the
 * JVM exits without {@link #close()}.
 */
public final class Pidfile implements AutoCloseable {

    /** Pidfiles held by this JVM (absolute, normalized paths). */
    private static final Set<Path> HELD = ConcurrentHashMap.newKeySet();

    private final Path path;
    private final long pid;
    private final FileChannel channel;
    private final FileLock lock;
    private final Thread shutdownHook;
    /** Set once closed; guarded by this. */
    private boolean closed;

    private Pidfile(Path path, long pid, FileChannel channel, FileLock lock) {
        this.path = path;
        this.pid = pid;
        this.channel = channel;
        this.lock = lock;
        this.shutdownHook = new Thread(this::removeAtExit, "pidfile-cleanup");
    }

    /** Creates {@code <rundir>/<program>.pid} for this process. */
    public static Pidfile create(RunDirs dirs, String program) throws IOException {
        return create(dirs.pidfile(program), program);
    }

    /**
     * Creates {@code path} (and its directory) holding this process's pid, and locks it.
     *
     * @param program the daemon's name, for the error message
     * @throws PidfileException "{@code <program> is already running (pid N)}" if a live
     *                          process holds the pidfile
     */
    public static Pidfile create(Path path, String program) throws IOException {
        Path key = path.toAbsolutePath().normalize();
        long self = ProcessHandle.current().pid();
        if (!HELD.add(key)) {
            throw new PidfileException(program + " is already running (pid " + self + ")", self);
        }
        FileChannel ch = null;
        try {
            Path parent = key.getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            ch = FileChannel.open(key, StandardOpenOption.CREATE, StandardOpenOption.READ,
                    StandardOpenOption.WRITE);
            FileLock lock;
            try {
                lock = ch.tryLock();
            } catch (OverlappingFileLockException e) {
                lock = null;  // some other code in this JVM locked it: treat as taken
            }
            if (lock == null) {
                long holder = readPid(ch);
                throw new PidfileException(program + " is already running (pid "
                        + (holder > 0 ? holder : "unknown") + ")", holder);
            }
            ch.truncate(0);
            ch.write(ByteBuffer.wrap((self + "\n").getBytes(StandardCharsets.US_ASCII)), 0);
            ch.force(true);
            Pidfile pidfile = new Pidfile(key, self, ch, lock);
            Runtime.getRuntime().addShutdownHook(pidfile.shutdownHook);
            return pidfile;
        } catch (IOException | RuntimeException e) {
            if (ch != null) {
                ch.close();
            }
            HELD.remove(key);
            throw e;
        }
    }

    /** The pid in pidfile {@code path}, or -1 if there is none or it does not hold a pid. */
    public static long read(Path path) throws IOException {
        try {
            return parsePid(Files.readString(path, StandardCharsets.US_ASCII));
        } catch (NoSuchFileException e) {
            return -1;
        }
    }

    public Path path() {
        return path;
    }

    /** The pid written in the file: this JVM's. */
    public long pid() {
        return pid;
    }

    /** Deletes the file and releases the lock. Idempotent. */
    @Override
    public synchronized void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException e) {
            // already shutting down: the hook is running or about to; it finds us closed
        }
        try {
            // Delete while still locked, so no one can lock the old file and lose it to us.
            Files.deleteIfExists(path);
        } finally {
            try {
                lock.release();
            } finally {
                channel.close();
                HELD.remove(path);
            }
        }
    }

    private void removeAtExit() {
        try {
            close();
        } catch (IOException | RuntimeException e) {
            // The JVM is going away; the file will be seen as stale (unlocked) anyway.
        }
    }

    private static long readPid(FileChannel ch) throws IOException {
        ByteBuffer buf = ByteBuffer.allocate(32);
        int n = ch.read(buf, 0);
        return n <= 0 ? -1 : parsePid(new String(buf.array(), 0, n, StandardCharsets.US_ASCII));
    }

    private static long parsePid(String text) {
        String line = text.lines().findFirst().orElse("").trim();
        try {
            long pid = Long.parseLong(line);
            return pid > 0 ? pid : -1;
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
