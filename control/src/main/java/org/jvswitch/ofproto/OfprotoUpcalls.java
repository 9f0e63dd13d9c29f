package org.jvswitch.ofproto;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jvswitch.coverage.Coverage;
import org.jvswitch.coverage.CoverageCounter;
import org.jvswitch.dataplane.flow.FlowKey;
import org.jvswitch.dataplane.flow.Ufid;
import org.jvswitch.dpif.DpifFlows;
import org.jvswitch.dpif.UpcallHandler;
import org.jvswitch.pmd.Upcall;

/**
 * The datapath's upcall handler for the bridges (Open vSwitch's ofproto-dpif-upcall): a miss is
 * translated through its bridge's OpenFlow pipeline, and the megaflow to install comes back with
 * the actions to execute on the packet; a userspace action's packet is a packet-in for the
 * bridge's controllers or a BPDU for spanning tree.
 *
 * <p>It remembers, per megaflow, the OpenFlow rules the translation went through, so the
 * revalidators can push datapath statistics to them. Runs on the upcall handler threads.
 */
public final class OfprotoUpcalls implements UpcallHandler {
    private static final CoverageCounter XLATE = Coverage.counter("xlate_actions");
    private static final CoverageCounter PACKET_IN = Coverage.counter("ofproto_packet_in");
    private static final CoverageCounter BPDUS = Coverage.counter("stp_bpdu_in");

    private final Xlate xlate;
    private final BridgeRegistry bridges;
    /** A megaflow's last translation and the bridge version it was made at (read before translating). */
    private record Translated(Xlate.Result result, long version) {
    }

    private final Map<Ufid, Translated> byFlow = new ConcurrentHashMap<>();
    private volatile BpduHandler bpdus = (b, p, f, l) -> { };

    public OfprotoUpcalls(Xlate xlate, BridgeRegistry bridges) {
        this.xlate = xlate;
        this.bridges = bridges;
    }

    public void setBpduHandler(BpduHandler h) {
        bpdus = h;
    }

    /** The rules a megaflow went through when it was last translated (empty if unknown). */
    public List<OfRule> rulesOf(Ufid ufid) {
        Translated t = byFlow.get(ufid);
        return t == null ? List.of() : t.result().rules();
    }

    /** What translating a megaflow last went through (rules, groups, MACs), or null if unknown. */
    Xlate.Result translationOf(Ufid ufid) {
        Translated t = byFlow.get(ufid);
        return t == null ? null : t.result();
    }

    /**
     * The bridge version a megaflow's last translation was made at, or -1 if unknown: the
     * revalidators re-translate it only once the bridge has changed since.
     */
    long versionOf(Ufid ufid) {
        Translated t = byFlow.get(ufid);
        return t == null ? -1 : t.version();
    }

    /** The MACs NORMAL learned translating a megaflow (empty if unknown). */
    List<LearnedMac> learnedOf(Ufid ufid) {
        Translated t = byFlow.get(ufid);
        return t == null ? List.of() : t.result().learned();
    }

    /**
     * Records what translating megaflow {@code ufid} went through (rules, learned MACs) and the
     * bridge version read before that translation.
     */
    public void remember(Ufid ufid, Xlate.Result translation, long version) {
        byFlow.put(ufid, new Translated(translation, version));
    }

    public void forget(Ufid ufid) {
        byFlow.remove(ufid);
    }

    @Override
    public Result handle(Upcall u) {
        if (u.type == Upcall.MISS) {
            XLATE.inc();
            Ofproto bridge = xlate.bridgeOf(u.key);
            long version = bridge == null ? -1 : bridge.version();
            Xlate.Result r = xlate.translate(u.key, u.packet, u.packetLength, true, System.currentTimeMillis());
            if (r == null) {
                return null;
            }
            long[] masked = new long[FlowKey.WORDS];
            for (int i = 0; i < FlowKey.WORDS; i++) {
                masked[i] = u.key[i] & r.mask()[i];
            }
            remember(DpifFlows.ufidOf(masked, r.mask()), r, version);
            // The missed packet itself counts for the rules it went through (as OVS's upcall
            // translation does); the megaflow's later packets come through the revalidator.
            r.count(1, u.originalLength > 0 ? u.originalLength : u.packetLength, System.currentTimeMillis());
            return new Result(r.actions(), r.mask());
        }
        Userdata ud = Userdata.decode(u.userdata);
        Ofproto bridge = ud == null ? null : bridges.byId(ud.bridgeId());
        if (bridge == null) {
            return null;
        }
        if (ud.type() == Userdata.CONTROLLER) {
            PACKET_IN.inc();
            OfPort in = bridge.portByOdp(FlowKey.inPort(u.key, 0));
            long[] key = OfKey.fromDatapath(u.key, 0, in == null ? OfKey.OFPP_NONE : in.ofport());
            bridge.tlvMap().fromGeneve(key);
            int len = Math.min(u.packetLength, ud.maxLen());
            int reason = ud.explicitMiss() ? PacketInSink.REASON_EXPLICIT_MISS : ud.reason();
            bridge.sink().packetIn(bridge, u.packet, len, u.originalLength, key, reason, ud.table(), ud.cookie(),
                    ud.maxLen(), ud.controllerId());
        } else if (ud.type() == Userdata.BPDU) {
            BPDUS.inc();
            bpdus.receive(bridge, ud.ofport(), u.packet, u.packetLength);
        } else if (ud.type() == Userdata.NEIGH_SNOOP) {
            xlate.snoopNeighbor(bridge, ud.ofport(), u.key);
        }
        return new Result(List.of(), null);
    }
}
