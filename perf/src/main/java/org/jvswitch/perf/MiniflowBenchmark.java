package org.jvswitch.perf;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.HexFormat;
import java.util.concurrent.TimeUnit;
import org.jvswitch.dataplane.flow.FlowHash;
import org.jvswitch.dataplane.flow.FlowKey;
import org.jvswitch.dataplane.flow.Miniflow;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Step 2 of the packet path on its own: flow-key extraction ({@link Miniflow#extract}) plus the
 * software 5-tuple hash, for a burst of 32 packets in native memory, as a PMD runs it. Scores are
 * per packet ({@code @OperationsPerInvocation(32)}); run with
 * {@code ./jvs bench jmh MiniflowBenchmark -prof gc}: every benchmark must show 0 B/op.
 *
 * <ul>
 * <li>{@code ipv4Udp}: 60-byte IPv4/UDP frames (64 on the wire with the FCS), extract + hash.</li>
 * <li>{@code ipv6Tcp}: 86-byte IPv6/TCP frames, extract + hash.</li>
 * <li>{@code ipv4UdpExtractOnly}, {@code ipv6TcpExtractOnly}: the same without the hash, so the
 * two costs can be told apart.</li>
 * </ul>
 *
 * The 32 frames of a burst differ in their source port, and sit 2 KiB apart like mbuf data rooms,
 * so nothing is folded away and the hash sees distinct flows.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class MiniflowBenchmark {
    private static final int BURST = 32;
    private static final int ROOM = 2048;

    /** dst 02:00:00:00:00:02, src 02:00:00:00:00:01, IPv4 10.0.0.1 -> 10.0.0.2, UDP 1024 -> 4789, 18 bytes. */
    private static final String IPV4_UDP = "020000000002" + "020000000001" + "0800"
            + "4500002e00000000401166bd0a0000010a000002" + "040012b5001a0000" + "000102030405060708090a0b0c0d0e0f1011";
    /** IPv6 2001:db8::1 -> 2001:db8::2, TCP 1024 -> 443 ACK|PSH, 12 bytes of payload. */
    private static final String IPV6_TCP = "020000000002" + "020000000001" + "86dd"
            + "6000000000200640" + "20010db8000000000000000000000001" + "20010db8000000000000000000000002"
            + "040001bb00000001000000015018200000000000" + "000102030405060708090a0b";

    private Arena arena;
    private final long[] ipv4 = new long[BURST];
    private final long[] ipv6 = new long[BURST];
    private int ipv4Len;
    private int ipv6Len;
    private final long[] keys = new long[BURST * FlowKey.WORDS];
    private final int[] layers = new int[BURST * 3];

    @Setup(Level.Trial)
    public void setup() {
        arena = Arena.ofShared();
        byte[] v4 = HexFormat.of().parseHex(IPV4_UDP);
        byte[] v6 = HexFormat.of().parseHex(IPV6_TCP);
        ipv4Len = v4.length;
        ipv6Len = v6.length;
        MemorySegment rooms = arena.allocate(2L * BURST * ROOM, 64);
        for (int i = 0; i < BURST; i++) {
            v4[34] = (byte) i; // UDP source port high byte
            v6[54] = (byte) i; // TCP source port high byte
            MemorySegment a = rooms.asSlice((long) i * ROOM);
            MemorySegment b = rooms.asSlice((long) (BURST + i) * ROOM);
            MemorySegment.copy(v4, 0, a, ValueLayout.JAVA_BYTE, 0, v4.length);
            MemorySegment.copy(v6, 0, b, ValueLayout.JAVA_BYTE, 0, v6.length);
            ipv4[i] = a.address();
            ipv6[i] = b.address();
            keys[i * FlowKey.WORDS + FlowKey.W_IN_PORT] = FlowKey.inPortWord(1, 0);
        }
        if (Miniflow.extract(ipv4[0], ipv4Len, keys, 0, layers, 0) != 0
                || Miniflow.extract(ipv6[0], ipv6Len, keys, 0, layers, 0) != 0) {
            throw new IllegalStateException("benchmark frames do not parse cleanly");
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        arena.close();
    }

    @Benchmark
    @OperationsPerInvocation(BURST)
    public int ipv4Udp() {
        return extractAndHash(ipv4, ipv4Len);
    }

    @Benchmark
    @OperationsPerInvocation(BURST)
    public int ipv6Tcp() {
        return extractAndHash(ipv6, ipv6Len);
    }

    @Benchmark
    @OperationsPerInvocation(BURST)
    public int ipv4UdpExtractOnly() {
        return extractOnly(ipv4, ipv4Len);
    }

    @Benchmark
    @OperationsPerInvocation(BURST)
    public int ipv6TcpExtractOnly() {
        return extractOnly(ipv6, ipv6Len);
    }

    private int extractAndHash(long[] pkts, int len) {
        int acc = 0;
        for (int i = 0; i < BURST; i++) {
            int base = i * FlowKey.WORDS;
            acc += Miniflow.extract(pkts[i], len, keys, base, layers, i * 3);
            acc ^= FlowHash.hash5tuple(keys, base);
        }
        return acc;
    }

    private int extractOnly(long[] pkts, int len) {
        int acc = 0;
        for (int i = 0; i < BURST; i++) {
            acc += Miniflow.extract(pkts[i], len, keys, i * FlowKey.WORDS, layers, i * 3);
        }
        return acc;
    }
}
