package org.jvswitch.dataplane.odp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.jvswitch.dataplane.flow.FlowField;
import org.jvswitch.dataplane.flow.FlowKey;
import org.junit.jupiter.api.Test;

/**
 * parse(format(key, mask)) on many random keys and masks. Verbose text gives back key and mask
 * exactly; terse text gives back the mask and the masked key (it leaves out values under empty
 * masks, as OVS's does). The generator makes what a datapath can hold and print: a key field is
 * set only where the key has its attribute (no TCP ports in an ARP key), and for the terse form
 * the fields that decide which attributes exist (eth_type, proto, tunnel addresses) are exact
 * whenever something below them is matched, as in any megaflow OVS or jvswitch builds.
 */
class OdpKeyRoundTripTest {
    private static final int[] ETH_TYPES = {FlowKey.ETH_TYPE_IP, FlowKey.ETH_TYPE_IPV6, FlowKey.ETH_TYPE_ARP,
        FlowKey.ETH_TYPE_RARP, FlowKey.ETH_TYPE_MPLS, FlowKey.ETH_TYPE_MPLS_MCAST, 0x1234, FlowKey.ETH_TYPE_NONE};
    private static final int[] PROTOS = {6, 17, 132, 1, 58, 47};

    @Test
    void verboseGivesBackKeyAndMask() {
        SplittableRandom r = new SplittableRandom(42);
        for (int i = 0; i < 5000; i++) {
            long[] k = new long[FlowKey.WORDS];
            long[] m = new long[FlowKey.WORDS];
            generate(r, k, m, false);
            String text = OdpKey.format(k, m, true, null);
            OdpMatch p = OdpKey.parse(text);
            assertArrayEquals(m, p.mask(), text);
            assertArrayEquals(k, p.key(), text);
        }
    }

    @Test
    void terseGivesBackMaskAndMaskedKey() {
        SplittableRandom r = new SplittableRandom(7);
        for (int i = 0; i < 5000; i++) {
            long[] k = new long[FlowKey.WORDS];
            long[] m = new long[FlowKey.WORDS];
            generate(r, k, m, true);
            String text = OdpKey.format(k, m);
            OdpMatch p = OdpKey.parse(text);
            assertArrayEquals(m, p.mask(), text);
            assertArrayEquals(new OdpMatch(k, m, null).maskedKey(), p.maskedKey(), text);
            assertEquals(text, OdpKey.format(p.key(), p.mask()), "printing is stable");
        }
    }

    /** A value for {@code f} and a mask that is empty, exact or random, each a third of the time. */
    private static void field(SplittableRandom r, long[] k, long[] m, FlowField f, boolean mustMatch) {
        long ones = f.bits >= 64 ? -1L : (1L << f.bits) - 1;
        for (int w = 0; w < f.words; w++) {
            long v = r.nextLong() & ones;
            long mask = mustMatch ? ones : switch (r.nextInt(3)) {
                case 0 -> 0;
                case 1 -> ones;
                default -> r.nextLong() & ones;
            };
            if (f.words == 2) {
                f.setWord(k, 0, w, v);
                f.setWord(m, 0, w, mask);
            } else {
                f.set(k, 0, v);
                f.set(m, 0, mask);
            }
        }
    }

    private static void sub(SplittableRandom r, long[] k, long[] m, FlowField f, long ones, boolean mustMatch) {
        f.set(k, 0, r.nextLong() & ones);
        f.set(m, 0, mustMatch || r.nextBoolean() ? ones : r.nextLong() & ones);
    }

    private static void generate(SplittableRandom r, long[] k, long[] m, boolean terse) {
        for (FlowField f : new FlowField[] {FlowField.SKB_PRIORITY, FlowField.PKT_MARK, FlowField.DP_HASH,
            FlowField.RECIRC_ID, FlowField.CT_MARK, FlowField.CT_ZONE, FlowField.CT_STATE, FlowField.CT_LABEL,
            FlowField.IN_PORT, FlowField.ETH_SRC, FlowField.ETH_DST}) {
            field(r, k, m, f, false);
        }
        if (r.nextInt(3) == 0) {
            tunnel(r, k, m, terse);
        }
        int tags = r.nextInt(4) == 0 ? 1 + r.nextInt(2) : 0;
        FlowField[] tpid = {FlowField.VLAN0_TPID, FlowField.VLAN1_TPID};
        FlowField[] tci = {FlowField.VLAN0_TCI, FlowField.VLAN1_TCI};
        for (int d = 0; d < tags; d++) {
            tpid[d].set(k, 0, r.nextBoolean() ? FlowKey.ETH_TYPE_VLAN : FlowKey.ETH_TYPE_VLAN_8021AD);
            tpid[d].set(m, 0, 0xffff);
            tci[d].set(k, 0, FlowKey.VLAN_CFI | r.nextInt(0x10000) & ~FlowKey.VLAN_CFI);
            tci[d].set(m, 0, FlowKey.VLAN_CFI | r.nextInt(0x10000));
        }
        int et = ETH_TYPES[r.nextInt(ETH_TYPES.length)];
        boolean below = r.nextInt(4) != 0;
        FlowField.ETH_TYPE.set(k, 0, et);
        FlowField.ETH_TYPE.set(m, 0, et == FlowKey.ETH_TYPE_NONE || terse && below ? 0xffff
                : r.nextBoolean() ? 0xffff : r.nextInt(0x10000));
        if (tags < 2 && FlowField.ETH_TYPE.get(m, 0) != 0) {
            // An Ethertype at this depth means no further tag: the parser marks that in the mask.
            tci[tags].set(m, 0, FlowKey.VLAN_CFI);
        }
        if (!below) {
            return;
        }
        boolean ip = et == FlowKey.ETH_TYPE_IP;
        switch (et) {
            case FlowKey.ETH_TYPE_IP, FlowKey.ETH_TYPE_IPV6 -> {
                int proto = PROTOS[r.nextInt(PROTOS.length)];
                FlowField.NW_PROTO.set(k, 0, proto);
                FlowField.NW_PROTO.set(m, 0, terse || r.nextBoolean() ? 0xff : r.nextInt(0x100));
                for (FlowField f : ip ? new FlowField[] {FlowField.NW_SRC, FlowField.NW_DST, FlowField.NW_TOS,
                    FlowField.NW_TTL} : new FlowField[] {FlowField.IPV6_SRC, FlowField.IPV6_DST, FlowField.NW_TOS,
                    FlowField.NW_TTL}) {
                    field(r, k, m, f, false);
                }
                if (!ip) {
                    sub(r, k, m, FlowField.IPV6_LABEL, 0xfffff, false);
                }
                // frag prints only when matched (even verbose), so an unmatched one is "no".
                boolean fragMatched = r.nextBoolean();
                long frag = fragMatched ? new long[] {0, FlowKey.FRAG_ANY, FlowKey.FRAG_ANY | FlowKey.FRAG_LATER}[
                        r.nextInt(3)] : 0;
                FlowField.NW_FRAG.set(k, 0, frag);
                FlowField.NW_FRAG.set(m, 0, fragMatched ? 3 : 0);
                if ((frag & FlowKey.FRAG_LATER) == 0) {
                    l4(r, k, m, proto, ip);
                }
                if (ip && r.nextBoolean()) {
                    FlowField.CT_NW_PROTO.set(k, 0, 1 + r.nextInt(255));
                    FlowField.CT_NW_PROTO.set(m, 0, 0xff);
                    for (FlowField f : new FlowField[] {FlowField.CT_NW_SRC, FlowField.CT_NW_DST, FlowField.CT_TP_SRC,
                        FlowField.CT_TP_DST}) {
                        field(r, k, m, f, false);
                    }
                }
            }
            case FlowKey.ETH_TYPE_ARP, FlowKey.ETH_TYPE_RARP -> {
                for (FlowField f : new FlowField[] {FlowField.NW_SRC, FlowField.NW_DST, FlowField.ARP_SHA,
                    FlowField.ARP_THA}) {
                    field(r, k, m, f, false);
                }
                sub(r, k, m, FlowField.NW_PROTO, 0xff, false);
            }
            case FlowKey.ETH_TYPE_MPLS, FlowKey.ETH_TYPE_MPLS_MCAST -> field(r, k, m, FlowField.MPLS_LSE, false);
            default -> {
            }
        }
    }

    private static void l4(SplittableRandom r, long[] k, long[] m, int proto, boolean ip) {
        switch (proto) {
            case 6, 17, 132 -> {
                field(r, k, m, FlowField.TP_SRC, false);
                field(r, k, m, FlowField.TP_DST, false);
                if (proto == 6 && r.nextBoolean()) {
                    long mask = r.nextBoolean() ? 0xffff : r.nextInt(1, 0x1000);
                    FlowField.TCP_FLAGS.set(k, 0, r.nextInt(0x1000) & mask);
                    FlowField.TCP_FLAGS.set(m, 0, mask);
                }
            }
            case 1, 58 -> {
                if (proto == 1 != ip) {
                    return;
                }
                boolean nd = !ip && r.nextBoolean();
                FlowField.TP_SRC.set(k, 0, nd ? 135 + r.nextInt(2) : r.nextInt(256));
                FlowField.TP_DST.set(k, 0, nd ? 0 : r.nextInt(256));
                boolean exact = nd || r.nextBoolean();
                FlowField.TP_SRC.set(m, 0, exact ? 0xff : r.nextInt(256));
                FlowField.TP_DST.set(m, 0, exact ? 0xff : r.nextInt(256));
                if (nd) {
                    field(r, k, m, FlowField.ND_TARGET, false);
                    field(r, k, m, FlowField.ARP_SHA, false);
                    field(r, k, m, FlowField.ARP_THA, false);
                }
            }
            default -> {
            }
        }
    }

    private static void tunnel(SplittableRandom r, long[] k, long[] m, boolean terse) {
        boolean v6 = r.nextBoolean();
        FlowField[] addrs = v6 ? new FlowField[] {FlowField.TUN_IPV6_SRC, FlowField.TUN_IPV6_DST}
                : new FlowField[] {FlowField.TUN_SRC, FlowField.TUN_DST};
        for (FlowField f : addrs) {
            field(r, k, m, f, terse);
            if (f.words == 1 && f.get(k, 0) == 0) {
                f.set(k, 0, 1);
            }
        }
        field(r, k, m, FlowField.TUN_TTL, false);
        // Fields that print only when set in the key must not be matched when zero.
        for (FlowField f : new FlowField[] {FlowField.TUN_TOS, FlowField.TUN_TP_SRC, FlowField.TUN_TP_DST}) {
            if (r.nextBoolean()) {
                field(r, k, m, f, false);
                if (f.get(k, 0) == 0) {
                    f.set(m, 0, 0);
                }
            }
        }
        long flags = r.nextInt(8) & (OdpFlags.TUN_F_DF | OdpFlags.TUN_F_CSUM | OdpFlags.TUN_F_OAM);
        long flagMask = r.nextInt(16) & (OdpFlags.TUN_F_DF | OdpFlags.TUN_F_CSUM | OdpFlags.TUN_F_OAM);
        if (r.nextBoolean()) {
            field(r, k, m, FlowField.TUN_ID, false);
            flags |= OdpFlags.TUN_F_KEY;
            flagMask |= OdpFlags.TUN_F_KEY;
        }
        // Flags print as +flag/-flag for the mask's bits only.
        FlowField.TUN_FLAGS.set(k, 0, flags & flagMask);
        FlowField.TUN_FLAGS.set(m, 0, flagMask);
        if (r.nextInt(3) == 0) {
            geneve(r, k, m, terse);
        }
    }

    private static void geneve(SplittableRandom r, long[] k, long[] m, boolean terse) {
        byte[] opt = new byte[OdpTunnel.GENEVE_MAX];
        byte[] mask = new byte[OdpTunnel.GENEVE_MAX];
        int len = 0;
        for (int n = 1 + r.nextInt(3); n > 0; n--) {
            int dataLen = 4 * r.nextInt(3);
            opt[len] = (byte) r.nextInt(256);
            opt[len + 1] = (byte) r.nextInt(256);
            opt[len + 2] = (byte) r.nextInt(256);
            opt[len + 3] = (byte) (dataLen / 4);
            mask[len] = (byte) (r.nextBoolean() ? 0xff : r.nextInt(256));
            mask[len + 1] = (byte) (r.nextBoolean() ? 0xff : 0);
            mask[len + 2] = (byte) r.nextInt(256);
            mask[len + 3] = (byte) (terse && dataLen > 0 || r.nextBoolean() ? 0x1f : 0);
            for (int i = 0; i < dataLen; i++) {
                opt[len + 4 + i] = (byte) r.nextInt(256);
                mask[len + 4 + i] = (byte) (r.nextBoolean() ? 0xff : r.nextInt(256));
            }
            len += 4 + dataLen;
        }
        FlowField.GENEVE_LEN.set(k, 0, len);
        FlowField.GENEVE_LEN.set(m, 0, 0xff);
        OdpTunnel.putBytes(k, opt);
        OdpTunnel.putBytes(m, mask);
    }
}
