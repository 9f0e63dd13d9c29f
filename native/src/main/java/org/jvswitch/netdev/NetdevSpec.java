package org.jvswitch.netdev;

import java.nio.file.Path;
import java.util.Map;
import java.util.Set;

/**
 * How to make a port of an Open vSwitch Interface: its DPDK devargs and queue settings, derived
 * from the Interface's {@code type}, {@code options} and {@code mtu_request} as DESIGN.md's port
 * table says:
 *
 * <pre>
 *   dpdk                 options:dpdk-devargs as given (a PCI address or any vdev)
 *   dpdkvhostuser        net_vhost, server mode, socket &lt;vhost-sock-dir&gt;/&lt;name&gt;
 *   dpdkvhostuserclient  net_vhost, client mode with reconnect, socket options:vhost-server-path
 *   internal             net_tap: a kernel interface named after the port (Interface:mac as options:mac)
 *   system               net_af_packet bound to the existing kernel interface of that name
 * </pre>
 *
 * Options used by all kinds: {@code n_rxq} (1), {@code n_rxq_desc} and {@code n_txq_desc}
 * (2048), {@code dpdk-lsc-interrupt} (false). Bad values throw {@link NetdevException} with the
 * message that belongs in Interface:error.
 */
public record NetdevSpec(String name, String type, String devargs, int rxQueues, int rxDescriptors,
                         int txDescriptors, int mtu, boolean lscInterrupt, String vhostSocket) {

    public static final Set<String> TYPES = Set.of("dpdk", "dpdkvhostuser", "dpdkvhostuserclient", "internal",
            "system");
    public static final int DEFAULT_MTU = 1500;
    public static final int DEFAULT_DESCRIPTORS = 2048;
    public static final int MAX_RX_QUEUES = 1024;
    /** IFNAMSIZ - 1: the longest name a kernel interface can have. */
    public static final int MAX_KERNEL_NAME = 15;

    /**
     * @param mtuRequest   Interface:mtu_request, 0 when unset
     * @param vhostSockDir where dpdkvhostuser sockets go (other_config:vhost-sock-dir, resolved)
     */
    public static NetdevSpec of(String name, String type, Map<String, String> options, int mtuRequest,
                                Path vhostSockDir) {
        if (name == null || name.isEmpty()) {
            throw new NetdevException("an interface needs a name");
        }
        String t = type == null || type.isEmpty() ? "system" : type;
        if (!TYPES.contains(t)) {
            throw new NetdevException("could not open network device " + name
                    + " (Address family not supported by protocol)");
        }
        int rxq = intOption(name, options, "n_rxq", 1, 1, MAX_RX_QUEUES);
        int rxDesc = intOption(name, options, "n_rxq_desc", DEFAULT_DESCRIPTORS, 1, 4096);
        int txDesc = intOption(name, options, "n_txq_desc", DEFAULT_DESCRIPTORS, 1, 4096);
        boolean lsc = Boolean.parseBoolean(options.getOrDefault("dpdk-lsc-interrupt", "false"));
        int mtu = mtuRequest > 0 ? mtuRequest : DEFAULT_MTU;
        if (mtu < 68 || mtu > 9710) {
            throw new NetdevException("mtu_request " + mtu + " for " + name + " is outside 68..9710");
        }
        String kvName = vdevSuffix(name);
        String devargs;
        String socket = null;
        switch (t) {
            case "dpdk" -> {
                devargs = options.get("dpdk-devargs");
                if (devargs == null || devargs.isBlank()) {
                    throw new NetdevException("'" + name + "' is missing 'options:dpdk-devargs'. The old 'dpdk<port_id>'"
                            + " names are not supported");
                }
                devargs = devargs.trim();
            }
            case "dpdkvhostuser" -> {
                socket = vhostSockDir.resolve(name).toString();
                devargs = "net_vhost_" + kvName + ",iface=" + socket + ",queues=" + rxq + ",client=0";
            }
            case "dpdkvhostuserclient" -> {
                socket = options.get("vhost-server-path");
                if (socket == null || socket.isBlank()) {
                    throw new NetdevException("'" + name + "' is missing 'options:vhost-server-path'");
                }
                devargs = "net_vhost_" + kvName + ",iface=" + socket + ",queues=" + rxq + ",client=1";
            }
            case "internal" -> {
                requireKernelName(name);
                devargs = "net_tap_" + kvName + ",iface=" + name + tapMac(name, options.get("mac"));
            }
            default -> {
                requireKernelName(name);
                devargs = "net_af_packet_" + kvName + ",iface=" + name + ",qpairs=" + rxq;
            }
        }
        if (socket != null && socket.contains(",")) {
            throw new NetdevException("vhost socket path '" + socket + "' of " + name + " may not contain ','");
        }
        return new NetdevSpec(name, t, devargs, rxq, rxDesc, txDesc, mtu, lsc, socket);
    }

    /** The tap's MAC devarg for Interface:mac (an internal port's address), or "" when unset. */
    private static String tapMac(String name, String mac) {
        if (mac == null || mac.isEmpty()) {
            return "";
        }
        if (!mac.matches("\\p{XDigit}{2}(:\\p{XDigit}{2}){5}")) {
            throw new NetdevException("interface " + name + ": mac '" + mac + "' is not an Ethernet address");
        }
        if ((Integer.parseInt(mac.substring(0, 2), 16) & 1) != 0) {
            throw new NetdevException("interface " + name + ": mac '" + mac + "' is a multicast address");
        }
        return ",mac=" + mac;
    }

    public boolean isVhost() {
        return type.startsWith("dpdkvhostuser");
    }

    /** The DPDK device name the devargs create. */
    public String deviceName() {
        int comma = devargs.indexOf(',');
        return comma < 0 ? devargs : devargs.substring(0, comma);
    }

    /** Port names may hold any character; DPDK device names keep to these. */
    static String vdevSuffix(String name) {
        StringBuilder sb = new StringBuilder(name.length());
        for (char c : name.toCharArray()) {
            sb.append(Character.isLetterOrDigit(c) && c < 128 || c == '_' || c == '-' || c == '.' ? c : '_');
        }
        return sb.toString();
    }

    private static void requireKernelName(String name) {
        if (name.length() > MAX_KERNEL_NAME || name.contains("/") || name.contains(",") || name.isBlank()) {
            throw new NetdevException("could not open network device " + name + " (Invalid argument): a kernel"
                    + " interface name has at most " + MAX_KERNEL_NAME + " characters and no '/' or ','");
        }
    }

    private static int intOption(String name, Map<String, String> options, String key, int dflt, int min, int max) {
        String v = options.get(key);
        if (v == null) {
            return dflt;
        }
        try {
            int n = Integer.parseInt(v.trim());
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // fall through to the error
        }
        throw new NetdevException("options:" + key + " '" + v + "' of " + name + " is not a number in " + min + ".."
                + max);
    }
}
