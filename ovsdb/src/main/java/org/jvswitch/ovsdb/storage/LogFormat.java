package org.jvswitch.ovsdb.storage;

import com.fasterxml.jackson.databind.JsonNode;
import org.jvswitch.jsonrpc.JsonRpcMapper;
import org.jvswitch.ovsdb.json.OvsJson;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Open vSwitch's standalone database file format, one record after another:
 *
 * <pre>
 * OVSDB JSON &lt;length&gt; &lt;sha1&gt;\n
 * &lt;length bytes: one JSON object, then \n&gt;
 * </pre>
 *
 * where {@code length} counts the JSON text and its newline and {@code sha1} is the hex SHA-1 of
 * those same bytes. The first record is the schema; each later one a transaction (or, after
 * compaction, the whole database). {@link #encode} makes a record; {@link Reader} reads them back
 * and says exactly where and why a file stops being valid.
 */
public final class LogFormat {

    static final String MAGIC = "OVSDB JSON";
    /** Longest header accepted: magic, a 20-digit length, 40 hex digits, spaces, newline. */
    private static final int MAX_HEADER = 128;

    private LogFormat() {
    }

    /** One record: header and body, ready to write. */
    public static byte[] encode(JsonNode json) {
        StringBuilder sb = new StringBuilder(256);
        OvsJson.write(json, false, sb);
        sb.append('\n');
        return encode(sb.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** One record around {@code body} (JSON text ending in a newline). */
    static byte[] encode(byte[] body) {
        byte[] header = (MAGIC + " " + body.length + " " + sha1(body, 0, body.length) + "\n")
                .getBytes(StandardCharsets.US_ASCII);
        byte[] out = new byte[header.length + body.length];
        System.arraycopy(header, 0, out, 0, header.length);
        System.arraycopy(body, 0, out, header.length, body.length);
        return out;
    }

    static String sha1(byte[] b, int off, int len) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-1");
            md.update(b, off, len);
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A record read back: its JSON and where it starts and ends in the file. */
    public record Record(JsonNode json, long offset, long end) {
    }

    /**
     * Reads records from a file in order. {@link #next} returns null at the clean end of the
     * file; {@link #error} then says why reading stopped early (a torn or corrupt record), and
     * {@link #goodEnd} where the last good record ends.
     */
    public static final class Reader {
        private final FileChannel ch;
        private final long size;
        private long pos;
        private String error;

        public Reader(FileChannel ch) throws IOException {
            this.ch = ch;
            this.size = ch.size();
        }

        /** The next record, or null at the end or at the first bad record. */
        public Record next() throws IOException {
            if (error != null || pos >= size) {
                return null;
            }
            long start = pos;
            ByteBuffer hb = ByteBuffer.allocate((int) Math.min(MAX_HEADER, size - pos));
            readFully(hb, pos);
            int nl = -1;
            for (int i = 0; i < hb.limit(); i++) {
                if (hb.get(i) == '\n') {
                    nl = i;
                    break;
                }
            }
            if (nl < 0) {
                return fail(start, "incomplete or overlong header line");
            }
            String header = new String(hb.array(), 0, nl, StandardCharsets.US_ASCII);
            String[] parts = header.split(" ");
            if (parts.length != 4 || !(parts[0] + " " + parts[1]).equals(MAGIC)) {
                return fail(start, "parse error in header line \"" + printable(header) + "\"");
            }
            long length;
            try {
                length = Long.parseLong(parts[2]);
            } catch (NumberFormatException e) {
                return fail(start, "bad length in header line");
            }
            String sha1 = parts[3];
            if (length < 0 || length > Integer.MAX_VALUE - 16 || sha1.length() != 40) {
                return fail(start, "parse error in header line \"" + printable(header) + "\"");
            }
            long bodyStart = start + nl + 1;
            if (bodyStart + length > size) {
                return fail(start, "record of " + length + " bytes is truncated (file ends "
                        + (size - bodyStart) + " bytes into it)");
            }
            ByteBuffer body = ByteBuffer.allocate((int) length);
            readFully(body, bodyStart);
            String actual = sha1(body.array(), 0, (int) length);
            if (!actual.equalsIgnoreCase(sha1)) {
                return fail(start, "record's SHA-1 is " + actual + " but its header says " + sha1);
            }
            JsonNode json;
            try {
                json = JsonRpcMapper.get().readTree(body.array());
            } catch (IOException e) {
                return fail(start, "record is not valid JSON");
            }
            if (json == null || !json.isObject()) {
                return fail(start, "record is not a JSON object");
            }
            pos = bodyStart + length;
            return new Record(json, start, pos);
        }

        private Record fail(long at, String why) {
            error = "offset " + at + ": " + why;
            pos = at;
            return null;
        }

        /** Why reading stopped before the end of the file, or null. */
        public String error() {
            return error;
        }

        /** Where the last good record ends (the whole file when there was no error). */
        public long goodEnd() {
            return pos;
        }

        public long fileSize() {
            return size;
        }

        private void readFully(ByteBuffer b, long at) throws IOException {
            while (b.hasRemaining()) {
                int n = ch.read(b, at + b.position());
                if (n < 0) {
                    throw new IOException("unexpected end of file");
                }
            }
            b.flip();
        }

        private static String printable(String s) {
            return s.length() > 60 ? s.substring(0, 60) + "..." : s.replaceAll("[^\\x20-\\x7e]", "?");
        }
    }
}
