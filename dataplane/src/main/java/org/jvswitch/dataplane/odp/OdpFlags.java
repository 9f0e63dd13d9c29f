package org.jvswitch.dataplane.odp;

/**
 * Flag sets in datapath flow text ({@code ct_state}, {@code tcp_flags}, tunnel {@code flags}) and
 * the bit values they stand for in a {@link org.jvswitch.dataplane.flow.FlowKey}.
 *
 * <p>OVS writes a flag set three ways and reads all of them: exact as names joined by '|'
 * ({@code syn|ack}, "0" for none), masked as '+' or '-' per flag the mask covers
 * ({@code +trk-new}, "0/0" for an empty mask), and as numbers ({@code 0x12}, {@code 0x21/0x23}).
 * A flag set without a mask is exact. The bit values are OVS's: ct_state as its {@code CS_*}
 * flags (which equal the datapath's), TCP flags as on the wire, and tunnel flags as OVS's
 * {@code FLOW_TNL_F_*}, in that order because OVS prints them lowest bit first.
 */
public final class OdpFlags {
    public static final int CS_NEW = 0x01;
    public static final int CS_ESTABLISHED = 0x02;
    public static final int CS_RELATED = 0x04;
    public static final int CS_REPLY_DIR = 0x08;
    public static final int CS_INVALID = 0x10;
    public static final int CS_TRACKED = 0x20;
    public static final int CS_SRC_NAT = 0x40;
    public static final int CS_DST_NAT = 0x80;

    /** Tunnel flags in {@code FlowField.TUN_FLAGS}: OAM bit set. */
    public static final int TUN_F_OAM = 0x1;
    /** Tunnel flags: outer IP header has DF set (or must have it, in a set/push action). */
    public static final int TUN_F_DF = 0x2;
    /** Tunnel flags: outer UDP/GRE checksum present. */
    public static final int TUN_F_CSUM = 0x4;
    /** Tunnel flags: the tunnel has a key (tun_id is meaningful). */
    public static final int TUN_F_KEY = 0x8;
    public static final int TUN_F_MASK = 0xf;

    static final String[] CT_STATE = {"new", "est", "rel", "rpl", "inv", "trk", "snat", "dnat"};
    static final String[] TCP = {"fin", "syn", "rst", "psh", "ack", "urg", "ece", "cwr", "ns", "[200]", "[400]",
        "[800]"};
    static final String[] TUNNEL = {"oam", "df", "csum", "key"};
    static final int TCP_FLAGS_MASK = 0x0fff;

    private OdpFlags() {
    }

    /** OVS's format_flags: names joined by '|', "0" for none, unnamed bits as one hex number. */
    static String pipe(long flags, String[] names) {
        if (flags == 0) {
            return "0";
        }
        StringBuilder b = new StringBuilder();
        long bad = 0;
        for (int bit = 0; bit < 64; bit++) {
            long f = 1L << bit;
            if ((flags & f) == 0) {
                continue;
            }
            if (bit < names.length) {
                b.append(b.isEmpty() ? "" : "|").append(names[bit]);
            } else {
                bad |= f;
            }
        }
        if (bad != 0) {
            b.append(b.isEmpty() ? "" : "|").append("0x").append(Long.toHexString(bad));
        }
        return b.toString();
    }

    /**
     * OVS's format_flags_masked: the '|' form when {@code mask} is {@code maxMask}, "0/0" for an
     * empty mask, otherwise '+' or '-' for each bit of the mask, lowest first.
     */
    static String masked(long flags, long mask, long maxMask, String[] names) {
        if (mask == maxMask) {
            return pipe(flags, names);
        }
        if (mask == 0) {
            return "0/0";
        }
        StringBuilder b = new StringBuilder();
        for (int bit = 0; bit < 64; bit++) {
            long f = 1L << bit;
            if ((mask & f) != 0) {
                b.append((flags & f) != 0 ? '+' : '-').append(bit < names.length ? names[bit] : "[Unknown]");
            }
        }
        return b.toString();
    }

    /**
     * Reads a flag set up to (not including) {@code end}: "a|b" and plain numbers are exact
     * (mask -1), "+a-b" masks the flags it names, "v/m" is numeric and masked. Flags outside
     * {@code allowed} are an error. Returns {flags, mask}.
     */
    static long[] parse(OdpScanner sc, String[] names, long allowed, char end, String what) {
        int start = sc.pos();
        if (Character.isDigit(sc.peek())) {
            long v = sc.uint(32);
            if (sc.tryConsume('/')) {
                long m = sc.uint(32);
                checkAllowed(sc, v | m, allowed, what, start);
                return new long[] {v, m};
            }
            sc.pos(start);
        }
        if (sc.peek() == '+' || sc.peek() == '-') {
            long flags = 0;
            long mask = 0;
            while (sc.peek() != end) {
                boolean set = sc.tryConsume('+');
                if (!set && !sc.tryConsume('-')) {
                    throw sc.error(what + " flags must each be preceded by '+' or '-'");
                }
                long bit = name(sc, names, "+-" + end, what);
                if ((mask & bit) != 0) {
                    throw sc.error("each " + what + " flag can be given only once");
                }
                checkAllowed(sc, bit, allowed, what, start);
                mask |= bit;
                flags |= set ? bit : 0;
            }
            return new long[] {flags, mask};
        }
        long flags = 0;
        while (sc.peek() != end && !sc.atEnd()) {
            if (Character.isDigit(sc.peek())) {
                flags |= sc.uint(32);
            } else {
                flags |= name(sc, names, "|" + end, what);
            }
            if (!sc.tryConsume('|') && sc.peek() != end) {
                throw sc.error("bad " + what + " flags");
            }
        }
        checkAllowed(sc, flags, allowed, what, start);
        return new long[] {flags, -1L};
    }

    private static long name(OdpScanner sc, String[] names, String stops, String what) {
        int from = sc.pos();
        for (int bit = 0; bit < names.length; bit++) {
            String n = names[bit];
            if (sc.startsWith(n)) {
                sc.pos(from + n.length());
                if (stops.indexOf(sc.peek()) >= 0 && !sc.atEnd()) {
                    return 1L << bit;
                }
                sc.pos(from);
            }
        }
        int to = from;
        String in = sc.input();
        while (to < in.length() && stops.indexOf(in.charAt(to)) < 0) {
            to++;
        }
        throw sc.error("unknown " + what + " flag \"" + in.substring(from, to) + "\"");
    }

    private static void checkAllowed(OdpScanner sc, long flags, long allowed, String what, int start) {
        if ((flags & ~allowed) != 0) {
            throw sc.error(what + " flags 0x" + Long.toHexString(flags & ~allowed) + " are not supported");
        }
    }

    /**
     * TCP flags as dpctl/dump-flows prints a flow's statistics ({@code flags:S.}), tcpdump's
     * letters: S F P R U . E C N, then [200] [400] [800]; "none" for no flags.
     */
    public static String tcpFlagsStats(int tcpFlags) {
        if (tcpFlags == 0) {
            return "none";
        }
        StringBuilder b = new StringBuilder();
        int[] bits = {0x02, 0x01, 0x08, 0x04, 0x20, 0x10, 0x40, 0x80, 0x100};
        String letters = "SFPRU.ECN";
        for (int i = 0; i < bits.length; i++) {
            if ((tcpFlags & bits[i]) != 0) {
                b.append(letters.charAt(i));
            }
        }
        for (int bit = 0x200; bit <= 0x800; bit <<= 1) {
            if ((tcpFlags & bit) != 0) {
                b.append('[').append(Integer.toHexString(bit)).append(']');
            }
        }
        return b.toString();
    }
}
