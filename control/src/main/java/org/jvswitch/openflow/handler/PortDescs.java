package org.jvswitch.openflow.handler;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.jvswitch.ofproto.OfPort;
import org.jvswitch.openflow.codec.OfWire;
import org.projectfloodlight.openflow.protocol.OFFactory;
import org.projectfloodlight.openflow.protocol.OFPortConfig;
import org.projectfloodlight.openflow.protocol.OFPortDesc;
import org.projectfloodlight.openflow.protocol.OFPortFeatures;
import org.projectfloodlight.openflow.protocol.OFPortState;
import org.projectfloodlight.openflow.types.MacAddress;
import org.projectfloodlight.openflow.types.OFPort;

/**
 * Our ports as OpenFlow port descriptions (features reply, port-desc, port-status): number, MAC,
 * name, config (port_down, no_recv, no_fwd, no_flood in 1.0), state (link_down, live) and a
 * 10 Gb/s copper link, as OVS reports for DPDK ports whose speed it does not know.
 */
final class PortDescs {
    private static final long SPEED_KBPS = 10_000_000;

    private PortDescs() {
    }

    static OFPortDesc desc(OfPort p, int version) {
        OFFactory f = Ofj.factory(version);
        Set<OFPortConfig> config = EnumSet.noneOf(OFPortConfig.class);
        if (p.down()) {
            config.add(OFPortConfig.PORT_DOWN);
        }
        if (p.noRecv()) {
            config.add(OFPortConfig.NO_RECV);
        }
        if (p.noFwd()) {
            config.add(OFPortConfig.NO_FWD);
        }
        if (p.noFlood() && version == OfWire.OF10) {
            config.add(OFPortConfig.NO_FLOOD);
        }
        Set<OFPortState> state = EnumSet.noneOf(OFPortState.class);
        if (!p.linkUp()) {
            state.add(OFPortState.LINK_DOWN);
        } else if (version >= OfWire.OF11) {
            state.add(OFPortState.LIVE);
        }
        Set<OFPortFeatures> feats = EnumSet.of(OFPortFeatures.PF_10GB_FD, OFPortFeatures.PF_COPPER);
        String name = p.name().length() > 15 ? p.name().substring(0, 15) : p.name();
        OFPortDesc.Builder b = f.buildPortDesc().setPortNo(OFPort.of(OfWire.portTo32(p.ofport())))
                .setHwAddr(MacAddress.of(p.mac())).setName(name).setConfig(config).setState(state);
        if (version < OfWire.OF14) {
            b.setCurr(feats).setAdvertised(Set.of()).setSupported(Set.of()).setPeer(Set.of());
            if (version >= OfWire.OF11) {
                b.setCurrSpeed(SPEED_KBPS).setMaxSpeed(0);
            }
        } else {
            long bits = 1L << 6 | 1L << 11;   // 10GB_FD, COPPER
            b.setProperties(List.of(f.buildPortDescPropEthernet().setCurr(bits).setAdvertised(0).setSupported(0)
                    .setPeer(0).setCurrSpeed(SPEED_KBPS).setMaxSpeed(0).build()));
        }
        return b.build();
    }
}
