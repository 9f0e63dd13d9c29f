package org.jvswitch.dataplane.action;

import java.util.List;

/**
 * Datapath actions compiled for the fast path: one {@code long[]} of instructions run by one
 * switch loop ({@link ActionExecutor}), plus the slow-path list it came from (for dumps).
 *
 * <pre>
 *   code[pc]      opcode                          (one of the constants below)
 *   code[pc + 1]  operands, as many as the opcode takes (see {@link #size})
 *   CLONE, SAMPLE: their operand n is the length of the nested program that follows inline
 * </pre>
 *
 * The flags of the instructions that consume a packet (OUTPUT, RECIRC, TNL_POP) say how
 * it leaves: {@link #STEAL} the packet itself (nothing runs on it afterwards), {@link #SHARE} the
 * same mbuf with one more reference (nothing after this changes its bytes), else a copy.
 * {@link ActionCompiler} decides once, at install time; packets no instruction stole are freed
 * at the end.
 *
 * <p>Immutable; shared by every PMD's copy of a flow.
 */
public final class ActionProgram {
    public static final int OUTPUT = 1;        // port, flags
    public static final int USERSPACE = 2;     // pid, side index of userdata
    public static final int SET_META = 3;      // key word, value, mask (metadata words)
    public static final int SET_ETH_DST = 4;   // value, mask
    public static final int SET_ETH_SRC = 5;   // value, mask
    public static final int SET_NW_SRC = 6;    // value, mask (IPv4 source or ARP spa)
    public static final int SET_NW_DST = 7;    // value, mask (IPv4 destination or ARP tpa)
    public static final int SET_NW_TOS = 8;    // value, mask (IPv4 tos, IPv6 traffic class)
    public static final int SET_NW_TTL = 9;    // value, mask (IPv4 ttl, IPv6 hop limit)
    public static final int SET_IPV6_SRC = 10; // hi, lo, mask hi, mask lo
    public static final int SET_IPV6_DST = 11; // hi, lo, mask hi, mask lo
    public static final int SET_IPV6_LABEL = 12; // value, mask
    public static final int SET_TP_SRC = 13;   // value, mask (TCP/UDP/SCTP source port)
    public static final int SET_TP_DST = 14;   // value, mask
    public static final int SET_MPLS_LSE = 15; // value, mask
    public static final int SET_ARP_SHA = 16;  // value, mask (also ND sll)
    public static final int SET_ARP_THA = 17;  // value, mask (also ND tll)
    public static final int PUSH_VLAN = 18;    // tpid, tci
    public static final int POP_VLAN = 19;
    public static final int PUSH_MPLS = 20;    // lse, eth_type
    public static final int POP_MPLS = 21;     // eth_type
    public static final int RECIRC = 22;       // recirc_id, flags
    public static final int HASH = 23;         // alg, basis
    public static final int CLONE = 24;        // n, then n words of program
    public static final int SAMPLE = 25;       // probability (of 2^32), n, then n words
    public static final int TRUNC = 26;        // max length
    public static final int METER = 27;        // meter id
    public static final int TNL_PUSH = 28;     // side index of the TunnelHeader, (unused): encapsulates in place
    public static final int TNL_POP = 29;      // tunnel port, flags

    /** OUTPUT flags. */
    public static final long STEAL = 1;
    public static final long SHARE = 2;

    private final long[] code;
    private final Object[] side;
    private final List<DpAction> actions;
    private final boolean writesMetadata;
    private final boolean needsKey;

    ActionProgram(long[] code, Object[] side, List<DpAction> actions) {
        this.code = code;
        this.side = side;
        this.actions = List.copyOf(actions);
        boolean meta = false;
        boolean key = false;
        for (int pc = 0; pc < code.length; pc += size(code, pc)) {
            int op = (int) code[pc];
            meta |= op == SET_META || op == HASH || op == TNL_POP;
            key |= op != OUTPUT && op != METER && op != TRUNC;
        }
        this.writesMetadata = meta;
        this.needsKey = key;
    }

    /**
     * Whether running it needs the packets' keys and layer offsets (anything but outputs,
     * meters and truncation does). Programs that don't can run on packets matched by the
     * simple-match path, which never extracts a key.
     */
    public boolean needsKey() {
        return needsKey;
    }

    /** Whether running it may change the metadata words of the packets' keys (top level). */
    public boolean writesMetadata() {
        return writesMetadata;
    }

    /** The instructions; do not modify. */
    public long[] code() {
        return code;
    }

    /** Objects instructions refer to by index (userdata, tunnel headers); do not modify. */
    public Object[] side() {
        return side;
    }

    /** The actions this was compiled from. */
    public List<DpAction> actions() {
        return actions;
    }

    public boolean isDrop() {
        return code.length == 0;
    }

    /** Words an instruction at {@code pc} occupies, nested program included. */
    public static int size(long[] code, int pc) {
        return switch ((int) code[pc]) {
            case POP_VLAN -> 1;
            case POP_MPLS, TRUNC, METER -> 2;
            case OUTPUT, USERSPACE, RECIRC, TNL_PUSH, TNL_POP, PUSH_VLAN, PUSH_MPLS, HASH, SET_ETH_DST, SET_ETH_SRC, SET_NW_SRC, SET_NW_DST,
                 SET_NW_TOS, SET_NW_TTL, SET_IPV6_LABEL, SET_TP_SRC, SET_TP_DST, SET_MPLS_LSE, SET_ARP_SHA,
                 SET_ARP_THA -> 3;
            case SET_META -> 4;
            case SET_IPV6_SRC, SET_IPV6_DST -> 5;
            case CLONE -> 2 + (int) code[pc + 1];
            case SAMPLE -> 3 + (int) code[pc + 2];
            default -> throw new IllegalStateException("bad opcode " + code[pc] + " at " + pc);
        };
    }

    @Override
    public String toString() {
        return actions.toString();
    }
}
