package org.jvswitch.stp;

import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * An in-memory network of spanning tree engines for tests: bridges ({@link Stp} or
 * {@link Rstp}) whose ports are wired by point-to-point links, a shared fake clock, and links
 * that can be cut (with or without carrier loss) and restored.
 *
 * <p>How: every engine's sink puts its frames on one queue; {@link #step} advances the clock,
 * ticks every bridge, then delivers queued frames to the far end of each up link (frames the
 * delivery causes are delivered in the same step), so a step is one instant of zero-latency
 * network. Frames sent are also logged per (bridge, port) for assertions.
 *
 * <p>Threads: the test thread only.
 */
final class SimNetwork {

    /** A frame in flight, sent by {@code from} on {@code port}. */
    record Frame(SpanningTree from, int port, byte[] data) {
        Bpdu bpdu() {
            return BpduCodec.decode(data).bpdu();
        }
    }

    /** One end of a link. */
    record End(SpanningTree bridge, int port) {
    }

    /** A point-to-point link; {@code up} false drops every frame. */
    static final class Link {
        End a;
        End b;
        boolean up = true;

        Link(End a, End b) {
            this.a = a;
            this.b = b;
        }

        End peer(End e) {
            return e.equals(a) ? b : a;
        }

        @Override
        public String toString() {
            return a.bridge().name() + "." + a.port() + "-" + b.bridge().name() + "." + b.port();
        }
    }

    /** A shared LAN segment: a frame sent by one member reaches every other member. */
    static final class Lan {
        final List<End> ends = new ArrayList<>();
        final String name;

        Lan(String name) {
            this.name = name;
        }
    }

    long now = 1_000;
    /** Clock step of {@link #run}: timers are checked this often. */
    long stepMs = 100;
    final Map<String, SpanningTree> bridges = new LinkedHashMap<>();
    final List<Link> links = new ArrayList<>();
    final List<Lan> lans = new ArrayList<>();
    private final Map<End, Link> linkAt = new HashMap<>();
    private final Map<End, Lan> lanAt = new HashMap<>();
    private final ArrayDeque<Frame> queue = new ArrayDeque<>();
    final List<Frame> sent = new ArrayList<>();
    /** Flush callbacks heard per bridge name. */
    final Map<String, Integer> flushes = new HashMap<>();

    /** An STP bridge with priority {@code priority} and MAC {@code mac}, default times. */
    Stp stp(String name, int priority, long mac) {
        Stp[] self = new Stp[1];
        Stp s = new Stp(name, new StpSettings(mac, priority, 2, 20, 15),
                (port, frame) -> queue.add(new Frame(self[0], port, frame)));
        self[0] = s;
        s.setListener(new StpListener() {
            @Override
            public void topologyChanged() {
                flushes.merge(name, 1, Integer::sum);
            }
        });
        s.tick(now);
        bridges.put(name, s);
        return s;
    }

    /** An RSTP bridge with priority {@code priority} and MAC {@code mac}, OVS's defaults. */
    Rstp rstp(String name, int priority, long mac) {
        Rstp[] self = new Rstp[1];
        Rstp r = new Rstp(name, RstpSettings.defaults(mac).withPriority(priority),
                (port, frame) -> queue.add(new Frame(self[0], port, frame)));
        self[0] = r;
        r.setListener(new RstpListener() {
            @Override
            public void fdbFlush(int portNo) {
                flushes.merge(name, 1, Integer::sum);
            }
        });
        r.tick(now);
        bridges.put(name, r);
        return r;
    }

    /** Adds port {@code portNo} named {@code portName} (default settings, 1 Gb/s). */
    void addPort(SpanningTree bridge, int portNo, String portName) {
        if (bridge instanceof Stp s) {
            s.addPort(portNo, portName, 1000);
        } else {
            ((Rstp) bridge).addPort(portNo, portName, 1000);
        }
    }

    /** Adds the two ports (named "p" + number) if needed, wires them, and brings them up. */
    Link connect(SpanningTree a, int pa, SpanningTree b, int pb) {
        ensurePort(a, pa);
        ensurePort(b, pb);
        Link l = new Link(new End(a, pa), new End(b, pb));
        links.add(l);
        linkAt.put(l.a, l);
        linkAt.put(l.b, l);
        a.enablePort(pa);
        b.enablePort(pb);
        deliver();
        return l;
    }

    private void ensurePort(SpanningTree bridge, int portNo) {
        boolean exists = bridge instanceof Stp s ? s.portState(portNo) != null
                : ((Rstp) bridge).portState(portNo) != null;
        if (!exists) {
            addPort(bridge, portNo, "p" + portNo);
        }
    }

    /** Puts an existing, enabled port on LAN {@code lanName} (created on first use). */
    void attach(String lanName, SpanningTree bridge, int port) {
        Lan lan = lans.stream().filter(l -> l.name.equals(lanName)).findFirst().orElseGet(() -> {
            Lan l = new Lan(lanName);
            lans.add(l);
            return l;
        });
        End e = new End(bridge, port);
        lan.ends.add(e);
        lanAt.put(e, lan);
        deliver();
    }

    /** Link failure with carrier loss: both ends see link down. */
    void cut(Link l) {
        l.up = false;
        l.a.bridge().disablePort(l.a.port());
        l.b.bridge().disablePort(l.b.port());
        deliver();
    }

    /** Link failure without carrier loss: frames are silently dropped both ways. */
    void silentCut(Link l) {
        l.up = false;
    }

    void restore(Link l) {
        l.up = true;
        l.a.bridge().enablePort(l.a.port());
        l.b.bridge().enablePort(l.b.port());
        deliver();
    }

    /** Moves the {@code b} end of {@code l} to {@code bridge}'s port {@code port}, carrier kept
     *  up on the {@code a} end (as when the neighbour is replaced behind a media converter). */
    void rewire(Link l, SpanningTree bridge, int port) {
        linkAt.remove(l.b);
        l.b = new End(bridge, port);
        linkAt.put(l.b, l);
        ensurePort(bridge, port);
        bridge.enablePort(port);
        deliver();
    }

    /** Advances the clock by {@code ms}, ticks every bridge, delivers frames. */
    void step(long ms) {
        now += ms;
        for (SpanningTree b : bridges.values()) {
            b.tick(now);
        }
        deliver();
    }

    /** Runs for {@code ms} in steps of {@link #stepMs}, checking {@code invariant} after each. */
    void run(long ms, Runnable invariant) {
        for (long t = 0; t < ms; t += stepMs) {
            step(stepMs);
            invariant.run();
        }
    }

    void run(long ms) {
        run(ms, () -> { });
    }

    /** Steps 100 ms at a time until {@code cond} holds; returns the time it took, in ms. */
    long runUntil(BooleanSupplier cond, long maxMs, String what) {
        long start = now;
        while (!cond.getAsBoolean()) {
            if (now - start > maxMs) {
                fail(what + " did not happen within " + maxMs + " ms\n" + showAll());
            }
            step(100);
        }
        return now - start;
    }

    void deliver() {
        int n = 0;
        Frame f;
        while ((f = queue.poll()) != null) {
            if (++n > 1_000_000) {
                fail("BPDU storm");
            }
            sent.add(f);
            End from = new End(f.from(), f.port());
            Link l = linkAt.get(from);
            if (l != null && l.up) {
                End to = l.peer(from);
                to.bridge().receive(to.port(), f.data());
            }
            Lan lan = lanAt.get(from);
            if (lan != null) {
                for (End to : lan.ends) {
                    if (!to.equals(from)) {
                        to.bridge().receive(to.port(), f.data());
                    }
                }
            }
        }
    }

    /** Frames {@code bridge} sent on {@code port} since the start (or the last clear). */
    List<Bpdu> sentOn(SpanningTree bridge, int port) {
        List<Bpdu> out = new ArrayList<>();
        for (Frame f : sent) {
            if (f.from() == bridge && f.port() == port) {
                out.add(f.bpdu());
            }
        }
        return out;
    }

    boolean forwarding(End e) {
        return e.bridge().forwardPermitted(e.port());
    }

    /**
     * True if forwarding ports make no cycle: links whose two ends forward, and LANs joined to
     * each bridge through its forwarding ports on them, must form a forest.
     */
    boolean loopFree() {
        Map<Object, Object> parent = new HashMap<>();
        for (Link l : links) {
            if (l.up && forwarding(l.a) && forwarding(l.b) && !union(parent, l.a.bridge(), l.b.bridge())) {
                return false;
            }
        }
        for (Lan lan : lans) {
            for (End e : lan.ends) {
                if (forwarding(e) && !union(parent, lan, e.bridge())) {
                    return false;
                }
            }
        }
        return true;
    }

    private static boolean union(Map<Object, Object> parent, Object a, Object b) {
        Object x = find(parent, a);
        Object y = find(parent, b);
        if (x == y) {
            return false;
        }
        parent.put(x, y);
        return true;
    }

    private static Object find(Map<Object, Object> parent, Object x) {
        while (parent.containsKey(x)) {
            x = parent.get(x);
        }
        return x;
    }

    String showAll() {
        StringBuilder sb = new StringBuilder();
        for (SpanningTree b : bridges.values()) {
            sb.append(b.show());
        }
        return sb.toString();
    }
}
