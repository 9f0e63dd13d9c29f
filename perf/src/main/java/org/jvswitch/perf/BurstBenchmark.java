package org.jvswitch.perf;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.jvswitch.dpdk.Eal;
import org.jvswitch.dpdk.EalArgs;
import org.jvswitch.dpdk.EthBurst;
import org.jvswitch.dpdk.Hugepages;
import org.jvswitch.dpdk.MbufPools;
import org.jvswitch.netdev.NetdevDpdk;
import org.jvswitch.netdev.NetdevSpec;
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
 * The cost of crossing into DPDK on the fast path: one FFM downcall per burst of 32 packets.
 * Scores are per packet ({@code @OperationsPerInvocation(32)}), so 1e9 / score is packets per
 * second on one core for that step alone. Run with {@code ./jvs bench BurstBenchmark -prof gc}:
 * every benchmark here must show 0 B/op (no allocation on the packet path).
 *
 * <ul>
 * <li>{@code nullRxFree}: receive a burst from net_null and free it (DPDK's floor).</li>
 * <li>{@code ringTxRx}: send a burst into a net_ring loopback and receive it back.</li>
 * <li>{@code rdtsc}: one critical downcall, the smallest crossing.</li>
 * </ul>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class BurstBenchmark {
    private static final int BURST = 32;

    private NetdevDpdk nullPort;
    private NetdevDpdk ringPort;
    private Arena arena;
    private long pkts;

    @Setup(Level.Trial)
    public void setup() {
        String extra = Hugepages.read().available() ? "--no-pci" : "--no-pci --no-huge -m 512";
        Eal.init(EalArgs.build(Map.of("dpdk-extra", extra), "jvs-bench", "jvs-bench-" + ProcessHandle.current().pid(),
                EalArgs.allowedCpus()));
        MbufPools pools = new MbufPools(8191);
        java.nio.file.Path none = java.nio.file.Path.of("/nonexistent");
        nullPort = NetdevDpdk.open(NetdevSpec.of("null0", "dpdk", Map.of("dpdk-devargs", "net_null_b0,copy=0"), 0, none),
                pools, 1);
        ringPort = NetdevDpdk.open(NetdevSpec.of("ring0", "dpdk", Map.of("dpdk-devargs", "net_ring_b0"), 0, none),
                pools, 1);
        arena = Arena.ofShared();
        MemorySegment array = arena.allocate(ValueLayout.JAVA_LONG, BURST);
        pkts = array.address();
        // Prime the ring with one burst of real mbufs that circulate for the whole run.
        int n = nullPort.rxBurst(0, pkts, BURST);
        if (n != BURST || ringPort.txBurst(0, pkts, BURST) != BURST) {
            throw new IllegalStateException("could not prime the ring");
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        int n = ringPort.rxBurst(0, pkts, BURST);
        EthBurst.freeBulk(pkts, n);
        nullPort.close();
        ringPort.close();
        arena.close();
    }

    @Benchmark
    @OperationsPerInvocation(BURST)
    public int nullRxFree() {
        int n = nullPort.rxBurst(0, pkts, BURST);
        EthBurst.freeBulk(pkts, n);
        return n;
    }

    @Benchmark
    @OperationsPerInvocation(BURST)
    public int ringTxRx() {
        int n = ringPort.rxBurst(0, pkts, BURST);
        return ringPort.txBurst(0, pkts, n);
    }

    @Benchmark
    public long rdtsc() {
        return EthBurst.rdtsc();
    }
}
