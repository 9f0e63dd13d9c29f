package org.jvswitch.testing.dataplane;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jvswitch.dataplane.Burst;
import org.jvswitch.dataplane.DropReason;
import org.jvswitch.dataplane.MbufAllocator;
import org.jvswitch.dataplane.action.ExecContext;
import org.jvswitch.dataplane.flow.FlowKey;
import org.jvswitch.dataplane.flow.Miniflow;
import org.jvswitch.dataplane.tunnel.TunnelVport;
import org.jvswitch.dpdk.Mbuf;

/**
 * An {@link ExecContext} that records what actions did: packets output (by port, with their
 * bytes at that moment), recirculated, sent to userspace, and drops by reason. Packets come from
 * {@link TestMbufs}, so everything runs without DPDK.
 */
public final class TestExecContext implements ExecContext {
    public record Sent(int port, long mbuf, byte[] bytes) {
    }

    /** A recirculated packet: its mbuf, recirc_id, key (metadata as recirculated) and bytes. */
    public record Recirculated(long mbuf, int recircId, long[] key, byte[] bytes) {
    }

    public record ToUserspace(int slot, int pid, byte[] userdata, byte[] packet) {
    }

    public final Burst burst = new Burst();
    public final TestMbufs mbufs = new TestMbufs();
    public final List<Sent> sent = new ArrayList<>();
    public final List<Recirculated> recirculated = new ArrayList<>();
    public final List<ToUserspace> userspace = new ArrayList<>();
    public final long[] drops = new long[DropReason.COUNT];
    /** Meter ids that drop everything. */
    public final List<Integer> closedMeters = new ArrayList<>();
    public int randomValue;
    /** Tunnel vports by datapath port number, for tnl_pop. */
    public final Map<Integer, TunnelVport> vports = new HashMap<>();

    /** Puts a frame in slot {@code slot} as a packet from port {@code inPort}, key extracted. */
    public long load(int slot, byte[] frame, int inPort) {
        long m = mbufs.of(frame);
        burst.mbufs[slot] = m;
        int base = slot * FlowKey.WORDS;
        Arrays.fill(burst.keys, base, base + FlowKey.WORDS, 0L);
        burst.keys[base] = FlowKey.inPortWord(inPort, 0);
        Miniflow.extract(Mbuf.dataAddress(m), Mbuf.dataLen(m), burst.keys, base, burst.layers, slot * 3);
        return m;
    }

    /** Slots 0..n-1. */
    public static int[] slots(int n) {
        int[] s = new int[n];
        for (int i = 0; i < n; i++) {
            s[i] = i;
        }
        return s;
    }

    @Override
    public Burst burst() {
        return burst;
    }

    @Override
    public void output(int port, long mbuf) {
        sent.add(new Sent(port, mbuf, TestMbufs.bytes(mbuf)));
        mbufs.free(mbuf);
    }

    @Override
    public void recirculate(int slot, int recircId) {
        long[] key = Arrays.copyOfRange(burst.keys, slot * FlowKey.WORDS, (slot + 1) * FlowKey.WORDS);
        key[FlowKey.W_IN_PORT] = FlowKey.inPortWord(FlowKey.inPort(key, 0), recircId);
        recirculated.add(new Recirculated(burst.mbufs[slot], recircId, key, TestMbufs.bytes(burst.mbufs[slot])));
        mbufs.free(burst.mbufs[slot]);
    }

    @Override
    public void userspace(int slot, int pid, byte[] userdata) {
        userspace.add(new ToUserspace(slot, pid, userdata, TestMbufs.bytes(burst.mbufs[slot])));
    }

    @Override
    public boolean meter(int meterId, int bytes) {
        return !closedMeters.contains(meterId);
    }

    @Override
    public TunnelVport tunnelVport(int port) {
        return vports.get(port);
    }

    @Override
    public MbufAllocator mbufs() {
        return mbufs;
    }

    @Override
    public void drop(int reason, int n) {
        drops[reason] += n;
    }

    @Override
    public int random() {
        return randomValue;
    }
}
