package org.jvswitch.openflow.trace;

import java.util.List;
import org.jvswitch.dataplane.flow.FlowField;
import org.jvswitch.ofproto.OfAction;
import org.jvswitch.ofproto.OfKey;
import org.jvswitch.openflow.codec.OxmField;
import org.jvswitch.openflow.codec.OxmFields;

/** Matches and actions in Open vSwitch's flow syntax, for ofproto/trace. */
public final class RuleFormat {
    private RuleFormat() {
    }

    /** A match as {@code name=value[/mask]} pairs (every field the mask names), or "(any)". */
    public static String match(long[] key, long[] mask) {
        StringBuilder b = new StringBuilder();
        for (OxmField f : OxmFields.all()) {
            if (!f.nxm() || !f.inMask(mask) || !f.prereq().holds(key, mask)) {
                continue;
            }
            if (b.length() > 0) {
                b.append(',');
            }
            b.append(f.name()).append('=');
            if (f.len() == 16) {
                b.append(ipv6(f.get(key), f.get2(key)));
                if (!f.exactIn(mask)) {
                    b.append('/').append(ipv6(f.get(mask), f.get2(mask)));
                }
                continue;
            }
            long v = f.get(key) << f.wireShift();
            long m = (f.get(mask) & f.valueBits()) << f.wireShift();
            b.append(value(f, v));
            if (!f.exactIn(mask) && f.target() != OxmField.Target.IN_PORT16) {
                b.append('/').append(value(f, m));
            }
        }
        return b.isEmpty() ? "(any)" : b.toString();
    }

    /** OVS's default priority: {@code match_format} leaves it out. */
    private static final int DEFAULT_PRIORITY = 0x8000;
    /** The order OVS's match_format prints fields in (others follow in OXM order). */
    private static final List<String> OVS_ORDER = List.of("reg0", "reg1", "reg2", "reg3", "reg4", "reg5", "reg6",
            "reg7", "reg8", "reg9", "reg10", "reg11", "reg12", "reg13", "reg14", "reg15", "tun_id", "tun_src",
            "tun_dst", "metadata", "in_port", "vlan_tci", "dl_src", "dl_dst", "dl_type");

    /**
     * A rule's match as Open vSwitch's {@code match_format} writes it (bridge/dump-flows,
     * ofproto/trace): {@code priority=N} unless the default, a protocol shorthand
     * ({@code ip}, {@code tcp}, {@code arp}, ...), then the fields, {@code tp_src}/{@code tp_dst}
     * for any transport. Empty for a catch-all at the default priority.
     */
    public static String ovsMatch(long[] key, long[] mask, int priority) {
        List<String> parts = new java.util.ArrayList<>();
        if (priority != DEFAULT_PRIORITY) {
            parts.add("priority=" + priority);
        }
        boolean typeDone = false;
        boolean protoDone = false;
        if (FlowField.ETH_TYPE.isExact(mask, 0)) {
            int type = (int) FlowField.ETH_TYPE.get(key, 0);
            boolean proto = FlowField.NW_PROTO.isExact(mask, 0);
            int p = (int) FlowField.NW_PROTO.get(key, 0);
            String shorthand = switch (type) {
                case 0x0800 -> !proto ? "ip" : switch (p) {
                    case 1 -> "icmp";
                    case 6 -> "tcp";
                    case 17 -> "udp";
                    case 132 -> "sctp";
                    default -> null;
                };
                case 0x86dd -> !proto ? "ipv6" : switch (p) {
                    case 58 -> "icmp6";
                    case 6 -> "tcp6";
                    case 17 -> "udp6";
                    case 132 -> "sctp6";
                    default -> null;
                };
                case 0x0806 -> "arp";
                case 0x8035 -> "rarp";
                case 0x8847 -> "mpls";
                case 0x8848 -> "mplsm";
                default -> null;
            };
            if (shorthand == null && (type == 0x0800 || type == 0x86dd)) {
                shorthand = type == 0x0800 ? "ip" : "ipv6";
                proto = false;
            }
            if (shorthand != null) {
                parts.add(shorthand);
                typeDone = true;
                protoDone = proto && type != 0x0806;
            }
        }
        java.util.Map<String, String> fields = new java.util.LinkedHashMap<>();
        for (OxmField f : OxmFields.all()) {
            if (!f.nxm() || !f.inMask(mask) || !f.prereq().holds(key, mask)) {
                continue;
            }
            String name = switch (f.name()) {
                case "tcp_src", "udp_src", "sctp_src" -> "tp_src";
                case "tcp_dst", "udp_dst", "sctp_dst" -> "tp_dst";
                default -> f.name();
            };
            if (typeDone && name.equals("dl_type") || protoDone && name.equals("nw_proto")) {
                continue;
            }
            fields.putIfAbsent(name, field(f, key, mask));
        }
        for (String n : OVS_ORDER) {
            String v = fields.remove(n);
            if (v != null) {
                parts.add(n + "=" + v);
            }
        }
        fields.forEach((n, v) -> parts.add(n + "=" + v));
        return String.join(",", parts);
    }

    private static String field(OxmField f, long[] key, long[] mask) {
        if (f.len() == 16) {
            return ipv6(f.get(key), f.get2(key)) + (f.exactIn(mask) ? "" : "/" + ipv6(f.get(mask), f.get2(mask)));
        }
        long v = f.get(key) << f.wireShift();
        long m = (f.get(mask) & f.valueBits()) << f.wireShift();
        String out = value(f, v);
        if (!f.exactIn(mask) && f.target() != OxmField.Target.IN_PORT16) {
            boolean ip4 = f.len() == 4 && (f.flowField() == FlowField.NW_SRC || f.flowField() == FlowField.NW_DST);
            int bits = Long.numberOfLeadingZeros(~(m << 32));
            if (ip4 && (m << 32 << bits) == 0) {
                out += "/" + bits;  // a CIDR mask, as OVS writes it
            } else {
                out += "/" + value(f, m);
            }
        }
        return out;
    }

    private static String value(OxmField f, long v) {
        if (f.name().equals("in_port")) {
            return OfKey.portName((int) v);
        }
        if (f.len() == 6) {
            return mac(v);
        }
        if (f.len() == 4 && (f.flowField() == FlowField.NW_SRC || f.flowField() == FlowField.NW_DST
                || f.flowField() == FlowField.TUN_SRC || f.flowField() == FlowField.TUN_DST)) {
            return (v >>> 24 & 0xff) + "." + (v >>> 16 & 0xff) + "." + (v >>> 8 & 0xff) + "." + (v & 0xff);
        }
        if (f.target() == OxmField.Target.REG || f.target() == OxmField.Target.WORD || f.name().equals("dl_type")
                || f.name().equals("vlan_tci")) {
            return "0x" + Long.toHexString(v);
        }
        return Long.toString(v);
    }

    static String mac(long v) {
        return String.format("%02x:%02x:%02x:%02x:%02x:%02x", v >>> 40 & 0xff, v >>> 32 & 0xff, v >>> 24 & 0xff,
                v >>> 16 & 0xff, v >>> 8 & 0xff, v & 0xff);
    }

    private static String ipv6(long hi, long lo) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            long w = i < 4 ? hi >>> 48 - 16 * i : lo >>> 48 - 16 * (i - 4);
            if (i > 0) {
                b.append(':');
            }
            b.append(Long.toHexString(w & 0xffff));
        }
        return b.toString();
    }

    /** Actions, comma-separated; "drop" for none. */
    public static String actions(List<OfAction> actions) {
        if (actions.isEmpty()) {
            return "drop";
        }
        StringBuilder b = new StringBuilder();
        for (OfAction a : actions) {
            if (b.length() > 0) {
                b.append(',');
            }
            b.append(action(a));
        }
        return b.toString();
    }

    private static String action(OfAction a) {
        return switch (a) {
            case OfAction.Output o -> o.port() >= OfKey.OFPP_MAX ? OfKey.portName(o.port())
                    + (o.port() == OfKey.OFPP_CONTROLLER && o.maxLen() != 0xffff ? ":" + o.maxLen() : "")
                    : "output:" + o.port();
            case OfAction.Controller c -> "controller(reason=" + c.reason() + ",max_len=" + c.maxLen() + ",id="
                    + c.controllerId() + ")";
            case OfAction.SetField s -> "set_field:0x" + Long.toHexString(s.value()) + "/0x" + Long.toHexString(s.mask())
                    + "->" + s.field().name().toLowerCase();
            case OfAction.SetTunMetadata t -> org.jvswitch.openflow.codec.TunMetadataCodec.format(t);
            case OfAction.SetReg r -> "set_field:0x" + Long.toHexString(r.value() & 0xffffffffL) + "/0x"
                    + Long.toHexString(r.mask() & 0xffffffffL) + "->reg" + r.reg();
            case OfAction.Move m -> "move:" + ref(m.src()) + "->" + ref(m.dst());
            case OfAction.PushVlan p -> "push_vlan:0x" + Integer.toHexString(p.tpid());
            case OfAction.PopVlan p -> "pop_vlan";
            case OfAction.StripVlan p -> "strip_vlan";
            case OfAction.SetVlanVid v -> "mod_vlan_vid:" + v.vid();
            case OfAction.SetVlanPcp v -> "mod_vlan_pcp:" + v.pcp();
            case OfAction.PushMpls p -> "push_mpls:0x" + Integer.toHexString(p.ethType());
            case OfAction.PopMpls p -> "pop_mpls:0x" + Integer.toHexString(p.ethType());
            case OfAction.DecTtl d -> "dec_ttl";
            case OfAction.DecMplsTtl d -> "dec_mpls_ttl";
            case OfAction.SetMplsTtl s -> "set_mpls_ttl(" + s.ttl() + ")";
            case OfAction.CopyTtlOut c -> "copy_ttl_out";
            case OfAction.CopyTtlIn c -> "copy_ttl_in";
            case OfAction.Resubmit r -> "resubmit(" + (r.port() == OfKey.OFPP_IN_PORT ? "" : OfKey.portName(r.port()))
                    + "," + (r.table() == 0xff ? "" : Integer.toString(r.table())) + ")";
            case OfAction.Group g -> "group:" + Integer.toUnsignedString(g.groupId());
            case OfAction.SetQueue q -> "set_queue:" + q.queueId();
            case OfAction.GotoTable g -> "goto_table:" + g.table();
            case OfAction.WriteMetadata w -> "write_metadata:0x" + Long.toHexString(w.value()) + "/0x"
                    + Long.toHexString(w.mask());
            case OfAction.Meter m -> "meter:" + Integer.toUnsignedString(m.meterId());
            case OfAction.ClearActions c -> "clear_actions";
            case OfAction.WriteActions w -> "write_actions(" + actions(w.actions()) + ")";
        };
    }

    private static String ref(OfAction.FieldRef r) {
        String name = r.field() == null ? "reg" + r.reg() : r.field().name().toLowerCase();
        return name + "[" + r.ofs() + ".." + (r.ofs() + r.nBits() - 1) + "]";
    }
}
