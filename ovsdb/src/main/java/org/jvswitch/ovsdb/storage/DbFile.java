package org.jvswitch.ovsdb.storage;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.jvswitch.ovsdb.db.Database;
import org.jvswitch.ovsdb.db.Row;
import org.jvswitch.ovsdb.json.OvsdbException;
import org.jvswitch.ovsdb.schema.DatabaseSchema;
import org.jvswitch.vlog.Vlog;
import org.slf4j.Logger;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;

/**
 * One database file in OVS's standalone format ({@link LogFormat}), open for appending.
 *
 * <p>Opening reads every record into a fresh {@link Database}. A file that ends in a torn or
 * corrupt record (the tail of a write cut short by a crash, or damage) is truncated just after
 * its last good record, with a warning that says what was dropped; the records before it are
 * all intact (each carries its own SHA-1), and a commit is acknowledged only after its record
 * is synced, so nothing acknowledged is ever in the dropped tail. A missing file is created
 * from a schema, as {@code ovsdb-tool create} does.
 *
 * <p>Compaction ({@link #compact}) writes the schema and one record with every row to
 * {@code <file>.tmp}, syncs it, renames it over the file and syncs the directory, so at every
 * instant the path names a complete database.
 *
 * <p>Threads: {@link #open} on the starting thread; afterwards the storage thread alone
 * appends, syncs and compacts.
 */
public final class DbFile implements AutoCloseable {

    private static final Logger LOG = Vlog.module("ovsdb_file");
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private final Path path;
    private final Lockfile lock;
    private final JsonNode schemaJson;
    private FileChannel channel;
    /** Bytes in the file; written by the storage thread, read by the engine's compaction policy. */
    private volatile long size;
    /** Bytes in the file just after the last compaction (or open). */
    private volatile long snapshotSize;
    /** Records appended since the last compaction (or open). */
    private volatile long recordsSinceSnapshot;
    private boolean dirty;

    private DbFile(Path path, Lockfile lock, FileChannel channel, JsonNode schemaJson, long size) {
        this.path = path;
        this.lock = lock;
        this.channel = channel;
        this.schemaJson = schemaJson;
        this.size = size;
        this.snapshotSize = size;
    }

    /** A database file and the database read from it. */
    public record Opened(DbFile file, Database db) {
    }

    /**
     * Opens {@code path}, creating it from {@code createSchema} if it does not exist (null: it
     * must exist), and reads the database in it.
     */
    public static Opened open(Path path, DatabaseSchema createSchema) throws IOException {
        if (!Files.exists(path)) {
            if (createSchema == null) {
                throw new IOException(path + ": database file does not exist");
            }
            create(path, createSchema);
        }
        Lockfile lock = Lockfile.lock(path);
        FileChannel ch = null;
        try {
            ch = FileChannel.open(path, StandardOpenOption.READ, StandardOpenOption.WRITE);
            LogFormat.Reader reader = new LogFormat.Reader(ch);
            LogFormat.Record first = reader.next();
            if (first == null) {
                throw new IOException(path + ": not an OVSDB database file"
                        + (reader.error() != null ? " (" + reader.error() + ")" : " (empty)"));
            }
            if (first.json().has("prev_servers") || first.json().has("server_id")) {
                throw new IOException(path + ": clustered databases are not supported");
            }
            DatabaseSchema schema;
            try {
                schema = DatabaseSchema.fromJson(first.json());
            } catch (OvsdbException e) {
                throw new IOException(path + ": bad schema: " + e.getMessage());
            }
            Database db = new Database(schema);
            long records = 0;
            for (LogFormat.Record r = reader.next(); r != null; r = reader.next()) {
                RecordReplay.apply(db, r.json(), path.toString());
                records++;
            }
            long end = reader.goodEnd();
            if (reader.error() != null) {
                LOG.warn("{}: {}; truncating the {} bytes from offset {} (the tail of an interrupted write, or "
                        + "damage)", path, reader.error(), reader.fileSize() - end, end);
                ch.truncate(end);
                ch.force(true);
            }
            ch.position(end);
            DbFile f = new DbFile(path, lock, ch, first.json(), end);
            f.recordsSinceSnapshot = records;
            f.snapshotSize = first.end();
            return new Opened(f, db);
        } catch (IOException | RuntimeException e) {
            if (ch != null) {
                ch.close();
            }
            lock.close();
            throw e;
        }
    }

    /** Writes a new database file holding only {@code schema}, as {@code ovsdb-tool create}. */
    public static void create(Path path, DatabaseSchema schema) throws IOException {
        Path parent = path.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        Path tmp = path.resolveSibling(path.getFileName() + ".tmp");
        try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            writeFully(ch, ByteBuffer.wrap(LogFormat.encode(schema.toJson())));
            ch.force(true);
        }
        moveIntoPlace(tmp, path);
    }

    public Path path() {
        return path;
    }

    public long size() {
        return size;
    }

    /** Records appended since the last compaction. */
    public long recordsSinceSnapshot() {
        return recordsSinceSnapshot;
    }

    /** Size of the file right after the last compaction. */
    public long snapshotSize() {
        return snapshotSize;
    }

    /** Appends one encoded record (not yet synced). Storage thread. */
    void append(byte[] record) throws IOException {
        writeFully(channel, ByteBuffer.wrap(record));
        size += record.length;
        recordsSinceSnapshot++;
        dirty = true;
    }

    /** Makes every appended record durable. Storage thread. */
    void sync() throws IOException {
        if (dirty) {
            channel.force(false);
            dirty = false;
        }
    }

    /**
     * Replaces the file by the schema and one record holding {@code rows} (the database as of
     * the last record appended). Storage thread.
     */
    void compact(Map<String, List<Row>> rows, long dateMillis, String comment) throws IOException {
        ObjectNode rec = F.objectNode();
        for (Map.Entry<String, List<Row>> e : rows.entrySet()) {
            if (e.getValue().isEmpty()) {
                continue;
            }
            ObjectNode t = rec.putObject(e.getKey());
            for (Row r : e.getValue()) {
                t.set(r.uuid().toString(), TxnRecord.snapshotRow(r));
            }
        }
        rec.put("_date", dateMillis);
        rec.put("_comment", comment);
        byte[] schemaRec = LogFormat.encode(schemaJson);
        byte[] dataRec = LogFormat.encode(rec);
        Path tmp = path.resolveSibling(path.getFileName() + ".tmp");
        FileChannel out = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.READ, StandardOpenOption.TRUNCATE_EXISTING);
        try {
            writeFully(out, ByteBuffer.wrap(schemaRec));
            writeFully(out, ByteBuffer.wrap(dataRec));
            out.force(true);
            moveIntoPlace(tmp, path);
        } catch (IOException | RuntimeException e) {
            out.close();
            Files.deleteIfExists(tmp);
            throw e;
        }
        FileChannel old = channel;
        channel = out;
        old.close();
        size = schemaRec.length + dataRec.length;
        snapshotSize = size;
        recordsSinceSnapshot = 0;
        dirty = false;
    }

    private static void moveIntoPlace(Path tmp, Path path) throws IOException {
        try {
            Files.move(tmp, path, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, path, StandardCopyOption.REPLACE_EXISTING);
        }
        syncDirectory(path.toAbsolutePath().getParent());
    }

    private static void syncDirectory(Path dir) {
        try (FileChannel d = FileChannel.open(dir, StandardOpenOption.READ)) {
            d.force(true);
        } catch (IOException e) {
            LOG.debug("{}: cannot sync directory: {}", dir, e.toString());
        }
    }

    private static void writeFully(FileChannel ch, ByteBuffer b) throws IOException {
        while (b.hasRemaining()) {
            ch.write(b);
        }
    }

    @Override
    public void close() throws IOException {
        try {
            channel.close();
        } finally {
            lock.close();
        }
    }
}
