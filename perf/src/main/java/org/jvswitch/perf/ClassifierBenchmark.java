package org.jvswitch.perf;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.jvswitch.dataplane.action.ActionCompiler;
import org.jvswitch.dataplane.action.ActionProgram;
import org.jvswitch.dataplane.action.DpAction;
import org.jvswitch.dataplane.cache.Emc;
import org.jvswitch.dataplane.cls.Dpcls;
import org.jvswitch.dataplane.flow.DpNetdevFlow;
import org.jvswitch.dataplane.flow.FlowField;
import org.jvswitch.dataplane.flow.FlowKey;
import org.jvswitch.dataplane.flow.PacketHash;
import org.jvswitch.dataplane.flow.Ufid;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The lookup structures on their own, per packet: the exact-match cache (a hit on a simple IPv4
 * key and on a full-compare IPv6 key), and the classifier with 1, 10 and 100 subtables where the
 * matching flow sits in the last-ranked subtable (the worst case a packet meets before ranking
 * moves it up). Run with {@code -prof gc}: 0 B/op.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class ClassifierBenchmark {
    private static final int W = FlowKey.WORDS;
    private static final int KEYS = 1024;

    @Param({"1", "10", "100"})
    public int subtables;

    private final long[] keys = new long[KEYS * W];
    private final int[] hashes = new int[KEYS];
    private final long[] v6keys = new long[KEYS * W];
    private final int[] v6hashes = new int[KEYS];
    private final Emc emc = new Emc(1);
    private final Dpcls dpcls = new Dpcls();

    @Setup
    public void setup() {
        ActionProgram out = ActionCompiler.compile(List.of(new DpAction.Output(2)));
        for (int i = 0; i < KEYS; i++) {
            int b = i * W;
            keys[b + FlowKey.W_IN_PORT] = FlowKey.inPortWord(1, 0);
            keys[b + FlowKey.W_ETH_DST] = FlowKey.ethDstWord(0x0a0000000002L, FlowKey.ETH_TYPE_IP);
            keys[b + FlowKey.W_ETH_SRC] = 0x0a0000000001L << 16;
            keys[b + FlowKey.W_L3_META] = FlowKey.l3MetaWord(0, 17, 0, 64, 0);
            keys[b + FlowKey.W_NW] = FlowKey.pairWord(0x0b000000 + i, 0x0a000002);
            keys[b + FlowKey.W_TP] = FlowKey.tpWord(1024 + i, 5000, 0);
            hashes[i] = PacketHash.of(keys, b);
            System.arraycopy(keys, b, v6keys, b, W);
            v6keys[b + FlowKey.W_ETH_DST] = FlowKey.ethDstWord(0x0a0000000002L, FlowKey.ETH_TYPE_IPV6);
            v6keys[b + FlowKey.W_IPV6_SRC + 1] = i;
            v6keys[b + FlowKey.W_IPV6_DST + 1] = 2;
            v6hashes[i] = PacketHash.of(v6keys, b);
            DpNetdevFlow f = new DpNetdevFlow(new Ufid(0, i), keys.clone(), exactMask(), out, 0);
            emc.insert(keys, b, hashes[i], f, Emc.SIMPLE);
            emc.insert(v6keys, b, v6hashes[i], f, Emc.FULL);
        }
        // subtables - 1 masks no packet matches, then the one every packet matches (nw_dst).
        for (int s = 0; s < subtables - 1; s++) {
            long[] key = new long[W];
            long[] mask = new long[W];
            FlowField.IN_PORT.set(key, 0, 1);
            FlowField.IN_PORT.exact(mask, 0);
            FlowField.TP_SRC.set(key, 0, 7);
            mask[FlowKey.W_TP] |= (long) (s + 1) << 48;
            mask[FlowKey.W_NW] |= 0xffL << 8 * (s % 4);
            dpcls.insert(new DpNetdevFlow(new Ufid(1, s), key, mask, out, 0));
        }
        long[] key = new long[W];
        long[] mask = new long[W];
        FlowField.IN_PORT.set(key, 0, 1);
        FlowField.IN_PORT.exact(mask, 0);
        FlowField.ETH_TYPE.set(key, 0, FlowKey.ETH_TYPE_IP);
        FlowField.ETH_TYPE.exact(mask, 0);
        FlowField.NW_PROTO.set(key, 0, 17);
        FlowField.NW_PROTO.exact(mask, 0);
        FlowField.NW_FRAG.exact(mask, 0);
        FlowField.NW_DST.set(key, 0, 0x0a000002);
        FlowField.NW_DST.exact(mask, 0);
        FlowField.VLAN0_TCI.set(mask, 0, FlowKey.VLAN_CFI);
        dpcls.insert(new DpNetdevFlow(new Ufid(2, 0), key, mask, out, 0));
    }

    private static long[] exactMask() {
        long[] m = new long[W];
        java.util.Arrays.fill(m, -1L);
        return m;
    }

    @Benchmark
    @OperationsPerInvocation(KEYS)
    public int emcHitSimple() {
        int found = 0;
        for (int i = 0; i < KEYS; i++) {
            found += emc.lookup(keys, i * W, hashes[i], Emc.SIMPLE) != null ? 1 : 0;
        }
        return found;
    }

    @Benchmark
    @OperationsPerInvocation(KEYS)
    public int emcHitFullCompare() {
        int found = 0;
        for (int i = 0; i < KEYS; i++) {
            found += emc.lookup(v6keys, i * W, v6hashes[i], Emc.FULL) != null ? 1 : 0;
        }
        return found;
    }

    @Benchmark
    @OperationsPerInvocation(KEYS)
    public int dpclsLastSubtable() {
        int found = 0;
        for (int i = 0; i < KEYS; i++) {
            found += dpcls.lookup(keys, i * W) != null ? 1 : 0;
        }
        return found;
    }

    @Benchmark
    @OperationsPerInvocation(KEYS)
    public int hash() {
        int h = 0;
        for (int i = 0; i < KEYS; i++) {
            h += PacketHash.of(keys, i * W);
        }
        return h;
    }
}
