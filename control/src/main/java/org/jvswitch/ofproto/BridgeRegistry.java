package org.jvswitch.ofproto;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Every bridge of the switch, found by name, by id (carried in userspace actions), by datapath
 * port and by port name. Bridges come and go on the configuration thread; translations on other
 * threads read the concurrent maps.
 */
public final class BridgeRegistry implements Xlate.Bridges {
    private final Map<String, Ofproto> byName = new ConcurrentHashMap<>();
    private final Map<Integer, Ofproto> byId = new ConcurrentHashMap<>();
    private final AtomicInteger nextId = new AtomicInteger(1);

    /** A new bridge with a fresh id. */
    public Ofproto create(String name, long datapathId) {
        Ofproto b = new Ofproto(name, nextId.getAndIncrement(), datapathId);
        byName.put(name, b);
        byId.put(b.id(), b);
        return b;
    }

    public void remove(String name) {
        Ofproto b = byName.remove(name);
        if (b != null) {
            byId.remove(b.id());
        }
    }

    public Ofproto byName(String name) {
        return byName.get(name);
    }

    public List<Ofproto> all() {
        List<Ofproto> l = new ArrayList<>(byName.values());
        l.sort((a, b) -> a.name().compareTo(b.name()));
        return l;
    }

    @Override
    public Ofproto byOdpPort(int odpPort) {
        for (Ofproto b : byName.values()) {
            if (b.portByOdp(odpPort) != null) {
                return b;
            }
        }
        return null;
    }

    @Override
    public Ofproto byId(int id) {
        return byId.get(id);
    }

    @Override
    public Ofproto byPortName(String portName) {
        for (Ofproto b : byName.values()) {
            if (b.portByName(portName) != null) {
                return b;
            }
        }
        return null;
    }
}
