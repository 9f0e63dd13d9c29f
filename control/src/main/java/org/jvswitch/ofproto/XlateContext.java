package org.jvswitch.ofproto;

import java.util.ArrayList;
import java.util.List;
import org.jvswitch.dataplane.action.DpAction;
import org.jvswitch.dataplane.flow.FlowField;
import org.jvswitch.dataplane.flow.FlowKey;

/**
 * The state of one translation (Open vSwitch's xlate_ctx): the flow as the pipeline has changed
 * it, the flow as the datapath packet still is ({@code base}), the wildcards (the fields the
 * translation depended on: the megaflow's mask), and the datapath actions emitted so far.
 *
 * <p>{@link #commit()} brings the packet up to date before anything sends it on: it emits
 * datapath set actions (and VLAN pops and pushes) for every field the pipeline changed. A field
 * the pipeline wrote has its original value matched exactly in the megaflow
 * ({@link #written}), so emitting only the difference is right for every packet the megaflow
 * covers. Single-threaded: one translation on one thread.
 */
final class XlateContext {
    /** Fields a set action can change in the datapath, in the order sets are emitted. */
    private static final FlowField[] SETTABLE = {FlowField.ETH_SRC, FlowField.ETH_DST, FlowField.MPLS_LSE,
        FlowField.NW_SRC, FlowField.NW_DST, FlowField.NW_TOS, FlowField.NW_TTL, FlowField.IPV6_SRC, FlowField.IPV6_DST,
        FlowField.IPV6_LABEL, FlowField.TP_SRC, FlowField.TP_DST, FlowField.ARP_SHA, FlowField.ARP_THA,
        FlowField.PKT_MARK, FlowField.SKB_PRIORITY, FlowField.TUN_ID, FlowField.TUN_SRC, FlowField.TUN_DST,
        FlowField.TUN_TOS, FlowField.TUN_TTL, FlowField.TUN_FLAGS, FlowField.TUN_TP_SRC, FlowField.TUN_TP_DST};

    final Xlate xlate;
    Ofproto bridge;
    final long[] flow;
    final long[] base;
    final long[] wc = new long[OfKey.WORDS];
    /** Bits of the flow the pipeline wrote (they become exact in the megaflow). */
    final long[] written = new long[OfKey.WORDS];
    final List<DpAction> actions = new ArrayList<>();
    final List<OfRule> rules = new ArrayList<>();
    /** MACs NORMAL learned on the way (the megaflow's xlate cache). */
    final List<LearnedMac> learned = new ArrayList<>();
    /** Groups and buckets the translation went through: their statistics follow the megaflow's. */
    final List<Xlate.Counters> counters = new ArrayList<>();
    final List<OfAction> actionSet = new ArrayList<>();
    final boolean sideEffects;
    final long nowMillis;
    /** The packet, for packet-ins made during translation; null in revalidation. */
    final byte[] packet;
    final int packetLength;
    int depth;
    int resubmits;
    int table;
    boolean exit;
    /** Running a table-miss rule (priority 0, matches everything): its packet-ins say NO_MATCH. */
    boolean tableMissRule;
    /** ofproto/trace's listener, or null. */
    Xlate.Tracer tracer;

    /** Records what the translation did beyond the tables (native tunneling) for ofproto/trace. */
    void note(String text) {
        if (tracer != null) {
            tracer.note(depth, text);
        }
    }

    XlateContext(Xlate xlate, Ofproto bridge, long[] flow, boolean sideEffects, byte[] packet, int packetLength,
                 long nowMillis) {
        this.xlate = xlate;
        this.bridge = bridge;
        this.flow = flow;
        this.base = flow.clone();
        this.sideEffects = sideEffects;
        this.packet = packet;
        this.packetLength = packetLength;
        this.nowMillis = nowMillis;
        FlowField.IN_PORT.exact(wc, 0);
        FlowField.RECIRC_ID.exact(wc, 0);
    }

    int inPort() {
        return FlowKey.inPort(flow, 0);
    }

    /** Marks the bits of a word as consulted. */
    void unwildcard(int word, long bits) {
        wc[word] |= bits;
    }

    void unwildcard(FlowField f) {
        f.exact(wc, 0);
    }

    /** Records that the pipeline wrote these bits of a word. */
    void wrote(int word, long bits) {
        written[word] |= bits;
    }

    /** Emits datapath actions that make the packet match {@link #flow}; then base = flow. */
    void commit() {
        commitVlan();
        for (FlowField f : SETTABLE) {
            boolean differs = false;
            for (int i = 0; i < f.words; i++) {
                long m = f.words == 2 ? -1L : f.wordMask;
                differs |= ((flow[f.word + i] ^ base[f.word + i]) & m) != 0;
            }
            if (!differs) {
                continue;
            }
            if (f.words == 2) {
                actions.add(new DpAction.SetField(f, new long[] {flow[f.word], flow[f.word + 1]},
                        new long[] {-1L, -1L}));
            } else {
                actions.add(DpAction.SetField.of(f, f.get(flow, 0)));
            }
            // The datapath must know the header is there for the set to apply as translated.
            if (f.word >= FlowKey.W_L3_META && f.word <= FlowKey.W_ARP_THA) {
                FlowField.ETH_TYPE.exact(wc, 0);
                if (f == FlowField.TP_SRC || f == FlowField.TP_DST) {
                    FlowField.NW_PROTO.exact(wc, 0);
                    FlowField.NW_FRAG.exact(wc, 0);
                }
            }
        }
        for (int i = 0; i < FlowKey.WORDS; i++) {
            wc[i] |= written[i];
        }
        System.arraycopy(flow, 0, base, 0, FlowKey.WORDS);
    }

    private void commitVlan() {
        long now = flow[FlowKey.W_VLAN];
        long was = base[FlowKey.W_VLAN];
        if (now == was) {
            return;
        }
        FlowField.VLAN0_TCI.exact(wc, 0);
        FlowField.VLAN0_TPID.exact(wc, 0);
        int wasTci = (int) FlowField.VLAN0_TCI.get(base, 0);
        int nowTci = (int) FlowField.VLAN0_TCI.get(flow, 0);
        if ((wasTci & FlowKey.VLAN_CFI) != 0) {
            actions.add(new DpAction.PopVlan());
        }
        if ((nowTci & FlowKey.VLAN_CFI) != 0) {
            int tpid = (int) FlowField.VLAN0_TPID.get(flow, 0);
            actions.add(new DpAction.PushVlan(tpid == 0 ? FlowKey.ETH_TYPE_VLAN : tpid, nowTci));
        }
    }

    /** A copy of the flow, to restore after a clone-like branch (group bucket, patch port). */
    long[] saveFlow() {
        return flow.clone();
    }

    void restoreFlow(long[] saved) {
        System.arraycopy(saved, 0, flow, 0, OfKey.WORDS);
    }
}
