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
    private final Map<Ufid, Xlate.Result> byFlow = new ConcurrentHashMap<>();
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
        Xlate.Result r = byFlow.get(ufid);
        return r == null ? List.of() : r.rules();
    }

    /** The MACs NORMAL learned translating a megaflow (empty if unknown). */
    List<LearnedMac> learnedOf(Ufid ufid) {
        Xlate.Result r = byFlow.get(ufid);
        return r == null ? List.of() : r.learned();
    }

    /** Records what translating megaflow {@code ufid} went through (rules, learned MACs). */
    public void remember(Ufid ufid, Xlate.Result translation) {
        byFlow.put(ufid, translation);
    }

    public void forget(Ufid ufid) {
        byFlow.remove(ufid);
    }

    @Override
    public Result handle(Upcall u) {
        if (u.type == Upcall.MISS) {
            XLATE.inc();
            Xlate.Result r = xlate.translate(u.key, u.packet, u.packetLength, true, System.currentTimeMillis());
            if (r == null) {
                return null;
            }
            long[] masked = new long[FlowKey.WORDS];
            for (int i = 0; i < FlowKey.WORDS; i++) {
                masked[i] = u.key[i] & r.mask()[i];
            }
            byFlow.put(DpifFlows.ufidOf(masked, r.mask()), r);
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
            int len = Math.min(u.packetLength, ud.maxLen());
            bridge.sink().packetIn(bridge, u.packet, len, u.originalLength, key, ud.reason(), ud.table(), ud.cookie(),
                    ud.maxLen(), ud.controllerId());
        } else if (ud.type() == Userdata.BPDU) {
            BPDUS.inc();
            bpdus.receive(bridge, ud.ofport(), u.packet, u.packetLength);
        }
        return new Result(List.of(), null);
    }
}
