package org.jvswitch.ofproto;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.jvswitch.dataplane.flow.FlowField;

/**
 * One bridge's OpenFlow switch (Open vSwitch's ofproto): its ports, its 255 flow tables, MAC
 * learning for NORMAL, and the hooks to spanning tree and the controllers.
 *
 * <p>Threads: OpenFlow connections and the configuration thread change it; upcall handlers and
 * revalidators translate against it concurrently. Flow tables are guarded by a read-write lock
 * (translation reads, flow_mods write); the port map is copy-on-write behind a volatile. Every
 * change that can alter a translation bumps {@link #version()} so the revalidators re-check the
 * datapath flows.
 */
public final class Ofproto {
    public static final int TABLES = 255;
    /** OpenFlow's highest priority; rules above it are hidden (fail-open), as in OVS. */
    public static final int MAX_PRIORITY = 0xffff;

    private final String name;
    private final int id;
    private volatile long datapathId;
    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private final OfTable[] tables = new OfTable[TABLES];
    private final MacLearning macs = new MacLearning();
    private final AtomicLong version = new AtomicLong();
    private volatile Map<Integer, OfPort> ports = Map.of();
    private volatile Map<Integer, OfPort> portsByOdp = Map.of();
    private volatile PortGate gate = PortGate.OPEN;
    private volatile PacketInSink sink = PacketInSink.NONE;
    private volatile boolean forwardBpdu;
    private volatile TlvMap tlvMap = TlvMap.EMPTY;
    private final OfGroups groups = new OfGroups();
    private final OfMeters meters = new OfMeters();

    /**
     * @param id a small number unique among bridges, carried in datapath userspace actions so
     *           the packets they send up find their bridge again
     */
    public Ofproto(String name, int id, long datapathId) {
        this.name = name;
        this.id = id;
        this.datapathId = datapathId;
        for (int i = 0; i < TABLES; i++) {
            tables[i] = new OfTable(i);
        }
    }

    public String name() {
        return name;
    }

    public int id() {
        return id;
    }

    public long datapathId() {
        return datapathId;
    }

    public void setDatapathId(long dpid) {
        datapathId = dpid;
    }

    public MacLearning macs() {
        return macs;
    }

    public OfGroups groups() {
        return groups;
    }

    public OfMeters meters() {
        return meters;
    }

    /**
     * Table-miss behaviour (OpenFlow 1.0-1.2 controllers expect misses as packet-ins; 1.3 and
     * later install table-miss flows): true sends misses in {@code table} to the controllers.
     */
    public void setTableMissToController(int table, boolean toController) {
        if (tables[table].missToController != toController) {
            tables[table].missToController = toController;
            bump();
        }
    }

    public boolean tableMissToController(int table) {
        return tables[table].missToController;
    }

    /** Changes whenever a translation could come out differently. */
    public long version() {
        return version.get() + macs.seq();
    }

    public void bump() {
        version.incrementAndGet();
    }

    /** The bridge's TLV map (tun_metadata fields to Geneve options). */
    public TlvMap tlvMap() {
        return tlvMap;
    }

    public void setTlvMap(TlvMap map) {
        tlvMap = map;
        TlvMap.record(name, map);
        bump();
    }

    // ---- ports ----

    public OfPort port(int ofport) {
        return ports.get(ofport);
    }

    public OfPort portByOdp(int odpPort) {
        return portsByOdp.get(odpPort);
    }

    public OfPort portByName(String portName) {
        for (OfPort p : ports.values()) {
            if (p.name().equals(portName)) {
                return p;
            }
        }
        return null;
    }

    public List<OfPort> ports() {
        List<OfPort> l = new ArrayList<>(ports.values());
        l.sort((a, b) -> Integer.compare(a.ofport(), b.ofport()));
        return l;
    }

    /** Adds or replaces a port (same ofport). */
    public synchronized void putPort(OfPort p) {
        Map<Integer, OfPort> next = new HashMap<>(ports);
        OfPort old = next.put(p.ofport(), p);
        ports = Map.copyOf(next);
        Map<Integer, OfPort> byOdp = new HashMap<>(portsByOdp);
        if (old != null && old.odpPort() >= 0) {
            byOdp.remove(old.odpPort());
        }
        if (p.odpPort() >= 0) {
            byOdp.put(p.odpPort(), p);
        }
        portsByOdp = Map.copyOf(byOdp);
        bump();
    }

    public synchronized void removePort(int ofport) {
        Map<Integer, OfPort> next = new HashMap<>(ports);
        OfPort old = next.remove(ofport);
        if (old == null) {
            return;
        }
        ports = Map.copyOf(next);
        if (old.odpPort() >= 0) {
            Map<Integer, OfPort> byOdp = new HashMap<>(portsByOdp);
            byOdp.remove(old.odpPort());
            portsByOdp = Map.copyOf(byOdp);
        }
        macs.flushPort(ofport);
        bump();
    }

    // ---- hooks ----

    public PortGate gate() {
        return gate;
    }

    public void setGate(PortGate g) {
        gate = g == null ? PortGate.OPEN : g;
        bump();
    }

    public PacketInSink sink() {
        return sink;
    }

    public void setSink(PacketInSink s) {
        sink = s == null ? PacketInSink.NONE : s;
    }

    /** other_config:forward-bpdu: whether NORMAL forwards reserved multicast (01:80:c2:00:00:0x). */
    public boolean forwardBpdu() {
        return forwardBpdu;
    }

    public void setForwardBpdu(boolean on) {
        forwardBpdu = on;
        bump();
    }

    // ---- flow tables ----

    ReentrantReadWriteLock.ReadLock readLock() {
        return lock.readLock();
    }

    OfTable table(int id) {
        return tables[id];
    }

    /** Applies a flow_mod; returns the rules it added, changed or removed (for counting). */
    public int flowMod(FlowMod fm, long nowMillis) {
        if (fm.command() != FlowMod.Command.DELETE && fm.command() != FlowMod.Command.DELETE_STRICT
                && (fm.table() < 0 || fm.table() >= TABLES)) {
            throw new OfError(OfError.Type.FLOW_MOD_FAILED, "BAD_TABLE_ID", "table " + fm.table());
        }
        validate(fm);
        List<OfRule> removed = new ArrayList<>();
        int n;
        lock.writeLock().lock();
        try {
            n = switch (fm.command()) {
                case ADD -> add(fm, nowMillis);
                case MODIFY, MODIFY_STRICT -> modify(fm, nowMillis);
                case DELETE, DELETE_STRICT -> delete(fm, removed);
            };
        } finally {
            lock.writeLock().unlock();
        }
        if (n > 0) {
            bump();
        }
        for (OfRule r : removed) {
            if ((r.flags() & OfRule.SEND_FLOW_REM) != 0) {
                sink.flowRemoved(this, r, 2);
            }
        }
        return n;
    }

    private int add(FlowMod fm, long now) {
        OfTable t = tables[fm.table()];
        if ((fm.flags() & OfRule.CHECK_OVERLAP) != 0 && t.rules.overlaps(fm.key(), fm.mask(), fm.priority())
                && t.rules.find(fm.key(), fm.mask(), fm.priority()) == null) {
            throw new OfError(OfError.Type.FLOW_MOD_FAILED, "OVERLAP", null);
        }
        OfRule replaced = t.rules.insert(new OfRule(fm.table(), fm.priority(), fm.key(), fm.mask(), fm.cookie(),
                fm.idleTimeout(), fm.hardTimeout(), fm.flags(), fm.importance(), fm.actions(), now));
        if (replaced == null && fm.priority() > MAX_PRIORITY) {
            t.hidden++;
        }
        return 1;
    }

    private int modify(FlowMod fm, long now) {
        int n = 0;
        for (OfRule r : select(fm, fm.command() == FlowMod.Command.MODIFY_STRICT)) {
            r.setActions(fm.actions(), now);
            if ((fm.flags() & OfRule.RESET_COUNTS) != 0) {
                r.resetCounts();
            }
            n++;
        }
        return n;
    }

    private int delete(FlowMod fm, List<OfRule> removed) {
        for (OfRule r : select(fm, fm.command() == FlowMod.Command.DELETE_STRICT)) {
            if (tables[r.table()].rules.remove(r) && r.priority() > MAX_PRIORITY) {
                tables[r.table()].hidden--;
            }
            removed.add(r);
        }
        return removed.size();
    }

    /** The rules a modify or delete applies to (table, match, cookie, out_port filters). */
    private List<OfRule> select(FlowMod fm, boolean strict) {
        List<OfRule> out = new ArrayList<>();
        int from = fm.table() == FlowMod.ALL_TABLES ? 0 : fm.table();
        int to = fm.table() == FlowMod.ALL_TABLES ? TABLES - 1 : fm.table();
        for (int t = from; t <= to; t++) {
            if (strict) {
                OfRule r = tables[t].rules.find(fm.key(), fm.mask(), fm.priority());
                if (r != null && filters(r, fm)) {
                    out.add(r);
                }
            } else {
                for (OfRule r : tables[t].rules.rules()) {
                    // Hidden rules (priority above 0xffff: fail-open) are changed only by name (strict).
                    if (r.priority() <= MAX_PRIORITY && r.isSubsumedBy(fm.key(), fm.mask()) && filters(r, fm)) {
                        out.add(r);
                    }
                }
            }
        }
        return out;
    }

    private static boolean filters(OfRule r, FlowMod fm) {
        if ((r.cookie() & fm.cookieMask()) != (fm.cookie() & fm.cookieMask())) {
            return false;
        }
        if (fm.outPort() != OfKey.OFPP_ANY && !outputsTo(r.actions(), fm.outPort())) {
            return false;
        }
        return fm.outGroup() == FlowMod.ANY_GROUP || r.actions().stream()
                .anyMatch(a -> a instanceof OfAction.Group g && g.groupId() == fm.outGroup());
    }

    private static boolean outputsTo(List<OfAction> actions, int port) {
        for (OfAction a : actions) {
            if (a instanceof OfAction.Output o && o.port() == port) {
                return true;
            }
            if (a instanceof OfAction.WriteActions w && outputsTo(w.actions(), port)) {
                return true;
            }
        }
        return false;
    }

    private void validate(FlowMod fm) {
        for (OfAction a : fm.actions()) {
            if (a instanceof OfAction.GotoTable g && (g.table() <= fm.table() || g.table() >= TABLES)) {
                throw new OfError(OfError.Type.BAD_INSTRUCTION, "BAD_TABLE_ID", "goto_table:" + g.table()
                        + " from table " + fm.table());
            }
            if (a instanceof OfAction.Meter m && meters.get(m.meterId()) == null) {
                throw new OfError(OfError.Type.METER_MOD_FAILED, "UNKNOWN_METER", "meter "
                        + Integer.toUnsignedString(m.meterId()));
            }
            if (a instanceof OfAction.Group g && groups.get(g.groupId()) == null) {
                throw new OfError(OfError.Type.BAD_ACTION, "BAD_OUT_GROUP", "group " + g.groupId());
            }
            if (a instanceof OfAction.Output o && o.port() >= OfKey.OFPP_MAX && o.port() < OfKey.OFPP_UNSET) {
                throw new OfError(OfError.Type.BAD_ACTION, "BAD_OUT_PORT", "port " + o.port());
            }
        }
        if (!FlowField.IN_PORT.isExact(fm.mask(), 0) && FlowField.IN_PORT.isNonZero(fm.mask(), 0)) {
            throw new OfError(OfError.Type.BAD_MATCH, "BAD_WILDCARDS", "in_port cannot be partly wildcarded");
        }
    }

    /** Every rule of a table, or of all tables ({@link FlowMod#ALL_TABLES}), for stats requests. */
    public List<OfRule> rules(int table) {
        return rules(table, false);
    }

    /**
     * Every rule of a table or of all tables, highest priority first in each; with
     * {@code hidden}, also the rules OpenFlow does not see (fail-open: bridge/dump-flows).
     */
    public List<OfRule> rules(int table, boolean hidden) {
        lock.readLock().lock();
        try {
            List<OfRule> out = new ArrayList<>();
            int from = table == FlowMod.ALL_TABLES ? 0 : table;
            int to = table == FlowMod.ALL_TABLES ? TABLES - 1 : table;
            for (int t = from; t <= to; t++) {
                List<OfRule> rs = tables[t].rules.rules();
                if (!hidden) {
                    rs.removeIf(r -> r.priority() > MAX_PRIORITY);
                }
                rs.sort((a, b) -> Integer.compare(b.priority(), a.priority()));
                out.addAll(rs);
            }
            return out;
        } finally {
            lock.readLock().unlock();
        }
    }

    /** Rules matching a stats request (non-strict) with cookie and out_port filters. */
    public List<OfRule> select(int table, long[] key, long[] mask, long cookie, long cookieMask, int outPort,
                               int outGroup) {
        lock.readLock().lock();
        try {
            return select(new FlowMod(FlowMod.Command.DELETE, table, key, mask, 0, cookie, cookieMask, 0, 0, 0, 0,
                    outPort, outGroup, List.of()), false);
        } finally {
            lock.readLock().unlock();
        }
    }

    public int ruleCount(int table) {
        return tables[table].rules.size() - tables[table].hidden;
    }

    public long tableLookups(int table) {
        return tables[table].lookups.get();
    }

    public long tableMatches(int table) {
        return tables[table].matched.get();
    }

    public String tableName(int table) {
        return tables[table].name;
    }

    /** Removes rules whose idle or hard timeout passed (revalidator); returns them. */
    public List<OfRule> expire(long nowMillis) {
        List<OfRule> expired = new ArrayList<>();
        lock.writeLock().lock();
        try {
            for (OfTable t : tables) {
                if (t.rules.timedCount() == 0) {
                    continue; // nothing can expire: no O(rules) walk under the write lock per pass
                }
                for (OfRule r : t.rules.rules()) {
                    boolean hard = r.hardTimeout() > 0 && nowMillis - r.createdMillis() >= r.hardTimeout() * 1000L;
                    boolean idle = r.idleTimeout() > 0 && nowMillis - r.usedMillis() >= r.idleTimeout() * 1000L;
                    if (hard || idle) {
                        t.rules.remove(r);
                        expired.add(r);
                        if ((r.flags() & OfRule.SEND_FLOW_REM) != 0) {
                            sink.flowRemoved(this, r, hard ? 1 : 0);
                        }
                    }
                }
            }
        } finally {
            lock.writeLock().unlock();
        }
        if (!expired.isEmpty()) {
            bump();
        }
        return expired;
    }

    @Override
    public String toString() {
        return name;
    }
}
