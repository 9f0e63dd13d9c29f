package org.jvswitch.openflow.trace;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Map;
import org.jvswitch.dataplane.flow.FlowField;
import org.jvswitch.dataplane.flow.FlowKey;
import org.jvswitch.ofproto.OfKey;
import org.jvswitch.ofproto.OfPort;
import org.jvswitch.ofproto.Ofproto;
import org.jvswitch.openflow.codec.OxmField;
import org.jvswitch.openflow.codec.OxmFields;

/**
 * Open vSwitch's flow syntax ({@code in_port=1,tcp,nw_dst=10.0.0.2/24,reg0=5}) into an
 * {@link OfKey} key and mask: protocol shorthands (ip, ipv6, tcp, udp, sctp, icmp, icmp6, arp,
 * rarp, tcp6, udp6, sctp6), the NXM field names and their common aliases (eth_*, ip_*, tp_*,
 * dl_vlan, dl_vlan_pcp), values in decimal or 0x hex, MAC and IP addresses with optional
 * {@code /mask} or {@code /prefix}, and port names for in_port.
 */
public final class FlowSyntax {
    private static final Map<String, int[]> SHORTHANDS = Map.ofEntries(
            Map.entry("ip", new int[] {FlowKey.ETH_TYPE_IP, -1}),
            Map.entry("ipv6", new int[] {FlowKey.ETH_TYPE_IPV6, -1}),
            Map.entry("tcp", new int[] {FlowKey.ETH_TYPE_IP, 6}),
            Map.entry("udp", new int[] {FlowKey.ETH_TYPE_IP, 17}),
            Map.entry("sctp", new int[] {FlowKey.ETH_TYPE_IP, 132}),
            Map.entry("icmp", new int[] {FlowKey.ETH_TYPE_IP, 1}),
            Map.entry("tcp6", new int[] {FlowKey.ETH_TYPE_IPV6, 6}),
            Map.entry("udp6", new int[] {FlowKey.ETH_TYPE_IPV6, 17}),
            Map.entry("sctp6", new int[] {FlowKey.ETH_TYPE_IPV6, 132}),
            Map.entry("icmp6", new int[] {FlowKey.ETH_TYPE_IPV6, 58}),
            Map.entry("arp", new int[] {FlowKey.ETH_TYPE_ARP, -1}),
            Map.entry("rarp", new int[] {FlowKey.ETH_TYPE_RARP, -1}));
    private static final Map<String, String> ALIASES = Map.ofEntries(Map.entry("eth_src", "dl_src"),
            Map.entry("eth_dst", "dl_dst"), Map.entry("eth_type", "dl_type"), Map.entry("ip_src", "nw_src"),
            Map.entry("ip_dst", "nw_dst"), Map.entry("ip_proto", "nw_proto"), Map.entry("ip_ttl", "nw_ttl"),
            Map.entry("ip_ecn", "nw_ecn"), Map.entry("nw_frag", "ip_frag"), Map.entry("tunnel_id", "tun_id"),
            Map.entry("icmpv4_type", "icmp_type"), Map.entry("icmpv4_code", "icmp_code"),
            Map.entry("ipv6_nd_target", "nd_target"));

    /** A parsed flow: key (masked) and mask. */
    public record Flow(long[] key, long[] mask) {
    }

    private FlowSyntax() {
    }

    /** Parses a flow; {@link IllegalArgumentException} with a one-line reason when it is bad. */
    public static Flow parse(String text, Ofproto bridge) {
        long[] key = new long[OfKey.WORDS];
        long[] mask = new long[OfKey.WORDS];
        for (String tok : text.trim().split("[,\\s]+")) {
            if (tok.isEmpty()) {
                continue;
            }
            int eq = tok.indexOf('=');
            String name = (eq < 0 ? tok : tok.substring(0, eq)).toLowerCase();
            if (eq < 0) {
                int[] sh = SHORTHANDS.get(name);
                if (sh == null) {
                    throw new IllegalArgumentException(tok + ": unknown keyword");
                }
                set(key, mask, FlowField.ETH_TYPE, sh[0], -1L);
                if (sh[1] >= 0) {
                    set(key, mask, FlowField.NW_PROTO, sh[1], -1L);
                }
                continue;
            }
            field(key, mask, ALIASES.getOrDefault(name, name), tok.substring(eq + 1), bridge);
        }
        for (int i = 0; i < OfKey.WORDS; i++) {
            key[i] &= mask[i];
        }
        return new Flow(key, mask);
    }

    private static void field(long[] key, long[] mask, String name, String value, Ofproto bridge) {
        switch (name) {
            case "in_port" -> {
                set(key, mask, FlowField.IN_PORT, port(value, bridge), -1L);
                return;
            }
            case "tp_src", "tp_dst" -> {
                long[] vm = number(value, 16);
                set(key, mask, name.equals("tp_src") ? FlowField.TP_SRC : FlowField.TP_DST, vm[0], vm[1]);
                return;
            }
            case "dl_vlan" -> {
                int vid = (int) number(value, 12)[0];
                set(key, mask, FlowField.VLAN0_TCI, FlowKey.VLAN_CFI | vid, 0x1fff);
                return;
            }
            case "dl_vlan_pcp", "vlan_pcp" -> {
                int pcp = (int) number(value, 3)[0];
                set(key, mask, FlowField.VLAN0_TCI, FlowKey.VLAN_CFI | pcp << 13, 0xf000 | FlowKey.VLAN_CFI);
                return;
            }
            case "nw_tos" -> {
                set(key, mask, FlowField.NW_TOS, number(value, 8)[0] & 0xfc, 0xfc);
                return;
            }
            default -> { }
        }
        OxmField f = OxmFields.byName(name);
        if (f == null) {
            throw new IllegalArgumentException(name + ": unknown field");
        }
        long[] k1 = new long[OfKey.WORDS];
        long[] m1 = new long[OfKey.WORDS];
        if (f.len() == 16) {
            long[] v = ipv6(value);
            f.put(k1, v[0], false);
            f.put2(k1, v[1]);
            f.put(m1, v[2], true);
            f.put2(m1, v[3]);
        } else {
            long[] vm = f.len() == 6 ? mac(value) : f.len() == 4 && value.contains(".") ? ipv4(value)
                    : number(value, 8 * f.len());
            f.put(k1, vm[0] >>> f.wireShift() & f.valueBits(), false);
            f.put(m1, vm[1] >>> f.wireShift() & f.valueBits(), true);
            if (f.cfi()) {
                k1[FlowKey.W_VLAN] |= (long) FlowKey.VLAN_CFI << 32;
                m1[FlowKey.W_VLAN] |= (long) FlowKey.VLAN_CFI << 32;
            }
        }
        for (int i = 0; i < OfKey.WORDS; i++) {
            key[i] |= k1[i] & m1[i];
            mask[i] |= m1[i];
        }
    }

    private static void set(long[] key, long[] mask, FlowField f, long v, long m) {
        long all = f.bits >= 64 ? -1L : (1L << f.bits) - 1;
        f.set(key, 0, f.get(key, 0) & ~(m & all) | v & m & all);
        f.set(mask, 0, f.get(mask, 0) | m & all);
    }

    private static int port(String v, Ofproto bridge) {
        String u = v.toUpperCase();
        for (int p = OfKey.OFPP_MAX; p <= OfKey.OFPP_NONE; p++) {
            if (OfKey.portName(p).equals(u)) {
                return p;
            }
        }
        if (bridge != null) {
            OfPort p = bridge.portByName(v);
            if (p != null) {
                return p.ofport();
            }
        }
        return (int) number(v, 16)[0];
    }

    /** value and mask of a number with an optional /mask. */
    static long[] number(String s, int bits) {
        String[] parts = s.split("/", 2);
        long all = bits >= 64 ? -1L : (1L << bits) - 1;
        long v = parseLong(parts[0]);
        long m = parts.length > 1 ? parseLong(parts[1]) : all;
        if ((v & ~all) != 0) {
            throw new IllegalArgumentException(s + ": value too large for a " + bits + "-bit field");
        }
        return new long[] {v & m, m & all};
    }

    private static long parseLong(String s) {
        try {
            return s.startsWith("0x") || s.startsWith("0X") ? Long.parseUnsignedLong(s.substring(2), 16)
                    : Long.parseLong(s);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(s + ": not a number");
        }
    }

    private static long[] mac(String s) {
        String[] parts = s.split("/", 2);
        long v = macValue(parts[0]);
        return new long[] {v, parts.length > 1 ? macValue(parts[1]) : 0xffffffffffffL};
    }

    private static long macValue(String s) {
        String[] b = s.split(":");
        if (b.length != 6) {
            throw new IllegalArgumentException(s + ": not an Ethernet address");
        }
        long v = 0;
        for (String x : b) {
            v = v << 8 | Integer.parseInt(x, 16);
        }
        return v;
    }

    private static long[] ipv4(String s) {
        String[] parts = s.split("/", 2);
        long v = ipv4Value(parts[0]);
        long m = 0xffffffffL;
        if (parts.length > 1) {
            m = parts[1].contains(".") ? ipv4Value(parts[1])
                    : Integer.parseInt(parts[1]) == 0 ? 0 : 0xffffffffL << 32 - Integer.parseInt(parts[1]) & 0xffffffffL;
        }
        return new long[] {v & m, m};
    }

    private static long ipv4Value(String s) {
        String[] b = s.split("\\.");
        if (b.length != 4) {
            throw new IllegalArgumentException(s + ": not an IPv4 address");
        }
        long v = 0;
        for (String x : b) {
            v = v << 8 | Integer.parseInt(x);
        }
        return v;
    }

    private static long[] ipv6(String s) {
        String[] parts = s.split("/", 2);
        try {
            byte[] a = InetAddress.getByName(parts[0]).getAddress();
            if (a.length != 16) {
                throw new IllegalArgumentException(s + ": not an IPv6 address");
            }
            long hi = 0;
            long lo = 0;
            for (int i = 0; i < 8; i++) {
                hi = hi << 8 | a[i] & 0xff;
                lo = lo << 8 | a[i + 8] & 0xff;
            }
            int prefix = parts.length > 1 ? Integer.parseInt(parts[1]) : 128;
            long mhi = prefix >= 64 ? -1L : prefix == 0 ? 0 : -1L << 64 - prefix;
            long mlo = prefix >= 128 ? -1L : prefix <= 64 ? 0 : -1L << 128 - prefix;
            return new long[] {hi & mhi, lo & mlo, mhi, mlo};
        } catch (UnknownHostException | NumberFormatException e) {
            throw new IllegalArgumentException(s + ": not an IPv6 address");
        }
    }
}
