package org.jvswitch.openflow.codec;

import org.jvswitch.dataplane.flow.FlowField;
import org.jvswitch.dataplane.flow.FlowKey;
import org.jvswitch.ofproto.OfKey;

/**
 * One NXM or OXM match field: its TLV header, width, and where its value lives in an
 * {@link OfKey}. NXM (Nicira's) and OXM (OpenFlow 1.2+) share one TLV format:
 *
 * <pre>
 *   header (32 bits): class (16) | field (7) | has_mask (1) | length (8)
 *   then the value (length bytes, or length/2 value and length/2 mask with has_mask)
 * </pre>
 *
 * A field maps onto key bits three ways: a slice of a datapath {@link FlowField} ({@code shift}
 * bits up, {@code bits} wide), a 32-bit register, or the 64-bit metadata / a 64-bit xreg.
 *
 * @param name     the name OVS's ovs-ofctl uses for it
 * @param cls      the TLV class (0x0000 NXM_OF, 0x0001 NXM_NX, 0x8000 OpenFlow basic, 0x8001 packet regs)
 * @param field    the field number within the class
 * @param len      the value's width in bytes
 * @param maskable whether it may carry a mask
 * @param nxm      whether the NXM dialect (OpenFlow 1.0 Nicira messages) encodes with this header
 * @param oxm      whether the OXM dialect (OpenFlow 1.2+) encodes with this header
 * @param target   what the value is: FLOW (a FlowField slice), REG (register {@code reg}), WORD
 *                 (key word {@code reg}: metadata, xregs), IN_PORT16 / IN_PORT32 (OVS port numbers)
 * @param prereq   what the match must already say for the field to make sense
 * @param cfi      VLAN_PCP: the field also implies the VLAN-present bit
 * @param wireShift the value on the wire is the key slice shifted up this much (NXM_OF_IP_TOS: 2)
 */
public record OxmField(String name, int cls, int field, int len, boolean maskable, boolean nxm, boolean oxm,
                       Target target, FlowField flowField, int shift, int bits, int reg, Prereq prereq, boolean cfi,
                       int wireShift) {

    public enum Target { FLOW, REG, WORD, IN_PORT16, IN_PORT32 }

    /** Prerequisites, tested against a match's key and mask. */
    public enum Prereq {
        NONE, IPV4, IPV6, IP_ANY, ARP, TCP, UDP, SCTP, ICMPV4, ICMPV6, ND, ND_SOLICIT, ND_ADVERT, MPLS, VLAN;

        /** Whether a match (key, mask) satisfies this prerequisite. */
        public boolean holds(long[] key, long[] mask) {
            int type = exact(key, mask, FlowField.ETH_TYPE);
            int proto = exact(key, mask, FlowField.NW_PROTO);
            boolean ip4 = type == FlowKey.ETH_TYPE_IP;
            boolean ip6 = type == FlowKey.ETH_TYPE_IPV6;
            boolean ip = ip4 || ip6;
            return switch (this) {
                case NONE -> true;
                case IPV4 -> ip4;
                case IPV6 -> ip6;
                case IP_ANY -> ip;
                case ARP -> type == FlowKey.ETH_TYPE_ARP || type == FlowKey.ETH_TYPE_RARP;
                case TCP -> ip && proto == FlowKey.IPPROTO_TCP;
                case UDP -> ip && proto == FlowKey.IPPROTO_UDP;
                case SCTP -> ip && proto == FlowKey.IPPROTO_SCTP;
                case ICMPV4 -> ip4 && proto == FlowKey.IPPROTO_ICMP;
                case ICMPV6 -> ip6 && proto == FlowKey.IPPROTO_ICMPV6;
                case ND, ND_SOLICIT, ND_ADVERT -> {
                    if (!(ip6 && proto == FlowKey.IPPROTO_ICMPV6)) {
                        yield false;
                    }
                    int t = exact(key, mask, FlowField.TP_SRC);
                    yield this == ND ? t == 135 || t == 136 : this == ND_SOLICIT ? t == 135 : t == 136;
                }
                case MPLS -> type == FlowKey.ETH_TYPE_MPLS || type == FlowKey.ETH_TYPE_MPLS_MCAST;
                case VLAN -> (key[FlowKey.W_VLAN] & mask[FlowKey.W_VLAN] & (long) FlowKey.VLAN_CFI << 32) != 0;
            };
        }

        private static int exact(long[] key, long[] mask, FlowField f) {
            return f.isExact(mask, 0) ? (int) f.get(key, 0) : -1;
        }
    }

    /** The header without the mask bit and length: class and field. */
    public int id() {
        return cls << 7 | field;
    }

    public int header(boolean hasMask) {
        return cls << 16 | field << 9 | (hasMask ? 1 << 8 : 0) | (hasMask ? 2 * len : len);
    }

    /** The value's bits that the key can hold (all {@code bits} of a FLOW slice). */
    public long valueBits() {
        return switch (target) {
            case FLOW -> bits >= 64 ? -1L : (1L << bits) - 1;
            case REG -> 0xffffffffL;
            case WORD -> -1L;
            case IN_PORT16 -> 0xffffL;
            case IN_PORT32 -> 0xffffffffL;
        };
    }

    boolean wide() {
        return len == 16;
    }

    // ---- reading and writing key bits ----

    /** Reads the field's value (or, from a mask, its mask) out of key words. */
    public long get(long[] k) {
        return switch (target) {
            case FLOW -> flowField.get(k, 0) >>> shift & valueBits();
            case REG -> OfKey.reg(k, reg) & 0xffffffffL;
            case WORD -> k[reg];
            case IN_PORT16 -> FlowField.IN_PORT.get(k, 0);
            case IN_PORT32 -> OfWire.portTo32((int) FlowField.IN_PORT.get(k, 0)) & 0xffffffffL;
        };
    }

    /** Reads the second (low) word of a 128-bit field. */
    public long get2(long[] k) {
        return flowField.word(k, 0, 1);
    }

    /** ORs value bits into key words (the caller starts from zero for each field). */
    public void put(long[] k, long v, boolean isMask) {
        switch (target) {
            case FLOW -> {
                long cur = flowField.get(k, 0);
                flowField.set(k, 0, cur | (v & valueBits()) << shift);
            }
            case REG -> OfKey.setReg(k, reg, (int) v);
            case WORD -> k[reg] = v;
            case IN_PORT16 -> FlowField.IN_PORT.set(k, 0, isMask ? (v == 0 ? 0 : 0xffffffffL) : v & 0xffff);
            case IN_PORT32 -> {
                if (isMask) {
                    FlowField.IN_PORT.set(k, 0, v == 0 ? 0 : 0xffffffffL);
                } else {
                    int p = OfWire.portFrom32((int) v);
                    if (p < 0) {
                        throw new OfCodecException(org.jvswitch.ofproto.OfError.Type.BAD_MATCH, "BAD_VALUE",
                                "in_port " + Integer.toUnsignedString((int) v));
                    }
                    FlowField.IN_PORT.set(k, 0, p);
                }
            }
        }
    }

    public void put2(long[] k, long v) {
        flowField.setWord(k, 0, 1, v);
    }

    /** Whether a mask names any of the field's bits. */
    public boolean inMask(long[] mask) {
        if (wide()) {
            return get(mask) != 0 || get2(mask) != 0;
        }
        return get(mask) != 0;
    }

    /** Whether the mask names every bit of the field. */
    public boolean exactIn(long[] mask) {
        if (wide()) {
            return get(mask) == -1L && get2(mask) == -1L;
        }
        if (target == Target.IN_PORT16 || target == Target.IN_PORT32) {
            return FlowField.IN_PORT.get(mask, 0) != 0;
        }
        return (get(mask) & valueBits()) == valueBits();
    }
}
