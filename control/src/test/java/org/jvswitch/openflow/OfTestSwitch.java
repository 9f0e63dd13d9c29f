package org.jvswitch.openflow;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jvswitch.ofproto.BridgeRegistry;
import org.jvswitch.ofproto.OfKey;
import org.jvswitch.ofproto.OfPort;
import org.jvswitch.ofproto.Ofproto;
import org.jvswitch.ofproto.VlanMode;
import org.jvswitch.ofproto.Xlate;
import org.jvswitch.testing.Cmd;
import org.jvswitch.testing.Peers;
import org.jvswitch.testing.TempRunDir;

/**
 * An OpenFlow switch for tests: a bridge "br0" with ports 1 and 2 (datapath ports 11 and 12)
 * and LOCAL, managed by an {@link OpenFlowManager} whose management socket is in a temporary
 * run directory; {@link #ofctl} runs the real ovs-ofctl against it.
 */
final class OfTestSwitch implements AutoCloseable {
    final TempRunDir dir = TempRunDir.create();
    final BridgeRegistry registry = new BridgeRegistry();
    final Xlate xlate = new Xlate(registry);
    final Ofproto br;
    final OpenFlowManager manager;

    OfTestSwitch(BridgeOfConfig cfg, OfDatapath dp) throws IOException {
        br = registry.create("br0", 0x0000aabbccddeeffL);
        br.putPort(port(1, "p1", 11));
        br.putPort(port(2, "p2", 12));
        br.putPort(port(OfKey.OFPP_LOCAL, "br0", 10));
        manager = new OpenFlowManager(dir.path(), null, dp, xlate);
        manager.addBridge(br, cfg);
    }

    OfTestSwitch() throws IOException {
        this(BridgeOfConfig.defaults().withVersions(Set.of(1, 2, 3, 4, 5, 6)), OfDatapath.NONE);
    }

    static OfPort port(int ofport, String name, int odp) {
        return new OfPort(ofport, name, odp, "dpdk", null, VlanMode.TRUNK, -1, Set.of(), false, false, false, false,
                true, 0x0a0000000000L + ofport);
    }

    Path mgmt() {
        return manager.mgmtSocket("br0");
    }

    /** Runs ovs-ofctl with {@code args} (the bridge argument: "br0", found through OVS_RUNDIR). */
    Cmd.Result ofctl(String... args) {
        List<String> argv = new ArrayList<>();
        argv.add(Peers.require("ovs-ofctl").toString());
        argv.add("--timeout=10");
        argv.addAll(List.of(args));
        return Cmd.run(Duration.ofSeconds(20), dir.env(), argv.toArray(String[]::new));
    }

    /** ovs-ofctl that must succeed; its standard output. */
    String ok(String... args) {
        Cmd.Result r = ofctl(args);
        if (!r.ok()) {
            throw new AssertionError("ovs-ofctl " + String.join(" ", args) + " failed: " + r);
        }
        return r.stdout();
    }

    @Override
    public void close() {
        manager.close();
        dir.close();
    }
}
