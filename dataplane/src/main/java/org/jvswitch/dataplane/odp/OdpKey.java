package org.jvswitch.dataplane.odp;

import org.jvswitch.dataplane.flow.FlowField;
import org.jvswitch.dataplane.flow.FlowKey;

/**
 * Open vSwitch's datapath flow syntax for keys and masks, the text {@code ovs-appctl dpctl/*}
 * reads and prints: {@code in_port(1),eth(src=00:01:02:03:04:05/ff:ff:ff:00:00:00),
 * eth_type(0x0800),ipv4(dst=10.0.0.2,proto=17,frag=no),udp(dst=53)}.
 *
 * <p>Parsing follows OVS's odp_flow_from_string: a field given without {@code /mask} is exact; a
 * field an attribute leaves out ({@code ipv4(dst=10.0.0.2)} says nothing of src) and an attribute
 * left out altogether are wildcarded; {@code eth()} matches any MACs; {@code vlan()} matches "a
 * tag is present"; {@code frag=} is all or nothing. {@link #parseDatapathFlow} adds what OVS's
 * userspace datapath does when dpctl/add-flow installs such a key, see there.
 *
 * <p>Formatting follows OVS 3.1's dpctl/dump-flows for the userspace (netdev) datapath, terse or
 * verbose ({@code -m}); see {@link OdpKeyFormatter}. For every key the parser accepts,
 * {@code parse(format(key, mask, true, ..))} gives back the key and mask; the terse form gives
 * back the mask and the masked key.
 *
 * <p>Differences from OVS, all because this datapath holds a fixed key layout: only Ethernet
 * packet types; one MPLS label; no ct_tuple6, nd_ext, nsh, or vxlan/erspan/gtpu tunnel options;
 * Geneve options up to {@value FlowKey#GENEVE_OPTS_MAX_BYTES} bytes; and the consistency checks
 * OVS's datapath makes on install (ipv4() needs eth_type(0x0800), tcp() needs proto=6, ...) are
 * made while parsing, with a reason. Keys OVS's datapath would refuse as incomplete (no
 * eth_type, no udp() after proto=17) are accepted, the missing parts wildcarded.
 */
public final class OdpKey {
    private OdpKey() {
    }

    /** Parses a key with masks (and an optional leading "ufid:..."), exactly as written. */
    public static OdpMatch parse(String s) {
        return OdpKeyParser.parse(s, PortNames.NUMBERS);
    }

    /** As {@link #parse(String)}, with port names allowed in in_port(). */
    public static OdpMatch parse(String s, PortNames names) {
        return OdpKeyParser.parse(s, names);
    }

    /**
     * Parses the flow of {@code dpctl/add-flow}, {@code mod-flow} or {@code del-flow} and applies
     * what OVS's userspace datapath does with it:
     * <ul>
     * <li>recirc_id is always matched exactly; when the text does not give it, it is 0;</li>
     * <li>in_port must be given and exact (each input port has its own classifier);</li>
     * <li>the key is masked (bits outside the mask are cleared), as the classifier stores it;</li>
     * <li>packet_type is Ethernet whatever the text says (see the class comment).</li>
     * </ul>
     * Everything else is as {@link #parse}: given fields exact, the rest wildcarded.
     */
    public static OdpMatch parseDatapathFlow(String s, PortNames names) {
        OdpMatch m = OdpKeyParser.parse(s, names);
        long[] mask = m.mask().clone();
        if (!FlowField.IN_PORT.isNonZero(mask, 0)) {
            throw new OdpParseException("in_port(N) is required: the datapath classifies flows by input port");
        }
        if (!FlowField.IN_PORT.isExact(mask, 0)) {
            throw new OdpParseException("in_port must be matched exactly, without a mask");
        }
        FlowField.RECIRC_ID.exact(mask, 0);
        long[] key = new long[FlowKey.WORDS];
        for (int i = 0; i < key.length; i++) {
            key[i] = m.key()[i] & mask[i];
        }
        return new OdpMatch(key, mask, m.ufid());
    }

    /** The terse form, ports as numbers: what {@code dpctl/dump-flows} prints. */
    public static String format(long[] key, long[] mask) {
        return OdpKeyFormatter.format(key, mask, false, PortNames.NUMBERS);
    }

    /**
     * @param verbose the {@code dump-flows -m} form: every attribute and field, with masks
     * @param names   port names for in_port (exact only), or {@link PortNames#NUMBERS}
     */
    public static String format(long[] key, long[] mask, boolean verbose, PortNames names) {
        if (key.length < FlowKey.WORDS || mask.length < FlowKey.WORDS) {
            throw new IllegalArgumentException("key and mask must have " + FlowKey.WORDS + " words");
        }
        return OdpKeyFormatter.format(key, mask, verbose, names);
    }
}
