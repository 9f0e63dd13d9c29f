package org.jvswitch.openflow.handler;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import org.jvswitch.coverage.Coverage;
import org.jvswitch.coverage.CoverageCounter;
import org.jvswitch.ofproto.OfError;
import org.jvswitch.ofproto.OfPort;
import org.jvswitch.ofproto.Xlate;
import org.jvswitch.openflow.codec.OfCodecException;
import org.jvswitch.openflow.codec.OfWire;
import org.jvswitch.openflow.conn.OfConnection;
import org.projectfloodlight.openflow.protocol.OFControllerRole;
import org.projectfloodlight.openflow.protocol.OFPortReason;
import org.projectfloodlight.openflow.types.U64;

/**
 * Every OpenFlow request a connection receives after its hello, by message type: our own codecs
 * for what carries matches and actions (flow-mod, packet-out, group-mod, flow and aggregate
 * stats, Nicira extensions), openflowj for the rest. Types a controller may not send, or that we
 * do not implement, answer BAD_REQUEST/BAD_TYPE; requests that change the switch answer
 * BAD_REQUEST/IS_SLAVE from a slave.
 *
 * <p>Stateless: one instance serves every connection of every bridge, on their event loops.
 */
public final class MessageHandler implements OfConnection.Handler {
    private static final CoverageCounter UNKNOWN = Coverage.counter("ofconn_bad_type");

    private final FlowMessages flows;
    private final StatsMessages stats;
    private final SwitchMessages switches;
    private final GroupMeterMessages groupsMeters;
    private final PacketOutMessages packetOuts;
    private final NxMessages nx;
    /** Told after a message changed a bridge's tables (the revalidator's kick). */
    private volatile Runnable onChange = () -> { };

    public MessageHandler(Xlate xlate) {
        this.flows = new FlowMessages();
        this.stats = new StatsMessages(flows);
        this.switches = new SwitchMessages();
        this.groupsMeters = new GroupMeterMessages();
        this.packetOuts = new PacketOutMessages(xlate);
        this.nx = new NxMessages(flows, groupsMeters);
    }

    /** {@code r} runs after any message that changed a bridge's flows, groups or meters. */
    public void setOnChange(Runnable r) {
        onChange = r == null ? () -> { } : r;
    }

    @Override
    public void handle(OfConnection c, ByteBuf frame, int type, int xid) {
        long before = c.manager().bridge().version();
        try {
            org.jvswitch.openflow.codec.TunMetadataCodec.use(c.manager().bridge().tlvMap());
            dispatch(c, frame, type, xid);
        } finally {
            if (c.manager().bridge().version() != before) {
                onChange.run();
            }
        }
    }

    private void dispatch(OfConnection c, ByteBuf frame, int type, int xid) {
        int v = c.version();
        if (v == OfWire.OF10) {
            handle10(c, frame, type, xid);
            return;
        }
        switch (type) {
            case OfWire.T_VENDOR -> nx.handle(c, frame, xid);
            case OfWire.T_FEATURES_REQUEST -> switches.features(c, xid);
            case OfWire.T_GET_CONFIG_REQUEST -> switches.getConfig(c, xid);
            case OfWire.T_SET_CONFIG -> switches.setConfig(c, frame);
            case OfWire.T_PACKET_OUT -> packetOuts.packetOut(checkWrite(c), frame, xid);
            case OfWire.T_FLOW_MOD -> flows.flowMod(checkWrite(c), frame, xid);
            case OfWire.T_GROUP_MOD -> groupsMeters.groupMod(checkWrite(c), frame);
            case 16 -> switches.portMod(checkWrite(c), frame);
            case 17 -> switches.tableMod(checkWrite(c), frame);
            case OfWire.T_MULTIPART_REQUEST -> stats.multipart(c, frame, xid);
            case 20 -> c.send(Ofj.factory(v).buildBarrierReply().setXid(xid).build());
            case 22 -> switches.queueConfig(c, frame, xid);
            case 24 -> switches.roleRequest(c, frame, xid);
            case 26 -> switches.getAsync(c, xid);
            case 28 -> switches.setAsync(c, frame);
            case OfWire.T_METER_MOD -> groupsMeters.meterMod(checkWrite(c), frame);
            default -> badType(type);
        }
    }

    private void handle10(OfConnection c, ByteBuf frame, int type, int xid) {
        switch (type) {
            case OfWire.T_VENDOR -> nx.handle(c, frame, xid);
            case OfWire.T_FEATURES_REQUEST -> switches.features(c, xid);
            case OfWire.T_GET_CONFIG_REQUEST -> switches.getConfig(c, xid);
            case OfWire.T_SET_CONFIG -> switches.setConfig(c, frame);
            case OfWire.T_PACKET_OUT -> packetOuts.packetOut(checkWrite(c), frame, xid);
            case OfWire.T_FLOW_MOD -> flows.flowMod(checkWrite(c), frame, xid);
            case OfWire.T10_PORT_MOD -> switches.portMod(checkWrite(c), frame);
            case OfWire.T10_STATS_REQUEST -> stats.multipart(c, frame, xid);
            case OfWire.T10_BARRIER_REQUEST -> c.send(Ofj.factory(OfWire.OF10).buildBarrierReply().setXid(xid).build());
            case 20 -> switches.queueConfig(c, frame, xid);
            default -> badType(type);
        }
    }

    private static void badType(int type) {
        UNKNOWN.inc();
        throw new OfCodecException(OfError.Type.BAD_REQUEST, "BAD_TYPE", "message type " + type);
    }

    /** A slave may not change the switch. */
    static OfConnection checkWrite(OfConnection c) {
        if (c.role() == OfConnection.Role.SLAVE) {
            throw new OfCodecException(OfError.Type.BAD_REQUEST, "IS_SLAVE", "slave connection");
        }
        return c;
    }

    @Override
    public void roleChanged(OfConnection c) {
        if (c.version() >= OfWire.OF14) {
            c.send(Ofj.factory(c.version()).buildRoleStatus().setRole(OFControllerRole.ROLE_SLAVE)
                    .setReason(org.projectfloodlight.openflow.protocol.OFControllerRoleReason.MASTER_REQUEST)
                    .setGenerationId(U64.of(c.manager().generationId())).build());
        }
    }

    @Override
    public ByteBuf portStatus(OfConnection c, OfPort port, int reason) {
        ByteBuf b = Unpooled.buffer(128);
        OFPortReason r = reason == 0 ? OFPortReason.ADD : reason == 1 ? OFPortReason.DELETE : OFPortReason.MODIFY;
        Ofj.factory(c.version()).buildPortStatus().setXid(0).setReason(r).setDesc(PortDescs.desc(port, c.version()))
                .build().writeTo(b);
        return b;
    }
}
