package org.jvswitch.ofproto;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.jvswitch.dataplane.flow.FlowField;
import org.jvswitch.dataplane.flow.FlowKey;

/**
 * A bridge's TLV map (Open vSwitch's tun_metadata table, {@code ovs-ofctl add-tlv-map}): which
 * Geneve option (class, type, length) each of the fields {@code tun_metadata0..63} stands for, and
 * where its value lives in the {@link OfKey}'s tun_metadata space ({@link OfKey#W_TUN_MD}, 256
 * bytes, allocated first fit in 4-byte units as entries come). Immutable: a change makes a new map.
 *
 * <p>In translation the raw options a decapsulated packet carries ({@link FlowKey#W_GENEVE_OPTS})
 * become the mapped fields ({@link #fromGeneve}); the fields the pipeline consulted turn back into
 * the option bytes the megaflow must match ({@link #geneveWildcards}); on Geneve encapsulation the
 * fields present become the options ({@link #toGeneve}).
 */
public final class TlvMap {
    public static final int MAX_FIELDS = 64;
    public static final int MAX_SPACE = 256;
    public static final int MAX_OPT_LEN = 124;

    /** One mapping: option {@code cls}/{@code type} of {@code len} bytes is tun_metadata{@code index}. */
    public record Entry(int index, int cls, int type, int len, int offset) {
    }

    public static final TlvMap EMPTY = new TlvMap(new Entry[MAX_FIELDS]);

    private final Entry[] byIndex;

    private TlvMap(Entry[] byIndex) {
        this.byIndex = byIndex;
    }

    /** The entry of tun_metadata{@code index}, or null. */
    public Entry entry(int index) {
        return index >= 0 && index < MAX_FIELDS ? byIndex[index] : null;
    }

    /** The entries in field order. */
    public List<Entry> entries() {
        List<Entry> l = new ArrayList<>();
        for (Entry e : byIndex) {
            if (e != null) {
                l.add(e);
            }
        }
        return l;
    }

    public boolean isEmpty() {
        return entries().isEmpty();
    }

    /** The entry for option class/type, or null. */
    public Entry byOption(int cls, int type) {
        for (Entry e : byIndex) {
            if (e != null && e.cls == cls && e.type == type) {
                return e;
            }
        }
        return null;
    }

    // ---- changes (NXT_TLV_TABLE_MOD) ----

    /** A requested mapping (offset not yet allocated). */
    public record Mapping(int cls, int type, int len, int index) {
    }

    /** Adds mappings, all or none; errors as Open vSwitch's NXTTMFC_* codes. */
    public TlvMap add(List<Mapping> ms) {
        Entry[] next = byIndex.clone();
        for (int i = 0; i < ms.size(); i++) {
            Mapping m = ms.get(i);
            if (m.index < 0 || m.index >= MAX_FIELDS) {
                throw err("NXTTMFC_BAD_FIELD_IDX", "field index " + m.index);
            }
            if (m.len % 4 != 0 || m.len > MAX_OPT_LEN || m.len <= 0) {
                throw err("NXTTMFC_BAD_OPT_LEN", "option length " + m.len);
            }
            for (int j = 0; j < i; j++) {
                Mapping o = ms.get(j);
                if (o.index == m.index || o.cls == m.cls && o.type == m.type) {
                    throw err("NXTTMFC_DUP_ENTRY", "tun_metadata" + m.index + " twice in one request");
                }
            }
            if (next[m.index] != null) {
                throw err("NXTTMFC_ALREADY_MAPPED", "tun_metadata" + m.index + " is already mapped");
            }
            for (Entry e : next) {
                if (e != null && e.cls == m.cls && e.type == m.type) {
                    throw err("NXTTMFC_DUP_ENTRY", "option class 0x" + Integer.toHexString(m.cls) + " type "
                            + m.type + " is already mapped to tun_metadata" + e.index);
                }
            }
            int off = allocate(next, m.len);
            if (off < 0) {
                throw err("NXTTMFC_TABLE_FULL", "no room for " + m.len + " more bytes of tun_metadata");
            }
            next[m.index] = new Entry(m.index, m.cls, m.type, m.len, off);
        }
        return new TlvMap(next);
    }

    /** Deletes the mappings of these fields, all or none (NXTTMFC_INVALID_TLV_DEL if one is not mapped). */
    public TlvMap delete(List<Mapping> ms) {
        Entry[] next = byIndex.clone();
        for (Mapping m : ms) {
            if (m.index < 0 || m.index >= MAX_FIELDS) {
                throw err("NXTTMFC_BAD_FIELD_IDX", "field index " + m.index);
            }
            if (next[m.index] == null) {
                throw err("NXTTMFC_INVALID_TLV_DEL", "tun_metadata" + m.index + " is not mapped");
            }
            next[m.index] = null;
        }
        return new TlvMap(next);
    }

    private static int allocate(Entry[] es, int len) {
        boolean[] used = new boolean[MAX_SPACE / 4];
        for (Entry e : es) {
            if (e != null) {
                for (int i = e.offset / 4; i < (e.offset + e.len) / 4; i++) {
                    used[i] = true;
                }
            }
        }
        int run = 0;
        for (int i = 0; i < used.length; i++) {
            run = used[i] ? 0 : run + 1;
            if (run * 4 >= len) {
                return (i - run + 1) * 4;
            }
        }
        return -1;
    }

    private static OfError err(String code, String detail) {
        return new OfError(OfError.Type.BAD_REQUEST, code, detail);
    }

    // ---- key bytes ----

    /** Byte {@code i} of the tun_metadata space of an OpenFlow key (or mask). */
    public static int mdByte(long[] k, int i) {
        return (int) (k[OfKey.W_TUN_MD + i / 8] >>> (56 - 8 * (i % 8))) & 0xff;
    }

    public static void setMdByte(long[] k, int i, int v) {
        int w = OfKey.W_TUN_MD + i / 8;
        int sh = 56 - 8 * (i % 8);
        k[w] = k[w] & ~(0xffL << sh) | (long) (v & 0xff) << sh;
    }

    public static boolean present(long[] k, int index) {
        return (k[OfKey.W_TUN_MD_PRESENT] & 1L << index) != 0;
    }

    private static int geneveByte(long[] k, int i) {
        return (int) (k[FlowKey.W_GENEVE_OPTS + i / 8] >>> (56 - 8 * (i % 8))) & 0xff;
    }

    private static void orGeneveByte(long[] k, int i, int v) {
        k[FlowKey.W_GENEVE_OPTS + i / 8] |= (long) (v & 0xff) << (56 - 8 * (i % 8));
    }

    /** Where the raw option of entry {@code e} starts in the key's Geneve options (its header), or -1. */
    private static int find(long[] dpKey, Entry e) {
        int len = Math.min((int) FlowField.GENEVE_LEN.get(dpKey, 0), FlowKey.GENEVE_OPTS_MAX_BYTES);
        for (int o = 0; o + 4 <= len; ) {
            int cls = geneveByte(dpKey, o) << 8 | geneveByte(dpKey, o + 1);
            int type = geneveByte(dpKey, o + 2);
            int optLen = (geneveByte(dpKey, o + 3) & 0x1f) * 4;
            if (cls == e.cls && type == e.type && optLen == e.len && o + 4 + optLen <= len) {
                return o;
            }
            o += 4 + optLen;
        }
        return -1;
    }

    /** Fills the OpenFlow key's tun_metadata fields from the raw Geneve options of its datapath part. */
    public void fromGeneve(long[] k) {
        if (FlowField.GENEVE_LEN.get(k, 0) == 0) {
            return;
        }
        for (Entry e : byIndex) {
            if (e == null) {
                continue;
            }
            int o = find(k, e);
            if (o < 0) {
                continue;
            }
            for (int i = 0; i < e.len; i++) {
                setMdByte(k, e.offset + i, geneveByte(k, o + 4 + i));
            }
            k[OfKey.W_TUN_MD_PRESENT] |= 1L << e.index;
        }
    }

    /**
     * Turns the wildcards of tun_metadata fields ({@code wc} over an OpenFlow key) into the raw
     * Geneve option bytes of {@code k} the megaflow must match: the options' length and headers
     * (they fix where each option is, or that it is absent) and the consulted bytes of the options.
     */
    public void geneveWildcards(long[] k, long[] wc) {
        boolean any = false;
        for (Entry e : byIndex) {
            if (e == null) {
                continue;
            }
            boolean consulted = present(wc, e.index);
            for (int i = 0; i < e.len && !consulted; i++) {
                consulted = mdByte(wc, e.offset + i) != 0;
            }
            if (!consulted) {
                continue;
            }
            any = true;
            int o = find(k, e);
            if (o >= 0) {
                for (int i = 0; i < e.len; i++) {
                    orGeneveByte(wc, o + 4 + i, mdByte(wc, e.offset + i));
                }
            }
        }
        if (!any) {
            return;
        }
        FlowField.GENEVE_LEN.exact(wc, 0);
        int len = Math.min((int) FlowField.GENEVE_LEN.get(k, 0), FlowKey.GENEVE_OPTS_MAX_BYTES);
        for (int o = 0; o + 4 <= len; ) {
            for (int i = 0; i < 4; i++) {
                orGeneveByte(wc, o + i, 0xff);
            }
            o += 4 + (geneveByte(k, o + 3) & 0x1f) * 4;
        }
    }

    /** The Geneve options for the tun_metadata fields present in {@code k}, in field order. */
    public byte[] toGeneve(long[] k) {
        int n = 0;
        for (Entry e : byIndex) {
            if (e != null && present(k, e.index)) {
                n += 4 + e.len;
            }
        }
        byte[] b = new byte[n];
        int o = 0;
        for (Entry e : byIndex) {
            if (e == null || !present(k, e.index)) {
                continue;
            }
            b[o] = (byte) (e.cls >>> 8);
            b[o + 1] = (byte) e.cls;
            b[o + 2] = (byte) e.type;
            b[o + 3] = (byte) (e.len / 4);
            for (int i = 0; i < e.len; i++) {
                b[o + 4 + i] = (byte) mdByte(k, e.offset + i);
            }
            o += 4 + e.len;
        }
        return b;
    }

    // ---- the options every bridge knows (critical options outside them are dropped) ----

    private static final Map<String, TlvMap> BY_BRIDGE = new ConcurrentHashMap<>();
    private static volatile Consumer<int[]> listener = o -> { };

    /** {@code l} hears the union of every bridge's mapped options (class &lt;&lt; 8 | type) on each change. */
    public static void onChange(Consumer<int[]> l) {
        listener = l == null ? o -> { } : l;
        publish();
    }

    /** Records bridge {@code bridge}'s map (null: the bridge is gone) and tells the listener. */
    static void record(String bridge, TlvMap map) {
        if (map == null || map.isEmpty()) {
            BY_BRIDGE.remove(bridge);
        } else {
            BY_BRIDGE.put(bridge, map);
        }
        publish();
    }

    private static void publish() {
        List<Integer> known = new ArrayList<>();
        for (TlvMap m : BY_BRIDGE.values()) {
            for (Entry e : m.entries()) {
                int v = e.cls << 8 | e.type;
                if (!known.contains(v)) {
                    known.add(v);
                }
            }
        }
        listener.accept(known.stream().mapToInt(Integer::intValue).toArray());
    }
}
