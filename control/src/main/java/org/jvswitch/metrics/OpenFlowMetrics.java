package org.jvswitch.metrics;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * OpenFlow's figures for {@code /metrics}, kept here so the OpenFlow code counts without knowing
 * Micrometer or whether metrics are on: messages by bridge, direction and type, and connections
 * by bridge and state. Process-wide; any thread; counting is a map lookup and a
 * {@link LongAdder} increment.
 *
 * <pre>{@code
 * OpenFlowMetrics.message("br0", OpenFlowMetrics.RX, "OFPT_FLOW_MOD");
 * OpenFlowMetrics.connection("br0", "unix:/run/.../br0.mgmt#3", "ACTIVE");   // state changes
 * OpenFlowMetrics.connectionClosed("br0", "unix:/run/.../br0.mgmt#3");
 * }</pre>
 *
 * Shown as {@code ovs_openflow_messages_total{bridge,direction,type}} and
 * {@code ovs_openflow_connections{bridge,state}} (connections now in each state).
 */
public final class OpenFlowMetrics {
    public static final String RX = "rx";
    public static final String TX = "tx";

    /** A message series: bridge, direction, type. */
    record MessageKey(String bridge, String direction, String type) {
    }

    /** A connection: its bridge and a name unique among the bridge's connections. */
    record ConnectionKey(String bridge, String connection) {
    }

    private static final Map<MessageKey, LongAdder> MESSAGES = new ConcurrentHashMap<>();
    private static final Map<ConnectionKey, String> STATES = new ConcurrentHashMap<>();

    private OpenFlowMetrics() {
    }

    /** Counts one message (type: OVS's name, e.g. OFPT_FLOW_MOD, NXT_PACKET_IN2). */
    public static void message(String bridge, String direction, String type) {
        MESSAGES.computeIfAbsent(new MessageKey(bridge, direction, type), k -> new LongAdder()).increment();
    }

    /** A connection is now in {@code state} (e.g. CONNECTING, ACTIVE, IDLE, BACKOFF). */
    public static void connection(String bridge, String connection, String state) {
        STATES.put(new ConnectionKey(bridge, connection), state);
    }

    /** A connection is gone. */
    public static void connectionClosed(String bridge, String connection) {
        STATES.remove(new ConnectionKey(bridge, connection));
    }

    static Map<MessageKey, LongAdder> messages() {
        return MESSAGES;
    }

    static Map<ConnectionKey, String> states() {
        return STATES;
    }
}
