package org.jvswitch.perf;

import java.lang.foreign.Arena;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.jvswitch.dataplane.action.ActionCompiler;
import org.jvswitch.dataplane.action.DpAction;
import org.jvswitch.dataplane.flow.DpNetdevFlow;
import org.jvswitch.dataplane.flow.FlowField;
import org.jvswitch.dataplane.flow.FlowKey;
import org.jvswitch.dataplane.flow.Ufid;
import org.jvswitch.dataplane.meter.DpMeters;
import org.jvswitch.pmd.PmdThread;
import org.jvswitch.pmd.Rxq;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The whole per-packet path of a PMD in Java, without a driver: one {@code doWork()} polls a
 * port that hands back 32 prepared 64-byte UDP packets, extracts their keys, looks them up,
 * runs the flow's actions (output to a sink port) and flushes. Scores are ns per packet; JMH's
 * {@code -prof gc} must show 0 B/op.
 *
 * <ul>
 * <li>{@code flows}: how many distinct 5-tuples the packets carry (1, 1000: exact-match cache;
 *     100000: more than the cache holds).</li>
 * <li>{@code rule}: {@code in_port} (a megaflow on in_port alone) or {@code nw_dst} (in_port,
 *     eth_type, nw_proto, nw_frag and nw_dst, as OVS translates {@code in_port=1,udp,nw_dst=X}).</li>
 * </ul>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class PipelineBenchmark {
    @Param({"1", "1000", "100000"})
    public int flows;

    @Param({"in_port", "nw_dst"})
    public String rule;

    private Arena arena;
    private PmdThread pmd;

    @Setup(Level.Trial)
    public void setup() {
        arena = Arena.ofShared();
        long[] packets = new long[flows];
        for (int i = 0; i < flows; i++) {
            packets[i] = BenchNetdevs.mbuf(arena, Frames.udp64(0x0a000000 | (i >>> 16) + 1 << 16 | i & 0xffff,
                    1024 + i % 50000, 0x0a000002, 5000));
        }
        pmd = new PmdThread(0, 0, new DpMeters());
        BenchNetdevs.Replay in = new BenchNetdevs.Replay("p1", packets, 32);
        BenchNetdevs.Sink out = new BenchNetdevs.Sink("p2");
        pmd.setMbufAllocator(new BenchNetdevs.NoFree());
        pmd.addTxPort(1, in, 0, null, true);
        pmd.addTxPort(2, out, 0, null, true);
        pmd.addRxq(new Rxq(1, in, 0));
        pmd.flowPut(flow());
        pmd.drainCommandsNow();
    }

    private DpNetdevFlow flow() {
        long[] key = new long[FlowKey.WORDS];
        long[] mask = new long[FlowKey.WORDS];
        FlowField.IN_PORT.set(key, 0, 1);
        FlowField.IN_PORT.exact(mask, 0);
        FlowField.RECIRC_ID.exact(mask, 0);
        if (rule.equals("nw_dst")) {
            FlowField.ETH_TYPE.set(key, 0, FlowKey.ETH_TYPE_IP);
            FlowField.ETH_TYPE.exact(mask, 0);
            FlowField.NW_PROTO.set(key, 0, FlowKey.IPPROTO_UDP);
            FlowField.NW_PROTO.exact(mask, 0);
            FlowField.NW_FRAG.exact(mask, 0);
            FlowField.NW_DST.set(key, 0, 0x0a000002);
            FlowField.NW_DST.exact(mask, 0);
        }
        return new DpNetdevFlow(new Ufid(1, 1), key, mask, ActionCompiler.compile(List.of(new DpAction.Output(2))), 0);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        arena.close();
    }

    @Benchmark
    @OperationsPerInvocation(32)
    public int burst() {
        return pmd.doWork();
    }
}
