package org.jvswitch.perf;

import java.lang.foreign.Arena;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.jvswitch.dataplane.Burst;
import org.jvswitch.dataplane.MbufAllocator;
import org.jvswitch.dataplane.action.ActionCompiler;
import org.jvswitch.dataplane.action.ActionExecutor;
import org.jvswitch.dataplane.action.ActionProgram;
import org.jvswitch.dataplane.action.DpAction;
import org.jvswitch.dataplane.action.ExecContext;
import org.jvswitch.dataplane.flow.FlowField;
import org.jvswitch.dataplane.flow.FlowKey;
import org.jvswitch.dataplane.flow.Miniflow;
import org.jvswitch.dpdk.Mbuf;
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
 * Action execution on a batch of 32 packets, per packet: an output; a rewrite of the IPv4
 * destination (with checksum updates) then an output; a VLAN push then an output. The outputs
 * go to a context that takes them without a driver, and the packets are reset each invocation.
 * Run with {@code -prof gc}: 0 B/op.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class ActionBenchmark implements ExecContext {
    private static final int N = 32;

    @Param({"output", "set_ipv4_dst", "push_vlan"})
    public String program;

    private final Burst burst = new Burst();
    private final ActionExecutor executor = new ActionExecutor();
    private final int[] slots = new int[N];
    private final long[] mbufs = new long[N];
    private final MbufAllocator none = new BenchNetdevs.NoFree();
    private Arena arena;
    private ActionProgram compiled;
    private long sent;

    @Setup(Level.Trial)
    public void setup() {
        arena = Arena.ofShared();
        for (int i = 0; i < N; i++) {
            slots[i] = i;
            mbufs[i] = BenchNetdevs.mbuf(arena, Frames.udp64(0x0b000000 + i, 1024, 0x0a000002, 5000));
        }
        compiled = ActionCompiler.compile(switch (program) {
            case "output" -> List.of(new DpAction.Output(2));
            case "set_ipv4_dst" -> List.of(DpAction.SetField.of(FlowField.NW_DST, 0xc0a80001L), new DpAction.Output(2));
            default -> List.of(new DpAction.PushVlan(0x8100, 0x1000 | 10), new DpAction.Output(2));
        });
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        arena.close();
    }

    @Benchmark
    @OperationsPerInvocation(N)
    public long run() {
        for (int i = 0; i < N; i++) {
            long m = mbufs[i];
            // Undo the previous invocation's push (headroom back to 128, length back to 60).
            Mbuf.MEMORY.set(java.lang.foreign.ValueLayout.JAVA_SHORT_UNALIGNED, m + Mbuf.DATA_OFF, (short) 128);
            Mbuf.setLength(m, 60);
            burst.mbufs[i] = m;
            int base = i * FlowKey.WORDS;
            burst.keys[base] = FlowKey.inPortWord(1, 0);
            Miniflow.extract(Mbuf.dataAddress(m), 60, burst.keys, base, burst.layers, i * 3);
        }
        executor.execute(compiled, slots, N, this);
        return sent;
    }

    @Override
    public Burst burst() {
        return burst;
    }

    @Override
    public void output(int port, long mbuf) {
        sent++;
    }

    @Override
    public void recirculate(int slot, int recircId) {
    }

    @Override
    public void userspace(int slot, int pid, byte[] userdata) {
    }

    @Override
    public boolean meter(int meterId, int bytes) {
        return true;
    }

    @Override
    public org.jvswitch.dataplane.tunnel.TunnelVport tunnelVport(int port) {
        return null;
    }

    @Override
    public MbufAllocator mbufs() {
        return none;
    }

    @Override
    public void drop(int reason, int n) {
    }

    @Override
    public int random() {
        return 0;
    }
}
