package org.jvswitch.stp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The example networks of IEEE 802.1D-1998 and 802.1D-2004 (figures 17-4 to 17-7) and of the
 * Bridge Functions Consortium interoperability suite, with the results the standard gives
 * (as Open vSwitch's STP and RSTP unit tests also check them), on shared LANs.
 *
 * <p>A network is written one bridge per line: {@code "0x42 = a b:5 0 X"} is bridge ID 0x42
 * (priority 32768 unless written {@code 0x42^0x6000}) with four ports: on LAN a, on LAN b with
 * path cost 5, enabled but connected to nothing, and link down. A check lists each port's
 * expected state ({@code F} forwarding, {@code B} blocking, {@code Di} discarding, {@code D}
 * disabled), with {@code :cost} on the root port giving the bridge's root path cost, or says
 * {@code root}.
 */
class Ieee8021dExamplesTest {

    private static final long STP_COST = 10;
    private static final long RSTP_COST = 200_000;

    private final SimNetwork net = new SimNetwork();
    private final List<SpanningTree> bridges = new ArrayList<>();

    private void build(boolean rstp, String... lines) {
        for (int i = 0; i < lines.length; i++) {
            String[] halves = lines[i].split("=");
            String[] id = halves[0].trim().split("\\^");
            long mac = Long.decode(id[0]);
            int priority = id.length > 1 ? Integer.decode(id[1]) : 32768;
            SpanningTree b = rstp ? net.rstp("br" + i, priority, mac) : net.stp("br" + i, priority, mac);
            bridges.add(b);
            String[] ports = halves[1].trim().split("\\s+");
            for (int p = 1; p <= ports.length; p++) {
                String[] lanCost = ports[p - 1].split(":");
                long cost = lanCost.length > 1 ? Long.parseLong(lanCost[1]) : rstp ? RSTP_COST : STP_COST;
                if (b instanceof Stp s) {
                    s.addPort(p, "p" + p, new StpPortSettings(true, 0, 128, (int) cost));
                } else {
                    ((Rstp) b).addPort(p, "p" + p, RstpPortSettings.defaults(0).withPathCost(cost));
                }
                if (!lanCost[0].equals("X")) {
                    b.enablePort(p);
                }
                if (!lanCost[0].equals("0") && !lanCost[0].equals("X")) {
                    net.attach(lanCost[0], b, p);
                }
            }
        }
        net.stepMs = 250;
        net.run(150_000);
        assertTrue(net.loopFree(), net::showAll);
    }

    private void check(int bridge, String expected) {
        SpanningTree b = bridges.get(bridge);
        String where = "bridge " + bridge + "\n" + b.show();
        if (expected.equals("root")) {
            assertTrue(b instanceof Stp s ? s.isRootBridge() : ((Rstp) b).isRootBridge(), where);
            return;
        }
        String[] ports = expected.split("\\s+");
        for (int p = 1; p <= ports.length; p++) {
            String[] stateCost = ports[p - 1].split(":");
            String actual;
            if (b instanceof Stp s) {
                actual = switch (s.portState(p)) {
                    case FORWARDING -> "F";
                    case BLOCKING -> "B";
                    case DISABLED -> "D";
                    case LISTENING -> "Li";
                    case LEARNING -> "Le";
                };
                if (stateCost.length > 1) {
                    assertEquals(p, s.rootPortNo(), where);
                    assertEquals(Long.parseLong(stateCost[1]), s.rootPathCost(), where);
                }
            } else {
                Rstp r = (Rstp) b;
                actual = r.portRole(p) == RstpPortRole.DISABLED ? "D" : switch (r.portState(p)) {
                    case FORWARDING -> "F";
                    case DISCARDING -> "Di";
                    case LEARNING -> "Le";
                    case DISABLED -> "?";
                };
                if (stateCost.length > 1) {
                    assertEquals(p, r.rootPortNo(), where);
                    assertEquals(Long.parseLong(stateCost[1]), r.rootPathCost(), where);
                }
            }
            if (!actual.equals(stateCost[0])) {
                fail("port " + p + " is " + actual + ", expected " + stateCost[0] + " at " + where);
            }
        }
    }

    @Test
    void stpExampleFrom8021d1998() {
        build(false,
                "0x42 = a b",
                "0x97 = c:5 a d:5",
                "0x45 = b e",
                "0x57 = b:5 e:5",
                "0x83 = a:5 e:5");
        check(0, "root");
        check(1, "F F:10 F");
        check(2, "F:10 B");
        check(3, "F:5 F");
        check(4, "F:5 B");
    }

    private void figure17_4(boolean rstp) {
        build(rstp,
                "0x111 = a b e c",
                "0x222 = a b d f",
                "0x333 = c d l j h g",
                "0x444 = e f n m k i",
                "0x555 = g i 0 0",
                "0x666 = h k 0 0",
                "0x777 = j m 0 0",
                "0x888 = l n 0 0");
    }

    @Test
    void stpFigure17_4() {
        figure17_4(false);
        check(0, "root");
        check(1, "F:10 B F F");
        check(2, "F:10 B F F F F");
        check(3, "F:10 B F F F F");
        check(4, "F:20 B F F");
        check(5, "F:20 B F F");
        check(6, "F:20 B F F");
        check(7, "F:20 B F F");
    }

    @Test
    void rstpFigure17_4() {
        figure17_4(true);
        check(0, "root");
        check(1, "F:200000 Di F F");
        check(2, "F:200000 Di F F F F");
        check(3, "F:200000 Di F F F F");
        check(4, "F:400000 Di F F");
        check(5, "F:400000 Di F F");
        check(6, "F:400000 Di F F");
        check(7, "F:400000 Di F F");
    }

    private void figure17_6(boolean rstp) {
        build(rstp,
                "0x111 = a b l",
                "0x222 = b c d",
                "0x333 = d e f",
                "0x444 = f g h",
                "0x555 = j h i",
                "0x666 = l j k");
    }

    @Test
    void stpFigure17_6() {
        figure17_6(false);
        check(0, "root");
        check(1, "F:10 F F");
        check(2, "F:20 F F");
        check(3, "F:30 F B");
        check(4, "F:20 F F");
        check(5, "F:10 F F");
    }

    @Test
    void rstpFigure17_6() {
        figure17_6(true);
        check(0, "root");
        check(1, "F:200000 F F");
        check(2, "F:400000 F F");
        check(3, "F:600000 F Di");
        check(4, "F:400000 F F");
        check(5, "F:200000 F F");
    }

    @Test
    void stpFigure17_7() {
        build(false,
                "0xaa = b",
                "0x111 = a b d f h g e c",
                "0x222 = g h j l n m k i");
        check(0, "root");
        check(1, "F F:10 F F F F F F");
        check(2, "B F:20 F F F F F F");
    }

    @Test
    void rstpFigure17_7() {
        build(true,
                "0x000 = b",
                "0x111 = a b d f h g e c",
                "0x222 = g h j l n m k i");
        check(0, "root");
        check(1, "F F:200000 F F F F F F");
        check(2, "Di F:400000 F F F F F F");
    }

    @Test
    void stpNetworkInitialization() {
        build(false,
                "0x111 = a b c",
                "0x222 = b d e",
                "0x333 = a d f",
                "0x444 = c e f");
        check(0, "root");
        check(1, "F:10 F F");
        check(2, "F:10 B F");
        check(3, "F:10 B B");
    }

    @Test
    void stpRootSelectionByBridgeIdValues() {
        build(false,
                "0x333^0x6000 = a",
                "0x222^0x7000 = b",
                "0x111 = a b");
        check(0, "root");
        check(1, "F:20");
        check(2, "F:10 F");
    }

    @Test
    void rstpDoubleLinkFailure() {
        build(true,
                "0x111 = a b",
                "0x222 = a c d",
                "0x333 = b c e",
                "0x444 = d f",
                "0x555 = e f");
        check(0, "root");
        check(1, "F:200000 F F");
        check(2, "F:200000 Di F");
        check(3, "F:400000 F");
        check(4, "F:400000 Di");
    }
}
