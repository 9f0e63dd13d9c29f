package org.jvswitch.tnl;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.jvswitch.dataplane.tunnel.TunnelVport;

/**
 * A tunnel interface's configuration ({@code Interface} {@code type} vxlan, gre or geneve and its
 * {@code options}), parsed as Open vSwitch parses it, errors and warnings worded as OVS words
 * them:
 *
 * <pre>
 *   remote_ip   IPv4/IPv6 address or "flow" (required)      local_ip    address or "flow"
 *   key         in_key and out_key at once                  in_key, out_key   number or "flow"
 *   dst_port    UDP port (vxlan 4789, geneve 6081)          tos         0..255 (ECN bits 0) or "inherit"
 *   ttl         1..255 or "inherit" (default 64)            df_default  "false" clears DF (default set)
 *   csum        "true": UDP/GRE checksums on output         packet_type legacy_l2 (default), legacy_l3 (gre)
 *   seq         "true": GRE sequence numbers (gre)          egress_pkt_mark  pkt_mark for the route lookup
 * </pre>
 *
 * A configuration OVS refuses (no or bad remote_ip, a multicast one, local_ip=flow without
 * remote_ip=flow, mixed address families, a bad packet_type) gives {@link Parsed#error()}, the
 * text that belongs in Interface:error; what OVS only warns about (an unknown option, a bad TOS, a
 * bad local_ip) gives {@link Parsed#warnings()} and is ignored. Keys, as in OVS, are numbers in C
 * syntax (decimal, 0x hex, 0 octal); VXLAN and Geneve use their low 24 bits.
 *
 * @param remote     remote endpoint, null for remote_ip=flow
 * @param local      local endpoint, null when unset or flow
 * @param tos        outer TOS, or {@link #INHERIT}
 * @param ttl        outer TTL, or {@link #INHERIT}
 * @param egressMark egress_pkt_mark, or -1
 */
public record TunnelConfig(String name, String type, InetAddress remote, InetAddress local, boolean localFlow,
                           boolean inKeyFlow, long inKey, boolean outKeyFlow, long outKey, boolean outKeyPresent,
                           int dstPort, int tos, int ttl, boolean dfDefault, boolean csum, boolean legacyL3,
                           boolean seq, long egressMark, Map<String, String> shown) {
    public static final int INHERIT = -1;
    public static final int DEFAULT_TTL = 64;

    private static final Set<String> COMMON = Set.of("remote_ip", "local_ip", "key", "in_key", "out_key", "tos", "ttl",
            "df_default", "csum", "egress_pkt_mark", "psk", "remote_cert", "remote_name");

    /** A parse's outcome: the configuration, or the error that stops the interface; warnings either way. */
    public record Parsed(TunnelConfig config, String error, List<String> warnings) {
    }

    /** Whether interface type {@code type} is a tunnel. */
    public static boolean isTunnel(String type) {
        return TunnelVport.isTunnelType(type);
    }

    public boolean remoteFlow() {
        return remote == null;
    }

    public boolean isIpv6() {
        return remote != null ? IpAddrs.isV6(remote) : local != null && IpAddrs.isV6(local);
    }

    /** The datapath vport this interface receives and sends through (vxlan_sys_4789, gre_sys...). */
    public String vportName() {
        return TunnelVport.vportName(type, dstPort);
    }

    /** The key a received packet must carry (0 for none), meaningful when not {@link #inKeyFlow}. */
    public long receiveKey() {
        return inKey;
    }

    public static Parsed parse(String name, String type, Map<String, String> options) {
        List<String> errors = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        InetAddress remote = null;
        boolean remoteFlow = false;
        boolean remoteBad = false;
        InetAddress local = null;
        boolean localFlow = false;
        int dstPort = TunnelVport.defaultPort(type);
        int tos = 0;
        int ttl = DEFAULT_TTL;
        boolean df = true;
        boolean csum = false;
        boolean l3 = false;
        boolean seq = false;
        long mark = -1;
        for (Map.Entry<String, String> e : new TreeMap<>(options).entrySet()) {
            String k = e.getKey();
            String v = e.getValue();
            switch (k) {
                case "remote_ip" -> {
                    if (v.equals("flow")) {
                        remoteFlow = true;
                    } else {
                        InetAddress a = IpAddrs.parse(v);
                        if (a == null) {
                            errors.add(name + ": bad " + type + " 'remote_ip'");
                        } else if (a.isMulticastAddress()) {
                            errors.add(name + ": multicast remote_ip=" + v + " not allowed");
                            remoteBad = true;
                        } else {
                            remote = a;
                        }
                    }
                }
                case "local_ip" -> {
                    if (v.equals("flow")) {
                        localFlow = true;
                    } else {
                        InetAddress a = IpAddrs.parse(v);
                        if (a == null) {
                            warnings.add(name + ": bad " + type + " 'local_ip'");
                        } else {
                            local = a;
                        }
                    }
                }
                case "tos" -> {
                    if (v.equals("inherit")) {
                        tos = INHERIT;
                    } else {
                        int t = intOr(v, -1);
                        if (t < 0 || t > 255 || (t & 3) != 0) {
                            warnings.add(name + ": invalid TOS " + v);
                        } else {
                            tos = t;
                        }
                    }
                }
                case "ttl" -> {
                    if (v.equals("inherit")) {
                        ttl = INHERIT;
                    } else {
                        int t = intOr(v, 0) & 0xff;
                        ttl = t == 0 ? DEFAULT_TTL : t;
                    }
                }
                case "dst_port" -> {
                    if (type.equals("gre")) {
                        warnings.add(name + ": unknown " + type + " argument '" + k + "'");
                    } else {
                        int p = intOr(v, 0);
                        if (p > 0 && p <= 65535) {
                            dstPort = p;
                        }
                    }
                }
                case "df_default" -> df = !v.equals("false");
                case "csum" -> csum = v.equals("true");
                case "egress_pkt_mark" -> mark = parseC(v) & 0xffffffffL;
                case "packet_type" -> {
                    switch (v) {
                        case "legacy_l2" -> l3 = false;
                        case "legacy_l3" -> {
                            if (type.equals("gre")) {
                                l3 = true;
                            } else if (type.equals("vxlan")) {
                                errors.add(name + ": legacy_l3 configured on VXLAN (without GPE) tunnel that cannot"
                                        + " carry L3 traffic");
                            } else {
                                errors.add(name + ": packet_type 'legacy_l3' is not supported on " + type + " tunnels");
                            }
                        }
                        case "ptap" -> errors.add(name + ": packet_type 'ptap' is not supported by this datapath");
                        default -> errors.add(name + ": unknown packet_type '" + v + "'");
                    }
                }
                case "seq" -> {
                    if (type.equals("gre")) {
                        seq = v.equals("true");
                    } else {
                        warnings.add(name + ": unknown " + type + " argument '" + k + "'");
                    }
                }
                default -> {
                    if (!COMMON.contains(k)) {
                        warnings.add(name + ": unknown " + type + " argument '" + k + "'");
                    }
                }
            }
        }
        String inS = options.getOrDefault("in_key", options.get("key"));
        String outS = options.getOrDefault("out_key", options.get("key"));
        boolean inFlow = "flow".equals(inS);
        boolean outFlow = "flow".equals(outS);
        long keyMask = type.equals("gre") ? 0xffffffffL : 0xffffffL;
        long inKey = inS == null || inFlow ? 0 : parseC(inS) & keyMask;
        long outKey = outS == null || outFlow ? 0 : parseC(outS) & keyMask;
        if (!remoteFlow && remote == null && !remoteBad) {
            errors.add(name + ": " + type + " type requires valid 'remote_ip' argument");
        }
        if (localFlow && !remoteFlow) {
            errors.add(name + ": " + type + " type requires 'remote_ip=flow' with 'local_ip=flow'");
        }
        if (remote != null && local != null && IpAddrs.isV4(remote) != IpAddrs.isV4(local)) {
            errors.add(name + ": 'remote_ip' and 'local_ip' has to be of the same address family");
        }
        if (!errors.isEmpty()) {
            return new Parsed(null, String.join("\n", errors), warnings);
        }
        Map<String, String> shown = new TreeMap<>();
        shown.put("remote_ip", remoteFlow ? "flow" : IpAddrs.format(remote));
        if (localFlow || local != null) {
            shown.put("local_ip", localFlow ? "flow" : IpAddrs.format(local));
        }
        if (dstPort != TunnelVport.defaultPort(type)) {
            shown.put("dst_port", Integer.toString(dstPort));
        }
        String inText = inS == null ? null : inFlow ? "flow" : Long.toString(inKey);
        String outText = outS == null ? null : outFlow ? "flow" : Long.toString(outKey);
        if (inText != null && inText.equals(outText)) {
            shown.put("key", inText);
        } else {
            if (inText != null) {
                shown.put("in_key", inText);
            }
            if (outText != null) {
                shown.put("out_key", outText);
            }
        }
        if (tos != 0) {
            shown.put("tos", tos == INHERIT ? "inherit" : "0x" + Integer.toHexString(tos));
        }
        if (ttl != DEFAULT_TTL) {
            shown.put("ttl", ttl == INHERIT ? "inherit" : Integer.toString(ttl));
        }
        if (!df) {
            shown.put("df_default", "false");
        }
        if (csum) {
            shown.put("csum", "true");
        }
        if (l3) {
            shown.put("packet_type", "legacy_l3");
        }
        if (seq) {
            shown.put("seq", "true");
        }
        if (mark >= 0) {
            shown.put("egress_pkt_mark", Long.toString(mark));
        }
        return new Parsed(new TunnelConfig(name, type, remote, local, localFlow, inFlow, inKey, outFlow, outKey,
                outS != null, dstPort, tos, ttl, df, csum, l3, seq, mark, Map.copyOf(shown)), null, warnings);
    }

    /** OVS's dpif/show summary of a tunnel's options: "key=123, remote_ip=1.1.2.92". */
    public String describe() {
        StringBuilder b = new StringBuilder();
        new TreeMap<>(shown).forEach((k, v) -> b.append(b.isEmpty() ? "" : ", ").append(k).append('=').append(v));
        return b.toString();
    }

    /** C's strtoull(s, NULL, 0): decimal, 0x hex, 0 octal; the longest valid prefix, 0 if none. */
    static long parseC(String s) {
        String t = s.trim();
        int radix = 10;
        int i = 0;
        if (t.startsWith("0x") || t.startsWith("0X")) {
            radix = 16;
            i = 2;
        } else if (t.length() > 1 && t.charAt(0) == '0') {
            radix = 8;
            i = 1;
        }
        long v = 0;
        for (; i < t.length(); i++) {
            int d = Character.digit(t.charAt(i), radix);
            if (d < 0) {
                break;
            }
            v = v * radix + d;
        }
        return v;
    }

    private static int intOr(String s, int dflt) {
        try {
            return Integer.parseInt(s.trim());
        } catch (NumberFormatException e) {
            return dflt;
        }
    }
}
