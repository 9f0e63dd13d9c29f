package org.jvswitch.ovsdb.storage;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * OVS's lock on a database file: {@code .<name>.~lock~} beside it, held with an fcntl write lock
 * for as long as the file is open, so that jvswitch, ovsdb-server and ovsdb-tool never write
 * the same database at once. Java's file locks are fcntl locks on Linux, so the lock is
 * mutual with OVS's own programs.
 */
final class Lockfile implements AutoCloseable {

    private final Path path;
    private final FileChannel channel;
    private final FileLock lock;

    private Lockfile(Path path, FileChannel channel, FileLock lock) {
        this.path = path;
        this.channel = channel;
        this.lock = lock;
    }

    /** {@code <dir>/.<name>.~lock~} for database file {@code db}. */
    static Path pathFor(Path db) {
        Path abs = db.toAbsolutePath();
        return abs.resolveSibling("." + abs.getFileName() + ".~lock~");
    }

    /** Takes the lock of database file {@code db}, or fails saying who would have to let go. */
    static Lockfile lock(Path db) throws IOException {
        Path p = pathFor(db);
        FileChannel ch = FileChannel.open(p, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock l;
        try {
            l = ch.tryLock();
        } catch (OverlappingFileLockException e) {
            l = null;
        } catch (IOException e) {
            ch.close();
            throw e;
        }
        if (l == null) {
            ch.close();
            throw new IOException(db + ": cannot lock " + p + ": the database is in use by another process");
        }
        return new Lockfile(p, ch, l);
    }

    @Override
    public void close() throws IOException {
        try {
            lock.release();
        } finally {
            channel.close();
            Files.deleteIfExists(path);
        }
    }
}
