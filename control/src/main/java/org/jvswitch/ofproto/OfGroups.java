package org.jvswitch.ofproto;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** A bridge's group table, with OpenFlow's group_mod rules and errors. */
public final class OfGroups {
    public static final int ALL = 0xfffffffc;
    public static final int MAX = 0xffffff00;

    private final Map<Integer, OfGroup> groups = new ConcurrentHashMap<>();

    public OfGroup get(int id) {
        return groups.get(id);
    }

    public List<OfGroup> all() {
        List<OfGroup> l = new ArrayList<>(groups.values());
        l.sort((a, b) -> Integer.compareUnsigned(a.id(), b.id()));
        return l;
    }

    public void add(OfGroup g) {
        check(g);
        if (groups.putIfAbsent(g.id(), g) != null) {
            throw new OfError(OfError.Type.GROUP_MOD_FAILED, "GROUP_EXISTS", "group " + Integer.toUnsignedString(g.id()));
        }
    }

    public void modify(OfGroup g) {
        check(g);
        if (groups.replace(g.id(), g) == null) {
            throw new OfError(OfError.Type.GROUP_MOD_FAILED, "UNKNOWN_GROUP", "group " + Integer.toUnsignedString(g.id()));
        }
    }

    /** Deletes a group, or all with {@link #ALL}; deleting an unknown group is not an error. */
    public void delete(int id) {
        if (id == ALL) {
            groups.clear();
        } else {
            groups.remove(id);
        }
    }

    private static void check(OfGroup g) {
        if (Integer.compareUnsigned(g.id(), MAX) > 0) {
            throw new OfError(OfError.Type.GROUP_MOD_FAILED, "INVALID_GROUP", "group id " + Integer.toUnsignedString(g.id()));
        }
        if (g.type() == OfGroup.Type.INDIRECT && g.buckets().size() != 1) {
            throw new OfError(OfError.Type.GROUP_MOD_FAILED, "INVALID_GROUP", "an indirect group has one bucket");
        }
    }
}
