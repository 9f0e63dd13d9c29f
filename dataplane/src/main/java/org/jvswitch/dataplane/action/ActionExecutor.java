package org.jvswitch.dataplane.action;

import static org.jvswitch.dataplane.action.ActionProgram.*;

import org.jvswitch.dataplane.Burst;
import org.jvswitch.dataplane.DropReason;
import org.jvswitch.dataplane.flow.FlowHash;
import org.jvswitch.dataplane.flow.FlowKey;
import org.jvswitch.dataplane.tunnel.TunnelDecap;
import org.jvswitch.dataplane.tunnel.TunnelEncap;
import org.jvswitch.dataplane.tunnel.TunnelHeader;
import org.jvswitch.dataplane.tunnel.TunnelVport;
import org.jvswitch.dpdk.Mbuf;

/**
 * Runs an {@link ActionProgram} on a batch of packets: one switch loop over the instructions,
 * each instruction applied to every packet of the batch before the next (Open vSwitch's batch
 * execution), so each instruction's dispatch costs once per batch, not per packet.
 *
 * <p>A batch is a list of slots of the context's {@link Burst}. A slot whose mbuf is 0 has left
 * (stolen by an output or recirculation) or was dropped; the program skips it. Packets still
 * there when the program ends are freed. Header rewrites use the layer offsets extraction found
 * and keep them right across pushes and pops.
 *
 * <p>One executor per thread (it keeps the pending truncation length); allocation-free.
 */
public final class ActionExecutor {
    private static final int W = FlowKey.WORDS;
    /** Clones and samples may nest this deep (each level copies a batch into scratch slots). */
    private static final int MAX_NESTING = 4;

    /** The slot lists of nested clone batches, one per nesting level. */
    private final int[][] cloneSlots = new int[MAX_NESTING][Burst.RX_SLOTS];
    private int depth;

    /** Runs {@code program} on the packets in {@code slots[0..count)}, then frees what is left. */
    public void execute(ActionProgram program, int[] slots, int count, ExecContext ctx) {
        long[] code = program.code();
        if (code.length == 0) {
            dropAll(slots, count, ctx, DropReason.ACTION_DROP);
            return;
        }
        run(code, 0, code.length, program.side(), slots, count, ctx);
        freeLeft(slots, count, ctx);
    }

    private void run(long[] code, int from, int to, Object[] side, int[] slots, int count, ExecContext ctx) {
        Burst b = ctx.burst();
        int truncLen = -1;
        for (int pc = from; pc < to; pc += ActionProgram.size(code, pc)) {
            int op = (int) code[pc];
            switch (op) {
                case OUTPUT -> {
                    output(b, (int) code[pc + 1], code[pc + 2], truncLen, slots, count, ctx);
                    truncLen = -1;
                }
                case USERSPACE -> {
                    byte[] userdata = (byte[]) side[(int) code[pc + 2]];
                    for (int i = 0; i < count; i++) {
                        if (b.mbufs[slots[i]] != 0) {
                            ctx.userspace(slots[i], (int) code[pc + 1], userdata);
                        }
                    }
                }
                case SET_META -> {
                    int word = (int) code[pc + 1];
                    long value = code[pc + 2];
                    long mask = code[pc + 3];
                    for (int i = 0; i < count; i++) {
                        int k = slots[i] * W + word;
                        b.keys[k] = b.keys[k] & ~mask | value & mask;
                    }
                }
                case RECIRC -> recirc(b, (int) code[pc + 1], code[pc + 2], slots, count, ctx);
                case HASH -> hash(b, (int) code[pc + 1], (int) code[pc + 2], slots, count);
                case CLONE -> {
                    int n = (int) code[pc + 1];
                    clone(code, pc + 2, pc + 2 + n, side, slots, count, ctx, pc + 2 + n == to, -1L);
                }
                case SAMPLE -> {
                    int n = (int) code[pc + 2];
                    clone(code, pc + 3, pc + 3 + n, side, slots, count, ctx, false, code[pc + 1]);
                }
                case TRUNC -> truncLen = (int) code[pc + 1];
                case METER -> {
                    int id = (int) code[pc + 1];
                    for (int i = 0; i < count; i++) {
                        long m = b.mbufs[slots[i]];
                        if (m != 0 && !ctx.meter(id, Mbuf.pktLen(m))) {
                            ctx.mbufs().free(m);
                            b.mbufs[slots[i]] = 0;
                            ctx.drop(DropReason.METER, 1);
                        }
                    }
                }
                case TNL_PUSH -> tunnelPush(b, (TunnelHeader) side[(int) code[pc + 1]], slots, count, ctx);
                case TNL_POP -> tunnelPop(b, (int) code[pc + 1], code[pc + 2], slots, count, ctx);
                default -> HeaderActions.apply(code, pc, b, slots, count, ctx);
            }
        }
    }

    private static void output(Burst b, int port, long flags, int truncLen, int[] slots, int count,
                               ExecContext ctx) {
        for (int i = 0; i < count; i++) {
            int s = slots[i];
            long m = b.mbufs[s];
            if (m == 0) {
                continue;
            }
            if (flags == STEAL) {
                if (truncLen >= 0) {
                    MbufOps.truncate(m, truncLen);
                }
                b.mbufs[s] = 0;
                ctx.output(port, m);
            } else if (flags == SHARE && truncLen < 0) {
                ctx.mbufs().ref(m);
                ctx.output(port, m);
            } else {
                long c = MbufOps.copy(m, ctx.mbufs(), truncLen);
                if (c == 0) {
                    ctx.drop(DropReason.NO_MBUF, 1);
                } else {
                    ctx.output(port, c);
                }
            }
        }
    }

    private static void recirc(Burst b, int id, long flags, int[] slots, int count, ExecContext ctx) {
        for (int i = 0; i < count; i++) {
            int s = consumable(b, slots[i], flags, ctx);
            if (s >= 0) {
                ctx.recirculate(s, id);
                b.mbufs[s] = 0;
                releaseCopySlot(b, s, slots[i]);
            }
        }
    }

    private static void hash(Burst b, int alg, int basis, int[] slots, int count) {
        for (int i = 0; i < count; i++) {
            int base = slots[i] * W;
            int h = alg == DpAction.Hash.SYM_L4 ? symmetricL4(b.keys, base, basis)
                    : FlowHash.hash5tuple(b.keys, base) ^ basis;
            b.keys[base + FlowKey.W_DP_HASH] = FlowKey.pairWord(h, (int) b.keys[base + FlowKey.W_DP_HASH]);
        }
    }

    /**
     * A hash of the L4 5-tuple that is the same for both directions of a connection (odp
     * {@code hash(sym_l4(basis))}): addresses and ports are combined order-independently.
     */
    static int symmetricL4(long[] k, int base, int basis) {
        long nw = k[base + FlowKey.W_NW];
        long tp = k[base + FlowKey.W_TP];
        long v6 = k[base + FlowKey.W_IPV6_SRC] ^ k[base + FlowKey.W_IPV6_DST]
                ^ k[base + FlowKey.W_IPV6_SRC + 1] ^ k[base + FlowKey.W_IPV6_DST + 1];
        int addr = (int) (nw >>> 32) ^ (int) nw ^ (int) v6 ^ (int) (v6 >>> 32);
        int ports = (int) (tp >>> 48) ^ (int) (tp >>> 32) & 0xffff;
        int h = basis ^ FlowKey.nwProto(k, base) * 0x9e3779b1;
        h = Integer.rotateLeft(h ^ addr * 0xcc9e2d51, 15) * 0x1b873593;
        h = Integer.rotateLeft(h ^ ports * 0xcc9e2d51, 13) * 5 + 0xe6546b64;
        h ^= h >>> 16;
        h *= 0x85ebca6b;
        h ^= h >>> 13;
        return h;
    }

    /**
     * Runs a nested program on copies of the packets (all of them, or each with probability
     * {@code probability}/2^32 when it is not negative). When the clone is the last instruction
     * it runs on the packets themselves.
     */
    private void clone(long[] code, int from, int to, Object[] side, int[] slots, int count, ExecContext ctx,
                       boolean inPlace, long probability) {
        Burst b = ctx.burst();
        if (inPlace && probability < 0) {
            run(code, from, to, side, slots, count, ctx);
            return;
        }
        int first = b.takeScratch(count);
        if (first < 0) {
            ctx.drop(DropReason.NO_MBUF, count);
            return;
        }
        if (depth == MAX_NESTING) {
            b.releaseScratch(first);
            ctx.drop(DropReason.NO_MBUF, count);
            return;
        }
        int[] copies = cloneSlots[depth++];
        int n = 0;
        for (int i = 0; i < count; i++) {
            long m = b.mbufs[slots[i]];
            if (m == 0 || probability >= 0 && (ctx.random() & 0xffffffffL) >= probability) {
                continue;
            }
            long c = MbufOps.copy(m, ctx.mbufs(), -1);
            if (c == 0) {
                ctx.drop(DropReason.NO_MBUF, 1);
                continue;
            }
            int s = first + n;
            b.copySlotState(slots[i], s);
            b.mbufs[s] = c;
            copies[n++] = s;
        }
        if (n > 0) {
            run(code, from, to, side, copies, n, ctx);
            freeLeft(copies, n, ctx);
        }
        depth--;
        b.releaseScratch(first);
    }

    /** Encapsulates each packet in place; the actions after it (the output) send the outer packet. */
    private static void tunnelPush(Burst b, TunnelHeader h, int[] slots, int count, ExecContext ctx) {
        for (int i = 0; i < count; i++) {
            int s = slots[i];
            long m = b.mbufs[s];
            if (m != 0 && !TunnelEncap.push(m, h, b.hashes[s], b.keys, s * W, b.layers, s * 3)) {
                ctx.mbufs().free(m);
                b.mbufs[s] = 0;
                ctx.drop(DropReason.TUNNEL, 1);
            }
        }
    }

    /**
     * Decapsulates each packet for vport {@code port} and recirculates it with the vport as
     * in_port; a packet that fails a check is dropped and counted by reason ({@link TunnelDecap}).
     */
    private static void tunnelPop(Burst b, int port, long flags, int[] slots, int count, ExecContext ctx) {
        TunnelVport v = ctx.tunnelVport(port);
        for (int i = 0; i < count; i++) {
            int s = consumable(b, slots[i], flags, ctx);
            if (s >= 0) {
                long m = b.mbufs[s];
                int r = v == null ? DropReason.TUNNEL_PORT
                        : TunnelDecap.pop(m, v, port, b.keys, s * W, b.layers[s * 3 + 1]);
                if (r == TunnelDecap.OK) {
                    ctx.recirculate(s, 0);
                } else {
                    ctx.mbufs().free(m);
                    ctx.drop(r, 1);
                }
                b.mbufs[s] = 0;
                releaseCopySlot(b, s, slots[i]);
            }
        }
    }

    /**
     * The slot holding the packet a consuming instruction may take: the packet's own slot when it
     * steals, else a scratch slot with a copy (released by {@link #releaseCopySlot}); -1 if the
     * packet is gone or no copy could be made.
     */
    private static int consumable(Burst b, int slot, long flags, ExecContext ctx) {
        long m = b.mbufs[slot];
        if (m == 0) {
            return -1;
        }
        if (flags == STEAL) {
            return slot;
        }
        int scratch = b.takeScratch(1);
        long c = scratch < 0 ? 0 : MbufOps.copy(m, ctx.mbufs(), -1);
        if (c == 0) {
            if (scratch >= 0) {
                b.releaseScratch(scratch);
            }
            ctx.drop(DropReason.NO_MBUF, 1);
            return -1;
        }
        b.copySlotState(slot, scratch);
        b.mbufs[scratch] = c;
        return scratch;
    }

    private static void releaseCopySlot(Burst b, int used, int original) {
        if (used != original) {
            b.releaseScratch(used);
        }
    }

    /**
     * Frees the packets no instruction took. Not a drop in the counters' sense: a program that sent
     * a packet on by sharing it ends holding its own reference, which goes here.
     */
    private static void freeLeft(int[] slots, int count, ExecContext ctx) {
        Burst b = ctx.burst();
        for (int i = 0; i < count; i++) {
            long m = b.mbufs[slots[i]];
            if (m != 0) {
                ctx.mbufs().free(m);
                b.mbufs[slots[i]] = 0;
            }
        }
    }

    private static void dropAll(int[] slots, int count, ExecContext ctx, int reason) {
        Burst b = ctx.burst();
        int n = 0;
        for (int i = 0; i < count; i++) {
            long m = b.mbufs[slots[i]];
            if (m != 0) {
                ctx.mbufs().free(m);
                b.mbufs[slots[i]] = 0;
                n++;
            }
        }
        ctx.drop(reason, n);
    }
}
