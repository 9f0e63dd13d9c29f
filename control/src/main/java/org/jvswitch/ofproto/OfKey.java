package org.jvswitch.ofproto;

import org.jvswitch.dataplane.flow.FlowKey;

/**
 * The key OpenFlow tables match on: a datapath {@link FlowKey} (whose in_port word holds the
 * OpenFlow port number during translation, not the datapath port) followed by the fields that
 * exist only in translation: the sixteen 32-bit registers and the 64-bit metadata.
 *
 * <pre>
 *   words 0 .. 37        FlowKey (in_port = ofport)
 *   words 38 .. 45       reg0|reg1, reg2|reg3, ... reg14|reg15 (high half first)
 *   word  46             metadata
 *   word  47             tun_metadata present bits (bit N: tun_metadataN)
 *   words 48 .. 79       tun_metadata space (256 bytes, see TlvMap)
 * </pre>
 *
 * Masks have the same layout. OpenFlow port numbers are Open vSwitch's 16-bit ones, with its
 * reserved values below.
 */
public final class OfKey {
    public static final int W_REGS = FlowKey.WORDS;
    public static final int W_METADATA = W_REGS + 8;
    /** Bit N: tun_metadataN is present (its Geneve option came in, or set_field wrote it). */
    public static final int W_TUN_MD_PRESENT = W_METADATA + 1;
    /** The 256-byte tun_metadata space, laid out by the bridge's {@link TlvMap}. */
    public static final int W_TUN_MD = W_TUN_MD_PRESENT + 1;
    public static final int WORDS = W_TUN_MD + TlvMap.MAX_SPACE / 8;

    /** Reserved OpenFlow ports (OVS's 16-bit ofp_port_t values). */
    public static final int OFPP_MAX = 0xff00;
    public static final int OFPP_UNSET = 0xfff7;
    public static final int OFPP_IN_PORT = 0xfff8;
    public static final int OFPP_TABLE = 0xfff9;
    public static final int OFPP_NORMAL = 0xfffa;
    public static final int OFPP_FLOOD = 0xfffb;
    public static final int OFPP_ALL = 0xfffc;
    public static final int OFPP_CONTROLLER = 0xfffd;
    public static final int OFPP_LOCAL = 0xfffe;
    public static final int OFPP_NONE = 0xffff;
    /** OpenFlow 1.1+ "any port" in flow_mod out_port (same as NONE). */
    public static final int OFPP_ANY = OFPP_NONE;

    private OfKey() {
    }

    /** Register {@code i} (0..15). */
    public static int reg(long[] k, int i) {
        long w = k[W_REGS + i / 2];
        return (int) ((i & 1) == 0 ? w >>> 32 : w);
    }

    public static void setReg(long[] k, int i, int value) {
        int w = W_REGS + i / 2;
        if ((i & 1) == 0) {
            k[w] = (long) value << 32 | k[w] & 0xffffffffL;
        } else {
            k[w] = k[w] & 0xffffffff00000000L | value & 0xffffffffL;
        }
    }

    /** An OpenFlow key from a datapath key, with in_port replaced by {@code ofport}. */
    public static long[] fromDatapath(long[] dpKey, int dpBase, int ofport) {
        long[] k = new long[WORDS];
        System.arraycopy(dpKey, dpBase, k, 0, FlowKey.WORDS);
        k[FlowKey.W_IN_PORT] = FlowKey.inPortWord(ofport, FlowKey.recircId(dpKey, dpBase));
        return k;
    }

    public static String portName(int ofport) {
        return switch (ofport) {
            case OFPP_IN_PORT -> "IN_PORT";
            case OFPP_TABLE -> "TABLE";
            case OFPP_NORMAL -> "NORMAL";
            case OFPP_FLOOD -> "FLOOD";
            case OFPP_ALL -> "ALL";
            case OFPP_CONTROLLER -> "CONTROLLER";
            case OFPP_LOCAL -> "LOCAL";
            case OFPP_NONE -> "NONE";
            default -> Integer.toString(ofport);
        };
    }
}
