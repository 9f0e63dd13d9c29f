package org.jvswitch.openflow.handler;

import io.netty.buffer.ByteBuf;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jvswitch.ofproto.FlowMod;
import org.jvswitch.ofproto.OfAction;
import org.jvswitch.ofproto.OfError;
import org.jvswitch.ofproto.OfGroup;
import org.jvswitch.ofproto.OfGroups;
import org.jvswitch.ofproto.OfKey;
import org.jvswitch.ofproto.OfMeter;
import org.jvswitch.ofproto.OfRule;
import org.jvswitch.ofproto.Ofproto;
import org.jvswitch.openflow.codec.GroupCodec;
import org.jvswitch.openflow.codec.OfCodecException;
import org.jvswitch.openflow.codec.OfWire;
import org.jvswitch.openflow.conn.OfConnection;
import org.projectfloodlight.openflow.protocol.OFMeterFlags;
import org.projectfloodlight.openflow.protocol.OFMeterMod;
import org.projectfloodlight.openflow.protocol.meterband.OFMeterBand;
import org.projectfloodlight.openflow.protocol.meterband.OFMeterBandDrop;
import org.projectfloodlight.openflow.protocol.meterband.OFMeterBandDscpRemark;

/**
 * Group-mods (our codec: buckets hold actions) and meter-mods (openflowj). Deleting a group or
 * a meter removes the flows that use it, as OpenFlow says; every change bumps the bridge so
 * the revalidators re-translate.
 */
final class GroupMeterMessages {
    void groupMod(OfConnection c, ByteBuf frame) {
        if (c.version() == OfWire.OF10) {
            throw new OfCodecException(OfError.Type.BAD_REQUEST, "BAD_TYPE", "no groups in OpenFlow 1.0");
        }
        groupMod(c, GroupCodec.read(frame.duplicate().skipBytes(OfWire.HEADER), c.version()));
    }

    /** Applies a decoded group-mod (OpenFlow 1.1+, or Nicira's NXT_GROUP_MOD in 1.0). */
    void groupMod(OfConnection c, GroupCodec.GroupMod gm) {
        Ofproto br = c.manager().bridge();
        long now = System.currentTimeMillis();
        switch (gm.command()) {
            case ADD, MODIFY -> {
                for (OfGroup.Bucket b : gm.buckets()) {
                    for (OfAction a : b.actions()) {
                        if (a instanceof OfAction.Group g && br.groups().get(g.groupId()) == null) {
                            throw new OfCodecException(OfError.Type.GROUP_MOD_FAILED, "CHAINED_GROUP",
                                    "bucket refers to unknown group " + Integer.toUnsignedString(g.groupId()));
                        }
                    }
                }
                OfGroup g = OfGroup.of(gm.groupId(), gm.type(), gm.buckets(), now);
                if (gm.command() == GroupCodec.Command.ADD) {
                    br.groups().add(g);
                } else {
                    br.groups().modify(g);
                }
            }
            case DELETE -> {
                List<Integer> ids = new ArrayList<>();
                if (gm.groupId() == OfGroups.ALL) {
                    br.groups().all().forEach(g -> ids.add(g.id()));
                } else {
                    ids.add(gm.groupId());
                }
                br.groups().delete(gm.groupId());
                for (int id : ids) {
                    br.flowMod(new FlowMod(FlowMod.Command.DELETE, FlowMod.ALL_TABLES, new long[OfKey.WORDS],
                            new long[OfKey.WORDS], 0, 0, 0, 0, 0, 0, 0, OfKey.OFPP_ANY, id, List.of()), now);
                }
            }
            default -> throw new OfCodecException(OfError.Type.GROUP_MOD_FAILED, "BAD_COMMAND", "" + gm.command());
        }
        br.bump();
    }

    void meterMod(OfConnection c, ByteBuf frame) {
        if (c.version() < OfWire.OF13) {
            throw new OfCodecException(OfError.Type.BAD_REQUEST, "BAD_TYPE", "no meters before OpenFlow 1.3");
        }
        OFMeterMod mm = (OFMeterMod) Ofj.parse(frame, c.version());
        Ofproto br = c.manager().bridge();
        int id = (int) mm.getMeterId();
        long now = System.currentTimeMillis();
        switch (mm.getCommand()) {
            case ADD -> br.meters().add(id, flags(mm.getFlags()), bands(mm), now);
            case MODIFY -> br.meters().modify(id, flags(mm.getFlags()), bands(mm), now);
            case DELETE -> {
                for (int gone : br.meters().delete(id)) {
                    deleteFlowsUsing(br, gone, now);
                }
            }
            default -> throw new OfCodecException(OfError.Type.METER_MOD_FAILED, "BAD_COMMAND", "" + mm.getCommand());
        }
        br.bump();
    }

    private static void deleteFlowsUsing(Ofproto br, int meter, long now) {
        for (OfRule r : br.rules(FlowMod.ALL_TABLES)) {
            if (r.actions().stream().anyMatch(a -> a instanceof OfAction.Meter m && m.meterId() == meter)) {
                br.flowMod(new FlowMod(FlowMod.Command.DELETE_STRICT, r.table(), r.key(), r.mask(), r.priority(), 0, 0,
                        0, 0, 0, 0, OfKey.OFPP_ANY, FlowMod.ANY_GROUP, List.of()), now);
            }
        }
    }

    private static int flags(Set<OFMeterFlags> s) {
        int f = 0;
        for (OFMeterFlags x : s) {
            f |= switch (x) {
                case KBPS -> OfMeter.KBPS;
                case PKTPS -> OfMeter.PKTPS;
                case BURST -> OfMeter.BURST;
                case STATS -> OfMeter.STATS;
            };
        }
        return f;
    }

    private static List<OfMeter.Band> bands(OFMeterMod mm) {
        List<OFMeterBand> in;
        try {
            in = mm.getBands();
        } catch (UnsupportedOperationException e) {
            in = mm.getMeters();
        }
        List<OfMeter.Band> out = new ArrayList<>();
        for (OFMeterBand b : in) {
            if (b instanceof OFMeterBandDrop d) {
                out.add(new OfMeter.Band(OfMeter.DROP, d.getRate(), d.getBurstSize(), 0));
            } else if (b instanceof OFMeterBandDscpRemark d) {
                out.add(new OfMeter.Band(OfMeter.DSCP_REMARK, d.getRate(), d.getBurstSize(), d.getPrecLevel()));
            } else {
                throw new OfCodecException(OfError.Type.METER_MOD_FAILED, "BAD_BAND", "band type " + b.getType());
            }
        }
        return out;
    }
}
