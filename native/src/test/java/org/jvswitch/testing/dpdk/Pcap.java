package org.jvswitch.testing.dpdk;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Classic libpcap files (microsecond timestamps, Ethernet link type), enough to feed net_pcap and
 * read back what it wrote.
 *
 * <pre>
 *   global header (24): magic a1b2c3d4 | v2.4 | thiszone | sigfigs | snaplen | linktype 1
 *   record header (16): ts_sec | ts_usec | incl_len | orig_len, then incl_len bytes
 * </pre>
 */
public final class Pcap {
    private static final int MAGIC = 0xa1b2c3d4;
    private static final int MAGIC_NS = 0xa1b23c4d;

    private Pcap() {
    }

    public static void write(Path file, List<byte[]> packets) throws IOException {
        int size = 24 + packets.stream().mapToInt(p -> 16 + p.length).sum();
        ByteBuffer b = ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(MAGIC).putShort((short) 2).putShort((short) 4).putInt(0).putInt(0).putInt(65535).putInt(1);
        int t = 0;
        for (byte[] p : packets) {
            b.putInt(1_700_000_000).putInt(t++).putInt(p.length).putInt(p.length).put(p);
        }
        Files.write(file, b.array());
    }

    /** The packets of a pcap file, in order (either byte order, micro- or nanosecond stamps). */
    public static List<byte[]> read(Path file) throws IOException {
        ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.LITTLE_ENDIAN);
        int magic = b.getInt(0);
        if (magic != MAGIC && magic != MAGIC_NS) {
            b.order(ByteOrder.BIG_ENDIAN);
            magic = b.getInt(0);
            if (magic != MAGIC && magic != MAGIC_NS) {
                throw new IOException(file + " is not a pcap file");
            }
        }
        b.position(24);
        List<byte[]> out = new ArrayList<>();
        while (b.remaining() >= 16) {
            b.getInt();
            b.getInt();
            int incl = b.getInt();
            b.getInt();
            if (incl > b.remaining()) {
                throw new IOException(file + ": truncated record");
            }
            byte[] p = new byte[incl];
            b.get(p);
            out.add(p);
        }
        return out;
    }
}
