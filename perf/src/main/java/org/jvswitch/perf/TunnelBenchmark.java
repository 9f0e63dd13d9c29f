package org.jvswitch.perf;

import java.lang.foreign.Arena;
import java.lang.foreign.ValueLayout;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.jvswitch.dataplane.Burst;
import org.jvswitch.dataplane.MbufAllocator;
import org.jvswitch.dataplane.action.ActionCompiler;
import org.jvswitch.dataplane.action.ActionExecutor;
import org.jvswitch.dataplane.action.ActionProgram;
import org.jvswitch.dataplane.action.DpAction;
import org.jvswitch.dataplane.action.ExecContext;
import org.jvswitch.dataplane.flow.FlowKey;
import org.jvswitch.dataplane.flow.Miniflow;
import org.jvswitch.dataplane.tunnel.TunnelHeaderBuilder;
import org.jvswitch.dataplane.tunnel.TunnelVport;
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
 * Native tunneling's datapath actions on a batch of 32 packets, per packet, through the action
 * executor as a PMD runs them: {@code tnl_push} then an output (VXLAN; VXLAN with a UDP checksum;
 * Geneve with a 8-byte option; GRE with key, checksum and sequence number; VXLAN over IPv6), and
 * {@code tnl_pop} of a VXLAN packet (every check, metadata, recirculation). The packets are reset
 * each invocation (headroom, length, key). Run with {@code -prof gc}: 0 B/op.
 *
 * <pre>./jvs bench jmh TunnelBenchmark -prof gc</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class TunnelBenchmark implements ExecContext {
    private static final int N = 32;
    private static final int VPORT = 5;

    @Param({"vxlan_push", "vxlan_push_csum", "geneve_push", "gre_push", "vxlan6_push", "vxlan_pop"})
    public String program;

    private final Burst burst = new Burst();
    private final ActionExecutor executor = new ActionExecutor();
    private final int[] slots = new int[N];
    private final long[] mbufs = new long[N];
    private final MbufAllocator none = new BenchNetdevs.NoFree();
    private TunnelVport vport;
    private Arena arena;
    private ActionProgram compiled;
    private int length;
    private long sent;

    @Setup(Level.Trial)
    public void setup() {
        arena = Arena.ofShared();
        vport = TunnelVport.open("vxlan_sys_4789", "vxlan", Map.of(), none);
        vport.setReceiveFilter(new long[] {123}, new int[0]);
        TunnelHeaderBuilder h = new TunnelHeaderBuilder().eth(0x020000000a02L, 0x020000000b01L)
                .ipv4(0x0a0a0a01, 0x0a0a0a02, 0, 64, true);
        DpAction push = switch (program) {
            case "vxlan_push", "vxlan_pop" -> h.vxlan(4789, 123, false).push(VPORT, 2);
            case "vxlan_push_csum" -> h.vxlan(4789, 123, true).push(VPORT, 2);
            case "geneve_push" -> h.geneve(6081, 123, false, new byte[] {1, 2, 3, 1, 0, 0, 0, 42}, false)
                    .push(VPORT, 2);
            case "gre_push" -> h.gre(0x6558, true, 123, true, true).push(VPORT, 2);
            case "vxlan6_push" -> h.ipv6(0xfd00001000000000L, 1, 0xfd00001000000000L, 2, 0, 64).vxlan(4789, 123, false)
                    .push(VPORT, 2);
            default -> throw new IllegalArgumentException(program);
        };
        for (int i = 0; i < N; i++) {
            slots[i] = i;
            byte[] inner = Frames.udp64(0x0b000000 + i, 1024, 0x0a000002, 5000);
            byte[] frame = inner;
            if (program.equals("vxlan_pop")) {
                // The frame a remote VTEP sends: the same push, made here once.
                long m = BenchNetdevs.mbuf(arena, inner);
                burst.mbufs[0] = m;
                burst.hashes[0] = i * 0x9e3779b9;
                Miniflow.extract(Mbuf.dataAddress(m), 60, burst.keys, 0, burst.layers, 0);
                sent = 0;
                executor.execute(ActionCompiler.compile(List.of(push, new DpAction.Output(2))), new int[] {0}, 1,
                        this);
                frame = new byte[Mbuf.dataLen(m)];
                java.lang.foreign.MemorySegment.copy(Mbuf.MEMORY, ValueLayout.JAVA_BYTE, Mbuf.dataAddress(m), frame, 0,
                        frame.length);
            }
            length = frame.length;
            mbufs[i] = BenchNetdevs.mbuf(arena, frame);
        }
        compiled = ActionCompiler.compile(program.equals("vxlan_pop") ? List.of(new DpAction.TunnelPop(VPORT))
                : List.of(push, new DpAction.Output(2)));
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
            // Undo the previous invocation's push or pop.
            Mbuf.MEMORY.set(ValueLayout.JAVA_SHORT_UNALIGNED, m + Mbuf.DATA_OFF, (short) 128);
            Mbuf.setLength(m, length);
            burst.mbufs[i] = m;
            burst.hashes[i] = i * 0x9e3779b9;
            int base = i * FlowKey.WORDS;
            burst.keys[base] = FlowKey.inPortWord(1, 0);
            Miniflow.extract(Mbuf.dataAddress(m), length, burst.keys, base, burst.layers, i * 3);
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
        sent++;
    }

    @Override
    public void userspace(int slot, int pid, byte[] userdata) {
    }

    @Override
    public boolean meter(int meterId, int bytes) {
        return true;
    }

    @Override
    public TunnelVport tunnelVport(int port) {
        return port == VPORT ? vport : null;
    }

    @Override
    public MbufAllocator mbufs() {
        return none;
    }

    @Override
    public void drop(int reason, int n) {
        throw new IllegalStateException("dropped: " + org.jvswitch.dataplane.DropReason.name(reason));
    }

    @Override
    public int random() {
        return 0;
    }
}
