package org.jvswitch.ovsdb.it;

import org.jvswitch.ovsdb.testing.JvsInstance;
import org.jvswitch.ovsdb.testing.OutputNormalizer;
import org.jvswitch.ovsdb.testing.OvsReference;
import org.jvswitch.ovsdb.testing.Schemas;
import org.jvswitch.testing.Cmd;
import org.jvswitch.testing.Peers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The real {@code ovs-vsctl --no-wait}, its common commands and options, run against OVS's
 * ovsdb-server and against jvswitch's: the same sequence of commands must print the same
 * output and the same errors and exit with the same status. Output that ovs-vsctl itself orders
 * by UUID hash is put in a fixed order first ({@link OutputNormalizer}).
 */
class VsctlDiffTest {

    private record Step(String[] args, UnaryOperator<String> norm) {
    }

    private static final List<Step> STEPS = new ArrayList<>();

    private static void step(UnaryOperator<String> norm, String... args) {
        STEPS.add(new Step(args, norm));
    }

    private static void plain(String... args) {
        step(OutputNormalizer::mask, args);
    }

    static {
        plain("init");
        plain("add-br", "br0");
        plain("add-br", "br0");
        plain("--may-exist", "add-br", "br0");
        plain("add-br", "br1", "--", "set", "bridge", "br1", "fail_mode=secure");
        plain("add-port", "br0", "p1");
        plain("add-port", "br0", "p1");
        plain("--may-exist", "add-port", "br0", "p1");
        plain("add-port", "br1", "p1");
        plain("add-port", "br0", "p2", "--", "set", "interface", "p2", "type=internal", "ofport_request=5");
        plain("add-port", "br0", "p3", "tag=10");
        plain("add-bond", "br0", "bond0", "e1", "e2", "--", "set", "port", "bond0", "bond_mode=balance-slb");
        plain("add-bond", "br0", "bond1", "e3");
        plain("add-br", "fake", "br0", "20");
        plain("add-br", "fake2", "nope", "20");
        plain("add-port", "fake", "fp1");
        plain("list-br");
        plain("list-ports", "br0");
        plain("list-ports", "fake");
        plain("list-ports", "nope");
        plain("list-ifaces", "br0");
        plain("iface-to-br", "e1");
        plain("iface-to-br", "nope");
        plain("port-to-br", "fp1");
        plain("br-to-vlan", "fake");
        plain("br-to-parent", "fake");
        plain("br-exists", "br0");
        plain("br-exists", "nope");
        step(OutputNormalizer::tree, "show");
        plain("get", "bridge", "br0", "name", "fail_mode");
        plain("get", "interface", "p2", "ofport_request", "type");
        plain("get", "port", "p3", "tag");
        plain("get", "bridge", "br0", "nosuch");
        plain("get", "nosuchtable", "x", "y");
        plain("set", "bridge", "br0", "fail_mode=bogus");
        plain("set", "bridge", "br0", "other_config:stp-enable=true", "external_ids:owner=me");
        plain("get", "bridge", "br0", "other_config", "external_ids:owner");
        plain("get", "bridge", "br0", "other_config:nope");
        plain("--if-exists", "get", "bridge", "br0", "other_config:nope");
        plain("remove", "bridge", "br0", "other_config", "stp-enable");
        plain("add", "bridge", "br0", "flood_vlans", "1", "2", "3");
        plain("add", "bridge", "br0", "flood_vlans", "5000");
        plain("get", "bridge", "br0", "flood_vlans");
        plain("clear", "bridge", "br0", "flood_vlans");
        plain("set", "interface", "p2", "ofport_request=0");
        plain("set", "port", "p3", "vlan_mode=bogus");
        plain("set", "port", "p3", "trunks=1,2,3", "vlan_mode=trunk");
        step(OutputNormalizer::records, "list", "bridge", "br0");
        step(OutputNormalizer::records, "--columns=name,fail_mode,datapath_type", "list", "bridge");
        step(OutputNormalizer::records, "find", "port", "tag=10");
        step(OutputNormalizer::lines, "--format=csv", "--columns=name,tag", "find", "port", "tag=10");
        step(OutputNormalizer::json, "--format=json", "--columns=name,type,ofport_request", "list", "interface", "p2");
        step(OutputNormalizer::lines, "--format=table", "--columns=name,type", "list", "interface");
        step(OutputNormalizer::lines, "--bare", "--columns=name", "find", "interface", "type=internal");
        plain("--id=@q", "create", "qos", "type=linux-htb", "--", "set", "port", "p1", "qos=@q");
        plain("create", "qos", "type=x");
        step(OutputNormalizer::records, "--columns=type", "list", "qos");
        plain("--all", "destroy", "qos");
        plain("clear", "port", "p1", "qos");
        plain("--all", "destroy", "qos");
        step(OutputNormalizer::records, "list", "qos");
        plain("set-controller", "br0", "tcp:127.0.0.1:6653", "tcp:127.0.0.1:6654");
        plain("get-controller", "br0");
        plain("set", "controller", "tcp:127.0.0.1:6653", "max_backoff=500");
        plain("set", "controller", "tcp:127.0.0.1:6653", "max_backoff=1000");
        plain("del-controller", "br0");
        plain("set-fail-mode", "br0", "secure");
        plain("get-fail-mode", "br0");
        plain("set-fail-mode", "br0", "bogus");
        plain("del-fail-mode", "br0");
        plain("get-fail-mode", "br0");
        plain("set-manager", "ptcp:16640:127.0.0.1", "ptcp:16641:127.0.0.1");
        plain("get-manager");
        plain("del-manager");
        plain("del-port", "br0", "p1");
        plain("del-port", "br0", "nope");
        plain("--if-exists", "del-port", "br0", "nope");
        plain("del-port", "e1");
        plain("del-port", "bond0");
        plain("--with-iface", "del-port", "br0", "e3");
        plain("del-br", "fake");
        plain("del-br", "br1");
        plain("del-br", "nope");
        plain("--if-exists", "del-br", "nope");
        plain("list-br");
        step(OutputNormalizer::tree, "show");
        plain("add-br", "br2", "--", "set", "bridge", "br2", "datapath_type=netdev", "--", "br-set-external-id", "br2", "k",
                "v");
        plain("br-get-external-id", "br2");
        plain("--", "--id=@m", "create", "mirror", "name=m0", "select_all=true", "--", "add", "bridge", "br2", "mirrors",
                "@m");
        step(OutputNormalizer::records, "--columns=name,select_all", "list", "mirror");
        plain("wait-until", "bridge", "br2", "datapath_type=netdev");
        plain("emer-reset");
        step(OutputNormalizer::tree, "show");
        plain("del-br", "br2");
        plain("del-br", "br0");
        plain("list-br");
    }

    @Test
    @Timeout(120)
    void sameOutputAsOvsdbServer() throws IOException {
        Path vsctl = Peers.require("ovs-vsctl");
        Path schema = Schemas.vswitch();
        List<String> expected;
        try (OvsReference ref = OvsReference.start(schema)) {
            expected = run(vsctl, ref.remote());
        }
        List<String> actual;
        try (JvsInstance jvs = JvsInstance.start(schema)) {
            actual = run(vsctl, jvs.remote());
        }
        List<String> diffs = new ArrayList<>();
        for (int i = 0; i < STEPS.size(); i++) {
            if (!expected.get(i).equals(actual.get(i))) {
                diffs.add("ovs-vsctl " + String.join(" ", STEPS.get(i).args()) + "\n--- ovsdb-server:\n"
                        + expected.get(i) + "\n--- jvswitch:\n" + actual.get(i));
            }
        }
        assertEquals("", String.join("\n\n", diffs), diffs.size() + " of " + STEPS.size() + " commands differ");
    }

    private static List<String> run(Path vsctl, String remote) {
        List<String> out = new ArrayList<>();
        for (Step s : STEPS) {
            List<String> argv = new ArrayList<>(List.of(vsctl.toString(), "--db=" + remote, "--no-wait", "--timeout=20"));
            argv.addAll(List.of(s.args()));
            Cmd.Result r = Cmd.run(Duration.ofSeconds(30), null, argv.toArray(String[]::new));
            out.add("exit " + r.exitCode() + "\n" + s.norm().apply(r.stdout()) + "\n-- stderr\n"
                    + OutputNormalizer.mask(r.stderr()));
        }
        return out;
    }
}
