package org.jvswitch.openflow.handler;

import io.netty.buffer.ByteBuf;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.jvswitch.ofproto.OfError;
import org.jvswitch.ofproto.OfPort;
import org.jvswitch.ofproto.Ofproto;
import org.jvswitch.openflow.codec.OfCodecException;
import org.jvswitch.openflow.codec.OfWire;
import org.jvswitch.openflow.conn.AsyncConfig;
import org.jvswitch.openflow.conn.OfConnection;
import org.projectfloodlight.openflow.protocol.OFActionType;
import org.projectfloodlight.openflow.protocol.OFAsyncSet;
import org.projectfloodlight.openflow.protocol.OFCapabilities;
import org.projectfloodlight.openflow.protocol.OFConfigFlags;
import org.projectfloodlight.openflow.protocol.OFControllerRole;
import org.projectfloodlight.openflow.protocol.OFFactory;
import org.projectfloodlight.openflow.protocol.OFFeaturesReply;
import org.projectfloodlight.openflow.protocol.OFPortConfig;
import org.projectfloodlight.openflow.protocol.OFPortDesc;
import org.projectfloodlight.openflow.protocol.OFPortMod;
import org.projectfloodlight.openflow.protocol.OFRoleRequest;
import org.projectfloodlight.openflow.protocol.OFSetConfig;
import org.projectfloodlight.openflow.types.DatapathId;
import org.projectfloodlight.openflow.types.OFAuxId;
import org.projectfloodlight.openflow.types.OFPort;
import org.projectfloodlight.openflow.types.U64;

/**
 * Switch-level requests: features, get/set config, port-mod, table-mod, queue config, role
 * requests (generation ids checked by the bridge's connection manager) and async configuration.
 */
final class SwitchMessages {
    /** OFPC_FRAG_MASK | OFPC_INVALID_TTL_TO_CONTROLLER. */
    private static final int CONFIG_FLAGS = 0x7;

    void features(OfConnection c, int xid) {
        int v = c.version();
        OFFactory f = Ofj.factory(v);
        Ofproto br = c.manager().bridge();
        Set<OFCapabilities> caps = EnumSet.of(OFCapabilities.FLOW_STATS, OFCapabilities.TABLE_STATS,
                OFCapabilities.PORT_STATS, OFCapabilities.QUEUE_STATS);
        if (v == OfWire.OF10) {
            caps.add(OFCapabilities.ARP_MATCH_IP);
        } else {
            caps.add(OFCapabilities.GROUP_STATS);
        }
        OFFeaturesReply.Builder b = f.buildFeaturesReply().setXid(xid).setDatapathId(DatapathId.of(br.datapathId()))
                .setNBuffers(0).setNTables((short) Ofproto.TABLES).setCapabilities(caps);
        if (v == OfWire.OF10) {
            b.setActions(EnumSet.of(OFActionType.OUTPUT, OFActionType.SET_VLAN_VID, OFActionType.SET_VLAN_PCP,
                    OFActionType.STRIP_VLAN, OFActionType.SET_DL_SRC, OFActionType.SET_DL_DST,
                    OFActionType.SET_NW_SRC, OFActionType.SET_NW_DST, OFActionType.SET_NW_TOS,
                    OFActionType.SET_TP_SRC, OFActionType.SET_TP_DST, OFActionType.ENQUEUE));
        }
        if (v <= OfWire.OF12) {
            List<OFPortDesc> ports = new ArrayList<>();
            for (OfPort p : br.ports()) {
                ports.add(PortDescs.desc(p, v));
            }
            b.setPorts(ports);
        } else {
            b.setAuxiliaryId(OFAuxId.MAIN);
        }
        c.send(b.build());
    }

    void getConfig(OfConnection c, int xid) {
        c.send(Ofj.factory(c.version()).buildGetConfigReply().setXid(xid).setFlags(flagSet(c.configFlags()))
                .setMissSendLen(c.missSendLen()).build());
    }

    void setConfig(OfConnection c, ByteBuf frame) {
        OfWire.need(frame.duplicate().skipBytes(OfWire.HEADER), 4, "set_config");
        int flags = frame.getUnsignedShort(OfWire.HEADER);
        int missLen = frame.getUnsignedShort(OfWire.HEADER + 2);
        Ofj.parse(frame, c.version());
        c.setConfig(flags & CONFIG_FLAGS, missLen);
    }

    private static Set<OFConfigFlags> flagSet(int flags) {
        Set<OFConfigFlags> s = EnumSet.noneOf(OFConfigFlags.class);
        switch (flags & 3) {
            case 1 -> s.add(OFConfigFlags.FRAG_DROP);
            case 2 -> s.add(OFConfigFlags.FRAG_REASM);
            default -> s.add(OFConfigFlags.FRAG_NORMAL);
        }
        if ((flags & 4) != 0) {
            s.add(OFConfigFlags.INVALID_TTL_TO_CONTROLLER);
        }
        return s;
    }

    /** Port-mod: the administrative config bits (port_down, no_recv, no_fwd, no_flood/no_packet_in). */
    void portMod(OfConnection c, ByteBuf frame) {
        OFPortMod pm = (OFPortMod) Ofj.parse(frame, c.version());
        Ofproto br = c.manager().bridge();
        int port = c.version() == OfWire.OF10 ? pm.getPortNo().getShortPortNumber() & 0xffff
                : OfWire.portFrom32(pm.getPortNo().getPortNumber());
        OfPort p = port < 0 ? null : br.port(port);
        if (p == null) {
            throw new OfCodecException(OfError.Type.PORT_MOD_FAILED, "BAD_PORT", "port " + port);
        }
        if (pm.getHwAddr().getLong() != p.mac()) {
            throw new OfCodecException(OfError.Type.PORT_MOD_FAILED, "BAD_HW_ADDR", "port " + port);
        }
        Set<OFPortConfig> mask = pm.getMask();
        Set<OFPortConfig> cfg = pm.getConfig();
        boolean down = mask.contains(OFPortConfig.PORT_DOWN) ? cfg.contains(OFPortConfig.PORT_DOWN) : p.down();
        boolean noRecv = mask.contains(OFPortConfig.NO_RECV) ? cfg.contains(OFPortConfig.NO_RECV) : p.noRecv();
        boolean noFwd = mask.contains(OFPortConfig.NO_FWD) ? cfg.contains(OFPortConfig.NO_FWD) : p.noFwd();
        boolean noFlood = mask.contains(OFPortConfig.NO_FLOOD) ? cfg.contains(OFPortConfig.NO_FLOOD) : p.noFlood();
        OfPort changed = p.withConfig(noFlood, noFwd, noRecv, down);
        if (!changed.equals(p)) {
            br.putPort(changed);
            c.manager().portStatus(changed, 2);
        }
    }

    /** Table-mod: accepted (OpenFlow 1.1/1.2 table-miss configs, 1.4 eviction/vacancy) without effect. */
    void tableMod(OfConnection c, ByteBuf frame) {
        var tm = (org.projectfloodlight.openflow.protocol.OFTableMod) Ofj.parse(frame, c.version());
        int t = tm.getTableId().getValue();
        if (t != 0xff && t >= Ofproto.TABLES) {
            throw new OfCodecException(OfError.Type.TABLE_MOD_FAILED, "BAD_TABLE", "table " + t);
        }
    }

    void queueConfig(OfConnection c, ByteBuf frame, int xid) {
        var req = (org.projectfloodlight.openflow.protocol.OFQueueGetConfigRequest) Ofj.parse(frame, c.version());
        c.send(Ofj.factory(c.version()).buildQueueGetConfigReply().setXid(xid).setPort(req.getPort())
                .setQueues(List.of()).build());
    }

    void roleRequest(OfConnection c, ByteBuf frame, int xid) {
        OFRoleRequest rr = (OFRoleRequest) Ofj.parse(frame, c.version());
        OfConnection.Role role = switch (rr.getRole()) {
            case ROLE_NOCHANGE -> c.role();
            case ROLE_EQUAL -> OfConnection.Role.EQUAL;
            case ROLE_MASTER -> OfConnection.Role.MASTER;
            case ROLE_SLAVE -> OfConnection.Role.SLAVE;
        };
        long gen = c.manager().generationId();
        if (rr.getRole() != OFControllerRole.ROLE_NOCHANGE) {
            gen = c.manager().changeRole(c, role, true, rr.getGenerationId().getValue());
        }
        OFControllerRole r = switch (c.role()) {
            case EQUAL -> OFControllerRole.ROLE_EQUAL;
            case MASTER -> OFControllerRole.ROLE_MASTER;
            case SLAVE -> OFControllerRole.ROLE_SLAVE;
        };
        c.send(Ofj.factory(c.version()).buildRoleReply().setXid(xid).setRole(r).setGenerationId(U64.of(gen)).build());
    }

    void getAsync(OfConnection c, int xid) {
        AsyncConfig a = c.async();
        if (c.version() >= OfWire.OF14) {
            throw new OfCodecException(OfError.Type.BAD_REQUEST, "BAD_TYPE", "OpenFlow 1.4 async properties");
        }
        c.send(Ofj.factory(c.version()).buildAsyncGetReply().setXid(xid)
                .setPacketInMaskEqualMaster(a.packetIn()[0]).setPacketInMaskSlave(a.packetIn()[1])
                .setPortStatusMaskEqualMaster(a.portStatus()[0]).setPortStatusMaskSlave(a.portStatus()[1])
                .setFlowRemovedMaskEqualMaster(a.flowRemoved()[0]).setFlowRemovedMaskSlave(a.flowRemoved()[1])
                .build());
    }

    void setAsync(OfConnection c, ByteBuf frame) {
        if (c.version() >= OfWire.OF14) {
            throw new OfCodecException(OfError.Type.BAD_REQUEST, "BAD_TYPE", "OpenFlow 1.4 async properties");
        }
        OFAsyncSet s = (OFAsyncSet) Ofj.parse(frame, c.version());
        c.setAsync(new AsyncConfig(new int[] {(int) s.getPacketInMaskEqualMaster(), (int) s.getPacketInMaskSlave()},
                new int[] {(int) s.getPortStatusMaskEqualMaster(), (int) s.getPortStatusMaskSlave()},
                new int[] {(int) s.getFlowRemovedMaskEqualMaster(), (int) s.getFlowRemovedMaskSlave()}));
    }

    /** OFPP_ANY in this connection's width. */
    static OFPort any(int v) {
        return v == OfWire.OF10 ? OFPort.of(0xffff) : OFPort.ANY;
    }
}
