package org.jvswitch.ofproto;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jvswitch.dataplane.flow.FlowField;
import org.jvswitch.dataplane.flow.FlowKey;

/** Bridges for translation tests: ports by hand, keys by hand, no datapath. */
final class TestBridges implements Xlate.Bridges {
    final List<Ofproto> all = new ArrayList<>();

    Ofproto bridge(String name) {
        Ofproto b = new Ofproto(name, all.size() + 1, 0x1000 + all.size());
        all.add(b);
        return b;
    }

    static OfPort port(int ofport, int odp) {
        return new OfPort(ofport, "p" + ofport, odp, "system", null, VlanMode.TRUNK, -1, Set.of(), false, false, false,
                false, true, 0x0a00000000a0L + ofport);
    }

    static OfPort access(int ofport, int odp, int tag) {
        return new OfPort(ofport, "p" + ofport, odp, "system", null, VlanMode.ACCESS, tag, Set.of(), false, false,
                false, false, true, 0x0a00000000a0L + ofport);
    }

    static OfPort trunk(int ofport, int odp, Set<Integer> trunks) {
        return new OfPort(ofport, "p" + ofport, odp, "system", null, VlanMode.TRUNK, -1, trunks, false, false, false,
                false, true, 0x0a00000000a0L + ofport);
    }

    static OfPort patch(int ofport, String name, String peer) {
        return new OfPort(ofport, name, -1, "patch", peer, VlanMode.TRUNK, -1, Set.of(), false, false, false, false,
                true, 0x0a00000000b0L + ofport);
    }

    /** A datapath key: packet from datapath port {@code odp}, IPv4/UDP between the given MACs. */
    static long[] key(int odp, long src, long dst) {
        long[] k = new long[FlowKey.WORDS];
        k[FlowKey.W_IN_PORT] = FlowKey.inPortWord(odp, 0);
        k[FlowKey.W_ETH_DST] = FlowKey.ethDstWord(dst, FlowKey.ETH_TYPE_IP);
        k[FlowKey.W_ETH_SRC] = src << 16;
        k[FlowKey.W_L3_META] = FlowKey.l3MetaWord(0, 17, 0, 64, 0);
        k[FlowKey.W_NW] = FlowKey.pairWord(0x0a000001, 0x0a000002);
        k[FlowKey.W_TP] = FlowKey.tpWord(1000, 2000, 0);
        return k;
    }

    static long[] tagged(long[] key, int vid) {
        long[] k = key.clone();
        k[FlowKey.W_VLAN] = (long) FlowKey.ETH_TYPE_VLAN << 48 | (long) (FlowKey.VLAN_CFI | vid) << 32;
        return k;
    }

    /** A flow_mod ADD matching the given fields exactly. */
    static FlowMod add(int table, int priority, List<OfAction> actions, Object... fieldValues) {
        long[] key = new long[OfKey.WORDS];
        long[] mask = new long[OfKey.WORDS];
        for (int i = 0; i < fieldValues.length; i += 2) {
            FlowField f = (FlowField) fieldValues[i];
            f.set(key, 0, ((Number) fieldValues[i + 1]).longValue());
            f.exact(mask, 0);
        }
        return new FlowMod(FlowMod.Command.ADD, table, key, mask, priority, 0, 0, 0, 0, 0, 0, OfKey.OFPP_ANY,
                FlowMod.ANY_GROUP, actions);
    }

    @Override
    public Ofproto byOdpPort(int odpPort) {
        for (Ofproto b : all) {
            if (b.portByOdp(odpPort) != null) {
                return b;
            }
        }
        return null;
    }

    @Override
    public Ofproto byId(int id) {
        return all.stream().filter(b -> b.id() == id).findFirst().orElse(null);
    }

    @Override
    public Ofproto byPortName(String portName) {
        for (Ofproto b : all) {
            if (b.portByName(portName) != null) {
                return b;
            }
        }
        return null;
    }
}
