package org.jvswitch.ofproto;

import org.jvswitch.dataplane.flow.FlowField;

/**
 * Groups in translation: ALL runs every bucket (each on its own copy of the flow), INDIRECT its
 * one bucket, SELECT one bucket chosen by a hash of the L2-L4 fields (which then become part of
 * the megaflow), weighted, and FAST_FAILOVER the first bucket whose watched port is live.
 */
final class GroupXlate {
    private static final FlowField[] HASHED = {FlowField.ETH_SRC, FlowField.ETH_DST, FlowField.ETH_TYPE,
        FlowField.NW_SRC, FlowField.NW_DST, FlowField.NW_PROTO, FlowField.TP_SRC, FlowField.TP_DST};

    private GroupXlate() {
    }

    static void group(XlateContext ctx, int id) {
        OfGroup g = ctx.bridge.groups().get(id);
        if (g == null || ctx.depth >= Xlate.MAX_DEPTH) {
            return;
        }
        ctx.counters.add(new Xlate.Counters(g.packets(), g.bytes()));
        switch (g.type()) {
            case ALL -> {
                for (OfGroup.Bucket b : g.buckets()) {
                    bucket(ctx, b);
                }
            }
            case INDIRECT -> bucket(ctx, g.buckets().getFirst());
            case SELECT -> {
                OfGroup.Bucket b = select(ctx, g);
                if (b != null) {
                    bucket(ctx, b);
                }
            }
            case FAST_FAILOVER -> {
                for (OfGroup.Bucket b : g.buckets()) {
                    if (live(ctx, b)) {
                        bucket(ctx, b);
                        break;
                    }
                }
            }
        }
    }

    private static void bucket(XlateContext ctx, OfGroup.Bucket b) {
        ctx.counters.add(new Xlate.Counters(b.packets(), b.bytes()));
        long[] saved = ctx.saveFlow();
        ctx.depth++;
        ctx.xlate.doActions(ctx, b.actions(), 0);
        ctx.depth--;
        ctx.restoreFlow(saved);
    }

    private static OfGroup.Bucket select(XlateContext ctx, OfGroup g) {
        long h = 0x9E3779B97F4A7C15L;
        for (FlowField f : HASHED) {
            ctx.unwildcard(f);
            h = (h ^ f.get(ctx.flow, 0)) * 0xC2B2AE3D27D4EB4FL;
            h ^= h >>> 29;
        }
        int total = 0;
        for (OfGroup.Bucket b : g.buckets()) {
            total += Math.max(0, b.weight());
        }
        if (total == 0) {
            return null;
        }
        long pick = Long.remainderUnsigned(h, total);
        for (OfGroup.Bucket b : g.buckets()) {
            pick -= Math.max(0, b.weight());
            if (pick < 0) {
                return b;
            }
        }
        return null;
    }

    private static boolean live(XlateContext ctx, OfGroup.Bucket b) {
        if (b.watchPort() != OfGroup.WATCH_NONE && (b.watchPort() & 0xffff) < OfKey.OFPP_MAX) {
            OfPort p = ctx.bridge.port(b.watchPort());
            return p != null && p.linkUp() && !p.down();
        }
        return true;
    }
}
