package org.jvswitch.dataplane.odp;

import static org.jvswitch.dataplane.odp.OdpField.Style.DEC;
import static org.jvswitch.dataplane.odp.OdpField.Style.HEX;
import static org.jvswitch.dataplane.odp.OdpField.Style.IPV4;
import static org.jvswitch.dataplane.odp.OdpField.Style.IPV6;

import java.util.ArrayList;
import java.util.List;
import org.jvswitch.dataplane.action.DpAction.SetField;
import org.jvswitch.dataplane.flow.FlowField;
import org.jvswitch.dataplane.flow.FlowKey;

/**
 * The {@code tunnel(...)} key attribute and the {@code set(tunnel(...))} action: tun_id, outer
 * addresses, tos, ttl, ports, Geneve options and the {@code flags(...)} set.
 *
 * <p>OVS's rules, followed here: a key has a tunnel when an outer address is set; tun_id prints
 * when it is not zero or the key flag is set, and giving tun_id sets the key flag in both key and
 * mask (the datapath derives one from the other); ttl always prints; tos and the ports print when
 * not zero. {@code set(tunnel(...))} replaces all the tunnel metadata, so it parses into a
 * {@link SetField} for every tunnel field (zero where not given), and prints OVS's unmasked form.
 * Geneve options live in key words {@link FlowKey#W_GENEVE_OPTS}.. as wire bytes, first byte in
 * the top byte of the first word; their mask has the same layout.
 */
final class OdpTunnel {
    private static final List<OdpField> ADDRS = List.of(OdpField.of("src", FlowField.TUN_SRC, IPV4),
            OdpField.of("dst", FlowField.TUN_DST, IPV4), OdpField.of("ipv6_src", FlowField.TUN_IPV6_SRC, IPV6),
            OdpField.of("ipv6_dst", FlowField.TUN_IPV6_DST, IPV6));
    private static final OdpField TOS = OdpField.of("tos", FlowField.TUN_TOS, HEX);
    private static final OdpField TTL = OdpField.of("ttl", FlowField.TUN_TTL, DEC);
    private static final List<OdpField> PORTS = List.of(OdpField.of("tp_src", FlowField.TUN_TP_SRC, DEC),
            OdpField.of("tp_dst", FlowField.TUN_TP_DST, DEC));
    private static final List<OdpField> ALL = List.of(ADDRS.get(0), ADDRS.get(1), ADDRS.get(2), ADDRS.get(3), TOS,
            TTL, PORTS.get(0), PORTS.get(1));
    /** The fields a set(tunnel(...)) writes, in OVS's order. */
    private static final List<FlowField> SET_FIELDS = List.of(FlowField.TUN_ID, FlowField.TUN_SRC, FlowField.TUN_DST,
            FlowField.TUN_IPV6_SRC, FlowField.TUN_IPV6_DST, FlowField.TUN_TOS, FlowField.TUN_TTL,
            FlowField.TUN_TP_SRC, FlowField.TUN_TP_DST, FlowField.TUN_FLAGS);
    private static final OdpField OPT_CLASS = OdpField.of("class", FlowField.TP_SRC, HEX);
    private static final OdpField OPT_TYPE = OdpField.of("type", FlowField.NW_TOS, HEX);
    private static final OdpField OPT_LEN = OdpField.of("len", FlowField.NW_TTL, DEC);
    private static final int PLAIN_FLAGS = OdpFlags.TUN_F_DF | OdpFlags.TUN_F_CSUM | OdpFlags.TUN_F_OAM;
    static final int GENEVE_MAX = FlowKey.GENEVE_OPTS_MAX_BYTES;

    private OdpTunnel() {
    }

    static boolean present(long[] key) {
        return FlowField.TUN_SRC.get(key, 0) != 0 || FlowField.TUN_DST.get(key, 0) != 0
                || FlowField.TUN_IPV6_SRC.isNonZero(key, 0) || FlowField.TUN_IPV6_DST.isNonZero(key, 0);
    }

    static boolean isSetField(FlowField f) {
        return SET_FIELDS.contains(f);
    }

    // ---- key attribute ----

    /** Reads the inside of {@code tunnel(...)} and its closing ')'. */
    static void parse(OdpScanner sc, long[] key, long[] mask) {
        while (!sc.tryConsume(')')) {
            if (sc.tryConsume("tun_id=")) {
                long[] vm = sc.uintMasked(64);
                FlowField.TUN_ID.set(key, 0, vm[0]);
                FlowField.TUN_ID.set(mask, 0, vm[1]);
                flags(key, flags(key) | OdpFlags.TUN_F_KEY);
                flags(mask, flags(mask) | OdpFlags.TUN_F_KEY);
            } else if (sc.tryConsume("geneve(")) {
                byte[] opts = new byte[GENEVE_MAX];
                byte[] optMask = new byte[GENEVE_MAX];
                int len = parseGeneve(sc, opts, optMask);
                FlowField.GENEVE_LEN.set(key, 0, len);
                FlowField.GENEVE_LEN.set(mask, 0, 0xff);
                putBytes(key, opts);
                putBytes(mask, optMask);
            } else if (sc.tryConsume("flags(")) {
                long[] fm = OdpFlags.parse(sc, OdpFlags.TUNNEL, OdpFlags.TUN_F_MASK, ')', "tunnel");
                sc.expect(')');
                long m = fm[1] & OdpFlags.TUN_F_MASK;
                flags(key, flags(key) & ~m | fm[0] & m);
                flags(mask, flags(mask) | m);
            } else if (sc.startsWith("vxlan(") || sc.startsWith("erspan(") || sc.startsWith("gtpu(")) {
                throw sc.error("tunnel options " + sc.name() + "(...) are not supported by this datapath");
            } else {
                OdpField f = field(sc);
                f.parse(sc, key, mask);
            }
            if (!sc.tryConsume(',') && sc.peek() != ')') {
                throw sc.error("expected ',' or ')' in tunnel(...)");
            }
        }
    }

    private static OdpField field(OdpScanner sc) {
        for (OdpField f : ALL) {
            if (sc.tryConsume(f.name() + "=")) {
                return f;
            }
        }
        throw sc.error(sc.atEnd() ? "missing ')'" : "unknown tunnel field");
    }

    /** The inside of {@code tunnel(...)} for a key that has a tunnel. */
    static String format(long[] key, long[] mask, boolean verbose) {
        StringBuilder b = new StringBuilder();
        long keyFlags = flags(key);
        boolean hasId = FlowField.TUN_ID.get(key, 0) != 0 || (keyFlags & OdpFlags.TUN_F_KEY) != 0;
        if (hasId) {
            long m = FlowField.TUN_ID.get(mask, 0);
            if (verbose || m != 0) {
                b.append("tun_id=0x").append(Long.toHexString(FlowField.TUN_ID.get(key, 0)))
                        .append(m == -1L ? "" : "/" + OdpText.hexAlt(m)).append(',');
            }
        }
        for (OdpField f : ADDRS) {
            if (!f.isZero(key)) {
                f.format(b, key, mask, verbose);
            }
        }
        if (!TOS.isZero(key)) {
            TOS.format(b, key, mask, verbose);
        }
        TTL.format(b, key, mask, verbose);
        for (OdpField f : PORTS) {
            if (!f.isZero(key)) {
                f.format(b, key, mask, verbose);
            }
        }
        int len = (int) FlowField.GENEVE_LEN.get(key, 0);
        if (len > 0) {
            b.append("geneve(").append(formatGeneve(bytes(key), bytes(mask), Math.min(len, GENEVE_MAX), verbose))
                    .append("),");
        }
        // As OVS: the key flag is in the mask whenever the key has a tun_id.
        long kf = keyFlags & PLAIN_FLAGS | (hasId ? OdpFlags.TUN_F_KEY : 0);
        long mf = flags(mask) & PLAIN_FLAGS | (hasId ? OdpFlags.TUN_F_KEY : 0);
        if (verbose || mf != 0) {
            b.append("flags(").append(OdpFlags.masked(kf, mf, OdpFlags.TUN_F_MASK, OdpFlags.TUNNEL)).append("),");
        }
        if (!b.isEmpty()) {
            b.setLength(b.length() - 1);
        }
        return b.toString();
    }

    // ---- set(tunnel(...)) ----

    /** Reads the inside of {@code set(tunnel(...))}: every tunnel field, exact. */
    static List<SetField> parseSet(OdpScanner sc) {
        long[] key = new long[FlowKey.WORDS];
        long[] mask = new long[FlowKey.WORDS];
        parse(sc, key, mask);
        if (FlowField.GENEVE_LEN.get(key, 0) != 0) {
            throw sc.error("Geneve options in set(tunnel(...)) are not supported by this datapath");
        }
        for (OdpField f : ALL) {
            if (!f.isZero(mask) && !f.isExact(mask)) {
                throw sc.error("set(tunnel(...)) takes no masks");
            }
        }
        if (FlowField.TUN_ID.get(mask, 0) != 0 && FlowField.TUN_ID.get(mask, 0) != -1L) {
            throw sc.error("set(tunnel(...)) takes no masks");
        }
        List<SetField> out = new ArrayList<>(SET_FIELDS.size());
        for (FlowField f : SET_FIELDS) {
            if (f.words == 2) {
                out.add(new SetField(f, new long[] {f.word(key, 0, 0), f.word(key, 0, 1)}, new long[] {-1L, -1L}));
            } else {
                out.add(SetField.of(f, f.get(key, 0)));
            }
        }
        return out;
    }

    /** Prints a run of tunnel SetFields as OVS prints a set(tunnel(...)) (fields not in the run are 0). */
    static String formatSet(List<SetField> run) {
        long[] key = new long[FlowKey.WORDS];
        long[] mask = new long[FlowKey.WORDS];
        for (FlowField f : SET_FIELDS) {
            f.exact(mask, 0);
        }
        for (SetField s : run) {
            OdpSetAction.apply(s, key, mask);
        }
        StringBuilder b = new StringBuilder("tunnel(");
        long keyFlags = flags(key);
        boolean hasId = FlowField.TUN_ID.get(key, 0) != 0 || (keyFlags & OdpFlags.TUN_F_KEY) != 0;
        if (hasId) {
            long m = FlowField.TUN_ID.get(mask, 0);
            b.append("tun_id=0x").append(Long.toHexString(FlowField.TUN_ID.get(key, 0)))
                    .append(m == -1L ? "" : "/" + OdpText.hexAlt(m)).append(',');
        }
        for (OdpField f : ALL) {
            if (f == TTL || !f.isZero(key)) {
                f.format(b, key, mask, true);
            }
        }
        long kf = keyFlags & PLAIN_FLAGS | (hasId ? OdpFlags.TUN_F_KEY : 0);
        if (kf != 0) {
            b.append("flags(").append(OdpFlags.pipe(kf, OdpFlags.TUNNEL)).append("),");
        }
        b.setLength(b.length() - 1);
        return b.append(')').toString();
    }

    // ---- Geneve options ----

    /**
     * Reads {@code {class=..,type=..,len=..,data[/mask]}...)} after "geneve(" into {@code opts}
     * (and {@code optMask} when matching; null in tnl_push headers). Returns the options' length.
     * As OVS: a class or type not given is wildcarded, data without a mask is exact. A length or
     * data not given is wildcarded too (OVS 3.1 makes them exact, but prints them wildcarded as
     * "{}" and "{class=..,type=..,len=4}", which would not read back the same).
     */
    static int parseGeneve(OdpScanner sc, byte[] opts, byte[] optMask) {
        int len = 0;
        while (sc.tryConsume('{')) {
            if (len + 4 > opts.length) {
                throw sc.error("Geneve options longer than " + opts.length + " bytes");
            }
            int dataLen = 0;
            if (sc.tryConsume("class=")) {
                long[] vm = sc.uintMasked(16);
                put(opts, len, 2, vm[0]);
                put(optMask, len, 2, vm[1]);
            }
            sc.tryConsume(',');
            if (sc.tryConsume("type=")) {
                long[] vm = sc.uintMasked(8);
                put(opts, len + 2, 1, vm[0]);
                put(optMask, len + 2, 1, vm[1]);
            }
            sc.tryConsume(',');
            if (sc.tryConsume("len=")) {
                long[] vm = sc.uintMasked(8);
                if (vm[0] > 124 || vm[0] % 4 != 0 || len + 4 + vm[0] > opts.length) {
                    throw sc.error("bad Geneve option length " + vm[0]);
                }
                dataLen = (int) vm[0];
                put(opts, len + 3, 1, dataLen / 4);
                put(optMask, len + 3, 1, vm[1] & 0x1f);
            }
            if (sc.tryConsume(',') && dataLen > 0) {
                System.arraycopy(sc.bigInt(dataLen), 0, opts, len + 4, dataLen);
                byte[] m = optMask != null && sc.tryConsume('/') ? sc.bigInt(dataLen) : null;
                for (int i = 0; optMask != null && i < dataLen; i++) {
                    optMask[len + 4 + i] = m == null ? (byte) 0xff : m[i];
                }
            }
            sc.expect('}');
            len += 4 + dataLen;
        }
        sc.expect(')');
        return len;
    }

    private static void put(byte[] b, int off, int n, long v) {
        if (b != null) {
            for (int i = 0; i < n; i++) {
                b[off + i] = (byte) (v >>> (8 * (n - 1 - i)));
            }
        }
    }

    /** Options as OVS's format_geneve_opts writes them; {@code mask} null means exact. */
    static String formatGeneve(byte[] opt, byte[] mask, int len, boolean verbose) {
        StringBuilder b = new StringBuilder();
        int o = 0;
        long[] k = new long[FlowKey.WORDS];
        long[] m = new long[FlowKey.WORDS];
        while (o < len) {
            if (len - o < 4) {
                return b.append("opt len ").append(len - o).append(" less than minimum 4").toString();
            }
            int dataLen = (opt[o + 3] & 0x1f) * 4;
            if (4 + dataLen > len - o) {
                return b.append("opt len ").append(4 + dataLen).append(" greater than remaining ").append(len - o)
                        .toString();
            }
            // Reuse the field formatters on a scratch key: class in tp_src, type and len in tos/ttl.
            FlowField.TP_SRC.set(k, 0, u(opt, o, 2));
            FlowField.NW_TOS.set(k, 0, u(opt, o + 2, 1));
            FlowField.NW_TTL.set(k, 0, dataLen);
            int lenMask = mask == null ? 0xff : (mask[o + 3] & 0x1f) == 0x1f ? 0xff : mask[o + 3] & 0x1f;
            FlowField.TP_SRC.set(m, 0, mask == null ? 0xffff : u(mask, o, 2));
            FlowField.NW_TOS.set(m, 0, mask == null ? 0xff : u(mask, o + 2, 1));
            FlowField.NW_TTL.set(m, 0, lenMask);
            b.append('{');
            OPT_CLASS.format(b, k, m, verbose);
            OPT_TYPE.format(b, k, m, verbose);
            OPT_LEN.format(b, k, m, verbose);
            if (dataLen > 0 && (verbose || mask == null || !allBytes(mask, o + 4, dataLen, 0))) {
                b.append(OdpText.hexBytes(opt, o + 4, dataLen));
                if (mask != null && !allBytes(mask, o + 4, dataLen, 0xff)) {
                    b.append('/').append(OdpText.hexBytes(mask, o + 4, dataLen));
                }
            } else if (b.charAt(b.length() - 1) == ',') {
                b.setLength(b.length() - 1);
            }
            b.append('}');
            o += 4 + dataLen;
        }
        return b.toString();
    }

    private static long u(byte[] b, int off, int n) {
        long v = 0;
        for (int i = 0; i < n; i++) {
            v = v << 8 | (b[off + i] & 0xff);
        }
        return v;
    }

    private static boolean allBytes(byte[] b, int off, int n, int value) {
        for (int i = 0; i < n; i++) {
            if ((b[off + i] & 0xff) != value) {
                return false;
            }
        }
        return true;
    }

    // ---- key words ----

    static long flags(long[] k) {
        return FlowField.TUN_FLAGS.get(k, 0);
    }

    static void flags(long[] k, long v) {
        FlowField.TUN_FLAGS.set(k, 0, v);
    }

    /** The Geneve option bytes of a key or mask. */
    static byte[] bytes(long[] k) {
        byte[] b = new byte[GENEVE_MAX];
        for (int i = 0; i < GENEVE_MAX / 8; i++) {
            OdpText.longToBytes(k[FlowKey.W_GENEVE_OPTS + i], b, 8 * i);
        }
        return b;
    }

    static void putBytes(long[] k, byte[] b) {
        for (int i = 0; i < GENEVE_MAX / 8; i++) {
            k[FlowKey.W_GENEVE_OPTS + i] = OdpText.bytesToLong(b, 8 * i);
        }
    }
}
