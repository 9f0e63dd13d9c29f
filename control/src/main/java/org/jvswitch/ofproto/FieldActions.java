package org.jvswitch.ofproto;

import org.jvswitch.dataplane.flow.FlowField;
import org.jvswitch.dataplane.flow.FlowKey;

/** set_field, register loads and moves, and dec_ttl, on the flow being translated. */
final class FieldActions {
    private FieldActions() {
    }

    static void setField(XlateContext ctx, OfAction.SetField s) {
        FlowField f = s.field();
        if (f.words == 2) {
            long[] fl = ctx.flow;
            fl[f.word] = fl[f.word] & ~s.mask() | s.value() & s.mask();
            fl[f.word + 1] = fl[f.word + 1] & ~s.mask2() | s.value2() & s.mask2();
            ctx.wrote(f.word, s.mask());
            ctx.wrote(f.word + 1, s.mask2());
            return;
        }
        long fieldMask = f.bits >= 64 ? -1L : (1L << f.bits) - 1;
        long m = s.mask() & fieldMask;
        long old = f.get(ctx.flow, 0);
        f.set(ctx.flow, 0, old & ~m | s.value() & m);
        ctx.wrote(f.word, f.bits >= 64 ? m : m << f.shift);
    }

    /** set_field to a tun_metadata field: the bridge's TLV map says where it lives (unmapped: nothing). */
    static void setTunMetadata(XlateContext ctx, OfAction.SetTunMetadata s) {
        TlvMap.Entry e = ctx.bridge == null ? null : ctx.bridge.tlvMap().entry(s.index());
        if (e == null || e.len() != s.value().length) {
            return;
        }
        for (int i = 0; i < e.len(); i++) {
            int m = s.mask()[i] & 0xff;
            int old = TlvMap.mdByte(ctx.flow, e.offset() + i);
            TlvMap.setMdByte(ctx.flow, e.offset() + i, old & ~m | s.value()[i] & m);
        }
        ctx.flow[OfKey.W_TUN_MD_PRESENT] |= 1L << s.index();
    }

    static void setReg(XlateContext ctx, OfAction.SetReg s) {
        int old = OfKey.reg(ctx.flow, s.reg());
        OfKey.setReg(ctx.flow, s.reg(), (int) (old & ~s.mask() | s.value() & s.mask()));
    }

    /** Copies {@code src} bits to {@code dst} bits; the source bits become part of the match. */
    static void move(XlateContext ctx, OfAction.Move m) {
        long v = read(ctx, m.src());
        write(ctx, m.dst(), v);
    }

    private static long read(XlateContext ctx, OfAction.FieldRef r) {
        long bits = r.nBits() >= 64 ? -1L : (1L << r.nBits()) - 1;
        if (r.field() == null) {
            long reg = OfKey.reg(ctx.flow, r.reg()) & 0xffffffffL;
            return reg >>> r.ofs() & bits;
        }
        FlowField f = r.field();
        ctx.wc[f.word] |= (bits << r.ofs()) << f.shift & f.wordMask;
        return f.get(ctx.flow, 0) >>> r.ofs() & bits;
    }

    private static void write(XlateContext ctx, OfAction.FieldRef r, long value) {
        long bits = r.nBits() >= 64 ? -1L : (1L << r.nBits()) - 1;
        long m = bits << r.ofs();
        if (r.field() == null) {
            int old = OfKey.reg(ctx.flow, r.reg());
            OfKey.setReg(ctx.flow, r.reg(), (int) (old & ~m | value << r.ofs() & m));
            return;
        }
        FlowField f = r.field();
        f.set(ctx.flow, 0, f.get(ctx.flow, 0) & ~m | value << r.ofs() & m);
        ctx.wrote(f.word, m << f.shift & f.wordMask);
    }

    /**
     * Decrements the IPv4 TTL or IPv6 hop limit; false (the packet expires) when it is 0 or 1.
     * Non-IP packets pass unchanged, as in OVS.
     */
    static boolean decTtl(XlateContext ctx) {
        int ethType = FlowKey.ethType(ctx.flow, 0);
        ctx.unwildcard(FlowField.ETH_TYPE);
        if (ethType != FlowKey.ETH_TYPE_IP && ethType != FlowKey.ETH_TYPE_IPV6) {
            return true;
        }
        ctx.unwildcard(FlowField.NW_TTL);
        long ttl = FlowField.NW_TTL.get(ctx.flow, 0);
        if (ttl <= 1) {
            return false;
        }
        FlowField.NW_TTL.set(ctx.flow, 0, ttl - 1);
        ctx.wrote(FlowField.NW_TTL.word, FlowField.NW_TTL.wordMask);
        return true;
    }
}
