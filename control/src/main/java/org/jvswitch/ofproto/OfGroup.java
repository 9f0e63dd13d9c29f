package org.jvswitch.ofproto;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * An OpenFlow group: ALL (every bucket), SELECT (one bucket, chosen by a hash of the flow,
 * weighted), INDIRECT (its one bucket), FAST_FAILOVER (the first bucket whose watched port is
 * live).
 */
public record OfGroup(int id, Type type, List<Bucket> buckets, AtomicLong packets, AtomicLong bytes,
                      long createdMillis) {
    public enum Type { ALL, SELECT, INDIRECT, FAST_FAILOVER }

    /** OFPG_ANY: no port or group watched. */
    public static final int WATCH_NONE = 0xffffffff;

    /** A bucket: weight (SELECT), watched port and group (FAST_FAILOVER), actions. */
    public record Bucket(int weight, int watchPort, int watchGroup, List<OfAction> actions, AtomicLong packets,
                         AtomicLong bytes) {
        public Bucket(int weight, int watchPort, int watchGroup, List<OfAction> actions) {
            this(weight, watchPort, watchGroup, List.copyOf(actions), new AtomicLong(), new AtomicLong());
        }
    }

    public static OfGroup of(int id, Type type, List<Bucket> buckets, long nowMillis) {
        return new OfGroup(id, type, List.copyOf(buckets), new AtomicLong(), new AtomicLong(), nowMillis);
    }
}
