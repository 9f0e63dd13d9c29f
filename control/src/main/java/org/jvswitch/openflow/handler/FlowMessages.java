package org.jvswitch.openflow.handler;

import io.netty.buffer.ByteBuf;
import java.util.ArrayList;
import java.util.List;
import org.jvswitch.coverage.Coverage;
import org.jvswitch.coverage.CoverageCounter;
import org.jvswitch.ofproto.FlowMod;
import org.jvswitch.ofproto.OfError;
import org.jvswitch.ofproto.OfRule;
import org.jvswitch.ofproto.Ofproto;
import org.jvswitch.openflow.codec.FlowModCodec;
import org.jvswitch.openflow.codec.FlowStatsCodec;
import org.jvswitch.openflow.codec.OfCodecException;
import org.jvswitch.openflow.codec.OfWire;
import org.jvswitch.openflow.conn.OfConnection;

/**
 * Flow-mods (OpenFlow 1.0, Nicira's NXT_FLOW_MOD, OpenFlow 1.1+) and flow and aggregate
 * statistics. A flow-mod is applied to the bridge's tables at once; the revalidators bring the
 * datapath's megaflows up to date. As OpenFlow 1.0 and 1.1 say, a modify that matches nothing
 * adds the flow there.
 */
final class FlowMessages {
    private static final CoverageCounter FLOW_MODS = Coverage.counter("ofproto_flow_mod");

    void flowMod(OfConnection c, ByteBuf frame, int xid) {
        ByteBuf b = frame.duplicate().skipBytes(OfWire.HEADER);
        FlowModCodec.Decoded d = c.version() == OfWire.OF10 ? FlowModCodec.readOf10(b, c.tableIdExt())
                : FlowModCodec.readOf11(b, c.version());
        apply(c, d, c.version() <= OfWire.OF11);
    }

    /** Decodes an NXT_FLOW_MOD ({@code b} after the vendor header) and applies it. */
    void nxFlowMod(OfConnection c, ByteBuf b) {
        apply(MessageHandler.checkWrite(c), FlowModCodec.readNx(b, c.tableIdExt()), true);
    }

    private static void apply(OfConnection c, FlowModCodec.Decoded d, boolean modifyMayAdd) {
        FlowMod fm = d.mod();
        FlowModCodec.validate(fm);
        Ofproto bridge = c.manager().bridge();
        long now = System.currentTimeMillis();
        FLOW_MODS.inc();
        int n = bridge.flowMod(fm, now);
        boolean modify = fm.command() == FlowMod.Command.MODIFY || fm.command() == FlowMod.Command.MODIFY_STRICT;
        if (n == 0 && modify && modifyMayAdd) {
            bridge.flowMod(new FlowMod(FlowMod.Command.ADD, fm.table() == FlowMod.ALL_TABLES ? 0 : fm.table(),
                    fm.key(), fm.mask(), fm.priority(), fm.cookie(), 0, fm.idleTimeout(), fm.hardTimeout(),
                    fm.flags(), fm.importance(), fm.outPort(), fm.outGroup(), fm.actions()), now);
        }
        if (d.bufferId() != OfWire.NO_BUFFER) {
            throw new OfCodecException(OfError.Type.BAD_REQUEST, "BUFFER_UNKNOWN", "buffer " + d.bufferId());
        }
    }

    /** The rules a flow or aggregate request names, highest priority first within each table. */
    static List<OfRule> select(OfConnection c, FlowStatsCodec.Filter f) {
        Ofproto bridge = c.manager().bridge();
        if (f.table() != FlowMod.ALL_TABLES && f.table() >= Ofproto.TABLES) {
            throw new OfCodecException(OfError.Type.BAD_REQUEST, "BAD_TABLE_ID", "table " + f.table());
        }
        List<OfRule> rules = new ArrayList<>(bridge.select(f.table(), f.key(), f.mask(), f.cookie(), f.cookieMask(),
                f.outPort(), f.outGroup()));
        rules.sort((a, b) -> a.table() != b.table() ? Integer.compare(a.table(), b.table())
                : Integer.compare(b.priority(), a.priority()));
        return rules;
    }

    void flowStats(OfConnection c, FlowStatsCodec.Filter f, int xid, boolean nx) {
        c.send(FlowStatsCodec.reply(select(c, f), c.version(), xid, nx, System.currentTimeMillis()));
    }

    void aggregate(OfConnection c, FlowStatsCodec.Filter f, int xid, boolean nx) {
        c.send(FlowStatsCodec.aggregateReply(select(c, f), c.version(), xid, nx));
    }
}
