package org.jvswitch.ofproto;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jvswitch.coverage.Coverage;
import org.jvswitch.coverage.CoverageCounter;
import org.jvswitch.dataplane.action.DpAction;
import org.jvswitch.dataplane.flow.FlowField;
import org.jvswitch.dataplane.flow.FlowKey;
import org.jvswitch.dataplane.flow.Miniflow;
import org.jvswitch.dataplane.odp.OdpFlags;
import org.jvswitch.dataplane.tunnel.TunnelHeader;
import org.jvswitch.dataplane.tunnel.TunnelHeaderBuilder;
import org.jvswitch.tnl.IpAddrs;
import org.jvswitch.tnl.NeighborPackets;
import org.jvswitch.tnl.OvsRouter;
import org.jvswitch.tnl.TunnelConfig;
import org.jvswitch.tnl.TunnelNeighbors;
import org.jvswitch.tnl.TunnelPorts;
import org.jvswitch.tnl.TunnelService;
import org.jvswitch.vlog.Vlog;
import org.jvswitch.vlog.VlogRateLimiter;
import org.slf4j.Logger;

/**
 * Native tunneling in translation (Open vSwitch's native_tunnel_output, terminate_native_tunnel
 * and tnl_port_receive): what {@link Xlate} does for tunnel ports and for the packets of local
 * tunnel endpoints.
 *
 * <ul>
 * <li><b>Encapsulation</b>, on output to a tunnel port: the tunnel's destination (remote_ip, or
 *     tun_dst for remote_ip=flow), key (out_key, or tun_id), TOS (ECN always from the inner
 *     packet) and TTL; the route to the destination ({@link OvsRouter}: output bridge, gateway,
 *     source); the next hop's MAC ({@link TunnelNeighbors}; on a miss an ARP request or neighbour
 *     solicitation goes out of the output bridge and the packet is dropped). Then
 *     {@code clone(tnl_push(tnl_port(vport),header(...),out_port(P)), <the outer packet's
 *     actions>)}: the outer packet is translated through the output bridge's pipeline as if it
 *     came in from its port P (usually the bridge's LOCAL port, so NORMAL sends it out of the
 *     uplink). The outer translation's wildcards are its own business and stay out of the
 *     megaflow; the tunnel's inputs (flow-based fields, eth_type, ECN) go in.</li>
 * <li><b>Decapsulation</b>, on output to an internal port: a packet for one of that port's
 *     addresses and MAC, to a tunnel vport's UDP port (or GRE), becomes {@code tnl_pop(vport)}
 *     instead. The datapath strips it and recirculates it with in_port = the vport, and
 *     {@link #translateReceived} finds the tunnel port by its metadata and runs that port's
 *     bridge. A packet no tunnel port takes gets a drop megaflow.</li>
 * <li><b>Neighbour snooping</b>, on output to an internal port: an ARP reply or neighbour
 *     advertisement for one of the port's addresses teaches the neighbour cache.</li>
 * </ul>
 *
 * What it did goes to the trace ({@link XlateContext#note}, {@link Xlate.Tracer#note}) in
 * ofproto/trace's words ("output to native tunnel", "tunneling to ... via ...", "tunneling from
 * ... to ...", "neighbor cache miss ...", "tunnel terminated: tnl_pop(N)").
 * Thread-safe; the neighbour requests go out from a thread of their own ("tnl-neigh"), and are
 * repeated once a second while a next hop stays unresolved (see {@link #requestNeighbor}).
 */
public final class TunnelXlate {
    private static final Logger LOG = Vlog.module("tunnel");
    private static final VlogRateLimiter RL = new VlogRateLimiter(LOG, 5, 20);
    private static final CoverageCounter NO_ROUTE = Coverage.counter("tunnel_no_route");
    private static final CoverageCounter NEIGH_MISS = Coverage.counter("tunnel_neighbor_miss");
    private static final CoverageCounter NO_PORT = Coverage.counter("tunnel_receive_no_port");

    /** Executes a packet with datapath actions (the datapath's control-path execute). */
    @FunctionalInterface
    public interface PacketExecutor {
        void execute(byte[] packet, int len, long[] key, List<DpAction> actions);
    }

    /** How long requests for a next hop that missed keep going out (once a second) without a new miss. */
    private static final long RETRY_MILLIS = 60_000;

    /** A next hop being resolved: where its requests go out and until when. */
    private record Pending(Xlate xlate, String bridge, int odp, byte[] frame, long untilMillis) {
    }

    private final TunnelService tunnels;
    private final PacketExecutor executor;
    private final ScheduledExecutorService requests = Executors.newSingleThreadScheduledExecutor(
            r -> Thread.ofPlatform().name("tnl-neigh").daemon(true).unstarted(r));
    private final Map<InetAddress, Pending> pending = new ConcurrentHashMap<>();

    /** @param executor where ARP requests and neighbour solicitations are sent through (null: never sent) */
    public TunnelXlate(TunnelService tunnels, PacketExecutor executor) {
        this.tunnels = tunnels;
        this.executor = executor;
        requests.scheduleWithFixedDelay(this::retry, 1, 1, TimeUnit.SECONDS);
        // Geneve options a bridge's TLV map names are known: critical ones are no longer dropped.
        TlvMap.onChange(tunnels.ports()::setKnownGeneveOptions);
    }

    public TunnelService service() {
        return tunnels;
    }

    /** Whether datapath port {@code odp} is a tunnel vport (its packets were decapsulated). */
    boolean isVport(int odp) {
        return tunnels.ports().isVport(odp);
    }

    /**
     * The bridge a decapsulated packet's tunnel port is on; for a packet no port takes, a bridge
     * with a port on that vport (its drop megaflow is revalidated and ages there), else null.
     */
    Ofproto bridgeOf(Xlate x, long[] dpKey) {
        int odp = FlowKey.inPort(dpKey, 0);
        TunnelPorts.Port tp = tunnels.ports().receive(odp, dpKey);
        if (tp == null) {
            tp = tunnels.ports().ports().stream().filter(p -> p.vport() == odp).findFirst().orElse(null);
        }
        return tp == null ? null : x.bridges().byPortName(tp.name());
    }

    // ---- decapsulated packets ----

    /** Translates a packet that came in on a tunnel vport (see the class comment). */
    Xlate.Result translateReceived(Xlate x, long[] dpKey, byte[] packet, int packetLength, boolean sideEffects,
                                   long nowMillis, Xlate.Tracer tracer) {
        TunnelPorts.Port tp = tunnels.ports().receive(FlowKey.inPort(dpKey, 0), dpKey);
        Ofproto bridge = tp == null ? null : x.bridges().byPortName(tp.name());
        OfPort in = bridge == null ? null : bridge.portByName(tp.name());
        long[] flow = OfKey.fromDatapath(dpKey, 0, in == null ? OfKey.OFPP_NONE : in.ofport());
        if (bridge != null) {
            bridge.tlvMap().fromGeneve(flow);
        }
        XlateContext ctx = new XlateContext(x, bridge, flow, sideEffects, packet, packetLength, nowMillis);
        ctx.tracer = tracer;
        unwildcardReceive(ctx, dpKey);
        if (in == null) {
            NO_PORT.inc();
            if (sideEffects && RL.shouldLog()) {
                LOG.warn("receive tunnel port not found ({})", describeTunnel(dpKey));
            }
            ctx.note("no tunnel port for " + describeTunnel(dpKey) + ", dropping");
            return Xlate.result(ctx);
        }
        ctx.note("tunnel " + tp.name() + " received " + describeTunnel(dpKey));
        int ethType = FlowKey.ethType(flow, 0);
        if ((FlowField.TUN_TOS.get(flow, 0) & 3) == 3
                && (ethType == FlowKey.ETH_TYPE_IP || ethType == FlowKey.ETH_TYPE_IPV6)) {
            // RFC 6040: CE on the outer header marks the inner packet, or drops it if not ECN-capable.
            ctx.unwildcard(FlowField.ETH_TYPE);
            ctx.unwildcard(FlowKey.W_L3_META, 3L << 16);
            long tos = FlowField.NW_TOS.get(flow, 0);
            if ((tos & 3) == 0) {
                if (sideEffects && RL.shouldLog()) {
                    LOG.warn("dropping tunnel packet marked ECN CE but is not ECN capable");
                }
                ctx.note("dropping tunnel packet marked ECN CE but is not ECN capable");
                return Xlate.result(ctx);
            }
            FlowField.NW_TOS.set(flow, 0, tos | 3);
        }
        if (!in.noRecv()) {
            x.runTable(ctx, 0);
            x.runActionSet(ctx);
        }
        // The tun_metadata fields the pipeline consulted are Geneve option bytes in the megaflow.
        bridge.tlvMap().geneveWildcards(dpKey, ctx.wc);
        return Xlate.result(ctx);
    }

    /** The tunnel fields the receive lookup used are part of the megaflow (as OVS's tnl_wc_init). */
    private static void unwildcardReceive(XlateContext ctx, long[] k) {
        ctx.unwildcard(FlowField.TUN_ID);
        if (FlowField.TUN_SRC.get(k, 0) != 0 || FlowField.TUN_DST.get(k, 0) != 0) {
            ctx.unwildcard(FlowField.TUN_SRC);
            ctx.unwildcard(FlowField.TUN_DST);
        } else {
            ctx.unwildcard(FlowField.TUN_IPV6_SRC);
            ctx.unwildcard(FlowField.TUN_IPV6_DST);
        }
        ctx.unwildcard(FlowField.TUN_TOS);
        ctx.unwildcard(FlowKey.W_TUN_META, (long) (OdpFlags.TUN_F_DF | OdpFlags.TUN_F_CSUM | OdpFlags.TUN_F_KEY) << 48);
    }

    private static String describeTunnel(long[] k) {
        boolean v4 = FlowField.TUN_SRC.get(k, 0) != 0 || FlowField.TUN_DST.get(k, 0) != 0;
        InetAddress src = v4 ? IpAddrs.ipv4((int) FlowField.TUN_SRC.get(k, 0))
                : IpAddrs.ipv6(k[FlowKey.W_TUN_IPV6_SRC], k[FlowKey.W_TUN_IPV6_SRC + 1]);
        InetAddress dst = v4 ? IpAddrs.ipv4((int) FlowField.TUN_DST.get(k, 0))
                : IpAddrs.ipv6(k[FlowKey.W_TUN_IPV6_DST], k[FlowKey.W_TUN_IPV6_DST + 1]);
        return "tun_id=0x" + Long.toHexString(k[FlowKey.W_TUN_ID]) + ",tun_src=" + IpAddrs.format(src) + ",tun_dst="
                + IpAddrs.format(dst) + " on datapath port " + FlowKey.inPort(k, 0);
    }

    // ---- output ----

    /**
     * Output to {@code p}: encapsulates for a tunnel port, decapsulates a tunnel packet for a local
     * endpoint, snoops neighbours. True when it handled the output (nothing else to emit).
     */
    boolean output(XlateContext ctx, OfPort p) {
        if (TunnelConfig.isTunnel(p.type())) {
            TunnelPorts.Port tp = tunnels.ports().port(p.name());
            if (tp == null) {
                ctx.note("tunnel port " + p.name() + " is not configured, dropping");
            } else {
                encapsulate(ctx, p, tp);
            }
            return true;
        }
        if (!"internal".equals(p.type())) {
            return false;
        }
        int vport = terminate(ctx, p);
        if (vport >= 0) {
            ctx.commit();
            ctx.actions.add(new DpAction.TunnelPop(vport));
            ctx.note("tunnel terminated: tnl_pop(" + vport + ")");
            return true;
        }
        snoop(ctx, p);
        return false;
    }

    /** The vport a packet output to internal port {@code p} is a tunnel packet for, or -1. */
    private int terminate(XlateContext ctx, OfPort p) {
        long[] f = ctx.flow;
        ctx.unwildcard(FlowField.ETH_TYPE);
        int ethType = FlowKey.ethType(f, 0);
        if (ethType != FlowKey.ETH_TYPE_IP && ethType != FlowKey.ETH_TYPE_IPV6) {
            return -1;
        }
        ctx.unwildcard(FlowField.NW_PROTO);
        int proto = FlowKey.nwProto(f, 0);
        int vport;
        if (proto == FlowKey.IPPROTO_UDP) {
            ctx.unwildcard(FlowField.TP_DST);
            vport = tunnels.ports().udpVport((int) FlowField.TP_DST.get(f, 0));
        } else if (proto == FlowKey.IPPROTO_GRE) {
            vport = tunnels.ports().greVport();
        } else {
            return -1;
        }
        if (vport < 0) {
            return -1;
        }
        ctx.unwildcard(FlowField.NW_FRAG);
        if (FlowKey.nwFrag(f, 0) != 0) {
            return -1;
        }
        InetAddress dst;
        if (ethType == FlowKey.ETH_TYPE_IP) {
            ctx.unwildcard(FlowField.NW_DST);
            dst = IpAddrs.ipv4((int) FlowField.NW_DST.get(f, 0));
        } else {
            ctx.unwildcard(FlowField.IPV6_DST);
            dst = IpAddrs.ipv6(f[FlowKey.W_IPV6_DST], f[FlowKey.W_IPV6_DST + 1]);
        }
        if (!tunnels.router().isLocalAddress(p.name(), dst)) {
            return -1;
        }
        ctx.unwildcard(FlowField.ETH_DST);
        return FlowField.ETH_DST.get(f, 0) == p.mac() ? vport : -1;
    }

    /**
     * ARP replies and neighbour advertisements on their way to an internal port: a copy of each
     * goes up ({@link Userdata#NEIGH_SNOOP}) for the neighbour cache. Every one, not only the
     * first of a megaflow: a cached flow must not hide the reply to the next request (an entry
     * that aged out, an address configured after the first reply).
     */
    private void snoop(XlateContext ctx, OfPort p) {
        long[] f = ctx.flow;
        int ethType = FlowKey.ethType(f, 0);
        boolean candidate;
        if (ethType == FlowKey.ETH_TYPE_ARP) {
            ctx.unwildcard(FlowField.NW_PROTO);
            candidate = FlowKey.nwProto(f, 0) == 2;
        } else if (ethType == FlowKey.ETH_TYPE_IPV6 && FlowKey.nwProto(f, 0) == FlowKey.IPPROTO_ICMPV6) {
            ctx.unwildcard(FlowField.NW_PROTO);
            ctx.unwildcard(FlowField.TP_SRC);
            candidate = FlowField.TP_SRC.get(f, 0) == 136;
        } else {
            return;
        }
        if (candidate) {
            ctx.commit();
            ctx.actions.add(new DpAction.Userspace(0, Userdata.neighSnoop(ctx.bridge.id(), p.ofport())));
            if (ctx.sideEffects) {
                snoop(ctx.bridge, p, f);
            }
        }
    }

    /** Learns from an ARP reply or neighbour advertisement (its key) for an address of internal port {@code p}. */
    void snoop(Ofproto bridge, OfPort p, long[] k) {
        int ethType = FlowKey.ethType(k, 0);
        if (ethType == FlowKey.ETH_TYPE_ARP && FlowKey.nwProto(k, 0) == 2) {
            long sha = FlowField.ARP_SHA.get(k, 0);
            InetAddress tpa = IpAddrs.ipv4((int) FlowField.NW_DST.get(k, 0));
            if (sha != 0 && tunnels.router().isLocalAddress(p.name(), tpa)) {
                tunnels.neighbors().learn(bridge.name(), IpAddrs.ipv4((int) FlowField.NW_SRC.get(k, 0)), sha);
            }
        } else if (ethType == FlowKey.ETH_TYPE_IPV6 && FlowKey.nwProto(k, 0) == FlowKey.IPPROTO_ICMPV6
                && FlowField.TP_SRC.get(k, 0) == 136) {
            long tll = FlowField.ARP_THA.get(k, 0);
            InetAddress dst = IpAddrs.ipv6(k[FlowKey.W_IPV6_DST], k[FlowKey.W_IPV6_DST + 1]);
            if (tll != 0 && (tunnels.router().isLocalAddress(p.name(), dst) || dst.isMulticastAddress())) {
                tunnels.neighbors().learn(bridge.name(), IpAddrs.ipv6(k[FlowKey.W_ND_TARGET], k[FlowKey.W_ND_TARGET + 1]),
                        tll);
            }
        }
    }

    private void encapsulate(XlateContext ctx, OfPort port, TunnelPorts.Port tp) {
        TunnelConfig c = tp.config();
        long[] f = ctx.flow;
        ctx.note("output to native tunnel");
        InetAddress dst = c.remote();
        if (dst == null) {
            if (FlowField.TUN_DST.get(f, 0) != 0) {
                ctx.unwildcard(FlowField.TUN_DST);
                dst = IpAddrs.ipv4((int) FlowField.TUN_DST.get(f, 0));
            } else if (FlowField.TUN_IPV6_DST.isNonZero(f, 0)) {
                ctx.unwildcard(FlowField.TUN_IPV6_DST);
                dst = IpAddrs.ipv6(f[FlowKey.W_TUN_IPV6_DST], f[FlowKey.W_TUN_IPV6_DST + 1]);
            } else {
                ctx.unwildcard(FlowField.TUN_DST);
                ctx.unwildcard(FlowField.TUN_IPV6_DST);
                ctx.note("native tunnel: remote_ip=flow and no tun_dst, dropping");
                return;
            }
        }
        long mark = c.egressMark() >= 0 ? c.egressMark() : 0;
        OvsRouter.Route route = tunnels.router().lookup(dst, mark);
        if (route == null) {
            NO_ROUTE.inc();
            ctx.note("native tunnel routing failed for " + IpAddrs.format(dst));
            return;
        }
        Ofproto outBridge = ctx.xlate.bridges().byPortName(route.dev());
        OfPort out = outBridge == null ? null : outBridge.portByName(route.dev());
        if (out == null) {
            NO_ROUTE.inc();
            ctx.note("native tunnel: no bridge port " + route.dev() + " for the route to " + IpAddrs.format(dst));
            return;
        }
        ctx.note("tunneling to " + IpAddrs.format(dst) + " via " + route.dev());
        InetAddress src = c.local();
        if (src == null && c.localFlow()) {
            if (IpAddrs.isV4(dst) && FlowField.TUN_SRC.get(f, 0) != 0) {
                ctx.unwildcard(FlowField.TUN_SRC);
                src = IpAddrs.ipv4((int) FlowField.TUN_SRC.get(f, 0));
            } else if (!IpAddrs.isV4(dst) && FlowField.TUN_IPV6_SRC.isNonZero(f, 0)) {
                ctx.unwildcard(FlowField.TUN_IPV6_SRC);
                src = IpAddrs.ipv6(f[FlowKey.W_TUN_IPV6_SRC], f[FlowKey.W_TUN_IPV6_SRC + 1]);
            }
        }
        if (src == null) {
            src = route.src();
        }
        InetAddress nextHop = route.gw() != null ? route.gw() : dst;
        long dmac = tunnels.neighbors().lookup(nextHop, outBridge.name());
        if (dmac < 0) {
            NEIGH_MISS.inc();
            ctx.note("neighbor cache miss for " + IpAddrs.format(nextHop) + " on bridge " + outBridge.name()
                    + ", sending " + (IpAddrs.isV4(nextHop) ? "ARP" : "NS") + " request");
            requestNeighbor(ctx.xlate, outBridge, out, src, nextHop);
            return;
        }
        ctx.note("tunneling from " + TunnelNeighbors.formatMac(out.mac()) + " " + IpAddrs.format(src) + " to "
                + TunnelNeighbors.formatMac(dmac) + " " + IpAddrs.format(dst));

        ctx.unwildcard(FlowField.ETH_TYPE);
        int ethType = FlowKey.ethType(f, 0);
        boolean innerIp = ethType == FlowKey.ETH_TYPE_IP || ethType == FlowKey.ETH_TYPE_IPV6;
        int tos = c.tos() == TunnelConfig.INHERIT ? 0 : c.tos();
        if (innerIp) {
            long nwTos = FlowField.NW_TOS.get(f, 0);
            if (c.tos() == TunnelConfig.INHERIT) {
                ctx.unwildcard(FlowField.NW_TOS);
                tos = (int) nwTos;
            } else {
                ctx.unwildcard(FlowKey.W_L3_META, 3L << 16); // ECN is always inherited
                tos = tos & ~3 | (int) nwTos & 3;
            }
        }
        int ttl = c.ttl();
        if (ttl == TunnelConfig.INHERIT) {
            if (innerIp) {
                ctx.unwildcard(FlowField.NW_TTL);
                ttl = (int) FlowField.NW_TTL.get(f, 0);
            } else {
                ttl = TunnelConfig.DEFAULT_TTL;
            }
        }
        long key = c.outKey();
        if (c.outKeyFlow()) {
            ctx.unwildcard(FlowField.TUN_ID);
            key = f[FlowKey.W_TUN_ID];
        }
        TunnelHeaderBuilder h = new TunnelHeaderBuilder().eth(dmac, out.mac());
        if (IpAddrs.isV4(dst)) {
            h.ipv4(IpAddrs.v4(src), IpAddrs.v4(dst), tos, ttl, c.dfDefault());
        } else {
            h.ipv6(IpAddrs.v6(src, 0), IpAddrs.v6(src, 1), IpAddrs.v6(dst, 0), IpAddrs.v6(dst, 1), tos, ttl);
        }
        switch (c.type()) {
            case "vxlan" -> h.vxlan(c.dstPort(), key, c.csum());
            case "geneve" -> {
                TlvMap map = ctx.bridge.tlvMap();
                byte[] options;
                if (map.isEmpty()) {
                    // No TLV map: the options that came in go out as they are.
                    int optLen = (int) FlowField.GENEVE_LEN.get(f, 0);
                    if (optLen > 0) {
                        ctx.unwildcard(FlowKey.W_GENEVE_LEN, -1L);
                        for (int w = 0; w < (optLen + 7) / 8; w++) {
                            ctx.unwildcard(FlowKey.W_GENEVE_OPTS + w, -1L);
                        }
                    }
                    options = geneveOptions(f, optLen);
                } else {
                    // The tun_metadata fields present become the options (as OVS: unmapped ones are lost).
                    ctx.unwildcard(OfKey.W_TUN_MD_PRESENT, -1L);
                    for (TlvMap.Entry e : map.entries()) {
                        if (TlvMap.present(f, e.index())) {
                            for (int i = 0; i < e.len(); i++) {
                                TlvMap.setMdByte(ctx.wc, e.offset() + i, 0xff);
                            }
                        }
                    }
                    options = map.toGeneve(f);
                }
                ctx.unwildcard(FlowKey.W_TUN_META, (long) OdpFlags.TUN_F_OAM << 48);
                boolean oam = (FlowField.TUN_FLAGS.get(f, 0) & OdpFlags.TUN_F_OAM) != 0;
                h.geneve(c.dstPort(), key, c.csum(), options, oam);
            }
            default -> {
                int proto = c.legacyL3() ? ethType : 0x6558;
                if (c.legacyL3() && !innerIp) {
                    ctx.note("legacy_l3 tunnel " + port.name() + " carries only IPv4 and IPv6, dropping");
                    return;
                }
                h.gre(proto, c.outKeyFlow() || c.outKeyPresent(), key, c.csum(), c.seq());
            }
        }
        DpAction.TunnelPush push = h.push(tp.vport(), out.odpPort());
        // The inner packet's own changes go out first; its tunnel metadata is consumed here, never set.
        for (int w = FlowKey.W_TUN_ID; w < FlowKey.W_ETH_DST; w++) {
            ctx.base[w] = f[w];
        }
        for (int w = FlowKey.W_GENEVE_LEN; w < FlowKey.WORDS; w++) {
            ctx.base[w] = f[w];
        }
        ctx.commit();
        underlay(ctx, outBridge, out, push);
    }

    private static byte[] geneveOptions(long[] f, int len) {
        int n = Math.min(len, FlowKey.GENEVE_OPTS_MAX_BYTES) & ~3;
        byte[] b = new byte[n];
        for (int i = 0; i < n; i++) {
            b[i] = (byte) (f[FlowKey.W_GENEVE_OPTS + i / 8] >>> (56 - 8 * (i % 8)));
        }
        return b;
    }

    /**
     * Runs the outer packet through the output bridge from port {@code out}, collecting its
     * actions after the push inside a clone; the inner translation's state comes back as it was.
     */
    private void underlay(XlateContext ctx, Ofproto outBridge, OfPort out, DpAction.TunnelPush push) {
        Xlate x = ctx.xlate;
        int mark = ctx.actions.size();
        ctx.actions.add(push);
        Ofproto savedBridge = ctx.bridge;
        long[] savedFlow = ctx.flow.clone();
        long[] savedBase = ctx.base.clone();
        long[] savedWc = ctx.wc.clone();
        long[] savedWritten = ctx.written.clone();
        List<OfAction> savedSet = new ArrayList<>(ctx.actionSet);
        int savedTable = ctx.table;
        boolean savedExit = ctx.exit;

        long[] outer = outerFlow(push, out.ofport());
        System.arraycopy(outer, 0, ctx.flow, 0, OfKey.WORDS);
        System.arraycopy(outer, 0, ctx.base, 0, OfKey.WORDS);
        ctx.actionSet.clear();
        ctx.bridge = outBridge;
        ctx.depth++;
        x.runTable(ctx, 0);
        x.runActionSet(ctx);
        ctx.depth--;

        List<DpAction> nested = new ArrayList<>(ctx.actions.subList(mark, ctx.actions.size()));
        ctx.actions.subList(mark, ctx.actions.size()).clear();
        ctx.bridge = savedBridge;
        System.arraycopy(savedFlow, 0, ctx.flow, 0, OfKey.WORDS);
        System.arraycopy(savedBase, 0, ctx.base, 0, OfKey.WORDS);
        System.arraycopy(savedWc, 0, ctx.wc, 0, OfKey.WORDS);
        System.arraycopy(savedWritten, 0, ctx.written, 0, OfKey.WORDS);
        ctx.actionSet.clear();
        ctx.actionSet.addAll(savedSet);
        ctx.table = savedTable;
        ctx.exit = savedExit;
        if (nested.size() > 1) {
            ctx.actions.add(new DpAction.Clone(nested));
        } else {
            ctx.note("native tunnel: the underlay bridge " + outBridge.name() + " sends the outer packet nowhere");
        }
    }

    /** The OpenFlow key of the outer packet a tnl_push makes, from port {@code inOfport} (UDP source port 0). */
    static long[] outerFlow(DpAction.TunnelPush push, int inOfport) {
        long[] k = new long[OfKey.WORDS];
        TunnelHeader.of(push).outerKey(k, 0);
        k[FlowKey.W_IN_PORT] = FlowKey.inPortWord(inOfport, 0);
        return k;
    }

    // ---- neighbour requests ----

    /**
     * Sends an ARP request or neighbour solicitation for {@code target} out of {@code out}'s bridge,
     * and keeps sending one a second for a while: the megaflow that missed is cached without the
     * tunnel output, so no further packet would come up to ask again. Once the neighbour is
     * learned the switch revalidates and that megaflow gets its tunnel output.
     */
    private void requestNeighbor(Xlate x, Ofproto outBridge, OfPort out, InetAddress src, InetAddress target) {
        if (executor == null) {
            return;
        }
        byte[] frame = IpAddrs.isV4(target) ? NeighborPackets.arpRequest(out.mac(), src, target)
                : NeighborPackets.neighborSolicitation(out.mac(), src, target);
        int odp = out.odpPort();
        pending.put(target, new Pending(x, outBridge.name(), odp, frame, System.currentTimeMillis() + RETRY_MILLIS));
        if (tunnels.neighbors().shouldRequest(target)) {
            requests.execute(() -> send(x, odp, frame));
        }
    }

    private void retry() {
        long now = System.currentTimeMillis();
        for (Map.Entry<InetAddress, Pending> e : pending.entrySet()) {
            Pending p = e.getValue();
            if (now > p.untilMillis() || tunnels.neighbors().lookup(e.getKey(), p.bridge()) >= 0) {
                pending.remove(e.getKey(), p);
            } else if (tunnels.neighbors().shouldRequest(e.getKey())) {
                send(p.xlate(), p.odp(), p.frame());
            }
        }
    }

    /** Sends {@code frame} as if it came in from datapath port {@code odp}: through that port's bridge. */
    private void send(Xlate x, int odp, byte[] frame) {
        try {
            long[] key = new long[FlowKey.WORDS];
            try (Arena arena = Arena.ofConfined()) {
                MemorySegment seg = arena.allocate(frame.length);
                MemorySegment.copy(frame, 0, seg, ValueLayout.JAVA_BYTE, 0, frame.length);
                Miniflow.extract(seg.address(), frame.length, key, 0, new int[3], 0);
            }
            key[FlowKey.W_IN_PORT] = FlowKey.inPortWord(odp, 0);
            Xlate.Result r = x.translate(key, frame, frame.length, true, System.currentTimeMillis());
            if (r != null && !r.actions().isEmpty()) {
                executor.execute(frame, frame.length, key, r.actions());
            }
        } catch (RuntimeException e) {
            if (RL.shouldLog()) {
                LOG.warn("sending a tunnel neighbor request: {}", e.toString());
            }
        }
    }
}
