package org.jvswitch.ofproto;

import java.util.ArrayList;
import java.util.List;
import org.jvswitch.dataplane.action.DpAction;
import org.jvswitch.dataplane.flow.FlowField;
import org.jvswitch.dataplane.flow.FlowKey;

/**
 * Translation (Open vSwitch's ofproto-dpif-xlate): runs a flow through a bridge's OpenFlow
 * pipeline and comes out with datapath actions and a megaflow mask of exactly the fields the
 * pipeline consulted.
 *
 * <p>The tables are looked up under the bridge's read lock; outputs commit the flow's changes to
 * the packet first ({@link XlateContext#commit}); NORMAL is {@link NormalXlate}; patch ports
 * continue the translation in the peer bridge; packets for controllers and BPDUs for spanning
 * tree leave through datapath userspace actions. With side effects off (revalidation) nothing
 * is learned and nothing is sent to controllers. Thread-safe: any number of translations at
 * once.
 */
public final class Xlate {
    /** OVS's limits on recursion and work per translation. */
    static final int MAX_DEPTH = 64;
    static final int MAX_RESUBMITS = 4096;
    private static final long STP_DST = 0x0180c2000000L;

    /** Finds bridges: the one a datapath port belongs to, by name (patch peers), by id. */
    public interface Bridges {
        Ofproto byOdpPort(int odpPort);

        Ofproto byId(int id);

        /** The bridge holding a port of this name, or null. */
        Ofproto byPortName(String portName);
    }

    /**
     * @param mask     the megaflow mask over {@link FlowKey} words (in_port exact)
     * @param rules    the OpenFlow rules the flow went through (for statistics)
     */
    public record Result(List<DpAction> actions, long[] mask, List<OfRule> rules, List<LearnedMac> learned,
                         List<Counters> counters) {
        public Result(List<DpAction> actions, long[] mask, List<OfRule> rules, List<LearnedMac> learned) {
            this(actions, mask, rules, learned, List.of());
        }

        /** Adds packets that took this translation to its rules' and groups' statistics. */
        public void count(long packets, long bytes, long nowMillis) {
            for (OfRule r : rules) {
                r.addStats(packets, bytes, nowMillis);
            }
            for (Counters c : counters) {
                c.packets().addAndGet(packets);
                c.bytes().addAndGet(bytes);
            }
        }
    }

    /** Statistics a translation went through besides its rules': a group's, a bucket's. */
    public record Counters(java.util.concurrent.atomic.AtomicLong packets,
                           java.util.concurrent.atomic.AtomicLong bytes) {
    }

    private final Bridges bridges;
    /** Native tunneling (encapsulation, decapsulation, neighbour snooping); null: no tunnels. */
    private volatile TunnelXlate tunnels;

    public Xlate(Bridges bridges) {
        this.bridges = bridges;
    }

    public void setTunnels(TunnelXlate t) {
        tunnels = t;
    }

    /** A copy of an ARP reply or neighbour advertisement output to internal port {@code ofport}: native tunneling learns from it. */
    public void snoopNeighbor(Ofproto bridge, int ofport, long[] dpKey) {
        TunnelXlate t = tunnels;
        OfPort p = bridge.port(ofport);
        if (t != null && p != null) {
            t.snoop(bridge, p, dpKey);
        }
    }

    /**
     * The bridge a datapath flow's packets are translated in: the in_port's, or for a packet
     * decapsulated on a tunnel vport, its tunnel port's (null: none).
     */
    public Ofproto bridgeOf(long[] dpKey) {
        TunnelXlate t = tunnels;
        int odp = FlowKey.inPort(dpKey, 0);
        return t != null && t.isVport(odp) ? t.bridgeOf(this, dpKey) : bridges.byOdpPort(odp);
    }

    Bridges bridges() {
        return bridges;
    }

    /**
     * Translates a packet (or, with {@code packet} null, a megaflow being revalidated) that arrived
     * on datapath port {@code FlowKey.inPort(dpKey)}.
     *
     * @return null when no bridge has that port
     */
    public Result translate(long[] dpKey, byte[] packet, int packetLength, boolean sideEffects, long nowMillis) {
        return translate(dpKey, packet, packetLength, sideEffects, nowMillis, null);
    }

    /** Told each table lookup of a traced translation (ofproto/trace). */
    public interface Tracer {
        /** @param rule the rule found, or null for a miss */
        void lookup(int depth, Ofproto bridge, int table, OfRule rule);

        /** What the translation did beyond the tables (native tunneling's steps), as a "-> text" line. */
        default void note(int depth, String text) {
        }

        /** {@code lookups} for the table lookups, {@code notes} for the notes. */
        static Tracer withNotes(Tracer lookups, java.util.function.ObjIntConsumer<String> notes) {
            return new Tracer() {
                @Override
                public void lookup(int depth, Ofproto bridge, int table, OfRule rule) {
                    lookups.lookup(depth, bridge, table, rule);
                }

                @Override
                public void note(int depth, String text) {
                    notes.accept(text, depth);
                }
            };
        }
    }

    /** Translates without side effects, telling {@code tracer} every lookup; null if no bridge has the port. */
    public Result trace(long[] dpKey, Tracer tracer, long nowMillis) {
        return translate(dpKey, null, 0, false, nowMillis, tracer);
    }

    private Result translate(long[] dpKey, byte[] packet, int packetLength, boolean sideEffects, long nowMillis,
                             Tracer tracer) {
        TunnelXlate t = tunnels;
        if (t != null && t.isVport(FlowKey.inPort(dpKey, 0))) {
            return t.translateReceived(this, dpKey, packet, packetLength, sideEffects, nowMillis, tracer);
        }
        Ofproto bridge = bridges.byOdpPort(FlowKey.inPort(dpKey, 0));
        if (bridge == null) {
            return null;
        }
        OfPort in = bridge.portByOdp(FlowKey.inPort(dpKey, 0));
        long[] flow = OfKey.fromDatapath(dpKey, 0, in.ofport());
        XlateContext ctx = new XlateContext(this, bridge, flow, sideEffects, packet, packetLength, nowMillis);
        ctx.tracer = tracer;
        if (bridge.gate().enabled() && FlowField.ETH_DST.get(flow, 0) == STP_DST) {
            // A BPDU: spanning tree takes it (the slow path); it is never forwarded.
            ctx.unwildcard(FlowField.ETH_DST);
            ctx.actions.add(new DpAction.Userspace(0, Userdata.bpdu(bridge.id(), in.ofport())));
            return result(ctx);
        }
        if (!in.noRecv()) {
            runTable(ctx, 0);
            runActionSet(ctx);
        }
        return result(ctx);
    }

    /**
     * Translates a list of actions applied to a packet (a packet-out): {@code flow} is its
     * OpenFlow key, in_port the OpenFlow port it is said to come from.
     */
    public Result translateActions(Ofproto bridge, long[] flow, List<OfAction> actions, byte[] packet,
                                   int packetLength, long nowMillis) {
        XlateContext ctx = new XlateContext(this, bridge, flow, true, packet, packetLength, nowMillis);
        doActions(ctx, actions, 0);
        runActionSet(ctx);
        return result(ctx);
    }

    static Result result(XlateContext ctx) {
        long[] mask = new long[FlowKey.WORDS];
        System.arraycopy(ctx.wc, 0, mask, 0, FlowKey.WORDS);
        FlowField.IN_PORT.exact(mask, 0);
        FlowField.RECIRC_ID.exact(mask, 0);
        return new Result(List.copyOf(ctx.actions), mask, List.copyOf(ctx.rules), List.copyOf(ctx.learned),
                List.copyOf(ctx.counters));
    }

    /** Looks the flow up in table {@code t} and runs the rule found (or the table-miss behaviour). */
    void runTable(XlateContext ctx, int t) {
        if (ctx.depth >= MAX_DEPTH || ctx.resubmits++ >= MAX_RESUBMITS || ctx.exit) {
            ctx.exit = true;
            return;
        }
        OfTable table = ctx.bridge.table(t);
        OfRule rule;
        ctx.bridge.readLock().lock();
        try {
            rule = table.rules.lookup(ctx.flow, ctx.wc);
        } finally {
            ctx.bridge.readLock().unlock();
        }
        if (ctx.sideEffects) {
            table.lookups.incrementAndGet();
        }
        if (ctx.tracer != null) {
            ctx.tracer.lookup(ctx.depth, ctx.bridge, t, rule);
        }
        int savedTable = ctx.table;
        ctx.table = t;
        ctx.depth++;
        if (rule == null) {
            if (table.missToController) {
                controller(ctx, 0xffff, PacketInSink.REASON_NO_MATCH, 0, 0);
            }
        } else {
            if (ctx.sideEffects) {
                table.matched.incrementAndGet();
            }
            ctx.rules.add(rule);
            boolean savedMiss = ctx.tableMissRule;
            ctx.tableMissRule = rule.priority() == 0 && isCatchAll(rule.mask());
            doActions(ctx, rule.actions(), rule.cookie());
            ctx.tableMissRule = savedMiss;
        }
        ctx.depth--;
        ctx.table = savedTable;
    }

    private static boolean isCatchAll(long[] mask) {
        for (long m : mask) {
            if (m != 0) {
                return false;
            }
        }
        return true;
    }

    void doActions(XlateContext ctx, List<OfAction> actions, long cookie) {
        for (OfAction a : actions) {
            if (ctx.exit) {
                return;
            }
            switch (a) {
                case OfAction.Output o -> output(ctx, o.port(), o.maxLen(), cookie);
                case OfAction.Controller c -> controller(ctx, c.maxLen(), c.reason(), cookie, c.controllerId());
                case OfAction.SetField s -> FieldActions.setField(ctx, s);
                case OfAction.SetReg s -> FieldActions.setReg(ctx, s);
                case OfAction.SetTunMetadata s -> FieldActions.setTunMetadata(ctx, s);
                case OfAction.Move m -> FieldActions.move(ctx, m);
                case OfAction.PushVlan p -> VlanActions.push(ctx, p.tpid());
                case OfAction.PopVlan p -> VlanActions.pop(ctx);
                case OfAction.StripVlan p -> VlanActions.pop(ctx);
                case OfAction.SetVlanVid v -> VlanActions.setVid(ctx, v.vid(), v.pushIfNone());
                case OfAction.SetVlanPcp v -> VlanActions.setPcp(ctx, v.pcp(), v.pushIfNone());
                case OfAction.PushMpls p -> MplsActions.push(ctx, p.ethType());
                case OfAction.PopMpls p -> MplsActions.pop(ctx, p.ethType());
                case OfAction.DecTtl d -> {
                    if (!FieldActions.decTtl(ctx)) {
                        controller(ctx, 0xffff, PacketInSink.REASON_INVALID_TTL, cookie, 0);
                        ctx.exit = true;
                    }
                }
                case OfAction.DecMplsTtl d -> MplsActions.decTtl(ctx);
                case OfAction.SetMplsTtl s -> MplsActions.setTtl(ctx, s.ttl());
                case OfAction.CopyTtlOut c -> MplsActions.copyTtlOut(ctx);
                case OfAction.CopyTtlIn c -> MplsActions.copyTtlIn(ctx);
                case OfAction.Resubmit r -> resubmit(ctx, r.port(), r.table());
                case OfAction.Group g -> GroupXlate.group(ctx, g.groupId());
                case OfAction.SetQueue q -> { }
                case OfAction.GotoTable g -> runTable(ctx, g.table());
                case OfAction.WriteMetadata w -> {
                    ctx.flow[OfKey.W_METADATA] = ctx.flow[OfKey.W_METADATA] & ~w.mask() | w.value() & w.mask();
                }
                case OfAction.Meter m -> {
                    int dp = ctx.bridge.meters().datapathId(m.meterId());
                    if (dp >= 0) {
                        ctx.actions.add(new DpAction.Meter(dp));
                    }
                }
                case OfAction.ClearActions c -> ctx.actionSet.clear();
                case OfAction.WriteActions w -> ctx.actionSet.addAll(w.actions());
            }
        }
    }

    /** At the end of the pipeline, the action set: outputs and groups last, as OpenFlow orders it. */
    void runActionSet(XlateContext ctx) {
        if (ctx.actionSet.isEmpty()) {
            return;
        }
        List<OfAction> first = new ArrayList<>();
        List<OfAction> last = new ArrayList<>();
        for (OfAction a : ctx.actionSet) {
            (a instanceof OfAction.Output || a instanceof OfAction.Group ? last : first).add(a);
        }
        ctx.actionSet.clear();
        doActions(ctx, first, 0);
        doActions(ctx, last.isEmpty() ? last : List.of(last.getLast()), 0);
    }

    private void resubmit(XlateContext ctx, int port, int table) {
        int saved = ctx.inPort();
        if (port != OfKey.OFPP_IN_PORT) {
            setInPort(ctx.flow, port);
        }
        runTable(ctx, table == 0xff ? ctx.table : table);
        setInPort(ctx.flow, saved);
    }

    static void setInPort(long[] flow, int ofport) {
        flow[FlowKey.W_IN_PORT] = FlowKey.inPortWord(ofport, FlowKey.recircId(flow, 0));
    }

    /** OpenFlow output to a port, reserved or not. */
    void output(XlateContext ctx, int port, int maxLen, long cookie) {
        int in = ctx.inPort();
        switch (port) {
            case OfKey.OFPP_IN_PORT -> outputToPort(ctx, in);
            case OfKey.OFPP_TABLE -> runTable(ctx, 0);
            case OfKey.OFPP_NORMAL -> NormalXlate.normal(ctx);
            case OfKey.OFPP_FLOOD, OfKey.OFPP_ALL -> {
                for (OfPort p : ctx.bridge.ports()) {
                    if (p.ofport() != in && (port == OfKey.OFPP_ALL
                            || !p.noFlood() && ctx.bridge.gate().forwardPermitted(p.ofport()))) {
                        outputToPort(ctx, p.ofport());
                    }
                }
            }
            case OfKey.OFPP_CONTROLLER -> controller(ctx, maxLen, PacketInSink.REASON_ACTION, cookie, 0,
                    ctx.tableMissRule);
            case OfKey.OFPP_NONE -> { }
            default -> {
                if (port != in) {
                    outputToPort(ctx, port);
                }
            }
        }
    }

    /** Sends the packet out of one port of the current bridge (or on through a patch port). */
    void outputToPort(XlateContext ctx, int ofport) {
        OfPort p = ctx.bridge.port(ofport);
        if (p == null || p.noFwd() || p.down()) {
            return;
        }
        if (p.isPatch()) {
            patch(ctx, p);
            return;
        }
        TunnelXlate t = tunnels;
        if (t != null && t.output(ctx, p)) {
            return;
        }
        if (!p.linkUp()) {
            return;
        }
        ctx.commit();
        ctx.actions.add(new DpAction.Output(p.odpPort()));
    }

    /** A patch port: the translation continues in the peer's bridge, with the peer as in_port. */
    private void patch(XlateContext ctx, OfPort p) {
        Ofproto peerBridge = bridges.byPortName(p.patchPeer());
        OfPort peer = peerBridge == null ? null : peerBridge.portByName(p.patchPeer());
        if (peer == null || !peer.isPatch() || ctx.depth >= MAX_DEPTH) {
            return;
        }
        Ofproto savedBridge = ctx.bridge;
        long[] savedFlow = ctx.saveFlow();
        List<OfAction> savedSet = new ArrayList<>(ctx.actionSet);
        ctx.actionSet.clear();
        ctx.bridge = peerBridge;
        java.util.Arrays.fill(ctx.flow, OfKey.W_REGS, OfKey.WORDS, 0L);
        setInPort(ctx.flow, peer.ofport());
        ctx.depth++;
        runTable(ctx, 0);
        runActionSet(ctx);
        ctx.depth--;
        ctx.bridge = savedBridge;
        ctx.restoreFlow(savedFlow);
        ctx.actionSet.clear();
        ctx.actionSet.addAll(savedSet);
        // The packet itself is as the peer left it; the next output commits against that.
    }

    /** A packet for the controllers: every packet the megaflow covers goes up through the datapath. */
    void controller(XlateContext ctx, int maxLen, int reason, long cookie, int controllerId) {
        controller(ctx, maxLen, reason, cookie, controllerId, false);
    }

    /** @param explicitMiss output:CONTROLLER by a table-miss rule (NO_MATCH to OpenFlow 1.3+ controllers) */
    void controller(XlateContext ctx, int maxLen, int reason, long cookie, int controllerId, boolean explicitMiss) {
        ctx.commit();
        ctx.actions.add(new DpAction.Userspace(0, Userdata.controller(ctx.bridge.id(), reason, maxLen, ctx.table,
                cookie, controllerId, explicitMiss)));
    }
}
