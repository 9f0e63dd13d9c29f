package org.jvswitch.openflow.handler;

import io.netty.buffer.ByteBuf;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import org.jvswitch.dataplane.meter.DpMeter;
import org.jvswitch.netdev.NetdevStats;
import org.jvswitch.ofproto.OfAction;
import org.jvswitch.ofproto.OfError;
import org.jvswitch.ofproto.OfGroup;
import org.jvswitch.ofproto.OfGroups;
import org.jvswitch.ofproto.OfKey;
import org.jvswitch.ofproto.OfMeter;
import org.jvswitch.ofproto.OfMeters;
import org.jvswitch.ofproto.OfPort;
import org.jvswitch.ofproto.OfRule;
import org.jvswitch.ofproto.Ofproto;
import org.jvswitch.openflow.codec.FlowStatsCodec;
import org.jvswitch.openflow.codec.GroupCodec;
import org.jvswitch.openflow.codec.MultipartWriter;
import org.jvswitch.openflow.codec.OfCodecException;
import org.jvswitch.openflow.codec.OfWire;
import org.jvswitch.openflow.conn.OfConnection;
import org.jvswitch.vswitchd.Version;
import org.projectfloodlight.openflow.protocol.OFFactory;
import org.projectfloodlight.openflow.protocol.OFGroupCapabilities;
import org.projectfloodlight.openflow.protocol.OFMeterConfigStatsRequest;
import org.projectfloodlight.openflow.protocol.OFMeterFlags;
import org.projectfloodlight.openflow.protocol.OFMeterStatsRequest;
import org.projectfloodlight.openflow.protocol.OFMessage;
import org.projectfloodlight.openflow.protocol.OFPortStatsEntry;
import org.projectfloodlight.openflow.protocol.OFPortStatsRequest;
import org.projectfloodlight.openflow.protocol.OFGroupStatsRequest;
import org.projectfloodlight.openflow.protocol.OFStatsRequest;
import org.projectfloodlight.openflow.protocol.OFTableStatsEntry;
import org.projectfloodlight.openflow.protocol.meterband.OFMeterBand;
import org.projectfloodlight.openflow.types.OFGroup;
import org.projectfloodlight.openflow.types.OFPort;
import org.projectfloodlight.openflow.types.TableId;
import org.projectfloodlight.openflow.types.U64;

/**
 * Multipart (statistics) requests: flow and aggregate through {@link FlowMessages}; group
 * descriptions through our codec (they hold actions); desc, table, table-features, port,
 * port-desc, queue, group, group-features, meter, meter-config and meter-features through
 * openflowj. Nicira's NXST_FLOW and NXST_AGGREGATE come here from {@link NxMessages}.
 */
final class StatsMessages {
    private static final int MP_PORT_DESC = 13;
    private final FlowMessages flows;

    StatsMessages(FlowMessages flows) {
        this.flows = flows;
    }

    void multipart(OfConnection c, ByteBuf frame, int xid) {
        int v = c.version();
        ByteBuf b = frame.duplicate().skipBytes(OfWire.HEADER);
        OfWire.need(b, v == OfWire.OF10 ? 4 : 8, "multipart request");
        int type = b.readUnsignedShort();
        b.skipBytes(2);
        if (v != OfWire.OF10) {
            b.skipBytes(4);
        }
        switch (type) {
            case OfWire.MP_FLOW -> flows.flowStats(c, v == OfWire.OF10 ? FlowStatsCodec.readOf10(b)
                    : FlowStatsCodec.readOf11(b), xid, false);
            case OfWire.MP_AGGREGATE -> flows.aggregate(c, v == OfWire.OF10 ? FlowStatsCodec.readOf10(b)
                    : FlowStatsCodec.readOf11(b), xid, false);
            case OfWire.MP_VENDOR -> vendor(c, b, xid);
            case MP_PORT_DESC -> {
                // Our own framing: OpenFlow 1.0 has port-desc only as Open vSwitch's extension.
                MultipartWriter w = new MultipartWriter(v, MP_PORT_DESC, xid, -1);
                for (OfPort p : c.manager().bridge().ports()) {
                    ByteBuf e = io.netty.buffer.Unpooled.buffer(64);
                    PortDescs.desc(p, v).writeTo(e);
                    w.add(e);
                }
                c.send(w.finish());
            }
            case OfWire.MP_GROUP_DESC -> {
                requireGroups(v);
                MultipartWriter w = new MultipartWriter(v, OfWire.MP_GROUP_DESC, xid, -1);
                for (org.jvswitch.ofproto.OfGroup g : c.manager().bridge().groups().all()) {
                    w.add(GroupCodec.descEntry(g, v));
                }
                c.send(w.finish());
            }
            default -> {
                if (type > (v == OfWire.OF10 ? 5 : 13)) {
                    throw new OfCodecException(OfError.Type.BAD_REQUEST, "BAD_MULTIPART", "multipart type " + type);
                }
                openflowj(c, frame, xid);
            }
        }
    }

    private void vendor(OfConnection c, ByteBuf b, int xid) {
        OfWire.need(b, 8, "vendor stats request");
        int vendor = b.readInt();
        int subtype = b.readInt();
        if (vendor != OfWire.NX_VENDOR || c.version() != OfWire.OF10) {
            throw new OfCodecException(OfError.Type.BAD_REQUEST, "BAD_EXPERIMENTER", "stats vendor 0x"
                    + Integer.toHexString(vendor));
        }
        b.skipBytes(Math.min(4, b.readableBytes()));
        nxStats(c, subtype, b, xid);
    }

    /** NXST_FLOW (0) and NXST_AGGREGATE (1); {@code b} is at the request body. */
    void nxStats(OfConnection c, int subtype, ByteBuf b, int xid) {
        switch (subtype) {
            case 0 -> flows.flowStats(c, FlowStatsCodec.readNx(b), xid, true);
            case 1 -> flows.aggregate(c, FlowStatsCodec.readNx(b), xid, true);
            case 7, 8 -> {
                // NXST_GROUP and NXST_GROUP_DESC: group_id (4) | pad (4); OpenFlow 1.3 stats and 1.5 descriptions.
                OfWire.need(b, 4, "Nicira group request");
                int id = b.readInt();
                MultipartWriter w = new MultipartWriter(c.version(), OfWire.MP_VENDOR, xid, subtype);
                long now = System.currentTimeMillis();
                List<OfRule> rules = subtype == 7 ? c.manager().bridge().rules(0xff) : List.of();
                for (org.jvswitch.ofproto.OfGroup g : c.manager().bridge().groups().all()) {
                    if (id == OfGroups.ALL || g.id() == id) {
                        w.add(subtype == 8 ? GroupCodec.descEntry(g, OfWire.OF15, c.version())
                                : GroupCodec.statsEntry(g, rules.stream().filter(r -> refersTo(r.actions(), g.id()))
                                .count(), now));
                    }
                }
                c.send(w.finish());
            }
            default -> throw new OfCodecException(OfError.Type.BAD_REQUEST, "BAD_EXP_TYPE", "Nicira stats " + subtype);
        }
    }

    private static void requireGroups(int v) {
        if (v == OfWire.OF10) {
            throw new OfCodecException(OfError.Type.BAD_REQUEST, "BAD_MULTIPART", "no groups in OpenFlow 1.0");
        }
    }

    private static void requireMeters(int v) {
        if (v < OfWire.OF13) {
            throw new OfCodecException(OfError.Type.BAD_REQUEST, "BAD_MULTIPART", "no meters before OpenFlow 1.3");
        }
    }

    private void openflowj(OfConnection c, ByteBuf frame, int xid) {
        int v = c.version();
        OFMessage m = Ofj.parse(frame, v);
        if (!(m instanceof OFStatsRequest<?> req)) {
            throw new OfCodecException(OfError.Type.BAD_REQUEST, "BAD_MULTIPART", "not a stats request");
        }
        OFFactory f = Ofj.factory(v);
        Ofproto br = c.manager().bridge();
        switch (req.getStatsType()) {
            case DESC -> c.send(f.buildDescStatsReply().setXid(xid).setMfrDesc("jvswitch")
                    .setHwDesc("jvswitch userspace datapath (DPDK)")
                    .setSwDesc(Version.JVSWITCH + " (Open vSwitch " + Version.OVS_COMPAT + " compatible)")
                    .setSerialNum("None").setDpDesc(br.name()).build());
            case TABLE -> c.send(f.buildTableStatsReply().setXid(xid).setEntries(tableStats(br, v)).build());
            case TABLE_FEATURES -> c.send(TableFeatures.reply(v, br, xid));
            case PORT -> c.send(f.buildPortStatsReply().setXid(xid)
                    .setEntries(portStats(c, ((OFPortStatsRequest) req).getPortNo().getPortNumber())).build());
            case QUEUE -> c.send(f.buildQueueStatsReply().setXid(xid).setEntries(List.of()).build());
            case GROUP -> {
                requireGroups(v);
                c.send(f.buildGroupStatsReply().setXid(xid)
                        .setEntries(groupStats(f, br, ((OFGroupStatsRequest) req).getGroup().getGroupNumber(), v))
                        .build());
            }
            case GROUP_FEATURES -> {
                requireGroups(v);
                long actions = 0x03ffffffL;
                c.send(f.buildGroupFeaturesStatsReply().setXid(xid).setTypes(0xf)
                        .setCapabilities(EnumSet.of(OFGroupCapabilities.SELECT_WEIGHT,
                                OFGroupCapabilities.SELECT_LIVENESS, OFGroupCapabilities.CHAINING))
                        .setMaxGroupsAll(OfGroups.MAX).setMaxGroupsSelect(OfGroups.MAX)
                        .setMaxGroupsIndirect(OfGroups.MAX).setMaxGroupsFf(OfGroups.MAX).setActionsAll(actions)
                        .setActionsSelect(actions).setActionsIndirect(actions).setActionsFf(actions).build());
            }
            case METER -> {
                requireMeters(v);
                c.send(f.buildMeterStatsReply().setXid(xid)
                        .setEntries(Meters.stats(f, br, (int) ((OFMeterStatsRequest) req).getMeterId())).build());
            }
            case METER_CONFIG -> {
                requireMeters(v);
                c.send(f.buildMeterConfigStatsReply().setXid(xid)
                        .setEntries(Meters.config(f, br, (int) ((OFMeterConfigStatsRequest) req).getMeterId()))
                        .build());
            }
            case METER_FEATURES -> {
                requireMeters(v);
                c.send(f.buildMeterFeaturesStatsReply().setXid(xid).setFeatures(f.buildMeterFeatures()
                        .setMaxMeter(OfMeters.DP_METERS - 1).setBandTypes(1 << OfMeter.DROP | 1 << OfMeter.DSCP_REMARK)
                        .setCapabilities(0xf).setMaxBands((short) 8).setMaxColor((short) 0).build()).build());
            }
            default -> throw new OfCodecException(OfError.Type.BAD_REQUEST, "BAD_MULTIPART",
                    "multipart type " + req.getStatsType());
        }
    }

    private static List<OFTableStatsEntry> tableStats(Ofproto br, int v) {
        OFFactory f = Ofj.factory(v);
        List<OFTableStatsEntry> out = new ArrayList<>();
        for (int t = 0; t < Ofproto.TABLES; t++) {
            OFTableStatsEntry.Builder e = f.buildTableStatsEntry().setTableId(TableId.of(t))
                    .setActiveCount(br.ruleCount(t)).setLookupCount(U64.of(br.tableLookups(t)))
                    .setMatchedCount(U64.of(br.tableMatches(t)));
            if (v == OfWire.OF10) {
                e.setName(t == 0 ? "classifier" : br.tableName(t)).setWildcards(0x3fffff).setMaxEntries(1_000_000);
            } else if (v <= OfWire.OF12) {
                e.setName(t == 0 ? "classifier" : br.tableName(t)).setMaxEntries(1_000_000);
                if (v == OfWire.OF11) {
                    e.setWildcards(0x3ff);
                }
            }
            out.add(e.build());
        }
        return out;
    }

    private static List<OFPortStatsEntry> portStats(OfConnection c, int port32) {
        int v = c.version();
        OFFactory f = Ofj.factory(v);
        Ofproto br = c.manager().bridge();
        int wanted = port32 == OFPort.ANY.getPortNumber() || (v == OfWire.OF10 && port32 == OfKey.OFPP_NONE)
                ? -1 : OfWire.portFrom32(port32);
        long up = c.manager().uptimeMillis();
        List<OFPortStatsEntry> out = new ArrayList<>();
        for (OfPort p : br.ports()) {
            if (wanted >= 0 && p.ofport() != wanted) {
                continue;
            }
            NetdevStats s = p.odpPort() >= 0 ? c.manager().datapath().portStats(p.odpPort()) : null;
            if (s == null) {
                s = NetdevStats.ZERO;
            }
            OFPortStatsEntry.Builder e = f.buildPortStatsEntry().setPortNo(OFPort.of(OfWire.portTo32(p.ofport())))
                    .setRxPackets(U64.of(s.rxPackets())).setTxPackets(U64.of(s.txPackets()))
                    .setRxBytes(U64.of(s.rxBytes())).setTxBytes(U64.of(s.txBytes()))
                    .setRxDropped(U64.of(s.rxDropped())).setTxDropped(U64.of(s.txDropped()))
                    .setRxErrors(U64.of(s.rxErrors())).setTxErrors(U64.of(s.txErrors()));
            if (v < OfWire.OF14) {
                e.setRxFrameErr(U64.ZERO).setRxOverErr(U64.ZERO).setRxCrcErr(U64.ZERO).setCollisions(U64.ZERO);
            } else {
                e.setProperties(List.of(f.buildPortStatsPropEthernet().setRxFrameErr(U64.ZERO).setRxOverErr(U64.ZERO)
                        .setRxCrcErr(U64.ZERO).setCollisions(U64.ZERO).build()));
            }
            if (v >= OfWire.OF13) {
                e.setDurationSec(up / 1000).setDurationNsec(up % 1000 * 1_000_000);
            }
            out.add(e.build());
        }
        if (wanted >= 0 && out.isEmpty() && br.port(wanted) == null) {
            throw new OfCodecException(OfError.Type.BAD_REQUEST, "BAD_PORT", "port " + wanted);
        }
        return out;
    }

    private static List<org.projectfloodlight.openflow.protocol.OFGroupStatsEntry> groupStats(OFFactory f, Ofproto br,
                                                                                             int id, int v) {
        List<org.projectfloodlight.openflow.protocol.OFGroupStatsEntry> out = new ArrayList<>();
        long now = System.currentTimeMillis();
        List<OfRule> rules = br.rules(0xff);
        for (org.jvswitch.ofproto.OfGroup g : br.groups().all()) {
            if (id != OfGroups.ALL && g.id() != id) {
                continue;
            }
            long refs = rules.stream().filter(r -> refersTo(r.actions(), g.id())).count();
            List<org.projectfloodlight.openflow.protocol.OFBucketCounter> buckets = new ArrayList<>();
            for (org.jvswitch.ofproto.OfGroup.Bucket bk : g.buckets()) {
                buckets.add(f.bucketCounter(U64.of(bk.packets().get()), U64.of(bk.bytes().get())));
            }
            var e = f.buildGroupStatsEntry().setGroup(OFGroup.of(g.id())).setRefCount(refs)
                    .setPacketCount(U64.of(g.packets().get())).setByteCount(U64.of(g.bytes().get()))
                    .setBucketStats(buckets);
            if (v >= OfWire.OF13) {
                long age = now - g.createdMillis();
                e.setDurationSec(age / 1000).setDurationNsec(age % 1000 * 1_000_000);
            }
            out.add(e.build());
        }
        return out;
    }

    static boolean refersTo(List<OfAction> actions, int group) {
        for (OfAction a : actions) {
            if (a instanceof OfAction.Group g && g.groupId() == group
                    || a instanceof OfAction.WriteActions w && refersTo(w.actions(), group)) {
                return true;
            }
        }
        return false;
    }

    /** Meter statistics and configurations. */
    static final class Meters {
        private Meters() {
        }

        static List<org.projectfloodlight.openflow.protocol.OFMeterStats> stats(OFFactory f, Ofproto br, int id) {
            List<org.projectfloodlight.openflow.protocol.OFMeterStats> out = new ArrayList<>();
            long now = System.currentTimeMillis();
            List<OfRule> rules = br.rules(0xff);
            for (OfMeter m : br.meters().all()) {
                if (id != OfMeters.ALL && m.id() != id) {
                    continue;
                }
                DpMeter dp = br.meters().datapathMeter(m);
                long flows = rules.stream().filter(r -> r.actions().stream()
                        .anyMatch(a -> a instanceof OfAction.Meter x && x.meterId() == m.id())).count();
                List<org.projectfloodlight.openflow.protocol.OFMeterBandStats> bands = new ArrayList<>();
                int drop = 0;
                for (OfMeter.Band b : m.bands()) {
                    boolean isDrop = b.type() == OfMeter.DROP && dp != null && drop < dp.bandCount();
                    long pk = isDrop ? dp.bandPackets(drop) : 0;
                    long by = isDrop ? dp.bandBytes(drop) : 0;
                    if (b.type() == OfMeter.DROP) {
                        drop++;
                    }
                    bands.add(f.meterBandStats(U64.of(pk), U64.of(by)));
                }
                long age = now - m.createdMillis();
                var e = f.buildMeterStats();
                if (f.getVersion() == org.projectfloodlight.openflow.protocol.OFVersion.OF_15) {
                    e.setRefCount(flows);
                } else {
                    e.setFlowCount(flows);
                }
                out.add(e.setMeterId(m.id()).setPacketInCount(U64.of(dp == null ? 0 : dp.packetsIn()))
                        .setByteInCount(U64.of(dp == null ? 0 : dp.bytesIn())).setDurationSec(age / 1000)
                        .setDurationNsec(age % 1000 * 1_000_000).setBandStats(bands).build());
            }
            return out;
        }

        static List<org.projectfloodlight.openflow.protocol.OFMeterConfig> config(OFFactory f, Ofproto br, int id) {
            List<org.projectfloodlight.openflow.protocol.OFMeterConfig> out = new ArrayList<>();
            for (OfMeter m : br.meters().all()) {
                if (id != OfMeters.ALL && m.id() != id) {
                    continue;
                }
                List<OFMeterBand> bands = new ArrayList<>();
                for (OfMeter.Band b : m.bands()) {
                    bands.add(b.type() == OfMeter.DROP ? f.meterBands().drop(b.rate(), b.burst())
                            : f.meterBands().buildDscpRemark().setRate(b.rate()).setBurstSize(b.burst())
                            .setPrecLevel((short) b.precLevel()).build());
                }
                EnumSet<OFMeterFlags> flags = EnumSet.noneOf(OFMeterFlags.class);
                if ((m.flags() & OfMeter.KBPS) != 0) {
                    flags.add(OFMeterFlags.KBPS);
                }
                if ((m.flags() & OfMeter.PKTPS) != 0) {
                    flags.add(OFMeterFlags.PKTPS);
                }
                if ((m.flags() & OfMeter.BURST) != 0) {
                    flags.add(OFMeterFlags.BURST);
                }
                if ((m.flags() & OfMeter.STATS) != 0) {
                    flags.add(OFMeterFlags.STATS);
                }
                out.add(f.buildMeterConfig().setMeterId(m.id()).setFlags(flags).setEntries(bands).build());
            }
            return out;
        }
    }
}
