package org.jvswitch.stp;

/**
 * BPDU frames on the wire: builds them and validates and decodes received ones
 * (802.1D-2004 9.3 encoding, 9.3.4 validation; 802.2 LLC encapsulation, 7.12.3).
 *
 * <pre>
 *  Ethernet (802.3 length, not EtherType) and LLC:
 *   0      6      12     14   15   16   17
 *   | dst  | src  | len  |DSAP|SSAP|CTL | BPDU ...        dst = 01:80:c2:00:00:00
 *                          0x42 0x42 0x03                  len = 3 + BPDU length
 *  BPDU (offsets from 17):
 *   0  protocol id (2) = 0      2 version   3 type   4 flags
 *   5  root id (8)              13 root path cost (4)
 *   17 bridge id (8)            25 port id (2)
 *   27 message age (2)          29 max age (2)   31 hello time (2)   33 forward delay (2)
 *   35 version 1 length (1), RST only: 0
 *  Config = 35 octets, TCN = 4, RST = 36. Times in 1/256 s. Frames are zero-padded to 60.
 * </pre>
 *
 * <p>Threads: stateless.
 */
public final class BpduCodec {

    /** The bridge group address every BPDU is sent to, 01:80:c2:00:00:00. */
    public static final long GROUP_ADDRESS = 0x0180C2000000L;
    public static final int ETH_HEADER = 14;
    public static final int LLC_HEADER = 3;
    public static final int BPDU_OFFSET = ETH_HEADER + LLC_HEADER;
    public static final int LLC_SAP = 0x42;
    public static final int LLC_UI = 0x03;
    public static final int CONFIG_LENGTH = 35;
    public static final int TCN_LENGTH = 4;
    public static final int RST_LENGTH = 36;
    /** Minimum Ethernet frame without FCS. */
    public static final int MIN_FRAME = 60;

    private BpduCodec() {
    }

    /** Result of {@link #decode}: a BPDU, or why the frame is not a valid one. */
    public record Decoded(Bpdu bpdu, String error) {
        public boolean ok() {
            return bpdu != null;
        }
    }

    /** Encodes {@code bpdu} in a frame from {@code srcMac}. */
    public static byte[] encode(Bpdu bpdu, long srcMac) {
        int bpduLength = switch (bpdu.type()) {
            case CONFIG -> CONFIG_LENGTH;
            case TCN -> TCN_LENGTH;
            case RST -> RST_LENGTH;
        };
        byte[] f = new byte[Math.max(MIN_FRAME, BPDU_OFFSET + bpduLength)];
        putLong48(f, 0, GROUP_ADDRESS);
        putLong48(f, 6, srcMac);
        putShort(f, 12, LLC_HEADER + bpduLength);
        f[14] = LLC_SAP;
        f[15] = LLC_SAP;
        f[16] = LLC_UI;
        int o = BPDU_OFFSET;
        // Protocol identifier 0 at o..o+1 (already zero).
        f[o + 2] = (byte) bpdu.version();
        f[o + 3] = (byte) bpdu.type().code;
        if (bpdu.type() == Bpdu.Type.TCN) {
            return f;
        }
        f[o + 4] = (byte) bpdu.flags();
        putLong(f, o + 5, bpdu.rootId());
        putInt(f, o + 13, (int) bpdu.rootPathCost());
        putLong(f, o + 17, bpdu.bridgeId());
        putShort(f, o + 25, bpdu.portId());
        putShort(f, o + 27, bpdu.messageAge());
        putShort(f, o + 29, bpdu.maxAge());
        putShort(f, o + 31, bpdu.helloTime());
        putShort(f, o + 33, bpdu.forwardDelay());
        // RST: version 1 length at o+35 is 0 (already zero).
        return f;
    }

    /**
     * Validates and decodes a received frame. Checks the group address, the 802.3 length, the
     * LLC header, the protocol identifier and the length each BPDU type needs (9.3.4). It does
     * not judge the contents (message age against max age, own BPDUs): the engines do.
     */
    public static Decoded decode(byte[] f) {
        if (f == null || f.length < BPDU_OFFSET + TCN_LENGTH) {
            return error("runt frame (" + (f == null ? 0 : f.length) + " bytes)");
        }
        if (getLong48(f, 0) != GROUP_ADDRESS) {
            return error("not sent to the bridge group address");
        }
        int len = getShort(f, 12);
        if (len > 1500) {
            return error(String.format("EtherType 0x%04x, not an 802.3 length", len));
        }
        if (len < LLC_HEADER + TCN_LENGTH || len > f.length - ETH_HEADER) {
            return error("802.3 length " + len + " does not fit a " + f.length + "-byte frame");
        }
        if ((f[14] & 0xFF) != LLC_SAP || (f[15] & 0xFF) != LLC_SAP || (f[16] & 0xFF) != LLC_UI) {
            return error(String.format("LLC %02x %02x %02x, not 42 42 03",
                    f[14] & 0xFF, f[15] & 0xFF, f[16] & 0xFF));
        }
        int size = len - LLC_HEADER;
        int o = BPDU_OFFSET;
        int protocol = getShort(f, o);
        if (protocol != 0) {
            return error("unexpected protocol ID " + protocol);
        }
        int version = f[o + 2] & 0xFF;
        int type = f[o + 3] & 0xFF;
        if (type == Bpdu.Type.TCN.code) {
            return new Decoded(Bpdu.tcn(), null);
        }
        Bpdu.Type t;
        if (type == Bpdu.Type.CONFIG.code) {
            if (size < CONFIG_LENGTH) {
                return error("config BPDU of " + size + " bytes");
            }
            t = Bpdu.Type.CONFIG;
        } else if (type == Bpdu.Type.RST.code) {
            if (size < RST_LENGTH || version < 2) {
                return error("RST BPDU of " + size + " bytes, version " + version);
            }
            t = Bpdu.Type.RST;
            version = 2;                // MSTP (3) BPDUs are read as RST BPDUs (802.1Q 14.4)
        } else {
            return error("unexpected BPDU type " + type);
        }
        return new Decoded(new Bpdu(t, version, f[o + 4] & 0xFF, getLong(f, o + 5),
                getInt(f, o + 13) & 0xFFFF_FFFFL, getLong(f, o + 17), getShort(f, o + 25),
                getShort(f, o + 27), getShort(f, o + 29), getShort(f, o + 31), getShort(f, o + 33)),
                null);
    }

    private static Decoded error(String why) {
        return new Decoded(null, why);
    }

    private static void putShort(byte[] f, int o, int v) {
        f[o] = (byte) (v >>> 8);
        f[o + 1] = (byte) v;
    }

    private static void putInt(byte[] f, int o, int v) {
        putShort(f, o, v >>> 16);
        putShort(f, o + 2, v);
    }

    private static void putLong(byte[] f, int o, long v) {
        putInt(f, o, (int) (v >>> 32));
        putInt(f, o + 4, (int) v);
    }

    private static void putLong48(byte[] f, int o, long v) {
        putShort(f, o, (int) (v >>> 32));
        putInt(f, o + 2, (int) v);
    }

    private static int getShort(byte[] f, int o) {
        return ((f[o] & 0xFF) << 8) | (f[o + 1] & 0xFF);
    }

    private static int getInt(byte[] f, int o) {
        return (getShort(f, o) << 16) | getShort(f, o + 2);
    }

    private static long getLong(byte[] f, int o) {
        return ((long) getInt(f, o) << 32) | (getInt(f, o + 4) & 0xFFFF_FFFFL);
    }

    private static long getLong48(byte[] f, int o) {
        return ((long) getShort(f, o) << 32) | (getInt(f, o + 2) & 0xFFFF_FFFFL);
    }
}
