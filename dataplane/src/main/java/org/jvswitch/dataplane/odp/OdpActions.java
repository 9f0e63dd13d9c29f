package org.jvswitch.dataplane.odp;

import java.util.List;
import org.jvswitch.dataplane.action.DpAction;
import org.jvswitch.dataplane.flow.FlowKey;

/**
 * Open vSwitch's datapath action syntax: {@code 2}, {@code drop}, {@code userspace(pid=N,
 * userdata(..))}, {@code set(eth(..))} and the other set()s, {@code push_vlan(..)},
 * {@code pop_vlan}, {@code push_mpls(..)}, {@code pop_mpls(..)}, {@code recirc(..)},
 * {@code hash(l4(..))}, {@code clone(..)}, {@code sample(..)}, {@code trunc(..)},
 * {@code meter(..)}, {@code tnl_push(..)}, {@code tnl_pop(..)}; see {@link OdpActionParser},
 * {@link OdpActionFormatter} and {@link OdpSetAction} for the details.
 *
 * <p>Round trip: {@code parse(format(actions))} equals {@code actions} for action lists in the
 * parser's canonical form (each set's fields in OVS's order, tunnel sets whole, sample
 * probabilities at OVS's 0.1% resolution), provided the {@link Context} is the flow's.
 */
public final class OdpActions {

    /**
     * What a flow's key says about its packets, for printing SetFields whose header is
     * ambiguous: eth_type (IPv4 or IPv6 ttl, ARP or IPv4 addresses) and IP protocol (TCP, UDP,
     * SCTP or ICMP ports). With {@link #UNKNOWN}, sets print as IPv4 and TCP.
     */
    public record Context(int ethType, int nwProto) {
        public static final Context UNKNOWN = new Context(0, 0);

        /** The context of the flow whose key is {@code key}. */
        public static Context of(long[] key) {
            return new Context(FlowKey.ethType(key, 0), FlowKey.nwProto(key, 0));
        }

        Context withEthType(int et) {
            return new Context(et, nwProto);
        }
    }

    private OdpActions() {
    }

    /** Parses an action list; ports as numbers. Throws {@link OdpParseException}. */
    public static List<DpAction> parse(String s) {
        return OdpActionParser.parse(s, PortNames.NUMBERS);
    }

    /** Parses an action list in which ports may also be named. */
    public static List<DpAction> parse(String s, PortNames names) {
        return OdpActionParser.parse(s, names);
    }

    /** Prints actions with ports as numbers and no flow context. */
    public static String format(List<DpAction> actions) {
        return OdpActionFormatter.format(actions, Context.UNKNOWN, PortNames.NUMBERS);
    }

    public static String format(List<DpAction> actions, Context ctx, PortNames names) {
        return OdpActionFormatter.format(actions, ctx == null ? Context.UNKNOWN : ctx, names);
    }
}
